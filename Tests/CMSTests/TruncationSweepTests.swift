import Testing
import MediasecCore
@testable import CMS

/// Truncation, extension and mutation sweeps (STYLE.md §14). Every element
/// is delimited by a length (or end-of-contents) that is checked against the
/// remaining input before anything inside it is read, so the only
/// acceptable code for a proper prefix is `der.truncated`: a schema code
/// (`cms.structure.missing`, …) would mean a region was interpreted before
/// its length was verified.
@Suite struct TruncationSweepTests {
    enum Sample: String, CaseIterable, Sendable {
        case openssl, kekriWithAuthAttrs, kekriCCM256, oriMIKEY, everyField, berIndefinite

        func bytes() throws -> [UInt8] {
            switch self {
            case .openssl: return Fixtures.opensslGCM128
            case .kekriWithAuthAttrs: return try Fixtures.builtKEKRI()
            case .kekriCCM256: return try Fixtures.builtKEKRI(algorithm: .aesCCM(.bits256), authAttrs: false)
            case .oriMIKEY: return try Fixtures.builtORI()
            case .everyField: return try ModelTests.everyField(canonical: true).encoded()
            case .berIndefinite: return BERSamples.indefinite
            }
        }

        var rules: [EncodingRules] { self == .berIndefinite ? [.ber] : [.der, .ber] }
    }

    @Test(arguments: Sample.allCases)
    func everyProperPrefixIsTruncated(_ s: Sample) throws {
        let bytes = try s.bytes()
        for rules in s.rules {
            _ = try CMSDecoder(rules: rules).decode(bytes)
            for n in 0..<bytes.count {
                expectDecodingError("der.truncated") { () throws(DecodingError) in try CMSDecoder(rules: rules).decode(Array(bytes.prefix(n))) }
            }
        }
    }

    @Test(arguments: Sample.allCases)
    func trailingBytesAreADeviation(_ s: Sample) throws {
        let bytes = try s.bytes() + [0x00]
        if s.rules.contains(.der) {
            expectDecodingError("der.trailing-data", at: bytes.count - 1) { () throws(DecodingError) in try CMSDecoder(rules: .der).decode(bytes) }
        }
        let d = try CMSDecoder(rules: .ber).decode(bytes)
        #expect(d.findings.contains { $0.code == "der.trailing-data" && $0.offset == bytes.count - 1 })
    }

    /// Every single-byte change (three values per position) decodes or is
    /// rejected with a `der.*` / `cms.*` code and an offset inside the input;
    /// the validator never traps on it either.
    @Test(arguments: Sample.allCases)
    func mutationsNeverTrap(_ s: Sample) throws {
        let bytes = try s.bytes()
        for i in 0..<bytes.count {
            for v: UInt8 in [0x00, 0x80, bytes[i] ^ 0x01] where v != bytes[i] {
                var m = bytes
                m[i] = v
                do {
                    let d = try CMSDecoder(rules: .ber).decode(m)
                    _ = CMSValidator(options: CMSValidationOptions(key: .kek(Fixtures.kek128))).validate(d)
                } catch {
                    #expect(error.code.hasPrefix("der.") || error.code.hasPrefix("cms."), "\(error)")
                    #expect(error.offset >= 0 && error.offset <= m.count, "\(error)")
                }
            }
        }
    }
}

/// BER shapes this suite must read.
enum BERSamples {
    /// The OpenSSL fixture rewritten in the shape of `openssl cms -stream`:
    /// indefinite lengths on ContentInfo, [0], AuthEnvelopedData,
    /// EncryptedContentInfo, and encryptedContent as a constructed [0] of
    /// two OCTET STRING segments.
    static let indefinite: [UInt8] = {
        let f = Fixtures.opensslGCM128
        let recipients = Array(f[25..<77])           // SET { kekri }
        let ctAlg = Array(f[79..<122])               // contentType + algorithm
        let content = Array(f[124..<135])            // 11 ciphertext bytes
        let mac = Array(f[135..<f.count])            // OCTET STRING mac
        let eci = hex("30 80") + ctAlg + hex("a0 80") + DERWriter.tlv(.octetString, content.prefix(5)) + DERWriter.tlv(.octetString, content.dropFirst(5)) + hex("00 00 00 00")
        let aed = hex("30 80 02 01 00") + recipients + eci + mac + hex("00 00")
        return hex("30 80 06 0b 2a 86 48 86 f7 0d 01 09 10 01 17 a0 80") + aed + hex("00 00 00 00")
    }()
}
