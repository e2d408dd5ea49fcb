import MediasecCore
import CMS

/// `Vectors/cms/rfc5083.json`: the structure, algorithm, attribute and
/// recipient rules of RFC 5083, RFC 5084, RFC 5652 and RFC 3565, each shown
/// firing (a clean message changed in one place) and holding silent (the
/// clean messages). No keys: the crypto file checks tags.
enum CMSStructureVectors {
    typealias R = CMSRules

    static func build(_ s: CMSVectorSet) {
        baselines(s)
        structure(s)
        algorithms(s)
        attributes(s)
        recipients(s)
    }

    static let aed = "RFC 5083 §2.1"

    // MARK: clean messages

    static func baselines(_ s: CMSVectorSet) {
        for alg in AuthEncryptionAlgorithm.allCases {
            let name = "\(alg.isGCM ? "gcm" : "ccm")-\(alg.keySize.rawValue)"
            s.add("baseline::kekri-\(name)", "AuthEnvelopedData with one kekri (AES key wrap of the same size), \(alg), recommended nonce, ICVlen 12 omitted, a content-type authAttr.",
                  refs: [aed, alg.specRef, "RFC 3565 §2.4"], flags: ["clean-baseline"]) { g in
                let b = try g.build(alg, kekLength: alg.keyLength)
                return .valid(b.bytes, infos: [R.icvLengthOmittedInterop.c]).pinning(CMSExpected.tree(b.model))
            }
        }
        s.add("baseline::no-authattrs", "id-data content without authAttrs (allowed: they are required only for other content types); the AAD is empty.",
              refs: [aed, "RFC 5083 §2.2"], flags: ["clean-baseline"]) { g in
            let b = try g.build(authAttrs: false)
            return .valid(b.bytes).pinning(CMSExpected.tree(b.model))
        }
        s.add("baseline::unauthattrs", "A signing-time attribute in unauthAttrs.", refs: [aed, "RFC 5652 §11.3"], flags: ["clean-baseline"]) { g in
            let b = try g.build { $0.unauthAttrs = [Attribute(attrType: CMSOID.signingTimeAttribute, attrValues: [CMSFixtures.tlv(0x17, Array("240229120000Z".utf8))])] }
            return .valid(b.bytes).pinning(CMSExpected.tree(b.model))
        }
        s.add("baseline::two-kekri", "Two KEK recipients, in DER SET OF order.", refs: [aed, "RFC 5652 §6.2.3", "X.690 §11.6"], flags: ["clean-baseline"]) { g in
            let b = try g.build()
            let second = try g.build()
            let bytes = try g.mutate(b) { a in
                guard let extra = second.aed?.recipientInfos.first else { return }
                let both = [a.recipientInfos[0], extra]
                let keyed = try both.map { ($0, try $0.encoded()) }.sorted { ASN1Reader.setOfOrdered($0.1, $1.1) && $0.1 != $1.1 }
                a.recipientInfos = keyed.map(\.0)
            }
            return .valid(bytes)
        }
        s.add("baseline::authattrs-signing-time", "authAttrs with the content-type and a signing-time attribute, DER-sorted.", refs: [aed, "RFC 5652 §11.3"], flags: ["clean-baseline"]) { g in
            let b = try g.build { $0.authAttrs = [try Attribute.contentType(CMSOID.data), Attribute(attrType: CMSOID.signingTimeAttribute, attrValues: [CMSFixtures.tlv(0x17, Array("240229120000Z".utf8))])] }
            return .valid(b.bytes).pinning(CMSExpected.tree(b.model))
        }
        s.add("baseline::signed-data-inner", "Inner content type id-signedData with authAttrs whose content-type attribute says so (RFC 5083 §2.1 requires authAttrs here).",
              refs: [aed, "RFC 5652 §11.1"], flags: ["clean-baseline"]) { g in
            let b = try g.build {
                $0.contentType = CMSOID.signedData
                $0.authAttrs = [try Attribute.contentType(CMSOID.signedData)]
            }
            return .valid(b.bytes).pinning(CMSExpected.tree(b.model))
        }
    }

    // MARK: RFC 5083 §2.1 structure

    static func structure(_ s: CMSVectorSet) {
        for (label, type) in [("id-data", CMSOID.data), ("enveloped-data", CMSOID.envelopedData), ("signed-data", CMSOID.signedData)] {
            s.add("content-type::\(label)", "A ContentInfo of type \(CMSOID.name(of: type) ?? type) where id-ct-authEnvelopedData is expected.",
                  refs: [aed, "RFC 5652 §3"], flags: ["model-mutation"]) { _ in
                .invalid(CMSFixtures.contentInfo(type, CMSFixtures.tlv(0x04, Array("hello".utf8))), [R.notAuthEnveloped.c])
            }
        }
        for v in [1, 2, 4, -1] {
            s.add("version::\(v < 0 ? "minus-1" : String(v))", "AuthEnvelopedData version \(v) (MUST be 0).", refs: [aed], flags: ["model-mutation"]) { g in
                .invalid(try g.mutate(try g.build()) { $0.version = v }, [R.version.c])
            }
        }
        s.add("recipients::empty", "recipientInfos is an empty SET (SET SIZE (1..MAX)).", refs: [aed, "RFC 5652 §6.1"], flags: ["model-mutation", "bug-shape-empty-recipients"]) { g in
            .invalid(try g.mutate(try g.build()) { $0.recipientInfos = [] }, [R.recipientsEmpty.c])
        }
        s.add("content::detached", "encryptedContent omitted: the content is detached and must be supplied by other means.", refs: ["RFC 5652 §6.1", aed], flags: ["model-mutation"]) { g in
            .acceptable(try g.mutate(try g.build()) { $0.authEncryptedContentInfo.encryptedContent = nil }, [R.contentDetached.c])
        }
        s.add("content::empty", "An empty encryptedContent (a zero-length content is allowed).", refs: ["RFC 5652 §6.1"], flags: ["clean-baseline"]) { g in
            .valid(try g.build(content: []).bytes)
        }
        s.add("originator-info::unused", "originatorInfo with an empty certificate set although no recipient uses key agreement.", refs: [aed, "RFC 5652 §6.1"], flags: ["model-mutation"]) { g in
            .valid(try g.mutate(try g.build()) { $0.originatorInfo = OriginatorInfo(certs: []) }, infos: [R.originatorInfoUnused.c])
        }
    }

    // MARK: RFC 5084 §3 algorithm and parameters

    static func algorithms(_ s: CMSVectorSet) {
        let nonAEAD: [(String, String)] = [("aes128-cbc", CMSOID.aes128CBC), ("aes256-cbc", CMSOID.aes256CBC), ("aes128-ofb", CMSOID.aes128OFB),
                                           ("aes128-wrap", CMSOID.aes128Wrap), ("rsa", "1.2.840.113549.1.1.1")]
        for (label, oid) in nonAEAD {
            s.add("alg::not-aead-\(label)", "contentEncryptionAlgorithm \(CMSOID.name(of: oid) ?? oid) with a 16-octet IV: not a content-authenticated encryption algorithm.",
                  refs: ["RFC 5083 §2.1", "RFC 5084 §3"], flags: ["model-mutation", "bug-shape-non-aead-cipher", "peer-openssl-accepts"]) { g in
                .invalid(try g.mutate(try g.build()) {
                    $0.authEncryptedContentInfo.contentEncryptionAlgorithm = AlgorithmIdentifier(algorithm: oid, parameters: .encoded(CMSFixtures.tlv(0x04, g.bytes(16))))
                }, [R.notAEAD.c])
            }
        }
        for alg in [AuthEncryptionAlgorithm.aesGCM(.bits128), .aesCCM(.bits256)] {
            let n = alg.isGCM ? "gcm" : "ccm"
            s.add("alg::\(n)-params-absent", "\(alg) without parameters (the nonce is mandatory).", refs: [alg.specRef], flags: ["model-mutation"]) { g in
                .invalid(try g.mutate(try g.build(alg, kekLength: alg.keyLength)) { $0.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters = .absent }, [R.paramsAbsent.c])
            }
            s.add("alg::\(n)-params-null", "\(alg) with NULL parameters.", refs: [alg.specRef], flags: ["model-mutation"]) { g in
                .invalid(try g.mutate(try g.build(alg, kekLength: alg.keyLength)) { $0.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters = .encoded([0x05, 0x00]) }, [R.paramsType.c])
            }
            s.add("alg::\(n)-params-octet-string", "\(alg) with a bare OCTET STRING (a CBC-style IV) as parameters.", refs: [alg.specRef], flags: ["model-mutation"]) { g in
                .invalid(try g.mutate(try g.build(alg, kekLength: alg.keyLength)) {
                    $0.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters = .encoded(CMSFixtures.tlv(0x04, g.bytes(12)))
                }, [R.paramsType.c])
            }
        }
        func withParams(_ g: CMSFixtures, _ alg: AuthEncryptionAlgorithm, nonce: Int, icv: Int?, mac: Int? = nil) throws -> [UInt8] {
            try g.mutate(try g.build(alg, kekLength: alg.keyLength)) {
                $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(alg, AEADParameters(nonce: g.bytes(nonce), icvLength: icv))
                $0.mac = g.bytes(mac ?? icv ?? 12)
            }
        }
        let gcm = AuthEncryptionAlgorithm.aesGCM(.bits128), ccm = AuthEncryptionAlgorithm.aesCCM(.bits128)
        s.add("gcm::nonce-empty", "A GCM nonce of 0 octets.", refs: ["RFC 5084 §3.2"], flags: ["model-mutation"]) { g in
            .invalid(try withParams(g, gcm, nonce: 0, icv: nil), [R.gcmNonceEmpty.c])
        }
        for n in [1, 8, 16] {
            s.add("gcm::nonce-\(n)", "A GCM nonce of \(n) octets: allowed (any length), not the recommended 12.", refs: ["RFC 5084 §3.2"], flags: ["model-mutation"]) { g in
                .valid(try withParams(g, gcm, nonce: n, icv: nil), infos: [R.gcmNonceLength.c])
            }
        }
        for n in [17, 32, 64] {
            s.add("gcm::nonce-\(n)", "A GCM nonce of \(n) octets: allowed by RFC 5084, beyond the 16-octet IV buffers of common implementations.",
                  refs: ["RFC 5084 §3.2"], flags: ["model-mutation", "bug-shape-gcm-nonce-oversized"]) { g in
                .acceptable(try withParams(g, gcm, nonce: n, icv: nil), [R.gcmNonceOversized.c], infos: [R.gcmNonceLength.c])
            }
        }
        for n in [0, 6, 14, 16] {
            s.add("ccm::nonce-\(n)", "A CCM nonce of \(n) octets (SIZE(7..13)).", refs: ["RFC 5084 §3.1"], flags: ["model-mutation"]) { g in
                .invalid(try withParams(g, ccm, nonce: n, icv: nil), [R.ccmNonceLength.c])
            }
        }
        for n in 8...13 {
            s.add("ccm::nonce-\(n)", "A CCM nonce of \(n) octets (L = \(15 - n)): allowed, L = 8 recommended.", refs: ["RFC 5084 §3.1"], flags: ["model-mutation"]) { g in
                .valid(try withParams(g, ccm, nonce: n, icv: nil), infos: [R.ccmNonceRecommended.c])
            }
        }
        for icv in [13, 14, 15, 16] {
            s.add("gcm::icvlen-\(icv)", "GCM with ICVlen \(icv) and a \(icv)-octet mac.", refs: ["RFC 5084 §3.2"], flags: ["model-mutation"]) { g in
                .valid(try withParams(g, gcm, nonce: 12, icv: icv))
            }
        }
        for icv in [4, 8, 11, 17] {
            s.add("gcm::icvlen-\(icv)", "GCM with ICVlen \(icv) (AES-GCM-ICVlen is 12..16) and a mac of that length.", refs: ["RFC 5084 §3.2"], flags: ["model-mutation"]) { g in
                .invalid(try withParams(g, gcm, nonce: 12, icv: icv), [R.icvLength.c])
            }
        }
        for icv in [4, 6, 8, 10, 14, 16] {
            s.add("ccm::icvlen-\(icv)", "CCM with ICVlen \(icv) and a \(icv)-octet mac.", refs: ["RFC 5084 §3.1"], flags: ["model-mutation"]) { g in
                .valid(try withParams(g, ccm, nonce: 7, icv: icv))
            }
        }
        for icv in [3, 5, 13, 18] {
            s.add("ccm::icvlen-\(icv)", "CCM with ICVlen \(icv) (AES-CCM-ICVlen is 4, 6, …, 16) and a mac of that length.", refs: ["RFC 5084 §3.1"], flags: ["model-mutation"]) { g in
                .invalid(try withParams(g, ccm, nonce: 7, icv: icv), [R.icvLength.c])
            }
        }
        for (label, icv, mac) in [("shorter-than-icvlen", 16, 12), ("shorter-than-default", nil, 8), ("longer-than-icvlen", nil, 16), ("empty", 16, 0)] as [(String, Int?, Int)] {
            s.add("mac::\(label)", "A \(mac)-octet mac with ICVlen \(icv.map(String.init) ?? "12 (DEFAULT)").", refs: ["RFC 5084 §3", "RFC 5083 §2.1"],
                  flags: ["model-mutation"] + (mac < (icv ?? 12) ? ["bug-shape-mac-shorter-than-icvlen"] : [])) { g in
                .invalid(try withParams(g, gcm, nonce: 12, icv: icv, mac: mac), [R.macLength.c])
            }
        }
    }

    // MARK: RFC 5083 §2.1 / RFC 5652 §11 attributes

    static func attributes(_ s: CMSVectorSet) {
        let ct = CMSOID.contentTypeAttribute
        for (label, type) in [("signed-data", CMSOID.signedData), ("enveloped-data", CMSOID.envelopedData)] {
            s.add("authattrs::required-\(label)", "Inner content type \(CMSOID.name(of: type) ?? type) without authAttrs.", refs: [aed],
                  flags: ["model-mutation", "bug-shape-content-type-without-authattrs"]) { g in
                .invalid(try g.build(authAttrs: false) { $0.contentType = type }.bytes, [R.authAttrsRequired.c])
            }
        }
        s.add("authattrs::empty", "authAttrs present as an empty [1] (SET SIZE (1..MAX)).", refs: [aed, "RFC 5652 §9.1"], flags: ["model-mutation"]) { g in
            .invalid(try g.mutate(try g.build()) { $0.authAttrs = [] }, [R.authAttrsEmpty.c])
        }
        s.add("unauthattrs::empty", "unauthAttrs present as an empty [2].", refs: [aed, "RFC 5652 §9.1"], flags: ["model-mutation"]) { g in
            .invalid(try g.mutate(try g.build()) { $0.unauthAttrs = [] }, [R.unauthAttrsEmpty.c])
        }
        s.add("authattrs::message-digest", "A message-digest attribute in authAttrs (SHOULD NOT be included).", refs: [aed], flags: ["model-mutation"]) { g in
            let b = try g.build { $0.authAttrs = [try Attribute.contentType(CMSOID.data), Attribute(attrType: CMSOID.messageDigestAttribute, attrValues: [CMSFixtures.tlv(0x04, g.bytes(32))])] }
            return .acceptable(b.bytes, [R.messageDigestAttr.c])
        }
        s.add("attr::content-type-mismatch", "The content-type attribute says id-signedData, encryptedContentInfo says id-data.", refs: ["RFC 5652 §11.1"], flags: ["model-mutation"]) { g in
            .invalid(try g.mutate(try g.build()) { $0.authAttrs = [try Attribute.contentType(CMSOID.signedData)] }, [R.contentTypeAttrMismatch.c])
        }
        s.add("attr::content-type-two-values", "A content-type attribute with two OBJECT IDENTIFIER values.", refs: ["RFC 5652 §11.1"], flags: ["model-mutation"]) { g in
            .invalid(try g.mutate(try g.build()) { $0.authAttrs = [Attribute(attrType: ct, attrValues: [CMSFixtures.oid(CMSOID.data), CMSFixtures.oid(CMSOID.signedData)].sorted { ASN1Reader.setOfOrdered($0, $1) })] }, [R.contentTypeAttrValues.c])
        }
        s.add("attr::content-type-no-value", "A content-type attribute with an empty value set.", refs: ["RFC 5652 §11.1", "RFC 5652 §5.3"], flags: ["model-mutation"]) { g in
            .invalid(try g.mutate(try g.build()) { $0.authAttrs = [Attribute(attrType: ct, attrValues: [])] }, [R.contentTypeAttrValues.c])
        }
        s.add("attr::content-type-integer", "A content-type attribute whose value is an INTEGER, not an OBJECT IDENTIFIER.", refs: ["RFC 5652 §11.1"], flags: ["model-mutation"]) { g in
            .invalid(try g.mutate(try g.build()) { $0.authAttrs = [Attribute(attrType: ct, attrValues: [[0x02, 0x01, 0x01]])] }, [R.contentTypeAttrValues.c])
        }
        s.add("attr::content-type-unauth", "The content-type attribute as an unauthenticated attribute.", refs: ["RFC 5652 §11.1"], flags: ["model-mutation"]) { g in
            .invalid(try g.mutate(try g.build()) { $0.unauthAttrs = [try Attribute.contentType(CMSOID.data)] }, [R.contentTypeAttrUnauth.c])
        }
    }

    // MARK: RFC 5652 §6.2 recipients, RFC 3565 key wrap

    static func recipients(_ s: CMSVectorSet) {
        let isn = CMSFixtures.tlv(0x30, CMSFixtures.tlv(0x30, []) + [0x02, 0x01, 0x05])
        let rsa = AlgorithmIdentifier(algorithm: "1.2.840.113549.1.1.1", parameters: .encoded([0x05, 0x00]))
        let ktri: [(String, Int, KeyTransRecipientInfo.RecipientIdentifier, Bool)] = [
            ("isn-v0", 0, .issuerAndSerialNumber(encoded: isn), true), ("ski-v2", 2, .subjectKeyIdentifier([1, 2, 3, 4]), true),
            ("isn-v2", 2, .issuerAndSerialNumber(encoded: isn), false), ("ski-v0", 0, .subjectKeyIdentifier([1, 2, 3, 4]), false),
        ]
        for (label, v, rid, ok) in ktri {
            s.add("ktri::\(label)", "A KeyTransRecipientInfo of version \(v) (0 with issuerAndSerialNumber, 2 with subjectKeyIdentifier), decoded structurally.",
                  refs: ["RFC 5652 §6.2.1"], flags: ["model-mutation"]) { g in
                let bytes = try g.mutate(try g.build()) { $0.recipientInfos = [.ktri(KeyTransRecipientInfo(version: v, rid: rid, keyEncryptionAlgorithm: rsa, encryptedKey: g.bytes(32)))] }
                return ok ? .valid(bytes, infos: [R.recipientNotProcessed.c]) : .invalid(bytes, [R.ktriVersion.c])
            }
        }
        let ecdh = AlgorithmIdentifier(algorithm: "1.3.132.1.11.1", parameters: .encoded(CMSFixtures.tlv(0x30, CMSFixtures.oid(CMSOID.aes128Wrap))))
        for v in [3, 2] {
            s.add("kari::v\(v)", "A KeyAgreeRecipientInfo of version \(v) (always 3) with an originator key, decoded structurally.", refs: ["RFC 5652 §6.2.2"], flags: ["model-mutation"]) { g in
                let k = KeyAgreeRecipientInfo(version: v, originator: CMSFixtures.tlv(0x80, g.bytes(20)), keyEncryptionAlgorithm: ecdh,
                                              recipientEncryptedKeys: [.init(rid: CMSFixtures.tlv(0x30, CMSFixtures.tlv(0x30, []) + [0x02, 0x01, 0x07]), encryptedKey: g.bytes(24))])
                let bytes = try g.mutate(try g.build()) { $0.recipientInfos = [.kari(k)] }
                return v == 3 ? .valid(bytes, infos: [R.recipientNotProcessed.c]) : .invalid(bytes, [R.kariVersion.c])
            }
        }
        for v in [0, 1] {
            s.add("pwri::v\(v)", "A PasswordRecipientInfo of version \(v) (always 0) with PBKDF2 and PWRI-KEK, decoded structurally.", refs: ["RFC 5652 §6.2.4"], flags: ["model-mutation"]) { g in
                let p = PasswordRecipientInfo(version: v, keyDerivationAlgorithm: AlgorithmIdentifier(algorithm: "1.2.840.113549.1.5.12", parameters: .encoded(CMSFixtures.tlv(0x30, CMSFixtures.tlv(0x04, g.bytes(8)) + [0x02, 0x02, 0x08, 0x00]))),
                                              keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: "1.2.840.113549.1.9.16.3.9", parameters: .encoded(CMSFixtures.tlv(0x30, CMSFixtures.oid(CMSOID.aes128CBC) + CMSFixtures.tlv(0x04, g.bytes(16))))),
                                              encryptedKey: g.bytes(32))
                let bytes = try g.mutate(try g.build()) { $0.recipientInfos = [.pwri(p)] }
                return v == 0 ? .valid(bytes, infos: [R.recipientNotProcessed.c]) : .invalid(bytes, [R.pwriVersion.c])
            }
        }
        func kekri(_ b: CMSFixtures.Built, _ f: (inout KEKRecipientInfo) -> Void) throws -> [UInt8] {
            let g = CMSFixtures(rng: SeededRandom(seed: 0))
            return try g.mutate(b) { a in
                guard case .kekri(var k) = a.recipientInfos[0] else { return }
                f(&k)
                a.recipientInfos[0] = .kekri(k)
            }
        }
        for v in [0, 3, 5] {
            s.add("kekri::v\(v)", "A KEKRecipientInfo of version \(v) (always 4).", refs: ["RFC 5652 §6.2.3"], flags: ["model-mutation"]) { g in
                .invalid(try kekri(try g.build()) { $0.version = v }, [R.kekriVersion.c])
            }
        }
        s.add("kekri::kekid-date-and-other", "A kekid with a GeneralizedTime date and an OtherKeyAttribute.", refs: ["RFC 5652 §6.2.3", "RFC 5652 §10.2.7"], flags: ["model-mutation"]) { g in
            .valid(try kekri(try g.build()) { $0.kekid = KEKIdentifier(keyIdentifier: $0.kekid.keyIdentifier, date: "20240229120000Z", other: .init(keyAttrId: "1.2.3.4", keyAttr: [0x05, 0x00])) })
        }
        s.add("kekri::wrap-alg-3des", "A kekri whose keyEncryptionAlgorithm is id-alg-CMS3DESwrap: not AES key wrap, not processed.", refs: ["RFC 3565 §2.4", "RFC 5652 §6.2.3"], flags: ["model-mutation"]) { g in
            .acceptable(try kekri(try g.build()) { $0.keyEncryptionAlgorithm = AlgorithmIdentifier(algorithm: "1.2.840.113549.1.9.16.3.6", parameters: .encoded([0x05, 0x00])) }, [R.kekriWrapAlgorithm.c])
        }
        for (label, p) in [("null", [UInt8]([0x05, 0x00])), ("octet-string", CMSFixtures.tlv(0x04, [0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6]))] {
            s.add("kekri::wrap-params-\(label)", "id-aes128-wrap with \(label == "null" ? "NULL parameters" : "an explicit IV") (parameters MUST be absent).", refs: ["RFC 3565 §2.4"], flags: ["model-mutation"]) { g in
                .invalid(try kekri(try g.build()) { $0.keyEncryptionAlgorithm.parameters = .encoded(p) }, [R.kekriWrapParams.c])
            }
        }
        for n in [0, 16, 20, 25] {
            s.add("kekri::wrapped-length-\(n)", "A wrapped key of \(n) octets (a multiple of 8, at least 24).", refs: ["RFC 3394 §2"], flags: ["model-mutation"]) { g in
                .invalid(try kekri(try g.build()) { $0.encryptedKey = g.bytes(n) }, [R.kekriWrappedLength.c])
            }
        }
        s.add("kekri::kek-shorter-than-cek", "id-aes128-wrap carrying a 256-bit CEK for AES-256-GCM.", refs: ["RFC 3565 §2.3.2"], flags: ["model-mutation"]) { g in
            .invalid(try kekri(try g.build(.aesGCM(.bits256), kekLength: 16)) { _ in }, [R.kekriKEKShorter.c])
        }
        s.add("kekri::cek-length", "id-aes256-wrap carrying a 128-bit CEK while the content algorithm is AES-256-GCM.", refs: ["RFC 5084 §3", "RFC 3565 §2.3.2"], flags: ["model-mutation"]) { g in
            let small = try g.build(.aesGCM(.bits128), kekLength: 32)
            let bytes = try g.mutate(small) { $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesGCM(.bits256), AEADParameters(nonce: small.nonce)) }
            return .invalid(bytes, [R.kekriCEKLength.c])
        }
        s.add("kekri::kwp", "A kekri with id-aes128-wrap-pad (RFC 5649): recognized, not supported.", refs: ["RFC 5649 §6"], flags: ["model-mutation"]) { g in
            .valid(try kekri(try g.build()) { $0.keyEncryptionAlgorithm = AlgorithmIdentifier(algorithm: CMSOID.aes128WrapPad) }, infos: [R.kekriKWPNotSupported.c])
        }
        s.add("ori::unknown-type", "An OtherRecipientInfo of type id-ori-kem with an opaque value: preserved, not processed.", refs: ["RFC 5652 §6.2.5"], flags: ["model-mutation"]) { g in
            .valid(try g.mutate(try g.build()) { $0.recipientInfos.append(.ori(OtherRecipientInfo(oriType: CMSOID.oriKEM, oriValue: .encoded(CMSFixtures.tlv(0x30, [0x02, 0x01, 0x00]))))) }, infos: [R.oriUnknown.c])
        }
    }
}
