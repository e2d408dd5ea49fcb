import MediasecCore
import MIKEY

/// MIKEY messages for `a=key-mgmt:mikey` built with the MIKEY module's
/// templates (``MIKEYMessageTemplates``), base64-encoded as RFC 4567 §3.1
/// carries them.
enum SDPMIKEYData {
    /// A template message of data type `d`; `tls` replaces the crypto
    /// session map with one GENERIC-ID entry of Prot Type TLS (TR 33.829
    /// Annex D, FACTS.md §1 default 241).
    static func message(_ d: DataType, tls: Bool = false, csbID: UInt32 = 0x1234_5678) throws -> [UInt8] {
        var p = MIKEYMessageTemplates.Parameters()
        p.csbID = csbID
        var m = MIKEYMessageTemplates.make(d, p)
        if tls {
            m.header.csIDMap = .generic([GenericIDMapEntry(csID: 1, protType: CodePointProfile.default.protTypeTLS, policies: [], sessionData: [], spi: [0x01])])
        }
        return try m.encoded()
    }

    static func base64(_ d: DataType, tls: Bool = false, csbID: UInt32 = 0x1234_5678) throws -> String {
        Base64.encode(try message(d, tls: tls, csbID: csbID))
    }

    /// `a=key-mgmt:mikey <base64>`.
    static func line(_ d: DataType, tls: Bool = false, csbID: UInt32 = 0x1234_5678) throws -> String {
        "a=key-mgmt:mikey " + (try base64(d, tls: tls, csbID: csbID))
    }
}
