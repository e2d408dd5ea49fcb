import MediasecCore
import MIKEY

extension CMSValidationRun {
    /// TR 33.829 Annex B (B.1 content type and algorithms, B.3 the
    /// `id-ori-mikey` recipient), Annex E (the PSK/MIME TRANSFER_INIT,
    /// validated by the MIKEY module with every MIKEY profile including
    /// tr33829; its findings are nested under the ori's path) and Annex F
    /// (proof-of-origin equals the CMS mac).
    mutating func checkAnnexB() {
        guard sink.profiles.contains(.tr33829AnnexB), let aed else { return }
        if aed.innerContentType != CMSOID.data {
            add(CMSRules.annexBContentType, "\(Self.eci).contentType", "content type is \(CMSOID.name(of: aed.innerContentType, codePoints: cp) ?? aed.innerContentType)")
        }
        let alg = aed.algorithm
        if alg == nil || alg?.keySize == .bits192 {
            add(CMSRules.annexBAlgorithm, "\(Self.alg).algorithm", "\(alg.map(\.description) ?? aed.authEncryptedContentInfo.contentEncryptionAlgorithm.algorithm)")
        }
        let oris = mikeyRecipients
        if oris.isEmpty {
            add(CMSRules.annexBNoMIKEYOri, "\(Self.root).recipientInfos", "no ori of type \(cp.oriMIKEY)")
        }
        let keys: MIKEYKeys
        if case .mikey(let k) = key { keys = k } else { keys = MIKEYKeys() }
        for (i, o) in oris {
            let p = "\(Self.root).recipientInfos[\(i)].ori.oriValue"
            guard let bytes = o.mikeyMessageBytes else {
                add(CMSRules.annexBOriValueType, p, "oriValue is not an OCTET STRING")
                continue
            }
            let options = MIKEYValidationOptions(profiles: Set(MIKEYProfileName.allCases), codePoints: cp.mikey, keys: keys)
            let report = MIKEYValidator(options: options).validate(bytes)
            mikeyReports[i] = report
            let base = d.mikeyContentRange(recipient: i)?.lowerBound
            for f in report.findings {
                sink.findings.append(Finding(
                    code: f.code, severity: f.severity,
                    offset: base.flatMap { b in f.offset.map { b + $0 } } ?? at(p),
                    path: f.path.isEmpty ? p : "\(p).\(f.path)", specRef: f.specRef, message: f.message))
            }
            guard let m = report.decoded?.message else { continue }
            if m.header.dataType != .transferInit {
                add(CMSRules.annexBNotTransferInit, at: base.map { $0 + 1 } ?? at(p), "\(p).hdr.dataType", "data type \(m.header.dataType.name ?? String(m.header.dataType.rawValue))")
            }
            var single = false
            if case .generic(let e) = m.header.csIDMap, e.count == 1, e[0].protType == cp.mikey.protTypePSKMIME { single = true }
            if !single {
                add(CMSRules.annexBCryptoSession, at: base.map { $0 + 8 } ?? at(p), "\(p).hdr.csIdMapInfo",
                    "map type \(m.header.csIDMap.type.rawValue) with \(m.header.csIDMap.csCount) CS(s)")
            }
            switch ProofOfOrigin.check(transferInit: m, mac: aed.mac, codePoints: cp) {
            case .absent, .multiple: break
            case .match: add(CMSRules.proofOfOriginMatch, "\(Self.root).mac")
            case .mismatch(let carried):
                add(CMSRules.proofOfOriginMismatch, "\(Self.root).mac", "proof-of-origin carries \(Hex.encode(carried)), mac is \(Hex.encode(aed.mac))")
            }
            if let a = alg {
                for (_, payloads) in report.recoveredKeyData {
                    for case .keyData(let kd) in payloads where (kd.type == .tek || kd.type == .tekSalt) && kd.keyData.count != a.keyLength {
                        add(CMSRules.annexBTEKLength, p, "TEK of \(kd.keyData.count) octets for \(a)")
                    }
                }
            }
        }
    }
}
