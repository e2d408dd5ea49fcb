import MediasecCore

public struct ResourceListsValidationReport: Sendable {
    public var decoded: DecodedResourceLists?
    public var findings: [Finding]
    public var profiles: Set<ResourceListsProfileName>
    /// libxml2's XSD verdict; nil when the cross-check did not run.
    public var xsdValid: Bool?
    public var xsdSchemaSet: XSDSchemaSet?

    public var isValid: Bool { findings.isValid }

    /// The CLI's JSON object: `{"format","valid","profiles","findings","xsd","decoded"}`.
    public func json() -> JSONValue {
        .object([
            ("format", .string("resource-lists")),
            ("valid", .bool(isValid)),
            ("profiles", .array(profiles.map(\.rawValue).sorted().map { .string($0) })),
            ("findings", JSONValue(findings)),
            ("xsd", xsdSchemaSet.map { .object([("schemaSet", .string($0.rawValue)), ("valid", xsdValid.map { .bool($0) } ?? .null)]) } ?? .null),
            ("decoded", decoded.map { ResourceListsJSON.tree($0) } ?? .null),
        ])
    }
}
