import MediasecCore

/// RFC 8122 fingerprints, RFC 4145 setup/connection, RFC 8842 tls-id, and
/// the transport rules of TLS and DTLS m-lines (RFC 7345, RFC 5763).
extension SDPValidationRun {
    mutating func checkTLS() {
        for level in index.levels {
            if index.has(.fingerprint, level) { checkFingerprints(level) }
            if index.has(.tlsID, level) {
                for (da, t) in index.each(level, SDPIndex.tlsID) where !TLSIDAttribute.lengthRange.contains(t.value.utf8.count) {
                    add(SDPRules.tlsIDLength, at: da.valueOffset, da.located.path(".tlsId"), "tls-id of \(t.value.utf8.count) characters (20..255)")
                }
            }
            if role == .answer, index.has(.setup, level) {
                for (da, s) in index.each(level, SDPIndex.setup) where s.role == .actpass {
                    add(SDPRules.setupAnswerActpass, at: da.valueOffset, da.located.path(".setup"))
                }
            }
        }
        for mi in 0..<index.mediaCount {
            // Only TLS/DTLS m-lines and the registered TCP ones that need
            // a=connection have rules here: any other m-line is passed over
            // on the index's proto flags, before its proto is looked at.
            let security = index.security(mi)
            let dtls = security == .dtls || security == .dtlsSRTP
            let secured = dtls || security == .tls
            let wantsConnection = !dtls && index.isTCP(mi) && (index.application(mi).map { $0 != .msrp } ?? false)
            guard secured || wantsConnection, index.isRejected(mi) == false, let p = index.proto(mi) else { continue }
            func mPath() -> String { SDPPathText.indexed("media", mi) }
            let mAt = index.mLineOffset(mi)
            let level = SDPLevel.media(mi)
            if secured && !index.hasTyped(level, SDPIndex.fingerprint) && !index.hasTyped(.session, SDPIndex.fingerprint) {
                add(SDPRules.tlsFingerprintMissing, at: mAt, mPath(), "\(p) m-line without a=fingerprint")
            }
            if dtls {
                // A decodable a=setup is also a present one: no attribute
                // of the name at either level is "no a=setup".
                if !index.has(.setup, level) && !index.has(.setup, .session) {
                    add(SDPRules.dtlsSetupMissing, at: mAt, mPath(), "\(p) m-line without a=setup")
                } else if let (da, s) = index.effectiveFirst(mi, SDPIndex.setup) {
                    if s.role == .holdconn { add(SDPRules.dtlsHoldconn, at: da.valueOffset, da.located.path(".setup"), "setup:holdconn on a \(p) m-line") }
                    if role == .offer && s.role != .actpass {
                        add(SDPRules.dtlsOfferActpass, at: da.valueOffset, da.located.path(".setup"), "the offer uses setup:\(s.role.rawValue)")
                    }
                }
                if (p.security == .dtlsSRTP || p == .udpTLSUDPTL), let (da, _) = index.effectiveFirst(mi, SDPIndex.connection) {
                    add(SDPRules.dtlsConnectionForbidden, at: lineOffset(da.located.lineIndex), da.located.path, "a=connection on a \(p) m-line")
                }
                // Any a=tls-id (decodable or not) at the media level satisfies it.
                if role != .answer && !index.has(.tlsID, level) {
                    add(SDPRules.tlsIDMissing, at: mAt, mPath(), "\(p) m-line without a=tls-id")
                }
            }
            if wantsConnection, !index.has(.connection, level), !index.hasTyped(.session, SDPIndex.connection) {
                add(SDPRules.connectionAttrTCP, at: mAt, mPath(), "\(p) m-line without a=connection")
            }
        }
    }

    /// The fingerprints of one level, and RFC 8122 §5's SHA-256 (or
    /// stronger) one, in one pass.
    private mutating func checkFingerprints(_ level: SDPLevel) {
        // `typed(level, .fingerprint)` read straight from the entries.
        var first: SDPIndex.AttributeEntry? = nil
        var strong = false
        for e in index.chain(.fingerprint, level) {
            guard let da = e.decoded, case .success(.fingerprint(let fp)) = da.result else { continue }
            if first == nil { first = e }
            checkFingerprint(da, fp)
            if fp.hashFunction.isSHA256OrStronger { strong = true }
        }
        if !strong, let first {
            add(SDPRules.fingerprintNoSHA256, at: lineOffset(first.located.lineIndex), first.located.path, "no sha-256 (or stronger) fingerprint at \(level.path)")
        }
    }

    mutating func checkFingerprint(_ da: DecodedAttribute, _ fp: FingerprintAttribute) {
        func path() -> String { da.located.path(".fingerprint") }
        func hashAt() -> Int { fp.hashFunctionOffset(valueOffset: da.valueOffset) }
        func fpAt() -> Int { fp.fingerprintOffset(valueOffset: da.valueOffset) }
        if fp.leadingSpace { add(SDPRules.fingerprintLeadingSpace, at: da.valueOffset, path()) }
        if let info = fp.hashFunction.info {
            if info.forbidden {
                add(SDPRules.fingerprintHashForbidden, at: hashAt(), path() + ".hashFunction", "\(fp.hashFunction) MUST NOT be used")
            }
            let byteCount = fp.byteCount
            if byteCount != info.digestLength {
                add(SDPRules.fingerprintLength, at: fpAt(), path() + ".fingerprint", "\(byteCount) bytes; \(fp.hashFunction.canonicalName) fingerprints are \(info.digestLength)")
            }
            if fp.hashFunction.isNonCanonicalCase {
                if choices.hashNameCase == .lowercase {
                    add(SDPRules.fingerprintHashCaseStrict, at: hashAt(), path() + ".hashFunction", "'\(fp.hashFunction)' is registered as '\(fp.hashFunction.canonicalName)'")
                } else {
                    add(SDPRules.fingerprintHashCase, at: hashAt(), path() + ".hashFunction", "'\(fp.hashFunction)' (registry: '\(fp.hashFunction.canonicalName)')")
                }
            }
        } else {
            add(SDPRules.fingerprintHashUnknown, at: hashAt(), path() + ".hashFunction", "hash function '\(fp.hashFunction)' is not registered")
        }
        if fp.hasLowercaseHex {
            add(SDPRules.fingerprintLowercaseHex, at: fpAt(), path() + ".fingerprint")
        }
    }
}
