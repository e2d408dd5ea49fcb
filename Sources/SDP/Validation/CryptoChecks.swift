import MediasecCore

/// RFC 4568 §4–§7: every rule of `a=crypto`.
extension SDPValidationRun {
    mutating func checkCrypto() {
        // The typed a=crypto list of each level, built once (session first).
        guard index.hasAny(.crypto) else {
            checkCryptoMedia([])
            return
        }
        let lists = index.levels.map { index.typed($0, SDPIndex.crypto) }
        // Session level: not allowed at all (§4).
        for (da, _) in lists[0] {
            add(SDPRules.cryptoSessionLevel, at: lineOffset(da.located.lineIndex), da.located.path)
        }
        for (da, c) in lists[0] { checkCryptoAttribute(da, c) }
        // Keys must be unique in the entire message (§6.1, §6.3.5).
        // Paths are built only for a reuse finding. The first holder of
        // each key is kept as (level, position in the level's list, session
        // parameter, key index).
        var keyCount = 0
        for list in lists {
            for (_, c) in list {
                keyCount += c.keyParams.count
                for p in c.sessionParams { if case .keyParams(let fk) = p.value { keyCount += fk.count } }
            }
        }
        var holders = SmallMap<ByteKey, (Int, Int, Int?, Int)>(expectedCount: keyCount)
        func field(_ session: Int?, _ i: Int) -> String {
            session.map { "sessionParams[\($0)].keyParams[\(i)]" } ?? "keyParams[\(i)]"
        }
        for (li, list) in lists.enumerated() {
            for (pos, (da, c)) in list.enumerated() {
                func check(_ sp: Int?, _ i: Int, _ k: SRTPInlineKey) {
                    // Two keys decode to the same key||salt exactly when
                    // their base64 characters before the padding are the
                    // same: the decoding accepts only canonical text (no
                    // bits left in the last character) and maps it one to
                    // one onto bytes. So the key is that text, not decoded.
                    let text = k.keySaltText
                    guard case .success(let shape) = text.withUnsafeBufferPointer({ SDPBase64.shapeUnpadded($0) }),
                          shape.decodedCount > 0 else { return }
                    let key = ByteKey(text.prefix(shape.dataCount))
                    if let (ol, opos, osp, oi) = holders.firstValue(for: key, else: (li, pos, sp, i)) {
                        let f = field(sp, i)
                        let oda = lists[ol][opos].0
                        add(SDPRules.cryptoKeyReuse, at: at(da, f), "\(da.located.path).crypto.\(f)", "the same key||salt as \(oda.located.path).crypto.\(field(osp, oi))")
                    }
                }
                for (i, k) in c.keyParams.enumerated() { if let ik = k.inlineKey { check(nil, i, ik) } }
                for (pi, p) in c.sessionParams.enumerated() {
                    if case .keyParams(let fk) = p.value {
                        for (i, k) in fk.enumerated() { if let ik = k.inlineKey { check(pi, i, ik) } }
                    }
                }
            }
        }
        checkCryptoMedia(lists)
    }

    /// The per-m-line rules of a=crypto; `lists` holds the typed list of
    /// each level (empty when the description has no a=crypto at all).
    mutating func checkCryptoMedia(_ lists: [[(DecodedAttribute, CryptoAttribute)]]) {
        for mi in 0..<index.mediaCount {
            let level = SDPLevel.media(mi)
            let list = mi + 1 < lists.count ? lists[mi + 1] : []
            let proto = index.proto(mi)
            if !list.isEmpty, let p = proto {
                if p.security == .dtlsSRTP {
                    add(SDPRules.cryptoDTLSSRTP, at: lineOffset(list[0].0.located.lineIndex), list[0].0.located.path, "a=crypto on \(p) m-line")
                } else if p.security != .srtp {
                    add(SDPRules.cryptoProto, at: lineOffset(list[0].0.located.lineIndex), list[0].0.located.path, "a=crypto on a \(p) m-line")
                }
            }
            var tags = DecimalTokenMap<Int>(expectedCount: list.count)
            for (da, c) in list {
                let first = tags.firstValue(for: c.tag, else: da.located.lineIndex)
                if let first {
                    add(SDPRules.cryptoTagDuplicate, at: at(da, "tag"), "\(da.located.path).crypto.tag", "tag \(c.tag) already used on line \(first + 1)")
                }
                checkCryptoAttribute(da, c)
            }
            // SRTP m-line with no keying at all (§7.1.1; RFC 4567 §3.1).
            if let p = proto, p.security == .srtp, list.isEmpty, !index.hasEffective(.keyMgmt, mi),
               !index.has(.crypto, level), !(index.mediaField(mi)?.isRejected ?? false) {
                add(SDPRules.srtpNoKeying, at: index.mLineOffset(mi), "media[\(mi)]", "\(p) m-line with neither a=crypto nor a=key-mgmt")
            }
            if role == .answer, !list.isEmpty, index.hasTyped(level, SDPIndex.keyMgmt) {
                add(SDPRules.cryptoWithKeyMgmt, at: lineOffset(list[0].0.located.lineIndex), list[0].0.located.path)
            }
        }
    }

    mutating func checkCryptoAttribute(_ da: DecodedAttribute, _ c: CryptoAttribute) {
        func base() -> String { "\(da.located.path).crypto" }
        if c.tag.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: at(da, "tag"), base() + ".tag", "tag '\(c.tag)' has a leading zero") }
        // Suite.
        let suiteEntry = c.suite.entry
        var info = suiteEntry?.info
        if let i = info, !i.registered {
            if choices.abnfOnlySuite == .abnf {
                add(SDPRules.cryptoSuiteABNFOnly, at: at(da, "suite"), base() + ".suite")
            } else {
                add(SDPRules.cryptoSuiteUnknown, at: at(da, "suite"), base() + ".suite", "\(c.suite) is in the RFC 4568 §9.2 ABNF but not registered (abnfOnlySuite choice: registry)")
                info = nil
            }
        } else if info == nil {
            add(SDPRules.cryptoSuiteUnknown, at: at(da, "suite"), base() + ".suite", "crypto-suite '\(c.suite)' is not registered")
        }
        if let n = suiteEntry?.name, n != c.suite.rawValue {
            add(SDPRules.cryptoCase, at: at(da, "suite"), base() + ".suite", "suite '\(c.suite)' is written '\(n)' in the registry")
        }
        checkKeyParams(c.keyParams, da: da, field: SDPListField("keyParams"), info: info)
        // Session parameters. A known parameter is a duplicate by kind (one
        // bit per kind), any other by its name as written: no known name
        // is an extension's or an unknown one's, so the two never meet.
        var seenKnown: UInt16 = 0
        var seenOthers = SmallMap<String, Int>()
        for (i, p) in c.sessionParams.enumerated() {
            func f() -> String { "sessionParams[\(i)]" }
            func path() -> String { "\(base()).\(f())" }
            func at() -> Int { self.at(da, f()) }
            func valueAt() -> Int { self.at(da, f() + ".value") }
            let kind = p.kind
            let duplicate: Bool
            if kind == .optionalExtension || kind == .unknownMandatory {
                duplicate = seenOthers.firstValue(for: p.name, else: i) != nil
            } else {
                let bit = Self.kindBit(kind)
                duplicate = seenKnown & bit != 0
                seenKnown |= bit
            }
            if duplicate {
                add(SDPRules.cryptoParamDuplicate, at: at(), path(), "\(p.name) appears twice")
            }
            if p.isNonCanonicalCase { add(SDPRules.cryptoCase, at: at(), path(), "'\(p.name)' is written '\(p.kind.rawValue)' in the RFC") }
            switch (kind, p.value) {
            case (.kdr, .decimal(let n)):
                if n.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: valueAt(), path(), "KDR '\(n)' has a leading zero") }
                let v = n.value
                if v == 0 {
                    if choices.kdrRange == .abnf { add(SDPRules.cryptoKDRZeroABNF, at: valueAt(), path()) }
                    else { add(SDPRules.cryptoKDRRange, at: valueAt(), path(), "KDR=0: §6.3.1 allows 1..24 (the §9.2 comment says 0..24; kdrRange choice: section631)") }
                } else if (v ?? UInt64.max) > 24 {
                    add(SDPRules.cryptoKDRRange, at: valueAt(), path(), "KDR=\(n) is outside \(choices.kdrRange == .abnf ? "0" : "1")..24")
                }
            case (.wsh, .decimal(let n)):
                if n.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: valueAt(), path(), "WSH '\(n)' has a leading zero") }
                if let v = n.value, v < 64 {
                    add(choices.wshMinimum == .required ? SDPRules.cryptoWSHMinimum : SDPRules.cryptoWSHHint, at: valueAt(), path(), "WSH=\(n) is below 64")
                }
            case (.fecOrder, .text(let t)):
                // fec-type = "FEC_SRTP" / "SRTP_FEC", case-insensitive (§4, §9.2).
                var text = t
                let known = text.withUTF8 { SDPASCII.equalsIgnoringCase($0, upper: "FEC_SRTP") || SDPASCII.equalsIgnoringCase($0, upper: "SRTP_FEC") }
                if !known {
                    add(SDPRules.cryptoFECOrder, at: valueAt(), path(), "FEC_ORDER=\(t)")
                }
            case (.fecKey, .keyParams(let k)):
                checkKeyParams(k, da: da, field: SDPListField("keyParams", parent: ("sessionParams", i)), info: info)
            case (.unauthenticatedSRTP, _):
                add(SDPRules.cryptoUnauthenticated, at: at(), path())
            case (.optionalExtension, _):
                add(SDPRules.cryptoOptionalParam, at: at(), path(), "optional parameter '\(p.name)' is not understood and ignored")
            case (.unknownMandatory, _):
                add(SDPRules.cryptoUnknownMandatory, at: at(), path(), "unknown mandatory session parameter '\(p.name)': the crypto attribute MUST be considered invalid")
            default:
                break
            }
        }
    }

    /// One bit per known session parameter kind, for the duplicate check.
    static func kindBit(_ k: SRTPSessionParameter.Kind) -> UInt16 {
        switch k {
        case .kdr: return 1
        case .unencryptedSRTP: return 2
        case .unencryptedSRTCP: return 4
        case .unauthenticatedSRTP: return 8
        case .fecOrder: return 16
        case .fecKey: return 32
        case .wsh: return 64
        case .optionalExtension: return 128
        case .unknownMandatory: return 256
        }
    }

    /// The rules of one key-params list (the attribute's or an FEC_KEY's).
    mutating func checkKeyParams(_ params: [CryptoKeyParameter], da: DecodedAttribute, field listField: SDPListField, info: SRTPCryptoSuite.Info?) {
        // Field names are built only for a finding.
        var field: String { listField.text }
        func base() -> String { "\(da.located.path).crypto.\(field)" }
        var mkiLength: (DecimalToken, Int)? = nil
        var mkiValues = DecimalTokenMap<Int>(expectedCount: params.count)
        for (i, kp) in params.enumerated() {
            func f() -> String { "\(field)[\(i)]" }
            func path() -> String { "\(base())[\(i)]" }
            guard let k = kp.inlineKey else {
                add(SDPRules.cryptoKeyMethod, at: at(da, f()), path() + ".method", "key method '\(kp.method)' is not defined for SRTP (only inline)")
                continue
            }
            if k.method != "inline" { add(SDPRules.cryptoCase, at: at(da, f()), path() + ".method", "key method '\(k.method)' is written 'inline' in the RFC") }
            // key||salt.
            func ksAt() -> Int { at(da, f() + ".keySalt") }
            // The checks of the decoding and the decoded length, without
            // building the bytes (RFC 4568 §6.1).
            switch k.keySaltText.withUnsafeBufferPointer({ SDPBase64.shapeUnpadded($0) }) {
            case .failure(let e):
                add(SDPRules.cryptoKeyBase64, at: ksAt(), path() + ".keySalt", "key||salt is not base64 (\(e.rawValue))")
            case .success(let shape):
                if shape.isMissingPadding {
                    add(SDPRules.cryptoKeyBase64Padding, at: ksAt(), path() + ".keySalt")
                }
                let length = shape.decodedCount
                if let info, length != info.keySaltLength {
                    add(SDPRules.cryptoKeyLength, at: ksAt(), path() + ".keySalt", "key||salt is \(length) bytes; the suite needs \(info.keyLength) + \(info.saltLength) = \(info.keySaltLength)")
                }
            }
            // Lifetime.
            if let l = k.lifetime {
                func at() -> Int { self.at(da, f() + ".lifetime") }
                if l.digits.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: at(), path() + ".lifetime", "lifetime '\(l)' has a leading zero") }
                if !l.powerOfTwo && l.digits.value == 0 {
                    add(SDPRules.cryptoLifetimeZero, at: at(), path() + ".lifetime", "lifetime 0")
                } else {
                    let srtp = UInt64(info?.srtpLifetimeLog2 ?? 48), srtcp = UInt64(info?.srtcpLifetimeLog2 ?? 31)
                    let maxLog2 = choices.lifetimeMaximum == .srtp ? srtp : srtcp
                    // Exceeds 2^max exactly when ceil(log2) > max.
                    let log2 = l.log2Ceiling ?? UInt64.max
                    if log2 > maxLog2 {
                        add(SDPRules.cryptoLifetimeMax, at: at(), path() + ".lifetime", "lifetime \(l) exceeds 2^\(maxLog2) (lifetimeMaximum choice: \(choices.lifetimeMaximum.rawValue))")
                    } else if choices.lifetimeMaximum == .srtp, log2 > srtcp {
                        add(SDPRules.cryptoLifetimeSRTCP, at: at(), path() + ".lifetime", "lifetime \(l) exceeds the SRTCP maximum 2^\(srtcp)")
                    }
                }
            }
            // MKI.
            if let m = k.mki {
                func at() -> Int { self.at(da, f() + ".mki") }
                func lenAt() -> Int { self.at(da, f() + ".mki.length") }
                if m.value.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: at(), path() + ".mki.value", "MKI '\(m.value)' has a leading zero") }
                if m.length.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: lenAt(), path() + ".mki.length", "MKI length '\(m.length)' has a leading zero") }
                if let len = m.length.value(in: 1...128) {
                    if let need = m.value.minimalByteCount {
                        if need > Int(len) {
                            add(SDPRules.cryptoMKIValueRange, at: at(), path() + ".mki.value", "MKI \(m.value) needs \(need) bytes; the MKI field is \(len)")
                        }
                    } else {
                        add(SDPRules.cryptoMKIValueRange, at: at(), path() + ".mki.value", "MKI of \(m.value.digitCount) digits does not fit 128 bytes")
                    }
                } else {
                    add(SDPRules.cryptoMKILengthRange, at: lenAt(), path() + ".mki.length", "MKI length \(m.length) is outside 1..128")
                }
                if m.value.value == 0 { add(SDPRules.cryptoMKIZero, at: at(), path() + ".mki.value") }
                if let (first, line) = mkiLength, first.value != m.length.value {
                    add(SDPRules.cryptoMKILengthMismatch, at: lenAt(), path() + ".mki.length", "MKI length \(m.length) differs from \(first) of keyParams[\(line)]")
                }
                if mkiLength == nil { mkiLength = (m.length, i) }
                if let other = mkiValues.firstValue(for: m.value, else: i) {
                    add(SDPRules.cryptoMKIDuplicate, at: at(), path() + ".mki.value", "MKI \(m.value) is also the MKI of \(field)[\(other)]")
                }
            } else if params.count > 1 {
                add(SDPRules.cryptoMultiKeyMKI, at: at(da, f()), path(), "key \(i + 1) of \(params.count) has no MKI")
            }
        }
    }
}
