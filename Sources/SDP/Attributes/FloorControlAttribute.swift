import MediasecCore

/// BFCP `a=floorctrl` (RFC 8856 §5.1):
///
/// ```
/// floor-control = role *(SP role)
/// role          = "c-only" / "s-only" / "c-s"
/// ```
/// Media level. `c-s` is the RFC 4583 value: it MUST NOT be sent but MUST
/// be accepted, as `c-only s-only`.
public struct FloorControlAttribute: SDPAttributeCodable {
    public static let attributeName = "floorctrl"
    public static let specRef = "RFC 8856 §5.1"

    public enum Role: String, Sendable, Hashable, CaseIterable {
        case clientOnly = "c-only"
        case serverOnly = "s-only"
        case clientServer = "c-s"
    }

    public var roles: [Role]

    public init(_ roles: [Role]) { self.roles = roles }

    /// Whether the endpoint is willing to be the floor control server.
    public var mayBeServer: Bool { roles.contains(.serverOnly) || roles.contains(.clientServer) }
    public var mayBeClient: Bool { roles.contains(.clientOnly) || roles.contains(.clientServer) }

    public var encodedValue: String { roles.map(\.rawValue).joined(separator: " ") }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> FloorControlAttribute {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        var roles: [Role] = []
        repeat {
            let at = s.offset
            let t = s.readString { $0 != 0x20 }
            guard let r = Role(rawValue: t) else {
                throw s.fail("sdp.bfcp.floorctrl-syntax", "roles[\(roles.count)]: '\(t)' is not c-only, s-only or c-s", field: "roles[\(roles.count)]", at: at)
            }
            roles.append(r)
        } while s.consume(0x20)
        return FloorControlAttribute(roles)
    }
}
