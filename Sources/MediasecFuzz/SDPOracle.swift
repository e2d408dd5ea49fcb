import MediasecCore
import SDP

/// The libFuzzer oracle for the SDP module: the RFC 8866 line decoder
/// (``SDPDecoder``), the lossless re-serialization
/// (``SessionDescription/encoded()``), the typed attribute codecs
/// (``SDPAttributeRegistry``), the validator, the offer/answer checks and
/// the JSON trees.
///
/// * Rejections carry an `sdp.*` code and an offset inside the input.
/// * An accepted description re-serializes byte for byte, every line offset
///   points at its type letter, and decoding the re-serialization gives the
///   same model.
/// * Every typed attribute value that decodes satisfies the codec laws of
///   ``SDPAttributeCodable``: `decode(encode(v)) == v`, and the encoding is
///   a fixed point (`encode(decode(encode(v))) == encode(v)`); its sub-field
///   offsets lie inside the input. A value that does not decode is rejected
///   with an `sdp.*` code and an in-range offset.
/// * The validator never traps; every finding's offset is inside the input
///   and its message starts with `line:column: `; the error `decodeStrict`
///   throws is one of the validator's error findings.
/// * Offer/answer: when the input holds a second `v=` line, the bytes before
///   it are the offer and the rest the answer; otherwise the description is
///   checked as the answer to itself. Neither traps; offsets stay in range.
public enum SDPOracle {
    public struct Violation: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public enum Outcome: Equatable, Sendable {
        case accepted
        case rejected(code: String)
    }

    static let roles: [SDPRole] = [.unknown, .offer, .answer]

    public static func check(_ bytes: [UInt8]) throws(Violation) -> Outcome {
        let decoded: DecodedSessionDescription
        do {
            decoded = try SDPDecoder().decode(bytes)
        } catch {
            guard error.code.hasPrefix("sdp."), error.offset >= 0, error.offset <= bytes.count else {
                throw Violation(description: "rejection without an sdp.* code or with offset \(error.offset) outside 0...\(bytes.count): \(error)")
            }
            // The validator reports exactly the decoding failure.
            let r = SDPValidator().validate(bytes)
            guard r.decoded == nil, r.findings.count == 1, r.findings[0].code == error.code else {
                throw Violation(description: "the validator disagrees with the decoder's rejection \(error.code): \(r.findings.map(\.code))")
            }
            _ = r.json().serialized()
            return .rejected(code: error.code)
        }
        try checkLossless(bytes, decoded)
        try checkAttributes(bytes, decoded)
        try checkValidator(bytes, decoded)
        try checkOfferAnswer(bytes, decoded)
        _ = SDPJSON.tree(decoded).serialized()
        return .accepted
    }

    // MARK: the laws

    static func checkLossless(_ bytes: [UInt8], _ d: DecodedSessionDescription) throws(Violation) {
        let again = d.sessionDescription.encoded()
        guard again == bytes else {
            throw Violation(description: "re-serialization differs from the input (\(again.count) vs \(bytes.count) bytes, first difference at \(firstDifference(again, bytes)))")
        }
        guard d.lineOffsets.count == d.lines.count else {
            throw Violation(description: "\(d.lineOffsets.count) line offsets for \(d.lines.count) lines")
        }
        var previous = -1
        for (i, o) in d.lineOffsets.enumerated() {
            guard o > previous, o < bytes.count, bytes[o] == d.lines[i].type else {
                throw Violation(description: "line \(i): offset \(o) does not hold its type letter (or is out of order)")
            }
            previous = o
        }
        let redecoded: DecodedSessionDescription
        do { redecoded = try SDPDecoder().decode(again) } catch {
            throw Violation(description: "the re-serialization does not decode: \(error)")
        }
        guard redecoded.sessionDescription == d.sessionDescription, redecoded.lineOffsets == d.lineOffsets else {
            throw Violation(description: "decode(serialize(m)) != m")
        }
    }

    static func checkAttributes(_ bytes: [UInt8], _ d: DecodedSessionDescription) throws(Violation) {
        let sd = d.sessionDescription
        for level in sd.levels {
            for a in sd.attributes(at: level) {
                guard let decodedAttribute = SDPAttributeRegistry.decode(a, in: d) else { continue }
                let name = a.attribute.name
                switch decodedAttribute.result {
                case .failure(let e):
                    guard e.code.hasPrefix("sdp."), e.offset >= 0, e.offset <= bytes.count else {
                        throw Violation(description: "a=\(name) rejected without an sdp.* code or with offset \(e.offset) outside 0...\(bytes.count): \(e)")
                    }
                case .success(let typed):
                    for (field, o) in decodedAttribute.offsets where o < 0 || o > bytes.count {
                        throw Violation(description: "a=\(name): offset \(o) of \(field) outside 0...\(bytes.count)")
                    }
                    try checkCodecLaws(name: name, typed)
                }
            }
        }
    }

    /// Law 1 (`decode(encode(v)) == v`) and the fixed point of the encoding.
    public static func checkCodecLaws(name: String, _ typed: TypedAttribute) throws(Violation) {
        let text = typed.encodedValue
        guard let back = SDPAttributeRegistry.decode(name: name, value: Array(text.utf8)) else {
            throw Violation(description: "a=\(name) decoded but has no codec for its own encoding")
        }
        switch back {
        case .failure(let e):
            throw Violation(description: "a=\(name): the decoder rejects the encoder's output \"\(text)\": \(e)")
        case .success(let again):
            guard again == typed else {
                throw Violation(description: "a=\(name): decode(encode(v)) != v for \"\(text)\"")
            }
            guard again.encodedValue == text else {
                throw Violation(description: "a=\(name): the encoding is not a fixed point: \"\(text)\" -> \"\(again.encodedValue)\"")
            }
        }
    }

    static func checkFindings(_ findings: [Finding], count: Int, positions: Bool, _ what: String) throws(Violation) {
        for f in findings {
            guard let o = f.offset else { continue }
            guard o >= 0, o <= count else {
                throw Violation(description: "\(what): \(f.code) at offset \(o) outside 0...\(count)")
            }
            if positions, !startsWithPosition(f.message) {
                throw Violation(description: "\(what): \(f.code) message does not start with line:column: \"\(f.message)\"")
            }
        }
    }

    static func checkValidator(_ bytes: [UInt8], _ d: DecodedSessionDescription) throws(Violation) {
        let role = roles[bytes.count % roles.count]
        let report = SDPValidator(options: SDPValidationOptions(role: role)).validate(d)
        try checkFindings(report.findings, count: bytes.count, positions: true, "validator (role \(role))")
        _ = report.json().serialized()
        do {
            _ = try SDPDecoder().decodeStrict(bytes)
        } catch {
            // The strict decode throws the first RFC 8866 structure/field
            // error, which the validator must report as well.
            guard report.findings.contains(where: { $0.code == error.code && $0.severity == .error }) else {
                throw Violation(description: "decodeStrict throws \(error.code), which the validator does not report: \(report.findings.map(\.code))")
            }
        }
    }

    static func checkOfferAnswer(_ bytes: [UInt8], _ d: DecodedSessionDescription) throws(Violation) {
        var offer = bytes, answer = bytes
        if let second = d.lines.indices.dropFirst().first(where: { d.lines[$0].type == 0x76 }) {
            let at = d.lineOffsets[second]
            offer = Array(bytes[..<at])
            answer = Array(bytes[at...])
        }
        let r = SDPValidator().validateOfferAnswer(offer: offer, answer: answer)
        try checkFindings(r.offer.findings, count: offer.count, positions: false, "offer")
        try checkFindings(r.answer.findings, count: answer.count, positions: false, "answer")
        for f in r.findings {
            guard let o = f.offset else { continue }
            let limit = f.path.hasPrefix("offer.") ? offer.count : answer.count
            guard o >= 0, o <= limit else {
                throw Violation(description: "offer/answer: \(f.code) (\(f.path)) at offset \(o) outside 0...\(limit)")
            }
        }
        _ = r.json().serialized()
    }

    // MARK: helpers

    /// `^\d+:\d+: ` without Foundation.
    public static func startsWithPosition(_ message: String) -> Bool {
        var u = message.utf8.makeIterator()
        func digits() -> UInt8? {
            var n = 0
            while let c = u.next() {
                if c >= 0x30 && c <= 0x39 { n += 1; continue }
                return n > 0 ? c : nil
            }
            return nil
        }
        guard digits() == 0x3a, digits() == 0x3a, u.next() == 0x20 else { return false }
        return true
    }

    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        return i
    }

    /// libFuzzer entry: 0 to keep the input, traps on a violation.
    public static func run(_ data: UnsafeRawBufferPointer) -> Int32 {
        do {
            _ = try check(Array(data))
            return 0
        } catch {
            fatalError("SDP oracle violated: \(error.description)")  // fuzz harness: trap is the signal
        }
    }
}

/// The result of replaying a corpus directory through an oracle's `check`
/// without trapping (the text-format regression tests use it: they cannot
/// import Foundation beside libxml2's ICU headers).
public struct CorpusReplay: Sendable {
    /// Regular files replayed (dot-files skipped).
    public var files = 0
    /// `name: violation` for each file whose check failed, and I/O errors.
    public var failures: [String] = []

    /// The octets of one file; nil when it cannot be read.
    public static func contents(of path: String) -> [UInt8]? { try? FuzzReplayer.readFile(path) }

    /// Replays every file under `directory` (missing directory: no files).
    static func run(_ directory: String, _ check: ([UInt8]) throws -> Void) -> CorpusReplay {
        var r = CorpusReplay()
        guard let paths = try? FuzzReplayer.files(under: directory) else { return r }
        for path in paths {
            r.files += 1
            let name = path.split(separator: "/").last.map(String.init) ?? path
            do {
                try check(try FuzzReplayer.readFile(path))
            } catch {
                r.failures.append("\(name): \(error)")
            }
        }
        return r
    }
}

extension SDPOracle {
    /// Runs ``check(_:)`` over every file under `directory`.
    public static func replay(_ directory: String) -> CorpusReplay {
        CorpusReplay.run(directory) { _ = try check($0) }
    }
}
