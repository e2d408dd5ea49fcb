/// How serious a finding is. `error` makes a message invalid; `warning` and
/// `info` never change the verdict.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: return 2
        case .warning: return 1
        case .info: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One observation about an input: a decoding failure or a validation rule
/// that fired. The `code` is stable and namespaced (`mikey.hdr.version`);
/// tests, vectors and users' CI compare codes, never messages.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable, namespaced identifier of the rule or failure.
    public var code: String
    public var severity: Severity
    /// Byte offset into the outermost input, when one applies.
    public var offset: Int?
    /// Field path inside the decoded structure, e.g. `payloads[2].kemac.encrData`.
    public var path: String
    /// Clause that the finding rests on, e.g. `RFC 3830 §6.1`.
    public var specRef: String
    public var message: String

    public init(code: String, severity: Severity, offset: Int?, path: String, specRef: String, message: String) {
        self.code = code
        self.severity = severity
        self.offset = offset
        self.path = path
        self.specRef = specRef
        self.message = message
    }

    public var description: String {
        let at = offset.map { "@\($0) " } ?? ""
        return "\(severity.rawValue) \(code) \(at)\(path) [\(specRef)]: \(message)"
    }
}

/// The single error type every decoder in the suite throws. It carries the
/// same fields as a ``Finding`` (always error severity) so that a decoding
/// failure is reported exactly like a validation error.
public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var offset: Int
    public var path: String
    public var specRef: String
    public var message: String

    public init(code: String, offset: Int, path: String, specRef: String, message: String) {
        self.code = code
        self.offset = offset
        self.path = path
        self.specRef = specRef
        self.message = message
    }

    public var finding: Finding {
        Finding(code: code, severity: .error, offset: offset, path: path, specRef: specRef, message: message)
    }

    public var description: String { finding.description }
}

/// Thrown by encoders when a model value cannot be put on the wire
/// (a length that does not fit its field, an inconsistent combination).
public struct EncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var path: String
    public var message: String

    public init(code: String, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "\(code) \(path): \(message)" }
}

extension Array where Element == Finding {
    /// True when no finding has error severity.
    public var isValid: Bool { !contains { $0.severity == .error } }
}
