import MediasecCore

/// Session descriptions and attribute lines taken from the RFCs (folded
/// lines joined as the RFCs say they are meant to be read), with their
/// source clause. Where an example deviates from its own grammar, the
/// comment says so and the tests expect the corresponding finding.
enum RFCExamples {
    static func join(_ lines: [String]) -> [UInt8] { SDPTestKit.sdp(lines) }

    /// RFC 4568 §4.5 (the a=crypto lines are single lines; `c=` has a /127
    /// TTL on a unicast address in the original — kept: see tests).
    static let rfc4568Section4_5 = join([
        "v=0",
        "o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5",
        "s=SDP Seminar",
        "i=A Seminar on the session description protocol",
        "u=http://www.example.com/seminars/sdp.pdf",
        "e=j.doe@example.com (Jane Doe)",
        "c=IN IP4 161.44.17.12/127",
        "t=2873397496 2873404696",
        "m=video 51372 RTP/SAVP 31",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj|2^20|1:32",
        "m=audio 49170 RTP/SAVP 0",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj|2^20|1:32",
        "m=application 32416 udp wb",
        "a=orient:portrait",
    ])

    /// RFC 4568 §7.1.5, offer (the F8 attribute's two keys joined by ';').
    static let rfc4568Section7_1_5Offer = join([
        "v=0",
        "o=sam 2890844526 2890842807 IN IP4 10.47.16.5",
        "s=SRTP Discussion",
        "i=A discussion of Secure RTP",
        "u=http://www.example.com/seminars/srtp.pdf",
        "e=marge@example.com (Marge Simpson)",
        "c=IN IP4 168.2.17.12",
        "t=2873397496 2873404696",
        "m=audio 49170 RTP/SAVP 0",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4 FEC_ORDER=FEC_SRTP",
        "a=crypto:2 F8_128_HMAC_SHA1_80 inline:MTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5QUJjZGVm|2^20|1:4;inline:QUJjZGVmMTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5|2^20|2:4 FEC_ORDER=FEC_SRTP",
    ])

    /// RFC 4568 §7.1.5, answer.
    static let rfc4568Section7_1_5Answer = join([
        "v=0",
        "o=jill 25690844 8070842634 IN IP4 10.47.16.5",
        "s=SRTP Discussion",
        "i=A discussion of Secure RTP",
        "u=http://www.example.com/seminars/srtp.pdf",
        "e=homer@example.com (Homer Simpson)",
        "c=IN IP4 168.2.17.11",
        "t=2873397526 2873405696",
        "m=audio 32640 RTP/SAVP 0",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4",
    ])

    /// The key parameters printed in RFC 4568 §4 and §6.1.
    static let rfc4568Section4Crypto = "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32"
    static let rfc4568Section6_1KeyA = "inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj|2^20|1:4"
    static let rfc4568Section6_1KeyB = "inline:YUJDZGVmZ2hpSktMbW9QUXJzVHVWd3l6MTIzNDU2|1066:4"

    /// RFC 8122 §3.4 Figure 1 (fingerprints unfolded), under a session part.
    static let rfc8122Figure1Media = [
        "m=image 54111 TCP/TLS t38",
        "c=IN IP4 192.0.2.2",
        "a=setup:passive",
        "a=connection:new",
        "a=fingerprint:SHA-256 12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD",
        "a=fingerprint:SHA-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB",
    ]

    /// RFC 4975 §8.7 Figures 9 and 10 (TCP/MSRP), and the TLS variant of
    /// §14.4's msrps URI.
    static let rfc4975Figure9 = join([
        "v=0",
        "o=usera 2890844526 2890844527 IN IP4 alice.example.com",
        "s= -",
        "c=IN IP4 alice.example.com",
        "t=0 0",
        "m=message 7394 TCP/MSRP *",
        "a=accept-types:message/cpim text/plain text/html",
        "a=path:msrp://alice.example.com:7394/2s93i93idj;tcp",
    ])
    static let rfc4975Figure10 = join([
        "v=0",
        "o=userb 2890844530 2890844532 IN IP4 bob.example.com",
        "s= -",
        "c=IN IP4 bob.example.com",
        "t=0 0",
        "m=message 8493 TCP/MSRP *",
        "a=accept-types:message/cpim text/plain",
        "a=path:msrp://bob.example.com:8493/si438dsaodes;tcp",
    ])
    static let rfc4975Section14_4Path = "msrps://atlanta.example.com:7654/jshA7weso3ks;tcp"

    /// RFC 8856 §11: the m= sections of its four examples (fingerprints
    /// unfolded) under a session part.
    static func bfcp(_ media: [String]) -> [UInt8] {
        join(["v=0", "o=- 2808844564 2808844564 IN IP4 192.0.2.2", "s=-", "c=IN IP4 192.0.2.2", "t=0 0"] + media)
    }
    static let rfc8856FP1 = "19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:9F:04:A9:0E:05:E9:26:33:E8:70:88:A2"
    static let rfc8856FP2 = "6B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08"
    static let rfc8856Offer = bfcp([
        "m=application 50000 TCP/TLS/BFCP *", "a=setup:actpass", "a=connection:new", "a=fingerprint:sha-256 " + rfc8856FP1,
        "a=floorctrl:c-only s-only", "a=confid:4321", "a=userid:1234", "a=floorid:1 mstrm:10", "a=floorid:2 mstrm:11", "a=bfcpver:1 2",
        "m=audio 50002 RTP/AVP 0", "a=label:10", "m=video 50004 RTP/AVP 31", "a=label:11",
    ])
    static let rfc8856Answer = bfcp([
        "m=application 9 TCP/TLS/BFCP *", "a=setup:active", "a=connection:new", "a=fingerprint:sha-256 " + rfc8856FP2,
        "a=floorctrl:c-only", "a=bfcpver:1", "m=audio 55000 RTP/AVP 0", "m=video 55002 RTP/AVP 31",
    ])
    /// The DTLS variant. Note `a=dtls-id:abc3dl`: the draft name of RFC
    /// 8842's `tls-id`, 6 characters where tls-id needs 20.
    static let rfc8856UDPOffer = bfcp([
        "m=application 50000 UDP/TLS/BFCP *", "a=setup:actpass", "a=dtls-id:abc3dl", "a=fingerprint:sha-256 " + rfc8856FP1,
        "a=floorctrl:c-only s-only", "a=confid:4321", "a=userid:1234", "a=floorid:1 mstrm:10", "a=floorid:2 mstrm:11", "a=bfcpver:1 2",
        "m=audio 50002 RTP/AVP 0", "a=label:10", "m=video 50004 RTP/AVP 31", "a=label:11",
    ])
    /// The server's answer: s-only, yet no a=label in its media sections
    /// (RFC 8856 §10.2 requires them).
    static let rfc8856UDPAnswer = bfcp([
        "m=application 55000 UDP/TLS/BFCP *", "a=setup:active", "a=dtls-id:abc3dl", "a=fingerprint:sha-256 " + rfc8856FP2,
        "a=floorctrl:s-only", "a=confid:4321", "a=userid:1234", "a=floorid:1 mstrm:10", "a=floorid:2 mstrm:11", "a=bfcpver:2",
        "m=audio 55002 RTP/AVP 0", "m=video 55004 RTP/AVP 31",
    ])

    /// RFC 7345 Appendix A Figure 4 (fingerprint unfolded: note the space after
    /// "fingerprint:", which the RFC 8122 grammar does not have).
    static let rfc7345Figure4 = join([
        "v=0",
        "o=- 1181923068 1181923196 IN IP4 ua1.example.com",
        "s=-",
        "c=IN IP4 ua1.example.com",
        "t=0 0",
        "m=image 6056 UDP/TLS/UDPTL t38",
        "a=setup:actpass",
        "a=fingerprint: SHA-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB",
        "a=T38FaxRateManagement:transferredTCF",
    ])

    /// RFC 4567 §5.1 Example 1 (the offer). Its c= line follows t=, against
    /// RFC 8866's order; its MIKEY message is a PSK init.
    static let rfc4567Example1 = join([
        "v=0",
        "o=alice 2891092738 2891092738 IN IP4 w-land.example.com",
        "s=Cool stuff",
        "e=alice@w-land.example.com",
        "t=0 0",
        "c=IN IP4 w-land.example.com",
        "a=key-mgmt:mikey AQAFgM0XflABAAAAAAAAAAAAAAsAyONQ6gAAAAAGEEoo2pee4hp2UaDX8ZE22YwKAAAPZG9uYWxkQGR1Y2suY29tAQAAAAAAAQAk0JKpgaVkDaawi9whVBtBt0KZ14ymNuu62+Nv3ozPLygwK/GbAV9iemnGUIZ19fWQUOSrzKTAv9zV",
        "m=audio 49000 RTP/SAVP 98",
        "a=rtpmap:98 AMR/8000",
        "m=video 52230 RTP/SAVP 31",
        "a=rtpmap:31 H261/90000",
    ])
}
