import Testing
import MediasecCore
@testable import SDP

/// The byte-level shortcuts of the a=crypto decoder and checks answer as
/// the String code they replace (RFC 4568 §4: names case-insensitive).
struct CryptoFastPathTests {
    /// Every known session parameter name, case variants, near misses and
    /// junk: the byte lookup, the cached kind and the String definition agree.
    static var sessionParamNames: [String] {
        var names: [String] = []
        for k in SRTPSessionParameter.Kind.allCases {
            let n = k.rawValue
            names += [n, n.lowercased(), n.capitalized, String(n.dropLast()), n + "_", "-" + n, n + "=", " " + n,
                      String(n.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.lowercased()) : $0.element })]
        }
        names += ["", "-", "--", "-x", "kdR", "KDR ", "K", "FEC", "FEC_KEYS", "UNENCRYPTED_SRTPX", "ROLLOVER",
                  "\u{212A}DR", "FEC_\u{212A}EY", "-\u{301}x", "wsh\u{0}", "KDRÉ", "ｋdr", "\u{0}"]
        return names
    }

    @Test func sessionParameterKindFromBytesMatchesStringLookup() {
        for n in Self.sessionParamNames {
            let expected = SRTPSessionParameter.referenceKind(of: n)
            #expect(SRTPSessionParameter.kind(of: n) == expected, "\(n)")
            #expect(SRTPSessionParameter(name: n).kind == expected, "\(n)")
            if n.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(SRTPSessionParameter.kind(nameBytes: Array(n.utf8)[...]) == expected, "\(n)")
            }
            // The cached kind follows a change of name.
            var p = SRTPSessionParameter(name: "KDR")
            p.name = n
            #expect(p.kind == expected, "\(n)")
            #expect(p.isNonCanonicalCase == (expected.spelling != nil && n != expected.rawValue), "\(n)")
        }
        // The Kelvin sign is a K to String comparison: the String way decides.
        #expect(SRTPSessionParameter(name: "\u{212A}DR").kind == .kdr)
        for k in SRTPSessionParameter.Kind.allCases {
            #expect(k.spelling.map { "\($0)" } == (k.takesValue == nil ? nil : k.rawValue), "\(k)")
        }
    }

    /// Parameters decoded from an a=crypto line: the kind read from the
    /// bytes, the name as written, equal to the parameter built by name.
    @Test func decodedSessionParametersMatchConstructedOnes() throws {
        let key = "inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"
        for n in Self.sessionParamNames where !n.isEmpty && n != "-" && n.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f && $0 != 0x3d }) {
            let kind = SRTPSessionParameter.referenceKind(of: n)
            let value: String
            switch kind {
            case .kdr, .wsh: value = "=7"
            case .fecOrder: value = "=FEC_SRTP"
            case .fecKey: value = "=" + key
            case .optionalExtension, .unknownMandatory: value = "=x"
            default: value = ""
            }
            let c = try CryptoAttribute(parsing: "1 AES_CM_128_HMAC_SHA1_80 \(key) \(n)\(value)")
            let p = try #require(c.sessionParams.first)
            #expect(p.name == n)
            #expect(p.kind == kind, "\(n)")
            #expect(p == SRTPSessionParameter(name: n, value: p.value), "\(n)")
            #expect(p.hashValue == SRTPSessionParameter(name: n, value: p.value).hashValue, "\(n)")
        }
    }

    @Test func asciiLiteralComparisons() {
        let cases: [(String, Bool, Bool)] = [("INLINE", false, true), ("inline", true, true), ("Inline", false, true),
                                             ("inlin", false, false), ("inlinee", false, false), ("", false, false),
                                             ("inl1ne", false, false), ("iNLINE", false, true), ("inline\u{0}", false, false)]
        for (text, exact, folded) in cases {
            let b = Array(text.utf8)[...]
            #expect(SDPASCII.equals(b, "inline") == exact, "\(text)")
            #expect(SDPASCII.equalsIgnoringCase(b, upper: "INLINE") == folded, "\(text)")
            #expect(folded == (SDPGrammar.uppercased(text) == "INLINE"), "\(text)")
        }
        // '@' (0x40) and '`' (0x60) are not letters: no case folding.
        #expect(!SDPASCII.equalsIgnoringCase(Array("@".utf8), upper: "`"))
        #expect(!SDPASCII.equalsIgnoringCase(Array("`".utf8), upper: "@"))
    }

    /// FEC_KEY's list field names its elements as the checks always did.
    @Test func listFieldText() {
        #expect(SDPListField("keyParams").text == "keyParams")
        #expect(SDPListField("keyParams").element(3) == "keyParams[3]")
        #expect(SDPListField("keyParams", parent: ("sessionParams", 2)).element(0) == "sessionParams[2].keyParams[0]")
    }
}
