import MediasecCore
import MIKEY

/// `Vectors/mikey/rfc3830.json`: base MIKEY (RFC 3830) and the RFCs that
/// extend it in place — RFC 4563 (Key ID, Empty map), RFC 4650 (DHHMAC),
/// RFC 4738 (RSA-R), RFC 6509 (SAKKE), RFC 6267 (IBAKE data types), and the
/// registries of RFC 6309. Valid messages of every data type, each rule of
/// the rfc3830 profile firing and holding.
enum RFC3830Vectors {
    typealias R = MIKEYRules

    static func build(_ s: VectorSet) {
        cleanMessages(s)
        variants(s)
        registries(s)
        payloadRules(s)
        composition(s)
    }

    // MARK: one clean message per data type

    static func cleanMessages(_ s: VectorSet) {
        for dt in Fixtures.cleanDataTypes where !(11...18).contains(dt) {
            s.add("\(DataTypeInfo.slug(dt))::clean", "A \(DataTypeInfo.name(dt)) message composed as its exchange definition describes.",
                  refs: [DataTypeInfo.ref(dt), "RFC 3830 §6"], flags: ["clean-baseline"]) { g in
                if dt == 0 {
                    return .valid(try g.pskInit()).protected(with: MIKEYKeys(("psk", g.key())))
                }
                return .valid(try g.clean(dt))
            }
        }
        for dt: UInt8 in 19...25 {
            s.add("\(DataTypeInfo.slug(dt))::no-ibake-payloads",
                  "IBAKE data type \(dt) (\(DataTypeInfo.name(dt))) carrying only T, RAND and IDR payloads: decodable; the IBAKE contents are not validated.",
                  refs: ["RFC 6267 §4", "RFC 3830 §6.1"], flags: ["ibake-not-validated"]) { g in
                .valid(MIKEYMessage(header: g.header(DataType(rawValue: dt), map: g.srtpMap()),
                                    payloads: [g.t(), g.rand(), g.idr(.initiator, Fixtures.alice), g.idr(.responder, Fixtures.bob)]),
                       infos: [R.dataTypeNotValidated])
            }
        }
        for dt: UInt8 in [241, 255] {
            s.add("data-type::private-use-\(dt)", "Private-use data type \(dt): decoded, contents not validated (info).",
                  refs: ["RFC 6309 §2", "RFC 3830 §6.1"], flags: ["private-use"]) { g in
                .valid(MIKEYMessage(header: g.header(DataType(rawValue: dt), map: g.srtpMap()), payloads: [g.t(), g.rand()]),
                       infos: [R.dataTypeNotValidated])
            }
        }
    }

    // MARK: valid variants

    static func variants(_ s: VectorSet) {
        let psk = "RFC 3830 §3.1"
        s.add("psk-init::minimal", "PSK I_MESSAGE with only the mandatory payloads: HDR, T, RAND, KEMAC.", refs: [psk, "RFC 3830 §6.2"]) { g in
            .valid(try g.pskInit(ids: false, sp: false)).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::v-flag-0", "PSK I_MESSAGE with V = 0 (no verification message requested).", refs: [psk, "RFC 3830 §6.1"]) { g in
            .valid(try g.pskInit(v: false)).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::prf-hmac-sha-256", "PSK I_MESSAGE with PRF-HMAC-SHA-256, AES-CM-256 and HMAC-SHA-256-256 (RFC 6043 additions usable in any mode).",
              refs: [psk, "RFC 6043 §6.1", "RFC 6043 §6.2"]) { g in
            .valid(try g.pskInit(encr: .aesCM256, mac: .hmacSHA256_256, prf: .hmacSHA256)).protected(with: MIKEYKeys(("psk", g.key(32))))
        }
        s.add("psk-init::aes-kw-128", "PSK I_MESSAGE whose KEMAC uses AES-KW-128.", refs: [psk, "RFC 3830 §4.2.3"], flags: ["kw-iv-salt-key"]) { g in
            .valid(try g.pskInit(encr: .aesKW128)).protected(with: MIKEYKeys(("psk", g.key())))
        }
        for n in [0, 3, 16] {
            s.add("psk-init::srtp-map-\(n)cs", "SRTP-ID map with #CS = \(n): the map info is #CS × 9 = \(9 * n) bytes.",
                  refs: ["RFC 3830 §6.1", "RFC 3830 §6.1.1"], flags: n > 1 ? ["ambiguity-01-srtp-map-info-length"] : []) { g in
                .valid(try g.pskInit(map: g.srtpMap(n))).protected(with: MIKEYKeys(("psk", g.key())))
            }
        }
        s.add("psk-init::empty-map", "RFC 4563 Empty map (#CS 0, no map info) in a PSK I_MESSAGE.",
              refs: ["RFC 4563 §5", "RFC 3830 §6.1"], flags: ["ambiguity-05-empty-map-info"]) { g in
            .valid(try g.pskInit(map: .empty(csCount: 0))).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::empty-map-2cs", "Empty map with #CS = 2: the map carries no info, #CS is kept as sent.",
              refs: ["RFC 4563 §5"], flags: ["ambiguity-05-empty-map-info"]) { g in
            .valid(try g.pskInit(map: .empty(csCount: 2))).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::generic-id-map", "GENERIC-ID map (RFC 6043 §6.1.1) in an RFC 3830 PSK message: one SRTP CS with policy 0, no Session Data.",
              refs: ["RFC 6043 §6.1.1", psk], flags: ["peer-gstreamer-generic-id", "peer-wireshark-generic-id"]) { g in
            .valid(try g.pskInit(map: .generic([g.genericSRTP()]))).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::generic-id-session-data", "GENERIC-ID SRTP entries with Session Data: SSRC (S = 0, 4 bytes) and SSRC+ROC+SEQ (S = 1, 10 bytes).",
              refs: ["RFC 6043 §6.1.1"], flags: ["peer-gstreamer-generic-id", "peer-wireshark-generic-id"]) { g in
            let a = GenericIDMapEntry(csID: 1, protType: .srtp, policies: [0], sessionData: g.ssrc(), spi: g.bytes(4))
            let b = GenericIDMapEntry(csID: 2, protType: .srtp, sFlag: true, policies: [0], sessionData: g.ssrc() + [0, 0, 0, 1, 0x12, 0x34], spi: [])
            return .valid(try g.pskInit(map: .generic([a, b]))).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::two-policies", "Two SP payloads (Policy no 0 and 1) referenced by two SRTP-ID map entries.", refs: ["RFC 3830 §6.10", "RFC 3830 §6.1.1"]) { g in
            var m = try g.pskInit(map: .srtp([SRTPMapEntry(policyNumber: 0, ssrc: 1, roc: 0), SRTPMapEntry(policyNumber: 1, ssrc: 2, roc: 7)]))
            m.payloads.insert(g.sp(1), before: .kemac)
            return .valid(m).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::sp-empty-params", "An SP payload with no parameters (all SRTP defaults apply).", refs: ["RFC 3830 §6.10"]) { g in
            let m = try g.pskInit().with { $0.payloads.replaceFirst(.securityPolicy, with: .securityPolicy(SecurityPolicyPayload(policyNumber: 0, protType: .srtp, parameters: []))) }
            return .valid(m).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::timestamp-ntp", "T of type NTP (1, 8 bytes).", refs: ["RFC 3830 §6.6"]) { g in
            let m = try g.pskInit().with { $0.payloads[0] = .timestamp(TimestampPayload(tsType: .ntp, value: g.bytes(8))) }
            return .valid(m).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::timestamp-counter", "T of type COUNTER (2, 4 bytes).", refs: ["RFC 3830 §6.6"], flags: ["ambiguity-03-counter-padding"]) { g in
            let m = try g.pskInit().with { $0.payloads[0] = .timestamp(TimestampPayload(tsType: .counter, value: [0, 0, 0, 42])) }
            return .valid(m).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::timestamp-ntp-utc-32", "T of type NTP-UTC-32 (3, 4 bytes; RFC 6043 §6.3).", refs: ["RFC 6043 §6.3"], flags: ["ambiguity-03-counter-padding"]) { g in
            let m = try g.pskInit().with { $0.payloads[0] = .timestamp(TimestampPayload(tsType: .ntpUTC32, value: g.ntpUTC32Value())) }
            return .valid(m).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::key-id-extension", "RFC 4563 Key ID General Extension (type 3) with an MBMS Service Key ID entry, before the KEMAC.",
              refs: ["RFC 4563 §4", "RFC 3830 §6.15"], flags: ["peer-gstreamer-loop"]) { g in
            let data: [UInt8] = [1, 4] + g.bytes(4)   // Key ID Type 1 (MBMS Service Key ID), length 4
            let m = try g.pskInit().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: .keyID, data: data)), before: .kemac) }
            return .valid(m).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::vendor-extension", "Vendor ID General Extension (type 0) with opaque data, first payload after the HDR.",
              refs: ["RFC 3830 §6.15"], flags: ["peer-gstreamer-loop"]) { g in
            let m = try g.pskInit().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: .vendorID, data: g.bytes(12))), at: 0) }
            return .valid(m).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::empty-general-extension", "A General Extension (SDP IDs, type 1) with Length 0.", refs: ["RFC 3830 §6.15"], flags: ["boundary-length", "peer-gstreamer-loop"]) { g in
            let m = try g.pskInit().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: .sdpIDs, data: [])), before: .kemac) }
            return .valid(m).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::rand-255", "RAND of 255 bytes, the largest its 8-bit length allows.", refs: ["RFC 3830 §6.11"], flags: ["boundary-length"]) { g in
            let m = try g.pskInit().with { $0.payloads[1] = g.rand(255) }
            return .valid(m).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::id-types", "IDi as NAI (type 0) and IDr as a byte string (type 2, RFC 6043 §6.5).", refs: ["RFC 3830 §6.7", "RFC 6043 §6.5"], flags: ["peer-gstreamer-loop"]) { g in
            let m = try g.pskInit().with {
                $0.payloads[2] = .id(IDPayload(idType: .nai, data: Array("alice@example.com".utf8)))
                $0.payloads[3] = .id(IDPayload(idType: .byteString, data: g.bytes(12)))
            }
            return .valid(m).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-init::keydata-empty-update", "NULL KEMAC with no Key data sub-payloads (allowed for update messages): info only.",
              refs: ["RFC 3830 §6.2", "RFC 3830 §4.5"]) { g in
            let m = try g.pskInit().with { $0.payloads.replaceFirst(.kemac, with: .kemac(try g.kemac([], encr: .null))) }
            return .valid(m, infos: [R.kemacKeyDataEmpty]).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("psk-verify::without-id", "PSK verification message without the optional IDr: HDR, T, V.", refs: [psk]) { g in
            .valid(g.pskVerify().with { $0.payloads.removeFirst(.id) })
        }
        s.add("psk-verify::hmac-sha-256", "PSK verification message with PRF-HMAC-SHA-256 and a 32-byte HMAC-SHA-256-256 V.", refs: [psk, "RFC 6043 §6.2"]) { g in
            .valid(g.pskVerify(prf: .hmacSHA256, mac: .hmacSHA256_256))
        }
        s.add("pk-init::cert-chain", "PK I_MESSAGE with a two-certificate chain (CERTi first).", refs: ["RFC 3830 §3.2", "RFC 3830 §6.7"]) { g in
            .valid(g.pkInit().with { $0.payloads.insert(g.cert(280), before: .id) })
        }
        s.add("pk-init::id-instead-of-cert", "PK I_MESSAGE with IDi instead of CERTi and without CHASH.", refs: ["RFC 3830 §3.2"]) { g in
            .valid(g.pkInit().with {
                $0.payloads.replaceFirst(.cert, with: g.id(Fixtures.alice))
                $0.payloads.removeFirst(.chash)
            })
        }
        for (c, what) in [(1, "Cache"), (2, "Cache for CSB")] {
            s.add("pk-init::pke-cache-\(c)", "PKE with C = \(c) (\(what)).", refs: ["RFC 3830 §6.3"]) { g in
                .valid(g.pkInit().with { $0.payloads.replaceFirst(.pke, with: .pke(EnvelopePayload(cache: EnvelopeCacheType(rawValue: UInt8(c)), data: g.bytes(256)))) })
            }
        }
        s.add("pk-init::chash-sha1-rsa-pss", "CHASH with SHA-1 (20 bytes) and an RSA/PSS signature.", refs: ["RFC 3830 §6.8", "RFC 3830 §6.5"]) { g in
            .valid(g.pkInit().with {
                $0.payloads.replaceFirst(.chash, with: .certHash(CertHashPayload(hashFunction: .sha1, hash: g.bytes(20))))
                $0.payloads.replaceFirst(.sign, with: g.sign(.rsaPSS, 256))
            })
        }
        s.add("pk-init::sign-4095", "SIGN of 4095 bytes, the largest its 12-bit length allows.", refs: ["RFC 3830 §6.5"], flags: ["boundary-length"]) { g in
            .valid(g.pkInit().with { $0.payloads.replaceFirst(.sign, with: g.sign(.rsaPKCS1, 4095)) })
        }
        s.add("pk-init::pke-16383", "PKE of 16383 bytes, the largest its 14-bit length allows.", refs: ["RFC 3830 §6.3"], flags: ["boundary-length"]) { g in
            .valid(g.pkInit().with { $0.payloads.replaceFirst(.pke, with: .pke(EnvelopePayload(cache: EnvelopeCacheType(rawValue: 0), data: g.bytes(16383)))) })
        }
        for (group, size) in [(DHGroup.oakley5, 192), (.oakley1, 96)] {
            s.add("dh-init::group-\(group.rawValue)", "DH I_MESSAGE with DH-Group \(group) (\(size)-byte DH-value).", refs: ["RFC 3830 §6.4", "RFC 3830 §3.3"]) { g in
                .valid(g.dhInit(group: group))
            }
        }
        s.add("dh-init::kv-spi", "DH payload with KV = SPI.", refs: ["RFC 3830 §6.4", "RFC 3830 §6.14"]) { g in
            .valid(g.dhInit().with { $0.payloads.replaceFirst(.dh, with: g.dh(validity: .spi(g.bytes(4)))) })
        }
        s.add("dh-init::kv-interval", "DH payload with KV = Interval (NTP-UTC from/to).", refs: ["RFC 3830 §6.4", "RFC 3830 §6.14"]) { g in
            .valid(g.dhInit().with { $0.payloads.replaceFirst(.dh, with: g.dh(validity: .interval(validFrom: g.ntpUTC().value, validTo: g.ntpUTC().value))) })
        }
        s.add("dh-init::v-flag-ignored", "DH I_MESSAGE with V = 1: the flag is ignored in the DH method (info).", refs: ["RFC 3830 §6.1"]) { g in
            .valid(g.dhInit().with { $0.header.verifyFlag = true }, infos: [R.vFlagIgnoredDH])
        }
        s.add("dh-resp::cert", "DH R_MESSAGE with CERTr instead of IDr.", refs: ["RFC 3830 §3.3"]) { g in
            .valid(g.dhResp().with { $0.payloads[1] = g.cert() })
        }
        for no in 0...15 {
            s.add("error::err-no-\(no)", "Error message carrying Error no \(no) (\(ErrorNumber(rawValue: UInt8(no)).name ?? "")).",
                  refs: ["RFC 3830 §5.1.2", "RFC 3830 §6.12"] + (no >= 14 ? ["RFC 6043 §6.9"] : []), flags: ["peer-gstreamer-loop"]) { g in
                .valid(g.errorMessage(UInt8(no)))
            }
        }
        s.add("error::several-err-with-v", "Error message with two ERR payloads, the supported SP and a V payload.", refs: ["RFC 3830 §5.1.2"]) { g in
            .valid(g.errorMessage().with {
                $0.payloads.insert(.error(ErrorPayload(errorNumber: ErrorNumber(rawValue: 10))), at: 2)
                $0.payloads.append(g.v())
            })
        }
        s.add("error::with-sign", "Error message authenticated with SIGN.", refs: ["RFC 3830 §5.1.2"]) { g in
            .valid(g.errorMessage().with { $0.payloads.append(g.sign()) })
        }
        s.add("dhhmac-init::hmac-sha-256", "DHHMAC I_message with HMAC-SHA-256-256.", refs: ["RFC 4650 §3", "RFC 6043 §6.2"]) { g in
            .valid(try g.dhhmacInit(mac: .hmacSHA256_256).with { $0.header.prfFunction = .hmacSHA256 }, infos: [R.kemacKeyDataEmpty])
        }
        s.add("rsa-r-init::no-rand", "RSA-R I_MESSAGE without the optional RAND.", refs: ["RFC 4738 §3.1"]) { g in
            .valid(g.rsaRInit().with { $0.payloads.removeFirst(.rand) })
        }
        s.add("rsa-r-resp::without-csb-extension", "RSA-R R_MESSAGE without the optional CSB_ID General Extension.", refs: ["RFC 4738 §3.1"]) { g in
            .valid(g.rsaRResp().with { $0.payloads.removeFirst(.generalExtension) })
        }
        s.add("sakke::minimal", "SAKKE I_MESSAGE with only HDR, T, RAND, SAKKE, SIGN.", refs: ["RFC 6509 §2.1", "RFC 6509 §4.2"], flags: ["peer-gstreamer-loop"]) { g in
            .valid(g.sakke().with { $0.payloads.removeAll(.idRole) })
        }
        s.add("sakke::cert-and-sp", "SAKKE I_MESSAGE with a CERT and an SP payload.", refs: ["RFC 6509 §2.1"], flags: ["peer-gstreamer-loop"]) { g in
            .valid(g.sakke().with {
                $0.payloads.insert(g.cert(), before: .sakke)
                $0.payloads.insert(g.sp(0), before: .sakke)
            })
        }
        s.add("sakke::two-certs", "SAKKE I_MESSAGE with two CERT payloads: Figure 1 allows one ([CERT]).", refs: ["RFC 6509 §2.1"], flags: ["model-mutation", "peer-gstreamer-loop"]) { g in
            .invalid(g.sakke().with {
                $0.payloads.insert(g.cert(), before: .sakke)
                $0.payloads.insert(g.cert(), before: .sakke)
            }, [R.tooManyPayloads])
        }
        s.add("sakke::id-scheme-2", "SAKKE payload with ID scheme 2 (3GPP MCX hashed UID).", refs: ["RFC 6509 §4.2"], flags: ["peer-gstreamer-loop"]) { g in
            .valid(g.sakke().with { m in
                if let i = m.index(of: .sakke), case .sakke(var p) = m.payloads[i] { p.idScheme = SAKKEIDScheme(rawValue: 2); m.payloads[i] = .sakke(p) }
            })
        }
    }

    // MARK: registries (RFC 6309 §2)

    static func registries(_ s: VectorSet) {
        s.add("registry::data-type-unassigned-27", "Data type 27 is not assigned.", refs: ["RFC 3830 §6.1", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .invalid(MIKEYMessage(header: g.header(DataType(rawValue: 27), map: g.srtpMap()), payloads: [g.t(), g.rand()]), [R.dataTypeUnassigned])
        }
        s.add("registry::data-type-unassigned-240", "Data type 240 (just below the private-use range) is not assigned.", refs: ["RFC 3830 §6.1", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .invalid(MIKEYMessage(header: g.header(DataType(rawValue: 240), map: g.srtpMap()), payloads: [g.t()]), [R.dataTypeUnassigned])
        }
        for prf: UInt8 in [2, 111] {
            s.add("registry::prf-unassigned-\(prf)", "PRF func \(prf) is not assigned: no key can be derived.", refs: ["RFC 3830 §6.1", "RFC 6043 §6.1"], flags: ["unknown-code-point"]) { g in
                .invalid(try g.pskInit().with { $0.header.prfFunction = PRFFunction(rawValue: prf) }, [R.prfUnassigned])
            }
        }
        s.add("registry::prf-private-use", "PRF func 120 is private use (info).", refs: ["RFC 3830 §6.1", "RFC 6309 §2"], flags: ["private-use"]) { g in
            .valid(g.pskVerify().with { $0.header.prfFunction = PRFFunction(rawValue: 120) }, infos: [R.registryPrivateUse])
        }
        s.add("registry::id-type-unassigned", "ID type 9 is not assigned.", refs: ["RFC 3830 §6.7", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .acceptable(g.pskVerify().with { $0.payloads[1] = .id(IDPayload(idType: IDType(rawValue: 9), data: g.bytes(6))) }, [R.registryUnassigned])
        }
        s.add("registry::id-type-private-use", "ID type 250 is private use (info).", refs: ["RFC 3830 §6.7", "RFC 6309 §2"], flags: ["private-use"]) { g in
            .valid(g.pskVerify().with { $0.payloads[1] = .id(IDPayload(idType: IDType(rawValue: 250), data: g.bytes(6))) }, infos: [R.registryPrivateUse])
        }
        s.add("registry::cert-type-unassigned", "Cert type 9 is not assigned.", refs: ["RFC 3830 §6.7", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .acceptable(g.pkInit().with { $0.payloads.replaceFirst(.cert, with: .cert(CertPayload(certType: CertType(rawValue: 9), data: g.der(200)))) }, [R.registryUnassigned])
        }
        s.add("registry::cert-type-url", "Cert type 1 (X.509v3 URL).", refs: ["RFC 3830 §6.7"]) { g in
            .valid(g.pkInit().with { $0.payloads.replaceFirst(.cert, with: .cert(CertPayload(certType: CertType(rawValue: 1), data: Array("https://ca.example.com/alice.crt".utf8)))) })
        }
        s.add("registry::err-no-unassigned", "Error no 100 is not assigned.", refs: ["RFC 3830 §6.12", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .acceptable(g.errorMessage(100), [R.registryUnassigned])
        }
        s.add("registry::err-no-private-use", "Error no 241 is private use (info).", refs: ["RFC 3830 §6.12", "RFC 6309 §2"], flags: ["private-use"]) { g in
            .valid(g.errorMessage(241), infos: [R.registryPrivateUse])
        }
        s.add("registry::pke-c-unassigned", "PKE C = 3 is not assigned.", refs: ["RFC 3830 §6.3", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .acceptable(g.pkInit().with { $0.payloads.replaceFirst(.pke, with: .pke(EnvelopePayload(cache: EnvelopeCacheType(rawValue: 3), data: g.bytes(128)))) }, [R.registryUnassigned])
        }
        s.add("registry::s-type-unassigned", "S type 5 is not assigned.", refs: ["RFC 3830 §6.5", "RFC 6509 §4.3", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .acceptable(g.dhInit().with { $0.payloads.replaceFirst(.sign, with: g.sign(SignatureType(rawValue: 5), 64)) }, [R.registryUnassigned])
        }
        s.add("registry::sakke-params-unassigned", "SAKKE params 9 is not assigned.", refs: ["RFC 6509 §4.2", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .acceptable(g.sakke().with { m in
                if let i = m.index(of: .sakke), case .sakke(var p) = m.payloads[i] { p.params = SAKKEParams(rawValue: 9); m.payloads[i] = .sakke(p) }
            }, [R.registryUnassigned])
        }
        s.add("registry::sakke-id-scheme-private-use", "SAKKE ID scheme 245 is private use (info).", refs: ["RFC 6509 §4.2", "RFC 6309 §2"], flags: ["private-use"]) { g in
            .valid(g.sakke().with { m in
                if let i = m.index(of: .sakke), case .sakke(var p) = m.payloads[i] { p.idScheme = SAKKEIDScheme(rawValue: 245); m.payloads[i] = .sakke(p) }
            }, infos: [R.registryPrivateUse])
        }
        s.add("registry::idr-role-unassigned", "IDR with ID Role 20 (not assigned) in a SAKKE message.", refs: ["RFC 6043 §6.6", "RFC 6509 §4.4", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .acceptable(g.sakke().with { $0.payloads[2] = g.idr(IDRole(rawValue: 20), "tel:+447700900123") }, [R.registryUnassigned])
        }
        s.add("registry::general-extension-unassigned", "General Extension type 100 is not assigned.", refs: ["RFC 3830 §6.15", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .acceptable(g.pkInit().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: GeneralExtensionType(rawValue: 100), data: g.bytes(5))), before: .sign) }, [R.registryUnassigned])
        }
        s.add("registry::general-extension-private-use", "General Extension type 250 is private use (info).", refs: ["RFC 3830 §6.15", "RFC 6309 §2"], flags: ["private-use"]) { g in
            .valid(g.pkInit().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: GeneralExtensionType(rawValue: 250), data: g.bytes(5))), before: .sign) }, infos: [R.registryPrivateUse])
        }
        s.add("registry::prot-type-unassigned-sp", "SP with Prot type 7: neither registered nor a TR code point.", refs: ["RFC 3830 §6.10"], flags: ["unknown-code-point"]) { g in
            .acceptable(g.dhInit().with { $0.payloads.replaceFirst(.securityPolicy, with: .securityPolicy(SecurityPolicyPayload(policyNumber: 0, protType: ProtType(rawValue: 7), parameters: [PolicyParameter(type: 0, value: [1])]))) },
                        [R.protTypeUnassigned])
        }
        s.add("registry::prot-type-unassigned-generic", "GENERIC-ID entry with Prot type 9 (unknown; no policies).", refs: ["RFC 6043 §6.1.1", "RFC 3830 §6.10"], flags: ["unknown-code-point"]) { g in
            .acceptable(try g.pskInit(map: .generic([GenericIDMapEntry(csID: 1, protType: ProtType(rawValue: 9))])), [R.protTypeUnassigned])
                .protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("registry::prot-type-tesla", "SP with Prot type TESLA (1) and a GENERIC-ID TESLA CS.", refs: ["RFC 3830 §6.10", "RFC 4442 §4.1"]) { g in
            let sp = SecurityPolicyPayload(policyNumber: 0, protType: .tesla, parameters: [PolicyParameter(type: 0, value: [0])])
            return .valid(try g.pskInit(map: .generic([GenericIDMapEntry(csID: 1, protType: .tesla, policies: [0])])).with { $0.payloads.replaceFirst(.securityPolicy, with: .securityPolicy(sp)) })
                .protected(with: MIKEYKeys(("psk", g.key())))
        }
    }

    // MARK: payload-level rules

    static func payloadRules(_ s: VectorSet) {
        let pskKeys: (Fixtures) -> MIKEYKeys = { g in MIKEYKeys(("psk", g.key())) }
        // RAND (RFC 3830 §6.11)
        for n in [1, 8, 15] {
            s.add("rand::short-\(n)", "RAND of \(n) byte(s): it SHOULD be at least 128 bits.", refs: ["RFC 3830 §6.11"]) { g in
                .acceptable(try g.pskInit().with { $0.payloads[1] = g.rand(n) }, [R.randShort]).protected(with: pskKeys(g))
            }
        }
        s.add("rand::exactly-16", "RAND of exactly 16 bytes (the recommended minimum).", refs: ["RFC 3830 §6.11"], flags: ["boundary-length"]) { g in
            .valid(try g.pskInit()).protected(with: pskKeys(g))
        }
        s.add("rand::empty", "RAND of length 0: no freshness for the key derivation.", refs: ["RFC 3830 §6.11", "RFC 3830 §4.1.3"], flags: ["bug-shape-rand-empty", "boundary-length"]) { g in
            .invalid(try g.pskInit().with { $0.payloads[1] = g.rand(0) }, [R.randEmpty])
        }
        s.add("rand::empty-dh", "DH I_MESSAGE with an empty RAND.", refs: ["RFC 3830 §6.11"], flags: ["bug-shape-rand-empty"]) { g in
            .invalid(g.dhInit().with { $0.payloads[1] = g.rand(0) }, [R.randEmpty])
        }
        // ERR (RFC 3830 §6.12)
        s.add("err::reserved-nonzero", "ERR reserved field is 0x0001.", refs: ["RFC 3830 §6.12"]) { g in
            .acceptable(g.errorMessage().with { $0.payloads[1] = .error(ErrorPayload(errorNumber: ErrorNumber(rawValue: 9), reserved: 1)) }, [R.errReserved])
        }
        // DH (RFC 3830 §6.4)
        s.add("dh::reserved-nonzero", "DH payload reserved bits are 0101.", refs: ["RFC 3830 §6.4"]) { g in
            .acceptable(g.dhInit().with { m in
                if let i = m.index(of: .dh), case .dh(var d) = m.payloads[i] { d.reserved = 5; m.payloads[i] = .dh(d) }
            }, [R.dhReserved])
        }
        // KEMAC (RFC 3830 §6.2, §4.2.3, §4.2.4)
        s.add("kemac::null-encryption", "PSK I_MESSAGE whose KEMAC carries the TGK in clear (NULL encryption).", refs: ["RFC 3830 §4.2.3", "RFC 3830 §6.2"]) { g in
            .acceptable(try g.pskInit(encr: .null), [R.kemacNullEncryption]).protected(with: pskKeys(g))
        }
        s.add("kemac::null-mac", "PSK I_MESSAGE whose KEMAC uses the NULL MAC although the message relies on it.", refs: ["RFC 3830 §4.2.4", "RFC 3830 §5.2"]) { g in
            .acceptable(try g.pskInit(mac: .null), [R.kemacNullMAC]).protected(with: pskKeys(g))
        }
        s.add("kemac::null-null", "NULL encryption and NULL MAC together.", refs: ["RFC 3830 §4.2.3", "RFC 3830 §4.2.4"]) { g in
            .acceptable(try g.pskInit(encr: .null, mac: .null), [R.kemacNullEncryption, R.kemacNullMAC])
        }
        s.add("kemac::null-mac-dhhmac", "DHHMAC I_message with the NULL MAC: DHHMAC relies on the KEMAC MAC.", refs: ["RFC 4650 §3", "RFC 3830 §4.2.4"]) { g in
            .acceptable(try g.dhhmacInit(mac: .null), [R.kemacNullMAC], infos: [R.kemacKeyDataEmpty])
        }
        for (a, label) in [(4, "4"), (200, "200")] {
            s.add("kemac::encr-alg-unknown-\(label)", "KEMAC Encr alg \(a) is not registered: the key data cannot be recovered.", refs: ["RFC 3830 §6.2"], flags: ["unknown-code-point"]) { g in
                .invalid(try g.pskInit().with { m in
                    m.payloads.replaceFirst(.kemac, with: .kemac(g.opaqueKEMAC(encr: EncryptionAlgorithm(rawValue: UInt8(a)))))
                }, [R.kemacEncrUnknown])
            }
        }
        s.add("kemac::keydata-type-unknown", "NULL KEMAC whose Key data has type 9 (unknown: salt presence unknowable).", refs: ["RFC 3830 §6.13", "RFC 3830 §6.2"]) { g in
            var plain = try KEMACPayload.clear(keyData: [g.tgk()], macAlgorithm: .hmacSHA1_160)
            plain.encryptedData[1] = 0x91   // Type 9, KV SPI
            plain.mac = g.bytes(20)
            return .invalid(try g.pskInit().with { $0.payloads.replaceFirst(.kemac, with: .kemac(plain)) }, [R.kemacKeyDataMalformed])
        }
        s.add("kemac::keydata-truncated", "NULL KEMAC whose Key data length (32) runs past the Encr data (16 key bytes present).",
              refs: ["RFC 3830 §6.13", "RFC 3830 §6.2"], flags: ["bug-shape-truncated-key-data"]) { g in
            var k = try KEMACPayload.clear(keyData: [g.keyData(.tgk, spi: false)], macAlgorithm: .hmacSHA1_160)
            k.encryptedData[3] = 32   // Key data len low byte: 16 → 32
            k.mac = g.bytes(20)
            return .invalid(try g.pskInit().with { $0.payloads.replaceFirst(.kemac, with: .kemac(k)) }, [R.kemacKeyDataMalformed])
        }
        s.add("kemac::keydata-trailing", "NULL KEMAC with 3 bytes after the last Key data sub-payload.", refs: ["RFC 3830 §6.13", "RFC 3830 §6.2"]) { g in
            var k = try KEMACPayload.clear(keyData: [g.tgk()], macAlgorithm: .hmacSHA1_160)
            k.encryptedData += [1, 2, 3]
            k.mac = g.bytes(20)
            return .invalid(try g.pskInit().with { $0.payloads.replaceFirst(.kemac, with: .kemac(k)) }, [R.kemacKeyDataMalformed])
        }
        s.add("kemac::keydata-unknown-next", "NULL KEMAC whose Key data names Next Payload 30 (no known layout).", refs: ["RFC 3830 §6.13", "RFC 3830 §6.1"]) { g in
            var k = try KEMACPayload.clear(keyData: [g.tgk()], macAlgorithm: .hmacSHA1_160)
            k.encryptedData[0] = 30
            k.mac = g.bytes(20)
            return .invalid(try g.pskInit().with { $0.payloads.replaceFirst(.kemac, with: .kemac(k)) }, [R.kemacKeyDataMalformed])
        }
        s.add("kemac::keydata-kinds", "NULL KEMAC carrying TGK+SALT, TEK, TEK+SALT and a GTGK with KV Interval.", refs: ["RFC 3830 §6.13", "RFC 6043 §6.2.1", "RFC 3830 §6.14"]) { g in
            let keys = [g.keyData(.tgkSalt), g.keyData(.tek), g.keyData(.tekSalt, 16, salt: 14),
                        KeyDataPayload(type: .gtgk, keyData: g.bytes(32), validity: .interval(validFrom: g.ntpUTC().value, validTo: g.ntpUTC().value))]
            return .acceptable(try g.pskInit().with { $0.payloads.replaceFirst(.kemac, with: .kemac(try g.kemac(keys, encr: .null))) }, [R.kemacNullEncryption])
                .protected(with: pskKeys(g))
        }
        for n in [12, 20] {
            s.add("kemac::aes-kw-length-\(n)", "AES-KW-128 Encr data of \(n) bytes: key wrap output is a multiple of 8 bytes and at least 24 (n ≥ 2 plaintext blocks plus the integrity block).", refs: ["RFC 3394 §2", "RFC 3830 §4.2.3"]) { g in
                .invalid(try g.pskInit().with { $0.payloads.replaceFirst(.kemac, with: .kemac(g.opaqueKEMAC(encr: .aesKW128, length: n))) }, [R.kemacAlgorithmKeyLength])
            }
        }
        s.add("kemac::aes-kw-length-16", "AES-KW-128 Encr data of 16 bytes: one wrapped 64-bit block, but RFC 3394 requires n ≥ 2 (at least 24 bytes of output).",
              refs: ["RFC 3394 §2", "RFC 3830 §4.2.3"], flags: ["boundary-length"]) { g in
            .invalid(try g.pskInit().with { $0.payloads.replaceFirst(.kemac, with: .kemac(g.opaqueKEMAC(encr: .aesKW128, length: 16))) }, [R.kemacAlgorithmKeyLength])
        }
        s.add("kemac::aes-kw-length-24", "AES-KW-128 Encr data of 24 bytes (two 64-bit blocks wrapped, the minimum n = 2): well formed.", refs: ["RFC 3394 §2"], flags: ["boundary-length"]) { g in
            .valid(try g.pskInit().with { $0.payloads.replaceFirst(.kemac, with: .kemac(g.opaqueKEMAC(encr: .aesKW128, length: 24))) })
        }
        // SP (RFC 3830 §6.10, §6.10.1)
        func withSP(_ g: Fixtures, _ params: [(UInt8, [UInt8])], no: UInt8 = 0) throws -> MIKEYMessage {
            try g.pskInit().with {
                $0.payloads.replaceFirst(.securityPolicy, with: .securityPolicy(SecurityPolicyPayload(policyNumber: no, protType: .srtp, parameters: params.map { PolicyParameter(type: $0.0, value: $0.1) })))
            }
        }
        for (t, name) in [(0, "encryption algorithm"), (2, "authentication algorithm"), (7, "SRTP encryption off/on")] {
            s.add("sp::param-length-type-\(t)", "SRTP policy parameter \(t) (\(name)) with a 2-byte value; its value is one byte.", refs: ["RFC 3830 §6.10.1"]) { g in
                .invalid(try withSP(g, [(UInt8(t), [0, 1])]), [R.spParamLength]).protected(with: pskKeys(g))
            }
        }
        s.add("sp::param-duplicate", "SP sets the encryption algorithm twice.", refs: ["RFC 3830 §6.10"]) { g in
            .acceptable(try withSP(g, [(0, [1]), (1, [16]), (0, [1])]), [R.spParamDuplicate]).protected(with: pskKeys(g))
        }
        s.add("sp::param-type-unassigned", "SRTP policy parameter type 30 is not registered.", refs: ["RFC 3830 §6.10.1"], flags: ["unknown-code-point"]) { g in
            .acceptable(try withSP(g, [(0, [1]), (30, [5])]), [R.spParamUnassigned]).protected(with: pskKeys(g))
        }
        s.add("sp::param-value-unassigned", "SRTP encryption algorithm value 9 is not registered.", refs: ["RFC 3830 §6.10.1"], flags: ["unknown-code-point"]) { g in
            .acceptable(try withSP(g, [(0, [9])]), [R.spParamUnassigned]).protected(with: pskKeys(g))
        }
        s.add("sp::param-on-off-2", "SRTP encryption off/on = 2 (only 0 and 1 are defined).", refs: ["RFC 3830 §6.10.1"]) { g in
            .acceptable(try withSP(g, [(7, [2])]), [R.spParamUnassigned]).protected(with: pskKeys(g))
        }
        s.add("sp::aead-params", "SRTP policy with AES-GCM (RFC 7714) and an AEAD tag length.", refs: ["RFC 3830 §6.10.1", "RFC 7714 §15"]) { g in
            .valid(try withSP(g, [(0, [6]), (1, [16]), (4, [12]), (20, [16])])).protected(with: pskKeys(g))
        }
        s.add("sp::duplicate-policy-no", "Two SP payloads share Policy no 0.", refs: ["RFC 3830 §6.10"]) { g in
            .invalid(try g.pskInit().with { $0.payloads.insert(g.sp(0), before: .kemac) }, [R.spDuplicatePolicyNo]).protected(with: pskKeys(g))
        }
        s.add("sp::policy-unresolved-srtp", "SRTP-ID map names Policy_no 5, but the only SP is Policy no 0.", refs: ["RFC 3830 §6.1.1", "RFC 3830 §6.10"]) { g in
            .acceptable(try g.pskInit(map: g.srtpMap(1, policy: 5)), [R.srtpPolicyUnresolved]).protected(with: pskKeys(g))
        }
        s.add("sp::policy-unresolved-generic", "GENERIC-ID entry lists Policy_no 3, for which the message has no SP payload.", refs: ["RFC 6043 §6.1.1"]) { g in
            .acceptable(try g.pskInit(map: .generic([g.genericSRTP(policies: [3])])), [R.srtpPolicyUnresolved]).protected(with: pskKeys(g))
        }
        s.add("sp::srtp-map-without-sp", "SRTP-ID map names Policy_no 0 and the message has no SP at all: SRTP defaults apply.", refs: ["RFC 3830 §6.1.1", "RFC 3830 §6.10.1"]) { g in
            .valid(try g.pskInit(sp: false)).protected(with: pskKeys(g))
        }
        // GENERIC-ID (RFC 6043 §6.1.1) in RFC 3830 messages
        s.add("generic-id::duplicate-cs-id", "Two GENERIC-ID entries use CS ID 1.", refs: ["RFC 6043 §6.1.1"], flags: ["peer-gstreamer-generic-id"]) { g in
            .invalid(try g.pskInit(map: .generic([g.genericSRTP(cs: 1), g.genericSRTP(cs: 1)])), [R.genericDuplicateCSID]).protected(with: pskKeys(g))
        }
        s.add("generic-id::policy-prot-type", "GENERIC-ID SRTP entry lists Policy_no 0, but SP 0 is a TESLA policy.", refs: ["RFC 6043 §6.1.1"]) { g in
            let m = try g.pskInit(map: .generic([g.genericSRTP()])).with {
                $0.payloads.replaceFirst(.securityPolicy, with: .securityPolicy(SecurityPolicyPayload(policyNumber: 0, protType: .tesla, parameters: [])))
            }
            return .invalid(m, [R.genericPolicyProtMismatch]).protected(with: pskKeys(g))
        }
        for (n, sflag, why) in [(5, false, "5 bytes with S = 0"), (4, true, "4 bytes with S = 1 (ROC and SEQ missing)"), (10, false, "10 bytes with S = 0")] {
            s.add("generic-id::srtp-session-data-\(n)\(sflag ? "-s1" : "-s0")", "GENERIC-ID SRTP Session Data of \(why).", refs: ["RFC 6043 §6.1.1"]) { g in
                let e = GenericIDMapEntry(csID: 1, protType: .srtp, sFlag: sflag, policies: [0], sessionData: g.bytes(n))
                return .invalid(try g.pskInit(map: .generic([e])), [R.genericSRTPSessionData]).protected(with: pskKeys(g))
            }
        }
        s.add("generic-id::127-policies", "GENERIC-ID entry with #P = 127 (the 7-bit maximum), all naming SP 0.", refs: ["RFC 6043 §6.1.1"], flags: ["boundary-length"]) { g in
            .valid(try g.pskInit(map: .generic([g.genericSRTP(policies: [UInt8](repeating: 0, count: 127))]))).protected(with: pskKeys(g))
        }
        // ID (RFC 3830 §6.7)
        s.add("id::uri-without-scheme", "ID of type URI holding 'bob@example.com' (no scheme).", refs: ["RFC 3830 §6.7", "RFC 3986 §3"]) { g in
            .acceptable(try g.pskInit().with { $0.payloads[3] = .id(IDPayload(idType: .uri, data: Array("bob@example.com".utf8))) }, [R.idTypeURIInvalid])
                .protected(with: pskKeys(g))
        }
        s.add("id::empty", "ID payload with ID len 0.", refs: ["RFC 3830 §6.7"], flags: ["boundary-length"]) { g in
            .acceptable(try g.pskInit().with { $0.payloads[3] = .id(IDPayload(idType: .uri, data: [])) }, [R.idEmpty]).protected(with: pskKeys(g))
        }
        s.add("idr::uri-without-scheme", "IDRr of type URI holding '+447700900456' (no scheme) in a SAKKE message.", refs: ["RFC 6043 §6.6", "RFC 6509 §4.4"]) { g in
            .acceptable(g.sakke().with { $0.payloads[3] = g.idr(.responder, "+447700900456") }, [R.idTypeURIInvalid])
        }
        // CHASH (RFC 3830 §6.8)
        s.add("chash::md5", "CHASH with MD5.", refs: ["RFC 3830 §6.8", "RFC 3830 §4.2.1"]) { g in
            .acceptable(g.pkInit().with { $0.payloads.replaceFirst(.chash, with: .certHash(CertHashPayload(hashFunction: .md5, hash: g.bytes(16)))) }, [R.chashMD5])
        }
        // General Extension contents (RFC 4563 §4, RFC 4738, RFC 4909)
        s.add("ext::csb-id-length", "CSB_ID General Extension with 3 bytes of data (it is a 32-bit CSB ID).", refs: ["RFC 4738 §3.6", "RFC 4738 §3.9", "RFC 3830 §6.15"]) { g in
            .invalid(g.rsaRResp().with { $0.payloads[0] = .generalExtension(GeneralExtensionPayload(type: .csbID, data: g.bytes(3))) }, [R.extContentMalformed])
        }
        s.add("ext::key-id-truncated", "Key ID extension whose entry (MBMS Service Key ID) says 8 bytes, 2 present.", refs: ["RFC 4563 §4"], flags: ["peer-gstreamer-loop"]) { g in
            .invalid(try g.pskInit().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: .keyID, data: [1, 8, 0xAA, 0xBB])), before: .kemac) },
                     [R.extContentMalformed]).protected(with: pskKeys(g))
        }
        s.add("ext::key-id-two-entries", "Key ID extension with two entries (MBMS Key Domain ID and Service Key ID).", refs: ["RFC 4563 §4"], flags: ["peer-gstreamer-loop"]) { g in
            .valid(try g.pskInit().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: .keyID, data: [0, 2] + g.bytes(2) + [1, 4] + g.bytes(4))), before: .kemac) })
                .protected(with: pskKeys(g))
        }
        s.add("ext::oma-bcast-empty", "OMA BCAST extension (type 5) without its subtype byte.", refs: ["RFC 4909 §3", "RFC 3830 §6.15"]) { g in
            .invalid(try g.pskInit().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: .omaBCAST, data: [])), before: .kemac) },
                     [R.extContentMalformed]).protected(with: pskKeys(g))
        }
        s.add("ext::oma-bcast", "OMA BCAST extension with subtype 1 and data.", refs: ["RFC 4909 §3"]) { g in
            .valid(try g.pskInit().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: .omaBCAST, data: [1] + g.bytes(6))), before: .kemac) })
                .protected(with: pskKeys(g))
        }
    }

    // MARK: message composition (RFC 3830 §3, §5.2 and the exchange definitions)

    static func composition(_ s: VectorSet) {
        // A mandatory payload removed, per data type.
        let required: [(UInt8, PayloadType)] = [
            (0, .timestamp), (0, .rand), (0, .kemac), (1, .timestamp), (1, .verification), (2, .pke), (2, .kemac), (2, .sign), (3, .verification),
            (4, .dh), (4, .sign), (4, .rand), (5, .id), (6, .timestamp), (7, .id), (7, .dh), (7, .kemac), (8, .kemac),
            (9, .timestamp), (9, .sign), (10, .pke), (10, .kemac), (26, .sakke), (26, .rand), (26, .sign),
        ]
        for (dt, t) in required {
            let name = (PayloadType.names[t.rawValue] ?? "\(t.rawValue)").lowercased()
            s.add("\(DataTypeInfo.slug(dt))::missing-\(name)", "\(DataTypeInfo.name(dt)) without its mandatory \(PayloadType.names[t.rawValue] ?? "") payload.",
                  refs: [DataTypeInfo.ref(dt), "RFC 3830 §3"],
                  flags: ["model-mutation"] + (dt == 0 && t == .rand ? ["rfc3830-update-message"] : [])) { g in
                .invalid(try g.clean(dt).with { $0.payloads.removeAll(t) }, [R.missingPayload])
            }
        }
        s.add("error::missing-err", "Error message without any ERR payload: RFC 3830 §5.1.2 has {ERR} (zero or more), RFC 6043 §5.4 (ERR).",
              refs: ["RFC 3830 §5.1.2", "RFC 6043 §5.4"], flags: ["model-mutation", "error-message-err-count"]) { g in
            .valid(g.errorMessage().with { $0.payloads.removeAll(.error) })
        }
        s.add("dh-resp::one-dh", "DH R_MESSAGE with only DHr (DHi missing).", refs: ["RFC 3830 §3.3"], flags: ["model-mutation"]) { g in
            .invalid(g.dhResp().with { $0.payloads.removeFirst(.dh) }, [R.missingPayload])
        }
        // Too many.
        s.add("psk-init::two-timestamps", "PSK I_MESSAGE with two T payloads.", refs: ["RFC 3830 §3.1"], flags: ["model-mutation"]) { g in
            .invalid(try g.pskInit().with { $0.payloads.insert(g.t(), at: 1) }, [R.tooManyPayloads])
        }
        s.add("psk-init::two-kemacs", "PSK I_MESSAGE with two KEMAC payloads.", refs: ["RFC 3830 §3.1"], flags: ["model-mutation"]) { g in
            .invalid(try g.pskInit().with { $0.payloads.insert(.kemac(g.opaqueKEMAC()), before: .kemac) }, [R.tooManyPayloads])
        }
        s.add("psk-init::three-ids", "PSK I_MESSAGE with three ID payloads ([IDi], [IDr] allow two).", refs: ["RFC 3830 §3.1"], flags: ["model-mutation"]) { g in
            .invalid(try g.pskInit().with { $0.payloads.insert(g.id(Fixtures.carol), before: .securityPolicy) }, [R.tooManyPayloads])
        }
        s.add("pk-init::two-pke", "PK I_MESSAGE with two PKE payloads.", refs: ["RFC 3830 §3.2"], flags: ["model-mutation"]) { g in
            .invalid(g.pkInit().with { $0.payloads.insert(g.pke(), before: .sign) }, [R.tooManyPayloads])
        }
        s.add("dh-resp::three-dh", "DH R_MESSAGE with three DH payloads.", refs: ["RFC 3830 §3.3"], flags: ["model-mutation"]) { g in
            .invalid(g.dhResp().with { $0.payloads.insert(g.dh(), before: .sign) }, [R.tooManyPayloads])
        }
        s.add("error::two-v", "Error message with two V payloads.", refs: ["RFC 3830 §5.1.2"], flags: ["model-mutation"]) { g in
            .invalid(g.errorMessage().with { $0.payloads += [g.v(), g.v()] }, [R.tooManyPayloads])
        }
        // Last payload.
        s.add("psk-init::kemac-not-last", "PSK I_MESSAGE with an ID payload after the KEMAC (the MAC must end the message).",
              refs: ["RFC 3830 §6.2", "RFC 3830 §5.2"], flags: ["model-mutation"]) { g in
            .invalid(try g.pskInit(ids: false).with { $0.payloads.append(g.id(Fixtures.bob)) }, [R.lastPayload])
        }
        s.add("psk-init::extension-after-kemac", "PSK I_MESSAGE with a General Extension after the KEMAC.", refs: ["RFC 3830 §6.2", "RFC 3830 §5.2"], flags: ["model-mutation"]) { g in
            .invalid(try g.pskInit().with { $0.payloads.append(.generalExtension(GeneralExtensionPayload(type: .vendorID, data: g.bytes(4)))) }, [R.lastPayload])
        }
        s.add("psk-verify::v-not-last", "PSK verification message with the ID after the V payload.", refs: ["RFC 3830 §3.1", "RFC 3830 §5.2"], flags: ["model-mutation"]) { g in
            .invalid(g.pskVerify().with { $0.payloads = [$0.payloads[0], $0.payloads[2], $0.payloads[1]] }, [R.lastPayload])
        }
        s.add("dhhmac-resp::kemac-not-last", "DHHMAC R_message with the KEMAC before the DH payloads.", refs: ["RFC 4650 §3"], flags: ["model-mutation"]) { g in
            .invalid(try g.dhhmacResp().with { m in
                let k = m.payloads.removeLast()
                m.payloads.insert(k, before: .dh)
            }, [R.lastPayload])
        }
        // Empty messages.
        for dt: UInt8 in [0, 6, 26] {
            s.add("\(DataTypeInfo.slug(dt))::hdr-only", "\(DataTypeInfo.name(dt)) consisting of the HDR alone (Next Payload 0).", refs: ["RFC 3830 §5.2", DataTypeInfo.ref(dt)], flags: ["model-mutation"]) { g in
                .invalid(MIKEYMessage(header: g.header(DataType(rawValue: dt), map: g.srtpMap()), payloads: []), [R.emptyMessage])
            }
        }
        // Order and unexpected payloads (warnings: receivers ignore/accept them).
        s.add("psk-init::rand-before-t", "PSK I_MESSAGE with RAND before T.", refs: ["RFC 3830 §3.1", "RFC 3830 §5.2"], flags: ["model-mutation"]) { g in
            .acceptable(try g.pskInit().with { $0.payloads.swapAt(0, 1) }, [R.payloadOrder]).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("pk-init::sp-after-kemac", "PK I_MESSAGE with the SP after the KEMAC.", refs: ["RFC 3830 §3.2"], flags: ["model-mutation"]) { g in
            .acceptable(g.pkInit().with { m in
                let sp = m.payloads.remove(at: m.index(of: .securityPolicy)!)
                m.payloads.insert(sp, at: m.index(of: .kemac)! + 1)
            }, [R.payloadOrder])
        }
        s.add("psk-init::unexpected-dh", "PSK I_MESSAGE carrying a DH payload (not part of the PSK method; receivers ignore it).",
              refs: ["RFC 3830 §3.1", "RFC 3830 §5.3"], flags: ["model-mutation"]) { g in
            .acceptable(try g.pskInit().with { $0.payloads.insert(g.dh(), before: .kemac) }, [R.unexpectedPayload]).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("dh-init::unexpected-randr", "DH I_MESSAGE carrying an RFC 6043 RANDR payload.", refs: ["RFC 3830 §3.3", "RFC 3830 §5.3"], flags: ["model-mutation"]) { g in
            .acceptable(g.dhInit().with { $0.payloads.insert(g.randr(.initiator), before: .dh) }, [R.unexpectedPayload])
        }
        s.add("sakke::unexpected-id", "SAKKE I_MESSAGE with an RFC 3830 ID payload (SAKKE uses IDR).", refs: ["RFC 6509 §2.1", "RFC 3830 §5.3"], flags: ["model-mutation"]) { g in
            .acceptable(g.sakke().with { $0.payloads.insert(g.id(Fixtures.alice), before: .sakke) }, [R.unexpectedPayload])
        }
    }
}
