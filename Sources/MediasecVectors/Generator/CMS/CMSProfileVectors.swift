import MediasecCore
import MIKEY
import CMS

/// `Vectors/cms/tr33829.json` (TR 33.829 Annex B: an id-ori-mikey recipient
/// carrying a PSK/MIME TRANSFER_INIT, Annex E, Annex F proof-of-origin) and
/// `Vectors/cms/ts33328.json` (TS 33.328 Annex I: KEKRecipientInfo, AES key
/// wrap 128/256, AES-GCM/CCM 128/256).
enum CMSProfileVectors {
    typealias R = CMSRules

    static let b3 = "TR 33.829 Annex B.3"

    static func annexB(_ s: CMSVectorSet) {
        for alg in [AuthEncryptionAlgorithm.aesGCM(.bits128), .aesGCM(.bits256), .aesCCM(.bits128), .aesCCM(.bits256)] {
            let name = "\(alg.isGCM ? "gcm" : "ccm")\(alg.keySize.rawValue)"
            s.add("ori::\(name)", "An id-ori-mikey recipient whose TRANSFER_INIT carries the CEK as TEK, \(alg); the TEK is recovered with the MPKi (psk) and the tag verified.",
                  refs: [b3, "TR 33.829 Annex B.1", "TR 33.829 Annex E", "RFC 5083 §2.2"], flags: ["crypto", "tr-code-points"]) { g in
                let b = try g.build(alg, recipients: .ori)
                return CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c]).key(b.mikeyKey).pinning(CMSExpected.tree(b.model, verified: b.content.count))
            }
        }
        s.add("ori::structure-only", "An id-ori-mikey recipient validated without keys: the TRANSFER_INIT is decoded and validated, the tag not checked.",
              refs: [b3, "TR 33.829 Annex E"], flags: ["tr-code-points"]) { g in
            let b = try g.build(recipients: .ori)
            return .valid(b.bytes, infos: [R.aeadNotChecked.c]).pinning(CMSExpected.tree(b.model))
        }
        s.add("ori::with-kekri", "An id-ori-mikey recipient and a kekri for the same CEK; opened through the ori.", refs: [b3, "RFC 5652 §6.2"], flags: ["crypto", "tr-code-points"]) { g in
            let b = try g.build(recipients: .both)
            return CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c]).key(b.mikeyKey)
        }
        s.add("ori::wrong-mpk", "The TRANSFER_INIT opened with another MPKi: its MAC does not verify, so no TEK is taken from it.",
              refs: [b3, "RFC 6043 §5.5"], flags: ["crypto", "tr-code-points", "nested-mikey"]) { g in
            let b = try g.build(recipients: .ori)
            return CMSVectorCase.invalid(b.bytes, [R.keyRecoveryFailed.c]).key(.mikey(PSKMIMETransferInit(mpk: g.bytes(16)).receiverKeys))
        }
        s.add("pop::match", "Proof-of-origin (Annex F extension) carrying the CMS mac, checked with the MPKi.",
              refs: ["TR 33.829 Annex E", "TR 33.829 Annex F.1", b3], flags: ["crypto", "tr-code-points"]) { g in
            let b = try g.build(recipients: .ori, proofOfOrigin: true)
            return CMSVectorCase.valid(b.bytes, infos: [R.proofOfOriginMatch.c, R.aeadVerified.c]).key(b.mikeyKey)
        }
        s.add("pop::match-unkeyed", "Proof-of-origin carrying the CMS mac, without keys (the comparison needs none).", refs: ["TR 33.829 Annex F.1"], flags: ["tr-code-points"]) { g in
            let b = try g.build(recipients: .ori, proofOfOrigin: true)
            return .valid(b.bytes, infos: [R.proofOfOriginMatch.c])
        }
        s.add("pop::mismatch", "Proof-of-origin carrying another 16-octet value than the CMS mac.", refs: ["TR 33.829 Annex E", "TR 33.829 Annex F.1"],
              flags: ["crypto", "tr-code-points"]) { g in
            let b = try g.build(recipients: .ori)
            // Rebuild with a TRANSFER_INIT whose proof-of-origin is a different value.
            var builder = AuthEnvelopedDataBuilder()
            builder.nonce = b.nonce
            builder.authAttrs = b.aed?.authAttrs
            let t = PSKMIMETransferInit(mpk: b.mpk)
            let bogus = g.bytes(16)
            let ci = try builder.build(content: b.content, cek: b.cek, recipients: [.mikey { cek, _ in try t.make(tek: cek, proofOfOrigin: bogus) }])
            return CMSVectorCase.invalid(try ci.encoded(), [R.proofOfOriginMismatch.c]).key(b.mikeyKey)
        }
        s.add("b3::no-mikey-ori", "A kekri-only message validated under the tr33829-annex-b profile: no id-ori-mikey recipient.",
              refs: [b3], flags: ["profile-selection"]) { g in
            .invalid(try g.build().bytes, [R.annexBNoMIKEYOri.c]).profiles([.rfc5083, .tr33829AnnexB])
        }
        s.add("b3::ori-value-sequence", "An id-ori-mikey recipient whose oriValue is a SEQUENCE, not an OCTET STRING.", refs: [b3], flags: ["model-mutation", "tr-code-points"]) { g in
            .invalid(try g.mutate(try g.build(recipients: .ori)) { a in
                a.recipientInfos = [.ori(OtherRecipientInfo(oriType: CMSOID.oriMIKEYDefault, oriValue: .encoded(CMSFixtures.tlv(0x30, CMSFixtures.tlv(0x04, g.bytes(8))))))]
            }, [R.annexBOriValueType.c])
        }
        s.add("b3::not-transfer-init", "An id-ori-mikey recipient carrying a MIKEY message of data type TRANSFER_RESP instead of TRANSFER_INIT.",
              refs: [b3], flags: ["model-mutation", "tr-code-points", "nested-mikey"]) { g in
            let b = try g.build(recipients: .ori)
            var m = try PSKMIMETransferInit(mpk: b.mpk).message(tek: b.cek)
            m.header.dataType = .transferResp
            let resp = try m.encoded()
            return .invalid(try g.mutate(b) { $0.recipientInfos = [.ori(.mikey(resp))] }, [R.annexBNotTransferInit.c])
        }
        s.add("b3::cs-srtp", "A TRANSFER_INIT whose single crypto session is of Prot Type SRTP, not PSK/MIME.", refs: [b3, "TR 33.829 Annex E"],
              flags: ["model-mutation", "tr-code-points", "nested-mikey"]) { g in
            let b = try g.build(recipients: .ori)
            var m = try PSKMIMETransferInit(mpk: b.mpk).message(tek: b.cek)
            m.header.csIDMap = .generic([GenericIDMapEntry(csID: 1, protType: .srtp)])
            let ti = try m.encoded()
            return .invalid(try g.mutate(b) { $0.recipientInfos = [.ori(.mikey(ti))] }, [R.annexBCryptoSession.c])
        }
        s.add("b3::tek-length", "The TRANSFER_INIT carries a 32-octet TEK for AES-128-GCM.", refs: [b3], flags: ["crypto", "tr-code-points"]) { g in
            let b = try g.build(recipients: .ori)
            var builder = AuthEnvelopedDataBuilder()
            builder.nonce = b.nonce
            builder.authAttrs = b.aed?.authAttrs
            let t = PSKMIMETransferInit(mpk: b.mpk)
            let ci = try builder.build(content: b.content, cek: b.cek, recipients: [.mikey { cek, _ in try t.make(tek: cek + cek) }])
            return CMSVectorCase.invalid(try ci.encoded(), [R.annexBTEKLength.c, R.keyRecoveryFailed.c]).key(b.mikeyKey)
        }
        s.add("b1::content-type", "An id-ori-mikey message whose inner content type is id-signedData (with a matching content-type authAttr); Annex B.1 requires id-data.",
              refs: ["TR 33.829 Annex B.1"], flags: ["model-mutation", "tr-code-points"]) { g in
            let b = try g.build(recipients: .ori) {
                $0.contentType = CMSOID.signedData
                $0.authAttrs = [try Attribute.contentType(CMSOID.signedData)]
            }
            return .invalid(b.bytes, [R.annexBContentType.c])
        }
        for alg in [AuthEncryptionAlgorithm.aesGCM(.bits192), .aesCCM(.bits192)] {
            s.add("b1::algorithm-\(alg.isGCM ? "gcm" : "ccm")192", "An id-ori-mikey message with \(alg): Table B.3 lists 128- and 256-bit keys only.",
                  refs: ["TR 33.829 Annex B.1"], flags: ["tr-code-points"]) { g in
                .invalid(try g.build(alg, recipients: .ori).bytes, [R.annexBAlgorithm.c])
            }
        }
        s.add("b1::algorithm-cbc", "An id-ori-mikey message with AES-128-CBC.", refs: ["TR 33.829 Annex B.1", "RFC 5083 §2.1"], flags: ["model-mutation", "tr-code-points", "bug-shape-non-aead-cipher"]) { g in
            .invalid(try g.mutate(try g.build(recipients: .ori)) {
                $0.authEncryptedContentInfo.contentEncryptionAlgorithm = AlgorithmIdentifier(algorithm: CMSOID.aes128CBC, parameters: .encoded(CMSFixtures.tlv(0x04, g.bytes(16))))
            }, [R.annexBAlgorithm.c, R.notAEAD.c])
        }
    }

    static let i = "TS 33.328 Annex I"

    static func annexI(_ s: CMSVectorSet) {
        for (kw, alg) in [(16, AuthEncryptionAlgorithm.aesGCM(.bits128)), (32, .aesGCM(.bits256)), (16, .aesCCM(.bits128)), (32, .aesCCM(.bits256))] {
            s.add("i::kw\(kw * 8)-\(alg.isGCM ? "gcm" : "ccm")\(alg.keySize.rawValue)", "The Annex I form: kekri with id-aes\(kw * 8)-wrap, \(alg), opened with the KEK.",
                  refs: [i, "RFC 3565 §2.4", alg.specRef], flags: ["crypto", "profile-selection"]) { g in
                let b = try g.build(alg, kekLength: kw)
                return CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c]).key(b.kekKey).profiles([.rfc5083, .ts33328AnnexI])
                    .pinning(CMSExpected.tree(b.model, verified: b.content.count))
            }
        }
        s.add("i::recipient-ori", "An id-ori-mikey recipient under the Annex I profile (which wants KEKRecipientInfo).", refs: [i], flags: ["profile-selection", "tr-code-points"]) { g in
            .invalid(try g.build(recipients: .ori).bytes, [R.annexIRecipientType.c]).profiles([.ts33328AnnexI])
        }
        s.add("i::key-wrap-192", "kekri with id-aes192-wrap under the Annex I profile (128 or 256 only).", refs: [i, "RFC 3565 §2.4"], flags: ["profile-selection"]) { g in
            .invalid(try g.build(kekLength: 24).bytes, [R.annexIKeyWrap.c]).profiles([.ts33328AnnexI])
        }
        s.add("i::algorithm-gcm192", "AES-192-GCM under the Annex I profile.", refs: [i, "RFC 5084 §3.2"], flags: ["profile-selection"]) { g in
            .invalid(try g.build(.aesGCM(.bits192), kekLength: 32).bytes, [R.annexIAlgorithm.c]).profiles([.ts33328AnnexI])
        }
        s.add("i::key-wrap-pad", "kekri with id-aes256-wrap-pad under the Annex I profile.", refs: [i, "RFC 5649 §6"], flags: ["profile-selection", "model-mutation"]) { g in
            let b = try g.build(.aesGCM(.bits256), kekLength: 32)
            return .invalid(try g.mutate(b) { a in
                guard case .kekri(var k) = a.recipientInfos[0] else { return }
                k.keyEncryptionAlgorithm = AlgorithmIdentifier(algorithm: CMSOID.aes256WrapPad)
                a.recipientInfos[0] = .kekri(k)
            }, [R.annexIKeyWrap.c]).profiles([.ts33328AnnexI])
        }
        s.add("i::two-recipient-kinds", "A kekri and an id-ori-mikey recipient under both profiles: Annex I objects to the ori.", refs: [i, b3], flags: ["profile-selection", "tr-code-points"]) { g in
            .invalid(try g.build(recipients: .both).bytes, [R.annexIRecipientType.c]).profiles([.rfc5083, .tr33829AnnexB, .ts33328AnnexI])
        }
    }
}
