import Testing
import MediasecCore
@testable import MIKEY

/// Every data type's template must round-trip and satisfy its own
/// exchange definition — a check of the templates and of the composition
/// tables against each other.
@Suite struct TemplateTests {
    @Test(arguments: Array(UInt8(0)...26))
    func templateIsValidAndRoundTrips(raw: UInt8) throws {
        let m = MIKEYMessageTemplates.make(DataType(rawValue: raw))
        let bytes = try m.encoded()
        #expect(try MIKEYMessage(decoding: bytes) == m)
        let report = MIKEYValidator().validate(bytes)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "data type \(raw): \(errors.map(\.description))")
        #expect(!report.findings.contains { $0.code == "mikey.msg.order" || $0.code == "mikey.msg.unexpected-payload" }, "\(report.findings.map(\.code))")
    }
}
