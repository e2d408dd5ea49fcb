/// The form in which two recipient URIs compare equal (RFC 5363 §4.1:
/// "comparison rules specific to the URI scheme"; RFC 4826 §5 for SIP).
func canonicalRecipient(_ uri: String) -> String {
    switch SIPURI.scheme(of: uri) {
    case "sip", "sips":
        if case .success(let u) = SIPURI.parse(uri) { return u.canonical }
        return uri
    case "tel":
        return TelURI.canonical(uri)
    default:
        return uri
    }
}

/// RFC 5364 §4: the URI that anonymized entries are converted to.
let anonymousURI = "sip:anonymous@anonymous.invalid"
