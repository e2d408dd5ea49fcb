import MediasecCore
import CMS

/// `Vectors/cms/smime.json` (format `smime`): the application/pkcs7-mime
/// entity of RFC 8551 §3.2/§3.4 and TR 33.829 Annex B.2 around an
/// AuthEnvelopedData — both smime-type spellings (FACTS.md §10 item 15),
/// header syntax, CRLF canonical form, the base64 body and its layout, the
/// transfer encodings, and, with a key, the decrypted inner MIME entity.
enum SMIMEVectors {
    typealias S = SMIMERules
    typealias R = CMSRules

    static let b2 = "TR 33.829 Annex B.2"
    static let p72 = "RFC 8551 §3.2"

    /// The canonical header lines of ``SMIMEEntity/make(cms:smimeType:name:disposition:transferEncoding:)``.
    static func headers(smimeType: String = SMIMEEntity.registeredSMIMEType) -> [String] {
        ["Content-Type: application/pkcs7-mime; smime-type=\(smimeType);", " name=smime.p7m", "Content-Transfer-Encoding: base64",
         "Content-Disposition: attachment; filename=smime.p7m"]
    }

    static let innerText = "All your base are belong to us.\r\n"

    static func build(_ s: SMIMEVectorSetAlias) {
        spellings(s)
        parameters(s)
        headerSyntax(s)
        lineEndings(s)
        transferEncodings(s)
        base64(s)
        inner(s)
        cms(s)
    }

    typealias SMIMEVectorSetAlias = CMSVectorSet

    /// A keyed case: verified tag, inner entity parsed.
    static func opened(_ bytes: [UInt8], _ b: CMSFixtures.Built, warnings: [String] = [], smimeType: String?, key: CMSVectorKey? = nil) -> CMSVectorCase {
        let infos = [R.aeadVerified.c, S.innerParsed.c]
        let c = warnings.isEmpty ? CMSVectorCase.valid(bytes, infos: infos) : .acceptable(bytes, warnings, infos: infos)
        return c.key(key ?? b.kekKey).pinning(CMSExpected.smime(b.model, smimeType: smimeType, verified: b.content.count, inner: ("text/plain", innerText)))
    }

    static func spellings(_ s: CMSVectorSet) {
        s.add("smime-type::registered", "The canonical entity: smime-type authEnveloped-data, name and filename smime.p7m, base64 in 76-character CRLF lines; opened with the KEK and the inner entity parsed.",
              refs: ["RFC 8551 §3.4", p72, "RFC 8551 §3.2.2"], flags: ["clean-baseline", "crypto", "inner-entity"]) { g in
            let b = try g.build()
            return opened(CMSFixtures.entity(b.bytes), b, smimeType: "authEnveloped-data")
        }
        s.add("smime-type::registered-unkeyed", "The canonical entity validated without a key.", refs: ["RFC 8551 §3.4", p72], flags: ["clean-baseline"]) { g in
            let b = try g.build()
            return .valid(CMSFixtures.entity(b.bytes)).pinning(CMSExpected.smime(b.model, smimeType: "authEnveloped-data"))
        }
        s.add("smime-type::tr-spelling", "smime-type auth-enveloped-data (TR 33.829 Annex B.1) around an id-ori-mikey message, opened with the MPKi.",
              refs: ["TR 33.829 Annex B.1", b2, "RFC 8551 §3.2.2"], flags: ["ambiguity-15-smime-type-spelling", "crypto", "inner-entity", "tr-code-points"]) { g in
            let b = try g.build(recipients: .ori)
            return opened(CMSFixtures.entity(b.bytes, smimeType: SMIMEEntity.trSMIMEType), b, warnings: [R.annexBSMIMETypeSpelling.c], smimeType: "auth-enveloped-data", key: b.mikeyKey)
        }
        s.add("smime-type::tr-example-layout", "The layout of TR 33.829 Annex B.2's example: Content-Type folded over three lines with four-space indentation, the TR spelling.",
              refs: [b2, "RFC 5322 §2.2.3"], flags: ["ambiguity-15-smime-type-spelling", "crypto", "inner-entity", "tr-code-points"]) { g in
            let b = try g.build(recipients: .ori, proofOfOrigin: true)
            let bytes = CMSFixtures.entity(headers: ["Content-Type: application/pkcs7-mime;", "    smime-type=auth-enveloped-data;", "    name=smime.p7m",
                                                     "Content-Transfer-Encoding: base64", "Content-Disposition: attachment; filename=smime.p7m"],
                                           body: CMSFixtures.base64Lines(b.bytes))
            var c = opened(bytes, b, warnings: [R.annexBSMIMETypeSpelling.c], smimeType: "auth-enveloped-data", key: b.mikeyKey)
            c.findings.append(R.proofOfOriginMatch.c)
            return c
        }
        s.add("smime-type::tr-spelling-unkeyed", "The TR spelling around a kekri message, without a key.", refs: ["TR 33.829 Annex B.1", "RFC 8551 §3.2.2"],
              flags: ["ambiguity-15-smime-type-spelling"]) { g in
            .acceptable(CMSFixtures.entity(try g.build().bytes, smimeType: SMIMEEntity.trSMIMEType), [R.annexBSMIMETypeSpelling.c])
        }
        s.add("smime-type::quoted", "smime-type given as a quoted-string \"authEnveloped-data\".", refs: ["RFC 2045 §5.1", "RFC 8551 §3.2.2"], flags: ["clean-baseline"]) { g in
            let b = try g.build()
            return .valid(CMSFixtures.entity(headers: ["Content-Type: application/pkcs7-mime; smime-type=\"authEnveloped-data\"; name=\"smime.p7m\"",
                                                       "Content-Transfer-Encoding: base64", "Content-Disposition: attachment; filename=\"smime.p7m\""], body: CMSFixtures.base64Lines(b.bytes)))
        }
        for (label, value) in [("enveloped-data", "enveloped-data"), ("lowercase", "authenveloped-data"), ("signed-data", "signed-data"), ("oid-form", "OID.1.2.840.113549.1.9.16.1.23")] {
            s.add("smime-type::\(label)", "smime-type=\(value) on an AuthEnvelopedData entity.", refs: ["RFC 8551 §3.2.2", "TR 33.829 Annex B.1"], flags: []) { g in
                .invalid(CMSFixtures.entity(try g.build().bytes, smimeType: value), [R.annexBSMIMETypeWrong.c])
            }
        }
        s.add("smime-type::missing", "No smime-type parameter (SHOULD be present).", refs: [p72], flags: []) { g in
            .acceptable(CMSFixtures.entity(try g.build().bytes, smimeType: nil), [S.smimeTypeMissing.c])
        }
    }

    static func parameters(_ s: CMSVectorSet) {
        s.add("name::missing", "No name parameter and no Content-Disposition filename.", refs: ["RFC 8551 §3.2.1"], flags: []) { g in
            .valid(CMSFixtures.entity(try g.build().bytes, name: nil), infos: [S.nameMissing.c])
        }
        s.add("name::bin-extension", "name=smime.bin (SHOULD be .p7m for AuthEnvelopedData).", refs: ["RFC 8551 §3.2.1"], flags: []) { g in
            let b = try g.build()
            return .acceptable(CMSFixtures.entity(headers: ["Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.bin", "Content-Transfer-Encoding: base64"],
                                                  body: CMSFixtures.base64Lines(b.bytes)), [S.nameExtension.c], infos: [S.dispositionMissing.c])
        }
        s.add("name::filename-txt", "Content-Disposition filename=message.txt.", refs: ["RFC 8551 §3.2.1", "RFC 2183 §2.3"], flags: []) { g in
            let b = try g.build()
            return .acceptable(CMSFixtures.entity(headers: ["Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m", "Content-Transfer-Encoding: base64",
                                                            "Content-Disposition: attachment; filename=message.txt"], body: CMSFixtures.base64Lines(b.bytes)), [S.nameExtension.c])
        }
        s.add("disposition::missing", "No Content-Disposition (SHOULD be emitted).", refs: ["RFC 8551 §3.2.1"], flags: []) { g in
            .valid(CMSFixtures.entity(try g.build().bytes, disposition: false), infos: [S.dispositionMissing.c])
        }
        s.add("disposition::syntax", "Content-Disposition: attachment; filename (no value).", refs: ["RFC 2183 §2"], flags: []) { g in
            let b = try g.build()
            return .invalid(CMSFixtures.entity(headers: Array(headers().prefix(3)) + ["Content-Disposition: attachment; filename"], body: CMSFixtures.base64Lines(b.bytes)), [S.dispositionSyntax.c])
        }
        s.add("parameter::duplicate-name", "The name parameter given twice.", refs: ["RFC 2045 §5.1", "RFC 2231 §7"], flags: []) { g in
            let b = try g.build()
            return .invalid(CMSFixtures.entity(headers: ["Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m; name=other.p7m",
                                                         "Content-Transfer-Encoding: base64"], body: CMSFixtures.base64Lines(b.bytes)), [S.parameterDuplicate.c])
        }
        s.add("parameter::case-and-comments", "Mixed-case field, type and parameter names, a comment and a tab fold: all equivalent to the canonical header.",
              refs: ["RFC 2045 §5.1", "RFC 5322 §3.2.2", "RFC 5322 §2.2.3"], flags: []) { g in
            let b = try g.build()
            return .valid(CMSFixtures.entity(headers: ["content-type: Application/PKCS7-MIME (S/MIME); SMIME-Type=authEnveloped-data;", "\tName=smime.p7m",
                                                       "CONTENT-TRANSFER-ENCODING: Base64", "Content-Disposition: Attachment; FileName=smime.p7m"], body: CMSFixtures.base64Lines(b.bytes)))
        }
        s.add("parameter::mime-version-and-extras", "MIME-Version, Content-Description and an X- field beside the S/MIME fields (as OpenSSL writes).",
              refs: [p72, "RFC 2045 §4"], flags: []) { g in
            let b = try g.build()
            return .valid(CMSFixtures.entity(headers: ["MIME-Version: 1.0"] + headers() + ["Content-Description: S/MIME Encrypted Message", "X-Mailer: mediasec"],
                                             body: CMSFixtures.base64Lines(b.bytes)))
        }
        let syntax: [(String, String)] = [
            ("no-subtype", "Content-Type: application; smime-type=authEnveloped-data"),
            ("unterminated-quote", "Content-Type: application/pkcs7-mime; smime-type=\"authEnveloped-data"),
            ("parameter-without-value", "Content-Type: application/pkcs7-mime; smime-type"),
            ("trailing-semicolon", "Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data;"),
            ("unterminated-comment", "Content-Type: application/pkcs7-mime (note; smime-type=authEnveloped-data"),
            ("space-in-token", "Content-Type: application/pkcs7 mime; smime-type=authEnveloped-data"),
        ]
        for (label, line) in syntax {
            s.add("content-type::\(label)", "Content-Type value with a syntax error (\(label.replacingOccurrences(of: "-", with: " "))).", refs: ["RFC 2045 §5.1"], flags: []) { g in
                .invalid(CMSFixtures.entity(headers: [line, "Content-Transfer-Encoding: base64"], body: CMSFixtures.base64Lines(try g.build().bytes)), [S.contentTypeSyntax.c])
            }
        }
        s.add("content-type::missing", "No Content-Type field (the entity defaults to text/plain).", refs: ["RFC 2045 §5.2", p72], flags: []) { g in
            .invalid(CMSFixtures.entity(headers: ["Content-Transfer-Encoding: base64"], body: CMSFixtures.base64Lines(try g.build().bytes)), [S.contentTypeMissing.c])
        }
        for (label, type) in [("text-plain", "text/plain"), ("octet-stream", "application/octet-stream"), ("pkcs7-signature", "application/pkcs7-signature")] {
            s.add("content-type::\(label)", "Content-Type \(type) around an AuthEnvelopedData.", refs: [p72, b2], flags: []) { g in
                .invalid(CMSFixtures.entity(headers: ["Content-Type: \(type); name=smime.p7m", "Content-Transfer-Encoding: base64"], body: CMSFixtures.base64Lines(try g.build().bytes)),
                         [S.notPKCS7MIME.c])
            }
        }
        for field in ["Content-Type", "Content-Transfer-Encoding", "Content-Disposition"] {
            s.add("header::duplicate-\(field.lowercased())", "Two \(field) fields.", refs: ["RFC 2045 §5", "RFC 2183 §2"], flags: []) { g in
                let dup = headers().first { $0.hasPrefix(field) } ?? ""
                return .invalid(CMSFixtures.entity(headers: headers() + [dup + (field == "Content-Type" ? "" : "")], body: CMSFixtures.base64Lines(try g.build().bytes)), [S.headerDuplicate.c])
            }
        }
    }

    static func headerSyntax(_ s: CMSVectorSet) {
        let body: (CMSFixtures) throws -> [UInt8] = { g in CMSFixtures.base64Lines(try g.build().bytes) }
        s.add("header::line-without-colon", "A header line that is neither a field nor a continuation.", refs: ["RFC 5322 §2.2"], flags: ["smime-form"]) { g in
            .invalid(CMSFixtures.entity(headers: headers() + ["This line has no colon"], body: try body(g)), [S.headerSyntax.c])
        }
        s.add("header::continuation-first", "The header block starts with a folded continuation line.", refs: ["RFC 5322 §2.2.3"], flags: ["smime-form"]) { g in
            .invalid(CMSFixtures.entity(headers: [" orphan continuation"] + headers(), body: try body(g)), [S.headerSyntax.c])
        }
        s.add("header::space-before-colon", "\"Content-Type :\" (whitespace before the colon, obsolete syntax): the field is not read, so there is no Content-Type.",
              refs: ["RFC 5322 §2.2", "RFC 5322 §4.5"], flags: ["smime-form"]) { g in
            .invalid(CMSFixtures.entity(headers: ["Content-Type : application/pkcs7-mime; smime-type=authEnveloped-data", "Content-Transfer-Encoding: base64"], body: try body(g)),
                     [S.headerSyntax.c, S.contentTypeMissing.c])
        }
        s.add("header::line-999", "A header line of 999 characters (at most 998).", refs: ["RFC 5322 §2.1.1"], flags: []) { g in
            .invalid(CMSFixtures.entity(headers: headers() + ["X-Padding: " + String(repeating: "a", count: 999 - 11)], body: try body(g)), [S.headerLineLength.c])
        }
        s.add("header::line-998", "A header line of exactly 998 characters.", refs: ["RFC 5322 §2.1.1"], flags: []) { g in
            .valid(CMSFixtures.entity(headers: headers() + ["X-Padding: " + String(repeating: "a", count: 998 - 11)], body: try body(g)))
        }
        s.add("header::non-ascii", "A header field with UTF-8 octets (X-Note: café).", refs: ["RFC 5322 §2.2", "RFC 2045 §5.1"], flags: []) { g in
            .invalid(CMSFixtures.entity(headers: headers() + ["X-Note: caf\u{e9}"], body: try body(g)), [S.headerNonASCII.c])
        }
        s.add("header::no-separator", "Header fields with no empty line after them: the entity has no body.", refs: ["RFC 5322 §2.1"], flags: ["smime-form"]) { _ in
            .invalid(Array(headers().map { $0 + "\r\n" }.joined().utf8), [S.headerNoBody.c])
        }
        s.add("header::count-65", "65 header fields (mediasec's limit is 64): parsing stops.", refs: ["RFC 5322 §2.2"], flags: ["hostile-input", "smime-form"]) { g in
            .invalid(CMSFixtures.entity(headers: headers() + (0..<62).map { "X-Filler-\($0): x" }, body: try body(g)), [S.headerCount.c])
        }
        s.add("header::count-64", "64 header fields: at the limit.", refs: ["RFC 5322 §2.2"], flags: []) { g in
            .valid(CMSFixtures.entity(headers: headers() + (0..<61).map { "X-Filler-\($0): x" }, body: try body(g)))
        }
    }

    static func lineEndings(_ s: CMSVectorSet) {
        s.add("crlf::bare-lf-everywhere", "Every line ends with a bare LF (the form `openssl cms -encrypt` writes on Unix).", refs: ["RFC 5322 §2.1", "RFC 8551 §3.1.1"], flags: ["smime-form"]) { g in
            let crlf = CMSFixtures.entity(try g.build().bytes)
            return .invalid(crlf.filter { $0 != 0x0d }, [S.bareLF.c])
        }
        s.add("crlf::bare-lf-headers", "The header lines end with bare LF, the body with CRLF.", refs: ["RFC 5322 §2.1"], flags: ["smime-form"]) { g in
            .invalid(Array((headers().map { $0 + "\n" }.joined() + "\n").utf8) + CMSFixtures.base64Lines(try g.build().bytes), [S.bareLF.c])
        }
        s.add("crlf::bare-lf-body", "The headers end with CRLF, the base64 lines with bare LF.", refs: ["RFC 5322 §2.1", "RFC 2045 §6.8"], flags: ["smime-form"]) { g in
            .invalid(CMSFixtures.entity(headers: headers(), body: CMSFixtures.base64Lines(try g.build().bytes, eol: "\n")), [S.bareLF.c])
        }
        s.add("crlf::bare-lf-fold", "A folded Content-Type whose fold is a bare LF.", refs: ["RFC 5322 §2.2.3"], flags: ["smime-form"]) { g in
            .invalid(CMSFixtures.entity(headers: ["Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data;\n name=smime.p7m", "Content-Transfer-Encoding: base64"],
                                        body: CMSFixtures.base64Lines(try g.build().bytes)), [S.bareLF.c])
        }
        s.add("crlf::bare-cr", "A bare CR inside a header value.", refs: ["RFC 5322 §2.1"], flags: ["smime-form"]) { g in
            .invalid(CMSFixtures.entity(headers: headers() + ["X-Note: a\rb"], body: CMSFixtures.base64Lines(try g.build().bytes)), [S.bareCR.c])
        }
        s.add("crlf::cr-cr-lf", "Lines ending CR CR LF.", refs: ["RFC 5322 §2.1"], flags: ["smime-form"]) { g in
            // Each 76-character line then holds a 77th character, the stray CR.
            .invalid(CMSFixtures.entity(headers: headers(), body: CMSFixtures.base64Lines(try g.build().bytes, eol: "\r\r\n")), [S.bareCR.c, S.base64LineLength.c])
        }
    }

    static func transferEncodings(_ s: CMSVectorSet) {
        s.add("cte::binary", "Content-Transfer-Encoding binary: the DER octets as they are (RFC 8551 §3.1.2: agents MUST handle binary).", refs: ["RFC 8551 §3.1.2", "RFC 2045 §6.2"], flags: []) { g in
            let b = try g.build()
            return .valid(SMIMEEntity.make(cms: b.bytes, transferEncoding: .binary).encoded()).pinning(CMSExpected.smime(b.model, smimeType: "authEnveloped-data", encoding: "binary"))
        }
        s.add("cte::binary-keyed", "A binary entity opened with the KEK.", refs: ["RFC 8551 §3.1.2"], flags: ["crypto", "inner-entity"]) { g in
            let b = try g.build()
            var c = opened(SMIMEEntity.make(cms: b.bytes, transferEncoding: .binary).encoded(), b, smimeType: "authEnveloped-data")
            c.decoded = CMSExpected.smime(b.model, smimeType: "authEnveloped-data", encoding: "binary", verified: b.content.count, inner: ("text/plain", innerText))
            return c
        }
        s.add("cte::8bit", "Content-Transfer-Encoding 8bit with the DER octets.", refs: ["RFC 2045 §6.2"], flags: []) { g in
            .valid(SMIMEEntity.make(cms: try g.build().bytes, transferEncoding: .eightBit).encoded())
        }
        s.add("cte::absent-binary-body", "No Content-Transfer-Encoding (7bit by default) around raw DER octets.", refs: ["RFC 2045 §6.1", "RFC 8551 §3.1.2"], flags: []) { g in
            .invalid(CMSFixtures.entity(headers: ["Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m"], body: try g.build().bytes),
                     [S.transferEncodingNot7bit.c])
        }
        s.add("cte::7bit-binary-body", "Content-Transfer-Encoding 7bit around raw DER octets.", refs: ["RFC 2045 §2.7"], flags: []) { g in
            .invalid(SMIMEEntity.make(cms: try g.build().bytes, transferEncoding: .sevenBit).encoded(), [S.transferEncodingNot7bit.c])
        }
        for (label, value) in [("quoted-printable", "quoted-printable"), ("x-token", "x-uuencode")] {
            s.add("cte::\(label)", "Content-Transfer-Encoding \(value): not decoded by the suite.", refs: ["RFC 2045 §6.1", p72], flags: []) { g in
                .invalid(CMSFixtures.entity(headers: ["Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m", "Content-Transfer-Encoding: \(value)"],
                                            body: CMSFixtures.base64Lines(try g.build().bytes)), [S.transferEncodingUnsupported.c])
            }
        }
    }

    static func base64(_ s: CMSVectorSet) {
        /// The base64 body of a fresh message, with `f` applied to its text lines (CRLF re-added).
        func body(_ g: CMSFixtures, width: Int = 76, _ f: (inout [String]) -> Void = { _ in }) throws -> [UInt8] {
            let text = String(decoding: CMSFixtures.base64Lines(try g.build().bytes, width: width, eol: "\n"), as: UTF8.self)
            var lines = text.split(separator: "\n").map(String.init)
            f(&lines)
            return CMSFixtures.entity(headers: headers(), body: Array(lines.map { $0 + "\r\n" }.joined().utf8))
        }
        for (label, width, what) in [(64, 64, "64-character lines (PEM width)"), (60, 60, "60-character lines (RFC 8551's sample)"), (4, 4, "4-character lines")] as [(Int, Int, String)] {
            s.add("base64::lines-\(label)", "A base64 body in \(what).", refs: ["RFC 2045 §6.8"], flags: []) { g in .valid(try body(g, width: width)) }
        }
        s.add("base64::line-77", "Base64 lines of 77 characters (at most 76).", refs: ["RFC 2045 §6.8"], flags: ["smime-form"]) { g in
            .invalid(try body(g, width: 77), [S.base64LineLength.c])
        }
        s.add("base64::one-line", "The whole base64 body on one line.", refs: ["RFC 2045 §6.8"], flags: ["smime-form"]) { g in
            .invalid(try body(g, width: 100_000), [S.base64LineLength.c])
        }
        for (label, ch) in [("exclamation", "!"), ("space", " "), ("tab", "\t"), ("url-safe-dash", "-"), ("nul", "\u{0}")] {
            s.add("base64::invalid-char-\(label)", "A line holding a '\(label)' character between the first and second base64 lines.", refs: ["RFC 2045 §6.8"], flags: ["smime-form"]) { g in
                .invalid(try body(g) { $0.insert(ch, at: 1) }, [S.base64InvalidCharacter.c])
            }
        }
        s.add("base64::padding-missing", "The final quantum's '=' padding removed.", refs: ["RFC 2045 §6.8", "RFC 4648 §3.2"], flags: ["smime-form"]) { g in
            var had = false
            let b = try body(g) { lines in
                had = lines[lines.count - 1].contains("=")
                lines[lines.count - 1] = lines[lines.count - 1].filter { $0 != "=" }
            }
            guard had else { throw GenerationError(description: "no padding to strip") }
            return .invalid(b, [S.base64Padding.c])
        }
        s.add("base64::padding-extra", "An extra quantum of '====' after the body.", refs: ["RFC 4648 §3.2"], flags: ["smime-form"]) { g in
            .invalid(try body(g) { $0.append("====") }, [S.base64Padding.c])
        }
        s.add("base64::data-after-padding", "Base64 characters after a padded quantum.", refs: ["RFC 4648 §3.3"], flags: ["smime-form"]) { g in
            .invalid(try body(g) { $0.append("QUFB") }, [S.base64Padding.c])
        }
        s.add("base64::single-char-quantum", "One base64 character left over at the end (6 bits cannot make an octet).", refs: ["RFC 4648 §3.2"], flags: ["smime-form"]) { g in
            .invalid(try body(g) { lines in
                lines[lines.count - 1] = lines[lines.count - 1].filter { $0 != "=" }
                let total = lines.reduce(0) { $0 + $1.count }
                lines.append(String(repeating: "Q", count: (5 - total % 4) % 4))
            }, [S.base64Padding.c])
        }
        s.add("base64::pad-bits", "The last base64 character before '=' carries non-zero unused bits.", refs: ["RFC 4648 §3.5"], flags: ["smime-form"]) { g in
            let msg = try g.build(content: Array((String(decoding: CMSFixtures.innerEntity, as: UTF8.self)).utf8))
            var bytes = msg.bytes
            // Make the DER length ≡ 1 (mod 3) by choosing the content; then the last character before "==" has 4 unused bits.
            var pad = 0
            while bytes.count % 3 != 1 && pad < 3 {
                pad += 1
                bytes = try g.build(content: CMSFixtures.innerEntity + [UInt8](repeating: 0x20, count: pad)).bytes
            }
            let text = CMSFixtures.base64Lines(bytes)
            var t = Array(text)
            guard let eq = t.firstIndex(of: 0x3d), eq > 0 else { throw GenerationError(description: "no padding") }
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            guard let v = alphabet.firstIndex(of: t[eq - 1]) else { throw GenerationError(description: "bad char") }
            t[eq - 1] = alphabet[v | 0x01]
            return .acceptable(CMSFixtures.entity(headers: headers(), body: t), [S.base64PadBits.c])
        }
        s.add("base64::irregular-lines", "Base64 lines of varying widths (all at most 76).", refs: ["RFC 2045 §6.8"], flags: ["smime-form"]) { g in
            .valid(try body(g) { lines in
                let joined = lines.joined()
                var out: [String] = []
                var i = joined.startIndex
                var w = 40
                while i < joined.endIndex {
                    let e = joined.index(i, offsetBy: w, limitedBy: joined.endIndex) ?? joined.endIndex
                    out.append(String(joined[i..<e]))
                    i = e
                    w = w == 40 ? 72 : 40
                }
                lines = out
            }, infos: [S.base64IrregularLines.c])
        }
        s.add("base64::trailing-blank-line", "An empty line after the base64 body (ignored).", refs: ["RFC 2045 §6.8"], flags: ["smime-form"]) { g in
            .valid(try body(g) { $0.append("") }, infos: [S.base64BlankLine.c])
        }
        s.add("base64::no-final-line-break", "The last base64 line without its CRLF.", refs: ["RFC 2045 §6.8"], flags: []) { g in
            let b = try body(g)
            return .valid(Array(b.dropLast(2)))
        }
        s.add("body::empty", "The header block and the empty line, then nothing.", refs: [p72], flags: []) { _ in
            .invalid(CMSFixtures.entity(headers: headers(), body: []), [S.bodyEmpty.c])
        }
        s.add("body::only-line-breaks", "A body of empty lines only.", refs: [p72, "RFC 2045 §6.8"], flags: ["smime-form"]) { _ in
            .invalid(CMSFixtures.entity(headers: headers(), body: Array("\r\n\r\n".utf8)), [S.bodyEmpty.c])
        }
    }

    static func inner(_ s: CMSVectorSet) {
        func keyed(_ g: CMSFixtures, content: [UInt8]) throws -> (CMSFixtures.Built, [UInt8]) {
            let b = try g.build(content: content)
            return (b, CMSFixtures.entity(b.bytes))
        }
        s.add("inner::bare-lf-text", "The decrypted text/plain entity uses bare LF line endings (not canonicalized before enveloping).",
              refs: ["RFC 8551 §3.1.1", "TR 33.829 Annex B.1"], flags: ["crypto", "inner-entity"]) { g in
            let (b, e) = try keyed(g, content: Array("Content-Type: text/plain\n\nAll your base are belong to us.\n".utf8))
            return CMSVectorCase.invalid(e, [S.innerLineEnding.c]).key(b.kekKey)
        }
        s.add("inner::bare-lf-body-only", "Canonical inner headers, a text body with bare LF.", refs: ["RFC 8551 §3.1.1"], flags: ["crypto", "inner-entity"]) { g in
            let (b, e) = try keyed(g, content: Array("Content-Type: text/plain; charset=utf-8\r\n\r\nline one\nline two\n".utf8))
            return CMSVectorCase.invalid(e, [S.innerLineEnding.c]).key(b.kekKey)
        }
        s.add("inner::not-mime", "The decrypted content is plain text without a MIME header block.", refs: [p72, "TR 33.829 Annex B.2"], flags: ["crypto", "inner-entity"]) { g in
            let (b, e) = try keyed(g, content: Array("hello world".utf8))
            return CMSVectorCase.invalid(e, [S.innerNotMIME.c]).key(b.kekKey)
        }
        s.add("inner::no-headers", "The decrypted entity has no header fields (an empty line, then the body: text/plain by default).", refs: ["RFC 2045 §5.2", "RFC 8551 §3.1"],
              flags: ["crypto", "inner-entity"]) { g in
            let (b, e) = try keyed(g, content: Array("\r\nAll your base are belong to us.\r\n".utf8))
            return CMSVectorCase.valid(e, infos: [R.aeadVerified.c, S.innerParsed.c]).key(b.kekKey)
                .pinning(CMSExpected.smime(b.model, smimeType: "authEnveloped-data", verified: b.content.count, inner: ("text/plain", innerText)))
        }
        s.add("inner::octet-stream", "An application/octet-stream inner entity with binary content (LF octets are not line endings there).", refs: ["RFC 8551 §3.1.1"],
              flags: ["crypto", "inner-entity"]) { g in
            let (b, e) = try keyed(g, content: Array("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n".utf8) + [0x00, 0x0a, 0xff, 0x0a, 0x0d])
            return CMSVectorCase.valid(e, infos: [R.aeadVerified.c, S.innerParsed.c]).key(b.kekKey)
        }
        s.add("inner::multipart", "A multipart/mixed inner entity with two parts, canonical.", refs: ["RFC 8551 §3.1", "RFC 2046 §5.1"], flags: ["crypto", "inner-entity"]) { g in
            let text = "Content-Type: multipart/mixed; boundary=bar\r\n\r\n--bar\r\nContent-Type: text/plain\r\n\r\nhello\r\n--bar\r\nContent-Type: text/plain\r\n\r\nworld\r\n--bar--\r\n"
            let (b, e) = try keyed(g, content: Array(text.utf8))
            return CMSVectorCase.valid(e, infos: [R.aeadVerified.c, S.innerParsed.c]).key(b.kekKey)
        }
        s.add("inner::header-syntax", "The decrypted entity's first line has no colon: not a MIME entity.", refs: [p72], flags: ["crypto", "inner-entity"]) { g in
            let (b, e) = try keyed(g, content: Array("Content-Type text/plain\r\n\r\nhi\r\n".utf8))
            return CMSVectorCase.invalid(e, [S.innerNotMIME.c]).key(b.kekKey)
        }
    }

    static func cms(_ s: CMSVectorSet) {
        s.add("cms::wrong-kek", "A canonical entity opened with the wrong KEK: no plaintext, no inner entity.", refs: ["RFC 5083 §2.2", p72], flags: ["crypto", "bug-shape-plaintext-before-tag"]) { g in
            let b = try g.build()
            return CMSVectorCase.invalid(CMSFixtures.entity(b.bytes), [R.keyRecoveryFailed.c]).key(.kek(g.bytes(16), id: b.kekID))
        }
        s.add("cms::tag-mismatch", "A canonical entity whose CMS mac was changed: the tag does not verify, no inner entity is released.",
              refs: ["RFC 5083 §2", p72], flags: ["crypto", "bug-shape-plaintext-before-tag"]) { g in
            let b = try g.build()
            return CMSVectorCase.invalid(CMSFixtures.entity(try g.mutate(b) { $0.mac[0] ^= 1 }), [R.aeadTagMismatch.c]).key(b.kekKey)
        }
        s.add("cms::indefinite-der", "A canonical entity around an indefinite-length AuthEnvelopedData; DER rules.", refs: ["X.690 §10.1", p72], flags: ["tree-edit", "bug-shape-indefinite-length"]) { g in
            .invalid(CMSFixtures.entity(try g.edit(try g.build().bytes, CMSPath.aed) { $0.setLength(.indefinite) }), [DERDeviation.indefiniteLength.c])
        }
        s.add("cms::indefinite-ber", "The same under the BER rules, opened with the KEK.", refs: ["RFC 5652 §1", "X.690 §8.1.3.6"],
              flags: ["tree-edit", "rules-ber", "crypto", "inner-entity", "bug-shape-indefinite-length"]) { g in
            let b = try g.build()
            let e = CMSFixtures.entity(try g.edit(b.bytes, CMSPath.aed) { $0.setLength(.indefinite) })
            return CMSVectorCase.acceptable(e, [DERDeviation.indefiniteLength.c], infos: [R.aeadVerified.c, S.innerParsed.c]).key(b.kekKey).underBER()
        }
        s.add("cms::not-auth-enveloped", "smime-type authEnveloped-data around a ContentInfo of type id-data.", refs: [p72, "RFC 5083 §2.1"], flags: []) { _ in
            .invalid(CMSFixtures.entity(CMSFixtures.contentInfo(CMSOID.data, CMSFixtures.tlv(0x04, Array("hello".utf8)))), [R.notAuthEnveloped.c])
        }
        s.add("cms::truncated", "A canonical entity whose base64 body stops halfway through the DER (at a quantum boundary).", refs: ["X.690 §8.1.1", p72], flags: ["truncated"]) { g in
            let der = try g.build().bytes
            let half = Array(der.prefix((der.count / 2) / 3 * 3))
            return .invalid(CMSFixtures.entity(half), ["der.truncated"])
        }
    }
}
