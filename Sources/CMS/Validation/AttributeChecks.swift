import MediasecCore

extension CMSValidationRun {
    /// RFC 5083 §2.1 and RFC 5652 §11.1: authAttrs presence, DER encoding,
    /// SIZE (1..MAX), message-digest, content-type attribute.
    mutating func checkAttributes() {
        guard let aed else { return }
        let r = Self.root
        let inner = aed.innerContentType
        if inner != CMSOID.data && aed.authAttrs == nil {
            add(CMSRules.authAttrsRequired, "\(Self.eci).contentType", "content type \(CMSOID.name(of: inner, codePoints: cp) ?? inner) without authAttrs")
        }
        if let attrs = aed.authAttrs {
            let ap = "\(r).authAttrs"
            if attrs.isEmpty { add(CMSRules.authAttrsEmpty, ap) }
            if let range = d.authAttrsRange {
                let inside = d.findings.filter { f in f.offset.map { range.contains($0) } ?? false }
                if let first = inside.first {
                    add(CMSRules.authAttrsNotDER, at: first.offset, ap,
                        "authAttrs is not DER: \(Set(inside.map(\.code)).sorted().joined(separator: ", ")); the AAD is computed from these received bytes")
                }
            }
            for (i, a) in attrs.enumerated() {
                let p = "\(ap)[\(i)]"
                if a.attrType == CMSOID.messageDigestAttribute { add(CMSRules.messageDigestAttr, p) }
                if a.attrType == CMSOID.contentTypeAttribute {
                    guard let oids = a.oidValues, oids.count == 1 else {
                        add(CMSRules.contentTypeAttrValues, "\(p).attrValues", "\(a.attrValues.count) value(s)")
                        continue
                    }
                    if oids[0] != inner {
                        add(CMSRules.contentTypeAttrMismatch, "\(p).attrValues", "attribute says \(oids[0]), encryptedContentInfo says \(inner)")
                    }
                }
            }
        }
        if let u = aed.unauthAttrs {
            let up = "\(r).unauthAttrs"
            if u.isEmpty { add(CMSRules.unauthAttrsEmpty, up) }
            for (i, a) in u.enumerated() where a.attrType == CMSOID.contentTypeAttribute {
                add(CMSRules.contentTypeAttrUnauth, "\(up)[\(i)]")
            }
        }
    }
}
