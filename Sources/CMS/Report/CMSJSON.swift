import MediasecCore
import MIKEY

/// The decoded tree as JSON (the CLI's `decode --json` and the `decoded`
/// member of a validation report). OIDs are dotted strings, each with a
/// sibling `…Name` (null for an unknown OID); byte strings are lowercase
/// hex; elements carry their byte `offset` and `length`; recipients say
/// which alternative they are in `kind` (`ktri`, `kari`, `kekri`, `pwri`,
/// `ori`); AEAD parameters give `nonce`, `icvLen` (as encoded, null when
/// the DEFAULT is omitted) and `effectiveIcvLen`.
public enum CMSJSON {
    public static func tree(_ d: DecodedContentInfo, codePoints: CMSCodePoints = .default) -> JSONValue {
        let ci = d.contentInfo
        var out: [(String, JSONValue)] = [("encodingRules", .string(d.rules.name))]
        out += span(d.root.range)
        out += oid("contentType", ci.contentType, codePoints)
        switch ci.content {
        case .authEnvelopedData(let a):
            out.append(("authEnvelopedData", authEnvelopedData(a, d: d, codePoints: codePoints)))
        case .other(_, let raw):
            out.append(("content", .string(Hex.encode(raw))))
        }
        return .object(out)
    }

    /// `key` with the dotted OID and `keyName` with its name.
    static func oid(_ key: String, _ s: String, _ cp: CMSCodePoints) -> [(String, JSONValue)] {
        [(key, .string(s)), (key + "Name", CMSOID.name(of: s, codePoints: cp).map { .string($0) } ?? .null)]
    }

    static func span(_ r: Range<Int>?) -> [(String, JSONValue)] {
        guard let r else { return [] }
        return [("offset", .int(r.lowerBound)), ("length", .int(r.count))]
    }

    static func hex(_ b: [UInt8]) -> JSONValue { .string(Hex.encode(b)) }

    static func algorithm(_ a: AlgorithmIdentifier, _ cp: CMSCodePoints, at r: Range<Int>? = nil) -> JSONValue {
        let params: JSONValue
        switch a.parameters {
        case .absent: params = .null
        case .aead(let p):
            params = .object([("nonce", hex(p.nonce)), ("nonceLength", .int(p.nonce.count)),
                              ("icvLen", p.icvLength.map { .int($0) } ?? .null), ("effectiveIcvLen", .int(p.effectiveICVLength))])
        case .encoded(let raw): params = .object([("encoded", hex(raw))])
        }
        return .object(span(r) + oid("algorithm", a.algorithm, cp) + [("parameters", params)])
    }

    static func attributes(_ attrs: [Attribute]?, _ cp: CMSCodePoints, d: DecodedContentInfo, path: String) -> JSONValue {
        guard let attrs else { return .null }
        return .array(attrs.enumerated().map { i, a in
            .object(span(d.span(of: "\(path)[\(i)]")) + oid("attrType", a.attrType, cp) + [("attrValues", .array(a.attrValues.map(hex)))])
        })
    }

    static func recipient(_ r: RecipientInfo, d: DecodedContentInfo, path p: String, _ cp: CMSCodePoints) -> JSONValue {
        var o: [(String, JSONValue)] = [("kind", .string(r.choiceName))]
        o += span(d.span(of: p))
        let q = "\(p).\(r.choiceName)"
        switch r {
        case .ktri(let k):
            o.append(("version", .int(k.version)))
            switch k.rid {
            case .issuerAndSerialNumber(let raw): o.append(("issuerAndSerialNumber", hex(raw)))
            case .subjectKeyIdentifier(let s): o.append(("subjectKeyIdentifier", hex(s)))
            }
            o += [("keyEncryptionAlgorithm", algorithm(k.keyEncryptionAlgorithm, cp, at: d.span(of: "\(q).keyEncryptionAlgorithm"))), ("encryptedKey", hex(k.encryptedKey))]
        case .kari(let k):
            o += [("version", .int(k.version)), ("originator", hex(k.originator)), ("ukm", k.ukm.map(hex) ?? .null),
                  ("keyEncryptionAlgorithm", algorithm(k.keyEncryptionAlgorithm, cp, at: d.span(of: "\(q).keyEncryptionAlgorithm"))),
                  ("recipientEncryptedKeys", .array(k.recipientEncryptedKeys.map { .object([("rid", hex($0.rid)), ("encryptedKey", hex($0.encryptedKey))]) }))]
        case .kekri(let k):
            let other: JSONValue = k.kekid.other.map { .object(oid("keyAttrId", $0.keyAttrId, cp) + [("keyAttr", $0.keyAttr.map(hex) ?? .null)]) } ?? .null
            o += [("version", .int(k.version)),
                  ("kekid", .object([("keyIdentifier", hex(k.kekid.keyIdentifier)), ("date", k.kekid.date.map { .string($0) } ?? .null), ("other", other)])),
                  ("keyEncryptionAlgorithm", algorithm(k.keyEncryptionAlgorithm, cp, at: d.span(of: "\(q).keyEncryptionAlgorithm"))),
                  ("encryptedKey", hex(k.encryptedKey))]
        case .pwri(let k):
            o += [("version", .int(k.version)), ("keyDerivationAlgorithm", k.keyDerivationAlgorithm.map { algorithm($0, cp) } ?? .null),
                  ("keyEncryptionAlgorithm", algorithm(k.keyEncryptionAlgorithm, cp, at: d.span(of: "\(q).keyEncryptionAlgorithm"))), ("encryptedKey", hex(k.encryptedKey))]
        case .ori(let x):
            o += oid("oriType", x.oriType, cp)
            switch x.oriValue {
            case .mikey(let b):
                let tree: JSONValue
                if let m = try? MIKEYDecoder(profile: cp.mikey).decode(b) { tree = MIKEYJSON.tree(m, profile: cp.mikey) } else { tree = .null }
                o.append(("oriValue", .object(span(d.span(of: "\(q).oriValue")) + [("mikey", hex(b)), ("decoded", tree)])))
            case .encoded(let raw):
                o.append(("oriValue", .object(span(d.span(of: "\(q).oriValue")) + [("encoded", hex(raw))])))
            }
        }
        return .object(o)
    }

    static func authEnvelopedData(_ a: AuthEnvelopedData, d: DecodedContentInfo, codePoints cp: CMSCodePoints) -> JSONValue {
        let r = "authEnvelopedData"
        let eci = a.authEncryptedContentInfo
        let ep = "\(r).authEncryptedContentInfo"
        var o: [(String, JSONValue)] = span(d.span(of: r)) + [("version", .int(a.version))]
        if let oi = a.originatorInfo {
            o.append(("originatorInfo", .object([("certs", oi.certs.map { .array($0.map(hex)) } ?? .null), ("crls", oi.crls.map { .array($0.map(hex)) } ?? .null)])))
        }
        o.append(("recipientInfos", .array(a.recipientInfos.enumerated().map { i, ri in recipient(ri, d: d, path: "\(r).recipientInfos[\(i)]", cp) })))
        o.append(("authEncryptedContentInfo", .object(span(d.span(of: ep)) + oid("contentType", eci.contentType, cp) + [
            ("contentEncryptionAlgorithm", algorithm(eci.contentEncryptionAlgorithm, cp, at: d.span(of: "\(ep).contentEncryptionAlgorithm"))),
            ("encryptedContent", eci.encryptedContent.map(hex) ?? .null),
            ("encryptedContentLength", eci.encryptedContent.map { .int($0.count) } ?? .null),
        ])))
        o.append(("authAttrs", attributes(a.authAttrs, cp, d: d, path: "\(r).authAttrs")))
        o.append(("mac", hex(a.mac)))
        o.append(("unauthAttrs", attributes(a.unauthAttrs, cp, d: d, path: "\(r).unauthAttrs")))
        return .object(o)
    }

    /// The verified content (only after the tag verified): content type, length, and the octets.
    public static func verifiedContent(_ p: VerifiedPlaintext, codePoints cp: CMSCodePoints = .default) -> JSONValue {
        .object(oid("contentType", p.contentType, cp) + [("algorithm", .string(p.algorithm.description)), ("length", .int(p.content.count)), ("content", hex(p.content))])
    }
}
