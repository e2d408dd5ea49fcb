/// The RFC 5364 attributes on a list member, kept as their lexical values
/// so that invalid values survive decoding (the validator reports them)
/// and re-encode unchanged.
///
/// ```
/// <xs:attribute name="copyControl">           <!-- to | cc | bcc -->
/// <xs:attribute name="anonymize" type="xs:boolean" default="false"/>
/// <xs:attribute name="count" type="xs:nonNegativeInteger" default="1"/>
/// ```
/// (namespace `urn:ietf:params:xml:ns:copycontrol`, RFC 5364 §5)
public struct CopyControlAttributes: Sendable, Hashable {
    /// `cp:copyControl`, verbatim.
    public var copyControl: String?
    /// `cp:anonymize`, verbatim.
    public var anonymize: String?
    /// `cp:count`, verbatim.
    public var count: String?

    public init(copyControl: String? = nil, anonymize: String? = nil, count: String? = nil) {
        self.copyControl = copyControl
        self.anonymize = anonymize
        self.count = count
    }

    public init(_ level: CopyControlLevel?, anonymize: Bool? = nil, count: Int? = nil) {
        self.init(copyControl: level?.rawValue, anonymize: anonymize.map { $0 ? "true" : "false" }, count: count.map(String.init))
    }

    public static let none = CopyControlAttributes()
    public var isEmpty: Bool { copyControl == nil && anonymize == nil && count == nil }

    /// The copy control level when the attribute holds one of the three
    /// values exactly (xs:string enumeration: no whitespace trimming).
    public var level: CopyControlLevel? { copyControl.flatMap(CopyControlLevel.init(rawValue:)) }

    /// The level a URI-list server applies: the attribute's, or `bcc` when
    /// it is absent (RFC 5364 §4); nil when the attribute is invalid.
    public var effectiveLevel: CopyControlLevel? { copyControl == nil ? .bcc : level }

    /// `cp:anonymize` as an xs:boolean, nil when absent or invalid.
    public var anonymizeFlag: Bool? { anonymize.flatMap(XSDLexical.boolean) }

    /// `cp:count` as an xs:nonNegativeInteger, nil when absent, invalid or
    /// beyond `Int`.
    public var countValue: Int? { count.flatMap(XSDLexical.nonNegativeInteger) }
}

/// RFC 5364 §4: the copy control levels, in precedence order (a
/// URI-list server resolves duplicated URIs to the highest).
public enum CopyControlLevel: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case to
    case cc
    case bcc

    private var precedence: Int {
        switch self {
        case .to: return 2
        case .cc: return 1
        case .bcc: return 0
        }
    }

    /// `a < b` when `b` takes precedence over `a` (to > cc > bcc).
    public static func < (a: CopyControlLevel, b: CopyControlLevel) -> Bool { a.precedence < b.precedence }
}
