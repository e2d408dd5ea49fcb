import MediasecCore

/// `a=fingerprint` (RFC 8122 §5):
///
/// ```
/// fingerprint-attribute = "fingerprint" ":" hash-func SP fingerprint
/// hash-func   = "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512" /
///               "md5" / "md2" / token
/// fingerprint = 2UHEX *(":" 2UHEX)   ; each byte in upper-case hex
/// UHEX        = DIGIT / %x41-46
/// ```
/// Session or media level; several per level (§5.1). The decoder accepts
/// hex digits of either case and one space after the colon — both appear in
/// published examples (lowercase hex in deployed stacks, `fingerprint:
/// SHA-1` in RFC 7345 and RFC 5763) — and keeps them, so the encoder
/// reproduces the input; the validator reports them
/// (`sdp.fingerprint.lowercase-hex`, `sdp.fingerprint.leading-space`).
public struct FingerprintAttribute: SDPAttributeCodable {
    public static let attributeName = "fingerprint"
    public static let specRef = "RFC 8122 §5"

    public var hashFunction: HashFunction
    /// The hex pairs and colons as written.
    public var fingerprint: String {
        didSet { shape = Self.shape(of: fingerprint) }
    }
    /// A space between `fingerprint:` and the hash name (not in the ABNF).
    public var leadingSpace: Bool
    /// ``byteCount`` and ``hasLowercaseHex``, worked out once per value
    /// (by the decoder's own scan for a decoded one).
    private var shape: Shape

    struct Shape: Sendable {
        var byteCount: Int
        var hasLowercaseHex: Bool
    }

    public init(hashFunction: HashFunction, fingerprint: String, leadingSpace: Bool = false) {
        self.hashFunction = hashFunction
        self.fingerprint = fingerprint
        self.leadingSpace = leadingSpace
        self.shape = Self.shape(of: fingerprint)
    }

    private init(hashFunction: HashFunction, fingerprint: String, leadingSpace: Bool, shape: Shape) {
        self.hashFunction = hashFunction
        self.fingerprint = fingerprint
        self.leadingSpace = leadingSpace
        self.shape = shape
    }

    /// Canonical form: uppercase pairs joined by `:`.
    public init(hashFunction: HashFunction, bytes: [UInt8]) {
        let hex = Array(Hex.encode(bytes, uppercase: true).utf8)
        var parts: [String] = []
        var i = 0
        while i + 1 < hex.count { parts.append(SDPGrammar.string(hex[i..<(i + 2)])); i += 2 }
        self.init(hashFunction: hashFunction, fingerprint: parts.joined(separator: ":"))
    }

    /// Equality and hashing of the value as written (``shape`` follows from it).
    public static func == (a: FingerprintAttribute, b: FingerprintAttribute) -> Bool {
        a.hashFunction == b.hashFunction && a.fingerprint == b.fingerprint && a.leadingSpace == b.leadingSpace
    }

    public func hash(into h: inout Hasher) {
        h.combine(hashFunction)
        h.combine(fingerprint)
        h.combine(leadingSpace)
    }

    /// The fingerprint bytes.
    public var bytes: [UInt8] { Hex.decode(fingerprint) ?? [] }
    public var hasLowercaseHex: Bool { shape.hasLowercaseHex }

    /// `bytes.count` without building the bytes: hex digits / 2 when the
    /// text is hex digits in pairs with `:` or whitespace between, else 0
    /// (what `Hex.decode` accepts).
    var byteCount: Int { shape.byteCount }

    /// One pass over a text for ``byteCount`` and ``hasLowercaseHex``.
    static func shape(of text: String) -> Shape {
        var t = text
        return t.withUTF8 { p in
            var digits = 0
            var valid = true
            var lower = false
            for c in p {
                switch c {
                case 0x30...0x39, 0x41...0x46: digits += 1
                case 0x61...0x66: digits += 1; lower = true
                case 0x20, 0x09, 0x0a, 0x0d, 0x3a: continue
                default: valid = false
                }
            }
            return Shape(byteCount: valid && digits % 2 == 0 ? digits / 2 : 0, hasLowercaseHex: lower)
        }
    }

    /// The absolute offset of `hashFunction` in a value that starts at
    /// `valueOffset` and decoded to this attribute: what the decoder records
    /// for the field, without decoding the value again.
    func hashFunctionOffset(valueOffset: Int) -> Int { valueOffset + (leadingSpace ? 1 : 0) }

    /// The absolute offset of `fingerprint` (after the hash name as written
    /// and its space), as ``hashFunctionOffset(valueOffset:)``.
    func fingerprintOffset(valueOffset: Int) -> Int { hashFunctionOffset(valueOffset: valueOffset) + hashFunction.rawValue.utf8.count + 1 }

    public var encodedValue: String { (leadingSpace ? " " : "") + hashFunction.rawValue + " " + fingerprint }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> FingerprintAttribute {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        let code = "sdp.fingerprint.syntax"
        let lead = s.consume(0x20)
        offsets.record("hashFunction", s.offset)
        let hash = try FieldScan.token(&s, "hashFunction", code: code)
        try s.expect(0x20, "hashFunction", code: code)
        offsets.record("fingerprint", s.offset)
        // 2HEX *(":" 2HEX), read straight from the bytes; the pair count
        // and the case of the digits come out of the same pass.
        let start = s.index
        // Over the bytes directly (positions relative to the slice's start).
        let (stop, pairs, lower, ok) = value.withUnsafeBufferPointer { p -> (Int, Int, Bool, Bool) in
            let n = p.count
            var i = start - value.startIndex
            var pairs = 0
            var lower = false
            while true {
                guard i >= 0, i + 1 < n, SDPGrammar.isHex(p[i]), SDPGrammar.isHex(p[i + 1]) else { return (i, pairs, lower, false) }
                if p[i] >= 0x61 || p[i + 1] >= 0x61 { lower = true }
                pairs += 1
                i += 2
                guard i < n, p[i] == 0x3a else { return (i, pairs, lower, true) }
                i += 1
            }
        }
        let i = value.startIndex + stop
        if !ok {
            s.advance(i - s.index)
            throw s.fail(code, "fingerprint: expected two hex digits", field: "fingerprint")
        }
        s.advance(i - s.index)
        try s.expectEnd("fingerprint", code: code)
        let text = SDPGrammar.string(value[start...])
        return FingerprintAttribute(hashFunction: HashFunction(rawValue: hash), fingerprint: text, leadingSpace: lead,
                                    shape: Shape(byteCount: pairs, hasLowercaseHex: lower))
    }
}
