import MediasecCore

/// Shared encoder checks.
enum CMSEncoding {
    /// A raw element kept in the model must be exactly one BER element, so
    /// that decoding the encoder's output gives the model back.
    static func checkSingleElement(_ raw: [UInt8], path: String) throws(EncodingError) {
        var r = ASN1Reader(rules: EncodingRules.ber.allowing(.trailingData, false))
        do {
            _ = try r.parse(raw)
        } catch {
            throw EncodingError(code: "cms.encode.raw-element", path: path, message: "not one BER element: \(error.code) \(error.message)")
        }
    }
}
