import MediasecCore

/// One line of a session description (RFC 8866 §5):
///
/// ```
/// <type>=<value>
/// ```
/// where `<type>` is exactly one case-significant character. The value is
/// kept as raw bytes (any octet except NUL, CR and LF; UTF-8 is only the
/// default interpretation) together with the line's terminator, so
/// ``encoded()`` reproduces the input line exactly.
public struct SDPLine: Hashable, Sendable {
    /// The type letter as a byte (`v`, `o`, `s`, … `m`, `a`).
    public var type: UInt8
    /// Everything after the `=`, without the terminator, as a slice of the
    /// decoded input (a decoded line shares the input's storage; no copy
    /// per line). Indices are the input's: use `startIndex`, not 0.
    /// Equality and hashing compare the bytes only (ArraySlice's own).
    public var bytes: ArraySlice<UInt8>
    public var ending: LineEnding

    /// Everything after the `=`, without the terminator (a copy of ``bytes``).
    public var value: [UInt8] {
        get { Array(bytes) }
        set { bytes = newValue[...] }
    }

    public init(type: UInt8, value: [UInt8], ending: LineEnding = .crlf) {
        self.init(type: type, bytes: value[...], ending: ending)
    }

    public init(type: UInt8, bytes: ArraySlice<UInt8>, ending: LineEnding = .crlf) {
        self.type = type
        self.bytes = bytes
        self.ending = ending
    }

    /// `SDPLine("a", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:…")`.
    public init(_ type: Character, _ value: String, ending: LineEnding = .crlf) {
        self.type = type.asciiValue ?? 0x3f
        self.bytes = Array(value.utf8)[...]
        self.ending = ending
    }

    /// An `a=` line for a name and optional value.
    public static func attribute(_ name: String, _ value: String?, ending: LineEnding = .crlf) -> SDPLine {
        SDPLine("a", value.map { name + ":" + $0 } ?? name, ending: ending)
    }

    public var typeLetter: Character { Character(Unicode.Scalar(type)) }

    /// The value decoded as UTF-8, with invalid sequences replaced.
    public var valueString: String { String(decoding: bytes, as: UTF8.self) }

    /// Type, `=`, value and terminator.
    public func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 4)
        out.append(type)
        out.append(0x3d)
        out.append(contentsOf: bytes)
        out.append(contentsOf: ending.bytes)
        return out
    }

    /// Length of the line without its terminator.
    public var length: Int { bytes.count + 2 }

    /// The type letters RFC 8866 §5 defines (`k=` is obsolete but defined).
    public static let knownTypes: Set<UInt8> = Set("vosiuepcbtrzkam".utf8)

    /// ``knownTypes`` without hashing.
    @inline(__always)
    static func isKnownType(_ t: UInt8) -> Bool {
        switch t {
        case 0x76, 0x6f, 0x73, 0x69, 0x75, 0x65, 0x70, 0x63, 0x62, 0x74, 0x72, 0x7a, 0x6b, 0x61, 0x6d: return true
        default: return false
        }
    }
}
