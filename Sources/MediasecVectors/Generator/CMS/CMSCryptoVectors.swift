import MediasecCore
import MediasecCrypto
import CMS

/// `Vectors/cms/crypto.json`: vectors with keys. Every combination of AES
/// key wrap 128/192/256 with AES-GCM and AES-CCM 128/192/256 is opened with
/// its KEK (the CEK unwrapped, the tag verified over the received
/// authAttrs); the AAD bug shapes; tag, key and parameter failures.
enum CMSCryptoVectors {
    typealias R = CMSRules

    static func build(_ s: CMSVectorSet) {
        matrix(s)
        failures(s)
        aad(s)
        parameters(s)
    }

    static let refs = ["RFC 5083 §2.2", "RFC 3565 §2.3.2", "RFC 3394 §2.2.2"]

    static func matrix(_ s: CMSVectorSet) {
        for kw in AuthEncryptionAlgorithm.AESKeySize.allCases {
            for alg in AuthEncryptionAlgorithm.allCases {
                let name = "kekri::kw\(kw.rawValue)-\(alg.isGCM ? "gcm" : "ccm")\(alg.keySize.rawValue)"
                let shorter = kw.bytes < alg.keyLength
                s.add(name, "kekri with id-aes\(kw.rawValue)-wrap and \(alg); opened with the KEK\(shorter ? " although the KEK is shorter than the CEK" : "").",
                      refs: refs + [alg.specRef], flags: ["crypto"]) { g in
                    let b = try g.build(alg, kekLength: kw.bytes)
                    if shorter { return CMSVectorCase.invalid(b.bytes, [R.kekriKEKShorter.c]).key(b.kekKey) }
                    return CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c]).key(b.kekKey)
                        .pinning(CMSExpected.tree(b.model, verified: b.content.count))
                }
            }
        }
        s.add("kekri::kek-without-id", "kekri opened with the KEK alone (no kek-id: every kekri is tried).", refs: refs, flags: ["crypto"]) { g in
            let b = try g.build()
            return CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c]).key(.kek(b.kek, id: nil))
        }
        s.add("kekri::second-of-two", "Two kekri; the kek-id selects the second one.", refs: refs + ["RFC 5652 §6.2.3"], flags: ["crypto"]) { g in
            let b = try g.build()
            let other = try g.build()
            let bytes = try g.mutate(b) { a in
                guard case .kekri(var k)? = other.aed?.recipientInfos.first else { return }
                // A decoy recipient wrapping a different key under the other KEK.
                k.kekid.keyIdentifier = other.kekID
                let both = [a.recipientInfos[0], RecipientInfo.kekri(k)]
                let keyed = try both.map { ($0, try $0.encoded()) }.sorted { ASN1Reader.setOfOrdered($0.1, $1.1) && $0.1 != $1.1 }
                a.recipientInfos = keyed.map(\.0)
            }
            return CMSVectorCase.valid(bytes, infos: [R.aeadVerified.c]).key(.kek(b.kek, id: b.kekID))
        }
        s.add("cek::direct", "Opened with the content-encryption key given directly.", refs: ["RFC 5083 §2.2", "RFC 5084 §3.2"], flags: ["crypto"]) { g in
            let b = try g.build()
            return CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c]).key(.cek(b.cek)).pinning(CMSExpected.tree(b.model, verified: b.content.count))
        }
        s.add("cek::ber-openssl-stream", "The indefinite-length, segmented form of `openssl cms -stream`, opened with the KEK under the BER rules.",
              refs: ["RFC 5083 §2.2", "RFC 5652 §1", "X.690 §8.1.3.6"], flags: ["crypto", "rules-ber", "peer-openssl-stream", "bug-shape-indefinite-length"]) { g in
            let b = try g.build()
            var t = try BERTree.parse(b.bytes)
            try t.edit(CMSPath.encryptedContent) { $0.segment(into: 3) }
            for p in [[], CMSPath.explicitContent, CMSPath.aed, CMSPath.eci] { try t.edit(p) { $0.setLength(.indefinite) } }
            return CMSVectorCase.acceptable(t.encoded, [DERDeviation.indefiniteLength.c, DERDeviation.constructedString.c], infos: [R.aeadVerified.c]).key(b.kekKey).underBER()
        }
        s.add("cek::icvlen-12-explicit-ber", "ICVlen 12 written out (the form OpenSSL 3.0 needs), opened under the BER rules.", refs: ["RFC 5084 §3.2", "X.690 §11.5"],
              flags: ["crypto", "rules-ber", "ambiguity-16-icvlen-default"]) { g in
            let b = try g.build { $0.icvLengthEncoding = .explicit }
            return CMSVectorCase.acceptable(b.bytes, [DERDeviation.defaultValueEncoded.c], infos: [R.aeadVerified.c]).key(b.kekKey).underBER()
        }
    }

    static func failures(_ s: CMSVectorSet) {
        s.add("kekri::wrong-kek", "Opened with a KEK that is not the one the CEK was wrapped under: the unwrap integrity check fails.", refs: refs, flags: ["crypto"]) { g in
            let b = try g.build()
            return CMSVectorCase.invalid(b.bytes, [R.keyRecoveryFailed.c]).key(.kek(g.bytes(16), id: b.kekID))
        }
        s.add("kekri::kek-id-unknown", "A kek-id that names no recipient.", refs: ["RFC 5652 §6.2.3"], flags: ["crypto"]) { g in
            let b = try g.build()
            return CMSVectorCase.invalid(b.bytes, [R.keyRecoveryFailed.c]).key(.kek(b.kek, id: g.bytes(8)))
        }
        s.add("kekri::kek-length-mismatch", "A 32-octet KEK for an id-aes128-wrap recipient.", refs: ["RFC 3565 §2.3.2"], flags: ["crypto"]) { g in
            let b = try g.build()
            return CMSVectorCase.invalid(b.bytes, [R.keyRecoveryFailed.c]).key(.kek(b.kek + b.kek, id: b.kekID))
        }
        s.add("cek::wrong-length", "A 32-octet CEK for AES-128-GCM.", refs: ["RFC 5084 §3.2"], flags: ["crypto"]) { g in
            let b = try g.build()
            return CMSVectorCase.invalid(b.bytes, [R.keyRecoveryFailed.c]).key(.cek(b.cek + b.cek))
        }
        let flips: [(String, String, (inout AuthEnvelopedData) -> Void)] = [
            ("mac", "the last octet of the mac", { $0.mac[$0.mac.count - 1] ^= 0x01 }),
            ("ciphertext", "the first octet of the ciphertext", { a in a.authEncryptedContentInfo.encryptedContent?[0] ^= 0x80 }),
            ("nonce", "the first octet of the nonce", { a in
                if case .aead(var p) = a.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters {
                    p.nonce[0] ^= 0x01
                    a.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters = .aead(p)
                }
            }),
            ("authattrs", "the authAttrs (a signing-time attribute added)", { a in
                a.authAttrs = (a.authAttrs ?? []) + [Attribute(attrType: CMSOID.signingTimeAttribute, attrValues: [CMSFixtures.tlv(0x17, Array("240229120000Z".utf8))])]
            }),
        ]
        for alg in [AuthEncryptionAlgorithm.aesGCM(.bits128), .aesCCM(.bits256)] {
            for (label, what, f) in flips {
                s.add("tag::\(alg.isGCM ? "gcm" : "ccm")-\(label)-changed", "\(alg) with \(what) changed after sealing: the tag does not verify and no plaintext is released.",
                      refs: ["RFC 5083 §2", "RFC 5083 §2.2", alg.specRef], flags: ["crypto", "bug-shape-plaintext-before-tag"]) { g in
                    let b = try g.build(alg, kekLength: alg.keyLength)
                    return CMSVectorCase.invalid(try g.mutate(b, f), [R.aeadTagMismatch.c]).key(b.kekKey)
                }
            }
        }
        s.add("tag::mac-truncated", "A 16-octet tag with ICVlen 16, then cut to 12 octets: the mac no longer has ICVlen octets and the tag is not checked.",
              refs: ["RFC 5084 §3.2"], flags: ["crypto", "bug-shape-mac-shorter-than-icvlen"]) { g in
            let b = try g.build { $0.icvLength = 16 }
            return CMSVectorCase.invalid(try g.mutate(b) { $0.mac = Array($0.mac.prefix(12)) }, [R.macLength.c]).key(b.kekKey)
        }
    }

    static func aad(_ s: CMSVectorSet) {
        s.add("aad::implicit-tag-kept", "The tag was computed over the authAttrs with their [1] tag (0xA1) instead of the universal SET OF tag (0x31).",
              refs: ["RFC 5083 §2.2"], flags: ["crypto", "bug-shape-authattrs-tag-confusion", "bug-shape-plaintext-before-tag"]) { g in
            let b = try g.build()
            var aad = b.aad
            aad[0] = 0xa1
            return CMSVectorCase.invalid(try g.resealed(b, aad: aad), [R.aeadTagMismatch.c, R.aadTagConfusion.c]).key(b.kekKey)
        }
        s.add("aad::authattrs-omitted", "The tag was computed with an empty AAD although authAttrs are present: they are not authenticated.",
              refs: ["RFC 5083 §2.2"], flags: ["crypto", "bug-shape-authattrs-not-in-aad", "bug-shape-plaintext-before-tag"]) { g in
            let b = try g.build()
            return CMSVectorCase.invalid(try g.resealed(b, aad: []), [R.aeadTagMismatch.c, R.aadAuthAttrsOmitted.c]).key(b.kekKey)
        }
        s.add("aad::two-attributes", "authAttrs with two attributes in DER order, authenticated as one SET OF.", refs: ["RFC 5083 §2.2", "X.690 §11.6"], flags: ["crypto"]) { g in
            let b = try g.build { $0.authAttrs = [try Attribute.contentType(CMSOID.data), Attribute(attrType: CMSOID.signingTimeAttribute, attrValues: [CMSFixtures.tlv(0x17, Array("240229120000Z".utf8))])] }
            return CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c]).key(b.kekKey)
        }
        s.add("aad::absent", "No authAttrs: zero bits of AAD.", refs: ["RFC 5083 §2.2"], flags: ["crypto"]) { g in
            let b = try g.build(authAttrs: false)
            return CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c]).key(b.kekKey)
        }
    }

    static func parameters(_ s: CMSVectorSet) {
        for n in [1, 8, 16, 17, 64] {
            s.add("gcm::nonce-\(n)-opened", "AES-GCM with a \(n)-octet nonce, sealed and opened (GHASH-derived J0 for nonces other than 12 octets).",
                  refs: ["RFC 5084 §3.2"], flags: ["crypto"] + (n >= 17 ? ["bug-shape-gcm-nonce-oversized"] : [])) { g in
                let b = try g.build { $0.nonce = g.bytes(n) }
                let c = n >= 17 ? CMSVectorCase.acceptable(b.bytes, [R.gcmNonceOversized.c], infos: [R.aeadVerified.c, R.gcmNonceLength.c])
                                : CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c, R.gcmNonceLength.c])
                return c.key(b.kekKey)
            }
        }
        for n in 7...13 {
            s.add("ccm::nonce-\(n)-opened", "AES-CCM with a \(n)-octet nonce (L = \(15 - n)), sealed and opened.", refs: ["RFC 5084 §3.1"], flags: ["crypto"]) { g in
                let b = try g.build(.aesCCM(.bits128)) { $0.nonce = g.bytes(n) }
                return CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c] + (n == 7 ? [] : [R.ccmNonceRecommended.c])).key(b.kekKey)
            }
        }
        for (alg, icvs) in [(AuthEncryptionAlgorithm.aesGCM(.bits256), [13, 14, 15, 16]), (.aesCCM(.bits192), [4, 6, 8, 10, 14, 16])] {
            for icv in icvs {
                s.add("\(alg.isGCM ? "gcm" : "ccm")::icvlen-\(icv)-opened", "\(alg) with ICVlen \(icv), sealed and opened.", refs: [alg.specRef], flags: ["crypto"]) { g in
                    let b = try g.build(alg, kekLength: alg.keyLength) { $0.icvLength = icv }
                    return CMSVectorCase.valid(b.bytes, infos: [R.aeadVerified.c]).key(b.kekKey).pinning(CMSExpected.tree(b.model, verified: b.content.count))
                }
            }
        }
        s.add("gcm::nonce-empty-keyed", "An empty GCM nonce with a key: the parameters cannot be used, the tag is not checked.", refs: ["RFC 5084 §3.2"], flags: ["crypto", "model-mutation"]) { g in
            let b = try g.build()
            let bytes = try g.mutate(b) { $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesGCM(.bits128), AEADParameters(nonce: [])) }
            return CMSVectorCase.invalid(bytes, [R.gcmNonceEmpty.c]).key(b.kekKey)
        }
    }
}
