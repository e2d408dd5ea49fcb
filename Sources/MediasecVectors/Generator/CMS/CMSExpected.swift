import MediasecCore
import CMS

/// The expected `decoded` subset of a valid CMS / S/MIME vector, written
/// from the model the generator built (never from decoding the output):
/// content types, recipient kinds and their key-management fields, the
/// algorithm with its nonce and ICVlen, and the mac.
enum CMSExpected {
    static func oid(_ key: String, _ s: String) -> [(String, JSONValue)] {
        [(key, .string(s)), (key + "Name", CMSOID.name(of: s).map { .string($0) } ?? .null)]
    }

    static func algorithm(_ a: AlgorithmIdentifier) -> JSONValue {
        var o = oid("algorithm", a.algorithm)
        if let p = a.aeadParameters {
            o.append(("parameters", .object([("nonce", .string(Hex.encode(p.nonce))), ("icvLen", p.icvLength.map { .int($0) } ?? .null),
                                             ("effectiveIcvLen", .int(p.effectiveICVLength))])))
        } else if a.parameters == .absent {
            o.append(("parameters", .null))
        }
        return .object(o)
    }

    static func recipient(_ r: RecipientInfo) -> JSONValue {
        var o: [(String, JSONValue)] = [("kind", .string(r.choiceName))]
        switch r {
        case .kekri(let k):
            o += [("version", .int(k.version)), ("kekid", .object([("keyIdentifier", .string(Hex.encode(k.kekid.keyIdentifier)))])),
                  ("keyEncryptionAlgorithm", algorithm(k.keyEncryptionAlgorithm))]
        case .ori(let x):
            o += oid("oriType", x.oriType)
        case .ktri(let k): o.append(("version", .int(k.version)))
        case .kari(let k): o.append(("version", .int(k.version)))
        case .pwri(let k): o.append(("version", .int(k.version)))
        }
        return .object(o)
    }

    /// The subset for `ci` decoded under `rules`; `verified` adds the
    /// verified content's length.
    static func tree(_ ci: ContentInfo, rules: String = "der", verified: Int? = nil) -> JSONValue {
        var o: [(String, JSONValue)] = [("encodingRules", .string(rules))] + oid("contentType", ci.contentType)
        if let a = ci.authEnvelopedData {
            let e = a.authEncryptedContentInfo
            o.append(("authEnvelopedData", .object([
                ("version", .int(a.version)),
                ("recipientInfos", .array(a.recipientInfos.map(recipient))),
                ("authEncryptedContentInfo", .object(oid("contentType", e.contentType) + [
                    ("contentEncryptionAlgorithm", algorithm(e.contentEncryptionAlgorithm)),
                    ("encryptedContentLength", e.encryptedContent.map { .int($0.count) } ?? .null),
                ])),
                ("mac", .string(Hex.encode(a.mac))),
            ])))
        }
        if let n = verified { o.append(("verifiedContent", .object([("length", .int(n))]))) }
        return .object(o)
    }

    /// The S/MIME subset: smime-type and transfer encoding, the CMS subset,
    /// and the inner entity when `inner` (its media type and body text).
    static func smime(_ ci: ContentInfo?, smimeType: String?, encoding: String = "base64", rules: String = "der", verified: Int? = nil,
                      inner: (mediaType: String, body: String)? = nil) -> JSONValue {
        var o: [(String, JSONValue)] = [("entity", .object([("smimeType", smimeType.map { .string($0) } ?? .null),
                                                            ("body", .object([("transferEncoding", .string(encoding))]))]))]
        if let ci { o.append(("cms", tree(ci, rules: rules, verified: verified))) }
        if let i = inner { o.append(("inner", .object([("mediaType", .string(i.mediaType)), ("body", .string(i.body))]))) }
        return .object(o)
    }
}
