/// The identifier octets of a BER/DER encoding (X.690 §8.1.2): tag class,
/// primitive/constructed form and tag number.
public struct ASN1Identifier: Hashable, Sendable, CustomStringConvertible {
    public enum TagClass: UInt8, Sendable, Hashable, CaseIterable {
        case universal = 0
        case application = 1
        case contextSpecific = 2
        case `private` = 3
    }

    public var tagClass: TagClass
    public var isConstructed: Bool
    public var tagNumber: UInt32

    public init(_ tagClass: TagClass, _ tagNumber: UInt32, constructed: Bool) {
        self.tagClass = tagClass
        self.tagNumber = tagNumber
        self.isConstructed = constructed
    }

    // MARK: universal tags used by CMS

    public static let boolean = ASN1Identifier(.universal, 1, constructed: false)
    public static let integer = ASN1Identifier(.universal, 2, constructed: false)
    public static let bitString = ASN1Identifier(.universal, 3, constructed: false)
    public static let octetString = ASN1Identifier(.universal, 4, constructed: false)
    public static let null = ASN1Identifier(.universal, 5, constructed: false)
    public static let objectIdentifier = ASN1Identifier(.universal, 6, constructed: false)
    public static let utf8String = ASN1Identifier(.universal, 12, constructed: false)
    public static let sequence = ASN1Identifier(.universal, 16, constructed: true)
    public static let set = ASN1Identifier(.universal, 17, constructed: true)
    public static let utcTime = ASN1Identifier(.universal, 23, constructed: false)
    public static let generalizedTime = ASN1Identifier(.universal, 24, constructed: false)

    /// `[n]` in the context-specific class.
    public static func context(_ n: UInt32, constructed: Bool) -> ASN1Identifier {
        ASN1Identifier(.contextSpecific, n, constructed: constructed)
    }

    /// Same class and number, ignoring the form (BER lets strings be
    /// either primitive or constructed; the typed decoders check the form).
    public func hasTag(of other: ASN1Identifier) -> Bool {
        tagClass == other.tagClass && tagNumber == other.tagNumber
    }

    public var asConstructed: ASN1Identifier { ASN1Identifier(tagClass, tagNumber, constructed: true) }
    public var asPrimitive: ASN1Identifier { ASN1Identifier(tagClass, tagNumber, constructed: false) }

    /// The DER identifier octets: low-tag form below 31, else the minimal
    /// high-tag-number form (X.690 §8.1.2.4).
    public var encoded: [UInt8] {
        let lead = tagClass.rawValue << 6 | (isConstructed ? 0x20 : 0)
        if tagNumber < 31 { return [lead | UInt8(tagNumber)] }
        var groups: [UInt8] = []
        var n = tagNumber
        repeat {
            groups.append(UInt8(n & 0x7f))
            n >>= 7
        } while n > 0
        var out: [UInt8] = [lead | 0x1f]
        for (i, g) in groups.reversed().enumerated() {
            out.append(i == groups.count - 1 ? g : g | 0x80)
        }
        return out
    }

    /// ASN.1 notation, e.g. `SEQUENCE`, `[1] cons`, `UNIVERSAL 30`.
    public var description: String {
        let form = isConstructed ? " cons" : ""
        switch tagClass {
        case .universal:
            let names: [UInt32: String] = [
                0: "EOC", 1: "BOOLEAN", 2: "INTEGER", 3: "BIT STRING", 4: "OCTET STRING", 5: "NULL",
                6: "OBJECT IDENTIFIER", 12: "UTF8String", 16: "SEQUENCE", 17: "SET", 19: "PrintableString",
                22: "IA5String", 23: "UTCTime", 24: "GeneralizedTime",
            ]
            return (names[tagNumber] ?? "UNIVERSAL \(tagNumber)") + (tagNumber == 16 || tagNumber == 17 ? (isConstructed ? "" : " prim") : form)
        case .application: return "[APPLICATION \(tagNumber)]\(form)"
        case .contextSpecific: return "[\(tagNumber)]\(form)"
        case .private: return "[PRIVATE \(tagNumber)]\(form)"
        }
    }
}
