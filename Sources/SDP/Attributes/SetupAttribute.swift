import MediasecCore

/// `a=setup` (RFC 4145 §4):
///
/// ```
/// setup-attr = "a=setup:" role
/// role       = "active" / "passive" / "actpass" / "holdconn"
/// ```
/// Session or media level. Without the attribute the offer is `active` and
/// the answer `passive` (§4.1).
public struct SetupAttribute: SDPAttributeCodable {
    public static let attributeName = "setup"
    public static let specRef = "RFC 4145 §4"

    public enum Role: String, Sendable, Hashable, CaseIterable {
        case active, passive, actpass, holdconn
    }

    public var role: Role

    public init(_ role: Role) { self.role = role }

    public var encodedValue: String { role.rawValue }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> SetupAttribute {
        // The four roles compared as bytes; the text is built for the error.
        if SDPASCII.equals(value, "active") { return SetupAttribute(.active) }
        if SDPASCII.equals(value, "passive") { return SetupAttribute(.passive) }
        if SDPASCII.equals(value, "actpass") { return SetupAttribute(.actpass) }
        if SDPASCII.equals(value, "holdconn") { return SetupAttribute(.holdconn) }
        let text = SDPGrammar.string(value)
        guard let r = Role(rawValue: text) else {
            throw DecodingError(code: "sdp.setup.syntax", offset: base, path: ByteCursor.join(path, "role"), specRef: specRef,
                                message: "role '\(text)' is not active, passive, actpass or holdconn")
        }
        return SetupAttribute(r)
    }

    /// The answers RFC 4145 §4.1 allows for an offered role.
    public static func allowedAnswers(to offer: Role) -> Set<Role> {
        switch offer {
        case .active: return [.passive, .holdconn]
        case .passive: return [.active, .holdconn]
        case .actpass: return [.active, .passive, .holdconn]
        case .holdconn: return [.holdconn]
        }
    }
}

