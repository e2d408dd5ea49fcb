import MediasecCore
import CMS

/// The libFuzzer oracle for the BER/DER reader (``ASN1Reader``), under both
/// rule sets.
///
/// * No input traps; a rejection has a `der.*` code and an offset inside
///   the input.
/// * DER: an accepted tree re-encodes byte for byte
///   (``ASN1Node/derEncoded()``), and every primitive value the reader can
///   type (INTEGER, OBJECT IDENTIFIER, BOOLEAN, NULL, BIT STRING, SET OF
///   order) reads without trapping; an INTEGER or OID accepted under DER
///   re-encodes to its content octets.
/// * BER: the canonical re-encoding of an accepted tree parses under DER's
///   tree rules into the same identifiers and primitive contents.
public enum DEROracle {
    public struct Violation: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public struct Outcome: Equatable, Sendable {
        public var der: String?
        public var ber: String?
    }

    static func checkRejection(_ e: DecodingError, _ bytes: [UInt8], _ rules: String) throws(Violation) -> String {
        guard e.code.hasPrefix("der."), e.offset >= 0, e.offset <= bytes.count else {
            throw Violation(description: "\(rules): rejection without a der.* code or with offset \(e.offset) outside 0...\(bytes.count): \(e)")
        }
        return e.code
    }

    /// Typed reads of every node, as the CMS decoder does them.
    static func readValues(_ n: ASN1Node, _ r: inout ASN1Reader, der: Bool, depth: Int = 0) throws(Violation) {
        let id = n.identifier
        if let kids = n.children {
            if id == .set { _ = try? r.checkSetOfOrder(n, path: "v") }
            if id.tagClass == .universal, id.tagNumber == 4 || id.tagNumber == 3 {
                _ = try? r.decodeOctetString(n, path: "v")
                _ = try? r.decodeBitString(n, path: "v")
            }
            for k in kids { try readValues(k, &r, der: der, depth: depth + 1) }
            return
        }
        guard id.tagClass == .universal else { return }
        switch id.tagNumber {
        case 1: _ = try? r.decodeBoolean(n, path: "v")
        case 2:
            if let v = try? r.decodeInteger(n, path: "v"), der, v.bytes != Array(n.content) {
                throw Violation(description: "INTEGER accepted under DER at \(n.offset) normalizes to other octets")
            }
        case 3: _ = try? r.decodeBitString(n, path: "v")
        case 5: _ = try? r.decodeNull(n, path: "v")
        case 6:
            if let s = try? r.decodeOID(n, path: "v") {
                let again: [UInt8]
                do { again = try ASN1ObjectIdentifier.contentOctets(s) } catch {
                    throw Violation(description: "OID \(s) decoded at \(n.offset) does not encode: \(error)")
                }
                if der, again != Array(n.content) {
                    throw Violation(description: "OID \(s) accepted under DER at \(n.offset) re-encodes to other octets")
                }
            }
        default: break
        }
    }

    /// Same identifiers, forms and primitive contents, element by element.
    static func sameShape(_ a: ASN1Node, _ b: ASN1Node) -> Bool {
        guard a.identifier == b.identifier else { return false }
        switch (a.children, b.children) {
        case (nil, nil): return a.content == b.content
        case (let x?, let y?): return x.count == y.count && zip(x, y).allSatisfy { sameShape($0, $1) }
        default: return false
        }
    }

    public static func check(_ bytes: [UInt8]) throws(Violation) -> Outcome {
        var outcome = Outcome()
        // DER.
        var d = ASN1Reader(rules: .der)
        do {
            let n = try d.parse(bytes)
            let again = n.derEncoded()
            guard again == bytes else {
                throw Violation(description: "tree accepted under DER re-encodes to \(again.count) bytes, input has \(bytes.count)")
            }
            try readValues(n, &d, der: true)
        } catch let e as DecodingError {
            outcome.der = try checkRejection(e, bytes, "DER")
        } catch let v as Violation {
            throw v
        } catch {
            throw Violation(description: "unexpected error \(error)")
        }
        // BER.
        var b = ASN1Reader(rules: .ber)
        do {
            let n = try b.parse(bytes)
            try readValues(n, &b, der: false)
            let canonical = n.derEncoded()
            var d2 = ASN1Reader(rules: .der)
            let m: ASN1Node
            do { m = try d2.parse(canonical) } catch {
                throw Violation(description: "the canonical re-encoding of a BER tree does not parse under DER: \(error)")
            }
            guard sameShape(m, n) else { throw Violation(description: "the canonical re-encoding of a BER tree has another shape") }
        } catch let e as DecodingError {
            outcome.ber = try checkRejection(e, bytes, "BER")
        } catch let v as Violation {
            throw v
        } catch {
            throw Violation(description: "unexpected error \(error)")
        }
        if outcome.ber != nil && outcome.der == nil {
            throw Violation(description: "accepted under DER but rejected under BER (\(outcome.ber ?? ""))")
        }
        return outcome
    }

    /// libFuzzer entry: 0 to keep the input, traps on a violation.
    public static func run(_ data: UnsafeRawBufferPointer) -> Int32 {
        do {
            _ = try check(Array(data))
            return 0
        } catch {
            fatalError("DER oracle violated: \(error.description)")  // fuzz harness: trap is the signal
        }
    }
}
