import MediasecCore

extension CMSValidationRun {
    /// TS 33.328 Annex I (FACTS.md §1; the TS text is not in the spec
    /// folder, so only the shape the brief and FACTS name is checked):
    /// KEKRecipientInfo recipients, AES key wrap with a 128- or 256-bit KEK,
    /// AES-GCM or AES-CCM with a 128- or 256-bit key.
    mutating func checkAnnexI() {
        guard sink.profiles.contains(.ts33328AnnexI), let aed else { return }
        for (i, ri) in aed.recipientInfos.enumerated() {
            let p = recipientPath(i, ri)
            guard case .kekri(let k) = ri else {
                add(CMSRules.annexIRecipientType, p, "recipient \(i) is \(ri.choiceName)")
                continue
            }
            let w = k.keyWrapAlgorithm
            if w != .aesWrap(.bits128) && w != .aesWrap(.bits256) {
                add(CMSRules.annexIKeyWrap, "\(p).keyEncryptionAlgorithm", "\(w.map(\.description) ?? k.keyEncryptionAlgorithm.algorithm)")
            }
        }
        let a = aed.algorithm
        if a == nil || a?.keySize == .bits192 {
            add(CMSRules.annexIAlgorithm, "\(Self.alg).algorithm", "\(a.map(\.description) ?? aed.authEncryptedContentInfo.contentEncryptionAlgorithm.algorithm)")
        }
    }
}
