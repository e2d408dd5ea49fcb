import MediasecCore

extension CMSValidationRun {
    /// RFC 5652 §6.2 versions; RFC 3565 §2.4 / RFC 3394 §2 for kekri.
    mutating func checkRecipients() {
        guard let aed else { return }
        let contentKeyLength = aed.algorithm?.keyLength
        for (i, ri) in aed.recipientInfos.enumerated() {
            let p = recipientPath(i, ri)
            switch ri {
            case .ktri(let k):
                let expected: Int
                switch k.rid {
                case .issuerAndSerialNumber: expected = 0
                case .subjectKeyIdentifier: expected = 2
                }
                if k.version != expected { add(CMSRules.ktriVersion, "\(p).version", "version \(k.version) with rid \(expected == 0 ? "issuerAndSerialNumber" : "subjectKeyIdentifier") (expected \(expected))") }
                add(CMSRules.recipientNotProcessed, p)
            case .kari(let k):
                if k.version != 3 { add(CMSRules.kariVersion, "\(p).version", "version is \(k.version)") }
                add(CMSRules.recipientNotProcessed, p)
            case .pwri(let k):
                if k.version != 0 { add(CMSRules.pwriVersion, "\(p).version", "version is \(k.version)") }
                add(CMSRules.recipientNotProcessed, p)
            case .kekri(let k):
                checkKEKRecipient(k, path: p, contentKeyLength: contentKeyLength)
            case .ori(let o):
                if o.oriType != cp.oriMIKEY {
                    add(CMSRules.oriUnknown, "\(p).oriType", "oriType \(CMSOID.name(of: o.oriType, codePoints: cp).map { "\($0) (\(o.oriType))" } ?? o.oriType)")
                }
            }
        }
    }

    mutating func checkKEKRecipient(_ k: KEKRecipientInfo, path p: String, contentKeyLength: Int?) {
        if k.version != 4 { add(CMSRules.kekriVersion, "\(p).version", "version is \(k.version)") }
        let ap = "\(p).keyEncryptionAlgorithm"
        guard let wrap = k.keyWrapAlgorithm else {
            add(CMSRules.kekriWrapAlgorithm, "\(ap).algorithm", "\(CMSOID.name(of: k.keyEncryptionAlgorithm.algorithm) ?? k.keyEncryptionAlgorithm.algorithm)")
            return
        }
        if k.keyEncryptionAlgorithm.parameters != .absent {
            let what: String
            if case .encoded(let raw) = k.keyEncryptionAlgorithm.parameters { what = Self.describe(raw) } else { what = "present" }
            add(CMSRules.kekriWrapParams, "\(ap).parameters", "\(wrap) parameters are \(what)")
        }
        guard wrap.isSupported else {
            add(CMSRules.kekriKWPNotSupported, ap, "\(wrap)")
            return
        }
        let n = k.encryptedKey.count
        guard n % 8 == 0, n >= 24 else {
            add(CMSRules.kekriWrappedLength, "\(p).encryptedKey", "wrapped key of \(n) octets")
            return
        }
        let cek = n - 8
        if wrap.kekLength < cek {
            add(CMSRules.kekriKEKShorter, ap, "\(wrap.kekLength * 8)-bit KEK wraps a \(cek * 8)-bit CEK")
        }
        if let want = contentKeyLength, want != cek {
            add(CMSRules.kekriCEKLength, "\(p).encryptedKey", "wrapped CEK of \(cek) octets; the content algorithm needs \(want)")
        }
    }
}
