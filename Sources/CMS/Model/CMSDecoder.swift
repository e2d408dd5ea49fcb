import MediasecCore

/// The CMS decoder: BER/DER tree first (``ASN1Reader``), typed model second.
/// Every failure is a ``DecodingError`` with a stable code (`der.*` for the
/// encoding layer, `cms.*` for the schema), the absolute byte offset, the
/// field path and the clause; the decoder never traps.
public struct CMSDecoder: Sendable {
    public var rules: EncodingRules
    public var codePoints: CMSCodePoints

    public init(rules: EncodingRules = .der, codePoints: CMSCodePoints = .default) {
        self.rules = rules
        self.codePoints = codePoints
    }

    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedContentInfo {
        var reader = ASN1Reader(rules: rules)
        let nodes = try reader.parseFlat(bytes)
        var ctx = CMSDecodeContext(reader: reader, codePoints: codePoints, bytes: bytes, nodes: nodes)
        let ci = try ContentInfo.decode(0, &ctx)
        return DecodedContentInfo(contentInfo: ci, bytes: bytes, tree: nodes, rules: rules, findings: ctx.reader.findings,
                                  paths: ctx.paths, spanRecords: ctx.spans, authAttrsRange: ctx.authAttrsRange)
    }

    /// Codes the schema layer can raise, with their clauses (for reports and
    /// vector coverage). The encoding layer's are ``DERDeviation`` and
    /// ``ASN1FatalCodes``.
    public static let decodingCodes: [(code: String, specRef: String, summary: String)] = [
        ("cms.structure.unexpected-tag", "RFC 5652 §12.1", "A component carries another tag than the production requires"),
        ("cms.structure.missing", "RFC 5652 §12.1", "A mandatory component is absent"),
        ("cms.structure.extra-element", "RFC 5652 §12.1", "Components after the last one of a SEQUENCE"),
        ("cms.structure.explicit-count", "X.680 §31.2.7", "An EXPLICIT tag holds other than exactly one element"),
        ("cms.recipient.unknown-choice", "RFC 5652 §6.2", "A RecipientInfo with a tag that is none of the five alternatives"),
        ("cms.authattrs.universal-tag", "RFC 5083 §2.1", "authAttrs encoded with the universal SET tag instead of [1] IMPLICIT"),
        ("cms.authattrs.explicit-tag", "RFC 5083 §2.1", "authAttrs encoded as [1] EXPLICIT around a SET"),
    ]
}

/// A decoded ContentInfo with its input, raw tree and field spans.
public struct DecodedContentInfo: Sendable {
    public var contentInfo: ContentInfo
    public var bytes: [UInt8]
    /// The flat element tree of ``bytes`` (``root`` is built from it on access).
    var tree: ASN1FlatTree
    public var rules: EncodingRules
    /// DER deviations tolerated by ``rules`` (warnings), in input order.
    public var findings: [Finding]
    /// The field paths of ``spanRecords`` (rendered on access).
    var paths: PathTable
    /// Field path and absolute byte range of each element, in decoding order.
    var spanRecords: [SpanRecord]
    /// The authAttrs element exactly as received (`[1]` identifier included).
    public let authAttrsRange: Range<Int>?

    /// The raw BER/DER element tree of ``bytes`` (built on each access).
    public var root: ASN1Node { ASN1Reader.node(tree, 0, in: bytes) }

    /// Field path and absolute byte range of each element, in decoding order.
    var spanList: [(path: String, range: Range<Int>)] {
        spanRecords.map { (paths.render(FieldPath(id: $0.path)), $0.lower..<$0.upper) }
    }

    /// Field path → absolute byte range of the field's element, e.g.
    /// `authEnvelopedData.recipientInfos[0].kekri.encryptedKey` (built on
    /// each access; ``span(of:)`` looks one up).
    public var spans: [String: Range<Int>] { Dictionary(spanList.map { ($0.path, $0.range) }, uniquingKeysWith: { _, last in last }) }

    /// The byte range of the element at `path` (the last one recorded).
    public func span(of path: String) -> Range<Int>? {
        var query = path
        return query.withUTF8 { q in
            for r in spanRecords.reversed() where paths.matches(r.path, q) { return r.lower..<r.upper }
            return nil
        }
    }

    public var authEnvelopedData: AuthEnvelopedData? { contentInfo.authEnvelopedData }

    public func offset(of path: String) -> Int? { span(of: path)?.lowerBound }

    /// The absolute range of an `id-ori-mikey` OCTET STRING's content in the
    /// input (nil when it was BER-segmented, i.e. not contiguous).
    public func mikeyContentRange(recipient i: Int) -> Range<Int>? {
        span(of: "authEnvelopedData.recipientInfos[\(i)].ori.oriValue.content")
    }
}
