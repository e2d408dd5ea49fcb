import MediasecCore

/// 3GPP: `a=3ge2ae` (TS 24.229) and the TR 33.829 rules for key-mgmt.
extension SDPValidationRun {
    mutating func check3GPP() {
        // Most descriptions have no a=3ge2ae at all: one look at the index.
        if index.hasAny(.e2ae) { checkE2AE() }
        checkTRKeyMgmt()
    }

    private mutating func checkE2AE() {
        for (da, _) in index.each(.session, SDPIndex.e2ae) {
            add(SDPRules.e2aeSessionLevel, at: lineOffset(da.located.lineIndex), da.located.path)
        }
        for level in index.levels where index.has(.e2ae, level) {
            for (da, e) in index.each(level, SDPIndex.e2ae) where e.indication == nil {
                add(SDPRules.e2aeUnknownToken, at: da.valueOffset, "\(da.located.path).e2ae", "token '\(e.value)' is ignored")
            }
        }
        for mi in 0..<index.mediaCount {
            guard index.has(.e2ae, .media(mi)), let (da, e) = index.firstTyped(.media(mi), SDPIndex.e2ae), e.indication != nil else { continue }
            if let p = index.proto(mi), !Self.isE2AESecured(p.rawValue) {
                add(SDPRules.e2aeTransport, at: lineOffset(da.located.lineIndex), da.located.path, "a=3ge2ae:\(e.value) on a \(p) m-line")
            }
            if index.hasEffective(.keyMgmt, mi) {
                add(SDPRules.e2aeWithE2E, at: lineOffset(da.located.lineIndex), da.located.path, "a=3ge2ae:\(e.value) and a=key-mgmt apply to media[\(mi)]")
            }
        }
    }

    /// The protocols a=3ge2ae may be used on.
    static func isE2AESecured(_ proto: String) -> Bool {
        switch proto {
        case "RTP/SAVP", "RTP/SAVPF", "TCP/TLS/MSRP", "TCP/TLS/BFCP", "UDP/TLS/UDPTL": return true
        default: return false
        }
    }
}
