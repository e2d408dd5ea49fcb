import MediasecCore

/// An `application/pkcs7-mime` MIME entity carrying a CMS object (RFC 8551
/// §3.2, §3.4; TR 33.829 Annex B.2):
///
/// ```
/// Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data;
///  name=smime.p7m
/// Content-Transfer-Encoding: base64
/// Content-Disposition: attachment; filename=smime.p7m
///
/// MIIDWQYLKoZIhvcNAQkQARegggNIMIIDRAIBADGBvjCBuwIBADAmMBIxEDAO…
/// ```
///
/// The model holds the header fields as received (``MIMEHeaderField``),
/// the decoded body (the CMS octets) and the two layout facts a canonical
/// base64 body needs: its line width and whether the last line ends with a
/// line break. ``encoded()`` writes the canonical form; for an input that
/// raises no form finding (``SMIMERule/isForm``) it reproduces the input,
/// and parsing ``encoded()`` gives the model back.
public struct SMIMEEntity: Hashable, Sendable {
    /// Content-Transfer-Encoding mechanisms (RFC 2045 §6.1).
    public enum TransferEncoding: String, Sendable, Hashable {
        case base64
        case binary
        case eightBit = "8bit"
        case sevenBit = "7bit"
        /// Anything else (quoted-printable, x-tokens): not decodable here.
        case unsupported
    }

    public var fields: [MIMEHeaderField]
    /// The body after transfer decoding: the CMS ContentInfo octets.
    public var content: [UInt8]
    /// Width of base64 lines (RFC 2045 §6.8: at most 76).
    public var lineLength: Int
    public var finalLineBreak: Bool

    public init(fields: [MIMEHeaderField], content: [UInt8], lineLength: Int = Base64Body.maxLineLength, finalLineBreak: Bool = true) {
        self.fields = fields
        self.content = content
        self.lineLength = lineLength
        self.finalLineBreak = finalLineBreak
    }

    /// The smime-type of RFC 8551 §3.2.2 for AuthEnvelopedData.
    public static let registeredSMIMEType = "authEnveloped-data"
    /// TR 33.829 Annex B.1's spelling (FACTS.md §10, item 15).
    public static let trSMIMEType = "auth-enveloped-data"

    /// The canonical entity of RFC 8551 §3.4 for `cms`: Content-Type with
    /// smime-type and name (folded before name, as in the RFC's sample),
    /// base64 transfer encoding, Content-Disposition with the filename.
    public static func make(cms: [UInt8], smimeType: String? = registeredSMIMEType, name: String? = "smime.p7m",
                            disposition: Bool = true, transferEncoding: TransferEncoding = .base64) -> SMIMEEntity {
        var ct = "application/pkcs7-mime"
        if let t = smimeType { ct += "; smime-type=\(t)" }
        if let n = name { ct += (smimeType == nil ? "; " : ";\r\n ") + "name=\(n)" }
        var fields = [MIMEHeaderField(name: "Content-Type", value: ct)]
        if transferEncoding != .unsupported { fields.append(MIMEHeaderField(name: "Content-Transfer-Encoding", value: transferEncoding.rawValue)) }
        if disposition { fields.append(MIMEHeaderField(name: "Content-Disposition", value: "attachment" + (name.map { "; filename=\($0)" } ?? ""))) }
        return SMIMEEntity(fields: fields, content: cms)
    }

    /// The first field named `name` (case-insensitive).
    public func field(_ name: String) -> MIMEHeaderField? { fields.first { $0.hasName(name) } }

    /// From the first Content-Transfer-Encoding field; 7bit when absent
    /// (RFC 2045 §6.1). Mechanism names are case-insensitive.
    public var transferEncoding: TransferEncoding {
        guard let f = field("Content-Transfer-Encoding") else { return .sevenBit }
        return TransferEncoding(rawValue: f.value.lowercased()).flatMap { $0 == .unsupported ? nil : $0 } ?? .unsupported
    }

    /// The header block and body: `name ":" rawValue CRLF` per field, an
    /// empty line, then the body (base64 lines, or the octets as they are).
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(content.count * 4 / 3 + 256)
        for f in fields {
            out += Array(f.name.utf8)
            out.append(0x3a)
            out += f.rawValue
            out += [0x0d, 0x0a]
        }
        out += [0x0d, 0x0a]
        if transferEncoding == .base64 {
            out += Base64Body.encode(content, lineLength: lineLength, finalLineBreak: finalLineBreak)
        } else {
            out += content
        }
        return out
    }
}
