/// One element of the raw BER/DER tree: the first, schema-free layer of
/// decoding (STYLE.md §1). Typed values are read from nodes by
/// ``ASN1Reader``; the node keeps the exact encoded slice, because the
/// AuthEnvelopedData AAD is computed from the received authAttrs bytes
/// (RFC 5083 §2.2) and re-encoding is checked against them.
///
/// All ranges are absolute indices into the decoded input; `encoded` and
/// `content` are slices of it (no copy).
public struct ASN1Node: Hashable, Sendable {
    public var identifier: ASN1Identifier
    /// The whole element as received: identifier, length, content and, for
    /// the indefinite form, the end-of-contents octets.
    public var encoded: ArraySlice<UInt8>
    /// Identifier and length octets.
    public var headerLength: Int
    public var isIndefiniteLength: Bool
    /// The content octets (without end-of-contents).
    public var contentRange: Range<Int>
    /// Sub-elements of a constructed encoding; nil for a primitive one.
    public var children: [ASN1Node]?

    public init(identifier: ASN1Identifier, encoded: ArraySlice<UInt8>, headerLength: Int, isIndefiniteLength: Bool, contentRange: Range<Int>, children: [ASN1Node]?) {
        self.identifier = identifier
        self.encoded = encoded
        self.headerLength = headerLength
        self.isIndefiniteLength = isIndefiniteLength
        self.contentRange = contentRange
        self.children = children
    }

    /// Absolute offset of the first identifier octet.
    public var offset: Int { encoded.startIndex }
    public var endOffset: Int { encoded.endIndex }
    public var range: Range<Int> { encoded.startIndex..<encoded.endIndex }
    public var headerRange: Range<Int> { offset..<(offset + headerLength) }
    public var content: ArraySlice<UInt8> { encoded[contentRange] }
    public var isConstructed: Bool { identifier.isConstructed }
    /// Number of identifier octets (1 in the low-tag form).
    public var identifierLength: Int {
        guard let first = encoded.first, first & 0x1f == 0x1f else { return 1 }
        var i = encoded.startIndex + 1
        while i < encoded.endIndex, encoded[i] & 0x80 != 0 { i += 1 }
        return i - encoded.startIndex + 1
    }
}

extension ASN1Node {
    /// The element re-encoded under DER's tree rules: low-tag form below 31,
    /// minimal definite lengths, children re-encoded recursively, primitive
    /// content copied. For a tree parsed under ``EncodingRules/der`` this is
    /// the input slice byte for byte (the FuzzDER oracle checks it); for a
    /// BER tree it is the same tree in canonical form (constructed strings
    /// stay constructed: that is a value rule, checked when the string is
    /// read). Recursion is bounded by the parse's depth limit.
    public func derEncoded() -> [UInt8] {
        var out: [UInt8] = []
        appendDER(to: &out)
        return out
    }

    func appendDER(to out: inout [UInt8]) {
        guard let kids = children else {
            out += identifier.encoded
            out += DERWriter.lengthOctets(contentRange.count)
            out += content
            return
        }
        var inner: [UInt8] = []
        for k in kids { k.appendDER(to: &inner) }
        out += identifier.encoded
        out += DERWriter.lengthOctets(inner.count)
        out += inner
    }
}
