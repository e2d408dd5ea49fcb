import MediasecCore
import MediasecCrypto
import MIKEY

/// TR 33.829 Annex B.3 / Annex E / Annex F: the TRANSFER_INIT may carry a
/// "3GPP IMS MSG PROOF-OF-ORIGIN" General Extension whose data is "the MAC
/// calculated in the authenticated encryption algorithm" (Annex E) — the
/// AuthEnvelopedData `mac`. The receiver compares the two.
public enum ProofOfOrigin {
    public enum Result: Sendable, Hashable {
        /// No proof-of-origin extension in the TRANSFER_INIT.
        case absent
        /// The extension data equals the CMS mac.
        case match
        /// The extension data differs from the CMS mac.
        case mismatch(carried: [UInt8])
        /// More than one extension (TR 33.829 Annex F.1 defines one).
        case multiple
    }

    /// Compares the proof-of-origin extension of `transferInit` with `mac`
    /// (constant time).
    public static func check(transferInit: MIKEYMessage, mac: [UInt8], codePoints: CMSCodePoints = .default) -> Result {
        let exts = transferInit.payloads.compactMap { p -> GeneralExtensionPayload? in
            if case .generalExtension(let g) = p, g.type == codePoints.mikey.extensionProofOfOrigin { return g }
            return nil
        }
        guard let e = exts.first else { return .absent }
        if exts.count > 1 { return .multiple }
        return ConstantTime.equal(e.data, mac) ? .match : .mismatch(carried: e.data)
    }
}
