import Testing
import MediasecCore
@testable import SDP

/// The span scanners of the typed fields: the fast reader and the
/// SDPTextScanner reader agree on every input (same spans, same success),
/// and the string-free helpers answer as the decoded values do.
struct FieldScanTests {
    @Test func tokenMaskMatchesGrammar() {
        for c in 0...255 {
            #expect(FieldScan.isTokenByte(UInt8(c)) == SDPGrammar.isTokenChar(UInt8(c)), "\(c)")
        }
    }

    /// Runs a grammar with both readers over `v`: nil when the scanner
    /// reader fails (the fast one must fail too), else the spans of both.
    func both<T>(_ v: [UInt8], _ fast: (inout FastFieldReader) throws(FastFieldReader.Stop) -> T,
                 _ slow: (inout ScannerFieldReader) throws(DecodingError) -> T, _ key: (T) -> [Range<Int>]) -> Bool {
        let value = v[...]
        let f: [Range<Int>]? = value.withUnsafeBufferPointer { buf in
            var r = FastFieldReader(buf, startIndex: value.startIndex)
            do throws(FastFieldReader.Stop) { return key(try fast(&r)) } catch { return nil }
        }
        var r = ScannerFieldReader(s: SDPTextScanner(value, base: 0, path: "", specRef: ""))
        let s: [Range<Int>]?
        do throws(DecodingError) { s = key(try slow(&r)) } catch { s = nil }
        return f == s
    }

    /// Valid values and, for each, every one-byte deletion and a set of
    /// one-byte substitutions.
    func variants(_ seeds: [String]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        let subs: [UInt8] = [0x20, 0x2f, 0x3a, 0x30, 0x39, 0x41, 0x2d, 0x09, 0x80, 0xff, 0x7f, 0x00, 0x2e]
        for seed in seeds {
            let b = Array(seed.utf8)
            out.append(b)
            for i in b.indices {
                var d = b; d.remove(at: i); out.append(d)
                for c in subs { var x = b; x[i] = c; out.append(x) }
                var ins = b; ins.insert(0x20, at: i); out.append(ins)
            }
            out.append(b + [0x20]); out.append(b + [0x2f]); out.append(b + Array("/1".utf8))
        }
        return out
    }

    @Test func readersAgree() {
        for v in variants(["alice 2890844526 2890842807 IN IP4 198.51.100.7", "- 0 0 IN IP6 ::1"]) {
            let ok = both(v, { (r: inout FastFieldReader) throws(FastFieldReader.Stop) in try OriginField.grammar(&r) },
                         { (r: inout ScannerFieldReader) throws(DecodingError) in try OriginField.grammar(&r) },
                         { [$0.username, $0.sessionID, $0.sessionVersion, $0.netType, $0.addrType, $0.unicastAddress] })
            #expect(ok, "\(v)")
        }
        for v in variants(["IN IP4 224.2.36.42/127/3", "IN IP6 FF15::101/3", "IN IP4 192.0.2.1"]) {
            let ok = both(v, { (r: inout FastFieldReader) throws(FastFieldReader.Stop) in try ConnectionField.grammar(&r) },
                         { (r: inout ScannerFieldReader) throws(DecodingError) in try ConnectionField.grammar(&r) },
                         { [$0.netType, $0.addrType, $0.address, $0.suffixes.0, $0.suffixes.1, 0..<$0.suffixCount] })
            #expect(ok, "\(v)")
        }
        for v in variants(["3034423619 3042462419", "0 0"]) {
            let ok = both(v, { (r: inout FastFieldReader) throws(FastFieldReader.Stop) in try TimeField.grammar(&r) },
                         { (r: inout ScannerFieldReader) throws(DecodingError) in try TimeField.grammar(&r) },
                         { [$0.start, $0.stop] })
            #expect(ok, "\(v)")
        }
        for v in variants(["AS:64", "TIAS:128000"]) {
            let ok = both(v, { (r: inout FastFieldReader) throws(FastFieldReader.Stop) in try BandwidthField.grammar(&r) },
                         { (r: inout ScannerFieldReader) throws(DecodingError) in try BandwidthField.grammar(&r) },
                         { [$0.bwType, $0.bandwidth] })
            #expect(ok, "\(v)")
        }
        for v in variants(["audio 49170/2 RTP/AVP 0 8 97", "message 7394 TCP/TLS/MSRP *", "video 0 UDP/TLS/RTP/SAVPF 96"]) {
            let ok = both(v, { (r: inout FastFieldReader) throws(FastFieldReader.Stop) in try MediaField.grammar(&r) },
                         { (r: inout ScannerFieldReader) throws(DecodingError) in try MediaField.grammar(&r) },
                         { [$0.media, $0.port, $0.numberOfPorts ?? -1..<(-1), $0.proto, $0.formats, 0..<$0.formatCount] })
            #expect(ok, "\(v)")
        }
    }

    @Test func mediaFormatsKeptAsText() throws {
        let m = try MediaField.decode(Array("audio 49170 RTP/AVP 0 8 97 telephone-event".utf8), path: "")
        #expect(m.formats == ["0", "8", "97", "telephone-event"])
        let n = MediaField(media: "audio", port: 49170, proto: "RTP/AVP", formats: ["0", "8", "97", "telephone-event"])
        #expect(m == n && n == m)
        #expect(m.hashValue == n.hashValue)
        #expect(m.encodedValue == "audio 49170 RTP/AVP 0 8 97 telephone-event")
        var k = m
        k.formats.append("98")
        #expect(k.formats == ["0", "8", "97", "telephone-event", "98"] && k != m)
        #expect(try MediaField.decode(Array("audio 49170 RTP/AVP 0 8".utf8), path: "") != m)
    }

    @Test func tokenSetMatchesSet() {
        var rng = SystemRandomNumberGenerator()
        for n in [1, 5, 17, 40, 300] {
            let words = (0..<n).map { _ in (["a", "b", "x1", "t38", "H264", "red", "ulpfec", "0a", "-"].randomElement(using: &rng) ?? "a") + String(Int.random(in: 0..<(n / 3 + 1), using: &rng)) }
            let list = Array(words.joined(separator: " ").utf8)[...]
            var set = SDPValidationRun.TokenSet()
            var plain = Set<String>()
            var start = list.startIndex
            for (k, w) in words.enumerated() {
                #expect(set.insert(start, in: list, expecting: n - k) == plain.insert(w).inserted, "\(w)")
                start += w.utf8.count + 1
            }
        }
    }

    @Test func transportLookupMatchesTable() {
        for (k, v) in TransportProtocol.table {
            #expect(TransportProtocol(rawValue: k).info == v)
            #expect(TransportProtocol(rawValue: k.lowercased()).info == (k.lowercased() == k ? v : nil))
            if k.lowercased() != k { #expect(TransportProtocol(rawValue: k.lowercased()).caseInsensitiveMatch == k) }
            #expect(TransportProtocol(rawValue: k + "X").info == nil)
            #expect(TransportProtocol(rawValue: String(k.dropLast())).info == TransportProtocol.table[String(k.dropLast())])
        }
        #expect(TransportProtocol(rawValue: "").info == nil && TransportProtocol(rawValue: "").caseInsensitiveMatch == nil)
        #expect(TransportProtocol(rawValue: "RTP/AVP\u{301}").info == nil)
    }

    @Test func digitHelpers() {
        for t in ["0", "00", "7", "0123", "18446744073709551615", "18446744073709551616", "99999999999999999999999"] {
            let d = DecimalToken(uncheckedDigits: t)
            #expect(DecimalToken.value(digits: Array(t.utf8)[...]) == d.value)
            #expect(DecimalToken.hasLeadingZero(digits: Array(t.utf8)[...]) == d.hasLeadingZero)
            #expect(TimeField.isValidTime(digits: Array(t.utf8)[...]) == TimeField.isValidTime(d))
        }
        for a in ["224.0.0.1", "239.255.255.255", "192.0.2.1", "FF02::1", "fe80::1", "f", "", "1.2.3", "\u{FFFD}"] {
            let c = ConnectionField(addrType: "IP4", address: a), c6 = ConnectionField(addrType: "IP6", address: a)
            #expect(ConnectionField.isMulticast(isIP4: true, isIP6: false, address: Array(a.utf8)[...]) == c.isMulticast)
            #expect(ConnectionField.isMulticast(isIP4: false, isIP6: true, address: Array(a.utf8)[...]) == c6.isMulticast)
        }
        // The one-string finding text equals the located message built in two steps.
        for offset in [0, 7, 11, 12, 200] {
            let sink = SDPFindingSink(profiles: .all, lineOffsets: [0, 12, 30])
            sink.add(SDPRules.formatDuplicate, at: offset, "media[0].fmts[1]", text: "<fmt> '", Array("96".utf8)[...], "' listed twice")
            #expect(sink.findings.first?.message == sink.located(offset, "<fmt> '96' listed twice"), "\(offset)")
            #expect(sink.findings.first?.offset == offset && sink.findings.first?.path == "media[0].fmts[1]")
        }
    }
}
