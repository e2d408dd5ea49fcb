import MediasecCore
import MIKEY

/// `Vectors/mikey/crypto.json`: vectors that carry keys. The MAC of every
/// protected message is verified (and every encrypted KEMAC decrypted) by
/// the validator with the vector's `keys`; PSK I_MESSAGE, verification and
/// REQUEST_INIT vectors are additionally re-computed by ``ReferenceCrypto``
/// while generating.
enum CryptoVectors {
    typealias R = MIKEYRules

    static func build(_ s: VectorSet) {
        pskInit(s)
        prfInkeys(s)
        mismatches(s)
        otherMessages(s)
        ticketMessages(s)
    }

    static func pskKeys(_ psk: [UInt8]) -> MIKEYKeys { MIKEYKeys(("psk", psk)) }

    /// A protected PSK I_MESSAGE with its keys, re-checked by the reference.
    static func pskCase(_ g: Fixtures, encr: EncryptionAlgorithm, mac: MACAlgorithm, prf: PRFFunction, pskLength: Int = 16,
                        keys: [KeyDataPayload]? = nil, timestamp: TimestampPayload? = nil) throws -> VectorCase {
        var m = try g.pskInit(encr: encr, mac: mac, prf: prf, keys: keys)
        if let t = timestamp { m.payloads[0] = .timestamp(t) }
        let psk = g.key(pskLength)
        guard case .kemac(let k)? = m.payloads.last else { throw GenerationError(description: "no KEMAC") }
        let c: VectorCase = encr == .null
            ? .acceptable(m, [R.kemacNullEncryption], infos: [R.macVerified])
            : .valid(m, infos: [R.macVerified, R.kemacDecrypted])
        return c.protected(with: pskKeys(psk)).keys(pskKeys(psk))
            .checked { try ReferenceCrypto.checkPSKInit($0, model: m, psk: psk, expectedPlaintext: k.encryptedData) }
    }

    // MARK: KEMAC algorithms (RFC 3830 §4.2.3, §4.2.4; RFC 6043 §6.2)

    static func pskInit(_ s: VectorSet) {
        let refs = ["RFC 3830 §4.1.4", "RFC 3830 §4.2.3", "RFC 3830 §5.2"]
        let combos: [(String, EncryptionAlgorithm, MACAlgorithm, PRFFunction, Int, [String])] = [
            ("null-hmac-sha1", .null, .hmacSHA1_160, .mikey1, 16, []),
            ("aes-cm-128-hmac-sha1", .aesCM128, .hmacSHA1_160, .mikey1, 16, []),
            ("aes-kw-128-hmac-sha1", .aesKW128, .hmacSHA1_160, .mikey1, 16, ["kw-iv-salt-key"]),
            ("aes-cm-256-hmac-sha256", .aesCM256, .hmacSHA256_256, .hmacSHA256, 32, []),
            ("aes-kw-128-hmac-sha256", .aesKW128, .hmacSHA256_256, .hmacSHA256, 32, ["kw-iv-salt-key"]),
            ("aes-cm-128-hmac-sha256-prf-mikey1", .aesCM128, .hmacSHA256_256, .mikey1, 16, []),
            ("aes-cm-256-hmac-sha1-prf-sha256", .aesCM256, .hmacSHA1_160, .hmacSHA256, 20, []),
        ]
        for (label, encr, mac, prf, n, flags) in combos {
            s.add("psk-init::\(label)", "PSK I_MESSAGE protected with a \(n)-byte PSK: KEMAC \(encr.name ?? "") / \(mac.name ?? ""), PRF \(prf.name ?? "").",
                  refs: refs + (encr == .aesCM256 || mac == .hmacSHA256_256 || prf == .hmacSHA256 ? ["RFC 6043 §6.1", "RFC 6043 §6.2"] : []),
                  flags: ["crypto"] + flags) { g in
                try pskCase(g, encr: encr, mac: mac, prf: prf, pskLength: n)
            }
        }
        let kinds: [(String, String, (Fixtures) -> [KeyDataPayload])] = [
            ("key-kinds", "TGK+SALT, TEK, TEK+SALT and a GTGK with KV Interval", { g in
                [g.keyData(.tgkSalt), g.keyData(.tek), g.keyData(.tekSalt, 16, salt: 14),
                 KeyDataPayload(type: .gtgk, keyData: g.bytes(32), validity: .interval(validFrom: g.ntpUTC().value, validTo: g.ntpUTC().value))]
            }),
            ("three-tgks", "three TGKs with SPIs", { g in [g.tgk(), g.tgk(), g.tgk()] }),
            ("mpk-and-kpr", "an MPK and a K_PR (RFC 6043 / RFC 6267 key types)", { g in [g.keyData(.mpk), g.keyData(.kPR)] }),
        ]
        for (label, what, keys) in kinds {
            s.add("psk-init::aes-cm-\(label)", "AES-CM-128 KEMAC carrying \(what), decrypted with the PSK.", refs: refs + ["RFC 3830 §6.13", "RFC 6043 §6.2.1"], flags: ["crypto"]) { g in
                try pskCase(g, encr: .aesCM128, mac: .hmacSHA1_160, prf: .mikey1, keys: keys(g))
            }
        }
        let stamps: [(String, (Fixtures) -> TimestampPayload)] = [
            ("counter", { _ in TimestampPayload(tsType: .counter, value: [0, 0, 1, 0x2c]) }),
            ("ntp-utc-32", { g in TimestampPayload(tsType: .ntpUTC32, value: g.ntpUTC32Value()) }),
            ("ntp", { g in TimestampPayload(tsType: .ntp, value: g.bytes(8)) }),
        ]
        for (label, ts) in stamps {
            s.add("psk-init::aes-cm-timestamp-\(label)", "AES-CM-128 KEMAC whose IV uses a \(label) timestamp widened to 64 bits.",
                  refs: ["RFC 3830 §4.2.3", "RFC 3830 §6.6", "RFC 6043 §6.3"], flags: ["crypto", "ambiguity-03-counter-padding"]) { g in
                try pskCase(g, encr: .aesCM128, mac: .hmacSHA1_160, prf: .mikey1, timestamp: ts(g))
            }
        }
        s.add("psk-init::derived-keys-given", "PSK I_MESSAGE checked with auth_key, encr_key and salt_key given directly instead of the PSK.", refs: refs, flags: ["crypto"]) { g in
            let psk = g.key()
            let m = try g.pskInit()
            guard case .rand(let r)? = m.payloads.first(where: { $0.type == .rand }) else { throw GenerationError(description: "no RAND") }
            let mk = try MIKEYKeyDerivation.messageKeys(inkey: psk, context: .transport(csbID: m.header.csbID, rand: r.rand), prf: .mikey1, encryption: .aesCM128, mac: .hmacSHA1_160)
            let lab = { (k: ReferenceCrypto.Key, n: Int) in try ReferenceCrypto.prf(.sha1, inkey: psk, label: ReferenceCrypto.transportLabel(k, csb: m.header.csbID, rand: r.rand), length: n) }
            guard try mk.authenticationKey == lab(.auth, 20), try mk.encryptionKey == lab(.encr, 16), try mk.saltKey == lab(.salt, 14) else {
                throw GenerationError(description: "library key derivation differs from the reference")
            }
            return .valid(m, infos: [R.macVerified, R.kemacDecrypted]).protected(with: pskKeys(psk))
                .keys(MIKEYKeys(("auth", mk.authenticationKey), ("encr", mk.encryptionKey), ("salt", mk.saltKey)))
        }
        s.add("psk-init::auth-key-only", "NULL-encrypted PSK I_MESSAGE checked with only auth_key given.", refs: refs, flags: ["crypto"]) { g in
            let psk = g.key()
            let m = try g.pskInit(encr: .null)
            guard case .rand(let r)? = m.payloads.first(where: { $0.type == .rand }) else { throw GenerationError(description: "no RAND") }
            let auth = try ReferenceCrypto.prf(.sha1, inkey: psk, label: ReferenceCrypto.transportLabel(.auth, csb: m.header.csbID, rand: r.rand), length: 20)
            return .acceptable(m, [R.kemacNullEncryption], infos: [R.macVerified]).protected(with: pskKeys(psk)).keys(MIKEYKeys(("auth", auth)))
        }
        s.add("psk-init::no-key-given", "A protected PSK I_MESSAGE validated without keys: the MAC is not checked (info).", refs: ["RFC 3830 §5.2"]) { g in
            .valid(try g.pskInit(), infos: [R.macNotChecked]).protected(with: pskKeys(g.key()))
        }
    }

    // MARK: PRF inkey lengths (RFC 3830 §4.1.2; FACTS.md §3)

    static func prfInkeys(_ s: VectorSet) {
        for (prf, mac, encr) in [(PRFFunction.hmacSHA256, MACAlgorithm.hmacSHA256_256, EncryptionAlgorithm.aesCM256), (.mikey1, .hmacSHA1_160, .aesCM128)] {
            for n in [1, 16, 31, 32, 33, 64, 65] {
                let flags = n == 32 ? ["crypto", "bug-shape-prf-32-byte-inkey"] : ["crypto"]
                s.add("prf::\(prf == .mikey1 ? "mikey-1" : "hmac-sha-256")-inkey-\(n)",
                      "\(prf.name ?? "") with a \(n)-byte inkey (\((n + 31) / 32) chunk(s) of 256 bits, the last \(n % 32 == 0 ? 32 : n % 32) bytes): MAC and KEMAC keys derived from it.",
                      refs: [prf == .mikey1 ? "RFC 3830 §4.1.2" : "RFC 6043 §6.1", "RFC 3830 §4.1.4"], flags: flags + (n == 1 || n == 65 ? ["boundary-length"] : [])) { g in
                    try pskCase(g, encr: encr, mac: mac, prf: prf, pskLength: n)
                }
            }
        }
    }

    // MARK: failures

    static func mismatches(_ s: VectorSet) {
        let refs = ["RFC 3830 §5.2", "RFC 3830 §4.2.4"]
        s.add("mac::wrong-psk", "NULL-encrypted PSK I_MESSAGE checked with a PSK that differs in one bit.", refs: refs, flags: ["crypto"]) { g in
            let psk = g.key()
            var wrong = psk
            wrong[0] ^= 1
            return .invalid(try g.pskInit(encr: .null), [R.macMismatch]).protected(with: pskKeys(psk)).keys(pskKeys(wrong))
        }
        s.add("mac::rand-modified", "PSK I_MESSAGE whose RAND was changed after the MAC was computed (the RAND also feeds the key derivation).", refs: refs, flags: ["crypto", "byte-corruption"]) { g in
            let psk = g.key()
            let m = try g.pskInit(encr: .null)
            var b = try MIKEYMessageBuilder.protect(m, keys: pskKeys(psk))
            let at = try StructureVectors.offset(of: 1, in: m) + 2
            b[at] ^= 0x80
            return VectorCase.bytes(b, .invalid, errors: [R.macMismatch]).keys(pskKeys(psk))
        }
        s.add("mac::csb-id-modified", "PSK I_MESSAGE whose CSB ID was changed after the MAC was computed.", refs: refs, flags: ["crypto", "byte-corruption"]) { g in
            let psk = g.key()
            var b = try MIKEYMessageBuilder.protect(try g.pskInit(encr: .null), keys: pskKeys(psk))
            b[5] ^= 0x01
            return VectorCase.bytes(b, .invalid, errors: [R.macMismatch]).keys(pskKeys(psk))
        }
        s.add("mac::mac-modified", "PSK I_MESSAGE whose last MAC byte was flipped.", refs: refs, flags: ["crypto", "byte-corruption"]) { g in
            let psk = g.key()
            var b = try MIKEYMessageBuilder.protect(try g.pskInit(encr: .null), keys: pskKeys(psk))
            b[b.count - 1] ^= 0xFF
            return VectorCase.bytes(b, .invalid, errors: [R.macMismatch]).keys(pskKeys(psk))
        }
        s.add("mac::v-flag-modified", "PSK I_MESSAGE whose V flag was cleared after the MAC was computed.", refs: refs, flags: ["crypto", "byte-corruption"]) { g in
            let psk = g.key()
            var b = try MIKEYMessageBuilder.protect(try g.pskInit(encr: .null), keys: pskKeys(psk))
            b[3] &= 0x7F
            return VectorCase.bytes(b, .invalid, errors: [R.macMismatch]).keys(pskKeys(psk))
        }
        s.add("mac::wrong-psk-aes-cm", "AES-CM-128 PSK I_MESSAGE checked with a wrong PSK: the MAC fails and the 'decrypted' key data is garbage.",
              refs: refs + ["RFC 3830 §4.2.3"], flags: ["crypto"]) { g in
            let psk = g.key()
            return .invalid(try g.pskInit(), [R.macMismatch, R.kemacKeyDataMalformed]).protected(with: pskKeys(psk)).keys(pskKeys(g.key()))
        }
        s.add("kemac::aes-kw-wrong-psk", "AES-KW-128 PSK I_MESSAGE checked with a wrong PSK: the key-wrap integrity check fails, and so does the MAC.",
              refs: ["RFC 3830 §4.2.3", "RFC 3394 §2.2.3"], flags: ["crypto", "kw-iv-salt-key"]) { g in
            .invalid(try g.pskInit(encr: .aesKW128), [R.kemacDecryptFailed, R.macMismatch]).protected(with: pskKeys(g.key())).keys(pskKeys(g.key()))
        }
        s.add("kemac::aes-kw-ciphertext-modified", "AES-KW-128 KEMAC whose ciphertext was altered and the MAC then recomputed: only the key-wrap integrity check can catch it.",
              refs: ["RFC 3830 §4.2.3", "RFC 3394 §2.2.3"], flags: ["crypto", "byte-corruption", "kw-iv-salt-key"]) { g in
            let psk = g.key()
            let m = try g.pskInit(encr: .aesKW128)
            var b = try MIKEYMessageBuilder.protect(m, keys: pskKeys(psk))
            let ks = try StructureVectors.offset(of: m.payloads.count - 1, in: m)
            b[ks + 4 + 3] ^= 0x10
            guard case .rand(let r)? = m.payloads.first(where: { $0.type == .rand }) else { throw GenerationError(description: "no RAND") }
            let auth = try ReferenceCrypto.prf(.sha1, inkey: psk, label: ReferenceCrypto.transportLabel(.auth, csb: m.header.csbID, rand: r.rand), length: 20)
            let mac = try MIKEYMAC.compute(algorithm: .hmacSHA1_160, key: auth, data: Array(b.dropLast(20)))
            b.replaceSubrange((b.count - 20)..<b.count, with: mac)
            return VectorCase.bytes(b, .invalid, errors: [R.kemacDecryptFailed]).keys(pskKeys(psk))
        }
        s.add("kemac::encrypted-without-timestamp", "AES-CM-128 KEMAC in a PSK I_MESSAGE without T: no IV, the KEMAC cannot be opened (and T is mandatory).",
              refs: ["RFC 3830 §4.2.3", "RFC 3830 §3.1"], flags: ["crypto", "model-mutation"]) { g in
            let psk = g.key()
            let m = try g.pskInit()
            var b = try MIKEYMessageBuilder.protect(m, keys: pskKeys(psk))
            let tLen = 10
            b.removeSubrange(try StructureVectors.offset(of: 0, in: m)..<(try StructureVectors.offset(of: 0, in: m) + tLen))
            b[2] = PayloadType.rand.rawValue
            return VectorCase.bytes(b, .invalid, errors: [R.missingPayload, R.macMismatch]).keys(pskKeys(psk))
        }
        s.add("prf::unassigned-with-keys", "PRF func 5 with a PSK given: no key can be derived, the MAC is not checked.", refs: ["RFC 3830 §6.1"], flags: ["crypto", "unknown-code-point"]) { g in
            .invalid(try g.pskInit().with { $0.header.prfFunction = PRFFunction(rawValue: 5) }, [R.prfUnassigned]).keys(pskKeys(g.key()))
        }
    }

    // MARK: other RFC 3830 / 4650 / 4738 messages

    static func otherMessages(_ s: VectorSet) {
        s.add("psk-verify::identities-from-payload-and-key", "PSK verification message: V covers the message ‖ IDi ‖ IDr ‖ T value; IDr comes from the ID payload, IDi and RAND from `keys`.",
              refs: ["RFC 3830 §5.2", "RFC 3830 §3.1"], flags: ["crypto", "ambiguity-02-verification-mac-coverage"]) { g in
            let psk = g.key(), rand = g.bytes(16), idi = Array(Fixtures.alice.utf8)
            let m = g.pskVerify()
            let k = MIKEYKeys(("psk", psk), ("rand", rand), ("idi", idi))
            return .valid(m, infos: [R.macVerified]).protected(with: k).keys(k)
                .checked { try ReferenceCrypto.checkVerify($0, model: m, psk: psk, rand: rand, idi: idi, idr: Array(Fixtures.bob.utf8)) }
        }
        s.add("psk-verify::identities-from-keys", "PSK verification message without ID payload: both identities come from `keys`.",
              refs: ["RFC 3830 §5.2"], flags: ["crypto", "ambiguity-02-verification-mac-coverage"]) { g in
            let psk = g.key(), rand = g.bytes(16), idi = Array(Fixtures.alice.utf8), idr = Array(Fixtures.bob.utf8)
            let m = g.pskVerify(prf: .hmacSHA256, mac: .hmacSHA256_256).with { $0.payloads.removeFirst(.id) }
            let k = MIKEYKeys(("psk", psk), ("rand", rand), ("idi", idi), ("idr", idr))
            return .valid(m, infos: [R.macVerified]).protected(with: k).keys(k)
                .checked { try ReferenceCrypto.checkVerify($0, model: m, psk: psk, rand: rand, idi: idi, idr: idr) }
        }
        s.add("psk-verify::wrong-identity", "PSK verification message checked with another Identity_i than the one it was computed over.",
              refs: ["RFC 3830 §5.2"], flags: ["crypto", "ambiguity-02-verification-mac-coverage"]) { g in
            let psk = g.key(), rand = g.bytes(16)
            let build = MIKEYKeys(("psk", psk), ("rand", rand), ("idi", Array(Fixtures.alice.utf8)))
            return .invalid(g.pskVerify(), [R.macMismatch]).protected(with: build).keys(build.adding("idi", Array(Fixtures.carol.utf8)))
        }
        s.add("psk-verify::missing-identity", "PSK verification message with keys but no Identity_i: the MAC cannot be checked (info).",
              refs: ["RFC 3830 §5.2"], flags: ["crypto"]) { g in
            let psk = g.key(), rand = g.bytes(16)
            let build = MIKEYKeys(("psk", psk), ("rand", rand), ("idi", Array(Fixtures.alice.utf8)))
            return .valid(g.pskVerify(), infos: [R.macNotChecked]).protected(with: build).keys(MIKEYKeys(("psk", psk), ("rand", rand)))
        }
        s.add("pk-init::kemac-mac", "PK I_MESSAGE: the KEMAC (IDi ‖ TGK under AES-CM-128) and its MAC cover only the KEMAC, with its Next Payload set to 0; keys from the envelope key.",
              refs: ["RFC 3830 §5.2", "RFC 3830 §3.2", "RFC 3830 §6.2"], flags: ["crypto"]) { g in
            let env = g.key()
            let plain = try MIKEYMessage(header: CommonHeader(dataType: .psk, csbID: 0, csIDMap: .empty(csCount: 0)), payloads: [g.id(Fixtures.alice), .keyData(g.tgk())]).encoded()
            let kemac = KEMACPayload(encryptionAlgorithm: .aesCM128, encryptedData: Array(plain.dropFirst(10)), macAlgorithm: .hmacSHA1_160, mac: g.bytes(20))
            let m = g.pkInit().with { $0.payloads.replaceFirst(.kemac, with: .kemac(kemac)) }
            return .valid(m, infos: [R.macVerified, R.kemacDecrypted]).protected(with: pskKeys(env)).keys(pskKeys(env))
        }
        s.add("pk-verify::v", "PK verification message keyed from the envelope key.", refs: ["RFC 3830 §5.2", "RFC 3830 §3.2"], flags: ["crypto", "ambiguity-02-verification-mac-coverage"]) { g in
            let k = MIKEYKeys(("psk", g.key()), ("rand", g.bytes(16)), ("idi", Array(Fixtures.alice.utf8)))
            return .valid(g.pkVerify(), infos: [R.macVerified]).protected(with: k).keys(k)
        }
        s.add("rsa-r-resp::kemac-mac", "RSA-R R_MESSAGE: KEMAC (IDr ‖ TGK) with a MAC over the KEMAC only.", refs: ["RFC 4738 §3.6", "RFC 3830 §5.2"], flags: ["crypto"]) { g in
            let env = g.key()
            let plain = try MIKEYMessage(header: CommonHeader(dataType: .psk, csbID: 0, csIDMap: .empty(csCount: 0)), payloads: [g.id(Fixtures.bob), .keyData(g.tgk())]).encoded()
            let kemac = KEMACPayload(encryptionAlgorithm: .aesCM128, encryptedData: Array(plain.dropFirst(10)), macAlgorithm: .hmacSHA1_160, mac: g.bytes(20))
            let m = g.rsaRResp().with { $0.payloads.replaceFirst(.kemac, with: .kemac(kemac)) }
            return .valid(m, infos: [R.macVerified, R.kemacDecrypted]).protected(with: pskKeys(env)).keys(pskKeys(env))
        }
        s.add("dhhmac-init::mac", "DHHMAC I_message: the KEMAC MAC (no key data) covers the whole message.", refs: ["RFC 4650 §3", "RFC 3830 §5.2"], flags: ["crypto"]) { g in
            let psk = g.key()
            return .valid(try g.dhhmacInit(), infos: [R.macVerified, R.kemacKeyDataEmpty]).protected(with: pskKeys(psk)).keys(pskKeys(psk))
        }
        s.add("dhhmac-resp::mac", "DHHMAC R_message keyed with the I_message's RAND (given in `keys`).", refs: ["RFC 4650 §3", "RFC 3830 §5.2"], flags: ["crypto"]) { g in
            let k = MIKEYKeys(("psk", g.key()), ("rand", g.bytes(16)))
            return .valid(try g.dhhmacResp(mac: .hmacSHA256_256).with { $0.header.prfFunction = .hmacSHA256 }, infos: [R.macVerified, R.kemacKeyDataEmpty]).protected(with: k).keys(k)
        }
        s.add("dhhmac-resp::mac-wrong-rand", "DHHMAC R_message checked with another RAND.", refs: ["RFC 4650 §3", "RFC 3830 §4.1.4"], flags: ["crypto"]) { g in
            let k = MIKEYKeys(("psk", g.key()), ("rand", g.bytes(16)))
            return .invalid(try g.dhhmacResp(), [R.macMismatch]).protected(with: k).keys(k.adding("rand", g.bytes(16)))
        }
        s.add("error::v", "Error message with a V payload: the MAC covers the Error message only.", refs: ["RFC 3830 §5.1.2", "RFC 6043 §5.4"], flags: ["crypto"]) { g in
            let k = MIKEYKeys(("psk", g.key()), ("rand", g.bytes(16)))
            return .valid(g.errorMessage(3).with { $0.payloads.append(g.v()) }, infos: [R.macVerified]).protected(with: k).keys(k)
        }
    }

    // MARK: MIKEY-TICKET (RFC 6043 §5.1.2, §5.5)

    static func ticketMessages(_ s: VectorSet) {
        let refs = ["RFC 6043 §5.1.2", "RFC 6043 §5.5"]
        s.add("request-init-psk::v", "REQUEST_INIT_PSK: V over the message ‖ IDRi ‖ IDRkms data, keys from the PSK and RANDRi.", refs: refs, flags: ["crypto"]) { g in
            let psk = g.key()
            let m = try g.requestInitPSK()
            return .valid(m, infos: [R.macVerified]).protected(with: pskKeys(psk)).keys(pskKeys(psk))
                .checked { try ReferenceCrypto.checkRequestInit($0, model: m, psk: psk, idi: Array(Fixtures.alice.utf8), idkms: Array(Fixtures.kms.utf8)) }
        }
        s.add("request-init-psk::v-identities-from-keys", "REQUEST_INIT_PSK without IDRi and IDRkms: the identities still follow the message in the MAC input (from `keys`).",
              refs: refs, flags: ["crypto", "ambiguity-07-optional-identities"]) { g in
            let psk = g.key(), idi = Array("alice@example.com".utf8), idkms = Array("kms.example.com".utf8)
            let m = try g.requestInitPSK().with { $0.payloads.removeAll(.idRole) }
            let k = MIKEYKeys(("psk", psk), ("idi", idi), ("idkms", idkms))
            return .valid(m, infos: [R.macVerified]).protected(with: k).keys(k)
                .checked { try ReferenceCrypto.checkRequestInit($0, model: m, psk: psk, idi: idi, idkms: idkms) }
        }
        s.add("request-init-psk::v-sha256", "REQUEST_INIT_PSK with PRF-HMAC-SHA-256 and an HMAC-SHA-256-256 V.", refs: refs + ["RFC 6043 §6.1", "RFC 6043 §6.2"], flags: ["crypto"]) { g in
            let psk = g.key(32)
            let m = try g.requestInitPSK().with {
                $0.header.prfFunction = .hmacSHA256
                $0.payloads[$0.payloads.count - 1] = g.v(.hmacSHA256_256)
            }
            return .valid(m, infos: [R.macVerified]).protected(with: pskKeys(psk)).keys(pskKeys(psk))
                .checked { try ReferenceCrypto.checkRequestInit($0, model: m, psk: psk, idi: Array(Fixtures.alice.utf8), idkms: Array(Fixtures.kms.utf8)) }
        }
        s.add("request-init-psk::tp-modified", "REQUEST_INIT_PSK whose TP flags were changed after the MAC was computed.", refs: refs, flags: ["crypto", "byte-corruption"]) { g in
            let psk = g.key()
            let m = try g.requestInitPSK()
            var b = try MIKEYMessageBuilder.protect(m, keys: pskKeys(psk))
            b[try StructureVectors.offset(of: m.index(of: .ticketPolicy)!, in: m) + 6] ^= 0x20   // J flag
            return VectorCase.bytes(b, .invalid, errors: [R.macMismatch]).keys(pskKeys(psk))
        }
        s.add("request-resp::v-and-kemac", "REQUEST_RESP: KEMAC (MPK, TGK under AES-CM-128, NULL MAC) and V over REQUEST_RESP ‖ REQUEST_INIT, keys from the PSK with RANDRi.",
              refs: refs + ["RFC 6043 §4.2.1.5"], flags: ["crypto", "ambiguity-06-kms-timestamp"]) { g in
            let psk = g.key()
            let initMsg = try MIKEYMessageBuilder.protect(try g.requestInitPSK(), keys: pskKeys(psk))
            let ri: [UInt8] = try MIKEYMessage(decoding: initMsg).first { if case .randRole(let r) = $0 { r.rand } else { nil } } ?? []
            let m = try g.requestResp().with { $0.payloads.replaceFirst(.kemac, with: .kemac(try g.kemac([g.keyData(.mpk), g.tgk()], encr: .aesCM128, mac: .null))) }
            let k = MIKEYKeys(("psk", psk), ("randri", ri), ("init", initMsg))
            return .valid(m, infos: [R.macVerified, R.kemacDecrypted]).protected(with: k).keys(k)
        }
        s.add("request-resp::wrong-initial-message", "REQUEST_RESP checked against another REQUEST_INIT.", refs: refs, flags: ["crypto"]) { g in
            let psk = g.key(), ri = g.bytes(16)
            let k = MIKEYKeys(("psk", psk), ("randri", ri), ("init", try g.requestInitPSK().encoded()))
            let m = try g.requestResp().with { $0.payloads.replaceFirst(.kemac, with: .kemac(try g.kemac([g.keyData(.mpk)], encr: .aesCM128, mac: .null))) }
            return .invalid(m, [R.macMismatch]).protected(with: k).keys(k.adding("init", try g.requestInitPSK().encoded()))
        }
        s.add("transfer-init::v-mpki", "TRANSFER_INIT: V over the message ‖ IDRi ‖ IDRr data with keys from MPKi.", refs: refs + ["RFC 6043 §4.2.2.1"], flags: ["crypto"]) { g in
            let mpki = g.key()
            return .valid(g.transferInit(), infos: [R.macVerified]).protected(with: pskKeys(mpki)).keys(pskKeys(mpki))
        }
        s.add("transfer-init::initiator-data-not-covered", "Forking TRANSFER_INIT whose Initiator Data (Vr) changed after the MAC: the MAC does not cover Initiator Data length and Initiator Data.",
              refs: ["RFC 6043 §5.5", "RFC 6043 §6.10"], flags: ["crypto", "byte-corruption"]) { g in
            let mpki = g.key()
            let m = g.transferInit(ticket: g.ticket(Fixtures.standardFlags.union([.e, .i]), initiatorData: g.forkingInitiatorData()))
            var b = try MIKEYMessageBuilder.protect(m, keys: pskKeys(mpki))
            let end = try StructureVectors.offset(of: m.index(of: .ticket)! + 1, in: m)
            b[end - 1] ^= 0xFF   // last byte of Vr's MAC
            return VectorCase.bytes(b, .valid, findings: [R.macVerified]).keys(pskKeys(mpki))
        }
        s.add("transfer-init::ticket-modified", "TRANSFER_INIT whose Ticket Data changed after the MAC was computed.", refs: ["RFC 6043 §5.5"], flags: ["crypto", "byte-corruption"]) { g in
            let mpki = g.key()
            let m = g.transferInit()
            var b = try MIKEYMessageBuilder.protect(m, keys: pskKeys(mpki))
            let end = try StructureVectors.offset(of: m.index(of: .ticket)! + 1, in: m)
            b[end - 3] ^= 0xFF   // last byte of the base ticket's V (before Initiator Data length)
            return VectorCase.bytes(b, .invalid, errors: [R.macMismatch]).keys(pskKeys(mpki))
        }
        s.add("transfer-init::kemac-mpki", "TRANSFER_INIT with an Initiator KEMAC (TEK under AES-CM-128) decrypted with MPKi.", refs: refs + ["RFC 6043 §4.2.2.1"], flags: ["crypto"]) { g in
            let mpki = g.key()
            let m = try g.transferInit(ticket: g.ticket(Fixtures.standardFlags.union(.l))).with {
                $0.payloads.insert(.kemac(try g.kemac([g.keyData(.tek)], encr: .aesCM128, mac: .null)), before: .verification)
            }
            return .valid(m, infos: [R.macVerified, R.kemacDecrypted]).protected(with: pskKeys(mpki)).keys(pskKeys(mpki))
        }
        s.add("transfer-resp::v", "TRANSFER_RESP: V over TRANSFER_RESP ‖ TRANSFER_INIT, keys from MPKi with RANDRi (from the initial message) and RANDRr.",
              refs: refs + ["RFC 6043 §4.2.2.3"], flags: ["crypto"]) { g in
            let mpki = g.key()
            let ti = g.transferInit()
            let initMsg = try MIKEYMessageBuilder.protect(ti, keys: pskKeys(mpki))
            let ri: [UInt8] = ti.first { if case .randRole(let r) = $0 { r.rand } else { nil } } ?? []
            let k = MIKEYKeys(("psk", mpki), ("randri", ri), ("init", initMsg))
            return .valid(g.transferResp(), infos: [R.macVerified]).protected(with: k).keys(k)
        }
        s.add("resolve-init-psk::v", "RESOLVE_INIT_PSK: V over the message ‖ IDRr ‖ IDRkms data, keys from the PSK and RANDRr.", refs: refs + ["RFC 6043 §4.2.3.2"], flags: ["crypto"]) { g in
            let psk = g.key()
            return .valid(g.resolveInitPSK(), infos: [R.macVerified]).protected(with: pskKeys(psk)).keys(pskKeys(psk))
        }
        s.add("resolve-resp::v-and-kemac", "RESOLVE_RESP: KEMAC (MPKi, TGK) decrypted and V verified, keyed with RANDRr from the RESOLVE_INIT.",
              refs: refs + ["RFC 6043 §4.2.3.5"], flags: ["crypto", "ambiguity-06-kms-timestamp"]) { g in
            let psk = g.key()
            let ri = g.resolveInitPSK()
            let initMsg = try MIKEYMessageBuilder.protect(ri, keys: pskKeys(psk))
            let rr: [UInt8] = ri.first { if case .randRole(let r) = $0 { r.rand } else { nil } } ?? []
            let m = try g.resolveResp().with { $0.payloads.replaceFirst(.kemac, with: .kemac(try g.kemac([g.keyData(.mpk), g.tgk()], encr: .aesCM128, mac: .null))) }
            let k = MIKEYKeys(("psk", psk), ("randrr", rr), ("init", initMsg))
            return .valid(m, infos: [R.macVerified, R.kemacDecrypted]).protected(with: k).keys(k)
        }
        s.add("resolve-resp::missing-initial-message", "RESOLVE_RESP with the PSK but without the RESOLVE_INIT: the MAC cannot be checked (info); the KEMAC still opens.",
              refs: refs, flags: ["crypto", "ambiguity-06-kms-timestamp"]) { g in
            let psk = g.key(), rr = g.bytes(16)
            let build = MIKEYKeys(("psk", psk), ("randrr", rr), ("init", try g.resolveInitPSK().encoded()))
            let m = try g.resolveResp().with { $0.payloads.replaceFirst(.kemac, with: .kemac(try g.kemac([g.keyData(.mpk)], encr: .aesCM128, mac: .null))) }
            return .valid(m, infos: [R.macNotChecked, R.kemacDecrypted]).protected(with: build).keys(MIKEYKeys(("psk", psk), ("randrr", rr)))
        }
    }
}
