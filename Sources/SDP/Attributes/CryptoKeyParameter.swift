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

    static func isKeyInfoChar(_ c: UInt8) -> Bool { c >= 0x21 && c <= 0x7e && c != 0x3b }

    /// Decodes `key-params` from the scanner up to the next WSP or the end;
    /// `field` names the list in errors and recorded offsets.
    static func decodeList(_ s: inout SDPTextScanner, _ field: SDPListField, limits: SDPLimits, offsets: inout SDPFieldOffsets) throws(DecodingError) -> [CryptoKeyParameter] {
        var out: [CryptoKeyParameter] = []
        repeat {
            guard out.count < limits.maxKeyParams else {
                throw s.fail("sdp.limit.key-params", "more than maxKeyParams \(limits.maxKeyParams) key parameters", field: field.text, specRef: "mediasec limits")
            }
            // The field name is built only for an error or a recorded offset.
            let n = out.count
            func f() -> String { field.element(n) }
            offsets.record(f(), s.offset)
            let methodAt = s.offset
            let method = s.read { SDPGrammar.isAlphaNum($0) || $0 == 0x5f }
            if method.isEmpty { throw s.fail("sdp.crypto.key-params-syntax", "\(f()): expected key-method (e.g. inline)", field: f(), at: methodAt, specRef: "RFC 4568 §9.1") }
            if !s.consume(0x3a) {
                try s.expect(0x3a, f() + ".method", code: "sdp.crypto.key-params-syntax", specRef: "RFC 4568 §9.1")
            }
            let infoAt = s.offset
            let info = s.read(while: isKeyInfoChar)
            if info.isEmpty { throw s.fail("sdp.crypto.key-params-syntax", "\(f()): empty key-info", field: f(), at: infoAt, specRef: "RFC 4568 §9.1") }
            // "inline" matched case-insensitively (RFC 4568 §4); spelled as
            // the RFC does, the method is the literal (no String built).
            if SDPASCII.equalsIgnoringCase(method, upper: "INLINE") {
                let methodText = SDPASCII.equals(method, "inline") ? "inline" : SDPGrammar.string(method)
                var sub = SDPTextScanner(info, base: infoAt, path: s.errorPath, specRef: "RFC 4568 §9.2", element: (field, n))
                var subOffsets = SDPFieldOffsets(recording: offsets.isRecording)
                let key = try SRTPInlineKey.decodeInfo(&sub, method: methodText, offsets: &subOffsets)
                offsets.record(subOffsets, under: f())
                out.append(.inline(key))
            } else {
                out.append(.other(method: SDPGrammar.string(method), info: SDPGrammar.string(info)))
            }
        } while s.consume(0x3b)
        return out
    }
}
