import MediasecCore

/// A MIKEY message: the Common Header and the payload chain after it
/// (RFC 3830 §5.2, Figure 5.1).
///
/// The model holds no length, count or Next Payload fields; they are
/// computed by ``encoded()``. For every value accepted by the decoder,
/// `encoded()` reproduces the input byte for byte, and for every model value
/// that encodes, decoding gives the same value back.
public struct MIKEYMessage: Hashable, Sendable {
    public var header: CommonHeader
    public var payloads: [Payload]

    public init(header: CommonHeader, payloads: [Payload]) {
        self.header = header
        self.payloads = payloads
    }

    /// Decodes a complete message; trailing bytes are an error.
    public init(decoding bytes: [UInt8], profile: CodePointProfile = .default, limits: DecodingLimits = .default) throws(DecodingError) {
        self = try MIKEYDecoder(profile: profile, limits: limits).decodeMessage(bytes)
    }

    public func encoded() throws(EncodingError) -> [UInt8] {
        var w = ByteWriter(capacity: 128)
        try header.encode(&w, next: payloads.first?.type ?? .last)
        try PayloadChainCodec.encodePayloads(payloads, into: &w, path: "payloads")
        return w.bytes
    }

    /// First payload of a given kind, e.g. `message.first { if case .rand(let r) = $0 { r } else { nil } }`.
    public func first<T>(_ match: (Payload) -> T?) -> T? {
        for p in payloads { if let v = match(p) { return v } }
        return nil
    }
}

/// A decoded message together with its input and where each payload lay.
public struct DecodedMIKEYMessage: Sendable {
    public var message: MIKEYMessage
    public var bytes: [UInt8]
    public var headerRange: Range<Int>
    public var spans: [PayloadSpan]
}

/// The MIKEY decoder. Raw structure is walked exactly once; every failure
/// is a ``DecodingError`` with a stable `mikey.*` code, the absolute byte
/// offset, the field path and the clause.
public struct MIKEYDecoder: Sendable {
    public var profile: CodePointProfile
    public var limits: DecodingLimits

    public init(profile: CodePointProfile = .default, limits: DecodingLimits = .default) {
        self.profile = profile
        self.limits = limits
    }

    /// Decodes the model only, without recording payload spans (the hot path).
    public func decodeMessage(_ bytes: [UInt8]) throws(DecodingError) -> MIKEYMessage {
        var spans: [PayloadSpan] = []
        var headerEnd = 0
        return try decodeMessage(bytes, recordSpans: false, spans: &spans, headerEnd: &headerEnd)
    }

    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedMIKEYMessage {
        // A fixed small capacity (the common messages have up to six
        // payloads): one allocation instead of regrowing 1, 2, 4, 8.
        var spans: [PayloadSpan] = []
        spans.reserveCapacity(6)
        var headerEnd = 0
        let m = try decodeMessage(bytes, recordSpans: true, spans: &spans, headerEnd: &headerEnd)
        return DecodedMIKEYMessage(message: m, bytes: bytes, headerRange: 0..<headerEnd, spans: spans)
    }

    /// HDR, then the payload chain; spans (and the header's end) go to the
    /// out parameters so that the model path returns no tuple.
    func decodeMessage(_ bytes: [UInt8], recordSpans: Bool, spans: inout [PayloadSpan], headerEnd: inout Int) throws(DecodingError) -> MIKEYMessage {
        var c = ByteCursor(bytes, path: "", specRef: "RFC 3830 §6.1")
        var ctx = DecodeContext(profile: profile, limits: limits)
        ctx.recordSpans = recordSpans
        let (header, first) = try Self.decodeHeader(&c)
        headerEnd = c.position
        let payloads = try PayloadChainCodec.decodeChain(&c, firstType: first, typeFieldOffset: 2, typeFieldPath: "hdr.nextPayload", ctx: &ctx, pathPrefix: "payloads", spans: &spans, requireEnd: true)
        return MIKEYMessage(header: header, payloads: payloads)
    }

    static func decodeHeader(_ c: inout ByteCursor) throws(DecodingError) -> (CommonHeader, PayloadType) {
        do throws(DecodingError) {
            return try CommonHeader.decode(&c)
        } catch {
            var e = error
            if e.code == "truncated" { e.code = "mikey.truncated" }
            throw e
        }
    }
}
