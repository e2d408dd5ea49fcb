import MediasecCore
import CMS

/// `Vectors/cms/der.json`: the encoding layer. Every DER deviation of
/// X.690 §10–11 (``DERDeviation``) once under the strict DER rules (fatal,
/// its `der.*` code) and once under the BER rules (a warning, an error for
/// the forms BER forbids too, `cms.authattrs.not-der` when it sits inside
/// authAttrs); every fatal encoding code (``ASN1FatalCodes``) and every
/// schema-level decoding code (``CMSDecoder/decodingCodes``) with an
/// invalid vector; the hard limits.
enum CMSEncodingVectors {
    typealias R = CMSRules
    typealias D = DERDeviation

    static func build(_ s: CMSVectorSet) {
        deviations(s)
        attributeValues(s)
        fatal(s)
        schema(s)
    }

    /// The unauthAttrs value element of a message built with `unauthValue`
    /// (authAttrs present: AED children are version, RIs, ECI, [1], mac, [2]).
    static let unauthValue = [1, 0, 5, 0, 1, 0]

    /// A DER / BER pair for one deviation made by `edit` on a clean message.
    static func pair(_ s: CMSVectorSet, _ name: String, _ d: DERDeviation, _ what: String, extraRefs: [String] = [], flags: [String] = [],
                     berFindings: [String]? = nil, _ make: @escaping (CMSFixtures) throws -> [UInt8]) {
        let refs = [d.specRef] + extraRefs
        s.add("\(name)::der", "\(what); strict DER rules: fatal.", refs: refs, flags: ["tree-edit"] + flags) { g in
            .invalid(try make(g), [d.c])
        }
        s.add("\(name)::ber", "\(what); BER rules: \(d.isValidBER ? "reported as a warning, decoding goes on" : "an error (invalid in BER too), decoding goes on").",
              refs: refs + ["RFC 5652 §1"], flags: ["tree-edit", "rules-ber"] + flags + (d.isValidBER ? [] : ["ber-invalid"])) { g in
            let bytes = try make(g)
            if let f = berFindings { return (d.isValidBER ? CMSVectorCase.acceptable(bytes, [d.c], infos: f) : .invalid(bytes, [d.c])).underBER() }
            return (d.isValidBER ? CMSVectorCase.acceptable(bytes, [d.c]) : .invalid(bytes, [d.c])).underBER()
        }
    }

    static func deviations(_ s: CMSVectorSet) {
        pair(s, "length::version-long-form", .nonMinimalLength, "The version INTEGER's length 1 written in the long form (81 01)") { g in
            try g.edit(try g.build().bytes, CMSPath.version) { $0.setLength(.long(1)) }
        }
        pair(s, "length::aed-leading-zero", .nonMinimalLength, "The AuthEnvelopedData length written on 3 octets with leading zeros") { g in
            try g.edit(try g.build().bytes, CMSPath.aed) { $0.setLength(.long(3)) }
        }
        pair(s, "length::aed-indefinite", .indefiniteLength, "AuthEnvelopedData in the indefinite-length form", flags: ["bug-shape-indefinite-length"]) { g in
            try g.edit(try g.build().bytes, CMSPath.aed) { $0.setLength(.indefinite) }
        }
        pair(s, "string::encrypted-content-segmented", .constructedString, "encryptedContent as a constructed [0] of three OCTET STRING segments") { g in
            try g.edit(try g.build().bytes, CMSPath.encryptedContent) { $0.segment(into: 3) }
        }
        pair(s, "string::mac-segmented", .constructedString, "The mac as a constructed OCTET STRING of two segments") { g in
            try g.edit(try g.build().bytes, CMSPath.aed + [4]) { $0.segment(into: 2) }
        }
        pair(s, "set-of::recipients-unsorted", .unsortedSetOf, "Two kekri in recipientInfos, the larger encoding first", extraRefs: ["RFC 5652 §6.1"]) { g in
            let a = try g.build(), b = try g.build()
            let bytes = try g.mutate(a) { x in
                guard let extra = b.aed?.recipientInfos.first else { return }
                let both = [x.recipientInfos[0], extra]
                let keyed = try both.map { ($0, try $0.encoded()) }.sorted { ASN1Reader.setOfOrdered($0.1, $1.1) && $0.1 != $1.1 }
                x.recipientInfos = keyed.map(\.0).reversed()
            }
            return bytes
        }
        pair(s, "default::icvlen-12-explicit", .defaultValueEncoded, "GCMParameters with aes-ICVlen 12 written out (the DEFAULT)", extraRefs: ["RFC 5084 §3.2"],
             flags: ["ambiguity-16-icvlen-default"]) { g in
            try g.build { $0.icvLengthEncoding = .explicit }.bytes
        }
        pair(s, "integer::version-leading-zero", .nonMinimalInteger, "The version INTEGER 0 with a redundant leading 0x00 (02 02 00 00)") { g in
            try g.edit(try g.build().bytes, CMSPath.version) { $0 = .primitive(id: [0x02], content: [0x00, 0x00], length: .minimal) }
        }
        pair(s, "oid::content-type-0x80-arc", .nonMinimalOIDArc, "The inner content type id-data with a subidentifier starting with 0x80") { g in
            try g.edit(try g.build().bytes, CMSPath.innerContentType) { t in
                guard case .primitive(let id, let c, _) = t else { return }
                t = .primitive(id: id, content: [c[0], 0x80] + c.dropFirst(), length: .minimal)
            }
        }
        pair(s, "tag::version-high-tag-form", .nonMinimalTag, "The version INTEGER tagged in the high-tag-number form (1f 02)") { g in
            try g.edit(try g.build().bytes, CMSPath.version) { $0.setID([0x1f, 0x02]) }
        }
        pair(s, "trailing::two-octets", .trailingData, "Two octets (05 00) after the ContentInfo") { g in
            try g.build().bytes + [0x05, 0x00]
        }
        pair(s, "boolean::unauth-value-01", .nonCanonicalBoolean, "An unauthenticated attribute whose value is BOOLEAN TRUE encoded as 0x01", extraRefs: ["RFC 5652 §5.3"]) { g in
            try g.build { $0.unauthAttrs = [Attribute(attrType: "1.2.3.4", attrValues: [[0x01, 0x01, 0x01]])] }.bytes
        }
        pair(s, "bit-string::unauth-value-padding", .nonZeroBitStringPadding, "An unauthenticated attribute whose value is a BIT STRING with non-zero unused bits", extraRefs: ["RFC 5652 §5.3"]) { g in
            try g.build { $0.unauthAttrs = [Attribute(attrType: "1.2.3.4", attrValues: [[0x03, 0x02, 0x07, 0x81]])] }.bytes
        }
        s.add("length::openssl-stream-form", "The form `openssl cms -encrypt -stream` writes: every constructed element indefinite, encryptedContent segmented; BER rules.",
              refs: ["X.690 §8.1.3.6", "X.690 §8.7.3", "RFC 5652 §1"], flags: ["tree-edit", "rules-ber", "peer-openssl-stream", "bug-shape-indefinite-length"]) { g in
            var t = try BERTree.parse(try g.build().bytes)
            try t.edit(CMSPath.encryptedContent) { $0.segment(into: 4) }
            for p in [[], CMSPath.explicitContent, CMSPath.aed, CMSPath.eci] { try t.edit(p) { $0.setLength(.indefinite) } }
            return CMSVectorCase.acceptable(t.encoded, [D.indefiniteLength.c, D.constructedString.c]).underBER()
        }
    }

    /// RFC 5083 §2.1: authAttrs MUST be DER even when the rest is BER.
    static func attributeValues(_ s: CMSVectorSet) {
        let cases: [(String, String, [UInt8])] = [
            ("boolean-01", "a BOOLEAN TRUE encoded as 0x01", [0x01, 0x01, 0x01]),
            ("bit-string-padding", "a BIT STRING with non-zero unused bits", [0x03, 0x02, 0x07, 0x81]),
            ("integer-leading-zero", "an INTEGER with a redundant leading 0x00", [0x02, 0x02, 0x00, 0x01]),
            ("octet-string-segmented", "a constructed OCTET STRING", [0x24, 0x06, 0x04, 0x01, 0xaa, 0x04, 0x01, 0xbb]),
        ]
        for (label, what, value) in cases {
            s.add("authattrs-not-der::\(label)", "authAttrs holding an attribute whose value is \(what); BER rules: the authAttrs are not DER.",
                  refs: ["RFC 5083 §2.1", "X.690 §11"], flags: ["model-mutation", "rules-ber"]) { g in
                CMSVectorCase.invalid(try g.build { $0.authAttrs = [try Attribute.contentType(CMSOID.data), Attribute(attrType: "1.2.3.4", attrValues: [value])] }.bytes, [R.authAttrsNotDER.c]
                    + (label == "integer-leading-zero" ? [D.nonMinimalInteger.c] : [])).underBER()
            }
        }
        s.add("authattrs-not-der::length-long-form", "authAttrs whose content-type attribute has a long-form length; BER rules.", refs: ["RFC 5083 §2.1", "X.690 §10.1"],
              flags: ["tree-edit", "rules-ber"]) { g in
            CMSVectorCase.invalid(try g.edit(try g.build().bytes, CMSPath.authAttrs + [0]) { $0.setLength(.long(2)) }, [R.authAttrsNotDER.c]).underBER()
        }
        s.add("authattrs-not-der::unsorted", "authAttrs with two attributes in descending order of their encodings; BER rules.", refs: ["RFC 5083 §2.1", "X.690 §11.6"],
              flags: ["model-mutation", "rules-ber"]) { g in
            let bytes = try g.build {
                $0.derSetOrder = false
                let attrs = try Attribute.derSorted([try Attribute.contentType(CMSOID.data), Attribute(attrType: CMSOID.signingTimeAttribute, attrValues: [CMSFixtures.tlv(0x17, Array("240229120000Z".utf8))])])
                $0.authAttrs = attrs.reversed()
            }.bytes
            return CMSVectorCase.invalid(bytes, [R.authAttrsNotDER.c]).underBER()
        }
    }

    /// Codes fatal under every rule set (``ASN1FatalCodes``).
    static func fatal(_ s: CMSVectorSet) {
        for (label, cut) in [("one-octet", 1), ("half", -2), ("last-octet-missing", -1)] {
            s.add("truncated::\(label)", "A clean message cut \(label == "half" ? "in half" : label == "one-octet" ? "after its first octet" : "before its last octet").",
                  refs: ["X.690 §8.1.1"], flags: ["truncated"]) { g in
                let b = try g.build().bytes
                let n = cut == 1 ? 1 : cut == -2 ? b.count / 2 : b.count - 1
                return .invalid(Array(b.prefix(n)), ["der.truncated"])
            }
        }
        let raw: [(String, String, [UInt8], String, [String])] = [
            ("tag-overflow", "a tag number above 2^32 - 1", [0x1f, 0x90, 0x80, 0x80, 0x80, 0x00, 0x00], "der.tag.overflow", []),
            ("length-reserved", "the reserved length octet 0xFF", [0x04, 0xff], "der.length.reserved", []),
            ("indefinite-primitive", "an indefinite length on a primitive OCTET STRING", [0x04, 0x80, 0xaa, 0x00, 0x00], "der.length.indefinite-primitive", []),
            ("eoc-unexpected", "end-of-contents octets inside a definite length", [0x00, 0x00], "der.eoc.unexpected", []),
            ("eoc-malformed", "universal tag 0 with a length", [0x00, 0x01, 0x00], "der.eoc.malformed", []),
            ("boolean-length", "a BOOLEAN of two octets", [0x01, 0x02, 0xff, 0xff], "der.boolean.length", []),
            ("null-length", "a NULL with one content octet", [0x05, 0x01, 0x00], "der.null.length", []),
            ("bit-string-empty", "a BIT STRING without its unused-bits octet", [0x03, 0x00], "der.bit-string.empty", []),
            ("bit-string-unused-8", "a BIT STRING claiming 8 unused bits", [0x03, 0x02, 0x08, 0x00], "der.bit-string.unused-bits", []),
            ("depth-40", "SEQUENCEs nested 40 deep (mediasec's limit is 32)", nested(40), "der.limit.depth", ["hostile-input"]),
            ("nodes-65600", "a SEQUENCE of 65600 NULLs (mediasec's limit is 65536 elements)", manyNulls(65_600), "der.limit.nodes", ["hostile-input"]),
        ]
        for (label, what, bytes, code, flags) in raw {
            s.add("fatal::\(label)", "An unauthenticated attribute value replaced by \(what).", refs: [ASN1FatalCodes.all.first { $0.code == code }?.specRef ?? "X.690 §8.1"],
                  flags: ["tree-edit"] + flags) { g in
                let clean = try g.build { $0.unauthAttrs = [Attribute(attrType: "1.2.3.4", attrValues: [[0x05, 0x00]])] }
                return .invalid(try g.edit(clean.bytes, unauthValue) { $0 = .raw(bytes) }, [code])
            }
        }
        let version: [(String, String, BERTree, String)] = [
            ("integer-empty", "an INTEGER without content octets", .primitive(id: [0x02], content: [], length: .minimal), "der.integer.empty"),
            ("integer-range", "a 9-octet INTEGER", .primitive(id: [0x02], content: [0x01] + [UInt8](repeating: 0, count: 8), length: .minimal), "der.integer.range"),
            ("integer-constructed", "a constructed INTEGER", .constructed(id: [0x22], children: [.primitive(id: [0x02], content: [0], length: .minimal)], length: .minimal), "der.form.primitive-required"),
        ]
        for (label, what, node, code) in version {
            s.add("fatal::version-\(label)", "The version replaced by \(what).", refs: [ASN1FatalCodes.all.first { $0.code == code }?.specRef ?? "X.690 §8.3"], flags: ["tree-edit"]) { g in
                .invalid(try g.edit(try g.build().bytes, CMSPath.version) { $0 = node }, [code])
            }
        }
        let oids: [(String, [UInt8], String)] = [
            ("empty", [], "der.oid.empty"), ("truncated-arc", [0x2a, 0x81], "der.oid.truncated-arc"),
            ("arc-33-octets", [0x2a] + [UInt8](repeating: 0x81, count: 32) + [0x01], "der.oid.arc-too-long"),
        ]
        for (label, content, code) in oids {
            s.add("fatal::oid-\(label)", "The inner content type OID replaced by one with \(label.replacingOccurrences(of: "-", with: " ")) content.",
                  refs: [ASN1FatalCodes.all.first { $0.code == code }?.specRef ?? "X.690 §8.19"], flags: ["tree-edit"]) { g in
                .invalid(try g.edit(try g.build().bytes, CMSPath.innerContentType) { $0 = .primitive(id: [0x06], content: content, length: .minimal) }, [code])
            }
        }
        s.add("fatal::kekid-date-non-ascii", "A kekid date (GeneralizedTime) holding the octet 0xB0 (found by FuzzCMS: a String model cannot carry it).",
              refs: ["X.680 §46.3", "RFC 5652 §6.2.3"], flags: ["tree-edit"]) { g in
            let b = try g.build()
            let dated = try g.mutate(b) { a in
                guard case .kekri(var k) = a.recipientInfos[0] else { return }
                k.kekid.date = "20240229120000Z"
                a.recipientInfos[0] = .kekri(k)
            }
            return .invalid(try g.edit(dated, CMSPath.recipient(0) + [1, 1]) { $0 = .primitive(id: [0x18], content: [0x32, 0xb0] + Array("240229120000Z".utf8), length: .minimal) },
                            ["der.time.charset"])
        }
        s.add("fatal::sequence-primitive", "authEncryptedContentInfo encoded with the primitive SEQUENCE identifier 0x10.", refs: ["X.690 §8.9.1"], flags: ["tree-edit"]) { g in
            .invalid(try g.edit(try g.build().bytes, CMSPath.eci) { t in t = .primitive(id: [0x10], content: t.children.flatMap(\.encoded), length: .minimal) }, ["der.form.constructed-required"])
        }
        s.add("fatal::string-segment-integer", "encryptedContent segmented, one segment tagged INTEGER; BER rules (under DER the segmentation itself is fatal first).",
              refs: ["X.690 §8.7.3.2"], flags: ["tree-edit", "rules-ber"]) { g in
            let bytes = try g.edit(try g.build().bytes, CMSPath.encryptedContent) { t in
                t.segment(into: 2)
                var kids = t.children
                if case .primitive(_, let c, let l) = kids[1] { kids[1] = .primitive(id: [0x02], content: c, length: l) }
                t.setChildren(kids)
            }
            return CMSVectorCase.invalid(bytes, ["der.string.segment"]).underBER()
        }
    }

    /// ``CMSDecoder/decodingCodes``: the schema layer.
    static func schema(_ s: CMSVectorSet) {
        s.add("schema::version-octet-string", "The version encoded as an OCTET STRING.", refs: ["RFC 5652 §12.1", "RFC 5083 §2.1"], flags: ["tree-edit"]) { g in
            .invalid(try g.edit(try g.build().bytes, CMSPath.version) { $0.setID([0x04]) }, ["cms.structure.unexpected-tag"])
        }
        s.add("schema::mac-missing", "AuthEnvelopedData without its mac.", refs: ["RFC 5083 §2.1"], flags: ["tree-edit"]) { g in
            .invalid(try g.edit(try g.build().bytes, CMSPath.aed) { t in t.setChildren(Array(t.children.prefix(4))) }, ["cms.structure.missing"])
        }
        s.add("schema::extra-element", "A NULL after the last component of AuthEnvelopedData.", refs: ["RFC 5083 §2.1"], flags: ["tree-edit"]) { g in
            .invalid(try g.edit(try g.build().bytes, CMSPath.aed) { t in t.setChildren(t.children + [.raw([0x05, 0x00])]) }, ["cms.structure.extra-element"])
        }
        s.add("schema::explicit-two-elements", "The ContentInfo's [0] EXPLICIT holding AuthEnvelopedData and a NULL.", refs: ["RFC 5652 §3", "X.680 §31.2.7"], flags: ["tree-edit"]) { g in
            .invalid(try g.edit(try g.build().bytes, CMSPath.explicitContent) { t in t.setChildren(t.children + [.raw([0x05, 0x00])]) }, ["cms.structure.explicit-count"])
        }
        s.add("schema::recipient-tag-5", "A RecipientInfo tagged [5], none of the five alternatives.", refs: ["RFC 5652 §6.2"], flags: ["tree-edit"]) { g in
            .invalid(try g.edit(try g.build().bytes, CMSPath.recipient(0)) { $0.setID([0xa5]) }, ["cms.recipient.unknown-choice"])
        }
        s.add("schema::authattrs-universal-set", "authAttrs tagged with the universal SET (0x31) instead of [1] IMPLICIT (0xA1).", refs: ["RFC 5083 §2.1", "RFC 5083 §2.2"],
              flags: ["tree-edit", "bug-shape-authattrs-tag-confusion", "peer-openssl-accepts"]) { g in
            .invalid(try g.edit(try g.build().bytes, CMSPath.authAttrs) { $0.setID([0x31]) }, ["cms.authattrs.universal-tag"])
        }
        s.add("schema::authattrs-explicit", "authAttrs as [1] EXPLICIT around a SET OF Attribute.", refs: ["RFC 5083 §2.1"], flags: ["tree-edit", "bug-shape-authattrs-tag-confusion"]) { g in
            .invalid(try g.edit(try g.build().bytes, CMSPath.authAttrs) { t in t = .constructed(id: [0xa1], children: [.constructed(id: [0x31], children: t.children, length: .minimal)], length: .minimal) },
                     ["cms.authattrs.explicit-tag"])
        }
    }

    static func nested(_ depth: Int) -> [UInt8] {
        var b: [UInt8] = [0x05, 0x00]
        for _ in 0..<depth { b = CMSFixtures.tlv(0x30, b) }
        return b
    }

    static func manyNulls(_ n: Int) -> [UInt8] {
        CMSFixtures.tlv(0x30, [UInt8](repeating: 0, count: 2 * n).enumerated().map { $0.offset % 2 == 0 ? 0x05 : 0x00 })
    }
}
