/// The `<proto>` of an `m=` line (RFC 8866 §5.14, §8.2.3; IANA "proto"
/// registry in `iana/sdp-parameters.xml`). Registries are data: the value
/// keeps whatever was written, and one table classifies the protocols this
/// suite has rules for — which transport, which security layer, which
/// application, and what the `<fmt>` list holds.
public struct TransportProtocol: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String {
        didSet { code = Self.code(of: rawValue) }
    }
    /// ``info`` as a position in ``keys`` and ``infos`` (``unknown`` for none), found
    /// once per value (the validator asks for the security layer of an
    /// m-line many times); a byte, so a copy of the value costs one string.
    private var code: UInt8

    public init(rawValue: String) {
        self.rawValue = rawValue
        self.code = Self.code(of: rawValue)
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

    /// The registry rows this suite classifies, in one order: the keys as
    /// static text (compared bytewise without a hash), the infos beside them.
    static let keys: [StaticString] = [
        "RTP/AVP",
        "RTP/AVPF",
        "RTP/SAVP",
        "RTP/SAVPF",
        "UDP/TLS/RTP/SAVP",
        "UDP/TLS/RTP/SAVPF",
        "TCP/MSRP",
        "TCP/TLS/MSRP",
        "TCP/BFCP",
        "TCP/TLS/BFCP",
        "UDP/BFCP",
        "UDP/TLS/BFCP",
        "TCP/DTLS/BFCP",
        "udptl",
        "UDP/TLS/UDPTL",
        "TCP",
        "TCP/TLS",
        "udp",
    ]
    static let infos: [Info] = [
        Info(security: .none, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 8866 §5.14"),
        Info(security: .none, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 4585"),
        Info(security: .srtp, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 8866 §5.14 / RFC 3711"),
        Info(security: .srtp, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 8866 §5.14 / RFC 5124"),
        Info(security: .dtlsSRTP, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 5764 §8 / RFC 5763 §5"),
        Info(security: .dtlsSRTP, application: .rtp, formats: .payloadTypes, media: nil, specRef: "RFC 5764 §8 / RFC 5763 §5"),
        Info(security: .none, application: .msrp, formats: .star, media: "message", specRef: "RFC 4975 §8.1"),
        Info(security: .tls, application: .msrp, formats: .star, media: "message", specRef: "RFC 4975 §8.1"),
        Info(security: .none, application: .bfcp, formats: .star, media: "application", specRef: "RFC 8856 §4"),
        Info(security: .tls, application: .bfcp, formats: .star, media: "application", specRef: "RFC 8856 §4"),
        Info(security: .none, application: .bfcp, formats: .star, media: "application", specRef: "RFC 8856 §4"),
        Info(security: .dtls, application: .bfcp, formats: .star, media: "application", specRef: "RFC 8856 §4"),
        Info(security: .dtls, application: .bfcp, formats: .star, media: "application", specRef: "RFC 8856 §4"),
        Info(security: .none, application: .udptl, formats: .any, media: nil, specRef: "RFC 7345 §1"),
        Info(security: .dtls, application: .udptl, formats: .any, media: nil, specRef: "RFC 7345 §4.1"),
        Info(security: .none, application: .other, formats: .any, media: nil, specRef: "RFC 4145 §3"),
        Info(security: .tls, application: .other, formats: .any, media: nil, specRef: "RFC 8122 §4"),
        Info(security: .none, application: .other, formats: .any, media: nil, specRef: "RFC 8866 §5.14"),
    ]
    static let unknown: UInt8 = 0xff

    public static let table: [String: Info] = Dictionary(uniqueKeysWithValues: zip(keys.map { "\($0)" }, infos))

    /// The position of `raw` in ``keys``, ``unknown`` for none. Bytewise
    /// equality is `String` equality here: no key holds one of the three
    /// ASCII characters a non-ASCII scalar is canonically equivalent to
    /// (K, ';', '`').
    static func code(of raw: String) -> UInt8 {
        var r = raw
        return r.withUTF8 { code(in: $0) }
    }

    /// The position in ``keys`` of the registered name spelled exactly by
    /// `p`, ``unknown`` for none.
    static func code(in p: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let n = p.count
        guard n >= 3, n <= 17 else { return unknown }
        let keys = Self.keys
        for i in keys.indices {
            let k = keys[i]
            guard k.utf8CodeUnitCount == n else { continue }
            let q = k.utf8Start
            var j = 0
            while j < n && p[j] == q[j] { j += 1 }
            if j == n { return UInt8(i) }
        }
        return unknown
    }

    /// ``keys`` as strings, built once: a registered proto read from the
    /// input is this string (no decode of the bytes).
    static let keyStrings: [String] = keys.map { $0.description }

    /// The proto spelled by `bytes` (a decoded m= field's `<proto>`).
    init(bytes: ArraySlice<UInt8>) {
        let c = bytes.withUnsafeBufferPointer { Self.code(in: $0) }
        let names = Self.keyStrings
        rawValue = c != Self.unknown && Int(c) < names.count ? names[Int(c)] : SDPGrammar.string(bytes)
        code = c
    }

    public var info: Info? {
        let c = Int(code)
        let infos = Self.infos
        return c < infos.count ? infos[c] : nil
    }
    public var isKnown: Bool { code != Self.unknown }

    /// The registered spelling when `rawValue` differs from one only in case.
    public var caseInsensitiveMatch: String? {
        guard code == Self.unknown else { return nil }
        let u = rawValue.utf8
        for k in Self.keys where k.utf8CodeUnitCount == u.count {
            let q = k.utf8Start
            var j = 0
            var same = true
            for c in u {
                if SDPGrammar.lower(c) != SDPGrammar.lower(q[j]) { same = false; break }
                j += 1
            }
            if same { return "\(k)" }
        }
        return nil
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
    /// Whether the proto starts with `TCP`. Read from the first bytes
    /// (String.hasPrefix compares Characters: ~125 instructions per m-line
    /// in the index); a non-ASCII byte right after `TCP`, which could
    /// start a combining mark, is left to the Character comparison.
    public var isTCP: Bool {
        var s = rawValue
        let byBytes: Bool? = s.withUTF8 { p in
            guard p.count >= 3, p[0] == 0x54, p[1] == 0x43, p[2] == 0x50 else { return false }
            return p.count > 3 && p[3] >= 0x80 ? nil : true
        }
        return byBytes ?? rawValue.hasPrefix("TCP")
    }

    public var description: String { rawValue }

    public static let rtpSAVP = TransportProtocol(rawValue: "RTP/SAVP")
    public static let rtpSAVPF = TransportProtocol(rawValue: "RTP/SAVPF")
    public static let tcpTLSMSRP = TransportProtocol(rawValue: "TCP/TLS/MSRP")
    public static let tcpTLSBFCP = TransportProtocol(rawValue: "TCP/TLS/BFCP")
    public static let udpTLSUDPTL = TransportProtocol(rawValue: "UDP/TLS/UDPTL")
}
