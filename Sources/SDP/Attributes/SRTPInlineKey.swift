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
}
