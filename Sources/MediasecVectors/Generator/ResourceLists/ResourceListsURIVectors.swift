import MediasecCore
import ResourceLists

/// The URI-typed attributes: entry@uri (an absolute URI, RFC 4826 §3.1; SIP
/// and tel URIs by their own grammars), entry-ref@ref (a relative-path
/// reference, §3.4.5 / RFC 3986 §4.2), external@anchor (an absolute HTTP
/// URI, §3.4.5) and the xs:anyURI type under all of them.
enum ResourceListsURIVectors {
    typealias T = ResourceListsText
    typealias R = ResourceListsRules

    static func build(_ s: ResourceListsVectorSet) {
        let entryRefs = ["RFC 4826 §3.1", "RFC 3986 §4.3"]
        let sip = ["RFC 3261 §19.1.1", "RFC 3261 §25.1", "RFC 4826 §3.1"]
        let tel = ["RFC 3966 §3", "RFC 4826 §3.1"]

        // Valid entry URIs.
        let goodSIP: [(String, String, String)] = [
            ("sip-basic", "sip:alice@example.com", "user@host"),
            ("sips-port", "sips:alice@example.com:5061", "sips with a port"),
            ("sip-params", "sip:alice@example.com;transport=tcp;lr", "URI parameters (transport, lr)"),
            ("sip-headers", "sip:alice@example.com?subject=project%20x&amp;priority=urgent", "headers after ? (the & written as &amp; in the attribute)"),
            ("sip-ipv4", "sip:alice@192.0.2.4", "an IPv4 host"),
            ("sip-host-only", "sip:example.com", "a host without a user part"),
            ("sip-escaped-user", "sip:al%69ce@example.com", "a percent-escaped user character"),
            ("sip-telephone-user", "sip:+1-212-555-1212:1234@gateway.example.com;user=phone", "a telephone-subscriber user with password and user=phone"),
        ]
        for (name, uri, what) in goodSIP {
            s.add("entry::\(name)", "A SIP entry URI with \(what): \(uri).", refs: sip, flags: ["clean-baseline"]) { .valid(T.entries([uri])) }
        }
        let goodTel: [(String, String, String)] = [
            ("tel-global", "tel:+1-201-555-0123", "a global number with visual separators"),
            ("tel-local", "tel:7042;phone-context=example.com", "a local number with a domain phone-context"),
            ("tel-local-global-context", "tel:863-1234;phone-context=+1-914-555", "a local number with a global-number-digits phone-context"),
            ("tel-extension", "tel:+1-201-555-0123;ext=1234", "an extension parameter"),
        ]
        for (name, uri, what) in goodTel {
            s.add("entry::\(name)", "A tel entry URI with \(what): \(uri).", refs: tel, flags: ["clean-baseline"]) { .valid(T.entries([uri])) }
        }
        for (name, uri) in [("mailto", "mailto:alice@example.com"), ("urn", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"), ("pres", "pres:alice@example.com"),
                            ("http", "http://example.com/alice")] {
            s.add("entry::other-scheme-\(name)", "An entry URI of another scheme (\(uri)): any absolute URI is allowed by RFC 4826.", refs: entryRefs, flags: ["clean-baseline"]) {
                .valid(T.entries([uri]))
            }
        }
        s.add("entry::character-reference", "An entry uri written with a character reference (&#64; for @): the attribute value is the URI after reference replacement.", refs: ["XML 1.0 §4.1", "RFC 4826 §3.1"], flags: ["clean-baseline"]) {
            .valid(T.list("  <entry uri=\"sip:alice&#64;example.com\"/>")).pinning(ResourceListsExpected.root([ResourceListsExpected.list(nil, [ResourceListsExpected.entry("sip:alice@example.com")])]))
        }

        // Invalid entry URIs.
        s.add("entry::no-scheme", "An entry uri without a scheme (alice@example.com): RFC 4826 requires an absolute URI.", refs: entryRefs, flags: ["mutation"]) {
            .invalid(T.entries(["alice@example.com"]), [R.uriSyntax.c])
        }
        s.add("entry::bad-percent-escape", "An entry uri of another scheme with a malformed % escape (%zz): not a URI and not an xs:anyURI.", refs: entryRefs + ["XML Schema Part 2 §3.2.17"], flags: ["mutation"]) {
            .invalid(T.entries(["mailto:al%zzice@example.com"]), [R.uriSyntax.c, R.anyURI.c])
        }
        s.add("entry::space-in-uri", "An entry uri with a space (http://example.com/a b): a URI character that must be %-escaped; libxml2's xs:anyURI escapes it first.", refs: entryRefs, flags: ["mutation"]) {
            .invalid(T.entries(["http://example.com/a b"]), [R.uriSyntax.c])
        }
        s.add("entry::empty-uri", "uri=\"\": present but empty, not an absolute URI.", refs: entryRefs, flags: ["mutation", "boundary"]) {
            .invalid(T.entries([""]), [R.uriSyntax.c])
        }
        let badSIP: [(String, String, String)] = [
            ("sip-empty", "sip:", "nothing after the scheme"),
            ("sip-empty-user", "sip:@example.com", "an empty user part before @"),
            ("sip-no-host", "sip:alice@", "no host after @"),
            ("sip-bad-host", "sip:alice@exa_mple.com", "an underscore in the host name"),
            ("sip-port-not-numeric", "sip:alice@example.com:50x0", "a port with a letter"),
            ("sips-unclosed-ipv6", "sips:alice@[2001:db8::1", "an IPv6 reference without ]"),
            ("sip-bad-escape", "sip:al%zzice@example.com", "a malformed % escape in the user part"),
        ]
        for (name, uri, what) in badSIP {
            let codes = uri.contains("%zz") ? [R.sipURI.c, R.anyURI.c] : uri.contains("[") ? [R.sipURI.c, R.anyURI.c] : [R.sipURI.c]
            s.add("entry::\(name)", "A SIP entry URI with \(what): \(uri).", refs: sip, flags: ["mutation"]) { .invalid(T.entries([uri]), codes) }
        }
        for (name, uri) in [("sip-ipv6", "sip:alice@[2001:db8::10]:5060"), ("sips-ipv6-no-port", "sips:bob@[2001:db8:0:0:0:0:0:20]")] {
            s.add("entry::\(name)", "A SIP entry URI with an IPv6 reference host (\(uri)): valid per RFC 3261 and an xs:anyURI under XML Schema 1.0 (RFC 2732), but libxml2's RFC 3986 check rejects it (an ambiguity between the two URI RFCs, named rather than silently resolved).",
                  refs: sip + ["XML Schema Part 2 §3.2.17"], flags: ["boundary"]) {
                .acceptable(T.entries([uri]), [R.anyURIIPv6.c])
            }
        }
        let badTel: [(String, String, String)] = [
            ("tel-empty", "tel:", "no number"),
            ("tel-letters", "tel:alice", "letters instead of digits"),
            ("tel-local-no-context", "tel:5550123", "a local number without the mandatory phone-context"),
            ("tel-plus-only", "tel:+", "a + with no digits"),
        ]
        for (name, uri, what) in badTel {
            s.add("entry::\(name)", "A tel entry URI with \(what): \(uri).", refs: tel, flags: ["mutation"]) { .invalid(T.entries([uri]), [R.telURI.c]) }
        }

        // entry-ref@ref: a relative-path reference.
        let refRefs = ["RFC 4826 §3.4.5", "RFC 3986 §4.2"]
        s.add("entry-ref::relative-path", "entry-ref ref as a percent-encoded relative path below the XCAP root.", refs: refRefs, flags: ["clean-baseline"]) {
            .valid(T.list("  <entry-ref ref=\"resource-lists/users/sip:bill@example.com/index/~~/resource-lists/list%5b@name=%22list1%22%5d\"/>"))
        }
        for (name, ref, why) in [("absolute-uri", "http://xcap.example.com/resource-lists/users/x", "an absolute URI (has a scheme)"),
                                 ("absolute-path", "/resource-lists/users/x", "an absolute-path reference (leading /)"),
                                 ("network-path", "//xcap.example.com/resource-lists", "a network-path reference (leading //)"),
                                 ("empty", "", "empty")] {
            s.add("entry-ref::\(name)", "entry-ref ref that is \(why), not a relative-path reference.", refs: refRefs, flags: ["mutation"]) {
                .invalid(T.list("  <entry-ref ref=\"\(ref)\"/>"), [R.refRelativePath.c])
            }
        }
        s.add("entry-ref::bad-escape", "entry-ref ref with a malformed % escape: neither a relative reference nor an xs:anyURI.", refs: refRefs + ["XML Schema Part 2 §3.2.17"], flags: ["mutation"]) {
            .invalid(T.list("  <entry-ref ref=\"resource-lists/a%zz\"/>"), [R.refRelativePath.c, R.anyURI.c])
        }

        // external@anchor: an absolute HTTP URI.
        let anchorRefs = ["RFC 4826 §3.4.5", "RFC 3986 §4.3"]
        s.add("external::https", "external anchor with the https scheme: HTTP over TLS is an HTTP URI.", refs: anchorRefs, flags: ["clean-baseline"]) {
            .valid(T.list("  <external anchor=\"https://xcap.example.com/resource-lists/users/sip:a@example.com/index/~~/resource-lists/list%5b@name=%22a%22%5d\"/>"))
        }
        for (name, anchor, why) in [("ftp", "ftp://xcap.example.com/lists", "an ftp URI"), ("sip", "sip:lists@example.com", "a SIP URI"),
                                    ("relative", "resource-lists/users/x", "a relative reference"), ("no-host", "http:/lists", "an http URI without a host")] {
            s.add("external::\(name)", "external anchor that is \(why), not an absolute HTTP URI.", refs: anchorRefs, flags: ["mutation"]) {
                .invalid(T.list("  <external anchor=\"\(anchor)\"/>"), [R.anchorHTTP.c])
            }
        }
        s.add("external::anchor-missing", "external without anchor: required by the §3.1 prose and the IANA schema (optional in the schema printed in §3.2).",
              refs: ["RFC 4826 §3.1", "RFC 4826 §3.2"], flags: ["mutation", "ambiguity-20-anchor-optional"]) {
            .invalid(T.list("  <external><display-name>Marketing</display-name></external>"), [R.anchorMissing.c])
        }
        s.add("attribute::xml-base-bad", "xml:base with a malformed % escape: not an xs:anyURI.", refs: ["XML Base §3", "XML Schema Part 2 §3.2.17"], flags: ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com"), attributes: "xml:base=\"http://example.com/%zz\""), [R.anyURI.c])
        }
    }
}
