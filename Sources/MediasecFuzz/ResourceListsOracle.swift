import MediasecCore
import ResourceLists

/// The libFuzzer oracle for the resource-lists module: the hardened libxml2
/// decoder (``ResourceListsDecoder``), the canonical encoder
/// (``ResourceListsEncoder``), the validator with the XSD cross-check, and
/// the JSON trees.
///
/// * Every finding's offset lies inside the input. A rejected input has an
///   error finding with a `resource-lists.*` code, and the throwing decoder
///   rejects it with a `resource-lists.*` code too.
/// * The model does not depend on the XSD cross-check: the plain decoder and
///   the cross-checking validator build the same document.
/// * Every decoded model encodes (the encoder refuses only models the decoder
///   cannot produce); decoding the canonical encoding gives the same model;
///   and the canonical encoding is a fixed point
///   (`encode(decode(encode(m))) == encode(m)`).
public enum ResourceListsOracle {
    public struct Violation: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public enum Outcome: Equatable, Sendable {
        case accepted
        case rejected(code: String)
    }

    static let options = ResourceListsValidationOptions(profiles: Set(ResourceListsProfileName.allCases), xsdCrossCheck: .iana)

    public static func check(_ bytes: [UInt8]) throws(Violation) -> Outcome {
        let report = ResourceListsValidator(options: options).validate(bytes)
        try checkFindings(report.findings, count: bytes.count, "validator")
        _ = report.json().serialized()
        let plain = ResourceListsDecoder().decodeReportingAll(bytes)
        try checkFindings(plain.findings, count: bytes.count, "decoder")
        guard let decoded = report.decoded else {
            guard !report.isValid, let first = report.findings.first(where: { $0.severity == .error }),
                  first.code.hasPrefix("resource-lists.") else {
                throw Violation(description: "rejected without a resource-lists.* error finding: \(report.findings.map(\.code))")
            }
            guard plain.decoded == nil else {
                throw Violation(description: "the validator rejects (\(first.code)) what the plain decoder accepts")
            }
            do {
                _ = try ResourceListsDecoder().decode(bytes)
                throw Violation(description: "decode(_:) accepts what decodeReportingAll(_:) rejects")
            } catch let e as DecodingError {
                guard e.code.hasPrefix("resource-lists."), e.offset >= 0, e.offset <= bytes.count else {
                    throw Violation(description: "rejection without a resource-lists.* code or with offset \(e.offset) outside 0...\(bytes.count): \(e)")
                }
            } catch let v as Violation {
                throw v
            } catch {
                throw Violation(description: "unexpected error \(error)")
            }
            return .rejected(code: first.code)
        }
        guard let plainDecoded = plain.decoded else {
            throw Violation(description: "the plain decoder rejects what the validator accepts: \(plain.findings.map(\.code))")
        }
        guard plainDecoded.document == decoded.document else {
            throw Violation(description: "the XSD cross-check changes the decoded model")
        }
        _ = ResourceListsJSON.tree(decoded).serialized()
        let again = ResourceListsValidator(options: ResourceListsValidationOptions(profiles: Set(ResourceListsProfileName.allCases))).validate(decoded)
        try checkFindings(again.findings, count: bytes.count, "validate(decoded)")
        try checkRoundTrip(decoded.document)
        return .accepted
    }

    /// `decode(encode(m)) == m` and `encode(decode(encode(m))) == encode(m)`.
    public static func checkRoundTrip(_ document: ResourceListsDocument) throws(Violation) {
        let encoder = ResourceListsEncoder()
        let canonical: [UInt8]
        do { canonical = try encoder.encode(document) } catch {
            throw Violation(description: "a decoded model does not encode: \(error)")
        }
        let redecoded: DecodedResourceLists
        do { redecoded = try ResourceListsDecoder().decode(canonical) } catch {
            throw Violation(description: "the canonical encoding does not decode: \(error)\n\(String(decoding: canonical, as: UTF8.self))")
        }
        guard redecoded.document == document else {
            throw Violation(description: "decode(encode(m)) != m\n\(String(decoding: canonical, as: UTF8.self))")
        }
        let twice: [UInt8]
        do { twice = try encoder.encode(redecoded.document) } catch {
            throw Violation(description: "the re-decoded canonical model does not encode: \(error)")
        }
        guard twice == canonical else {
            throw Violation(description: "the canonical encoding is not a fixed point (\(canonical.count) vs \(twice.count) bytes)")
        }
    }

    static func checkFindings(_ findings: [Finding], count: Int, _ what: String) throws(Violation) {
        for f in findings {
            if let o = f.offset, o < 0 || o > count {
                throw Violation(description: "\(what): \(f.code) at offset \(o) outside 0...\(count)")
            }
        }
    }

    /// libFuzzer entry: 0 to keep the input, traps on a violation.
    public static func run(_ data: UnsafeRawBufferPointer) -> Int32 {
        do {
            _ = try check(Array(data))
            return 0
        } catch {
            fatalError("resource-lists oracle violated: \(error.description)")  // fuzz harness: trap is the signal
        }
    }
}

extension ResourceListsOracle {
    /// Runs ``check(_:)`` over every file under `directory`.
    public static func replay(_ directory: String) -> CorpusReplay {
        CorpusReplay.run(directory) { _ = try check($0) }
    }
}
