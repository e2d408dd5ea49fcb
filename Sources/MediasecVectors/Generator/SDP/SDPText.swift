import MediasecCore

/// Text helpers for the SDP areas: the minimal session parts of an offerer
/// and an answerer, CRLF joining, and fresh keys and fingerprints drawn from
/// the vector's seeded stream (so two keys of one message never collide,
/// RFC 4568 §6.1).
struct SDPText {
    var rng: SeededRandom

    /// A minimal RFC 8866 session part: v, o, s, c, t (the offerer, alice).
    static let head = [
        "v=0",
        "o=alice 2890844526 2890844527 IN IP4 192.0.2.10",
        "s=-",
        "c=IN IP4 192.0.2.10",
        "t=0 0",
    ]

    /// The answerer's session part (bob).
    static let answerHead = [
        "v=0",
        "o=bob 2808844564 2808844564 IN IP4 192.0.2.20",
        "s=-",
        "c=IN IP4 192.0.2.20",
        "t=0 0",
    ]

    /// Lines joined with `ending` after each line.
    static func join(_ lines: [String], ending: String = "\r\n") -> [UInt8] {
        Array(lines.map { $0 + ending }.joined().utf8)
    }

    /// `head` + `rest` (session attributes first, then media sections).
    static func sdp(_ rest: [String]) -> [UInt8] { join(head + rest) }

    /// `answerHead` + `rest`.
    static func answer(_ rest: [String]) -> [UInt8] { join(answerHead + rest) }

    mutating func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in rng.byte() } }

    /// base64 of `n` fresh bytes (a key||salt; 30 bytes for the AES_CM_128 suites).
    mutating func key(_ n: Int = 30) -> String { Base64.encode(bytes(n)) }

    /// `inline:<key>` with optional `|lifetime` and `|mki:len`.
    mutating func inline(_ n: Int = 30, lifetime: String? = nil, mki: String? = nil) -> String {
        "inline:" + key(n) + (lifetime.map { "|" + $0 } ?? "") + (mki.map { "|" + $0 } ?? "")
    }

    /// `a=crypto:<tag> <suite> inline:<fresh key>`.
    mutating func crypto(_ tag: String = "1", _ suite: String = "AES_CM_128_HMAC_SHA1_80", keyLength: Int = 30, extra: String = "") -> String {
        "a=crypto:\(tag) \(suite) \(inline(keyLength))" + extra
    }

    /// Upper-case hex pairs joined by ':' (RFC 8122 §5 fingerprint).
    mutating func fingerprint(_ n: Int = 32) -> String {
        bytes(n).map { Hex.encode([$0], uppercase: true) }.joined(separator: ":")
    }

    /// A tls-id value of `n` characters from the RFC 8842 §4 alphabet.
    mutating func tlsID(_ n: Int = 24) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        return String((0..<n).map { _ in alphabet[Int(rng.below(UInt64(alphabet.count)))] })
    }
}
