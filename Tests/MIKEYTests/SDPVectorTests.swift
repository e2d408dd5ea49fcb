import Foundation
import Testing
import MediasecCore
import MediasecVectors
import SDP

// The SDP vectors (`Vectors/sdp/*.json`). They live in this test target
// because it is the one that depends on MediasecVectors (the shared loader
// and runner, STYLE.md §13); each vector also runs as its own case in
// `VectorTests.vector`. Here: a parameterized run of the SDP cases alone,
// and the properties of the set.

enum ShippedSDPVectors {
    static let cases: [ShippedVectors.Case] = ShippedVectors.cases.filter { $0.file.format == "sdp" }
}

@Suite struct SDPVectorTests {
    @Test(arguments: ShippedSDPVectors.cases)
    func vector(_ c: ShippedVectors.Case) throws {
        let codec = try #require(VectorCodecs.codec(for: c.file.format))
        let check = VectorRunner(knownFailures: ShippedVectors.known).check(c.vector, in: c.file, codec: codec, name: c.path)
        if let reason = check.knownFailure {
            withKnownIssue("known issue: \(reason)") { for m in check.mismatches { Issue.record("\(c.vector.id): \(m)") } }
        } else {
            for m in check.mismatches { Issue.record("\(c.vector.id): \(m)") }
        }
    }

    @Test func counts() {
        let all = ShippedSDPVectors.cases.map(\.vector)
        let invalid = all.filter { $0.result == .invalid }.count
        #expect(all.count >= 300, "only \(all.count) SDP vectors")
        #expect(invalid * 2 >= all.count, "only \(invalid) of \(all.count) SDP vectors are invalid")
        #expect(all.contains { $0.result == .acceptable })
    }

    /// Every SDP error/warning rule fires and holds silent; every decoding
    /// code has an invalid vector.
    @Test func ruleCoverage() {
        let cov = SDPVectorGenerator.coverage(ShippedSDPVectors.cases.map(\.vector), excluding: Set(ShippedVectors.known.entries.map(\.id)))
        #expect(!cov.rules.isEmpty)
        #expect(cov.missingFire.isEmpty, "rules that never fire: \(cov.missingFire)")
        #expect(cov.missingNoFire.isEmpty, "rules never shown silent: \(cov.missingNoFire)")
        #expect(cov.missingDecoding.isEmpty, "decoding codes without a vector: \(cov.missingDecoding)")
    }

    /// The FACTS.md §9 SDP bug shapes and the §10 ambiguities 17–19 each have vectors.
    @Test func bugShapesAndAmbiguities() {
        let flags = Set(ShippedSDPVectors.cases.flatMap(\.vector.flags))
        for f in ["bug-shape-one-byte-line", "bug-shape-nul-byte", "bug-shape-payload-type-2-32", "bug-shape-huge-fmt-list", "bug-shape-percent-at-end",
                  "bug-shape-lifetime", "bug-shape-mki-length", "bug-shape-lowercase-fingerprint", "bug-shape-session-level-crypto", "bug-shape-duplicate-tag",
                  "ambiguity-17-kdr", "ambiguity-17-f8-suite", "ambiguity-17-wsh", "ambiguity-18-lifetime", "ambiguity-19-hash-case", "offer-answer"] {
            #expect(flags.contains(f), "no vector flagged \(f)")
        }
    }

    /// Each bug shape is rejected with the code its clause names (written
    /// here from FACTS.md §9 and the clauses, independently of the generator).
    @Test func bugShapeCodes() {
        let expected: [String: Set<String>] = [
            "bug-shape-one-byte-line": ["sdp.line.too-short", "sdp.v.version"],
            "bug-shape-nul-byte": ["sdp.line.nul"],
            "bug-shape-payload-type-2-32": ["sdp.m.payload-type"],
            "bug-shape-percent-at-end": ["sdp.msrp.uri-syntax"],
            "bug-shape-mki-length": ["sdp.crypto.mki-length-range"],
            "bug-shape-lowercase-fingerprint": ["sdp.fingerprint.lowercase-hex"],
            "bug-shape-session-level-crypto": ["sdp.crypto.session-level"],
            "bug-shape-duplicate-tag": ["sdp.crypto.tag-duplicate"],
            "bug-shape-lifetime": ["sdp.crypto.lifetime-syntax", "sdp.crypto.lifetime-zero", "sdp.crypto.leading-zero"],
        ]
        for c in ShippedSDPVectors.cases where c.vector.result == .invalid {
            for (flag, codes) in expected where c.vector.flags.contains(flag) {
                #expect(!codes.isDisjoint(with: c.vector.expected.errorCodes), "\(c.vector.id): \(c.vector.expected.errorCodes)")
            }
        }
    }

    /// An offer/answer vector splits at its NUL into two descriptions, each
    /// starting with v= (RFC 8866 §5), and reports paths under offer./answer.
    @Test func offerAnswerEncoding() throws {
        let pairs = ShippedSDPVectors.cases.filter { ($0.vector.profiles ?? []).contains(SDPVectorCodec.offerAnswerEntry) }
        #expect(pairs.count >= 30)
        for c in pairs {
            let (o, a) = try #require(SDPVectorCodec.split(c.vector.input), "\(c.vector.id)")
            #expect(Array(o.prefix(2)) == [0x76, 0x3d], "\(c.vector.id)")
            #expect(Array(a.prefix(2)) == [0x76, 0x3d], "\(c.vector.id)")
            let out = SDPVectorCodec().run(c.vector, in: c.file)
            #expect(out.setupError == nil)
            #expect(out.findings.allSatisfy { $0.path.hasPrefix("offer.") || $0.path.hasPrefix("answer.") || $0.path.isEmpty || $0.path.hasPrefix("lines") || $0.path.hasPrefix("media") },
                    "\(c.vector.id): \(out.findings.map(\.path))")
        }
    }

    /// The corpus holds a seed per distinct input and the dictionary names
    /// the grammar's tokens.
    @Test func corpusAndDictionary() throws {
        let dict = try String(contentsOfFile: (ShippedVectors.corpusDirectory as NSString).appendingPathComponent("sdp.dict"), encoding: .utf8)
        for token in ["\"inline:\"", "\"2^\"", "\"AES_CM_128_HMAC_SHA1_80\"", "\"actpass\"", "\"UDP/TLS/UDPTL\"", "\"\\x0d\\x0a\""] {
            #expect(dict.contains(token), "sdp.dict lacks \(token)")
        }
        let seeds = try FileManager.default.contentsOfDirectory(atPath: (ShippedVectors.corpusDirectory as NSString).appendingPathComponent("sdp"))
        #expect(seeds.count >= 300)
        #expect(seeds.allSatisfy { $0.hasPrefix("sdp.") })
    }
}
