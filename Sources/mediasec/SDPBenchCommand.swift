import ArgumentParser
import Foundation
import MediasecCore
import SDP

// `mediasec bench sdp` and `sdp-bad-input`: the figures Scripts/bench-text.sh
// compares with sofia-sip's sdp_parse (Scripts/bench/sofia_sdp_bench.c).
// Result lines are `label key=value ...`, as for `bench mikey`.

struct SDPThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sdp",
        abstract: "SDP throughput (messages/s, MB/s) over a corpus: parse + full validation (every applicable profile, nested MIKEY included) by default."
    )

    @Option(help: "Directory of session descriptions, one per file.") var corpus: String = "Corpus/sdp"
    @Option(help: "File listing the descriptions to use (one path per line); overrides --corpus.") var filesFrom: String?
    @Option(help: "Seconds to run.") var seconds: Double = 3
    @Option(help: "Label printed first on the result line.") var label: String = "mediasec"
    @Option(help: "Write the paths of the descriptions the decoder accepts to this file (for timing a peer on the same set).") var acceptedOut: String?
    @Option(help: "What to time: validate (default: SDPValidator on the bytes, i.e. line parse, typed attributes, every rule) or parse (the line decoder only).") var stage: String = "validate"

    func run() throws {
        try withUsageExit {
            guard ["validate", "parse"].contains(stage) else { throw UsageFailure(description: "--stage validate|parse") }
            let named = try loadNamedFiles(corpus: filesFrom == nil ? corpus : nil, filesFrom: filesFrom)
            let decoder = SDPDecoder()
            // Accepted = the line decoder takes it (findings do not matter),
            // as "the peer returns a session" does for sofia-sip.
            let accepted = named.filter { (try? decoder.decode($0.1)) != nil }
            try writeAcceptedPaths(accepted, to: acceptedOut)
            let messages = accepted.map(\.1)
            guard !messages.isEmpty else { throw UsageFailure(description: "no decodable descriptions") }
            let findings = messages.reduce(0) { $0 + SDPValidator().validate($1).findings.count }
            // Option values are copied out first (see MIKEYThroughput.time).
            let (count, bytes, elapsed, sink) = Self.time(messages, seconds: seconds, validate: stage == "validate")
            print(String(format: "%@ messages=%ld bytes=%ld seconds=%.3f msgs_per_s=%.0f mb_per_s=%.2f accepted=%ld skipped=%ld stage=%@ findings=%ld sink=%ld",
                         label, count, bytes, elapsed, Double(count) / elapsed, Double(bytes) / elapsed / 1e6,
                         messages.count, named.count - messages.count, stage, findings, sink & 1))
        }
    }

    static func time(_ messages: [[UInt8]], seconds: Double, validate: Bool) -> (Int, Int, Double, Int) {
        let bytesPerPass = messages.reduce(0) { $0 + $1.count }
        let validator = SDPValidator()
        let decoder = SDPDecoder()
        var count = 0, bytes = 0, sink = 0
        let start = now()
        var elapsed = 0.0
        repeat {
            if validate {
                for m in messages { sink &+= validator.validate(m).findings.count }
            } else {
                for m in messages {
                    if let d = try? decoder.decode(m) { sink &+= d.lineOffsets.count }
                }
            }
            count += messages.count
            bytes += bytesPerPass
            elapsed = now() - start
        } while elapsed < seconds
        return (count, bytes, elapsed, sink)
    }
}

struct SDPBadInput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sdp-bad-input",
        abstract: "Hostile SDP: a 1 MiB description of one attribute line, 100 000 short lines, at growing sizes, parse + full validation (time per byte must stay flat, memory a small multiple of the input)."
    )

    @Option(help: "Largest one-line input in bytes.") var size: Int = 1 << 20
    @Option(help: "Largest number of short lines.") var lines: Int = 100_000

    static let session = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
    static let audio = "m=audio 49170 RTP/SAVP 0\r\n"

    /// The session part, then `prefix` + `fill` repeated until the
    /// description is `size` bytes, then CRLF: one attribute line.
    static func oneLine(size: Int, media: Bool, prefix: String, fill: String) -> [UInt8] {
        var b = Array((session + (media ? audio : "") + prefix).utf8)
        let f = Array(fill.utf8)
        b.reserveCapacity(size)
        while b.count + f.count + 2 <= size { b += f }
        return b + [0x0d, 0x0a]
    }

    /// The session part (and a media section) followed by `count` copies of `line`.
    static func manyLines(count: Int, media: Bool, line: String) -> [UInt8] {
        var b = Array((session + (media ? audio : "")).utf8)
        let l = Array((line + "\r\n").utf8)
        b.reserveCapacity(b.count + count * l.count)
        for _ in 0..<count { b += l }
        return b
    }

    /// Limits with every count and size limit out of the way, so that the
    /// linearity of the parser and the checks themselves is measured.
    static let unlimited = SDPLimits(maxBytes: Int.max, maxLines: Int.max, maxLineLength: Int.max,
                                     maxMediaSections: Int.max, maxFormats: Int.max, maxKeyParams: Int.max)

    func measure(_ name: String, _ input: [UInt8], limits: SDPLimits) -> String {
        let before = maxRSSKiB()
        let reps = max(1, (4 << 20) / max(input.count, 1))
        let validator = SDPValidator(options: SDPValidationOptions(limits: limits))
        var outcome = ""
        let start = now()
        var done = 0
        // Up to 4 MiB of input or 0.5 s, whichever comes first (at least once).
        while done < reps, done == 0 || now() - start < 0.5 {
            done += 1
            let r = validator.validate(input)
            if let d = r.decoded {
                outcome = "parsed (\(d.lineOffsets.count) lines, \(r.findings.count) finding(s)\(r.findings.first.map { ", first " + $0.code } ?? ""))"
            } else {
                outcome = "rejected \(r.findings.first?.code ?? "?") @\(r.findings.first?.offset ?? 0)"
            }
        }
        let t = (now() - start) / Double(done)
        let after = maxRSSKiB()
        return String(format: "%@ %9ld bytes  %10.3f ms  %7.2f ns/byte  peak RSS +%6ld KiB  %@",
                      name, input.count, t * 1e3, t * 1e9 / Double(max(input.count, 1)), after - before, outcome)
    }

    /// The one-line shapes: a generic attribute, an a=fingerprint with
    /// 1 MiB of hex pairs, an a=crypto with 1 MiB of session parameters,
    /// an a=key-mgmt:mikey with 1 MiB of base64.
    static let oneLineShapes: [(name: String, media: Bool, prefix: String, fill: String)] = [
        ("a=x-long:xxx…         ", false, "a=x-long:", "x"),
        ("a=fingerprint AB:AB:… ", true, "a=fingerprint:SHA-256 AB", ":AB"),
        ("a=crypto … -X=1 -X=1… ", true, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj", " -X=1"),
        ("a=key-mgmt:mikey AAAA…", true, "a=key-mgmt:mikey ", "AAAA"),
    ]

    /// The many-line shapes: bare attributes, a=crypto with one tag (the
    /// duplicate-tag check), a=setup repeated, a=fingerprint repeated.
    static let manyLineShapes: [(name: String, media: Bool, line: String)] = [
        ("a=x                   ", false, "a=x"),
        ("b=AS:64               ", false, "b=AS:64"),
        ("a=setup:actpass       ", true, "a=setup:actpass"),
        ("a=crypto:1 …          ", true, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj"),
        ("a=fingerprint:SHA-1 … ", true, "a=fingerprint:SHA-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB"),
    ]

    func run() throws {
        try withUsageExit {
            guard size >= 1024, lines >= 16 else { throw UsageFailure(description: "--size ≥ 1024, --lines ≥ 16") }
            print("baseline peak RSS \(maxRSSKiB()) KiB")
            print("one attribute line of \(size) bytes, default limits (maxBytes \(SDPLimits.default.maxBytes), maxLineLength \(SDPLimits.default.maxLineLength)):")
            for s in Self.oneLineShapes {
                print(measure("  \(s.name)", Self.oneLine(size: size, media: s.media, prefix: s.prefix, fill: s.fill), limits: .default))
            }
            print("\(lines) short lines, default limits (maxLines \(SDPLimits.default.maxLines)):")
            for s in Self.manyLineShapes {
                print(measure("  \(s.name)", Self.manyLines(count: lines, media: s.media, line: s.line), limits: .default))
            }
            print("one attribute line, no limits, growing sizes:")
            for s in Self.oneLineShapes {
                var n = max(size / 16, 1024)
                while n <= size {
                    print(measure("  \(s.name)", Self.oneLine(size: n, media: s.media, prefix: s.prefix, fill: s.fill), limits: Self.unlimited))
                    n *= 2
                }
            }
            print("short lines, no limits, growing counts:")
            for s in Self.manyLineShapes {
                var n = max(lines / 16, 16)
                while n <= lines {
                    print(measure("  \(s.name) ×\(String(n).padding(toLength: 7, withPad: " ", startingAt: 0))", Self.manyLines(count: n, media: s.media, line: s.line), limits: Self.unlimited))
                    n *= 2
                }
                if n / 2 != lines {
                    print(measure("  \(s.name) ×\(String(lines).padding(toLength: 7, withPad: " ", startingAt: 0))", Self.manyLines(count: lines, media: s.media, line: s.line), limits: Self.unlimited))
                }
            }
        }
    }
}
