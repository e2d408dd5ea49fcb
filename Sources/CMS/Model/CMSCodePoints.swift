import MediasecCore
import MIKEY

/// The code points TR 33.829 left "TBD" that the CMS side uses (FACTS.md
/// §1): the `id-ori-mikey` oriType of Annex B.3, plus the MIKEY code points
/// (PSK/MIME Prot Type, proof-of-origin extension) for the TRANSFER_INIT it
/// carries. Every decoder, validator and builder takes one.
public struct CMSCodePoints: Sendable, Hashable {
    /// `id-ori-mikey` (TR 33.829 Annex B.3), a dotted OID.
    public var oriMIKEY: String
    /// MIKEY code points for the TRANSFER_INIT inside the ori.
    public var mikey: CodePointProfile

    public init(oriMIKEY: String = CMSOID.oriMIKEYDefault, mikey: CodePointProfile = .default) {
        self.oriMIKEY = oriMIKEY
        self.mikey = mikey
    }

    public static let `default` = CMSCodePoints()

    /// Applies a `key=value` setting: `ori-mikey=OID`, or any MIKEY code
    /// point key (``CodePointProfile/apply(setting:)``).
    public mutating func apply(setting: String) throws(DecodingError) {
        let parts = setting.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: " \t") }
        if parts.count == 2, parts[0] == "ori-mikey" {
            guard ASN1ObjectIdentifier.isValid(parts[1]) else {
                throw DecodingError(code: "profile.code-point.syntax", offset: 0, path: setting, specRef: "FACTS.md §1", message: "ori-mikey needs a dotted OID")
            }
            oriMIKEY = parts[1]
            return
        }
        try mikey.apply(setting: setting)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
