import ArgumentParser
import Foundation
import MediasecCore
import CMS

// `mediasec bench cms`, `cms-decrypt`, `cms-bad-input`: the figures
// Scripts/bench-cms.sh compares with OpenSSL (Scripts/bench/openssl_cms_bench.c).
// Result lines are `label key=value ...`, as for `bench mikey`.

struct CMSThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cms",
        abstract: "CMS structure decode throughput (messages/s, MB/s) over a corpus (ContentInfo → AuthEnvelopedData model)."
    )

    @Option(help: "Directory of DER/BER CMS messages.") var corpus: String = "Corpus/cms"
    @Option(help: "File listing the messages to use (one path per line); overrides --corpus.") var filesFrom: String?
    @Option(help: "Seconds to run.") var seconds: Double = 3
    @Option(help: "Label printed first on the result line.") var label: String = "mediasec"
    @Option(help: "Encoding rules: ber (default: accepts what OpenSSL's d2i accepts, as the peer) or der.") var rules: RulesOption = .ber
    @Option(help: "Write the paths of the messages the decoder accepts to this file (for timing a peer on the same set).") var acceptedOut: String?
    @Option(help: "What to time: model (default: the full decode into the AuthEnvelopedData model with field spans) or tree (the raw BER/DER element tree only).") var stage: String = "model"

    func run() throws {
        try withUsageExit {
            guard ["model", "tree"].contains(stage) else { throw UsageFailure(description: "--stage model|tree") }
            let decoder = CMSDecoder(rules: rules.rules)
            let treeOnly = stage == "tree"
            let r = rules.rules
            let named = try loadNamedFiles(corpus: filesFrom == nil ? corpus : nil, filesFrom: filesFrom)
            let accepted = named.filter { (try? decoder.decode($0.1)) != nil }
            try writeAcceptedPaths(accepted, to: acceptedOut)
            let messages = accepted.map(\.1)
            guard !messages.isEmpty else { throw UsageFailure(description: "no decodable messages") }
            let bytesPerPass = messages.reduce(0) { $0 + $1.count }
            var count = 0, bytes = 0, sink = 0
            let start = now()
            var elapsed = 0.0
            repeat {
                if treeOnly {
                    for m in messages {
                        var reader = ASN1Reader(rules: r)
                        if let n = try? reader.parse(m) { sink &+= n.children?.count ?? 0 }
                    }
                } else {
                    for m in messages {
                        if let d = try? decoder.decode(m) { sink &+= d.authEnvelopedData?.recipientInfos.count ?? 1 }
                    }
                }
                count += messages.count
                bytes += bytesPerPass
                elapsed = now() - start
            } while elapsed < seconds
            print(String(format: "%@ messages=%ld bytes=%ld seconds=%.3f msgs_per_s=%.0f mb_per_s=%.2f accepted=%ld skipped=%ld rules=%@ stage=%@ sink=%ld",
                         label, count, bytes, elapsed, Double(count) / elapsed, Double(bytes) / elapsed / 1e6,
                         messages.count, named.count - messages.count, rules.rawValue, stage, sink & 1))
        }
    }
}

struct CMSDecryptThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cms-decrypt",
        abstract: "Decrypt-and-verify throughput of AES-128-GCM AuthEnvelopedData with a KEK recipient (decode, unwrap, open, tag check) for 1 KiB and 64 KiB payloads."
    )

    @Option(help: "Payload sizes in bytes (comma-separated).") var sizes: String = "1024,65536"
    @Option(help: "Seconds per size.") var seconds: Double = 3
    @Option(help: "Label printed first on each result line.") var label: String = "mediasec-decrypt"
    @Option(help: "Also write each message as DIR/cms-<size>.der and the KEK / key id as DIR/kek.hex, DIR/kekid.hex (for the OpenSSL shim).") var writeDir: String?

    static let kek: [UInt8] = Array(0..<16)
    static let kekID: [UInt8] = [0x6d, 0x65, 0x64, 0x69, 0x61, 0x73, 0x65, 0x63]

    /// A message both sides open: ICVlen 16 (explicit, and DER because it
    /// is not the DEFAULT: OpenSSL 3.0 refuses the omitted-12 form, FACTS.md §10 item 16).
    static func message(size: Int) throws -> [UInt8] {
        var b = AuthEnvelopedDataBuilder()
        b.algorithm = .aesGCM(.bits128)
        b.icvLength = 16
        b.nonce = [UInt8](repeating: 0x4e, count: 12)
        let content = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        return try b.buildEncoded(content: content, cek: [UInt8](repeating: 0xce, count: 16), recipients: [.kek(kek: kek, keyIdentifier: kekID)])
    }

    func run() throws {
        try withUsageExit {
            let list = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !list.isEmpty else { throw UsageFailure(description: "--sizes: no sizes") }
            if let dir = writeDir {
                try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: dir + "/kek.hex", contents: Data(Hex.encode(Self.kek).utf8))
                _ = FileManager.default.createFile(atPath: dir + "/kekid.hex", contents: Data(Hex.encode(Self.kekID).utf8))
            }
            let decoder = CMSDecoder(rules: .der)
            for size in list {
                let msg: [UInt8]
                do { msg = try Self.message(size: size) } catch { throw UsageFailure(description: "cannot build a \(size)-byte message: \(error)") }
                if let dir = writeDir {
                    guard FileManager.default.createFile(atPath: "\(dir)/cms-\(size).der", contents: Data(msg)) else { throw UsageFailure(description: "cannot write \(dir)") }
                }
                // Check once, then time.
                guard let pt = try? decoder.decode(msg).decrypt(using: .kek(Self.kek, keyIdentifier: Self.kekID)), pt.content.count == size else {
                    throw UsageFailure(description: "the \(size)-byte message does not open")
                }
                var count = 0, sink = 0
                let start = now()
                var elapsed = 0.0
                repeat {
                    for _ in 0..<16 {
                        if let d = try? decoder.decode(msg), let p = try? d.decrypt(using: .kek(Self.kek, keyIdentifier: Self.kekID)) { sink &+= Int(p.content.last ?? 0) }
                    }
                    count += 16
                    elapsed = now() - start
                } while elapsed < seconds
                print(String(format: "%@ size=%ld messages=%ld seconds=%.3f msgs_per_s=%.0f mb_per_s=%.2f message_bytes=%ld sink=%ld",
                             label, size, count, elapsed, Double(count) / elapsed, Double(count * size) / elapsed / 1e6, msg.count, sink & 1))
            }
        }
    }
}

struct CMSBadInput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cms-bad-input",
        abstract: "Hostile CMS inputs: 1 MiB of nesting, 1 MiB of indefinite-length segments, at growing sizes (time per byte must stay flat, memory a small multiple of the input)."
    )

    @Option(help: "Largest input size in bytes.") var size: Int = 1 << 20

    /// `30 80` repeated: indefinite SEQUENCEs nested as deep as the size allows.
    static func nested(size: Int) -> [UInt8] {
        var b = [UInt8]()
        b.reserveCapacity(size)
        while b.count + 4 <= size { b += [0x30, 0x80] }
        let depth = b.count / 2
        b += [UInt8](repeating: 0, count: 2 * depth)
        return Array(b.prefix(max(size, 2)))
    }

    /// A valid AuthEnvelopedData in the indefinite-length form whose
    /// encryptedContent is a constructed [0] of 1-octet segments (3 octets
    /// each) filling `size` bytes.
    static func indefinite(size: Int) throws -> [UInt8] {
        var b = AuthEnvelopedDataBuilder()
        b.nonce = [UInt8](repeating: 1, count: 12)
        let segments = max(1, (size - 200) / 3)
        let ci = try b.build(content: [UInt8](repeating: 0x41, count: segments), cek: [UInt8](repeating: 2, count: 16),
                             recipients: [.kek(kek: [UInt8](repeating: 3, count: 16), keyIdentifier: [1])])
        guard let a = ci.authEnvelopedData, let ct = a.authEncryptedContentInfo.encryptedContent else { throw UsageFailure(description: "build failed") }
        // ContentInfo { OID, [0] { AED(indef) { version, RIs, ECI(indef) { OID, alg, [0](indef){ 04 01 xx ... } }, mac } } }
        var w = DERWriter()
        w.writeInteger(0)
        var ri = DERWriter()
        for r in a.recipientInfos { ri.writeRaw(try r.encoded()) }
        w.writeTLV(.set, content: ri.bytes)
        var eci: [UInt8] = [0x30, 0x80]
        var oid = DERWriter()
        try oid.writeOID(CMSOID.data)
        eci += oid.bytes
        var alg = DERWriter()
        try alg.writeConstructed(.sequence) { (s: inout DERWriter) throws(EncodingError) in
            try s.writeOID(CMSOID.aes128GCM)
            s.writeRaw(AEADParameters(nonce: b.nonce ?? []).encoded())
        }
        eci += alg.bytes
        eci += [0xa0, 0x80]
        for x in ct { eci += [0x04, 0x01, x] }
        eci += [0, 0, 0, 0]
        var tail = DERWriter()
        tail.writeOctetString(a.mac)
        let aed: [UInt8] = [0x30, 0x80] + w.bytes + eci + tail.bytes + [0, 0]
        var head = DERWriter()
        try head.writeOID(CMSOID.authEnvelopedData)
        return [0x30, 0x80] + head.bytes + [0xa0, 0x80] + aed + [0, 0, 0, 0]
    }

    func measure(_ name: String, _ input: [UInt8], rules: EncodingRules) -> String {
        let before = maxRSSKiB()
        let reps = max(1, (4 << 20) / max(input.count, 1))
        var outcome = ""
        let decoder = CMSDecoder(rules: rules)
        let start = now()
        for _ in 0..<reps {
            do {
                let d = try decoder.decode(input)
                outcome = "accepted (\(d.authEnvelopedData?.authEncryptedContentInfo.encryptedContent?.count ?? 0)-octet content, \(d.findings.count) finding(s))"
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
        try withUsageExit {
            print("baseline peak RSS \(maxRSSKiB()) KiB")
            var unlimited = EncodingRules.ber
            unlimited.limits = ASN1Limits(maxDepth: 32, maxNodes: Int.max)
            print(measure("nested 30 80…, DER rules              ", Self.nested(size: size), rules: .der))
            print(measure("nested 30 80…, BER rules (depth 32)   ", Self.nested(size: size), rules: .ber))
            let big: [UInt8]
            do { big = try Self.indefinite(size: size) } catch { throw UsageFailure(description: "\(error)") }
            print(measure("indefinite, BER, default node limit   ", big, rules: .ber))
            var s = max(size / 16, 1024)
            while s <= size {
                let input: [UInt8]
                do { input = try Self.indefinite(size: s) } catch { throw UsageFailure(description: "\(error)") }
                print(measure("indefinite, BER, no node limit        ", input, rules: unlimited))
                s *= 2
            }
        }
    }
}
