import MediasecCore

extension ValidationRun {
    /// MAC verification and KEMAC decryption when keys are given
    /// (RFC 3830 §4.1.4, §4.2.3, §4.2.4, §5.2; RFC 6043 §5.1.2, §5.5).
    func checkCrypto() {
        checkKEMACContents()
        checkMAC()
    }

    var timestamp: TimestampPayload? {
        m.first { if case .timestamp(let t) = $0 { t } else { nil } }
    }

    func messageKeys(encryption: EncryptionAlgorithm, mac: MACAlgorithm) -> MIKEYKeyDerivation.MessageKeys? {
        MessageProtection.messageKeys(m, keys: keys, encryption: encryption, mac: mac)
    }

    /// NULL KEMACs are decoded; encrypted ones are decrypted when keys allow.
    func checkKEMACContents() {
        guard has(.kemac) else { return }
        let publicKeyMethod = MessageProtection.isPublicKeyMethod(dataType)
        for (i, q) in m.payloads.enumerated() {
            guard case .kemac(let k) = q else { continue }
            let at = offset(i)
            let first: PayloadType = publicKeyMethod ? .id : .keyData
            var plaintext: [UInt8]? = nil
            var chain: Result<[Payload], DecodingError>? = nil
            if k.encryptionAlgorithm == .null {
                if !k.encryptedDataStorage.isEmpty && !(dataType == .requestInitPSK || dataType == .requestInitPK) {
                    add(MIKEYRules.kemacNullEncryption, at: at.map { $0 + 1 }, "\(path(i)).encrAlg")
                }
                if k.encryptedDataStorage.isEmpty {
                    plaintext = []
                } else {
                    // The clear chain (decoded once for this and the SPI check).
                    chain = keyData(ofTopLevel: i, k, firstType: first)
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
            if chain == nil {
                guard let plain = plaintext else { continue }
                if plain.isEmpty {
                    add(MIKEYRules.kemacKeyDataEmpty, at: at, "\(path(i)).encrData")
                    continue
                }
                chain = Result { () throws(DecodingError) in try KEMACPayload.decodeKeyData(plaintext: plain, firstType: first, profile: cp) }
            }
            do throws(DecodingError) {
                guard let chain = try chain?.get() else { continue }
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

    /// The MAC of the last KEMAC or V payload, over the bytes RFC 3830 §5.2 /
    /// RFC 6043 §5.5 name (``MessageProtection/macInput(_:keys:)``).
    func checkMAC() {
        guard let authIndex = m.payloads.lastIndex(where: { $0.type == .kemac || $0.type == .verification }),
              authIndex < d.spans.count, let field = d.spans[authIndex].authField else { return }
        let nullMAC: Bool = {
            switch m.payloads[authIndex] {
            case .kemac(let k): return k.macAlgorithm == .null
            case .verification(let v): return v.authAlgorithm == .null
            default: return false
            }
        }()
        var p: String { "\(path(authIndex)).\(m.payloads[authIndex].type == .kemac ? "mac" : "verData")" }
        if nullMAC {
            if dataType == .psk || dataType == .dhhmacInit || dataType == .dhhmacResp { add(MIKEYRules.kemacNullMAC, at: field.lowerBound - 1, p) }
            return
        }
        // No key at all (the common case of a message inside SDP): what
        // macInput would answer, without building its path.
        if keys.isEmpty {
            add(MIKEYRules.macNotChecked, at: field.lowerBound, p, "MAC not checked: \(MessageProtection.noKeyGiven)")
            return
        }
        switch MessageProtection.macInput(d, keys: keys) {
        case .none:
            return
        case .missing(let why):
            add(MIKEYRules.macNotChecked, at: field.lowerBound, p, "MAC not checked: \(why)")
        case .ready(let alg, let key, let covered, let f, let path):
            do {
                if try MIKEYMAC.verify(algorithm: alg, key: key, data: covered, mac: Array(d.bytes[f])) {
                    add(MIKEYRules.macVerified, at: f.lowerBound, path, "\(alg.name ?? "MAC") verified over \(covered.count) bytes")
                } else {
                    add(MIKEYRules.macMismatch, at: f.lowerBound, path, "\(alg.name ?? "MAC") over \(covered.count) bytes does not match")
                }
            } catch {
                add(MIKEYRules.macNotChecked, at: f.lowerBound, path, "\(error.code): \(error.message)")
            }
        }
    }
}
