import Testing
import MediasecCore
@testable import CMS

/// Inputs FuzzCMS / FuzzDER / FuzzSMIME found (STYLE.md §16): each crash
/// file in Corpus/<name>-crashes/ is replayed by `Scripts/fuzz.sh replay`
/// and pinned here as a unit test.
@Suite struct FuzzRegressionTests {
    /// Corpus/cms-crashes/crash-495c9019e42e0a71f017ce1555661304f86d34fd:
    /// a kekid date (GeneralizedTime) holding the octet 0xB0. The model
    /// carried the date as a String decoded with replacement, so the DER
    /// input re-encoded to 258 octets instead of 256 (law 2 broken). Fixed:
    /// time types must be VisibleString (`der.time.charset`, X.680 §46.3).
    static let nonASCIIDate = hex("""
        3081fd060b2a864886f70d0109100117a081ed3081ea0201003152a25002010430240408efbfc9f245e0a51e180f32b03234303232393132303030305a300706
        032a03040500300b060960864801650304010504189585eedb3a1faff7285dacd3d3747e33b88ac2ad07bb4ef6306706092a864886f70d010701301b060960
        8648016503040106300e040c6b3d831230d4bfbdba46b58a803d7a3bddab4b95a395ebccee166d0c03e72e2829a2ef4ad7b915959910992f384012a4bfc8029e
        737b68f5b82fc0859af6f708cf52b2d53e2173587b2960a11a301806092a864886f70d010903310b06092a864886f70d010701040c57e48b3c8d86a1d309d27a9b
        """)

    @Test func kekidDateOutsideVisibleStringIsRejected() {
        for rules in [EncodingRules.der, .ber] {
            expectDecodingError("der.time.charset", at: 47) { () throws(DecodingError) in try CMSDecoder(rules: rules).decode(Self.nonASCIIDate) }
        }
    }

    @Test func visibleStringDateRoundTrips() throws {
        var bytes = Self.nonASCIIDate
        bytes[47] = 0x30   // "20240229120000Z"
        let d = try CMSDecoder(rules: .der).decode(bytes)
        guard case .kekri(let k)? = d.authEnvelopedData?.recipientInfos.first else { Issue.record("no kekri"); return }
        #expect(k.kekid.date == "20240229120000Z")
        #expect(try d.contentInfo.encoded() == bytes)
    }
}

extension FuzzRegressionTests {
    /// Corpus/smime-crashes/crash-70d4fc6aeb26a0732f27e6487947ae692e908eb0:
    /// a base64 body ("X-", no final line break) that decodes to nothing.
    /// The model kept finalLineBreak = false, but the canonical encoding of
    /// empty content writes no line, so re-parsing gave true (law 2 broken).
    /// Fixed: with no content the flag is true.
    @Test func emptyBase64BodyWithoutLineBreak() {
        let input = Array("Content-Type: application/pkcs7-mime\r\nContent-Transfer-Encoding: base64\r\n\r\nX-".utf8)
        let p = SMIMEParser().parse(input)
        #expect(p.entity.content.isEmpty && p.entity.finalLineBreak)
        #expect(SMIMEParser().parse(p.entity.encoded()).entity == p.entity)
        #expect(p.findings.contains { $0.code == SMIMERules.base64Padding.code })
    }
}
