import MediasecCore
import MIKEY

/// RFC 4567 `a=key-mgmt`, with the `mikey` data validated by the MIKEY
/// module (its findings nested under `<attribute>.keyMgmt.mikey`, offsets
/// mapped from the decoded message back to the base64 character that holds
/// the byte's first bit).
extension SDPValidationRun {
    mutating func checkKeyMgmt() {
        for level in index.levels {
            var protocols = SmallMap<String, Int>()
            for (da, k) in index.typed(level, SDPIndex.keyMgmt) {
                func path() -> String { da.located.path(".keyMgmt") }
                func idAt() -> Int { k.protocolIDOffset(valueOffset: da.valueOffset) }
                if let first = protocols.firstValue(for: k.protocolID, else: da.located.lineIndex) {
                    add(SDPRules.keyMgmtDuplicateProtocol, at: idAt(), path() + ".protocolId", "protocol '\(k.protocolID)' is already offered on line \(first + 1)")
                }
                if !k.isMIKEY && !KeyMgmtAttribute.registeredProtocols.contains(k.protocolID) {
                    if SDPGrammar.equalsIgnoringCase(k.protocolID, "mikey") {
                        add(SDPRules.keyMgmtProtocolCase, at: idAt(), path() + ".protocolId", "'\(k.protocolID)' is not 'mikey' (KMPID is case-sensitive)")
                    } else {
                        add(SDPRules.keyMgmtProtocolUnknown, at: idAt(), path() + ".protocolId", "protocol identifier '\(k.protocolID)' is not registered")
                    }
                }
                func dataAt() -> Int { k.dataOffset(valueOffset: da.valueOffset) }
                // A message the validator decoded came from valid base64:
                // the data is decoded again only when it did not.
                let message = decodedMIKEY[da.located.lineIndex]?.result
                var bytes: [UInt8] = []
                if case .success? = message {
                } else {
                    switch k.decodedData {
                    case .failure(let e):
                        add(SDPRules.keyMgmtBase64, at: dataAt(), path() + ".data", "keymgmt-data is not base64 (\(e.rawValue))")
                        continue
                    case .success(let b): bytes = b
                    }
                }
                guard k.isMIKEY, sink.enabled.contains(.rfc4567) else { continue }
                let validator = MIKEYValidator(options: options.mikey)
                let report: MIKEYValidationReport
                switch message {
                case .success(let m)?: report = validator.validate(m)
                default: report = validator.validate(bytes)   // a decoding error: reported as MIKEY reports it
                }
                mikeyReports[da.located.lineIndex] = SDPNestedMIKEY(attribute: da.located, report: report)
                if report.findings.isEmpty { continue }
                // Built once for all the nested findings of this message.
                let nestedPath = path() + ".mikey"
                let dataOffset = dataAt()
                for f in report.findings {
                    sink.addNested(f, under: nestedPath, at: dataOffset + SDPBase64.textOffset(ofDecodedByte: f.offset ?? 0))
                }
            }
        }
        guard index.hasAny(.keyMgmt) else { return }
        let sessionHas = index.hasTyped(.session, SDPIndex.keyMgmt)
        for mi in 0..<index.mediaCount {
            guard let first = index.firstTyped(.media(mi), SDPIndex.keyMgmt) else { continue }
            if sessionHas {
                add(SDPRules.keyMgmtMediaOverrides, at: lineOffset(first.0.located.lineIndex), first.0.located.path)
            }
            if let p = index.proto(mi), !p.isSRTP, !p.usesTLSOrDTLS {
                add(SDPRules.keyMgmtProto, at: lineOffset(first.0.located.lineIndex), first.0.located.path, "a=key-mgmt on a \(p) m-line")
            }
        }
    }

    /// The offset of a key-mgmt attribute's data (read from the decoded
    /// value, not by decoding it again).
    func keyMgmtDataAt(_ da: DecodedAttribute) -> Int {
        if case .success(.keyMgmt(let k)) = da.result { return k.dataOffset(valueOffset: da.valueOffset) }
        return at(da, "data")
    }

    /// The decoded MIKEY message of the key-mgmt that applies to a media
    /// section (media level first, RFC 4567 §3.1), with its attribute.
    func effectiveMIKEY(_ mi: Int) -> (DecodedAttribute, MIKEYMessage)? {
        // Only a mikey key-mgmt has a report: the attributes of the level
        // are looked up by line, without their typed values.
        let level: SDPLevel = index.hasTyped(.media(mi), SDPIndex.keyMgmt) ? .media(mi) : .session
        for e in index.chain(.keyMgmt, level) {
            if let m = mikeyReports[e.located.lineIndex]?.message, let da = e.decoded { return (da, m) }
        }
        return nil
    }

    /// TR 33.829 §8.3.1.2 / Annex D.3: key-mgmt for TLS-based media.
    mutating func checkTRKeyMgmt() {
        if index.hasTyped(.session, SDPIndex.keyMgmt), let mi = (0..<index.mediaCount).first(where: { index.hasTyped(.media($0), SDPIndex.keyMgmt) }),
           let (da, _) = index.firstTyped(.media(mi), SDPIndex.keyMgmt) {
            add(SDPRules.trMixedLevels, at: lineOffset(da.located.lineIndex), da.located.path, "key-mgmt at session level and in media[\(mi)]")
        }
        // Every rule below looks at a decoded MIKEY message.
        guard !mikeyReports.isEmpty else { return }
        let tlsProt = options.mikey.codePoints.protTypeTLS
        var msrpPorts: [String: Int] = [:]
        for mi in 0..<index.mediaCount {
            guard let (da, m) = effectiveMIKEY(mi), let p = index.proto(mi) else { continue }
            if p.security == .tls {
                var hasTLS = false
                if case .generic(let e) = m.header.csIDMap { hasTLS = e.contains { $0.protType == tlsProt } }
                if !hasTLS {
                    add(SDPRules.trTLSCSMissing, at: keyMgmtDataAt(da), da.located.path(".keyMgmt.mikey.hdr.csIdMapInfo"),
                        "media[\(mi)] is \(p) but the MIKEY message (line \(da.located.lineIndex + 1)) has no GENERIC-ID crypto session of Prot Type TLS (\(tlsProt.rawValue))")
                }
            }
            if p == .tcpTLSMSRP, let f = index.mediaField(mi), !f.isRejected {
                if let other = msrpPorts[f.port.text] {
                    add(SDPRules.trMSRPSharedPort, at: index.mLineOffset(mi), "media[\(mi)].port", "port \(f.port) is also used by media[\(other)]")
                } else {
                    msrpPorts[f.port.text] = mi
                }
            }
        }
        guard role != .unknown else { return }
        for level in index.levels {
            for e in index.chain(.keyMgmt, level) {
                guard let n = mikeyReports[e.located.lineIndex], let dt = n.message?.header.dataType, let da = e.decoded else { continue }
                if role == .offer && dt != .transferInit {
                    add(SDPRules.trOfferDataType, at: keyMgmtDataAt(da), da.located.path(".keyMgmt.mikey.hdr.dataType"), "the offer's MIKEY message is \(dt), not TRANSFER_INIT (14)")
                }
                if role == .answer && dt != .transferResp {
                    add(SDPRules.trAnswerDataType, at: keyMgmtDataAt(da), da.located.path(".keyMgmt.mikey.hdr.dataType"), "the answer's MIKEY message is \(dt), not TRANSFER_RESP (15)")
                }
            }
        }
    }
}
