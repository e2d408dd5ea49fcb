import MediasecCore

/// One key parameter of `a=crypto` (RFC 4568 §4.3, §6.1, §9):
///
/// ```
/// key-params  = key-param *(";" key-param)
/// key-param   = key-method ":" key-info
/// key-method  = "inline" / key-method-ext
/// key-method-ext = 1*(ALPHA / DIGIT / "_")
/// key-info    = 1*(%x21-3A / %x3C-7E)      ; visible chars except ";"
/// srtp-key-info = key-salt ["|" lifetime] ["|" mki]
/// ```
/// The `inline` method (matched case-insensitively, RFC 4568 §4) is decoded
/// into an ``SRTPInlineKey``; any other method keeps its key-info as text
/// (SRTP defines no other method: a validation rule).
public enum CryptoKeyParameter: Hashable, Sendable {
    case inline(SRTPInlineKey)
    case other(method: String, info: String)

    public var method: String {
        switch self {
        case .inline(let k): return k.method
        case .other(let m, _): return m
        }
    }

    public var inlineKey: SRTPInlineKey? {
        if case .inline(let k) = self { return k }
        return nil
    }

    public var encodedValue: String {
        switch self {
        case .inline(let k): return k.encodedValue
        case .other(let m, let i): return m + ":" + i
        }
    }
}
