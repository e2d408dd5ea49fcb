/// Hard limits for hostile input (STYLE.md §4). Exceeding one is a fatal
/// `der.limit.*` error under every rule set.
public struct ASN1Limits: Sendable, Hashable {
    /// Maximum nesting depth of constructed encodings (the outermost element is depth 1).
    public var maxDepth: Int
    /// Maximum number of elements in one input.
    public var maxNodes: Int

    public init(maxDepth: Int = 32, maxNodes: Int = 1 << 16) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let `default` = ASN1Limits()
}

/// The encoding-rule profile of a decode: which ``DERDeviation``s are
/// tolerated (reported as warnings) and which are fatal.
///
/// CMS is BER in general (RFC 5652 §1); only some parts must be DER
/// (authAttrs, RFC 5083 §2.1). A conformance run therefore names its
/// strictness explicitly: ``der`` rejects every deviation, ``ber`` tolerates
/// and reports every one. Any other mix is a custom set of switches.
public struct EncodingRules: Sendable, Hashable {
    public var name: String
    /// Deviations reported as warnings instead of thrown.
    public var tolerated: Set<DERDeviation>
    public var limits: ASN1Limits

    public init(name: String, tolerated: Set<DERDeviation>, limits: ASN1Limits = .default) {
        self.name = name
        self.tolerated = tolerated
        self.limits = limits
    }

    /// Distinguished Encoding Rules (X.690 §10–11): every deviation is fatal.
    public static let der = EncodingRules(name: "der", tolerated: [])
    /// Basic Encoding Rules, tolerant: every deviation is decoded and reported.
    public static let ber = EncodingRules(name: "ber", tolerated: Set(DERDeviation.allCases))

    public func tolerates(_ d: DERDeviation) -> Bool { tolerated.contains(d) }

    /// Named switches, for readability at call sites and in configuration.
    public var allowsNonMinimalLength: Bool { tolerates(.nonMinimalLength) }
    public var allowsIndefiniteLength: Bool { tolerates(.indefiniteLength) }
    public var allowsConstructedStrings: Bool { tolerates(.constructedString) }
    public var allowsUnsortedSetOf: Bool { tolerates(.unsortedSetOf) }
    public var allowsEncodedDefault: Bool { tolerates(.defaultValueEncoded) }
    public var allowsNonMinimalInteger: Bool { tolerates(.nonMinimalInteger) }
    public var allowsNonMinimalOIDArc: Bool { tolerates(.nonMinimalOIDArc) }
    public var allowsNonMinimalTag: Bool { tolerates(.nonMinimalTag) }
    public var allowsTrailingData: Bool { tolerates(.trailingData) }

    /// A copy with `d` switched on or off.
    public func allowing(_ d: DERDeviation, _ on: Bool = true) -> EncodingRules {
        var r = self
        if on { r.tolerated.insert(d) } else { r.tolerated.remove(d) }
        r.name = "custom"
        return r
    }
}
