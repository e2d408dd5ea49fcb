/// The `<proto>` of an `m=` line (RFC 8866 §5.14, §8.2.3; IANA "proto"
/// registry in `iana/sdp-parameters.xml`). Registries are data: the value
/// keeps whatever was written, and one table classifies the protocols this
/// suite has rules for — which transport, which security layer, which
/// application, and what the `<fmt>` list holds.
public struct TransportProtocol: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String {
        didSet { known = Self.table[rawValue] }
    }
    /// ``info``, looked up once per value (the validator asks for the
    /// security layer of an m-line many times).
    private var known: Info?

    public init(rawValue: String) {
        self.rawValue = rawValue
        self.known = Self.table[rawValue]
    }

    public enum Security: String, Sendable, Hashable {
        /// No protection at this layer.
        case none
        /// SRTP keyed in the signalling (a=crypto, a=key-mgmt).
        case srtp
        /// TLS over TCP (RFC 8122 fingerprints, RFC 4145 setup/connection).
        case tls
        /// DTLS (RFC 8842: setup without holdconn, fingerprint, tls-id).
        case dtls
        /// SRTP keyed by DTLS (RFC 5763/5764).
        case dtlsSRTP
    }

    public enum Application: String, Sendable, Hashable {
        case rtp, msrp, bfcp, udptl, other
    }

    /// What the `<fmt>` subfields hold.
    public enum FormatRule: String, Sendable, Hashable {
        /// RTP payload type numbers 0..127 (RFC 8866 §5.14, RFC 3550 §5.1).
        case payloadTypes
        /// The single character `*` (RFC 4975 §8.1, RFC 8856 §4).
        case star
        /// Protocol-specific, not checked.
        case any
    }

    public struct Info: Sendable, Hashable {
        public let security: Security
        public let application: Application
        public let formats: FormatRule
        /// The media type the protocol requires, if any.
        public let media: String?
        public let specRef: String
    }

    public static let table: [String: Info] = [
        "RTP/AVP": Info(security: .none, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 8866 §5.14"),
        "RTP/AVPF": Info(security: .none, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 4585"),
        "RTP/SAVP": Info(security: .srtp, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 8866 §5.14 / RFC 3711"),
        "RTP/SAVPF": Info(security: .srtp, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 8866 §5.14 / RFC 5124"),
        "UDP/TLS/RTP/SAVP": Info(security: .dtlsSRTP, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 5764 §8 / RFC 5763 §5"),
        "UDP/TLS/RTP/SAVPF": Info(security: .dtlsSRTP, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 5764 §8 / RFC 5763 §5"),
        "TCP/MSRP": Info(security: .none, application: .msrp, formats: .star, media: "message", specRef: "RFC 4975 §8.1"),
        "TCP/TLS/MSRP": Info(security: .tls, application: .msrp, formats: .star, media: "message", specRef: "RFC 4975 §8.1"),
        "TCP/BFCP": Info(security: .none, application: .bfcp, formats: .star, media: "application", specRef: "RFC 8856 §4"),
        "TCP/TLS/BFCP": Info(security: .tls, application: .bfcp, formats: .star, media: "application", specRef: "RFC 8856 §4"),
        "UDP/BFCP": Info(security: .none, application: .bfcp, formats: .star, media: "application", specRef: "RFC 8856 §4"),
        "UDP/TLS/BFCP": Info(security: .dtls, application: .bfcp, formats: .star, media: "application", specRef: "RFC 8856 §4"),
        "TCP/DTLS/BFCP": Info(security: .dtls, application: .bfcp, formats: .star, media: "application", specRef: "RFC 8856 §4"),
        "udptl": Info(security: .none, application: .udptl, formats: .any, media: nil, specRef: "RFC 7345 §1"),
        "UDP/TLS/UDPTL": Info(security: .dtls, application: .udptl, formats: .any, media: nil, specRef: "RFC 7345 §4.1"),
        "TCP": Info(security: .none, application: .other, formats: .any, media: nil, specRef: "RFC 4145 §3"),
        "TCP/TLS": Info(security: .tls, application: .other, formats: .any, media: nil, specRef: "RFC 8122 §4"),
        "udp": Info(security: .none, application: .other, formats: .any, media: nil, specRef: "RFC 8866 §5.14"),
    ]

    public var info: Info? { known }
    public var isKnown: Bool { info != nil }

    /// The registered spelling when `rawValue` differs from one only in case.
    public var caseInsensitiveMatch: String? {
        guard info == nil else { return nil }
        return Self.table.keys.first { SDPGrammar.equalsIgnoringCase($0, rawValue) }
    }

    public var security: Security { info?.security ?? .none }
    public var usesTLSOrDTLS: Bool {
        switch security {
        case .tls, .dtls, .dtlsSRTP: return true
        case .none, .srtp: return false
        }
    }
    public var isDatagramTLS: Bool { security == .dtls || security == .dtlsSRTP }
    public var isSRTP: Bool { security == .srtp || security == .dtlsSRTP }
    /// A TCP-based protocol (RFC 4145 `setup`/`connection` apply).
    public var isTCP: Bool { rawValue.hasPrefix("TCP") }

    public var description: String { rawValue }

    public static let rtpSAVP = TransportProtocol(rawValue: "RTP/SAVP")
    public static let rtpSAVPF = TransportProtocol(rawValue: "RTP/SAVPF")
    public static let tcpTLSMSRP = TransportProtocol(rawValue: "TCP/TLS/MSRP")
    public static let tcpTLSBFCP = TransportProtocol(rawValue: "TCP/TLS/BFCP")
    public static let udpTLSUDPTL = TransportProtocol(rawValue: "UDP/TLS/UDPTL")
}
