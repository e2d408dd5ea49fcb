import MediasecCore
import MIKEY

/// The libFuzzer oracle for the MIKEY decoder, shared by the `FuzzMIKEY`
/// harness, the corpus replayer and the regression tests.
///
/// For every input the decoder accepts, both round-trip laws must hold:
/// `encode(decode(b)) == b` and `decode(encode(decode(b))) == decode(b)`;
/// the validator then runs on the decoded message without trapping.
/// A violation is a bug in the codec, so it traps (libFuzzer records the
/// input as a crash). Inputs the decoder rejects must be rejected with a
/// `mikey.*` code and an offset inside the input.
public enum MIKEYOracle {
    public enum Outcome: Equatable, Sendable {
        case accepted
        case rejected(code: String)
    }

    public struct Violation: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Runs both laws; returns the outcome or throws a ``Violation``.
    public static func check(_ bytes: [UInt8], profile: CodePointProfile = .default) throws(Violation) -> Outcome {
        let decoded: DecodedMIKEYMessage
        do {
            decoded = try MIKEYDecoder(profile: profile).decode(bytes)
        } catch {
            guard error.code.hasPrefix("mikey."), error.offset >= 0, error.offset <= bytes.count else {
                throw Violation(description: "rejection without a mikey.* code or with offset \(error.offset) outside 0...\(bytes.count): \(error)")
            }
            return .rejected(code: error.code)
        }
        let again: [UInt8]
        do {
            again = try decoded.message.encoded()
        } catch {
            throw Violation(description: "accepted input does not re-encode: \(error)")
        }
        guard again == bytes else {
            throw Violation(description: "re-encoding differs from the input (\(again.count) vs \(bytes.count) bytes)")
        }
        let redecoded: MIKEYMessage
        do {
            redecoded = try MIKEYMessage(decoding: again, profile: profile)
        } catch {
            throw Violation(description: "re-encoded message does not decode: \(error)")
        }
        guard redecoded == decoded.message else {
            throw Violation(description: "decode(encode(m)) != m")
        }
        // The JSON tree must be buildable for every accepted message.
        _ = MIKEYJSON.tree(decoded, profile: profile)
        // The validator runs on every accepted message: without a key for
        // inputs of even length, with a pre-shared key for odd ones (so that
        // MAC verification and KEMAC decryption run on hostile structure
        // too, at half the executions' cost). Each finding's offset lies
        // inside the input and the report serialises.
        let keys = bytes.count % 2 == 0 ? MIKEYKeys() : MIKEYKeys(["psk": Array(repeating: 0x5a, count: 16)])
        do {
            let report = MIKEYValidator(options: MIKEYValidationOptions(codePoints: profile, keys: keys)).validate(decoded)
            for f in report.findings {
                if let o = f.offset, o < 0 || o > bytes.count {
                    throw Violation(description: "validator: \(f.code) (\(f.path)) at offset \(o) outside 0...\(bytes.count)")
                }
            }
            _ = report.json(codePoints: profile).serialized()
        }
        return .accepted
    }

    /// libFuzzer entry: 0 to keep the input, traps on a law violation.
    public static func run(_ data: UnsafeRawBufferPointer) -> Int32 {
        let bytes = Array(data)
        do {
            _ = try check(bytes)
            return 0
        } catch {
            fatalError("MIKEY round-trip oracle violated: \(error.description)")  // fuzz harness: trap is the signal
        }
    }
}
