import MediasecCore

/// One a=crypto attribute as the checks read it: its index entry (line,
/// path, value offset) and its scan (positions and numbers). The checks
/// read the scan, so a clean attribute builds no strings; sub-field offsets
/// come from the scan's positions, not from decoding the value again.
struct SDPCryptoItem {
    let entry: SDPAttributeEntry
    let scan: SRTPCryptoScan

    var lineIndex: Int { entry.located.lineIndex }
    var path: String { entry.located.path }
}

/// RFC 4568 §4–§7: every rule of `a=crypto`.
extension SDPValidationRun {
    mutating func checkCrypto() {
        if index.hasAny(.crypto) {
            // Session level: not allowed at all (§4).
            for it in index.cryptoItems(.session) {
                add(SDPRules.cryptoSessionLevel, at: lineOffset(it.lineIndex), it.path)
            }
            for it in index.cryptoItems(.session) { checkCryptoAttribute(it) }
            checkKeyReuse()
        }
        checkCryptoMedia()
    }

    /// The first holder of a key||salt: its attribute, session parameter
    /// (FEC_KEY) and key index.
    struct KeyHolder {
        let entry: SDPAttributeEntry
        let session: Int?
        let index: Int
    }

    /// Keys must be unique in the entire message (§6.1, §6.3.5). Paths are
    /// built only for a reuse finding.
    mutating func checkKeyReuse() {
        var keyCount = 0
        for level in index.levels {
            for it in index.cryptoItems(level) { keyCount += it.scan.keys.count }
        }
        guard keyCount > 1 else { return }
        var holders = SmallMap<ByteKey, KeyHolder>(expectedCount: keyCount)
        func field(_ session: Int?, _ i: Int) -> String {
            session.map { "sessionParams[\($0)].keyParams[\(i)]" } ?? "keyParams[\(i)]"
        }
        for level in index.levels {
            for it in index.cryptoItems(level) {
                let s = it.scan
                func check(_ sp: Int?, _ i: Int, _ k: SRTPKeyScan) {
                    guard k.isInline else { return }
                    // Two keys decode to the same key||salt exactly when
                    // their base64 characters before the padding are the
                    // same: the decoding accepts only canonical text (no
                    // bits left in the last character) and maps it one to
                    // one onto bytes. So the key is that text, not decoded.
                    let shape = k.keySaltShape
                    guard k.keySaltFailure == nil, shape.decodedCount > 0 else { return }
                    let key = ByteKey(s.bytes(k.keySalt).prefix(shape.dataCount))
                    if let other = holders.firstValue(for: key, else: KeyHolder(entry: it.entry, session: sp, index: i)) {
                        let f = field(sp, i)
                        add(SDPRules.cryptoKeyReuse, at: s.offset(k.at), "\(it.path).crypto.\(f)",
                            "the same key||salt as \(other.entry.located.path).crypto.\(field(other.session, other.index))")
                    }
                }
                for (i, k) in s.ownKeys.enumerated() { check(nil, i, k) }
                for (pi, p) in s.params.enumerated() where p.kind == .fecKey && p.hasValue {
                    for (i, k) in s.keys(of: p).enumerated() { check(pi, i, k) }
                }
            }
        }
    }

    /// The per-m-line rules of a=crypto.
    mutating func checkCryptoMedia() {
        for mi in 0..<index.mediaCount {
            let level = SDPLevel.media(mi)
            var first: SDPCryptoItem? = nil
            var count = 0
            for it in index.cryptoItems(level) {
                if first == nil { first = it }
                count += 1
            }
            // Without a=crypto only the keying rule of SRTP m-lines applies.
            if count == 0 && index.security(mi) != .srtp { continue }
            let proto = index.proto(mi)
            if let first, let p = proto {
                if p.security == .dtlsSRTP {
                    add(SDPRules.cryptoDTLSSRTP, at: lineOffset(first.lineIndex), first.path, "a=crypto on \(p) m-line")
                } else if p.security != .srtp {
                    add(SDPRules.cryptoProto, at: lineOffset(first.lineIndex), first.path, "a=crypto on a \(p) m-line")
                }
            }
            var tags = DecimalTokenMap<Int>(expectedCount: count)
            for it in index.cryptoItems(level) {
                let s = it.scan
                if let first = tags.firstValue(for: s.tag, in: s.value, else: it.lineIndex) {
                    add(SDPRules.cryptoTagDuplicate, at: s.offset(s.tag.range.lowerBound), it.entry.located.path(".crypto.tag"), "tag \(s.text(s.tag)) already used on line \(first + 1)")
                }
                checkCryptoAttribute(it)
            }
            // SRTP m-line with no keying at all (§7.1.1; RFC 4567 §3.1).
            if let p = proto, p.security == .srtp, count == 0, !index.hasEffective(.keyMgmt, mi),
               !index.has(.crypto, level), !(index.isRejected(mi) ?? false) {
                add(SDPRules.srtpNoKeying, at: index.mLineOffset(mi), "media[\(mi)]", "\(p) m-line with neither a=crypto nor a=key-mgmt")
            }
            if role == .answer, let first, index.hasTyped(level, SDPIndex.keyMgmt) {
                add(SDPRules.cryptoWithKeyMgmt, at: lineOffset(first.lineIndex), first.path)
            }
        }
    }

    mutating func checkCryptoAttribute(_ it: SDPCryptoItem) {
        let s = it.scan
        func base(_ suffix: String = "") -> String { it.entry.located.path(".crypto", suffix) }
        let tagAt = s.offset(s.tag.range.lowerBound)
        if s.tag.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: tagAt, base(".tag"), "tag '\(s.text(s.tag))' has a leading zero") }
        // Suite.
        let suiteAt = s.offset(s.suite.lowerBound)
        func suite() -> String { s.text(s.suite) }
        let suiteEntry = SRTPCryptoSuite.entry(index: s.suiteIndex)
        var info = suiteEntry?.info
        if let i = info, !i.registered {
            if choices.abnfOnlySuite == .abnf {
                add(SDPRules.cryptoSuiteABNFOnly, at: suiteAt, base(".suite"))
            } else {
                add(SDPRules.cryptoSuiteUnknown, at: suiteAt, base(".suite"), "\(suite()) is in the RFC 4568 §9.2 ABNF but not registered (abnfOnlySuite choice: registry)")
                info = nil
            }
        } else if info == nil {
            add(SDPRules.cryptoSuiteUnknown, at: suiteAt, base(".suite"), "crypto-suite '\(suite())' is not registered")
        }
        if let n = suiteEntry?.name, !s.suiteExact {
            add(SDPRules.cryptoCase, at: suiteAt, base(".suite"), "suite '\(suite())' is written '\(n)' in the registry")
        }
        checkKeyParams(it, s.ownKeys, field: SDPListField("keyParams"), info: info)
        // Session parameters. A known parameter is a duplicate by kind (one
        // bit per kind), any other by its name as written: no known name
        // is an extension's or an unknown one's, so the two never meet.
        var seenKnown: UInt16 = 0
        var seenOthers = SmallMap<ByteKey, Int>()
        for (i, p) in s.params.enumerated() {
            func path(_ suffix: String = "") -> String { it.entry.located.path(".crypto", ".sessionParams", index: i, suffix) }
            func name() -> String { s.text(p.name) }
            let at = s.offset(p.at)
            let valueAt = s.offset(p.valueAt)
            let kind = p.kind
            let duplicate: Bool
            if kind == .optionalExtension || kind == .unknownMandatory {
                duplicate = seenOthers.firstValue(for: ByteKey(s.bytes(p.name)), else: i) != nil
            } else {
                let bit = Self.kindBit(kind)
                duplicate = seenKnown & bit != 0
                seenKnown |= bit
            }
            if duplicate {
                add(SDPRules.cryptoParamDuplicate, at: at, path(), "\(name()) appears twice")
            }
            if kind.spelling != nil && !p.isCanonicalName { add(SDPRules.cryptoCase, at: at, path(), "'\(name())' is written '\(kind.rawValue)' in the RFC") }
            switch kind {
            case .kdr:
                guard let n = p.decimal else { break }
                if n.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: valueAt, path(), "KDR '\(s.text(n))' has a leading zero") }
                let v = n.value
                if v == 0 {
                    if choices.kdrRange == .abnf { add(SDPRules.cryptoKDRZeroABNF, at: valueAt, path()) }
                    else { add(SDPRules.cryptoKDRRange, at: valueAt, path(), "KDR=0: §6.3.1 allows 1..24 (the §9.2 comment says 0..24; kdrRange choice: section631)") }
                } else if (v ?? UInt64.max) > 24 {
                    add(SDPRules.cryptoKDRRange, at: valueAt, path(), "KDR=\(s.text(n)) is outside \(choices.kdrRange == .abnf ? "0" : "1")..24")
                }
            case .wsh:
                guard let n = p.decimal else { break }
                if n.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: valueAt, path(), "WSH '\(s.text(n))' has a leading zero") }
                if let v = n.value, v < 64 {
                    add(choices.wshMinimum == .required ? SDPRules.cryptoWSHMinimum : SDPRules.cryptoWSHHint, at: valueAt, path(), "WSH=\(s.text(n)) is below 64")
                }
            case .fecOrder:
                guard p.hasValue else { break }
                // fec-type = "FEC_SRTP" / "SRTP_FEC", case-insensitive (§4, §9.2).
                let t = s.bytes(p.value)
                if !(SDPASCII.equalsIgnoringCase(t, upper: "FEC_SRTP") || SDPASCII.equalsIgnoringCase(t, upper: "SRTP_FEC")) {
                    add(SDPRules.cryptoFECOrder, at: valueAt, path(), "FEC_ORDER=\(s.text(p.value))")
                }
            case .fecKey:
                guard p.hasValue else { break }
                checkKeyParams(it, s.keys(of: p), field: SDPListField("keyParams", parent: ("sessionParams", i)), info: info)
            case .unauthenticatedSRTP:
                add(SDPRules.cryptoUnauthenticated, at: at, path())
            case .optionalExtension:
                add(SDPRules.cryptoOptionalParam, at: at, path(), "optional parameter '\(name())' is not understood and ignored")
            case .unknownMandatory:
                add(SDPRules.cryptoUnknownMandatory, at: at, path(), "unknown mandatory session parameter '\(name())': the crypto attribute MUST be considered invalid")
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
    mutating func checkKeyParams(_ it: SDPCryptoItem, _ params: ArraySlice<SRTPKeyScan>, field listField: SDPListField, info: SRTPCryptoSuite.Info?) {
        let s = it.scan
        // Field names are built only for a finding.
        var field: String { listField.text }
        var mkiLength: (SDPDigits, Int)? = nil
        var mkiValues = DecimalTokenMap<Int>(expectedCount: params.count)
        for (i, k) in params.enumerated() {
            func path(_ suffix: String = "") -> String { it.entry.located.path(".crypto.", field, index: i, suffix) }
            let keyAt = s.offset(k.at)
            guard k.isInline else {
                add(SDPRules.cryptoKeyMethod, at: keyAt, path(".method"), "key method '\(s.text(k.method))' is not defined for SRTP (only inline)")
                continue
            }
            if !k.isCanonicalMethod { add(SDPRules.cryptoCase, at: keyAt, path(".method"), "key method '\(s.text(k.method))' is written 'inline' in the RFC") }
            // key||salt: the checks of the decoding and the decoded length,
            // without building the bytes (RFC 4568 §6.1).
            let ksAt = s.offset(k.keySalt.lowerBound)
            if let e = k.keySaltFailure {
                add(SDPRules.cryptoKeyBase64, at: ksAt, path(".keySalt"), "key||salt is not base64 (\(e.rawValue))")
            } else {
                let shape = k.keySaltShape
                if shape.isMissingPadding {
                    add(SDPRules.cryptoKeyBase64Padding, at: ksAt, path(".keySalt"))
                }
                let length = shape.decodedCount
                if let info, length != info.keySaltLength {
                    add(SDPRules.cryptoKeyLength, at: ksAt, path(".keySalt"), "key||salt is \(length) bytes; the suite needs \(info.keyLength) + \(info.saltLength) = \(info.keySaltLength)")
                }
            }
            // Lifetime.
            if let l = k.lifetime {
                let at = s.offset(k.lifetimeAt)
                func text() -> String { s.text(l) }
                if l.digits.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: at, path(".lifetime"), "lifetime '\(text())' has a leading zero") }
                if !l.powerOfTwo && l.digits.value == 0 {
                    add(SDPRules.cryptoLifetimeZero, at: at, path(".lifetime"), "lifetime 0")
                } else {
                    let srtp = UInt64(info?.srtpLifetimeLog2 ?? 48), srtcp = UInt64(info?.srtcpLifetimeLog2 ?? 31)
                    let maxLog2 = choices.lifetimeMaximum == .srtp ? srtp : srtcp
                    // Exceeds 2^max exactly when ceil(log2) > max.
                    let log2 = l.log2Ceiling ?? UInt64.max
                    if log2 > maxLog2 {
                        add(SDPRules.cryptoLifetimeMax, at: at, path(".lifetime"), "lifetime \(text()) exceeds 2^\(maxLog2) (lifetimeMaximum choice: \(choices.lifetimeMaximum.rawValue))")
                    } else if choices.lifetimeMaximum == .srtp, log2 > srtcp {
                        add(SDPRules.cryptoLifetimeSRTCP, at: at, path(".lifetime"), "lifetime \(text()) exceeds the SRTCP maximum 2^\(srtcp)")
                    }
                }
            }
            // MKI.
            if let m = k.mki {
                let at = s.offset(k.mkiAt), lenAt = s.offset(k.mkiLengthAt)
                func value() -> String { s.text(m.value) }
                func length() -> String { s.text(m.length) }
                if m.value.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: at, path(".mki.value"), "MKI '\(value())' has a leading zero") }
                if m.length.hasLeadingZero { add(SDPRules.cryptoLeadingZero, at: lenAt, path(".mki.length"), "MKI length '\(length())' has a leading zero") }
                if let len = m.length.value, (1...128).contains(len) {
                    if let need = DecimalToken.minimalByteCount(digits: s.bytes(m.value.range), value: m.value.value) {
                        if need > Int(len) {
                            add(SDPRules.cryptoMKIValueRange, at: at, path(".mki.value"), "MKI \(value()) needs \(need) bytes; the MKI field is \(len)")
                        }
                    } else {
                        add(SDPRules.cryptoMKIValueRange, at: at, path(".mki.value"), "MKI of \(m.value.range.count) digits does not fit 128 bytes")
                    }
                } else {
                    add(SDPRules.cryptoMKILengthRange, at: lenAt, path(".mki.length"), "MKI length \(length()) is outside 1..128")
                }
                if m.value.value == 0 { add(SDPRules.cryptoMKIZero, at: at, path(".mki.value")) }
                if let (first, line) = mkiLength, first.value != m.length.value {
                    add(SDPRules.cryptoMKILengthMismatch, at: lenAt, path(".mki.length"), "MKI length \(length()) differs from \(s.text(first)) of keyParams[\(line)]")
                }
                if mkiLength == nil { mkiLength = (m.length, i) }
                if let other = mkiValues.firstValue(for: m.value, in: s.value, else: i) {
                    add(SDPRules.cryptoMKIDuplicate, at: at, path(".mki.value"), "MKI \(value()) is also the MKI of \(field)[\(other)]")
                }
            } else if params.count > 1 {
                add(SDPRules.cryptoMultiKeyMKI, at: keyAt, path(), "key \(i + 1) of \(params.count) has no MKI")
            }
        }
    }
}
