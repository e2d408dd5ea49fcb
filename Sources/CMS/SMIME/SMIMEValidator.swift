import MediasecCore

public struct SMIMEValidationOptions: Sendable {
    /// How the CMS object in the body is decoded and validated (encoding
    /// rules, profiles, code points, key).
    public var cms: CMSValidationOptions
    public var limits: MIMELimits

    public init(cms: CMSValidationOptions = CMSValidationOptions(), limits: MIMELimits = .default) {
        self.cms = cms
        self.limits = limits
    }
}

public struct SMIMEValidationReport: Sendable {
    public var parse: SMIMEParseResult
    /// The CMS validation of the body, when there was a body to decode.
    public var cms: CMSValidationReport?
    /// The decrypted inner entity (only after the tag verified).
    public var inner: InnerMIMEEntity?
    /// Entity findings, then the CMS findings (offsets mapped into the
    /// entity, paths under `cms`), then the inner entity's (under `inner`).
    public var findings: [Finding]

    public var isValid: Bool { findings.isValid }
}

/// Validates an S/MIME entity end to end: the entity (``SMIMEParser``), the
/// CMS object in its body (``CMSValidator``, with the key when given), and,
/// when the tag verified and the content is id-data, the inner MIME entity
/// (``InnerMIMEEntity``).
public struct SMIMEValidator: Sendable {
    public var options: SMIMEValidationOptions

    public init(options: SMIMEValidationOptions = SMIMEValidationOptions()) { self.options = options }

    public func validate(_ input: [UInt8]) -> SMIMEValidationReport {
        let p = SMIMEParser(limits: options.limits).parse(input)
        var report = SMIMEValidationReport(parse: p, cms: nil, inner: nil, findings: p.findings)
        guard p.hasCMSBody else { return report }
        let c = CMSValidator(options: options.cms).validate(p.entity.content)
        report.cms = c
        report.findings += c.findings.map(p.relocated)
        if let pt = c.plaintext, pt.contentType == CMSOID.data {
            let (entity, findings) = InnerMIMEEntity.parse(pt.content, limits: options.limits)
            report.inner = entity
            report.findings += findings
        }
        return report
    }
}
