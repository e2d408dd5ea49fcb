import MediasecCore
import MediasecCrypto
import MIKEY

/// A second, deliberately separate transcription of the MIKEY PRF, the
/// transport-key labels, the KEMAC ciphers and the MAC input of the PSK
/// messages, written from RFC 3830 §4.1.2–§4.1.4, §4.2.3, §5.2 and RFC 6043
/// §5.1.2, §6.1. The crypto vectors are built with the library's
/// `MIKEYMessageBuilder` and then re-checked here: a disagreement stops the
/// generation instead of shipping a vector that only agrees with itself.
/// Only the primitives (HMAC, AES, AES-KW) come from MediasecCrypto.
enum ReferenceCrypto {
    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    static func hash(_ prf: PRFFunction) throws -> HashAlgorithm {
        switch prf.rawValue {
        case 0: return .sha1
        case 1: return .sha256
        default: throw Mismatch(description: "no reference PRF \(prf.rawValue)")
        }
    }

    /// RFC 3830 §4.1.2: P(s, label, m) per 256-bit chunk of the inkey, XORed.
    static func prf(_ h: HashAlgorithm, inkey: [UInt8], label: [UInt8], length: Int) throws -> [UInt8] {
        let hl = h.outputLength
        let m = (length + hl - 1) / hl
        var out = [UInt8](repeating: 0, count: m * hl)
        var i = 0
        repeat {
            let s = Array(inkey[i..<min(i + 32, inkey.count)])
            var a = label
            var p: [UInt8] = []
            for _ in 0..<m {
                a = try HMAC.authenticate(h, key: s, data: a)
                p += try HMAC.authenticate(h, key: s, data: a + label)
            }
            for j in out.indices { out[j] ^= p[j] }
            i += 32
        } while i < inkey.count
        return Array(out.prefix(length))
    }

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)] }

    enum Key: UInt32 {
        case encr = 0x1505_33E1, auth = 0x2D22_AC75, salt = 0x29B8_8916
    }

    /// RFC 3830 §4.1.4 label: constant ‖ 0xFF ‖ CSB ID ‖ RAND.
    static func transportLabel(_ k: Key, csb: UInt32, rand: [UInt8]) -> [UInt8] {
        be32(k.rawValue) + [0xFF] + be32(csb) + rand
    }

    /// RFC 6043 §5.1.2 label: constant ‖ 0xFF ‖ CSB ID ‖ 0x01/0x02 ‖ len RANDRi ‖ RANDRi ‖ len RANDRr ‖ RANDRr.
    static func ticketLabel(_ k: Key, csb: UInt32, response: Bool, randRi: [UInt8], randRr: [UInt8]) -> [UInt8] {
        be32(k.rawValue) + [0xFF] + be32(csb) + [response ? 2 : 1, UInt8(randRi.count)] + randRi + [UInt8(randRr.count)] + randRr
    }

    static func macHash(_ a: MACAlgorithm) throws -> (HashAlgorithm, Int) {
        switch a.rawValue {
        case 1: return (.sha1, 20)
        case 2: return (.sha256, 32)
        default: throw Mismatch(description: "no reference MAC \(a.rawValue)")
        }
    }

    /// The published PRF-HMAC-SHA-256 key-derivation vectors (FACTS.md §3):
    /// a gate that the reference itself is right.
    static func selfTest() throws {
        let inkey = Hex.decode("A27B7D578EEB9B1EE7705E385996D300")!
        let rand = Hex.decode("4339F62F55AAC86348846A482C893802")!
        let cases: [(UInt32, UInt8, UInt32, UInt32, String)] = [
            (0x05A8_5C16, 4, 0x1579_8CEF, 0x39A2_C14B, "3924935940c154ccbc3c2ad05c8f51811725869b80f370cc9f24e13b"),
            (0x05A8_5C16, 0, 0x1579_8CEF, 0x39A2_C14B, "f17c80a8d2f9befa47cf712603d7229ac3b7b561a291a1d3abef482b"),
            (0x0633_F457, 4, 0x2AD0_1C64, 0x39A2_C14B, "59aaa49ebb54813602b7cc165961b4e8745eb4df7d155c473114a799"),
        ]
        for (csb, cs, k, salt, want) in cases {
            let got = try prf(.sha256, inkey: inkey, label: be32(k) + [cs] + be32(csb) + rand, length: 16)
                + prf(.sha256, inkey: inkey, label: be32(salt) + [cs] + be32(csb) + rand, length: 12)
            guard Hex.encode(got) == want else { throw Mismatch(description: "reference PRF fails the published vector for CSB \(csb), CS \(cs)") }
        }
    }

    /// Re-derives the keys, decrypts the KEMAC (when encrypted) and
    /// recomputes the MAC of a PSK I_MESSAGE (data type 0) as built; throws
    /// when the library's bytes disagree.
    static func checkPSKInit(_ bytes: [UInt8], model m: MIKEYMessage, psk: [UInt8], expectedPlaintext: [UInt8]) throws {
        guard case .rand(let r)? = m.payloads.first(where: { $0.type == .rand }),
              case .kemac(let k)? = m.payloads.last,
              case .timestamp(let t)? = m.payloads.first(where: { $0.type == .timestamp }) else {
            throw Mismatch(description: "not a T, RAND, …, KEMAC message")
        }
        let h = try hash(m.header.prfFunction)
        let csb = m.header.csbID
        let (mh, ml) = try macHash(k.macAlgorithm)
        let auth = try prf(h, inkey: psk, label: transportLabel(.auth, csb: csb, rand: r.rand), length: ml)
        let mac = try HMAC.authenticate(mh, key: auth, data: Array(bytes.dropLast(ml)))
        guard Array(bytes.suffix(ml)) == mac else { throw Mismatch(description: "MAC differs from the reference computation") }
        // The KEMAC is the last payload: Next Payload, Encr alg, Encr data len, Encr data, MAC alg, MAC.
        let ks = try MIKEYMessage(header: m.header, payloads: Array(m.payloads.dropLast())).encoded().count
        let len = Int(bytes[ks + 2]) << 8 | Int(bytes[ks + 3])
        guard ks + 4 + len + 1 + ml == bytes.count else { throw Mismatch(description: "KEMAC layout differs from RFC 3830 §6.2") }
        let ct = Array(bytes[(ks + 4)..<(ks + 4 + len)])
        let plain: [UInt8]
        switch k.encryptionAlgorithm.rawValue {
        case 0:
            plain = ct
        case 1, 3:
            let kl = k.encryptionAlgorithm.rawValue == 1 ? 16 : 32
            let encr = try prf(h, inkey: psk, label: transportLabel(.encr, csb: csb, rand: r.rand), length: kl)
            let salt = try prf(h, inkey: psk, label: transportLabel(.salt, csb: csb, rand: r.rand), length: 14)
            let t64: [UInt8]
            switch t.tsType.rawValue {
            case 2: t64 = [0, 0, 0, 0] + t.value
            case 3: t64 = t.value + [0, 0, 0, 0]
            default: t64 = t.value
            }
            let block = [0, 0] + be32(csb) + t64
            var iv = [UInt8](repeating: 0, count: 16)
            for i in 0..<14 { iv[i] = salt[i] ^ block[i] }
            plain = try AES.ctr(key: encr, initialCounterBlock: iv, data: ct)
        case 2:
            let encr = try prf(h, inkey: psk, label: transportLabel(.encr, csb: csb, rand: r.rand), length: 16)
            let salt = try prf(h, inkey: psk, label: transportLabel(.salt, csb: csb, rand: r.rand), length: 8)
            plain = try AESKeyWrap.unwrap(kek: encr, wrapped: ct, iv: salt)
        default:
            throw Mismatch(description: "no reference cipher \(k.encryptionAlgorithm.rawValue)")
        }
        guard plain == expectedPlaintext else { throw Mismatch(description: "KEMAC plaintext differs from the reference decryption") }
    }

    /// Recomputes the V of a REQUEST_INIT_PSK (RFC 6043 §5.1.2, §5.5):
    /// message ‖ IDRi data ‖ IDRkms data, keys from RANDRi.
    static func checkRequestInit(_ bytes: [UInt8], model m: MIKEYMessage, psk: [UInt8], idi: [UInt8], idkms: [UInt8]) throws {
        guard case .randRole(let ri)? = m.payloads.first(where: { $0.type == .randRole }),
              case .verification(let v)? = m.payloads.last else { throw Mismatch(description: "not a REQUEST_INIT with RANDRi and V") }
        let (mh, ml) = try macHash(v.authAlgorithm)
        let auth = try prf(try hash(m.header.prfFunction), inkey: psk,
                           label: ticketLabel(.auth, csb: m.header.csbID, response: false, randRi: ri.rand, randRr: []), length: ml)
        let mac = try HMAC.authenticate(mh, key: auth, data: Array(bytes.dropLast(ml)) + idi + idkms)
        guard Array(bytes.suffix(ml)) == mac else { throw Mismatch(description: "REQUEST_INIT V differs from the reference computation") }
    }

    /// Recomputes the V of a PSK verification message (RFC 3830 §5.2):
    /// message ‖ Identity_i ‖ Identity_r ‖ T value, keys from the
    /// initiator's RAND (ambiguity 2: identities and TS value, not payloads).
    static func checkVerify(_ bytes: [UInt8], model m: MIKEYMessage, psk: [UInt8], rand: [UInt8], idi: [UInt8], idr: [UInt8]) throws {
        guard case .timestamp(let t)? = m.payloads.first, case .verification(let v)? = m.payloads.last else {
            throw Mismatch(description: "not a T, …, V message")
        }
        let (mh, ml) = try macHash(v.authAlgorithm)
        let auth = try prf(try hash(m.header.prfFunction), inkey: psk, label: transportLabel(.auth, csb: m.header.csbID, rand: rand), length: ml)
        let mac = try HMAC.authenticate(mh, key: auth, data: Array(bytes.dropLast(ml)) + idi + idr + t.value)
        guard Array(bytes.suffix(ml)) == mac else { throw Mismatch(description: "verification MAC differs from the reference computation") }
    }
}
