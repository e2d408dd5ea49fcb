/// A code point from an IANA MIKEY registry (`iana/mikey-payloads.txt`).
///
/// Registries are data: each conforming type is a thin wrapper over the raw
/// integer with one static name table. Values outside the table (unassigned
/// or private use) are preserved as-is and reported by validation, never
/// rejected by the decoder unless their layout cannot be known.
public protocol RegistryValue: RawRepresentable, Hashable, Sendable, CustomStringConvertible
where RawValue: FixedWidthInteger & Sendable {
    init(rawValue: RawValue)
    /// Registry name, used in reports.
    static var registryName: String { get }
    /// Assigned values and their names.
    static var names: [RawValue: String] { get }
    /// Private-use range, if the registry has one.
    static var privateUse: ClosedRange<RawValue>? { get }
}

extension RegistryValue {
    public static var privateUse: ClosedRange<RawValue>? { nil }

    /// The registered name, or nil when the value is not assigned.
    public var name: String? { Self.names[rawValue] }
    public var isAssigned: Bool { Self.names[rawValue] != nil }
    public var isPrivateUse: Bool { Self.privateUse?.contains(rawValue) ?? false }

    public var description: String {
        if let n = name { return "\(n) (\(rawValue))" }
        if isPrivateUse { return "private-use \(rawValue)" }
        return "unassigned \(rawValue)"
    }
}
