import MediasecCore

/// The SRTP `inline` key (RFC 4568 §6.1, §9.2):
///
/// ```
/// "inline:" <key||salt> ["|" lifetime] ["|" MKI ":" length]
/// key-salt   = 1*(base64)        ; base64 = ALPHA / DIGIT / "+" / "/" / "="
/// lifetime   = ["2^"] 1*(DIGIT)
/// mki        = mki-value ":" mki-length
/// mki-value  = 1*DIGIT
/// mki-length = 1*3DIGIT          ; range 1..128
/// ```
/// "the lifetime field never includes a colon, whereas the third field
/// always does": a single optional field is an MKI when it holds `:`.
public struct SRTPInlineKey: Hashable, Sendable {
    /// The key-method as written (`inline`).
    public var method: String
    /// The base64 `key||salt` as written.
    public var keySalt: String {
        get { SDPGrammar.string(keySaltText) }
        set { keySaltText = ArraySlice(newValue.utf8) }
    }
    /// ``keySalt`` as bytes. A decoded key's are a slice of the attribute
    /// value: decoding builds no String, and the checks read the bytes.
    private(set) var keySaltText: ArraySlice<UInt8>
    public var lifetime: Lifetime?
    public var mki: MKI?

    public init(method: String = "inline", keySalt: String, lifetime: Lifetime? = nil, mki: MKI? = nil) {
        self.init(method: method, keySaltText: ArraySlice(keySalt.utf8), lifetime: lifetime, mki: mki)
    }

    init(method: String, keySaltText: ArraySlice<UInt8>, lifetime: Lifetime?, mki: MKI?) {
        self.method = method
        self.keySaltText = keySaltText
        self.lifetime = lifetime
        self.mki = mki
    }

    /// Equality of the fields as Strings, ``keySalt`` compared on its
    /// bytes: equal bytes are equal strings, and different bytes can be
    /// equal strings (Unicode canonical equivalence) only with a non-ASCII
    /// byte, which a decoded key never has.
    public static func == (a: SRTPInlineKey, b: SRTPInlineKey) -> Bool {
        a.method == b.method && a.lifetime == b.lifetime && a.mki == b.mki && sameText(a.keySaltText, b.keySaltText)
    }

    private static func sameText(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        if a == b { return true }
        if a.allSatisfy({ $0 < 0x80 }) && b.allSatisfy({ $0 < 0x80 }) { return false }
        return SDPGrammar.string(a) == SDPGrammar.string(b)
    }

    /// Hashing of the String fields, consistent with ``==``.
    public func hash(into h: inout Hasher) {
        h.combine(method)
        h.combine(keySalt)
        h.combine(lifetime)
        h.combine(mki)
    }

    /// A key from raw `key||salt` bytes (base64-encoded with padding).
    public init(keySalt bytes: [UInt8], lifetime: Lifetime? = nil, mki: MKI? = nil) {
        self.init(keySalt: Base64.encode(bytes), lifetime: lifetime, mki: mki)
    }

    /// `lifetime = ["2^"] 1*(DIGIT)`.
    public struct Lifetime: Hashable, Sendable, CustomStringConvertible {
        public var powerOfTwo: Bool
        public var digits: DecimalToken

        public init(powerOfTwo: Bool, digits: DecimalToken) {
            self.powerOfTwo = powerOfTwo
            self.digits = digits
        }

        public static func power(_ n: UInt64) -> Lifetime { Lifetime(powerOfTwo: true, digits: DecimalToken(n)) }
        public static func packets(_ n: UInt64) -> Lifetime { Lifetime(powerOfTwo: false, digits: DecimalToken(n)) }

        /// The number of packets, nil when it exceeds 64 bits.
        public var value: UInt64? {
            guard let d = digits.value else { return nil }
            if !powerOfTwo { return d }
            return d < 64 ? UInt64(1) << d : nil
        }

        /// log2 of the value rounded up (for comparisons with 2^48 / 2^31
        /// without overflow); nil only when the digits themselves overflow.
        public var log2Ceiling: UInt64? {
            guard let d = digits.value else { return nil }
            if powerOfTwo { return d }
            if d <= 1 { return 0 }
            return UInt64(64 - (d - 1).leadingZeroBitCount)
        }

        public var description: String { (powerOfTwo ? "2^" : "") + digits.text }
    }

    /// `mki = mki-value ":" mki-length`.
    public struct MKI: Hashable, Sendable, CustomStringConvertible {
        public var value: DecimalToken
        public var length: DecimalToken

        public init(value: DecimalToken, length: DecimalToken) {
            self.value = value
            self.length = length
        }

        public var description: String { value.text + ":" + length.text }
    }

    /// The decoded `key||salt`: strict base64, except that a missing final
    /// padding is accepted (RFC 4568 §6.1 discards the padding).
    public var keySaltBytes: [UInt8]? { try? SDPBase64.decodeUnpadded(keySaltText).get() }

    public var encodedValue: String {
        var s = method + ":" + keySalt
        if let l = lifetime { s += "|" + l.description }
        if let m = mki { s += "|" + m.description }
        return s
    }

    /// One `|` field of the key-info: its bytes' indices in the scanner's
    /// slice and the absolute offset of its first byte (indices, not a
    /// slice: nothing to retain or release per field).
    struct Field {
        let at: Int
        let range: Range<Int>
    }

    static func isBase64Field(_ c: UInt8) -> Bool { SDPGrammar.isBase64(c) || c == 0x3d }

    /// Decodes `srtp-key-info`; the scanner covers the key-info only.
    static func decodeInfo(_ s: inout SDPTextScanner, method: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> SRTPInlineKey {
        let code = "sdp.crypto.inline-syntax"
        offsets.record("keySalt", s.offset)
        let ks = s.read(while: isBase64Field)
        if ks.isEmpty { throw s.fail(code, "keySalt: expected base64 key||salt", field: "keySalt") }
        // The '|' fields; a third one is an error, so at most three are
        // kept (no array).
        var fields: (Field?, Field?, Field?) = (nil, nil, nil)
        var fieldCount = 0
        while s.consume(0x7c) {
            let at = s.offset
            let start = s.index
            _ = s.read { $0 != 0x7c }
            let f = Field(at: at, range: start..<s.index)
            switch fieldCount {
            case 0: fields.0 = f
            case 1: fields.1 = f
            case 2: fields.2 = f
            default: break
            }
            fieldCount += 1
        }
        if !s.isAtEnd { throw s.fail(code, "keySalt: '\(SDPTextScanner.show(s.peek() ?? 0))' is not a base64 character", field: "keySalt") }
        if let third = fields.2 {
            throw s.fail(code, "more than two '|' fields after key||salt (lifetime and MKI at most)", field: "mki", at: third.at - 1)
        }
        var lifetime: Lifetime? = nil
        var mki: MKI? = nil
        for k in 0..<2 {
            guard let f = k == 0 ? fields.0 : fields.1 else { continue }
            let text = s.bytes[f.range]
            if let colon = text.firstIndex(of: 0x3a) {
                guard mki == nil, k == fieldCount - 1 else { throw s.fail(code, "the MKI must be the last field", field: "mki", at: f.at) }
                offsets.record("mki", f.at)
                if let m = mkiFast(text, colon: colon) { mki = m } else { mki = try decodeMKI(text, at: f.at, s) }
                offsets.record("mki.length", f.at + (colon - text.startIndex) + 1)
            } else {
                guard k == 0 else { throw s.fail(code, "a second lifetime field (the lifetime never holds ':', the MKI always does)", field: "lifetime", at: f.at) }
                offsets.record("lifetime", f.at)
                if let l = lifetimeFast(text) { lifetime = l } else { lifetime = try decodeLifetime(text, at: f.at, s) }
            }
        }
        return SRTPInlineKey(method: method, keySaltText: ks, lifetime: lifetime, mki: mki)
    }

    /// ``decodeLifetime(_:at:_:)`` of a well-formed lifetime (`["2^"]
    /// 1*DIGIT`, nothing else) without a scanner; nil for any other text,
    /// which the scanner then reports.
    static func lifetimeFast(_ t: ArraySlice<UInt8>) -> Lifetime? {
        var digits = t
        let pow = t.count >= 2 && t[t.startIndex] == 0x32 && t[t.startIndex + 1] == 0x5e
        if pow { digits = t.dropFirst(2) }
        guard !digits.isEmpty, digits.allSatisfy(SDPGrammar.isDigit) else { return nil }
        return Lifetime(powerOfTwo: pow, digits: DecimalToken(digits: digits))
    }

    /// ``decodeMKI(_:at:_:)`` of a well-formed MKI (`1*DIGIT ":" 1*DIGIT`,
    /// `colon` the index of the first ':') without a scanner; nil for any
    /// other text, which the scanner then reports.
    static func mkiFast(_ t: ArraySlice<UInt8>, colon: Int) -> MKI? {
        guard colon >= t.startIndex && colon < t.endIndex else { return nil }
        let value = t[..<colon], length = t[(colon + 1)...]
        guard !value.isEmpty, !length.isEmpty, value.allSatisfy(SDPGrammar.isDigit), length.allSatisfy(SDPGrammar.isDigit) else { return nil }
        return MKI(value: DecimalToken(digits: value), length: DecimalToken(digits: length))
    }

    static func decodeLifetime(_ t: ArraySlice<UInt8>, at: Int, _ s: SDPTextScanner) throws(DecodingError) -> Lifetime {
        var sub = SDPTextScanner(t, base: at, path: s.path, specRef: "RFC 4568 §6.1", element: s.element)
        let pow = sub.consume("2^")
        let at2 = sub.offset
        let digits = sub.read(while: SDPGrammar.isDigit)
        if digits.isEmpty || !sub.isAtEnd {
            let what = pow && digits.isEmpty && sub.isAtEnd ? "'2^' without an exponent" : "'\(SDPGrammar.string(t))' is not [\"2^\"] 1*DIGIT"
            throw sub.fail("sdp.crypto.lifetime-syntax", "lifetime: \(what)", field: "lifetime", at: digits.isEmpty ? at2 : sub.offset)
        }
        return Lifetime(powerOfTwo: pow, digits: DecimalToken(digits: digits))
    }

    static func decodeMKI(_ t: ArraySlice<UInt8>, at: Int, _ s: SDPTextScanner) throws(DecodingError) -> MKI {
        var sub = SDPTextScanner(t, base: at, path: s.path, specRef: "RFC 4568 §6.1", element: s.element)
        let code = "sdp.crypto.mki-syntax"
        let v = try sub.readDecimal("mki.value", code: code)
        try sub.expect(0x3a, "mki.value", code: code)
        let l = try sub.readDecimal("mki.length", code: code)
        try sub.expectEnd("mki.length", code: code)
        return MKI(value: v, length: l)
    }
}
