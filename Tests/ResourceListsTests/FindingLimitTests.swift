import Testing
import MediasecCore
@testable import ResourceLists

/// The report of a document that repeats one mistake stays bounded: at most
/// `maxFindingsPerRule` findings per rule plus one
/// `resource-lists.limit.diagnostics` warning, and no finding's message
/// grows with the number of repetitions (the duplicate-uri message once
/// listed every entry of the group, which made the report quadratic).
/// Pinned by sizes and counts, never by time.
@Suite struct FindingLimitTests {
    static let limitCode = "resource-lists.limit.diagnostics"

    static func repeatedURI(_ n: Int) -> [UInt8] {
        utf8("<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list>"
            + String(repeating: "<entry uri=\"sip:u@example.com\"/>", count: n) + "</list></resource-lists>")
    }

    static func count(_ r: ResourceListsValidationReport, _ code: String) -> Int { r.findings.filter { $0.code == code }.count }

    @Test func findingsPerRuleAreCapped() throws {
        let limits = ResourceListsLimits(maxFindingsPerRule: 50)
        let r = ResourceListsValidator(options: ResourceListsValidationOptions(limits: limits)).validate(Self.repeatedURI(300))
        #expect(r.decoded != nil)
        #expect(Self.count(r, ResourceListsRules.uriDuplicate.code) == 50)
        #expect(Self.count(r, ResourceListsRules.duplicateURI.code) == 50)
        let limit = try #require(r.findings.last)
        #expect(limit.code == Self.limitCode)
        #expect(limit.severity == .warning)
        // 299 repeats per rule, 50 kept: 249 dropped of each.
        #expect(limit.message.contains("498 further findings"))
        #expect(limit.message.contains("249 \(ResourceListsRules.duplicateURI.code)"))
        #expect(limit.message.contains("249 \(ResourceListsRules.uriDuplicate.code)"))
        #expect(Self.count(r, Self.limitCode) == 1)
        #expect(!r.isValid)
        // The kept findings are the first ones, in document order.
        let paths = r.findings.filter { $0.code == ResourceListsRules.uriDuplicate.code }.map(\.path)
        #expect(paths.first == "resource-lists.list[0].entry[1]@uri")
        #expect(paths.last == "resource-lists.list[0].entry[50]@uri")
    }

    @Test func defaultCapBoundsTheReport() {
        let cap = ResourceListsLimits.default.maxFindingsPerRule
        let r = ResourceListsValidator().validate(Self.repeatedURI(cap + 500))
        #expect(Self.count(r, ResourceListsRules.uriDuplicate.code) == cap)
        #expect(Self.count(r, ResourceListsRules.duplicateURI.code) == cap)
        #expect(r.findings.count == 2 * cap + 1)
        #expect(r.findings.last?.message.hasPrefix("998 further findings") == true)
    }

    @Test func underTheCapNothingIsSummarised() {
        let r = ResourceListsValidator().validate(Self.repeatedURI(20))
        #expect(Self.count(r, ResourceListsRules.duplicateURI.code) == 19)
        #expect(Self.count(r, Self.limitCode) == 0)
    }

    /// Dropped findings of a profile that is not enabled are not mentioned.
    @Test func disabledProfilesAreNotSummarised() throws {
        let options = ResourceListsValidationOptions(profiles: [.rfc4826], limits: ResourceListsLimits(maxFindingsPerRule: 5))
        let r = ResourceListsValidator(options: options).validate(Self.repeatedURI(40))
        #expect(Self.count(r, ResourceListsRules.duplicateURI.code) == 0)
        #expect(Self.count(r, ResourceListsRules.uriDuplicate.code) == 5)
        let limit = try #require(r.findings.first { $0.code == Self.limitCode })
        #expect(limit.message.hasPrefix("34 further findings"))
        #expect(!limit.message.contains(ResourceListsRules.duplicateURI.code))
    }

    /// Linear by construction: the longest message does not depend on how
    /// many entries repeat the URI, so the report is O(findings).
    @Test func messagesDoNotGrowWithRepetitions() {
        func longest(_ n: Int) -> Int {
            let r = ResourceListsValidator(options: ResourceListsValidationOptions(limits: ResourceListsLimits(maxFindingsPerRule: 10_000))).validate(Self.repeatedURI(n))
            #expect(Self.count(r, ResourceListsRules.duplicateURI.code) == n - 1)
            return r.findings.map(\.message.utf8.count).max() ?? 0
        }
        let small = longest(ValidationRun.shownEntries + 2), large = longest(2_000)
        #expect(small > 0)
        // Only the "(n entries)" count differs.
        #expect(large - small <= 4)
        #expect(large < 1_000)
    }
}
