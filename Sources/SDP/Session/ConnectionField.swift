import MediasecCore

/// `c=` (RFC 8866 §5.7, §9):
///
/// ```
/// connection-field   = %s"c" "=" nettype SP addrtype SP connection-address CRLF
/// connection-address = multicast-address / unicast-address
/// IP4-multicast      = m1 3( "." decimal-uchar ) "/" ttl [ "/" numaddr ]
/// IP6-multicast      = IP6-address [ "/" numaddr ]
/// ```
/// The slash-separated suffixes are kept as written; ``ttl`` and
/// ``numberOfAddresses`` interpret them by address type (IP4: TTL then
/// count; IP6: count only).
public struct ConnectionField: Hashable, Sendable {
    public var netType: String
    public var addrType: String
    /// The address before any `/`.
    public var address: String
    /// The `/`-separated numbers after the address, in order.
    public var suffixes: [DecimalToken]

    public init(netType: String = "IN", addrType: String = "IP4", address: String, suffixes: [DecimalToken] = []) {
        self.netType = netType
        self.addrType = addrType
        self.address = address
        self.suffixes = suffixes
    }

    static let specRef = "RFC 8866 §5.7"

    public static func decode(_ value: [UInt8], base: Int = 0, path: String) throws(DecodingError) -> ConnectionField {
        try decode(value[...], base: base, path: path)
    }

    /// Decodes a slice of the description (a decoded line's ``SDPLine/bytes``); `base` is the
    /// absolute offset of its first byte.
    public static func decode(_ value: ArraySlice<UInt8>, base: Int = 0, path: String) throws(DecodingError) -> ConnectionField {
        let f = try scan(value, base: base, path: path)
        var suffixes: [DecimalToken] = []
        if f.suffixCount > 0 {
            suffixes.reserveCapacity(f.suffixCount)
            suffixes.append(FieldScan.decimal(value, f.suffixes.0))
            if f.suffixCount > 1 { suffixes.append(FieldScan.decimal(value, f.suffixes.1)) }
        }
        return ConnectionField(netType: SDPGrammar.string(value[f.netType]), addrType: SDPGrammar.string(value[f.addrType]),
                               address: SDPGrammar.string(value[f.address]), suffixes: suffixes)
    }

    /// Where each field lies in the value (indices of the slice).
    struct Spans {
        var netType, addrType, address: Range<Int>
        /// The first ``suffixCount`` (at most two) `/` suffixes.
        var suffixes: (Range<Int>, Range<Int>)
        var suffixCount: Int
    }

    /// The grammar, over either reader (see ``FieldReader``).
    static func grammar<R: FieldReader>(_ s: inout R) throws(R.Failure) -> Spans {
        let code = "sdp.c.syntax"
        let net = try s.token("nettype", code: code)
        try s.expect(0x20, "nettype", code: code)
        let addrType = try s.token("addrtype", code: code)
        try s.expect(0x20, "addrtype", code: code)
        let addr = s.span { SDPGrammar.isNonWS($0) && $0 != 0x2f }
        if addr.isEmpty { throw s.fail(code, "connectionAddress: expected an address", field: "connectionAddress", atIndex: addr.lowerBound) }
        var suffixes = (addr.upperBound..<addr.upperBound, addr.upperBound..<addr.upperBound)
        var count = 0
        while s.consume(0x2f) {
            let d = try s.decimal("connectionAddress", code: code)
            if count == 0 { suffixes.0 = d } else if count == 1 { suffixes.1 = d }
            count += 1
            if count > 2 { throw s.fail(code, "connectionAddress: more than two '/' suffixes", field: "connectionAddress", atIndex: nil) }
        }
        try s.expectEnd("connectionAddress", code: code)
        return Spans(netType: net, addrType: addrType, address: addr, suffixes: suffixes, suffixCount: count)
    }

    public var encodedValue: String {
        ([netType, addrType, ([address] + suffixes.map(\.text)).joined(separator: "/")]).joined(separator: " ")
    }

    public var isIP4: Bool { addrType == "IP4" }
    public var isIP6: Bool { addrType == "IP6" }

    /// The IPv4 address as four octets, when `address` is dotted-decimal.
    public var ip4Octets: [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(4)
        guard let (a, b, c, d) = Self.dottedQuad(address) else { return nil }
        out.append(a); out.append(b); out.append(c); out.append(d)
        return out
    }

    /// Four `.`-separated decimal octets (1-3 digits, 0..255), without allocating.
    static func dottedQuad(_ s: String) -> (UInt8, UInt8, UInt8, UInt8)? { dottedQuad(bytes: s.utf8) }

    static func dottedQuad<C: Collection>(bytes s: C) -> (UInt8, UInt8, UInt8, UInt8)? where C.Element == UInt8 {
        var parts: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var part = 0, value = 0, digits = 0
        for c in s {
            if c == 0x2e {
                guard digits > 0, part < 3 else { return nil }
                switch part { case 0: parts.0 = value; case 1: parts.1 = value; default: parts.2 = value }
                part += 1; value = 0; digits = 0
            } else if SDPGrammar.isDigit(c) {
                digits += 1
                guard digits <= 3 else { return nil }
                value = value * 10 + Int(c - 0x30)
            } else {
                return nil
            }
        }
        guard part == 3, digits > 0 else { return nil }
        parts.3 = value
        guard parts.0 <= 255, parts.1 <= 255, parts.2 <= 255, parts.3 <= 255 else { return nil }
        return (UInt8(parts.0), UInt8(parts.1), UInt8(parts.2), UInt8(parts.3))
    }

    /// IP4 224.0.0.0/4 or IP6 ff00::/8 (RFC 8866 §9 `m1`, "IP6 address starting with FF").
    public var isMulticast: Bool {
        if isIP4, let o = Self.dottedQuad(address) { return (224...239).contains(o.0) }
        if isIP6 {
            var it = address.utf8.makeIterator()
            guard let a = it.next(), let b = it.next() else { return false }
            return (a | 0x20) == 0x66 && (b | 0x20) == 0x66
        }
        return false
    }

    /// ``isMulticast`` of an address as written (`addrType` and address
    /// bytes): the same answer as on the decoded strings, since a byte
    /// `>= 0x80` (or its replacement character) is neither a digit nor `f`.
    static func isMulticast(isIP4: Bool, isIP6: Bool, address: ArraySlice<UInt8>) -> Bool {
        if isIP4, let o = dottedQuad(bytes: address) { return (224...239).contains(o.0) }
        if isIP6 {
            guard address.count >= 2 else { return false }
            let a = address[address.startIndex], b = address[address.startIndex + 1]
            return (a | 0x20) == 0x66 && (b | 0x20) == 0x66
        }
        return false
    }

    /// IP4 only: the TTL suffix.
    public var ttl: DecimalToken? { isIP4 ? suffixes.first : nil }

    /// The number of addresses (IP4: second suffix; IP6: first suffix).
    public var numberOfAddresses: DecimalToken? {
        if isIP4 { return suffixes.count > 1 ? suffixes[1] : nil }
        return suffixes.first
    }
}

/// The syntax check and the field spans, no string built (``FieldSyntax/scan(_:base:path:)``).
extension ConnectionField: FieldSyntax {
    static var syntaxSpecRef: String { specRef }
}
