import Foundation
import Testing
import MediasecCore
import MediasecFuzz

/// Replays the fuzz seed corpus and every crash input libFuzzer ever found
/// (`Corpus/mikey-crashes/`, kept by Scripts/fuzz.sh) through the same
/// oracle the harness runs, so a fixed crash stays fixed.
@Suite struct FuzzRegressionTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static func files(_ name: String) -> [URL] {
        let dir = corpus.appendingPathComponent(name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test func seedCorpusHoldsTheRoundTripLaws() throws {
        let seeds = Self.files("mikey")
        #expect(seeds.count >= 400, "seed corpus missing or small: \(seeds.count) files")
        var accepted = 0
        for url in seeds {
            let bytes = [UInt8](try Data(contentsOf: url))
            do {
                if try MIKEYOracle.check(bytes) == .accepted { accepted += 1 }
            } catch {
                Issue.record("\(url.lastPathComponent): \(error.description)")
            }
        }
        // The seeds are the shipped vectors: valid and acceptable ones decode.
        #expect(accepted >= 250)
    }

    @Test func crashInputsStayFixed() throws {
        for url in Self.files("mikey-crashes") {
            let bytes = [UInt8](try Data(contentsOf: url))
            do {
                _ = try MIKEYOracle.check(bytes)
            } catch {
                Issue.record("regression \(url.lastPathComponent): \(error.description)")
            }
        }
    }

    /// Inputs that once broke earlier decoders of this suite or of peers
    /// (FACTS.md §9), kept as explicit regressions with their expected code.
    @Test(arguments: [
        ("hdr-only-next-ibake", "0100160000000001000100", "mikey.payload.unknown-type"),
        ("rand-zero-chain-unterminated", "01000b00000000010001" + "0b00" + "0b00", "mikey.truncated"),
        ("sign-then-byte", "01000400000000010001" + "0002aabb" + "00", "mikey.sign.not-last"),
        ("tp-truncated-in-tp-data-length", "01000b0000000001000110" + "0000" + "000101" + "000000" + "000100", "mikey.truncated"),
    ])
    func knownHostileShapes(name: String, hex: String, code: String) throws {
        let bytes = try #require(Hex.decode(hex))
        let outcome = try MIKEYOracle.check(bytes)
        #expect(outcome == .rejected(code: code), "\(name)")
    }
}
