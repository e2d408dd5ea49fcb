import MediasecCore

/// Typed values read from raw nodes (X.690 §8), under the reader's rules.
/// Callers check the tag (IMPLICIT tags replace the universal one); these
/// check the form and the content.
extension ASN1Reader {
    public func requirePrimitive(_ n: ASN1Node, path: String, _ what: String) throws(DecodingError) {
        if n.isConstructed {
            throw Self.fatal("der.form.primitive-required", at: n.offset, path: path, "\(what) must use the primitive form")
        }
    }

    public func requireConstructed(_ n: ASN1Node, path: String, _ what: String) throws(DecodingError) {
        if !n.isConstructed {
            throw Self.fatal("der.form.constructed-required", at: n.offset, path: path, "\(what) must use the constructed form")
        }
    }

    /// OBJECT IDENTIFIER as a dotted string (X.690 §8.19). The OIDs this
    /// suite names (``CMSOID``) are matched against their encodings first;
    /// arcs below 2^56 are accumulated in a machine word; longer arcs
    /// (UUID OIDs under 2.25) use ``ObjectIdentifierArc``.
    public mutating func decodeOID(_ n: ASN1Node, path: String) throws(DecodingError) -> String {
        try requirePrimitive(n, path: path, "OBJECT IDENTIFIER")
        let c = n.content
        guard !c.isEmpty else { throw Self.fatal("der.oid.empty", at: n.offset, path: path, "OBJECT IDENTIFIER without content") }
        if let known = CMSOID.knownEncoding(c) { return known }
        var out = ""
        var arcCount = 0
        var small: UInt64 = 0
        var big: ObjectIdentifierArc? = nil
        var len = 0
        for i in c.indices {
            let x = c[i]
            if len == 0 && x == 0x80 {
                try deviation(.nonMinimalOIDArc, at: i, path: path, "subidentifier \(arcCount + 1) starts with 0x80 (invalid in BER too)")
            }
            len += 1
            guard len <= 32 else { throw Self.fatal("der.oid.arc-too-long", at: i, path: path, "subidentifier longer than 32 octets") }
            if big == nil && small >> 56 != 0 { big = ObjectIdentifierArc(small) }
            if big != nil { big?.mulAdd(128, UInt32(x & 0x7f)) } else { small = small << 7 | UInt64(x & 0x7f) }
            guard x & 0x80 == 0 else { continue }
            if arcCount == 0 {
                if big == nil, small < 80 {
                    out = String(small / 40) + "." + String(small % 40)
                } else if var b = big {
                    b.subtract(80)
                    out = "2." + b.decimal
                } else {
                    out = "2." + String(small - 80)
                }
            } else {
                out += "."
                out += big?.decimal ?? String(small)
            }
            arcCount += 1
            small = 0
            big = nil
            len = 0
        }
        guard len == 0 else { throw Self.fatal("der.oid.truncated-arc", at: c.endIndex - 1, path: path, "OBJECT IDENTIFIER ends inside a subidentifier") }
        return out
    }

    /// INTEGER (X.690 §8.3), normalized.
    public mutating func decodeInteger(_ n: ASN1Node, path: String) throws(DecodingError) -> ASN1Integer {
        try requirePrimitive(n, path: path, "INTEGER")
        let c = n.content
        guard let first = c.first else { throw Self.fatal("der.integer.empty", at: n.offset, path: path, "INTEGER without content") }
        if c.count >= 2 {
            let second = c[c.startIndex + 1]
            if (first == 0x00 && second & 0x80 == 0) || (first == 0xff && second & 0x80 != 0) {
                try deviation(.nonMinimalInteger, at: c.startIndex, path: path, "INTEGER with a redundant leading 0x\(first == 0 ? "00" : "FF") (invalid in BER too)")
            }
        }
        return ASN1Integer(bytes: Array(c))
    }

    /// INTEGER that must fit in `Int` (versions, lengths).
    public mutating func decodeSmallInt(_ n: ASN1Node, path: String) throws(DecodingError) -> Int {
        let v = try decodeInteger(n, path: path)
        guard let i = v.intValue else {
            throw Self.fatal("der.integer.range", at: n.offset, path: path, "INTEGER of \(v.bytes.count) octets does not fit this field")
        }
        return i
    }

    /// BOOLEAN (X.690 §8.2; DER TRUE is 0xFF, §11.1).
    public mutating func decodeBoolean(_ n: ASN1Node, path: String) throws(DecodingError) -> Bool {
        try requirePrimitive(n, path: path, "BOOLEAN")
        guard n.content.count == 1, let v = n.content.first else {
            throw Self.fatal("der.boolean.length", at: n.offset, path: path, "BOOLEAN content is \(n.content.count) octets")
        }
        if v != 0 && v != 0xff {
            try deviation(.nonCanonicalBoolean, at: n.contentRange.lowerBound, path: path, "BOOLEAN TRUE encoded as 0x\(String(v, radix: 16))")
        }
        return v != 0
    }

    /// NULL (X.690 §8.8).
    public mutating func decodeNull(_ n: ASN1Node, path: String) throws(DecodingError) {
        try requirePrimitive(n, path: path, "NULL")
        guard n.content.isEmpty else { throw Self.fatal("der.null.length", at: n.offset, path: path, "NULL with \(n.content.count) content octets") }
    }

    /// OCTET STRING content (X.690 §8.7), whatever the tag (callers check
    /// it; IMPLICIT tags replace the universal one). A BER constructed
    /// string is reassembled from its segments after a
    /// ``DERDeviation/constructedString`` deviation.
    public mutating func decodeOctetString(_ n: ASN1Node, path: String) throws(DecodingError) -> [UInt8] {
        try decodeString(n, path: path, segmentTag: 4, what: "OCTET STRING")
    }

    /// Content octets of a string type (OCTET STRING, the restricted
    /// character strings, GeneralizedTime), reassembling BER segments whose
    /// universal tag is `segmentTag`.
    public mutating func decodeString(_ n: ASN1Node, path: String, segmentTag: UInt32, what: String) throws(DecodingError) -> [UInt8] {
        guard n.isConstructed else { return Array(n.content) }
        try deviation(.constructedString, at: n.offset, path: path, "constructed \(what) of \(n.children?.count ?? 0) segment(s)")
        var out: [UInt8] = []
        try appendSegments(n, segmentTag: segmentTag, into: &out, path: path)
        return out
    }

    func appendSegments(_ n: ASN1Node, segmentTag: UInt32, into out: inout [UInt8], path: String) throws(DecodingError) {
        for (k, s) in (n.children ?? []).enumerated() {
            guard s.identifier.tagClass == .universal, s.identifier.tagNumber == segmentTag else {
                throw Self.fatal("der.string.segment", at: s.offset, path: "\(path).segment[\(k)]", "segment is \(s.identifier), expected universal tag \(segmentTag)")
            }
            if s.isConstructed {
                try appendSegments(s, segmentTag: segmentTag, into: &out, path: "\(path).segment[\(k)]")
            } else {
                out.append(contentsOf: s.content)
            }
        }
    }

    /// Reads every universal value inside `n`, an ANY value the model keeps
    /// as its raw encoding (attribute values), so that the value-level DER
    /// rules run on it too: INTEGER and OID minimality, canonical BOOLEAN,
    /// BIT STRING padding, primitive strings (X.690 §10–11). Constructed
    /// elements are descended into; recursion is bounded by the parse's depth
    /// limit.
    public mutating func checkValueForms(_ n: ASN1Node, path: String) throws(DecodingError) {
        let id = n.identifier
        if id.tagClass == .universal {
            switch id.tagNumber {
            case 1: _ = try decodeBoolean(n, path: path); return
            case 2: _ = try decodeInteger(n, path: path); return
            case 3: _ = try decodeBitString(n, path: path); return
            case 4: _ = try decodeOctetString(n, path: path); return
            case 5: try decodeNull(n, path: path); return
            case 6: _ = try decodeOID(n, path: path); return
            case 12, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30:
                _ = try decodeString(n, path: path, segmentTag: id.tagNumber, what: "\(id)")
                return
            default: break
            }
        }
        for (i, k) in (n.children ?? []).enumerated() { try checkValueForms(k, path: "\(path)[\(i)]") }
    }

    /// A time type (UTCTime, GeneralizedTime: X.680 §46–47, VisibleString
    /// characters) as text. Octets outside VisibleString (0x20–0x7E) are
    /// fatal: the value could not be carried as a String and re-encoded.
    public mutating func decodeTime(_ n: ASN1Node, path: String) throws(DecodingError) -> String {
        let chars = try decodeString(n, path: path, segmentTag: n.identifier.tagNumber, what: "\(n.identifier)")
        if let i = chars.firstIndex(where: { $0 < 0x20 || $0 > 0x7e }) {
            throw Self.fatal("der.time.charset", at: n.contentRange.lowerBound + (n.isConstructed ? 0 : i), path: path,
                             "\(n.identifier) holds octet 0x\(Hex.encode([chars[i]])), outside VisibleString")
        }
        return String(decoding: chars, as: UTF8.self)
    }

    /// BIT STRING (X.690 §8.6), primitive or BER-segmented.
    public mutating func decodeBitString(_ n: ASN1Node, path: String) throws(DecodingError) -> ASN1BitString {
        if n.isConstructed {
            try deviation(.constructedString, at: n.offset, path: path, "constructed BIT STRING")
            var data: [UInt8] = []
            var unused = 0
            let segments = n.children ?? []
            for (k, s) in segments.enumerated() {
                guard s.identifier.tagClass == .universal, s.identifier.tagNumber == 3, !s.isConstructed else {
                    throw Self.fatal("der.string.segment", at: s.offset, path: "\(path).segment[\(k)]", "segment is \(s.identifier), expected a primitive BIT STRING")
                }
                let part = try primitiveBits(s, path: "\(path).segment[\(k)]")
                if part.unusedBits != 0 && k != segments.count - 1 {
                    throw Self.fatal("der.bit-string.unused-bits", at: s.offset, path: "\(path).segment[\(k)]", "only the last segment may have unused bits")
                }
                data += part.bytes
                unused = part.unusedBits
            }
            return ASN1BitString(bytes: data, unusedBits: unused)
        }
        return try primitiveBits(n, path: path)
    }

    mutating func primitiveBits(_ n: ASN1Node, path: String) throws(DecodingError) -> ASN1BitString {
        let c = n.content
        guard let unused = c.first else { throw Self.fatal("der.bit-string.empty", at: n.offset, path: path, "BIT STRING without the unused-bits octet") }
        guard unused <= 7, !(c.count == 1 && unused != 0) else {
            throw Self.fatal("der.bit-string.unused-bits", at: c.startIndex, path: path, "\(unused) unused bits with \(c.count - 1) data octet(s)")
        }
        let data = Array(c.dropFirst())
        if unused > 0, let last = data.last, last & UInt8((1 << Int(unused)) - 1) != 0 {
            try deviation(.nonZeroBitStringPadding, at: c.endIndex - 1, path: path, "\(unused) unused bit(s) are not zero")
        }
        return ASN1BitString(bytes: data, unusedBits: Int(unused))
    }

    /// The DER SET OF order (X.690 §11.6): elements ascending by their
    /// encodings compared as octet strings, the shorter padded with zeros.
    /// Reports the first out-of-order element.
    public mutating func checkSetOfOrder(_ n: ASN1Node, path: String) throws(DecodingError) {
        guard let cs = n.children, cs.count > 1 else { return }
        for k in 1..<cs.count where !Self.setOfOrdered(cs[k - 1].encoded, cs[k].encoded) {
            try deviation(.unsortedSetOf, at: cs[k].offset, path: "\(path)[\(k)]", "element \(k) sorts before element \(k - 1)")
            return
        }
    }

    /// True when `a` may precede `b` in a DER SET OF.
    public static func setOfOrdered<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool where A.Element == UInt8, B.Element == UInt8 {
        var ia = a.makeIterator(), ib = b.makeIterator()
        while true {
            let x = ia.next(), y = ib.next()
            if x == nil && y == nil { return true }
            let xv = x ?? 0, yv = y ?? 0
            if xv != yv { return xv < yv }
        }
    }
}
