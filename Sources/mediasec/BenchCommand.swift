import ArgumentParser
import Foundation
import MediasecCore
import MIKEY
#if canImport(Glibc)
import Glibc
#endif

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print the figures quoted in issues (build with -c release).",
        subcommands: [MIKEYThroughput.self, MIKEYBadInput.self, CMSThroughput.self, CMSDecryptThroughput.self, CMSBadInput.self,
                      SDPThroughput.self, SDPBadInput.self, ResourceListsThroughput.self, ResourceListsBadInput.self]
    )
}

/// Monotonic seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Peak resident set size of this process, in KiB.
func maxRSSKiB() -> Int {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Int(u.ru_maxrss)
}

func loadFiles(corpus: String?, filesFrom: String?) throws -> [[UInt8]] {
    try loadNamedFiles(corpus: corpus, filesFrom: filesFrom).map(\.1)
}

func loadNamedFiles(corpus: String?, filesFrom: String?) throws -> [(String, [UInt8])] {
    var paths: [String] = []
    if let list = filesFrom {
        guard let text = try? String(contentsOfFile: list, encoding: .utf8) else { throw UsageFailure(description: "cannot read \(list)") }
        paths = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    } else if let dir = corpus {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { throw UsageFailure(description: "cannot list \(dir)") }
        paths = names.sorted().map { dir + "/" + $0 }
    }
    return paths.compactMap { p in FileManager.default.contents(atPath: p).map { (p, [UInt8]($0)) } }
}

/// `--accepted-out`: writes the paths of the inputs the decoder accepted,
/// one per line, so that a peer can be timed on the same set.
func writeAcceptedPaths(_ accepted: [(String, [UInt8])], to out: String?) throws {
    guard let out else { return }
    let text = accepted.map { $0.0 + "\n" }.joined()
    guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else { throw UsageFailure(description: "cannot write \(out)") }
}

struct MIKEYThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mikey",
        abstract: "Decode throughput (messages/s, MB/s) over a corpus; the line format is parsed by Scripts/bench-mikey.sh."
    )

    @Option(help: "Directory of raw MIKEY messages.") var corpus: String = "Corpus/mikey"
    @Option(help: "File listing the messages to use (one path per line); overrides --corpus.") var filesFrom: String?
    @Option(help: "Seconds to run.") var seconds: Double = 3
    @Option(help: "Label printed first on the result line.") var label: String = "mediasec"
    @Flag(help: "Decode and also re-encode each message.") var roundTrip = false
    @Option(help: "Write the paths of the messages the decoder accepts to this file (for timing a peer on the same set).") var acceptedOut: String?

    func run() throws {
        try withUsageExit {
            let named = try loadNamedFiles(corpus: filesFrom == nil ? corpus : nil, filesFrom: filesFrom)
            let all = named.map(\.1)
            // Only messages the decoder accepts count, as for the peer.
            let acceptedNamed = named.filter { (try? MIKEYMessage(decoding: $0.1)) != nil }
            let messages = acceptedNamed.map(\.1)
            try writeAcceptedPaths(acceptedNamed, to: acceptedOut)
            guard !messages.isEmpty else { throw UsageFailure(description: "no decodable messages") }
            let bytesPerPass = messages.reduce(0) { $0 + $1.count }
            // Option values are copied out first: reading a property wrapper
            // inside the timed loop would cost more than a small message.
            let (count, bytes, elapsed, sink) = Self.time(messages, bytesPerPass: bytesPerPass, seconds: seconds, roundTrip: roundTrip)
            print(String(format: "%@ messages=%ld bytes=%ld seconds=%.3f msgs_per_s=%.0f mb_per_s=%.2f accepted=%ld skipped=%ld sink=%ld",
                         label, count, bytes, elapsed, Double(count) / elapsed, Double(bytes) / elapsed / 1e6,
                         messages.count, all.count - messages.count, sink & 1))
        }
    }
}

extension MIKEYThroughput {
    static func time(_ messages: [[UInt8]], bytesPerPass: Int, seconds: Double, roundTrip: Bool) -> (Int, Int, Double, Int) {
        let decoder = MIKEYDecoder()
        var count = 0, bytes = 0, sink = 0
        let start = now()
        var elapsed = 0.0
        repeat {
            // By index: the message is passed borrowed, as the peer's
            // loop passes a pointer (no retain/release per message).
            for i in messages.indices {
                if let d = try? decoder.decodeMessage(messages[i]) {
                    sink &+= d.payloads.count
                    if roundTrip, let e = try? d.encoded() { sink &+= e.count }
                }
            }
            count += messages.count
            bytes += bytesPerPass
            elapsed = now() - start
        } while elapsed < seconds
        return (count, bytes, elapsed, sink)
    }
}

struct MIKEYBadInput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mikey-bad-input",
        abstract: "Hostile inputs: 1 MiB random, and maximally chained payloads at growing sizes (time per byte must stay flat, memory a small multiple of the input)."
    )

    @Option(help: "Largest input size in bytes.") var size: Int = 1 << 20

    /// HDR (Empty map, #CS 0) followed by RAND payloads of length 0 — the
    /// shortest payload (2 bytes) — chained until `size` bytes.
    static func maximalChain(size: Int) -> [UInt8] {
        var b: [UInt8] = [0x01, 0x00, 0x0b, 0x00, 0, 0, 0, 1, 0x00, 0x01]
        b.reserveCapacity(size)
        while b.count + 2 <= size { b += [0x0b, 0x00] }
        if b.count >= 2 { b[b.count - 2] = 0x00 }
        return b
    }

    func measure(_ name: String, _ input: [UInt8], limits: DecodingLimits) -> String {
        let before = maxRSSKiB()
        let reps = max(1, (4 << 20) / max(input.count, 1))
        var outcome = ""
        let start = now()
        for _ in 0..<reps {
            do {
                let m = try MIKEYMessage(decoding: input, limits: limits)
                outcome = "accepted (\(m.payloads.count) payloads)"
            } catch {
                outcome = "rejected \(error.code) @\(error.offset)"
            }
        }
        let t = (now() - start) / Double(reps)
        let after = maxRSSKiB()
        return String(format: "%@ %9ld bytes  %10.3f ms  %7.2f ns/byte  peak RSS +%6ld KiB  %@",
                      name, input.count, t * 1e3, t * 1e9 / Double(max(input.count, 1)), after - before, outcome)
    }

    func run() throws {
        var rng = SplitMix64(seed: 0x6d_696b_6579)
        let random = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        print("baseline peak RSS \(maxRSSKiB()) KiB")
        print(measure("random                          ", random, limits: .default))
        var hdrRandom = random
        hdrRandom.replaceSubrange(0..<10, with: [0x01, 0x00, 0x0b, 0x00, 0, 0, 0, 1, 0x00, 0x01])
        print(measure("HDR + random                    ", hdrRandom, limits: .default))
        print(measure("max chain, default limits       ", Self.maximalChain(size: size), limits: .default))
        var s = max(size / 16, 64)
        while s <= size {
            print(measure("max chain, no count limit       ", Self.maximalChain(size: s), limits: .unlimitedCount))
            s *= 2
        }
    }
}

