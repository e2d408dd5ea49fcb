import MediasecCore

// RFC 4568 §9.1 / §9.2:
//   crypto-attribute = "crypto:" tag 1*WSP crypto-suite 1*WSP key-params *(1*WSP session-param)
//   tag              = 1*9DIGIT
//   key-params       = key-param *(";" key-param)
//   key-param        = key-method ":" key-info
//   srtp-key-info    = key-salt ["|" lifetime] ["|" mki]
//   lifetime         = ["2^"] 1*(DIGIT)
//   mki              = mki-value ":" mki-length
//   session-param    = srtp-session-extension / ... (name ["=" value])

/// Decimal digits as written in an a=crypto value: where they are, what
/// they are worth (nil past 64 bits) and whether they start with a zero.
/// Plain data (no reference), like every part of ``SRTPCryptoScan``.
struct SDPDigits: Sendable, Equatable {
    /// Indices in the scanned value's slice.
    let range: Range<Int>
    let value: UInt64?
    let hasLeadingZero: Bool

    init(_ digits: ArraySlice<UInt8>) {
        range = digits.startIndex..<digits.endIndex
        value = DecimalToken.value(digits: digits)
        hasLeadingZero = DecimalToken.hasLeadingZero(digits: digits)
    }
}

/// A lifetime as written (`["2^"] 1*DIGIT`).
struct SRTPLifetimeScan: Sendable, Equatable {
    let powerOfTwo: Bool
    let digits: SDPDigits

    /// ``SRTPInlineKey/Lifetime/log2Ceiling`` without building the token.
    var log2Ceiling: UInt64? {
        guard let d = digits.value else { return nil }
        if powerOfTwo { return d }
        if d <= 1 { return 0 }
        return UInt64(64 - (d - 1).leadingZeroBitCount)
    }
}

/// An MKI as written (`mki-value ":" mki-length`).
struct SRTPMKIScan: Sendable, Equatable {
    let value: SDPDigits
    let length: SDPDigits
}

/// One key-param: `inline:` key||salt with its optional lifetime and MKI,
/// or another key method with its key-info.
struct SRTPKeyScan: Sendable {
    /// Index of the key-param's first byte (its method).
    var at: Int
    var method: Range<Int>
    /// The method is `inline` in any case (RFC 4568 §4); `isCanonicalMethod`
    /// when spelled as the RFC does.
    var isInline = false
    var isCanonicalMethod = false
    /// The key-info; for `inline`, the key||salt text is ``keySalt``.
    var info: Range<Int>
    var keySalt: Range<Int>
    /// What the unpadded base64 decoding of key||salt finds (RFC 4568
    /// §6.1): the failure, else the text's shape. Read by the length,
    /// padding and reuse checks, computed once.
    var keySaltFailure: SDPBase64.Failure?
    var keySaltShape = SDPBase64.Shape(dataCount: 0, padCount: 0)
    /// Indices of the lifetime and MKI fields (after their '|').
    var lifetimeAt = 0
    var lifetime: SRTPLifetimeScan?
    var mkiAt = 0
    var mkiLengthAt = 0
    var mki: SRTPMKIScan?
}

/// One session parameter: its name, kind and value as positions.
struct SRTPParamScan: Sendable {
    /// Index of the name's first byte.
    var at: Int
    var name: Range<Int>
    var kind: SRTPSessionParameter.Kind
    /// A known name spelled as the RFC does.
    var isCanonicalName: Bool
    var hasValue = false
    var valueAt = 0
    /// The value's text (FEC_ORDER, extensions and unknown parameters).
    var value: Range<Int> = 0..<0
    /// KDR and WSH.
    var decimal: SDPDigits?
    /// FEC_KEY: its key-params, as indices into ``SRTPCryptoScan/keys``.
    var keys: Range<Int> = 0..<0
}

/// An `a=crypto` value decoded as positions and numbers: the one grammar
/// of the attribute. The typed ``CryptoAttribute`` is built from a scan,
/// and the validator checks scans directly, so that a clean attribute
/// builds no strings. Its parts are plain data; the scan itself is an
/// immutable object, handed around as one reference.
final class SRTPCryptoScan: Sendable {
    /// The value's bytes (a slice of its line).
    let value: ArraySlice<UInt8>
    /// Absolute offset of the value's first byte.
    let base: Int
    let tag: SDPDigits
    let suite: Range<Int>
    /// The suite's position in the registry (-1: not registered) and
    /// whether it is spelled as registered.
    let suiteIndex: Int8
    let suiteExact: Bool
    /// The attribute's own key-params are `keys[0..<keyCount]`; FEC_KEY
    /// parameters' follow (``SRTPParamScan/keys``).
    let keyCount: Int
    let keys: [SRTPKeyScan]
    let params: [SRTPParamScan]

    init(value: ArraySlice<UInt8>, base: Int, tag: SDPDigits, suite: Range<Int>, suiteIndex: Int8, suiteExact: Bool,
         keyCount: Int, keys: [SRTPKeyScan], params: [SRTPParamScan]) {
        self.value = value
        self.base = base
        self.tag = tag
        self.suite = suite
        self.suiteIndex = suiteIndex
        self.suiteExact = suiteExact
        self.keyCount = keyCount
        self.keys = keys
        self.params = params
    }

    /// Absolute offset of the byte at slice index `i`.
    @inline(__always)
    func offset(_ i: Int) -> Int { base + (i - value.startIndex) }

    func text(_ r: Range<Int>) -> String { SDPGrammar.string(bytes(r)) }

    func bytes(_ r: Range<Int>) -> ArraySlice<UInt8> {
        r.lowerBound >= value.startIndex && r.upperBound <= value.endIndex ? value[r] : []
    }

    func text(_ d: SDPDigits) -> String { text(d.range) }

    /// The attribute's own key-params (not an FEC_KEY's).
    var ownKeys: ArraySlice<SRTPKeyScan> { keys[(0..<keyCount).clamped(to: keys.indices)] }

    /// The key-params of an FEC_KEY parameter.
    func keys(of p: SRTPParamScan) -> ArraySlice<SRTPKeyScan> { keys[p.keys.clamped(to: keys.indices)] }
    func text(_ l: SRTPLifetimeScan) -> String { (l.powerOfTwo ? "2^" : "") + text(l.digits) }

    // MARK: decoding

    static func scan(_ value: ArraySlice<UInt8>, base: Int, path: String, limits: SDPLimits) throws(DecodingError) -> SRTPCryptoScan {
        var s = SDPTextScanner(value, base: base, path: path, specRef: CryptoAttribute.specRef)
        let tagAt = s.offset
        let tag = s.read(while: SDPGrammar.isDigit)
        if tag.isEmpty || tag.count > 9 {
            throw s.fail("sdp.crypto.tag-syntax", tag.isEmpty ? "tag: expected 1*9DIGIT" : "tag: \(tag.count) digits, the grammar allows at most 9", field: "tag", at: tagAt)
        }
        try wsp(&s, "tag", code: "sdp.crypto.tag-syntax")
        let suiteAt = s.offset
        let suite = s.read { SDPGrammar.isAlphaNum($0) || $0 == 0x5f }
        if suite.isEmpty { throw s.fail("sdp.crypto.suite-syntax", "suite: expected 1*(ALPHA / DIGIT / \"_\")", field: "suite", at: suiteAt) }
        try wsp(&s, "suite", code: "sdp.crypto.suite-syntax")
        var keys: [SRTPKeyScan] = []
        try scanKeys(&s, SDPListField("keyParams"), limits: limits, into: &keys)
        let keyCount = keys.count
        if let c = s.peek(), !SDPGrammar.isWSP(c) {
            throw s.fail("sdp.crypto.key-params-syntax", "keyParams: unexpected '\(SDPTextScanner.show(c))'", field: "keyParams")
        }
        var params: [SRTPParamScan] = []
        while let c = s.peek(), SDPGrammar.isWSP(c) {
            _ = s.read(while: SDPGrammar.isWSP)
            let at = s.offset
            let tok = s.read(while: SDPGrammar.isVCHAR)
            if tok.isEmpty {
                let f = "sessionParams[\(params.count)]"
                let what = s.isAtEnd ? "trailing whitespace" : "'\(SDPTextScanner.show(s.peek() ?? 0))' is not a visible character"
                throw s.fail("sdp.crypto.session-param-syntax", "\(f): \(what)", field: f)
            }
            var sub = SDPTextScanner(tok, base: at, path: path, specRef: "RFC 4568 §9.2")
            params.append(try scanParam(&sub, index: params.count, limits: limits, keys: &keys))
        }
        if !s.isAtEnd { throw s.fail("sdp.crypto.session-param-syntax", "unexpected '\(SDPTextScanner.show(s.peek() ?? 0))'", field: "sessionParams") }
        let (suiteIndex, suiteExact) = suite.withUnsafeBufferPointer { SRTPCryptoSuite.names.lookup($0) }
        return SRTPCryptoScan(value: value, base: base, tag: SDPDigits(tag), suite: suite.startIndex..<suite.endIndex,
                              suiteIndex: suiteIndex, suiteExact: suiteExact, keyCount: keyCount, keys: keys, params: params)
    }

    static func wsp(_ s: inout SDPTextScanner, _ field: String, code: String) throws(DecodingError) {
        if s.read(while: SDPGrammar.isWSP).isEmpty {
            let got = s.peek().map { "'\(SDPTextScanner.show($0))'" } ?? "end of value"
            throw s.fail(code, "\(field): expected whitespace, found \(got)", field: field)
        }
    }

    static func isKeyInfoChar(_ c: UInt8) -> Bool { c >= 0x21 && c <= 0x7e && c != 0x3b }

    /// `key-param *(";" key-param)`, appended to `out`.
    static func scanKeys(_ s: inout SDPTextScanner, _ field: SDPListField, limits: SDPLimits, into out: inout [SRTPKeyScan]) throws(DecodingError) {
        var n = 0
        repeat {
            guard n < limits.maxKeyParams else {
                throw s.fail("sdp.limit.key-params", "more than maxKeyParams \(limits.maxKeyParams) key parameters", field: field.text, specRef: "mediasec limits")
            }
            // The field name is built only for an error.
            let k = n
            func f() -> String { field.element(k) }
            let methodIndex = s.index
            let methodAt = s.offset
            let method = s.read { SDPGrammar.isAlphaNum($0) || $0 == 0x5f }
            if method.isEmpty { throw s.fail("sdp.crypto.key-params-syntax", "\(f()): expected key-method (e.g. inline)", field: f(), at: methodAt, specRef: "RFC 4568 §9.1") }
            if !s.consume(0x3a) {
                try s.expect(0x3a, f() + ".method", code: "sdp.crypto.key-params-syntax", specRef: "RFC 4568 §9.1")
            }
            let infoAt = s.offset
            let info = s.read(while: isKeyInfoChar)
            if info.isEmpty { throw s.fail("sdp.crypto.key-params-syntax", "\(f()): empty key-info", field: f(), at: infoAt, specRef: "RFC 4568 §9.1") }
            var key = SRTPKeyScan(at: methodIndex, method: method.startIndex..<method.endIndex,
                                  info: info.startIndex..<info.endIndex, keySalt: info.startIndex..<info.startIndex)
            // "inline" matched case-insensitively (RFC 4568 §4).
            if SDPASCII.equalsIgnoringCase(method, upper: "INLINE") {
                key.isInline = true
                key.isCanonicalMethod = SDPASCII.equals(method, "inline")
                // Scanned without the error context (path, clause, element),
                // which a failure then scans again with: the same bytes fail
                // the same way, and the error names the key-param.
                var fast = SDPTextScanner(info, base: infoAt, path: "", specRef: "")
                do throws(DecodingError) { try scanInline(&fast, into: &key) } catch {
                    var sub = SDPTextScanner(info, base: infoAt, path: s.errorPath, specRef: "RFC 4568 §9.2", element: SDPListElement(field: field, index: k))
                    try scanInline(&sub, into: &key)
                }
            }
            out.append(key)
            n += 1
        } while s.consume(0x3b)
    }

    /// One '|' field after key||salt: where its text is, and its offset.
    struct Field {
        let at: Int
        let range: Range<Int>
    }

    static func isBase64Field(_ c: UInt8) -> Bool { SDPGrammar.isBase64(c) || c == 0x3d }

    /// `key-salt ["|" lifetime] ["|" mki]` (RFC 4568 §6.1, §9.2).
    static func scanInline(_ s: inout SDPTextScanner, into key: inout SRTPKeyScan) throws(DecodingError) {
        let code = "sdp.crypto.inline-syntax"
        let ks = s.read(while: isBase64Field)
        if ks.isEmpty { throw s.fail(code, "keySalt: expected base64 key||salt", field: "keySalt") }
        key.keySalt = ks.startIndex..<ks.endIndex
        switch ks.withUnsafeBufferPointer({ SDPBase64.shapeUnpadded($0) }) {
        case .failure(let e): key.keySaltFailure = e
        case .success(let shape): key.keySaltShape = shape
        }
        // The '|' fields; a third one is an error, so at most three are
        // kept (no array).
        var fields: (Field?, Field?, Field?) = (nil, nil, nil)
        var fieldCount = 0
        while s.consume(0x7c) {
            let at = s.offset
            let start = s.index
            _ = s.read { $0 != 0x7c }
            let f = Field(at: at, range: start..<s.index)
            switch fieldCount {
            case 0: fields.0 = f
            case 1: fields.1 = f
            case 2: fields.2 = f
            default: break
            }
            fieldCount += 1
        }
        if !s.isAtEnd { throw s.fail(code, "keySalt: '\(SDPTextScanner.show(s.peek() ?? 0))' is not a base64 character", field: "keySalt") }
        if let third = fields.2 {
            throw s.fail(code, "more than two '|' fields after key||salt (lifetime and MKI at most)", field: "mki", at: third.at - 1)
        }
        for k in 0..<2 {
            guard let f = k == 0 ? fields.0 : fields.1 else { continue }
            let text = s.bytes[f.range]
            let index = f.range.lowerBound
            if let colon = text.firstIndex(of: 0x3a) {
                guard key.mki == nil, k == fieldCount - 1 else { throw s.fail(code, "the MKI must be the last field", field: "mki", at: f.at) }
                key.mkiAt = index
                if let m = mkiFast(text, colon: colon) { key.mki = m } else { key.mki = try scanMKI(text, at: f.at, s) }
                key.mkiLengthAt = colon + 1
            } else {
                guard k == 0 else { throw s.fail(code, "a second lifetime field (the lifetime never holds ':', the MKI always does)", field: "lifetime", at: f.at) }
                key.lifetimeAt = index
                if let l = lifetimeFast(text) { key.lifetime = l } else { key.lifetime = try scanLifetime(text, at: f.at, s) }
            }
        }
    }

    /// ``scanLifetime(_:at:_:)`` of a well-formed lifetime (`["2^"]
    /// 1*DIGIT`) without a scanner; nil for anything else.
    static func lifetimeFast(_ t: ArraySlice<UInt8>) -> SRTPLifetimeScan? {
        var digits = t
        let pow = t.count >= 2 && t[t.startIndex] == 0x32 && t[t.startIndex + 1] == 0x5e
        if pow { digits = t.dropFirst(2) }
        guard !digits.isEmpty, digits.allSatisfy(SDPGrammar.isDigit) else { return nil }
        return SRTPLifetimeScan(powerOfTwo: pow, digits: SDPDigits(digits))
    }

    /// ``scanMKI(_:at:_:)`` of a well-formed MKI (`1*DIGIT ":" 1*DIGIT`,
    /// `colon` the index of its ':') without a scanner; nil otherwise.
    static func mkiFast(_ t: ArraySlice<UInt8>, colon: Int) -> SRTPMKIScan? {
        guard colon >= t.startIndex && colon < t.endIndex else { return nil }
        let value = t[..<colon], length = t[(colon + 1)...]
        guard !value.isEmpty, !length.isEmpty, value.allSatisfy(SDPGrammar.isDigit), length.allSatisfy(SDPGrammar.isDigit) else { return nil }
        return SRTPMKIScan(value: SDPDigits(value), length: SDPDigits(length))
    }

    static func scanLifetime(_ t: ArraySlice<UInt8>, at: Int, _ s: SDPTextScanner) throws(DecodingError) -> SRTPLifetimeScan {
        var sub = SDPTextScanner(t, base: at, path: s.path, specRef: "RFC 4568 §6.1", element: s.element)
        let pow = sub.consume("2^")
        let at2 = sub.offset
        let digits = sub.read(while: SDPGrammar.isDigit)
        if digits.isEmpty || !sub.isAtEnd {
            let what = pow && digits.isEmpty && sub.isAtEnd ? "'2^' without an exponent" : "'\(SDPGrammar.string(t))' is not [\"2^\"] 1*DIGIT"
            throw sub.fail("sdp.crypto.lifetime-syntax", "lifetime: \(what)", field: "lifetime", at: digits.isEmpty ? at2 : sub.offset)
        }
        return SRTPLifetimeScan(powerOfTwo: pow, digits: SDPDigits(digits))
    }

    static func scanMKI(_ t: ArraySlice<UInt8>, at: Int, _ s: SDPTextScanner) throws(DecodingError) -> SRTPMKIScan {
        var sub = SDPTextScanner(t, base: at, path: s.path, specRef: "RFC 4568 §6.1", element: s.element)
        let code = "sdp.crypto.mki-syntax"
        let v = try sub.readDigits("mki.value", code: code)
        try sub.expect(0x3a, "mki.value", code: code)
        let l = try sub.readDigits("mki.length", code: code)
        try sub.expectEnd("mki.length", code: code)
        return SRTPMKIScan(value: v, length: l)
    }

    /// One session parameter (`name ["=" value]`); an FEC_KEY's key-params
    /// are appended to `keys`.
    static func scanParam(_ s: inout SDPTextScanner, index: Int, limits: SDPLimits, keys: inout [SRTPKeyScan]) throws(DecodingError) -> SRTPParamScan {
        let code = "sdp.crypto.session-param-syntax"
        func field() -> String { "sessionParams[\(index)]" }
        let nameIndex = s.index
        let nameAt = s.offset
        let nameBytes = s.read { SDPGrammar.isVCHAR($0) && $0 != 0x3d }
        let hasValue = s.consume(0x3d)
        if nameBytes.isEmpty || (nameBytes.count == 1 && nameBytes.first == 0x2d) {
            throw s.fail(code, "\(field()): empty session parameter name", field: field(), at: nameAt, specRef: "RFC 4568 §9.2")
        }
        // VCHAR only: ASCII, so the byte lookup is the kind of the name.
        let kind = SRTPSessionParameter.kind(nameBytes: nameBytes)
        if kind.takesValue == false && hasValue {
            throw s.fail(code, "\(field()): \(kind.rawValue) takes no value", field: field(), at: nameAt, specRef: "RFC 4568 §9.2")
        }
        if kind.takesValue == true && !hasValue {
            throw s.fail(code, "\(field()): \(kind.rawValue) needs '=' and a value", field: field(), specRef: "RFC 4568 §9.2")
        }
        var p = SRTPParamScan(at: nameIndex, name: nameBytes.startIndex..<nameBytes.endIndex, kind: kind,
                              isCanonicalName: kind.spelling.map { SDPASCII.equals(nameBytes, $0) } ?? false)
        guard hasValue else { return p }
        p.hasValue = true
        p.valueAt = s.index
        switch kind {
        case .kdr, .wsh:
            let d = try s.readDigits(field() + ".value", code: code, specRef: "RFC 4568 §9.2")
            try s.expectEnd(field() + ".value", code: code, specRef: "RFC 4568 §9.2")
            p.decimal = d
            p.value = d.range
        case .fecKey:
            let first = keys.count
            try scanKeys(&s, SDPListField("keyParams", parent: ("sessionParams", index)), limits: limits, into: &keys)
            try s.expectEnd(field() + ".keyParams", code: code, specRef: "RFC 4568 §9.2")
            p.keys = first..<keys.count
        default:
            let start = s.index
            let t = s.read(while: SDPGrammar.isVCHAR)
            if kind == .fecOrder && t.isEmpty { throw s.fail(code, "\(field()): FEC_ORDER needs a fec-type", field: field(), specRef: "RFC 4568 §9.2") }
            p.value = start..<s.index
        }
        return p
    }

    // MARK: the typed value

    /// The typed attribute of this scan.
    var attribute: CryptoAttribute {
        CryptoAttribute(tag: DecimalToken(digits: bytes(tag.range)), suite: SRTPCryptoSuite(nameBytes: bytes(suite), index: suiteIndex, exact: suiteExact),
                        keyParams: ownKeys.map(keyParameter), sessionParams: params.map(sessionParameter))
    }


    func keyParameter(_ k: SRTPKeyScan) -> CryptoKeyParameter {
        guard k.isInline else { return .other(method: text(k.method), info: text(k.info)) }
        return .inline(SRTPInlineKey(method: k.isCanonicalMethod ? "inline" : text(k.method), keySaltText: bytes(k.keySalt),
                                     lifetime: k.lifetime.map(lifetime), mki: k.mki.map(mki)))
    }

    func token(_ d: SDPDigits) -> DecimalToken { DecimalToken(digits: bytes(d.range)) }
    func lifetime(_ l: SRTPLifetimeScan) -> SRTPInlineKey.Lifetime { .init(powerOfTwo: l.powerOfTwo, digits: token(l.digits)) }
    func mki(_ m: SRTPMKIScan) -> SRTPInlineKey.MKI { .init(value: token(m.value), length: token(m.length)) }

    func sessionParameter(_ p: SRTPParamScan) -> SRTPSessionParameter {
        let name = p.isCanonicalName ? p.kind.rawValue : text(p.name)
        guard p.hasValue else { return SRTPSessionParameter(name: name, kind: p.kind, value: .none) }
        switch p.kind {
        case .kdr, .wsh: return SRTPSessionParameter(name: name, kind: p.kind, value: .decimal(DecimalToken(digits: bytes(p.value))))
        case .fecKey: return SRTPSessionParameter(name: name, kind: p.kind, value: .keyParams(keys(of: p).map(keyParameter)))
        default: return SRTPSessionParameter(name: name, kind: p.kind, value: .text(text(p.value)))
        }
    }

    // MARK: sub-field offsets

    /// The absolute offsets of the named sub-fields (`tag`, `suite`,
    /// `keyParams[0].keySalt`, `sessionParams[1].value`, …).
    func record(into offsets: inout SDPFieldOffsets) {
        guard offsets.isRecording else { return }
        offsets.record("tag", offset(tag.range.lowerBound))
        offsets.record("suite", offset(suite.lowerBound))
        let list = SDPListField("keyParams")
        for (n, k) in ownKeys.enumerated() { record(k, list.element(n), into: &offsets) }
        for (i, p) in params.enumerated() {
            let f = "sessionParams[\(i)]"
            offsets.record(f, offset(p.at))
            if p.hasValue { offsets.record(f + ".value", offset(p.valueAt)) }
            if p.kind == .fecKey && p.hasValue {
                let nested = SDPListField("keyParams", parent: ("sessionParams", i))
                for (j, k) in keys(of: p).enumerated() { record(k, nested.element(j), into: &offsets) }
            }
        }
    }

    private func record(_ k: SRTPKeyScan, _ name: String, into offsets: inout SDPFieldOffsets) {
        offsets.record(name, offset(k.at))
        guard k.isInline else { return }
        var sub = SDPFieldOffsets(recording: true)
        sub.record("keySalt", offset(k.keySalt.lowerBound))
        if k.lifetime != nil { sub.record("lifetime", offset(k.lifetimeAt)) }
        if k.mki != nil {
            sub.record("mki", offset(k.mkiAt))
            sub.record("mki.length", offset(k.mkiLengthAt))
        }
        offsets.record(sub, under: name)
    }
}
