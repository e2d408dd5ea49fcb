import MediasecCore

/// One header field of a body part, unfolded (RFC 5322 §2.2.3): `name` as
/// written, `value` with the continuation line breaks replaced by a space
/// and outer whitespace trimmed, `offset` of the name's first byte.
public struct MIMEHeaderField: Sendable, Hashable {
    public var name: String
    public var value: String
    public var offset: Int

    public init(name: String, value: String, offset: Int) {
        self.name = name
        self.value = value
        self.offset = offset
    }
}

/// The content transfer encodings of RFC 2045 §6.1 (lowercased); anything
/// else is kept as ``other(_:)``.
public enum TransferEncoding: Sendable, Hashable {
    case sevenBit, eightBit, binary, base64, quotedPrintable
    case other(String)

    public init(_ value: String) {
        switch value.lowercased() {
        case "7bit": self = .sevenBit
        case "8bit": self = .eightBit
        case "binary": self = .binary
        case "base64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        default: self = .other(value)
        }
    }

    public var name: String {
        switch self {
        case .sevenBit: "7bit"
        case .eightBit: "8bit"
        case .binary: "binary"
        case .base64: "base64"
        case .quotedPrintable: "quoted-printable"
        case .other(let s): s
        }
    }
}

/// One body part of a multipart body (RFC 2046 §5.1.1):
///
/// ```
/// encapsulation := delimiter transport-padding CRLF body-part
/// body-part     := MIME-part-headers [CRLF *OCTET]
/// ```
/// All ranges are byte offsets into the whole SIP body. `range` excludes the
/// CRLF that belongs to the next delimiter.
public struct SIPBodyPart: Sendable, Hashable {
    public var index: Int
    public var range: Range<Int>
    /// Offset of the `--boundary` line that opens the part.
    public var delimiterOffset: Int
    public var headers: [MIMEHeaderField]
    /// The octets after the empty line that ends the header block.
    public var bodyRange: Range<Int>
    /// Parsed Content-Type; nil when absent or unparsable.
    public var contentType: MediaType?
    public var transferEncoding: TransferEncoding?
    public var disposition: MediaType?
    /// The body after transfer decoding; nil when it could not be decoded
    /// (unknown or unsupported encoding, invalid base64).
    public var content: [UInt8]?
    /// For base64: the body offset of each significant base64 character.
    var base64CharOffsets: [Int]?

    /// `type/subtype` of the part; RFC 2046 §5.1 defaults to `text/plain`.
    public var mediaType: String { contentType?.essence ?? "text/plain" }

    /// The first header of that (case-insensitive) name.
    public func header(_ name: String) -> MIMEHeaderField? {
        headers.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The body offset of content byte `k`: itself for identity encodings,
    /// the base64 character holding the byte's first bit for base64 (a `k`
    /// at or past the end maps to the end of the body).
    public func inputOffset(ofContentByte k: Int) -> Int {
        guard k >= 0 else { return bodyRange.lowerBound }
        if let chars = base64CharOffsets {
            let c = (k / 3) * 4 + k % 3
            return c < chars.count ? chars[c] : bodyRange.upperBound
        }
        return min(bodyRange.lowerBound + k, bodyRange.upperBound)
    }
}

/// The result of splitting a SIP body: the parts, where the framing lay, and
/// the decoder's findings (the decoder never throws: a malformed body still
/// yields the parts that could be found).
public struct DecodedSIPBody: Sendable {
    public var bytes: [UInt8]
    /// The body's Content-Type; nil when it did not parse.
    public var contentType: MediaType?
    public var boundary: String?
    public var isMultipart: Bool
    public var parts: [SIPBodyPart]
    public var preambleRange: Range<Int>?
    public var epilogueRange: Range<Int>?
    /// Offset of the close delimiter line; nil when absent.
    public var closeDelimiterOffset: Int?
    public var findings: [Finding]

    /// The parts of a media type (lowercased `type/subtype`).
    public func parts(ofType essence: String) -> [SIPBodyPart] { parts.filter { $0.mediaType == essence } }
}
