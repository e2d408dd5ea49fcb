import MediasecCore

/// One way in which a BER encoding departs from DER (ITU-T X.690 clauses 10
/// and 11). Each case is a named strictness switch of ``EncodingRules``:
/// under ``EncodingRules/der`` it is a fatal ``DecodingError`` with this
/// code; under ``EncodingRules/ber`` it is collected as a warning
/// ``Finding`` with the byte offset where it occurs.
///
/// Several of these are invalid even in BER (X.690 §8.3.2 for INTEGER,
/// §8.19.2 for OID arcs, §8.1.2.4.2 for tags). They are still switches,
/// because the point of the BER profile is to *report* what a peer sent,
/// not to stop at the first oddity; the finding's message says when BER
/// forbids it too.
public enum DERDeviation: String, Sendable, Hashable, CaseIterable, Codable {
    /// Long-form length for a value below 128, or with leading zero octets.
    case nonMinimalLength = "der.length.non-minimal"
    /// Indefinite-length form (`0x80` … end-of-contents).
    case indefiniteLength = "der.length.indefinite"
    /// Constructed (segmented) OCTET STRING or BIT STRING.
    case constructedString = "der.string.constructed"
    /// SET OF whose elements are not in ascending order of their encodings.
    case unsortedSetOf = "der.set-of.unsorted"
    /// A component equal to its DEFAULT value is encoded.
    case defaultValueEncoded = "der.default.encoded"
    /// INTEGER with a redundant leading 0x00 or 0xFF octet.
    case nonMinimalInteger = "der.integer.non-minimal"
    /// OBJECT IDENTIFIER subidentifier with a leading 0x80 octet.
    case nonMinimalOIDArc = "der.oid.non-minimal-arc"
    /// High-tag-number form for a tag below 31, or a padded tag number.
    case nonMinimalTag = "der.tag.non-minimal"
    /// Bytes after the outermost element.
    case trailingData = "der.trailing-data"
    /// BOOLEAN TRUE encoded as something other than 0xFF.
    case nonCanonicalBoolean = "der.boolean.non-canonical"
    /// BIT STRING whose unused trailing bits are not zero.
    case nonZeroBitStringPadding = "der.bit-string.padding"

    public var code: String { rawValue }

    /// The X.690 clause the DER rule rests on.
    public var specRef: String {
        switch self {
        case .nonMinimalLength: return "X.690 §10.1"
        case .indefiniteLength: return "X.690 §10.1"
        case .constructedString: return "X.690 §10.2"
        case .unsortedSetOf: return "X.690 §11.6"
        case .defaultValueEncoded: return "X.690 §11.5"
        case .nonMinimalInteger: return "X.690 §8.3.2"
        case .nonMinimalOIDArc: return "X.690 §8.19.2"
        case .nonMinimalTag: return "X.690 §8.1.2.4"
        case .trailingData: return "X.690 §8.1.1"
        case .nonCanonicalBoolean: return "X.690 §11.1"
        case .nonZeroBitStringPadding: return "X.690 §11.2.1"
        }
    }

    /// Whether BER itself allows the form (X.690 §8). Three deviations are
    /// invalid in BER too: a redundant leading INTEGER octet (§8.3.2), an OID
    /// subidentifier starting with 0x80 (§8.19.2) and a non-minimal tag
    /// (§8.1.2.4.2). Under a rule set that tolerates them they are still
    /// reported with *error* severity (decoding goes on, the verdict is
    /// invalid); the others are warnings.
    public var isValidBER: Bool {
        switch self {
        case .nonMinimalInteger, .nonMinimalOIDArc, .nonMinimalTag: return false
        default: return true
        }
    }

    /// The severity of the finding when the deviation is tolerated.
    public var toleratedSeverity: Severity { isValidBER ? .warning : .error }

    public var summary: String {
        switch self {
        case .nonMinimalLength: return "Length not encoded in the minimum number of octets"
        case .indefiniteLength: return "Indefinite-length form (DER requires the definite form)"
        case .constructedString: return "Constructed OCTET STRING / BIT STRING (DER requires the primitive form)"
        case .unsortedSetOf: return "SET OF elements not sorted by their encodings"
        case .defaultValueEncoded: return "Component equal to its DEFAULT value is encoded"
        case .nonMinimalInteger: return "INTEGER with a redundant leading octet (invalid in BER too)"
        case .nonMinimalOIDArc: return "OBJECT IDENTIFIER subidentifier with a leading 0x80 octet (invalid in BER too)"
        case .nonMinimalTag: return "High-tag-number form for a tag below 31, or padded tag octets"
        case .trailingData: return "Bytes after the outermost element"
        case .nonCanonicalBoolean: return "BOOLEAN TRUE not encoded as 0xFF"
        case .nonZeroBitStringPadding: return "BIT STRING unused bits are not zero"
        }
    }
}

/// Codes of failures that are fatal under every encoding rule set (the input
/// is not BER at all, or exceeds a hard limit). Listed for reports and for
/// vector coverage, like ``DERDeviation`` for the tolerated ones.
public enum ASN1FatalCodes {
    public static let all: [(code: String, specRef: String, summary: String)] = [
        ("der.truncated", "X.690 §8.1.1", "An identifier, length or content runs past the end of the input or of its enclosing element"),
        ("der.tag.overflow", "mediasec limits", "Tag number above 2^32 - 1"),
        ("der.length.reserved", "X.690 §8.1.3.5", "Length octet 0xFF is reserved"),
        ("der.length.indefinite-primitive", "X.690 §8.1.3.2", "Indefinite length on a primitive encoding"),
        ("der.eoc.unexpected", "X.690 §8.1.5", "End-of-contents octets outside an indefinite-length element"),
        ("der.eoc.malformed", "X.690 §8.1.5", "Universal tag 0 that is not the two octets 00 00"),
        ("der.limit.depth", "mediasec limits", "Nesting deeper than the limit"),
        ("der.limit.nodes", "mediasec limits", "More elements than the limit"),
        ("der.form.constructed-required", "X.690 §8.9.1", "SEQUENCE / SET encoded in primitive form"),
        ("der.form.primitive-required", "X.690 §8.2.1", "BOOLEAN / INTEGER / NULL / OID encoded in constructed form"),
        ("der.boolean.length", "X.690 §8.2.1", "BOOLEAN content is not exactly one octet"),
        ("der.null.length", "X.690 §8.8.2", "NULL content is not empty"),
        ("der.integer.empty", "X.690 §8.3.1", "INTEGER with no content octets"),
        ("der.integer.range", "mediasec limits", "INTEGER too large for a field that must be small"),
        ("der.oid.empty", "X.690 §8.19.1", "OBJECT IDENTIFIER with no content octets"),
        ("der.oid.truncated-arc", "X.690 §8.19.2", "OBJECT IDENTIFIER ends inside a subidentifier"),
        ("der.oid.arc-too-long", "mediasec limits", "Subidentifier longer than 32 octets"),
        ("der.bit-string.empty", "X.690 §8.6.2", "BIT STRING without the unused-bits octet"),
        ("der.bit-string.unused-bits", "X.690 §8.6.2.2", "Unused-bits octet above 7, or non-zero with no data"),
        ("der.string.segment", "X.690 §8.7.3.2", "A segment of a constructed string has another type"),
        ("der.time.charset", "X.680 §46.3", "A UTCTime / GeneralizedTime holds octets outside VisibleString"),
    ]
}
