import MediasecCore

extension ValidationRun {
    /// MAC verification and KEMAC decryption when keys are given
    /// (RFC 3830 §4.1.4, §4.2.3, §4.2.4, §5.2; RFC 6043 §5.1.2, §5.5).
    mutating func checkCrypto() {
        checkKEMACContents()
        checkMAC()
    }

    var rand: [UInt8]? {
        m.first { if case .rand(let r) = $0 { r.rand } else { nil } } ?? keys["rand"]
    }

    func randR(_ role: RANDRole, key: String) -> [UInt8]? {
        m.first { if case .randRole(let r) = $0, r.role == role { r.rand } else { nil } } ?? keys[key]
    }

    var timestamp: TimestampPayload? {
        m.first { if case .timestamp(let t) = $0 { t } else { nil } }
    }

    /// The derivation context of the transport keys for this message.
    func transportContext() -> (MIKEYKeyDerivation.Context, String)? {
        let csb = m.header.csbID
        if dataType.isTicketMessage {
            let role: MIKEYKeyDerivation.TicketMessageRole = isResponse ? .response : .initial
            let ri = randR(.initiator, key: "randri") ?? []
            let rr = randR(.responder, key: "randrr") ?? []
            if ri.isEmpty && rr.isEmpty { return nil }
            return (.ticketMessage(role, csbID: csb, randRi: ri, randRr: rr), "RFC 6043 §5.1.2")
        }
        guard let r = rand else { return nil }
        return (.transport(csbID: csb, rand: r), "RFC 3830 §4.1.4")
    }

    func messageKeys(encryption: EncryptionAlgorithm, mac: MACAlgorithm) -> MIKEYKeyDerivation.MessageKeys? {
        if let psk = keys["psk"], let (ctx, _) = transportContext() {
            if var k = try? MIKEYKeyDerivation.messageKeys(inkey: psk, context: ctx, prf: m.header.prfFunction, encryption: encryption, mac: mac) {
                if let a = keys["auth"] { k.authenticationKey = a }
                if let e = keys["encr"] { k.encryptionKey = e }
                if let s = keys["salt"] { k.saltKey = s }
                return k
            }
        }
        if keys["auth"] != nil || keys["encr"] != nil {
            return MIKEYKeyDerivation.MessageKeys(encryptionKey: keys["encr"] ?? [], authenticationKey: keys["auth"] ?? [], saltKey: keys["salt"] ?? [])
        }
        return nil
    }

    /// NULL KEMACs are decoded; encrypted ones are decrypted when keys allow.
    mutating func checkKEMACContents() {
        let publicKeyMethod = [DataType.publicKey, .rsaRResp].contains(dataType)
        for (i, k) in indexed({ if case .kemac(let x) = $0 { x } else { nil } }) {
            let at = offset(i)
            let first: PayloadType = publicKeyMethod ? .id : .keyData
            var plaintext: [UInt8]? = nil
            if k.encryptionAlgorithm == .null {
                plaintext = k.encryptedData
                if !k.encryptedData.isEmpty && ![DataType.requestInitPSK, .requestInitPK].contains(dataType) {
                    add(MIKEYRules.kemacNullEncryption, at: at.map { $0 + 1 }, "\(path(i)).encrAlg")
                }
            } else if k.encryptionAlgorithm.keyLength != nil, let mk = messageKeys(encryption: k.encryptionAlgorithm, mac: k.macAlgorithm) {
                guard let t = timestamp else {
                    add(MIKEYRules.macNotChecked, at: at, "\(path(i)).encrData", "KEMAC not decrypted: no T payload for the IV")
                    continue
                }
                do {
                    plaintext = try KEMACCipher.decrypt(algorithm: k.encryptionAlgorithm, encrKey: mk.encryptionKey, saltKey: mk.saltKey,
                                                        csbID: m.header.csbID, timestamp: t.value, timestampType: t.tsType, ciphertext: k.encryptedData)
                } catch {
                    add(MIKEYRules.kemacDecryptFailed, at: at.map { $0 + 4 }, "\(path(i)).encrData", "\(error.code): \(error.message)")
                }
            }
            guard let plain = plaintext else { continue }
            if plain.isEmpty {
                add(MIKEYRules.kemacKeyDataEmpty, at: at, "\(path(i)).encrData")
                continue
            }
            do {
                let chain = try KEMACPayload.decodeKeyData(plaintext: plain, firstType: first, profile: cp)
                recovered.append((path(i), chain))
                if k.encryptionAlgorithm != .null {
                    add(MIKEYRules.kemacDecrypted, at: at, "\(path(i)).encrData", "decrypted \(chain.count) sub-payload(s)")
                }
                for (j, q) in chain.enumerated() {
                    if case .keyData(let kd) = q, !kd.type.isAssigned { registry(kd.type, at: at, "\(path(i)).keyData[\(j)].type") }
                }
            } catch {
                add(MIKEYRules.kemacKeyDataMalformed, at: at.map { $0 + 4 + (k.encryptionAlgorithm == .null ? error.offset : 0) },
                    "\(path(i)).keyData.\(error.path)", "\(error.code): \(error.message)")
            }
        }
    }

    /// The authenticated payload (KEMAC or V) and the bytes its MAC covers.
    mutating func checkMAC() {
        guard let authIndex = m.payloads.lastIndex(where: { $0.type == .kemac || $0.type == .verification }),
              authIndex < d.spans.count, let field = d.spans[authIndex].authField else { return }
        let alg: MACAlgorithm
        let enc: EncryptionAlgorithm
        let mac: [UInt8]
        switch m.payloads[authIndex] {
        case .kemac(let k): (alg, enc, mac) = (k.macAlgorithm, k.encryptionAlgorithm, k.mac)
        case .verification(let v): (alg, enc, mac) = (v.authAlgorithm, .null, v.verificationData)
        default: return
        }
        let at = field.lowerBound
        let p = "\(path(authIndex)).\(m.payloads[authIndex].type == .kemac ? "mac" : "verData")"
        if alg == .null {
            if [DataType.psk, .dhhmacInit, .dhhmacResp].contains(dataType) {
                add(MIKEYRules.kemacNullMAC, at: at - 1, p)
            }
            return
        }
        guard !keys.isEmpty else {
            add(MIKEYRules.macNotChecked, at: at, p, "no key given (use --key psk=HEX or --key auth=HEX)")
            return
        }
        guard let mk = messageKeys(encryption: enc.keyLength == nil ? .null : enc, mac: alg) else {
            add(MIKEYRules.macNotChecked, at: at, p, "the key derivation needs RAND/RANDR (give --key rand=… / randri=…) or an auth key")
            return
        }
        // Covered bytes (RFC 3830 §5.2, RFC 6043 §5.5).
        var covered: [UInt8]
        if [DataType.publicKey, .rsaRResp].contains(dataType) {
            // Public-key method: the KEMAC only, Next Payload set to zero.
            let s = d.spans[authIndex].range.lowerBound
            covered = Array(d.bytes[s..<at])
            if !covered.isEmpty { covered[0] = 0 }
        } else {
            covered = Array(d.bytes[0..<at])
            if dataType == .transferInit, let (ti, _) = ticket, ti < d.spans.count, let idf = d.spans[ti].initiatorDataField {
                let lo = idf.lowerBound, hi = idf.upperBound
                if lo >= 0 && hi <= covered.count && lo <= hi { covered.removeSubrange(lo..<hi) }
            }
            func identity(_ role: IDRole, key: String) -> [UInt8]? {
                m.first { if case .idRole(let r) = $0, r.role == role { r.data } else { nil } } ?? keys[key]
            }
            var suffix: [UInt8] = []
            var missing: String? = nil
            switch dataType {
            case .pskVerify, .pkVerify:
                // Identity_i ‖ Identity_r ‖ Timestamp: the ID data and the TS value (FACTS.md §10 ambiguity 2: ID data only).
                guard let i = keys["idi"], let r = keys["idr"] ?? m.first({ if case .id(let x) = $0 { x.data } else { nil } }), let t = timestamp else {
                    missing = "idi/idr identities"; break
                }
                suffix = i + r + t.value
            case .requestInitPSK, .requestInitPK:
                if let i = identity(.initiator, key: "idi"), let k = identity(.kms, key: "idkms") { suffix = i + k } else { missing = "IDRi/IDRkms identities (give --key idi=… idkms=…)" }
            case .transferInit:
                if let i = identity(.initiator, key: "idi"), let r = identity(.responder, key: "idr") { suffix = i + r } else { missing = "IDRi/IDRr identities (give --key idi=… idr=…)" }
            case .resolveInitPSK, .resolveInitPK:
                if let r = identity(.responder, key: "idr"), let k = identity(.kms, key: "idkms") { suffix = r + k } else { missing = "IDRr/IDRkms identities (give --key idr=… idkms=…)" }
            case .requestResp, .transferResp, .resolveResp:
                if let i = keys["init"] { suffix = i } else { missing = "the initial message (give --key init=HEX)" }
            default:
                break
            }
            if let what = missing {
                add(MIKEYRules.macNotChecked, at: at, p, "MAC input needs \(what)")
                return
            }
            covered += suffix
        }
        do {
            if try MIKEYMAC.verify(algorithm: alg, key: mk.authenticationKey, data: covered, mac: mac) {
                add(MIKEYRules.macVerified, at: at, p, "\(alg.name ?? "MAC") verified over \(covered.count) bytes")
            } else {
                add(MIKEYRules.macMismatch, at: at, p, "\(alg.name ?? "MAC") over \(covered.count) bytes does not match")
            }
        } catch {
            add(MIKEYRules.macNotChecked, at: at, p, "\(error.code): \(error.message)")
        }
    }
}
