import MediasecCore
import CMS

/// The libFuzzer oracle for the CMS AuthEnvelopedData codec (``CMSDecoder``,
/// ``ContentInfo/encoded()``), the validator and the JSON tree.
///
/// * Rejections carry a `der.*` or `cms.*` code and an offset inside the input.
/// * DER: an accepted message re-encodes byte for byte, and the re-encoding
///   decodes to the same model (both round-trip laws).
/// * BER: the encoding of an accepted message decodes (under BER) to the
///   same model.
/// * The validator (without a key, and with a 128-bit KEK and CEK so the
///   unwrap and AEAD paths run) and ``CMSJSON`` never trap.
public enum CMSOracle {
    public struct Violation: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public enum Outcome: Equatable, Sendable {
        case accepted
        case acceptedBER
        case rejected(code: String)
    }

    static let probeKey = [UInt8](repeating: 0x42, count: 16)

    public static func check(_ bytes: [UInt8], codePoints: CMSCodePoints = .default) throws(Violation) -> Outcome {
        func rejection(_ e: DecodingError) throws(Violation) -> String {
            guard e.code.hasPrefix("der.") || e.code.hasPrefix("cms."), e.offset >= 0, e.offset <= bytes.count else {
                throw Violation(description: "rejection without a der.*/cms.* code or with offset \(e.offset) outside 0...\(bytes.count): \(e)")
            }
            return e.code
        }
        var outcome = Outcome.accepted
        do {
            let d = try CMSDecoder(rules: .der, codePoints: codePoints).decode(bytes)
            let again: [UInt8]
            do { again = try d.contentInfo.encoded() } catch {
                throw Violation(description: "accepted under DER but does not re-encode: \(error)")
            }
            guard again == bytes else {
                throw Violation(description: "re-encoding differs from the DER input (\(again.count) vs \(bytes.count) bytes)")
            }
            let m: ContentInfo
            do { m = try ContentInfo(decoding: again, rules: .der, codePoints: codePoints) } catch {
                throw Violation(description: "re-encoded message does not decode: \(error)")
            }
            guard m == d.contentInfo else { throw Violation(description: "decode(encode(m)) != m under DER") }
            _ = CMSJSON.tree(d, codePoints: codePoints)
        } catch let e as DecodingError {
            outcome = .rejected(code: try rejection(e))
        } catch let v as Violation {
            throw v
        } catch {
            throw Violation(description: "unexpected error \(error)")
        }
        do {
            let b = try CMSDecoder(rules: .ber, codePoints: codePoints).decode(bytes)
            if case .rejected = outcome { outcome = .acceptedBER }
            let enc: [UInt8]
            do { enc = try b.contentInfo.encoded() } catch {
                // A BER model may hold raw elements the encoder refuses (e.g. an untyped AEAD SEQUENCE); that is a reported refusal, not a law violation.
                return outcome
            }
            let m: ContentInfo
            do { m = try ContentInfo(decoding: enc, rules: .ber, codePoints: codePoints) } catch {
                throw Violation(description: "the encoding of a BER-decoded model does not decode under BER: \(error)")
            }
            guard m == b.contentInfo else { throw Violation(description: "decode(encode(m)) != m under BER") }
            _ = CMSJSON.tree(b, codePoints: codePoints)
            for key in [nil, CMSKeySource.kek(probeKey), .cek(probeKey)] {
                let report = CMSValidator(options: CMSValidationOptions(encodingRules: .ber, codePoints: codePoints, key: key)).validate(b)
                _ = report.json(codePoints: codePoints)
            }
        } catch let e as DecodingError {
            _ = try rejection(e)
            if outcome == .accepted { throw Violation(description: "accepted under DER but rejected under BER (\(e.code))") }
        } catch let v as Violation {
            throw v
        } catch {
            throw Violation(description: "unexpected error \(error)")
        }
        return outcome
    }

    /// libFuzzer entry: 0 to keep the input, traps on a violation.
    public static func run(_ data: UnsafeRawBufferPointer) -> Int32 {
        do {
            _ = try check(Array(data))
            return 0
        } catch {
            fatalError("CMS round-trip oracle violated: \(error.description)")  // fuzz harness: trap is the signal
        }
    }
}
