import Foundation

/// One Wycheproof test case, with its group's integer parameters
/// (`keySize`, `ivSize`, `tagSize`, in bits) copied in.
struct WycheproofCase: Sendable, CustomStringConvertible {
    enum Expectation: String, Sendable { case valid, invalid, acceptable }

    let file: String
    let tcId: Int
    let comment: String
    let result: Expectation
    let flags: [String]
    /// Every hex-string field of the test (`key`, `msg`, `iv`, `aad`, `ct`, `tag`), decoded.
    let fields: [String: [UInt8]]
    let groupParameters: [String: Int]

    func bytes(_ name: String) throws -> [UInt8] {
        guard let value = fields[name] else { throw WycheproofError("\(self): no field \(name)") }
        return value
    }

    func parameter(_ name: String) throws -> Int {
        guard let value = groupParameters[name] else { throw WycheproofError("\(self): no group parameter \(name)") }
        return value
    }

    var description: String { "\(file) tcId \(tcId) (\(result.rawValue); \(flags.joined(separator: ","))\(comment.isEmpty ? "" : "; \(comment)"))" }
}

struct WycheproofError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// The single loader for all Wycheproof files used by this suite (C2SP
/// wycheproof `testvectors_v1`, provenance in `SOURCE.txt` beside the files).
enum Wycheproof {
    /// The vendored copy beside this file (`Wycheproof/`, Apache-2.0,
    /// provenance in `Wycheproof/SOURCE.txt`; copied from `shared/vectors/wycheproof`).
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MediasecCryptoTests
        .appendingPathComponent("Wycheproof", isDirectory: true)

    struct File: Sendable {
        let name: String
        let algorithm: String
        let numberOfTests: Int
        let cases: [WycheproofCase]
    }

    /// Loads `name`, checks it declares `schema`, and flattens its groups.
    static func load(_ name: String, schema: String) throws -> File {
        let url = directory.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw WycheproofError("\(name): top level is not an object")
        }
        guard let declared = root["schema"] as? String, declared == schema else {
            throw WycheproofError("\(name): schema \(String(describing: root["schema"])) is not \(schema)")
        }
        guard let algorithm = root["algorithm"] as? String,
              let numberOfTests = root["numberOfTests"] as? Int,
              let groups = root["testGroups"] as? [[String: Any]]
        else { throw WycheproofError("\(name): missing algorithm/numberOfTests/testGroups") }

        var cases = [WycheproofCase]()
        for group in groups {
            var parameters = [String: Int]()
            for (key, value) in group where key != "tests" {
                if let n = value as? Int { parameters[key] = n }
            }
            guard let tests = group["tests"] as? [[String: Any]] else {
                throw WycheproofError("\(name): group without tests")
            }
            for test in tests {
                guard let tcId = test["tcId"] as? Int,
                      let resultText = test["result"] as? String,
                      let result = WycheproofCase.Expectation(rawValue: resultText)
                else { throw WycheproofError("\(name): test without tcId/result") }
                var fields = [String: [UInt8]]()
                for (key, value) in test where key != "comment" && key != "result" {
                    guard let text = value as? String else { continue }
                    guard let bytes = hex(text) else { throw WycheproofError("\(name) tcId \(tcId): \(key) is not hex") }
                    fields[key] = bytes
                }
                cases.append(WycheproofCase(
                    file: name, tcId: tcId, comment: test["comment"] as? String ?? "", result: result,
                    flags: test["flags"] as? [String] ?? [], fields: fields, groupParameters: parameters))
            }
        }
        return File(name: name, algorithm: algorithm, numberOfTests: numberOfTests, cases: cases)
    }

    private static func hex(_ s: String) -> [UInt8]? {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count / 2)
        var high: UInt8? = nil
        for c in s.utf8 {
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x41...0x46: v = c - 0x41 + 10
            case 0x61...0x66: v = c - 0x61 + 10
            default: return nil
            }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return high == nil ? out : nil
    }
}

/// Hex literal helper for fixtures (test-only; traps on a typo in a literal).
func h(_ s: String) -> [UInt8] {
    let clean = s.filter { !$0.isWhitespace }
    var out = [UInt8]()
    var index = clean.startIndex
    while index < clean.endIndex {
        let next = clean.index(index, offsetBy: 2)
        out.append(UInt8(clean[index..<next], radix: 16)!)
        index = next
    }
    return out
}
