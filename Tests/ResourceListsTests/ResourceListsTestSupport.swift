import Testing
import MediasecCore
@testable import ResourceLists

// Shared helpers. Helpers forward the caller's source location so that a
// failure points at the test line.

func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

/// A resource-lists document around `body`, with the copycontrol prefix declared.
func doc(_ body: String, extraNamespaces: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" xmlns:cp="urn:ietf:params:xml:ns:copycontrol"\(extraNamespaces)>
    \(body)
    </resource-lists>
    """
}

func validate(_ text: String, profiles: Set<ResourceListsProfileName>? = nil, xsd: XSDSchemaSet? = nil) -> ResourceListsValidationReport {
    ResourceListsValidator(options: ResourceListsValidationOptions(profiles: profiles, xsdCrossCheck: xsd)).validate(utf8(text))
}

func codes(_ r: ResourceListsValidationReport) -> Set<String> { Set(r.findings.map(\.code)) }

/// Checks both round-trip laws for one model and returns its encoding:
/// 1. `decode(encode(m)) == m`; 2. `encode(decode(bytes)) == bytes`.
/// Mirrors the MIKEY/CMS helper (STYLE.md §12); there is no shared test
/// support target yet.
@discardableResult
func assertRoundTrips(_ m: ResourceListsDocument, encodesTo expected: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8]? {
    let bytes: [UInt8]
    do { bytes = try ResourceListsEncoder().encode(m) } catch {
        Issue.record("encoding failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
    if let expected {
        #expect(String(decoding: bytes, as: UTF8.self) == expected, "encoding differs from the expected canonical text", sourceLocation: sourceLocation)
    }
    let decoded: DecodedResourceLists
    do { decoded = try ResourceListsDecoder().decode(bytes) } catch {
        Issue.record("decoding the encoder's own output failed: \(error)\n\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        return bytes
    }
    #expect(decoded.document == m, "law 1: decode(encode(m)) != m\n\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
    do {
        let again = try ResourceListsEncoder().encode(decoded.document)
        #expect(again == bytes, "law 2: encode(decode(b)) != b", sourceLocation: sourceLocation)
    } catch {
        Issue.record("re-encoding the decoded value failed: \(error)", sourceLocation: sourceLocation)
    }
    return bytes
}

/// Asserts that `code` fires (`fires: true`) or does not, with a path when given.
func expectRule(_ code: String, fires: Bool, in text: String, profiles: Set<ResourceListsProfileName>? = nil,
                path: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    let r = validate(text, profiles: profiles)
    let hits = r.findings.filter { $0.code == code && (path == nil || $0.path == path) }
    if fires {
        #expect(!hits.isEmpty, "\(code) did not fire\(path.map { " at \($0)" } ?? ""); findings: \(r.findings.map(\.description))", sourceLocation: sourceLocation)
    } else {
        #expect(hits.isEmpty, "\(code) fired: \(hits.map(\.description))", sourceLocation: sourceLocation)
    }
}
