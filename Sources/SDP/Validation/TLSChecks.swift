import MediasecCore

/// RFC 8122 fingerprints, RFC 4145 setup/connection, RFC 8842 tls-id, and
/// the transport rules of TLS and DTLS m-lines (RFC 7345, RFC 5763).
extension SDPValidationRun {
    mutating func checkTLS() {
        for level in index.levels {
            let fps = index.typed(level, SDPIndex.fingerprint)
            for (da, fp) in fps { checkFingerprint(da, fp) }
            if !fps.isEmpty, !fps.contains(where: { $0.1.hashFunction.canonicalName == "sha-256" }),
               !fps.contains(where: { ($0.1.hashFunction.info?.digestLength ?? 0) > 32 }) {
                add(SDPRules.fingerprintNoSHA256, at: lineOffset(fps[0].0.located.lineIndex), fps[0].0.located.path, "no sha-256 (or stronger) fingerprint at \(level.path)")
            }
            for (da, t) in index.typed(level, SDPIndex.tlsID) where !TLSIDAttribute.lengthRange.contains(t.value.utf8.count) {
                add(SDPRules.tlsIDLength, at: da.valueOffset, "\(da.located.path).tlsId", "tls-id of \(t.value.utf8.count) characters (20..255)")
            }
            if role == .answer {
                for (da, s) in index.typed(level, SDPIndex.setup) where s.role == .actpass {
                    add(SDPRules.setupAnswerActpass, at: da.valueOffset, "\(da.located.path).setup")
                }
            }
        }
        for mi in 0..<index.mediaCount {
            guard let p = index.proto(mi), let f = index.mediaField(mi), !f.isRejected else { continue }
            func mPath() -> String { "media[\(mi)]" }
            let mAt = index.mLineOffset(mi)
            if p.usesTLSOrDTLS && index.effectiveFirst(mi, SDPIndex.fingerprint) == nil {
                add(SDPRules.tlsFingerprintMissing, at: mAt, mPath(), "\(p) m-line without a=fingerprint")
            }
            let setup = index.effectiveFirst(mi, SDPIndex.setup)
            if p.isDatagramTLS {
                if setup == nil && !index.has(.setup, .media(mi)) && !index.has(.setup, .session) {
                    add(SDPRules.dtlsSetupMissing, at: mAt, mPath(), "\(p) m-line without a=setup")
                }
                if let (da, s) = setup {
                    if s.role == .holdconn { add(SDPRules.dtlsHoldconn, at: da.valueOffset, "\(da.located.path).setup", "setup:holdconn on a \(p) m-line") }
                    if role == .offer && s.role != .actpass {
                        add(SDPRules.dtlsOfferActpass, at: da.valueOffset, "\(da.located.path).setup", "the offer uses setup:\(s.role.rawValue)")
                    }
                }
                if (p == .udpTLSUDPTL || p.security == .dtlsSRTP), let (da, _) = index.effectiveFirst(mi, SDPIndex.connection) {
                    add(SDPRules.dtlsConnectionForbidden, at: lineOffset(da.located.lineIndex), da.located.path, "a=connection on a \(p) m-line")
                }
                if !index.hasTyped(.media(mi), SDPIndex.tlsID) && !index.has(.tlsID, .media(mi)) && role != .answer {
                    add(SDPRules.tlsIDMissing, at: mAt, mPath(), "\(p) m-line without a=tls-id")
                }
            }
            if p.isTCP, let info = p.info, info.application != .msrp, !p.isDatagramTLS,
               index.effectiveFirst(mi, SDPIndex.connection) == nil, !index.has(.connection, .media(mi)) {
                add(SDPRules.connectionAttrTCP, at: mAt, mPath(), "\(p) m-line without a=connection")
            }
        }
    }

    mutating func checkFingerprint(_ da: DecodedAttribute, _ fp: FingerprintAttribute) {
        func path() -> String { "\(da.located.path).fingerprint" }
        func hashAt() -> Int { at(da, "hashFunction") }
        func fpAt() -> Int { at(da, "fingerprint") }
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
