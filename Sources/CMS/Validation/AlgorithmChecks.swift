import MediasecCore

extension CMSValidationRun {
    /// RFC 5084 §3: the AEAD OID, its parameters, nonce, ICVlen and the mac
    /// length (FACTS.md §9: mac shorter than ICVlen, non-AEAD cipher OID,
    /// oversized GCM nonce).
    mutating func checkAlgorithm() {
        guard let aed else { return }
        let ai = aed.authEncryptedContentInfo.contentEncryptionAlgorithm
        let ap = Self.alg
        guard let alg = AuthEncryptionAlgorithm(oid: ai.algorithm) else {
            add(CMSRules.notAEAD, "\(ap).algorithm", "\(CMSOID.name(of: ai.algorithm, codePoints: cp) ?? ai.algorithm) is not AES-GCM or AES-CCM")
            return
        }
        let pp = "\(ap).parameters"
        let p: AEADParameters
        switch ai.parameters {
        case .absent:
            add(CMSRules.paramsAbsent, ap, "\(alg) without parameters")
            return
        case .encoded(let raw):
            add(CMSRules.paramsType, pp, "\(alg) parameters are \(Self.describe(raw)), not \(alg.isGCM ? "GCMParameters" : "CCMParameters")")
            return
        case .aead(let x):
            p = x
        }
        let np = "\(pp).nonce"
        let n = p.nonce.count
        if alg.isGCM {
            if n == 0 {
                add(CMSRules.gcmNonceEmpty, np)
            } else {
                if n >= 17 {
                    let extra = n > alg.allowedNonceLengths.upperBound ? "; MediasecCrypto accepts at most \(alg.allowedNonceLengths.upperBound)" : ""
                    add(CMSRules.gcmNonceOversized, np, "\(n)-octet GCM nonce\(extra)")
                }
                if n != 12 { add(CMSRules.gcmNonceLength, np, "\(n)-octet GCM nonce") }
            }
        } else {
            if !(7...13).contains(n) {
                add(CMSRules.ccmNonceLength, np, "\(n)-octet CCM nonce")
            } else if n != 7 {
                add(CMSRules.ccmNonceRecommended, np, "\(n)-octet CCM nonce (L = \(15 - n))")
            }
        }
        let icv = p.effectiveICVLength
        if !alg.allowedICVLengths.contains(icv) {
            add(CMSRules.icvLength, p.icvLength == nil ? pp : "\(pp).icvLen", "ICVlen \(icv) for \(alg); allowed \(alg.allowedICVLengths.sorted())")
        }
        if aed.mac.count != icv {
            add(CMSRules.macLength, "\(Self.root).mac", "mac is \(aed.mac.count) octets, ICVlen is \(icv)\(p.icvLength == nil ? " (DEFAULT)" : "")")
        }
        if p.icvLength == nil {
            add(CMSRules.icvLengthOmittedInterop, pp)
        }
    }

    /// "NULL", "an OCTET STRING of 16 octets", … for messages.
    static func describe(_ raw: [UInt8]) -> String {
        var r = ASN1Reader(rules: .ber)
        guard let n = try? r.parse(raw) else { return "\(raw.count) octets" }
        if n.identifier == .null { return "NULL" }
        return "\(n.identifier) of \(n.contentRange.count) octets"
    }
}
