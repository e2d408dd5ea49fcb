import MediasecCore
import MIKEY

/// The decoded tree as JSON (the CLI's `decode --json` and the `decoded`
/// member of a validation report). OIDs appear as `{"oid","name"}`, byte
/// strings as lowercase hex, every element with its byte offset.
public enum CMSJSON {
    public static func tree(_ d: DecodedContentInfo, codePoints: CMSCodePoints = .default) -> JSONValue {
        let ci = d.contentInfo
        var out: [(String, JSONValue)] = [
            ("encodingRules", .string(d.rules.name)),
            ("contentType", oid(ci.contentType, codePoints)),
        ]
        switch ci.content {
        case .authEnvelopedData(let a):
            out.append(("authEnvelopedData", authEnvelopedData(a, d: d, codePoints: codePoints)))
        case .other(_, let raw):
            out.append(("content", .string(Hex.encode(raw))))
        }
        return .object(out)
    }

    static func oid(_ s: String, _ cp: CMSCodePoints) -> JSONValue {
        .object([("oid", .string(s)), ("name", CMSOID.name(of: s, codePoints: cp).map { .string($0) } ?? .null)])
    }

    static func hex(_ b: [UInt8]) -> JSONValue { .string(Hex.encode(b)) }

    static func algorithm(_ a: AlgorithmIdentifier, _ cp: CMSCodePoints) -> JSONValue {
        let params: JSONValue
        switch a.parameters {
        case .absent: params = .null
        case .aead(let p):
            params = .object([("nonce", hex(p.nonce)), ("icvLen", p.icvLength.map { .int($0) } ?? .null), ("effectiveIcvLen", .int(p.effectiveICVLength))])
        case .encoded(let raw): params = .object([("encoded", hex(raw))])
        }
        return .object([("algorithm", oid(a.algorithm, cp)), ("parameters", params)])
    }

    static func attributes(_ attrs: [Attribute]?, _ cp: CMSCodePoints) -> JSONValue {
        guard let attrs else { return .null }
        return .array(attrs.map { a in .object([("attrType", oid(a.attrType, cp)), ("attrValues", .array(a.attrValues.map(hex)))]) })
    }

    static func recipient(_ r: RecipientInfo, at offset: Int?, _ cp: CMSCodePoints) -> JSONValue {
        var o: [(String, JSONValue)] = [("type", .string(r.choiceName)), ("offset", offset.map { .int($0) } ?? .null)]
        switch r {
        case .ktri(let k):
            o.append(("version", .int(k.version)))
            switch k.rid {
            case .issuerAndSerialNumber(let raw): o.append(("issuerAndSerialNumber", hex(raw)))
            case .subjectKeyIdentifier(let s): o.append(("subjectKeyIdentifier", hex(s)))
            }
            o += [("keyEncryptionAlgorithm", algorithm(k.keyEncryptionAlgorithm, cp)), ("encryptedKey", hex(k.encryptedKey))]
        case .kari(let k):
            o += [("version", .int(k.version)), ("originator", hex(k.originator)), ("ukm", k.ukm.map(hex) ?? .null),
                  ("keyEncryptionAlgorithm", algorithm(k.keyEncryptionAlgorithm, cp)),
                  ("recipientEncryptedKeys", .array(k.recipientEncryptedKeys.map { .object([("rid", hex($0.rid)), ("encryptedKey", hex($0.encryptedKey))]) }))]
        case .kekri(let k):
            o += [("version", .int(k.version)),
                  ("kekid", .object([("keyIdentifier", hex(k.kekid.keyIdentifier)), ("date", k.kekid.date.map { .string($0) } ?? .null),
                                     ("other", k.kekid.other.map { .object([("keyAttrId", oid($0.keyAttrId, cp)), ("keyAttr", $0.keyAttr.map(hex) ?? .null)]) } ?? .null)])),
                  ("keyEncryptionAlgorithm", algorithm(k.keyEncryptionAlgorithm, cp)), ("encryptedKey", hex(k.encryptedKey))]
        case .pwri(let k):
            o += [("version", .int(k.version)), ("keyDerivationAlgorithm", k.keyDerivationAlgorithm.map { algorithm($0, cp) } ?? .null),
                  ("keyEncryptionAlgorithm", algorithm(k.keyEncryptionAlgorithm, cp)), ("encryptedKey", hex(k.encryptedKey))]
        case .ori(let x):
            o.append(("oriType", oid(x.oriType, cp)))
            switch x.oriValue {
            case .mikey(let b):
                let tree: JSONValue
                if let d = try? MIKEYDecoder(profile: cp.mikey).decode(b) { tree = MIKEYJSON.tree(d, profile: cp.mikey) } else { tree = .null }
                o.append(("oriValue", .object([("mikey", hex(b)), ("decoded", tree)])))
            case .encoded(let raw):
                o.append(("oriValue", .object([("encoded", hex(raw))])))
            }
        }
        return .object(o)
    }

    static func authEnvelopedData(_ a: AuthEnvelopedData, d: DecodedContentInfo, codePoints cp: CMSCodePoints) -> JSONValue {
        let r = "authEnvelopedData"
        let eci = a.authEncryptedContentInfo
        var o: [(String, JSONValue)] = [("version", .int(a.version))]
        if let oi = a.originatorInfo {
            o.append(("originatorInfo", .object([("certs", oi.certs.map { .array($0.map(hex)) } ?? .null), ("crls", oi.crls.map { .array($0.map(hex)) } ?? .null)])))
        }
        o.append(("recipientInfos", .array(a.recipientInfos.enumerated().map { i, ri in recipient(ri, at: d.offset(of: "\(r).recipientInfos[\(i)]"), cp) })))
        o.append(("authEncryptedContentInfo", .object([
            ("contentType", oid(eci.contentType, cp)),
            ("contentEncryptionAlgorithm", algorithm(eci.contentEncryptionAlgorithm, cp)),
            ("encryptedContent", eci.encryptedContent.map(hex) ?? .null),
        ])))
        o.append(("authAttrs", attributes(a.authAttrs, cp)))
        o.append(("mac", hex(a.mac)))
        o.append(("unauthAttrs", attributes(a.unauthAttrs, cp)))
        return .object(o)
    }
}
