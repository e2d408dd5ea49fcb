import MediasecCore

/// General Extension payload (RFC 3830 §6.15).
///
/// ```
/// ! Next payload  ! Type          ! Length                        !
/// ! Data                                                          ~
/// ```
/// The wire truth is `data`; ``content(profile:)`` interprets it for the
/// types whose data has structure (RFC 4563 Key ID, RFC 4738 CSB_ID,
/// RFC 4909 OMA BCAST, TR 33.829 Annex C conference participants and Annex F
/// proof-of-origin). Interpretation failures are validation findings, not
/// decoding errors: the payload itself is well delimited.
public struct GeneralExtensionPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.generalExtension
    static let specRef = "RFC 3830 §6.15"
    static let pathName = "ext"

    public var type: GeneralExtensionType
    public var data: [UInt8]

    public init(type: GeneralExtensionType, data: [UInt8]) {
        self.type = type
        self.data = data
    }

    /// The TR 33.829 Annex C.1 "3GPP IMS CONF" extension listing the
    /// participants authorized to join (one ID payload each, chained with
    /// Next Payload 6 and ended by 0: ambiguity 10 in FACTS.md §10).
    public static func imsConference(participants: [IDPayload], profile: CodePointProfile = .default) throws(EncodingError) -> GeneralExtensionPayload {
        let chain = try PayloadChainCodec.encodeChain(participants.map { .id($0) }, leadingType: false, path: "ext.participants")
        return GeneralExtensionPayload(type: profile.extensionIMSConference, data: chain)
    }

    /// The TR 33.829 Annex F.1 "3GPP IMS MSG PROOF-OF-ORIGIN" extension.
    public static func proofOfOrigin(_ data: [UInt8], profile: CodePointProfile = .default) -> GeneralExtensionPayload {
        GeneralExtensionPayload(type: profile.extensionProofOfOrigin, data: data)
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> GeneralExtensionPayload {
        let t = GeneralExtensionType(rawValue: try c.mikeyU8("type"))
        let n = Int(try c.mikeyU16("length"))
        return GeneralExtensionPayload(type: t, data: try c.mikeyBytes(n, "data"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(type.rawValue)
        try w.writeLength(data.count, bits: 16, path: "ext.length")
        w.writeBytes(data)
    }

    /// Interprets `data` by type. Throws a ``DecodingError`` whose offset is
    /// relative to the start of `data` when structured data is malformed;
    /// callers add the payload's base offset.
    public func content(profile: CodePointProfile = .default) throws(DecodingError) -> GeneralExtensionContent {
        if type == profile.extensionIMSConference {
            var ctx = DecodeContext(profile: profile, limits: .default)
            var c = ByteCursor(data)
            var spans: [PayloadSpan] = []
            let chain = try PayloadChainCodec.decodeChain(&c, firstType: data.isEmpty ? .last : .id, ctx: &ctx, pathPrefix: "participants", spans: &spans, requireEnd: true)
            var ids: [IDPayload] = []
            for (i, p) in chain.enumerated() {
                guard case .id(let id) = p else {
                    throw DecodingError(code: "mikey.ext.conf.not-id", offset: spans[i].range.lowerBound, path: "participants[\(i)]",
                                        specRef: "TR 33.829 Annex C.1", message: "3GPP IMS CONF data must consist of ID payloads only, found \(p.type)")
                }
                ids.append(id)
            }
            return .imsConference(participants: ids)
        }
        if type == profile.extensionProofOfOrigin { return .proofOfOrigin(data) }
        switch type.rawValue {
        case 3:
            var c = ByteCursor(data)
            var ids: [KeyIDEntry] = []
            while !c.isAtEnd {
                let t = try c.readUInt8("keyId[\(ids.count)].type", code: "mikey.ext.keyid.truncated")
                let n = Int(try c.readUInt8("keyId[\(ids.count)].length", code: "mikey.ext.keyid.truncated"))
                ids.append(KeyIDEntry(type: t, keyID: try c.readBytes(n, "keyId[\(ids.count)].keyId", code: "mikey.ext.keyid.truncated")))
            }
            return .keyID(ids)
        case 4:
            guard data.count == 4 else {
                throw DecodingError(code: "mikey.ext.csbid.length", offset: 0, path: "data", specRef: "RFC 4738 §3.6",
                                    message: "CSB_ID extension data must be 4 bytes, is \(data.count)")
            }
            return .csbID(UInt32(data[0]) << 24 | UInt32(data[1]) << 16 | UInt32(data[2]) << 8 | UInt32(data[3]))
        case 5:
            guard let sub = data.first else {
                throw DecodingError(code: "mikey.ext.omabcast.truncated", offset: 0, path: "data.subtype", specRef: "RFC 4909 §3",
                                    message: "OMA BCAST extension needs a subtype byte")
            }
            return .omaBCAST(subtype: sub, data: Array(data.dropFirst()))
        default:
            return .opaque(data)
        }
    }
}

/// One Key ID Type sub-payload (RFC 4563 §4, Figure 2).
public struct KeyIDEntry: Hashable, Sendable {
    public var type: UInt8
    public var keyID: [UInt8]
}

/// Structured view of a General Extension's data.
public enum GeneralExtensionContent: Hashable, Sendable {
    case opaque([UInt8])
    case keyID([KeyIDEntry])
    case csbID(UInt32)
    case omaBCAST(subtype: UInt8, data: [UInt8])
    case imsConference(participants: [IDPayload])
    case proofOfOrigin([UInt8])
}
