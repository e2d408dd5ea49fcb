import MediasecCore

extension CMSValidationRun {
    /// With a key: recover the CEK, verify the tag over the received AAD
    /// (RFC 5083 §2.2) and, when it fails, diagnose the known AAD mistakes
    /// (FACTS.md §9: authAttrs tag confusion / not in the AAD).
    mutating func checkCrypto() {
        guard aed != nil else { return }
        let macPath = "\(Self.root).mac"
        guard let key else {
            add(CMSRules.aeadNotChecked, macPath, "tag not checked: no key given")
            return
        }
        let cek: [UInt8]
        do {
            cek = try CMSKeyRecovery.recover(d, key: key, codePoints: cp).cek
        } catch {
            add(CMSRules.keyRecoveryFailed, at: at(error.path) ?? at("\(Self.root).recipientInfos"), error.path, "\(error.code): \(error.message)")
            return
        }
        do {
            plaintext = try CMSDecryptor(codePoints: cp).decrypt(d, cek: cek)
            add(CMSRules.aeadVerified, macPath, "\(plaintext?.algorithm.description ?? "AEAD") tag verified; \(plaintext?.content.count ?? 0) octets of content")
        } catch {
            switch error.code {
            case CMSCryptoError.authenticationFailure:
                add(CMSRules.aeadTagMismatch, macPath)
                switch CMSDecryptor.diagnoseAAD(d, cek: cek) {
                case .implicitTagKept: add(CMSRules.aadTagConfusion, "\(Self.root).authAttrs")
                case .authAttrsOmitted: add(CMSRules.aadAuthAttrsOmitted, "\(Self.root).authAttrs")
                case nil: break
                }
            case CMSCryptoError.cekLength:
                add(CMSRules.keyRecoveryFailed, macPath, "\(error.code): \(error.message)")
            default:
                add(CMSRules.aeadNotChecked, macPath, "tag not checked: \(error.code): \(error.message)")
            }
        }
    }
}
