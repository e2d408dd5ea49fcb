import Testing
import MediasecCore
@testable import SDP

/// The byte-level shortcuts of the TLS/MSRP/BFCP/3GPP checks and of their
/// attribute decoders answer as the String code they replace.
struct SDPChecksFastPathTests {
    /// The index reads an attribute's slot from its name bytes: the case
    /// whose ``SDPIndexedName/name`` equals the name, for every name and
    /// near misses, whether given as bytes or as a String.
    @Test func indexedNameFromBytesMatchesStringSwitch() {
        var names = SDPIndexedName.allCases.map(\.name)
        for n in SDPIndexedName.allCases.map(\.name) {
            names += [n.uppercased(), n + "x", String(n.dropLast()), " " + n, n + ":"]
        }
        names += ["", "a", "rtpmap", "cryptO", "key_mgmt", "\u{0}", "labél"]
        for n in names {
            let expected = SDPIndexedName.allCases.first { $0.name == n }
            #expect(SDPIndexedName(nameBytes: Array(n.utf8)[...]) == expected, "\(n)")
            #expect(SDPIndexedName(name: n) == expected, "\(n)")
        }
        // Invalid UTF-8 is no name.
        #expect(SDPIndexedName(nameBytes: [0x63, 0xff, 0x72][...]) == nil)
    }

    /// The lazy typed chain yields, in order, exactly the attributes of a
    /// level whose typed decode is of the kind (read here by filtering the
    /// level's attributes), with two of a kind, undecodable ones between,
    /// and other names around; `typed` is the same list.
    @Test func typedChainMatchesLevelFilter() throws {
        let text = """
        v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\na=setup:active\r\na=tls-id:abc\r\n\
        m=application 9 TCP/BFCP *\r\na=floorctrl:c-only\r\na=confid:1\r\na=floorid:1 mstrm:1\r\na=floorid:x\r\na=floorid:2 m-stream:2\r\n\
        a=userid:7\r\na=label:1\r\na=setup:bogus\r\na=setup:passive\r\n
        """
        let d = try SDPDecoder().decode(Array(text.utf8))
        let index = SDPIndex(d)
        func check<T>(_ kind: SDPIndex.Kind<T>) {
            for level in index.levels {
                let expected = index.attrs(level).compactMap { e -> Int? in
                    guard let da = e.decoded, case .success(let t) = da.result, kind.match(t) != nil else { return nil }
                    return e.located.lineIndex
                }
                #expect(index.each(level, kind).map(\.0.located.lineIndex) == expected, "\(kind.name) \(level)")
                #expect(index.typed(level, kind).map(\.0.located.lineIndex) == expected, "\(kind.name) \(level)")
            }
        }
        check(SDPIndex.setup)
        check(SDPIndex.floorID)
        check(SDPIndex.floorControl)
        check(SDPIndex.conferenceID)
        check(SDPIndex.userID)
        check(SDPIndex.tlsID)
        check(SDPIndex.keyMgmt)
        #expect(index.each(.media(0), SDPIndex.floorID).map(\.0.located.lineIndex).count == 2)
        #expect(index.each(.media(0), SDPIndex.setup).map(\.0.located.lineIndex).count == 1)
    }

    /// The MSRP endpoint check compares the c= address with the URI host
    /// as the String code did (decode, lower-case both, compare), and the
    /// m-line answers `<media>`, the `*` list and the port from its spans.
    @Test func msrpAddressAndMediaFromBytes() throws {
        let hosts = ["192.0.2.10", "Alice.Example.COM", "alice.example.com", "192.0.2.1", "bücher.example", "BÜCHER.example", "", "x"]
        let addresses = ["192.0.2.10", "alice.example.com", "ALICE.example.com", "bücher.example", "b\u{FC}cher.EXAMPLE", "x"]
        for a in addresses {
            let text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 \(a)\r\nt=0 0\r\nm=message 7394 TCP/TLS/MSRP *\r\n"
            let d = try SDPDecoder().decode(Array(text.utf8))
            let run = SDPValidationRun(index: SDPIndex(d), options: SDPValidationOptions(), sink: SDPFindingSink(profiles: [.rfc4975], lineOffsets: d.lineOffsets))
            for h in hosts {
                let c = try #require(d.lines.firstIndex { $0.type == 0x63 })
                let cf = try ConnectionField.decode(d.lines[c].value, path: "")
                let expected = SDPGrammar.lowercased(cf.address) == SDPGrammar.lowercased(h)
                #expect(run.connectionAddress(ofLine: c, matches: h) == expected, "\(a) \(h)")
            }
            let f = try #require(run.index.decodedMedia(0))
            let m = try #require(run.index.mediaField(0))
            #expect(f.mediaIs("message") == (m.media == "message") && f.mediaIs("message"))
            #expect(f.isStarOnly == (m.formats == ["*"]) && f.isStarOnly)
            #expect(f.portValue == m.port.value && f.text(f.spans.formats) == m.formats.joined(separator: " "))
        }
    }

    @Test func hashFunctionLookupMatchesTable() {
        let names = ["sha-1", "SHA-1", "Sha-256", "sha-256", "sha-224", "SHA-384", "sha-512", "md5", "MD2", "md4",
                     "sha-2566", "sha256", "", "s", "sha-25", "\u{0}md5", "md5\u{0}", "shA-512", "sha-1 ", "ßha-1", "sha-１"]
        for n in names {
            let h = HashFunction(rawValue: n)
            let lower = SDPGrammar.lowercased(n)
            let expected = HashFunction.table[lower]
            #expect(h.info == expected, "\(n)")
            #expect(h.isNonCanonicalCase == (expected != nil && n != lower), "\(n)")
            #expect(h.isSHA256OrStronger == (lower == "sha-256" || (expected?.digestLength ?? 0) > 32), "\(n)")
        }
        var h = HashFunction(rawValue: "md5")
        #expect(h.info?.forbidden == true)
        h.rawValue = "SHA-512"
        #expect(h.info?.digestLength == 64 && h.isNonCanonicalCase)
        #expect(HashFunction(rawValue: "sha-1") == .sha1)
        #expect(HashFunction(rawValue: "SHA-1") != .sha1)
    }

    @Test func fingerprintShapeFollowsText() {
        let texts = ["AB:CD", "ab:cd:ef", "A", "AB:C", "AB:GG", "", "AB CD", "ABCD", "ab:zz", "zz:ab", "AB:CD:", "AB\tCD\r\n", "é"]
        for text in texts {
            var f = FingerprintAttribute(hashFunction: .sha256, fingerprint: "00")
            f.fingerprint = text
            #expect(f.byteCount == f.bytes.count, "\(text)")
            #expect(f.hasLowercaseHex == text.utf8.contains { $0 >= 0x61 && $0 <= 0x66 }, "\(text)")
            #expect(f == FingerprintAttribute(hashFunction: .sha256, fingerprint: text))
        }
    }

    @Test func decodedFingerprintShape() throws {
        for value in ["sha-256 AB:CD:EF", " SHA-1 ab:CD", "sha-1 0a", "md5 FF:ff:00:11"] {
            let f = try FingerprintAttribute(parsing: value)
            let plain = FingerprintAttribute(hashFunction: f.hashFunction, fingerprint: f.fingerprint, leadingSpace: f.leadingSpace)
            #expect(f == plain)
            #expect(f.byteCount == plain.byteCount && f.hasLowercaseHex == plain.hasLowercaseHex, "\(value)")
            #expect(f.encodedValue == value)
        }
        for bad in ["sha-256 AB:C", "sha-256 AB:", "sha-256 ABC", "sha-256 AB:CD ", "sha-256  AB", "sha-256 :AB", "sha-256"] {
            #expect(throws: DecodingError.self, "\(bad)") { try FingerprintAttribute(parsing: bad) }
        }
        do {
            _ = try FingerprintAttribute.decode(Array("sha-256 AB:CD:G0".utf8), base: 10, path: "fp")
            Issue.record("accepted a non-hex pair")
        } catch {
            #expect(error.offset == 10 + 14 && error.path == "fp.fingerprint" && error.message == "fingerprint: expected two hex digits")
        }
    }

    @Test func keywordValuesAsBytes() throws {
        for r in SetupAttribute.Role.allCases { #expect(try SetupAttribute(parsing: r.rawValue).role == r) }
        for v in ConnectionAttribute.Value.allCases { #expect(try ConnectionAttribute(parsing: v.rawValue).value == v) }
        for bad in ["Active", "activ", "actives", "", " active"] {
            #expect(throws: DecodingError.self) { try SetupAttribute(parsing: bad) }
        }
        for bad in ["New", "ne", "existing ", ""] {
            #expect(throws: DecodingError.self) { try ConnectionAttribute(parsing: bad) }
        }
    }

    @Test func msrpURIPartsAsWritten() throws {
        let p = try MSRPPathAttribute(parsing: "msrp://u%41:pw@[2001:db8::1]:2855/s1;tcp msrps://host.example%2Dx:9/x;tcp;a=b")
        #expect(p.uris.count == 2)
        #expect(p.uris[0].userinfo == "u%41:pw" && p.uris[0].host == "[2001:db8::1]" && p.uris[0].port == "2855")
        #expect(p.uris[1].host == "host.example%2Dx" && p.uris[1].parameters == ["a=b"])
        var o = SDPFieldOffsets()
        _ = try MSRPPathAttribute.decode(Array("msrp://h:1/s;tcp msrp://g/t;tcp".utf8), base: 0, path: "", offsets: &o)
        #expect(o["uris[0]"] == 0 && o["uris[1].host"] == 24 && o["uris[0].transport"] == 13)
        do {
            _ = try MSRPPathAttribute.decode(Array("msrp://h:1/s;tcp msrp://h%4/s;tcp".utf8), base: 0, path: "p")
            Issue.record("accepted an incomplete percent-encoding")
        } catch {
            #expect(error.path == "p.uris[1].host")
            #expect(error.message == "uris[1].host: '%' not followed by two hex digits (incomplete percent-encoding)")
        }
    }
}
