import MediasecCore

extension CMSValidationRun {
    /// RFC 5083 §2.1: content type, version, recipients, detached content.
    mutating func checkStructure() {
        guard let aed else {
            add(CMSRules.notAuthEnveloped, "contentType", "content type is \(CMSOID.name(of: d.contentInfo.contentType, codePoints: cp) ?? d.contentInfo.contentType)")
            return
        }
        let r = Self.root
        if aed.version != 0 { add(CMSRules.version, "\(r).version", "version is \(aed.version)") }
        if aed.recipientInfos.isEmpty { add(CMSRules.recipientsEmpty, "\(r).recipientInfos") }
        if aed.originatorInfo != nil, !aed.recipientInfos.contains(where: { if case .kari = $0 { true } else { false } }) {
            add(CMSRules.originatorInfoUnused, "\(r).originatorInfo")
        }
        if aed.authEncryptedContentInfo.encryptedContent == nil { add(CMSRules.contentDetached, Self.eci) }
    }
}
