import MediasecCore

/// What the entity parser read: the model, every finding of the entity
/// layer (offsets into the input), the typed Content-Type and
/// Content-Disposition, and the map from CMS octets back to the input.
public struct SMIMEParseResult: Sendable {
    public var entity: SMIMEEntity
    public var findings: [Finding]
    public var input: [UInt8]
    /// Where the body starts in the input (nil: no empty line ended the headers).
    public var bodyStart: Int?
    public var contentType: MIMEContentType?
    public var disposition: MIMEDisposition?
    public var smimeType: String?
    var base64: Base64Body?

    /// True when no form rule fired: ``SMIMEEntity/encoded()`` then equals the input.
    public var isCanonicalForm: Bool { !findings.contains { SMIMERules.formCodes.contains($0.code) } }

    /// Whether the body holds a CMS object to decode: the headers ended,
    /// the transfer encoding is one this suite decodes and the body is not empty.
    /// A base64 body whose quantum structure is broken (``SMIMERules/base64Padding``)
    /// is not handed on: its octets are not the sender's.
    public var hasCMSBody: Bool {
        bodyStart != nil && entity.transferEncoding != .unsupported && !entity.content.isEmpty
            && !(base64?.findings.contains { $0.code == SMIMERules.base64Padding.code } ?? false)
    }

    /// The input offset of content octet `k` (through the base64 layout).
    public func inputOffset(ofContentByte k: Int) -> Int? {
        guard let start = bodyStart else { return nil }
        if let b = base64 { return b.inputOffset(ofContentByte: k) ?? start }
        return start + max(0, min(k, entity.content.count))
    }

    /// A finding of the CMS layer moved into the entity: offset through the
    /// transfer encoding, path under `cms`.
    public func relocated(_ f: Finding) -> Finding {
        var g = f
        g.offset = f.offset.flatMap { inputOffset(ofContentByte: $0) }
        g.path = f.path.isEmpty ? "cms" : "cms.\(f.path)"
        return g
    }

    /// 1-based line and column of an input offset.
    public func location(of offset: Int) -> (line: Int, column: Int) { LineEndings.location(of: offset, in: input) }
}

/// Parses an `application/pkcs7-mime` entity (RFC 8551 §3.2) without
/// touching the CMS inside. Never throws and never traps; the header count
/// is bounded (``MIMELimits``); the whole input is read a bounded number of
/// times.
///
/// Checks: CRLF line endings in the header block and in a text (base64 or
/// 7bit) body; header syntax; one Content-Type, which is
/// application/pkcs7-mime with an smime-type (`authEnveloped-data`, or the
/// TR's `auth-enveloped-data` with a warning: ``CMSValidator/checkSMIMEType(_:)``)
/// and a `.p7m` name; Content-Disposition; the transfer encoding and the
/// base64 layout (``Base64Body``).
public struct SMIMEParser: Sendable {
    public var limits: MIMELimits

    public init(limits: MIMELimits = .default) { self.limits = limits }

    public func parse(_ input: [UInt8]) -> SMIMEParseResult {
        let block = MIMEHeaderBlock.parse(input, limits: limits)
        var findings = block.findings
        var r = SMIMEParseResult(entity: SMIMEEntity(fields: block.fields, content: []), findings: [], input: input, bodyStart: block.bodyStart)

        // Header fields: exactly one of each of the three S/MIME fields.
        for name in ["Content-Type", "Content-Transfer-Encoding", "Content-Disposition"] {
            if let f = block.field(name), f.count > 1 {
                let dup = block.fields.enumerated().filter { $0.element.hasName(name) }.dropFirst().first
                findings.append(SMIMERules.headerDuplicate.finding(at: dup?.element.offset, "headers[\(dup?.offset ?? f.index)]", "\(f.count) \(name) fields; the first is used"))
            }
        }
        findings += checkContentType(block, &r)
        findings += checkDisposition(block, &r)

        // Line endings: the header block, and a base64 body (text lines). A
        // 7bit body around a CMS object is already wrong (smime.cte.not-7bit).
        let encoding = r.entity.transferEncoding
        let textBody = encoding == .base64
        let scanEnd = textBody ? input.count : (block.bodyStart ?? input.count)
        let le = LineEndings.scan(input, 0..<scanEnd)
        if let o = le.firstBareLF { findings.append(SMIMERules.bareLF.finding(at: o, o < (block.bodyStart ?? Int.max) ? "headers" : "body", "\(le.bareLFCount) line(s) end with a bare LF")) }
        if let o = le.firstBareCR { findings.append(SMIMERules.bareCR.finding(at: o, o < (block.bodyStart ?? Int.max) ? "headers" : "body", "\(le.bareCRCount) CR octet(s) not followed by LF")) }

        // The body.
        if let start = block.bodyStart {
            let cte = r.entity.field("Content-Transfer-Encoding")
            switch encoding {
            case .base64:
                let b = Base64Body.decode(input, start..<input.count)
                findings += b.findings
                r.entity.content = b.content
                r.entity.lineLength = b.lineLength
                r.entity.finalLineBreak = b.finalLineBreak
                r.base64 = b
            case .binary, .eightBit, .sevenBit:
                r.entity.content = Array(input[start...])
                if encoding == .sevenBit, let k = r.entity.content.firstIndex(where: { $0 >= 0x80 || $0 == 0 }) {
                    let how = cte == nil ? "no Content-Transfer-Encoding (7bit by default)" : "Content-Transfer-Encoding 7bit"
                    findings.append(SMIMERules.transferEncodingNot7bit.finding(at: start + k, "body", "\(how), but octet 0x\(Hex.encode([r.entity.content[k]])) at body offset \(k); a binary CMS object needs base64 (or binary)"))
                }
            case .unsupported:
                r.entity.content = Array(input[start...])
                findings.append(SMIMERules.transferEncodingUnsupported.finding(at: cte?.valueOffset, "headers.Content-Transfer-Encoding", "Content-Transfer-Encoding \(cte?.value ?? "?") is not decoded by this suite"))
            }
            if r.entity.content.isEmpty { findings.append(SMIMERules.bodyEmpty.finding(at: start, "body")) }
        }
        r.findings = findings.sorted { ($0.offset ?? Int.max) < ($1.offset ?? Int.max) }
        return r
    }

    func checkContentType(_ block: MIMEHeaderBlock, _ r: inout SMIMEParseResult) -> [Finding] {
        guard let (field, index, _) = block.field("Content-Type") else {
            return block.bodyStart == nil && block.fields.isEmpty ? [] : [SMIMERules.contentTypeMissing.finding(at: 0, "headers")]
        }
        let path = "headers[\(index)].Content-Type"
        let ct: MIMEContentType
        switch MIMEContentType.parse(field, limits: limits) {
        case .failure(let e): return [SMIMERules.contentTypeSyntax.finding(at: e.offset ?? field.valueOffset, path, e.message)]
        case .success(let x): ct = x
        }
        r.contentType = ct
        var out = duplicates(ct.parameters, path)
        guard ct.mediaType == "application/pkcs7-mime" else {
            out.append(SMIMERules.notPKCS7MIME.finding(at: field.valueOffset, path, "media type \(ct.mediaType)"))
            return out
        }
        if let t = ct.parameter("smime-type") {
            r.smimeType = t.value
            for f in CMSValidator.checkSMIMEType(t.value) {
                out.append(Finding(code: f.code, severity: f.severity, offset: t.offset, path: "\(path).smime-type", specRef: f.specRef, message: f.message))
            }
        } else {
            out.append(SMIMERules.smimeTypeMissing.finding(at: field.valueOffset, path))
        }
        if let n = ct.parameter("name") {
            if !n.value.lowercased().hasSuffix(".p7m") { out.append(SMIMERules.nameExtension.finding(at: n.offset, "\(path).name", "name=\(n.value)")) }
        } else {
            out.append(SMIMERules.nameMissing.finding(at: field.valueOffset, path))
        }
        return out
    }

    func checkDisposition(_ block: MIMEHeaderBlock, _ r: inout SMIMEParseResult) -> [Finding] {
        guard let (field, index, _) = block.field("Content-Disposition") else {
            return block.bodyStart == nil ? [] : [SMIMERules.dispositionMissing.finding(at: nil, "headers")]
        }
        let path = "headers[\(index)].Content-Disposition"
        switch MIMEDisposition.parse(field, limits: limits) {
        case .failure(let e): return [SMIMERules.dispositionSyntax.finding(at: e.offset ?? field.valueOffset, path, e.message)]
        case .success(let d):
            r.disposition = d
            var out = duplicates(d.parameters, path)
            if let f = d.parameter("filename"), !f.value.lowercased().hasSuffix(".p7m") {
                out.append(SMIMERules.nameExtension.finding(at: f.offset, "\(path).filename", "filename=\(f.value)"))
            }
            return out
        }
    }

    func duplicates(_ params: [MIMEParameter], _ path: String) -> [Finding] {
        var seen = Set<String>()
        return params.compactMap { p in
            seen.insert(p.name).inserted ? nil : SMIMERules.parameterDuplicate.finding(at: p.offset, "\(path).\(p.name)", "parameter \(p.name) occurs more than once")
        }
    }
}
