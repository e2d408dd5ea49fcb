import MediasecCore
import CMS

/// The libFuzzer oracle for the S/MIME entity (``SMIMEParser``,
/// ``SMIMEEntity/encoded()``), the inner-entity parser and the S/MIME
/// validator.
///
/// * The parser never traps and reports offsets inside the input.
/// * Canonical input (no form finding, ``SMIMERule/isForm``) re-encodes byte
///   for byte.
/// * For every input, parsing the canonical encoding gives the same model.
/// * The validator, the JSON report and the inner-entity parser (run on the
///   raw input, as if it were decrypted content) never trap.
public enum SMIMEOracle {
    public struct Violation: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func check(_ bytes: [UInt8]) throws(Violation) -> Bool {
        let parser = SMIMEParser()
        let p = parser.parse(bytes)
        for f in p.findings {
            if let o = f.offset, o < 0 || o > bytes.count {
                throw Violation(description: "\(f.code) at offset \(o) outside 0...\(bytes.count)")
            }
        }
        let canonical = p.entity.encoded()
        if p.isCanonicalForm, canonical != bytes {
            throw Violation(description: "input without form findings re-encodes to \(canonical.count) bytes, input has \(bytes.count)")
        }
        let q = parser.parse(canonical)
        guard q.entity == p.entity else {
            throw Violation(description: "parse(encode(m)) != m (\(q.entity.fields.count) vs \(p.entity.fields.count) fields, \(q.entity.content.count) vs \(p.entity.content.count) content octets)")
        }
        let report = SMIMEValidator().validate(bytes)
        _ = report.json()
        _ = InnerMIMEEntity.parse(bytes)
        return p.isCanonicalForm
    }

    /// libFuzzer entry: 0 to keep the input, traps on a violation.
    public static func run(_ data: UnsafeRawBufferPointer) -> Int32 {
        do {
            _ = try check(Array(data))
            return 0
        } catch {
            fatalError("S/MIME round-trip oracle violated: \(error.description)")  // fuzz harness: trap is the signal
        }
    }
}
