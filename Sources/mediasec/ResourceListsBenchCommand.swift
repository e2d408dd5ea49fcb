import ArgumentParser
import Foundation
import MediasecCore
import ResourceLists

// `mediasec bench resource-lists` and `resource-lists-bad-input`: the
// figures Scripts/bench-text.sh compares with libxml2 alone and libxml2 +
// XSD validation (Scripts/bench/libxml2_rl_bench.c).
// Result lines are `label key=value ...`, as for `bench mikey`.

struct ResourceListsThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resource-lists",
        abstract: "resource-lists throughput (messages/s, MB/s) over a corpus: the full decoder (hardened libxml2 parse, tree, positions, model) by default."
    )

    @Option(help: "Directory of resource-lists documents, one per file.") var corpus: String = "Corpus/resource-lists"
    @Option(help: "File listing the documents to use (one path per line); overrides --corpus.") var filesFrom: String?
    @Option(help: "Seconds to run.") var seconds: Double = 3
    @Option(help: "Label printed first on the result line.") var label: String = "mediasec"
    @Option(help: "Write the paths of the documents the decoder accepts to this file (for timing a peer on the same set).") var acceptedOut: String?
    @Option(help: "What to time: decode (default: ResourceListsDecoder), validate (decode + the rfc4826/rfc5364 rules) or xsd (validate + libxml2's XSD cross-check).") var stage: String = "decode"

    func run() throws {
        try withUsageExit {
            guard ["decode", "validate", "xsd"].contains(stage) else { throw UsageFailure(description: "--stage decode|validate|xsd") }
            let named = try loadNamedFiles(corpus: filesFrom == nil ? corpus : nil, filesFrom: filesFrom)
            let decoder = ResourceListsDecoder()
            let accepted = named.filter { (try? decoder.decode($0.1)) != nil }
            try writeAcceptedPaths(accepted, to: acceptedOut)
            let messages = accepted.map(\.1)
            guard !messages.isEmpty else { throw UsageFailure(description: "no decodable documents") }
            let (count, bytes, elapsed, sink) = Self.time(messages, seconds: seconds, stage: stage)
            print(String(format: "%@ messages=%ld bytes=%ld seconds=%.3f msgs_per_s=%.0f mb_per_s=%.2f accepted=%ld skipped=%ld stage=%@ sink=%ld",
                         label, count, bytes, elapsed, Double(count) / elapsed, Double(bytes) / elapsed / 1e6,
                         messages.count, named.count - messages.count, stage, sink & 1))
        }
    }

    static func time(_ messages: [[UInt8]], seconds: Double, stage: String) -> (Int, Int, Double, Int) {
        let bytesPerPass = messages.reduce(0) { $0 + $1.count }
        let decoder = ResourceListsDecoder()
        let validator = ResourceListsValidator(options: ResourceListsValidationOptions(xsdCrossCheck: stage == "xsd" ? .iana : nil))
        let decodeOnly = stage == "decode"
        // The schema is compiled once, outside the timed loop.
        _ = validator.validate(messages[0])
        var count = 0, bytes = 0, sink = 0
        let start = now()
        var elapsed = 0.0
        repeat {
            if decodeOnly {
                for m in messages {
                    if let d = try? decoder.decode(m) { sink &+= d.document.children.count }
                }
            } else {
                for m in messages { sink &+= validator.validate(m).findings.count }
            }
            count += messages.count
            bytes += bytesPerPass
            elapsed = now() - start
        } while elapsed < seconds
        return (count, bytes, elapsed, sink)
    }
}

struct ResourceListsBadInput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resource-lists-bad-input",
        abstract: "Hostile resource-lists XML: 1 MiB documents (many entries, one long text, one long attribute, deep nesting, many namespace declarations) at growing sizes, decode + rules (time per byte must stay flat, memory a small multiple of the input)."
    )

    @Option(help: "Largest input size in bytes.") var size: Int = 1 << 20

    static let head = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        + #"<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" xmlns:cp="urn:ietf:params:xml:ns:copycontrol">"#
    static let tail = "</resource-lists>\n"

    /// `head`, `open`, then `item(i)` for i = 0, 1, … while the document
    /// stays within `size`, then `close` and `tail`.
    static func document(size: Int, open: String, close: String, item: (Int) -> String) -> [UInt8] {
        var b = Array((head + open).utf8)
        let end = Array((close + tail).utf8)
        b.reserveCapacity(size)
        var i = 0
        while true {
            let x = Array(item(i).utf8)
            guard b.count + x.count + end.count <= size else { break }
            b += x
            i += 1
        }
        return b + end
    }

    static let shapes: [(name: String, open: String, close: String, item: @Sendable (Int) -> String)] = [
        ("entries, distinct uris     ", "<list>", "</list>", { #"<entry uri="sip:u\#($0)@example.com" cp:copyControl="to"/>"# }),
        ("entries, one uri repeated  ", "<list>", "</list>", { _ in #"<entry uri="sip:u@example.com"/>"# }),
        ("lists, one name repeated   ", "<list>", "</list>", { _ in #"<list name="a"/>"# }),
        ("one display-name text      ", #"<list><display-name>"#, "</display-name></list>", { _ in "abcdefgh" }),
        ("one uri attribute          ", #"<list><entry uri="sip:"#, #"@example.com"/></list>"#, { _ in "abcdefgh" }),
        ("one text of &amp; refs     ", #"<list><display-name>"#, "</display-name></list>", { _ in "&amp;" }),
        ("comments                   ", "<list>", "</list>", { _ in "<!-- x -->" }),
    ]

    /// `<list>` nested as deep as the size allows (libxml2's own cap is 256;
    /// ours is maxDepth).
    static func nested(size: Int) -> [UInt8] {
        let depth = max(1, (size - head.utf8.count - tail.utf8.count) / 13)
        return Array((head + String(repeating: "<list>", count: depth) + String(repeating: "</list>", count: depth) + tail).utf8)
    }

    static let unlimited = ResourceListsLimits(maxBytes: Int.max, maxDepth: 64, maxElements: Int.max, maxAttributesPerElement: 64, maxDiagnostics: 64)

    func measure(_ name: String, _ input: [UInt8], limits: ResourceListsLimits) -> String {
        let before = maxRSSKiB()
        let reps = max(1, (4 << 20) / max(input.count, 1))
        let validator = ResourceListsValidator(options: ResourceListsValidationOptions(limits: limits))
        var outcome = ""
        let start = now()
        var done = 0
        // Up to 4 MiB of input or 0.5 s, whichever comes first (at least once).
        while done < reps, done == 0 || now() - start < 0.5 {
            done += 1
            let r = validator.validate(input)
            if r.decoded != nil {
                outcome = "decoded (\(r.findings.count) finding(s)\(r.findings.first.map { ", first " + $0.code } ?? ""))"
            } else {
                outcome = "rejected \(r.findings.first?.code ?? "?")"
            }
        }
        let t = (now() - start) / Double(done)
        let after = maxRSSKiB()
        return String(format: "%@ %9ld bytes  %10.3f ms  %7.2f ns/byte  peak RSS +%6ld KiB  %@",
                      name, input.count, t * 1e3, t * 1e9 / Double(max(input.count, 1)), after - before, outcome)
    }

    func run() throws {
        try withUsageExit {
            guard size >= 4096 else { throw UsageFailure(description: "--size ≥ 4096") }
            print("baseline peak RSS \(maxRSSKiB()) KiB")
            print("\(size)-byte documents, default limits (maxBytes \(ResourceListsLimits.default.maxBytes), maxElements \(ResourceListsLimits.default.maxElements), maxDepth \(ResourceListsLimits.default.maxDepth)):")
            for s in Self.shapes {
                print(measure("  \(s.name)", Self.document(size: size, open: s.open, close: s.close, item: s.item), limits: .default))
            }
            print(measure("  nested <list>             ", Self.nested(size: size), limits: .default))
            print("no size or element limit, growing sizes:")
            for s in Self.shapes {
                var n = max(size / 16, 4096)
                while n <= size {
                    print(measure("  \(s.name)", Self.document(size: n, open: s.open, close: s.close, item: s.item), limits: Self.unlimited))
                    n *= 2
                }
            }
        }
    }
}
