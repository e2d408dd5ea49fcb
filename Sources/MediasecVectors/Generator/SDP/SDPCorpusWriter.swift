import MediasecCore
import SDP

/// The libFuzzer seed corpus and dictionary derived from the SDP vectors:
/// `Corpus/sdp/` (every distinct vector input of at most
/// ``maxSeedSize`` octets; an offer/answer pair is seeded as written, NUL
/// separator included, and as its two halves) and `Corpus/sdp.dict`, the
/// grammar's tokens (line types, attribute names, registered suites,
/// session parameters, hash names, setup roles, protos, separators).
public enum SDPCorpusWriter {
    public static let seedDirectory = "sdp"
    public static let seedPrefix = "sdp."
    public static let dictionaryPath = "sdp.dict"
    public static let maxSeedSize = 16 * 1024

    static func files(for vectorFiles: [VectorFile]) -> [GeneratedFile] {
        var seen = Set<[UInt8]>()
        var seeds: [GeneratedFile] = []
        func add(_ name: String, _ bytes: [UInt8]) {
            guard !bytes.isEmpty, bytes.count <= maxSeedSize, seen.insert(bytes).inserted else { return }
            seeds.append(GeneratedFile(path: "\(seedDirectory)/\(CorpusWriter.seedName(for: name))", contents: bytes))
        }
        for f in vectorFiles where f.format == "sdp" {
            for v in f.vectors {
                add(v.id, v.input)
                if (v.profiles ?? []).contains(SDPVectorCodec.offerAnswerEntry), let (o, a) = SDPVectorCodec.split(v.input) {
                    add(v.id + ".offer", o)
                    add(v.id + ".answer", a)
                }
            }
        }
        seeds.sort { $0.path < $1.path }
        return seeds + [GeneratedFile(path: dictionaryPath, contents: Array(dictionary().utf8))]
    }

    static func dictionary() -> String {
        var d = CMSCorpusWriter.Dictionary("sdp (SDP decoder and validator)")
        d.section("Line types and terminators (RFC 8866 §5)")
        for t in "vosiuepcbtrzkam" { d.text("line_\(t)", "\r\n\(t)=") }
        for (n, s) in [("crlf", "\r\n"), ("lf", "\n"), ("cr", "\r"), ("nul", "\u{0}"), ("version0", "v=0\r\n"), ("sp", " "), ("slash", "/")] { d.text(n, s) }
        d.section("Field tokens (RFC 8866 §5.2–§5.14)")
        for (n, s) in [("in_ip4", "IN IP4 "), ("in_ip6", "IN IP6 "), ("ip4_mc", "224.2.1.1/127"), ("ip6_mc", "FF15::101"), ("time0", "0 0"),
                       ("ntp_time", "3034423619"), ("bw_as", "b=AS:"), ("bw_ct", "b=CT:"), ("repeat", "r=604800 3600 0 90000"), ("zone", "z=2882844526 -1h"),
                       ("days", "7d"), ("hours", "1h"), ("star", "*"), ("pt_2_32", "4294967296")] { d.text(n, s) }
        d.section("Media and protos (RFC 8866 §5.14, IANA proto registry)")
        for m in ["audio", "video", "text", "application", "message", "image"] { d.text("media_\(m)", m) }
        for p in TransportProtocol.table.keys.sorted() { d.text("proto_" + p.lowercased().replacingOccurrences(of: "/", with: "_"), p) }
        d.section("Attribute names (RFC 8866 §6, RFC 4568, RFC 4567, RFC 8122, RFC 4145, RFC 8842, RFC 4975, RFC 8856, TS 24.229)")
        for a in ["crypto", "key-mgmt", "fingerprint", "setup", "connection", "tls-id", "path", "accept-types", "accept-wrapped-types",
                  "floorctrl", "confid", "userid", "floorid", "label", "3ge2ae", "rtpmap", "sendrecv", "charset"] {
            d.text("attr_" + a.replacingOccurrences(of: "-", with: "_"), "a=\(a):")
        }
        d.section("a=crypto: suites, key method, lifetime, MKI, session parameters (RFC 4568 §9, RFC 6188, RFC 7714)")
        for s in SRTPCryptoSuite.table.keys.sorted() { d.text("suite_" + s.lowercased(), s) }
        for (n, s) in [("inline", "inline:"), ("pipe", "|"), ("pow2", "2^"), ("pow2_31", "2^31"), ("pow2_48", "2^48"), ("mki", "1:4"),
                       ("semicolon", ";"), ("kdr", "KDR="), ("wsh", "WSH="), ("fec_order", "FEC_ORDER="), ("fec_srtp", "FEC_SRTP"),
                       ("fec_key", "FEC_KEY="), ("unenc_srtp", "UNENCRYPTED_SRTP"), ("unenc_srtcp", "UNENCRYPTED_SRTCP"),
                       ("unauth_srtp", "UNAUTHENTICATED_SRTP"), ("optional", "-"), ("b64_pad", "=")] { d.text("crypto_" + n, s) }
        d.section("a=key-mgmt (RFC 4567)")
        d.text("kmpid_mikey", "mikey ")
        d.text("mikey_hdr_b64", "AQ")
        d.section("a=fingerprint hashes, setup roles, connection values (RFC 8122 §5, RFC 4145 §4–§5)")
        for h in ["sha-1", "sha-224", "sha-256", "sha-384", "sha-512", "md5", "md2", "SHA-256"] { d.text("hash_" + h.replacingOccurrences(of: "-", with: "_"), h + " ") }
        d.text("hex_pair", "AB:")
        for r in ["active", "passive", "actpass", "holdconn"] { d.text("setup_" + r, r) }
        for v in ["new", "existing"] { d.text("connection_" + v, v) }
        d.section("MSRP URIs and BFCP values (RFC 4975 §9, RFC 8856 §5)")
        for (n, s) in [("msrps", "msrps://"), ("msrp", "msrp://"), ("tcp", ";tcp"), ("pct", "%"), ("pct_2f", "%2F"), ("c_only", "c-only"),
                       ("s_only", "s-only"), ("c_s", "c-s"), ("mstrm", " mstrm:"), ("e2ae_requested", "requested"), ("e2ae_applied", "applied")] { d.text(n, s) }
        return d.rendered
    }
}
