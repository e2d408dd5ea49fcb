import MediasecCore
import SDP

/// RFC 8866: the line layer (every decoding code of ``SDPDecoder``), order
/// and mandatory lines, the typed `v=`/`o=`/`s=`/`c=`/`b=`/`t=`/`r=`/`z=`/
/// `k=`/`m=` fields and the generic attribute rules.
enum SDPSessionVectors {
    typealias R = SDPRules
    typealias T = SDPText
    static let audio = "m=audio 49170 RTP/AVP 0"

    static func build(_ s: SDPVectorSet) {
        valid(s)
        acceptable(s)
        structure(s)
        fields(s)
        decoding(s)
        limits(s)
    }

    static func valid(_ s: SDPVectorSet) {
        s.add("valid-no-media", "The five mandatory lines v o s c t and nothing else.", refs: ["RFC 8866 §5", "RFC 8866 §9"], flags: ["clean-baseline"]) { _ in
            .valid(T.sdp([])).pinning(.object([("lineCount", .int(5)), ("media", .array([]))]))
        }
        s.add("valid-one-audio", "One RTP/AVP audio stream.", refs: ["RFC 8866 §5.14"], flags: ["clean-baseline"]) { _ in
            .valid(T.sdp([audio])).pinning(.object([("media", .array([.object([("media", .string("audio")), ("port", .int(49170)), ("proto", .string("RTP/AVP")), ("fmts", .array([.string("0")]))])]))]))
        }
        s.add("valid-every-session-line", "Every session-level line type in the RFC 8866 §5 order: v o s i u e p c b t r z a.", refs: ["RFC 8866 §5", "RFC 8866 §5.10", "RFC 8866 §5.11"], flags: ["clean-baseline"]) { _ in
            .valid(T.join(["v=0", "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1", "s=Call to John Smith", "i=SDP Offer #1",
                           "u=http://www.jdoe.example.com/home.html", "e=Jane Doe <jane@jdoe.example.com>", "p=+1 617 555-6011",
                           "c=IN IP4 198.51.100.1", "b=CT:128", "t=3724394400 3724398000", "r=604800 3600 0 90000", "z=3730928400 -1h 3749680800 0",
                           "a=recvonly", audio, "i=main audio", "b=AS:64", "a=rtpmap:0 PCMU/8000"]))
                .pinning(.object([("lineCount", .int(17))]))
        }
        s.add("rfc8866-section5-example", "The example description of RFC 8866 §5 (three media, IPv6 c= in the video section).", refs: ["RFC 8866 §5"], flags: ["rfc-example", "clean-baseline"]) { _ in
            .valid(T.join(["v=0", "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1", "s=Call to John Smith", "i=SDP Offer #1",
                           "u=http://www.jdoe.example.com/home.html", "e=Jane Doe <jane@jdoe.example.com>", "p=+1 617 555-6011",
                           "c=IN IP4 198.51.100.1", "t=0 0", "m=audio 49170 RTP/AVP 0", "m=audio 49180 RTP/AVP 0", "m=video 51372 RTP/AVP 99",
                           "c=IN IP6 2001:db8::2", "a=rtpmap:99 h263-1998/90000"]))
                .pinning(.object([("media", .array([.object([("port", .int(49170))]), .object([("port", .int(49180))]), .object([("port", .int(51372))])]))]))
        }
        s.add("valid-ip4-multicast-ttl", "IPv4 multicast with a TTL (and an address count).", refs: ["RFC 8866 §5.7"], flags: ["clean-baseline"]) { _ in
            .valid(T.join(["v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.10", "s=-", "c=IN IP4 233.252.0.1/127/3", "t=0 0", audio]))
        }
        s.add("valid-ip6-multicast-count", "IPv6 multicast with an address count and no TTL.", refs: ["RFC 8866 §5.7"], flags: ["clean-baseline"]) { _ in
            .valid(T.join(["v=0", "o=alice 2890844526 2890844527 IN IP6 2001:db8::10", "s=-", "c=IN IP6 ff1e:db8::101/3", "t=0 0", audio]))
        }
        s.add("valid-media-level-connection", "No session c=, a c= in every media section.", refs: ["RFC 8866 §5.7"], flags: ["clean-baseline"]) { _ in
            .valid(T.join(["v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.10", "s=-", "t=0 0", audio, "c=IN IP4 192.0.2.10",
                           "m=video 51372 RTP/AVP 31", "c=IN IP4 192.0.2.11"]))
        }
        s.add("valid-port-count", "A port pair with a number of ports (RTP/RTCP pairs of a layered stream).", refs: ["RFC 8866 §5.14"], flags: ["clean-baseline"]) { _ in
            .valid(T.sdp(["m=video 49170/2 RTP/AVP 31"])).pinning(.object([("media", .array([.object([("numberOfPorts", .int(2))])]))]))
        }
        s.add("valid-two-time-descriptions", "Two time descriptions, the first with repeat times.", refs: ["RFC 8866 §5.9", "RFC 8866 §5.10"], flags: ["clean-baseline"]) { _ in
            .valid(T.join(["v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10",
                           "t=3034423619 3042462419", "r=7d 1h 0 25h", "t=3042462419 3050501219", audio]))
        }
        s.add("valid-charset-latin1", "s= in ISO-8859-1 declared by a=charset: no UTF-8 requirement.", refs: ["RFC 8866 §5.3", "RFC 8866 §6.10"], flags: ["clean-baseline"]) { _ in
            var b = T.join(["v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.10"])
            b += Array("s=Caf".utf8) + [0xE9] + Array("\r\n".utf8)
            b += T.join(["c=IN IP4 192.0.2.10", "t=0 0", "a=charset:ISO-8859-1", audio])
            return .valid(b)
        }
        s.add("valid-bare-lf", "Every line ends with a bare LF: tolerated (info sdp.line.bare-lf).", refs: ["RFC 8866 §5"], flags: ["clean-baseline"]) { _ in
            .valid(T.join(T.head + [audio], ending: "\n"), infos: [R.bareLF.c]).pinning(.object([("lineEndings", .object([("lf", .int(6)), ("crlf", .int(0))]))]))
        }
        s.add("valid-attribute-name-case", "a=Sendrecv: names are case-sensitive; the attribute is not the known one and is not interpreted (info).", refs: ["RFC 8866 §5.13"], flags: ["one-change"]) { _ in
            .valid(T.sdp([audio, "a=Setup:active"]), infos: [R.attributeNameCase.c])
        }
        s.add("valid-rtp-dynamic-pts", "RTP payload types 0, 96 and 127 (the RFC 3550 range bounds).", refs: ["RFC 8866 §5.14", "RFC 3550 §5.1"], flags: ["clean-baseline"]) { _ in
            .valid(T.sdp(["m=audio 49170 RTP/AVP 0 96 127", "a=rtpmap:96 opus/48000/2", "a=rtpmap:127 telephone-event/8000"]))
        }
        s.add("valid-port-zero-rejected-stream", "A rejected stream (port 0) is still a well-formed m= line.", refs: ["RFC 8866 §5.14", "RFC 3264 §6"], flags: ["clean-baseline"]) { _ in
            .valid(T.sdp([audio, "m=video 0 RTP/AVP 31"]))
        }
        s.add("valid-port-65535", "The largest port number.", refs: ["RFC 8866 §5.14"], flags: ["clean-baseline"]) { _ in .valid(T.sdp(["m=audio 65535 RTP/AVP 0"])) }
        s.add("valid-ttl-255", "The largest TTL.", refs: ["RFC 8866 §5.7"], flags: ["clean-baseline"]) { _ in
            .valid(T.join(["v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.10", "s=-", "c=IN IP4 233.252.0.1/255", "t=0 0", audio]))
        }
    }

    static func acceptable(_ s: SDPVectorSet) {
        s.add("mixed-line-endings", "CRLF and bare LF in one description.", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .acceptable(T.join(T.head) + T.join([audio], ending: "\n"), [R.mixedEndings.c], infos: [R.bareLF.c])
        }
        s.add("no-final-eol", "The last line has no terminator.", refs: ["RFC 8866 §9"], flags: ["one-change"]) { _ in
            .acceptable(T.join(T.head) + Array(audio.utf8), [R.noFinalEOL.c])
        }
        s.add("session-name-not-utf8", "s= holds a byte that is not UTF-8 and there is no a=charset.", refs: ["RFC 8866 §5.3"], flags: ["one-change"]) { _ in
            var b = T.join(["v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.10"])
            b += Array("s=Caf".utf8) + [0xE9] + Array("\r\n".utf8)
            b += T.join(["c=IN IP4 192.0.2.10", "t=0 0", audio])
            return .acceptable(b, [R.textNotUTF8.c])
        }
        s.add("information-not-utf8", "A media-level i= holds a lone continuation byte.", refs: ["RFC 8866 §5.4"], flags: ["one-change"]) { _ in
            .acceptable(T.join(T.head + [audio]) + Array("i=x".utf8) + [0x80] + Array("\r\n".utf8), [R.textNotUTF8.c])
        }
        s.add("zone-without-repeat", "z= right after t= (the §9 ABNF allows z= only after r=).", refs: ["RFC 8866 §9", "RFC 8866 §5.11"], flags: ["one-change"]) { _ in
            .acceptable(T.join(["v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=3034423619 3042462419", "z=3038000000 -1h", audio]), [R.zoneWithoutRepeat.c])
        }
        s.add("key-field-obsolete", "A session-level k= line (obsolete; receivers discard it).", refs: ["RFC 8866 §5.12"], flags: ["one-change"]) { _ in
            .acceptable(T.sdp(["k=prompt", audio]), [R.keyFieldObsolete.c])
        }
        s.add("key-field-media", "A media-level k=clear line.", refs: ["RFC 8866 §5.12"], flags: ["one-change"]) { _ in
            .acceptable(T.sdp([audio, "k=clear:secret"]), [R.keyFieldObsolete.c])
        }
        s.add("fmt-duplicate", "The payload type 0 listed twice.", refs: ["RFC 8866 §5.14"], flags: ["one-change"]) { _ in
            .acceptable(T.sdp(["m=audio 49170 RTP/AVP 0 8 0"]), [R.formatDuplicate.c])
        }
        s.add("proto-case", "rtp/avp: matches RTP/AVP only case-insensitively.", refs: ["RFC 8866 §5.14", "RFC 8866 §8.2.3"], flags: ["one-change"]) { _ in
            .acceptable(T.sdp(["m=audio 49170 rtp/avp 0"]), [R.protoCase.c])
        }
    }

    static func structure(_ s: SDPVectorSet) {
        let o = "o=alice 2890844526 2890844527 IN IP4 192.0.2.10"
        s.add("version-not-first", "The description starts with o=; there is no v=.", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .invalid(T.join([o, "s=-", "c=IN IP4 192.0.2.10", "t=0 0", audio]), [R.versionFirst.c])
        }
        s.add("version-1", "v=1: this memo defines version 0.", refs: ["RFC 8866 §5.1"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=1", o, "s=-", "c=IN IP4 192.0.2.10", "t=0 0", audio]), [R.version.c])
        }
        s.add("version-00", "v=00.", refs: ["RFC 8866 §5.1", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=00", o, "s=-", "c=IN IP4 192.0.2.10", "t=0 0"]), [R.version.c])
        }
        s.add("origin-missing", "No o= line.", refs: ["RFC 8866 §5.2", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", "s=-", "c=IN IP4 192.0.2.10", "t=0 0", audio]), [R.originMissing.c])
        }
        s.add("session-name-missing", "No s= line.", refs: ["RFC 8866 §5.3"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "c=IN IP4 192.0.2.10", "t=0 0", audio]), [R.sessionNameMissing.c])
        }
        s.add("session-name-empty", "s= with an empty value.", refs: ["RFC 8866 §5.3"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=", "c=IN IP4 192.0.2.10", "t=0 0", audio]), [R.sessionNameEmpty.c])
        }
        s.add("time-missing", "No t= line.", refs: ["RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=-", "c=IN IP4 192.0.2.10", audio]), [R.timeMissing.c])
        }
        s.add("order-c-before-s", "c= before s=.", refs: ["RFC 8866 §5", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "c=IN IP4 192.0.2.10", "s=-", "t=0 0", audio]), [R.order.c])
        }
        s.add("order-a-before-t", "A session a= before t=.", refs: ["RFC 8866 §5", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "a=recvonly", "t=0 0", audio]), [R.order.c])
        }
        s.add("order-media-c-after-a", "A media c= after the media's a= lines.", refs: ["RFC 8866 §5", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=-", "t=0 0", audio, "a=recvonly", "c=IN IP4 192.0.2.10"]), [R.order.c])
        }
        s.add("order-session-line-in-media", "A u= line inside a media section.", refs: ["RFC 8866 §5", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.sdp([audio, "u=http://www.example.com/"]), [R.order.c])
        }
        s.add("order-r-without-t", "r= after a=, away from its t=.", refs: ["RFC 8866 §5.10", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=3034423619 3042462419", "a=recvonly", "r=7d 1h 0 25h", audio]), [R.order.c])
        }
        s.add("duplicate-session-name", "Two s= lines.", refs: ["RFC 8866 §5.3", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=-", "s=again", "c=IN IP4 192.0.2.10", "t=0 0", audio]), [R.duplicateLine.c])
        }
        s.add("duplicate-origin", "Two o= lines.", refs: ["RFC 8866 §5.2", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, o, "s=-", "c=IN IP4 192.0.2.10", "t=0 0", audio]), [R.duplicateLine.c])
        }
        s.add("duplicate-media-information", "Two i= lines in one media section.", refs: ["RFC 8866 §5.4", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.sdp([audio, "i=one", "i=two"]), [R.duplicateLine.c])
        }
        s.add("duplicate-zone", "Two z= lines in one time description.", refs: ["RFC 8866 §5.11", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=3034423619 3042462419", "r=7d 1h 0 25h", "z=3038000000 -1h", "z=3039000000 0", audio]), [R.duplicateLine.c])
        }
        s.add("connection-missing", "A media section without c= and no session-level c=.", refs: ["RFC 8866 §5.7"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=-", "t=0 0", audio]), [R.connectionMissing.c])
        }
        s.add("connection-missing-second-media", "The second media section has no c=, the first has one.", refs: ["RFC 8866 §5.7"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=-", "t=0 0", audio, "c=IN IP4 192.0.2.10", "m=video 51372 RTP/AVP 31"]), [R.connectionMissing.c])
        }
    }

    static func fields(_ s: SDPVectorSet) {
        let o = "o=alice 2890844526 2890844527 IN IP4 192.0.2.10"
        func withC(_ c: String) -> [UInt8] { T.join(["v=0", o, "s=-", c, "t=0 0", audio]) }
        s.add("unicast-slash", "A TTL suffix on a unicast IPv4 address (the RFC 4568 §4.5 example does this).", refs: ["RFC 8866 §5.7"], flags: ["one-change"]) { _ in
            .invalid(withC("c=IN IP4 192.0.2.10/127"), [R.connectionUnicastSlash.c])
        }
        s.add("unicast-slash-ip6", "An address count on a unicast IPv6 address.", refs: ["RFC 8866 §5.7"], flags: ["one-change"]) { _ in
            .invalid(withC("c=IN IP6 2001:db8::1/2"), [R.connectionUnicastSlash.c])
        }
        s.add("multicast-no-ttl", "IPv4 multicast without a TTL.", refs: ["RFC 8866 §5.7"], flags: ["one-change"]) { _ in
            .invalid(withC("c=IN IP4 233.252.0.1"), [R.connectionMulticastTTL.c])
        }
        s.add("multicast-ttl-256", "TTL 256.", refs: ["RFC 8866 §5.7"], flags: ["one-change"]) { _ in
            .invalid(withC("c=IN IP4 233.252.0.1/256"), [R.connectionTTLRange.c])
        }
        s.add("multicast-ttl-2-32", "TTL 4294967296 (2^32).", refs: ["RFC 8866 §5.7"], flags: ["one-change"]) { _ in
            .invalid(withC("c=IN IP4 233.252.0.1/4294967296"), [R.connectionTTLRange.c])
        }
        s.add("multicast-ttl-leading-zero", "TTL 0127.", refs: ["RFC 8866 §5.7", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(withC("c=IN IP4 233.252.0.1/0127"), [R.connectionTTLRange.c])
        }
        s.add("ip6-multicast-ttl", "IPv6 multicast with a TTL and a count (two '/').", refs: ["RFC 8866 §5.7"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", "o=alice 2890844526 2890844527 IN IP6 2001:db8::10", "s=-", "c=IN IP6 ff1e:db8::101/127/3", "t=0 0", audio]), [R.connectionIP6TTL.c])
        }
        s.add("time-short", "t=123 0: a time is 0 or at least 10 digits.", refs: ["RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=123 0", audio]), [R.timeValue.c])
        }
        s.add("time-leading-zero", "A stop time with a leading zero.", refs: ["RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=0 03042462419", audio]), [R.timeValue.c])
        }
        s.add("port-70000", "Port 70000.", refs: ["RFC 8866 §5.14"], flags: ["one-change"]) { _ in .invalid(T.sdp(["m=audio 70000 RTP/AVP 0"]), [R.portRange.c]) }
        s.add("port-2-64", "Port 18446744073709551616 (2^64).", refs: ["RFC 8866 §5.14"], flags: ["one-change"]) { _ in .invalid(T.sdp(["m=audio 18446744073709551616 RTP/AVP 0"]), [R.portRange.c]) }
        s.add("port-count-zero", "Number of ports 0.", refs: ["RFC 8866 §9"], flags: ["one-change"]) { _ in .invalid(T.sdp(["m=audio 49170/0 RTP/AVP 0"]), [R.portCount.c]) }
        s.add("port-count-leading-zero", "Number of ports 02.", refs: ["RFC 8866 §9"], flags: ["one-change"]) { _ in .invalid(T.sdp(["m=audio 49170/02 RTP/AVP 0"]), [R.portCount.c]) }
        s.add("payload-type-128", "RTP payload type 128.", refs: ["RFC 8866 §5.14", "RFC 3550 §5.1"], flags: ["one-change"]) { _ in .invalid(T.sdp(["m=audio 49170 RTP/AVP 128"]), [R.payloadType.c]) }
        s.add("payload-type-name", "A non-numeric fmt on an RTP m-line.", refs: ["RFC 8866 §5.14"], flags: ["one-change"]) { _ in .invalid(T.sdp(["m=audio 49170 RTP/AVP PCMU"]), [R.payloadType.c]) }
        s.add("payload-type-leading-zero", "Payload type 08.", refs: ["RFC 8866 §5.14"], flags: ["one-change"]) { _ in .invalid(T.sdp(["m=audio 49170 RTP/AVP 08"]), [R.payloadType.c]) }
        s.add("attribute-name-not-token", "a=rtp(map:0 PCMU/8000: '(' is not a token character.", refs: ["RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.sdp([audio, "a=rtp(map:0 PCMU/8000"]), [R.attributeNameSyntax.c])
        }
        s.add("attribute-duplicate-setup", "Two a=setup lines in one media section.", refs: ["RFC 4145 §4"], flags: ["one-change"]) { _ in
            .invalid(T.sdp([audio, "a=setup:active", "a=setup:passive"]), [R.attributeDuplicate.c])
        }
        s.add("attribute-session-level-path", "a=accept-types at session level (a media-level attribute).", refs: ["RFC 4975 §8.6", "RFC 8866 §5.13"], flags: ["one-change"]) { _ in
            .invalid(T.sdp(["a=accept-types:text/plain", audio]), [R.attributeMediaOnly.c])
        }
    }

    static func decoding(_ s: SDPVectorSet) {
        let o = "o=alice 2890844526 2890844527 IN IP4 192.0.2.10"
        s.add("empty", "No bytes at all.", refs: ["RFC 8866 §9"], flags: ["one-change"]) { _ in .invalid([], ["sdp.empty"]) }
        s.add("bare-cr", "A line ended by CR alone.", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .invalid(Array("v=0\r".utf8) + T.join(Array(T.head.dropFirst())), ["sdp.line.bare-cr"])
        }
        s.add("cr-inside-line", "A CR inside s=.", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "s=a\rb", "c=IN IP4 192.0.2.10", "t=0 0"]), ["sdp.line.bare-cr"])
        }
        s.add("empty-line", "An empty line between o= and s=.", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v=0", o, "", "s=-", "c=IN IP4 192.0.2.10", "t=0 0"]), ["sdp.line.empty"])
        }
        s.add("trailing-blank-line", "A blank line after the last line (a SIP body read one CRLF too far).", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .invalid(T.sdp([audio]) + Array("\r\n".utf8), ["sdp.line.empty"])
        }
        s.add("line-no-equals", "'v 0': the second byte is not '='.", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .invalid(T.join(["v 0"] + Array(T.head.dropFirst())), ["sdp.line.syntax"])
        }
        s.add("line-digit-type", "'1=x': the type is not a letter.", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .invalid(T.sdp(["1=x"]), ["sdp.line.syntax"])
        }
        s.add("line-space-before-equals", "'a =recvonly'.", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .invalid(T.sdp([audio, "a =recvonly"]), ["sdp.line.syntax"])
        }
        s.add("line-type-unknown", "x=: a type letter RFC 8866 does not define (the whole description is rejected).", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .invalid(T.sdp(["x=extension", audio]), ["sdp.line.type-unknown"])
        }
        s.add("line-type-uppercase", "V=0: type letters are case-sensitive.", refs: ["RFC 8866 §5"], flags: ["one-change"]) { _ in
            .invalid(T.join(["V=0"] + Array(T.head.dropFirst())), ["sdp.line.type-unknown"])
        }
        let fieldCases: [(String, String, String, [String], String)] = [
            ("origin-five-fields", "o= with five fields", "sdp.o.syntax", ["v=0", "o=alice 2890844526 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0"], "RFC 8866 §5.2"),
            ("origin-sess-id-alpha", "o= with a non-numeric sess-id", "sdp.o.syntax", ["v=0", "o=alice abc 2890844527 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0"], "RFC 8866 §5.2"),
            ("connection-two-fields", "c= without an address", "sdp.c.syntax", ["v=0", o, "s=-", "c=IN IP4", "t=0 0"], "RFC 8866 §5.7"),
            ("connection-ttl-empty", "c= with an empty TTL after '/'", "sdp.c.syntax", ["v=0", o, "s=-", "c=IN IP4 233.252.0.1/", "t=0 0"], "RFC 8866 §5.7"),
            ("bandwidth-no-colon", "b= without ':'", "sdp.b.syntax", ["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "b=AS", "t=0 0"], "RFC 8866 §5.8"),
            ("bandwidth-not-number", "b=AS:fast", "sdp.b.syntax", ["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "b=AS:fast", "t=0 0"], "RFC 8866 §5.8"),
            ("time-one-field", "t= with one time", "sdp.t.syntax", ["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=0"], "RFC 8866 §5.9"),
            ("repeat-bad-unit", "r= with an unknown unit", "sdp.r.syntax", ["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=3034423619 3042462419", "r=7w 1h 0"], "RFC 8866 §5.10"),
            ("zone-odd-fields", "z= with a time and no offset", "sdp.z.syntax", ["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=3034423619 3042462419", "r=7d 1h 0", "z=3038000000"], "RFC 8866 §5.11"),
            ("media-no-fmt", "m= without a format", "sdp.m.syntax", ["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=0 0", "m=audio 49170 RTP/AVP"], "RFC 8866 §5.14"),
            ("media-port-alpha", "m= with a non-numeric port", "sdp.m.syntax", ["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=0 0", "m=audio port RTP/AVP 0"], "RFC 8866 §5.14"),
            ("media-double-space", "m= with two spaces between fields", "sdp.m.syntax", ["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=0 0", "m=audio  49170 RTP/AVP 0"], "RFC 8866 §5.14"),
            ("value-missing-setup", "a=setup without a value", "sdp.a.value-missing", ["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=0 0", audio, "a=setup"], "RFC 8866 §5.13"),
            ("value-missing-crypto", "a=crypto without a value", "sdp.a.value-missing", ["v=0", o, "s=-", "c=IN IP4 192.0.2.10", "t=0 0", "m=audio 49170 RTP/SAVP 0", "a=crypto"], "RFC 8866 §5.13"),
        ]
        for (name, what, code, lines, ref) in fieldCases {
            s.add(name, "\(what) (\(code)).", refs: [ref, "RFC 8866 §9"], flags: ["one-change"]) { _ in .invalid(T.join(lines), [code]) }
        }
    }

    static func limits(_ s: SDPVectorSet) {
        s.add("limit-bytes", "A description longer than max-bytes-128.", refs: ["RFC 8866 §9"], flags: ["limit"]) { _ in
            SDPVectorCase.invalid(T.sdp([audio, "a=rtpmap:0 PCMU/8000"]), ["sdp.limit.bytes"]).option("max-bytes-128")
        }
        s.add("limit-bytes-exact", "A description of exactly max-bytes bytes is accepted.", refs: ["RFC 8866 §9"], flags: ["limit", "clean-baseline"]) { _ in
            let b = T.sdp([audio])
            return SDPVectorCase.valid(b).option("max-bytes-\(b.count)")
        }
        s.add("limit-lines", "17 lines under max-lines-16.", refs: ["RFC 8866 §9"], flags: ["limit"]) { _ in
            SDPVectorCase.invalid(T.sdp([audio] + (0..<11).map { "a=x-\($0)" }), ["sdp.limit.lines"]).option("max-lines-16")
        }
        s.add("limit-lines-default", "8193 attribute lines: one over the default limit of 8192.", refs: ["RFC 8866 §9"], flags: ["limit", "hostile-input"]) { _ in
            .invalid(T.sdp([audio] + Array(repeating: "a=x", count: 8187)), ["sdp.limit.lines"])
        }
        s.add("limit-line-length", "A 70-byte line under max-line-length-64.", refs: ["RFC 8866 §9"], flags: ["limit"]) { _ in
            SDPVectorCase.invalid(T.sdp([audio, "a=x-long:" + String(repeating: "A", count: 61)]), ["sdp.limit.line-length"]).option("max-line-length-64")
        }
        s.add("limit-media", "257 m= lines: one over the default limit of 256.", refs: ["RFC 8866 §9"], flags: ["limit", "hostile-input"]) { _ in
            .invalid(T.sdp(Array(repeating: "m=audio 0 RTP/AVP 0", count: 257)), ["sdp.limit.media"])
        }
        s.add("limit-media-lowered", "3 m= lines under max-media-2.", refs: ["RFC 8866 §9"], flags: ["limit"]) { _ in
            SDPVectorCase.invalid(T.sdp([audio, audio, audio]), ["sdp.limit.media"]).option("max-media-2")
        }
        s.add("limit-media-at-limit", "256 rejected streams: at the default limit, accepted.", refs: ["RFC 8866 §5.14"], flags: ["limit", "hostile-input"]) { _ in
            .valid(T.sdp(Array(repeating: "m=audio 0 RTP/AVP 0", count: 256)))
        }
    }
}
