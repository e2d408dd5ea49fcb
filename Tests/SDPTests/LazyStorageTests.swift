import Testing
import MediasecCore
@testable import SDP

/// The storage the validator's speed rests on keeps value semantics: a
/// decoded m= field builds its strings from the line on demand and turns
/// into built fields on an edit; an attribute's value is a slice with a
/// separate "has a value" flag; a decoded attribute shares its index entry
/// until written.
struct LazyStorageTests {
    @Test func decodedMediaFieldReadsItsLine() throws {
        let line = Array("x=audio 49170/2 RTP/SAVP 0 8 97".utf8)
        let m = try MediaField.decode(line[2...], base: 2, path: "m")
        #expect(m.media == "audio")
        #expect(m.port == DecimalToken(49170))
        #expect(m.numberOfPorts == DecimalToken(2))
        #expect(m.proto == "RTP/SAVP")
        #expect(m.formats == ["0", "8", "97"])
        #expect(m.encodedValue == "audio 49170/2 RTP/SAVP 0 8 97")
        // The spans point into the line (indices of the slice).
        let spans = try #require(m.decodedSpans)
        #expect(String(decoding: spans.bytes[spans.spans.port], as: UTF8.self) == "49170")
        #expect(String(decoding: spans.bytes[spans.spans.formats], as: UTF8.self) == "0 8 97")
        // Equal to the same field built from strings, in either order.
        let built = MediaField(media: "audio", port: 49170, numberOfPorts: 2, proto: "RTP/SAVP", formats: ["0", "8", "97"])
        #expect(m == built && built == m)
        #expect(built.decodedSpans == nil)
    }

    @Test func editingADecodedMediaFieldKeepsTheOtherFieldsAndTheOriginal() throws {
        let original = try MediaField.decode(Array("video 0 UDP/TLS/RTP/SAVP 96".utf8), path: "m")
        var edited = original
        edited.proto = "RTP/AVP"
        #expect(edited.proto == "RTP/AVP")
        #expect(edited.media == "video" && edited.port == DecimalToken(0) && edited.numberOfPorts == nil && edited.formats == ["96"])
        #expect(edited.decodedSpans == nil)
        // The copy it came from is untouched.
        #expect(original.proto == "UDP/TLS/RTP/SAVP")
        #expect(original.decodedSpans != nil)
        var again = edited
        again.formats = ["0", "8"]
        #expect(again.formats == ["0", "8"] && edited.formats == ["96"])
        #expect(again.encodedValue == "video 0 RTP/AVP 0 8")
    }

    @Test func rejectedIsAZeroPortWhetherDecodedOrBuilt() throws {
        for (line, rejected) in [("audio 0 RTP/AVP 0", true), ("audio 00/2 RTP/AVP 0", true), ("audio 49170 RTP/AVP 0", false), ("audio 10 RTP/AVP 0", false)] {
            var m = try MediaField.decode(Array(line.utf8), path: "m")
            #expect(m.isRejected == rejected, "\(line)")
            m.media = "video"   // now built: the same answer from the fields
            #expect(m.isRejected == rejected, "\(line) built")
        }
    }

    @Test func attributeValueDistinguishesAbsentFromEmpty() {
        let property = SDPAttribute(lineValue: Array("recvonly".utf8))
        let empty = SDPAttribute(lineValue: Array("label:".utf8))
        let valued = SDPAttribute(lineValue: Array("label:1".utf8))
        #expect(property.name == "recvonly" && property.valueBytes == nil && property.value == nil)
        #expect(empty.name == "label" && empty.valueBytes.map(Array.init) == [] && empty.value == [])
        #expect(valued.value == Array("1".utf8))
        #expect(property != SDPAttribute(name: "recvonly", value: [UInt8]()))
        #expect(property == SDPAttribute(name: "recvonly", value: nil as [UInt8]?))
        #expect(empty == SDPAttribute(name: "label", value: ""))
        #expect(valued.lineValue == Array("label:1".utf8) && property.lineValue == Array("recvonly".utf8))
        var edited = property
        edited.value = Array("x".utf8)
        #expect(edited.valueString == "x" && property.valueString == nil)
        edited.valueBytes = nil
        #expect(edited == property)
    }

    @Test func decodedAttributeCopiesOnWrite() throws {
        let text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\na=setup:active\r\na=rtcp-mux\r\n"
        let d = try SDPDecoder().decode(Array(text.utf8))
        let index = SDPIndex(d)
        let entries = index.attrs(.media(0))
        #expect(entries.count == 2)
        let setup = try #require(entries.first?.decoded)
        #expect(entries.last?.decoded == nil)   // no typed codec for rtcp-mux
        guard case .success(.setup(let s)) = setup.result else {
            Issue.record("setup not decoded")
            return
        }
        #expect(s.role == .active)
        var copy = setup
        copy.valueOffset += 1
        copy.result = .success(.setup(SetupAttribute(.passive)))
        #expect(copy.valueOffset == setup.valueOffset + 1)
        // The index's own entry is unchanged.
        let again = try #require(index.attrs(.media(0)).first?.decoded)
        #expect(again.valueOffset == setup.valueOffset)
        guard case .success(.setup(let s2)) = again.result else {
            Issue.record("setup changed")
            return
        }
        #expect(s2.role == .active)
    }
}

extension LazyStorageTests {
    /// The index keeps an m= line as spans: the field built from them is
    /// the decoder's, and "rejected" read from the spans is the field's.
    @Test func mediaEntriesAreTheDecodersFields() throws {
        let text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 49170/2 RTP/SAVP 0 8 97\r\nm=video 0 RTP/AVP 31\r\nm=audio 00 udp x\r\nm=audio x RTP/AVP 0\r\nm=message 7394 TCP/TLS/MSRP *\r\n"
        let d = try SDPDecoder().decode(Array(text.utf8))
        let index = SDPIndex(d)
        #expect(index.mediaCount == 5)
        for mi in 0..<index.mediaCount {
            let line = d.lines[index.sections.media[mi].lowerBound]
            let direct = try? MediaField.decode(line.bytes, path: "")
            #expect(index.mediaField(mi) == direct, "\(mi)")
            #expect(index.isRejected(mi) == direct?.isRejected, "\(mi)")
            #expect(index.proto(mi) == direct?.transport, "\(mi)")
        }
        #expect(index.isRejected(0) == false && index.isRejected(1) == true && index.isRejected(2) == true && index.isRejected(3) == nil)
    }

    /// An a=crypto index entry keeps its scan: the typed value built from it
    /// is the decoder's, a write to a copy replaces it in the copy only, and
    /// a value that does not decode keeps its error.
    @Test func cryptoEntryBuildsItsTypedValueFromTheScan() throws {
        let value = "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4 KDR=3 -x=y"
        let text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 1 RTP/SAVP 0\r\na=crypto:\(value)\r\na=crypto:x\r\n"
        let d = try SDPDecoder().decode(Array(text.utf8))
        let index = SDPIndex(d)
        let entries = Array(index.attrs(.media(0)))
        #expect(entries.count == 2)
        let good = try #require(entries.first), bad = try #require(entries.last)
        #expect(good.cryptoScan != nil && good.decodingError == nil)
        #expect(bad.cryptoScan == nil && bad.decodingError?.code == "sdp.crypto.tag-syntax")
        var o = SDPFieldOffsets(recording: true)
        let expected = try CryptoAttribute.decode(Array(value.utf8)[...], base: 0, path: "", offsets: &o)
        let da = try #require(good.decoded)
        guard case .success(.crypto(let c)) = da.result else {
            Issue.record("crypto not decoded")
            return
        }
        #expect(c == expected)
        #expect(c.encodedValue == value)
        #expect(Array(index.cryptoItems(.media(0))).count == 1)
        var copy = da
        copy.result = .success(.setup(SetupAttribute(.passive)))
        guard case .success(.setup) = copy.result, case .success(.crypto(let again)) = da.result else {
            Issue.record("copy on write broken")
            return
        }
        #expect(again == expected)
        #expect(good.cryptoScan != nil)
    }
}

/// Offsets the checks derive from a decoded value equal the ones the
/// decoder records (the checks no longer decode the value again for them).
struct DerivedOffsetTests {
    /// The offsets an a=crypto scan records, against positions counted by
    /// hand in the value (base 100): the checks read the same positions.
    @Test func cryptoOffsetsCountedByHand() throws {
        let v = "1 AES_CM_128_HMAC_SHA1_80 inline:QUJD|2^20|1:4;inline:REVG|7:4 KDR=3 FEC_KEY=inline:R0hJ|2:4 -x"
        var o = SDPFieldOffsets(recording: true)
        let scan = try SRTPCryptoScan.scan(Array(v.utf8)[...], base: 100, path: "", limits: .default)
        scan.record(into: &o)
        let expected: [String: Int] = [
            "tag": 100, "suite": 102,
            "keyParams[0]": 126, "keyParams[0].keySalt": 133, "keyParams[0].lifetime": 138, "keyParams[0].mki": 143, "keyParams[0].mki.length": 145,
            "keyParams[1]": 147, "keyParams[1].keySalt": 154, "keyParams[1].mki": 159, "keyParams[1].mki.length": 161,
            "sessionParams[0]": 163, "sessionParams[0].value": 167,
            "sessionParams[1]": 169, "sessionParams[1].value": 177,
            "sessionParams[1].keyParams[0]": 177, "sessionParams[1].keyParams[0].keySalt": 184,
            "sessionParams[1].keyParams[0].mki": 189, "sessionParams[1].keyParams[0].mki.length": 191,
            "sessionParams[2]": 193,
        ]
        #expect(o.table == expected)
        // The positions the checks use are those offsets.
        #expect(scan.offset(scan.tag.range.lowerBound) == 100 && scan.offset(scan.suite.lowerBound) == 102)
        let k = scan.keys
        #expect(k.count == 3 && scan.keyCount == 2)
        #expect(k.map { scan.offset($0.at) } == [126, 147, 177])
        #expect(k.map { scan.offset($0.keySalt.lowerBound) } == [133, 154, 184])
        #expect(scan.offset(k[0].lifetimeAt) == 138 && k[1].lifetime == nil)
        #expect(k.map { scan.offset($0.mkiAt) } == [143, 159, 189] && k.map { scan.offset($0.mkiLengthAt) } == [145, 161, 191])
        #expect(scan.params.map { scan.offset($0.at) } == [163, 169, 193])
        #expect(scan.offset(scan.params[0].valueAt) == 167 && scan.params[0].decimal?.value == 3)
        #expect(scan.keys(of: scan.params[1]).count == 1 && scan.params[2].kind == .optionalExtension && !scan.params[2].hasValue)
        #expect(scan.text(k[0].lifetime ?? SRTPLifetimeScan(powerOfTwo: false, digits: SDPDigits([]))) == "2^20")
    }

    /// Decodes each value at `base` with recording on and compares every
    /// derived offset with the recorded one of its field.
    func check<T: SDPAttributeCodable>(_ type: T.Type, _ values: [String], base: Int, _ derived: [(field: String, offset: (T) -> Int)]) throws {
        for v in values {
            var o = SDPFieldOffsets(recording: true)
            let a = try T.decode(Array(v.utf8)[...], base: base, path: "", offsets: &o)
            for d in derived { #expect(d.offset(a) == o[d.field], "\(v) \(d.field)") }
        }
    }

    @Test func keyMgmtOffsets() throws {
        try check(KeyMgmtAttribute.self, ["mikey AQIDBA==", " mikey AQIDBA==", "xyz1 QUJD", " MIKEY QUJD"], base: 100,
                  [("protocolId", { $0.protocolIDOffset(valueOffset: 100) }), ("data", { $0.dataOffset(valueOffset: 100) })])
    }

    @Test func fingerprintOffsets() throws {
        try check(FingerprintAttribute.self, ["sha-256 AB:CD", " sha-256 AB:CD", "SHA-1 00:11:22", "foo-99 AB"], base: 7,
                  [("hashFunction", { $0.hashFunctionOffset(valueOffset: 7) }), ("fingerprint", { $0.fingerprintOffset(valueOffset: 7) })])
    }
}

/// Recorded offsets of nested values share their prefix; lookups and the
/// table see the full names, and a later record of a name wins.
struct FieldOffsetsTests {
    @Test func nestedPrefixesAndLookups() {
        var inner = SDPFieldOffsets(recording: true)
        inner.record("value", 30)
        var mid = SDPFieldOffsets(recording: true)
        mid.record("keySalt", 10)
        mid.record("mki.length", 20)
        mid.record(inner, under: "extra")
        var top = SDPFieldOffsets(recording: true)
        top.record("tag", 1)
        top.record(mid, under: "keyParams[0]")
        top.record(mid, under: "keyParams[1]")
        top.record("tag", 2)
        let expected = ["tag": 2, "keyParams[0].keySalt": 10, "keyParams[0].mki.length": 20, "keyParams[0].extra.value": 30,
                        "keyParams[1].keySalt": 10, "keyParams[1].mki.length": 20, "keyParams[1].extra.value": 30]
        #expect(top.table == expected)
        for (k, v) in expected { #expect(top[k] == v, "\(k)") }
        for miss in ["keyParams[0]", "keyParams[0].", "keySalt", "keyParams[0].keySal", "keyParams[0]xkeySalt", "keyParams[2].keySalt", "extra.value", ""] {
            #expect(top[miss] == nil, "\(miss)")
        }
        var off = SDPFieldOffsets(recording: false)
        off.record("tag", 1)
        off.record(mid, under: "keyParams[0]")
        #expect(off.table.isEmpty && off["tag"] == nil)
    }
}

/// A proto read from the bytes of an m= line is the same value as one
/// built from its string.
struct TransportFromBytesTests {
    @Test func bytesAndStringAgree() {
        var names = TransportProtocol.keys.map { $0.description }
        names += names.map { $0.lowercased() } + names.map { $0.uppercased() }
        names += ["", "RTP", "RTP/AV", "RTP/AVPX", "UDP/TLS/RTP/SAVPFX", "TCP/TLS/MSR", "x", "ÄRTP/AVP", "RTP/AVP\u{0}"]
        for n in names {
            let a = TransportProtocol(bytes: Array(n.utf8)[...])
            let b = TransportProtocol(rawValue: n)
            #expect(a == b && a.rawValue == n && a.isKnown == b.isKnown && a.info == b.info, "\(n)")
        }
        // A slice that does not start at 0.
        let line = Array("m=audio 9 UDP/TLS/RTP/SAVPF 0".utf8)
        #expect(TransportProtocol(bytes: line[10..<27]) == TransportProtocol(rawValue: "UDP/TLS/RTP/SAVPF"))
    }
}

/// The registry name table against a plain case-insensitive scan.
struct RegistryNameTableTests {
    @Test func lookupIgnoresASCIICaseOnly() {
        let names = ["sha-256", "md5", "AES_CM_128_HMAC_SHA1_80"]
        let t = RegistryNameTable(names)
        let probes = names + names.map { $0.uppercased() } + names.map { $0.lowercased() }
            + ["", "sha-2566", "sha_256", "md", "SHA-256\u{0}", "ſha-256", "AES_CM_128_HMAC_SHA1_32"]
        for p in probes {
            let r = t.lookup(p)
            let expected = names.firstIndex { $0.utf8.count == p.utf8.count && zip($0.utf8, p.utf8).allSatisfy { SDPGrammar.upper($0) == SDPGrammar.upper($1) } }
            #expect(r.index == expected.map { Int8($0) } ?? -1, "\(p)")
            #expect(r.exact == (expected.map { names[$0] == p } ?? false), "\(p)")
        }
        #expect(HashFunction(rawValue: "SHA-256").info?.digestLength == 32 && HashFunction(rawValue: "sha-2566").info == nil)
    }
}
