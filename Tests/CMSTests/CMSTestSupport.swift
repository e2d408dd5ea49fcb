import Testing
import MediasecTestSupport
import Foundation
import MediasecCore
@testable import CMS

// Shared helpers for the CMS tests. Helpers forward the caller's source
// location so that a failure points at the test line.
//
// The generic `assertRoundTrips` lives in MediasecTestSupport, shared with
// the MIKEY tests (STYLE.md §12); the ContentInfo instance below wraps it.

/// Hex literal to bytes (whitespace allowed); traps only on a malformed
/// literal in the test source itself.
func hex(_ s: String) -> [UInt8] {
    guard let b = Hex.decode(s) else { preconditionFailure("bad hex literal in a test: \(s)") }
    return b
}


/// The ContentInfo instance of the round-trip helper, decoding under `rules`.
@discardableResult
func assertRoundTrips(
    _ ci: ContentInfo, rules: EncodingRules = .der, encodesTo expected: [UInt8]? = nil,
    codePoints: CMSCodePoints = .default, sourceLocation: SourceLocation = #_sourceLocation
) -> [UInt8]? {
    assertRoundTrips(ci, encodesTo: expected, encode: { (v: ContentInfo) throws(EncodingError) in try v.encoded() },
                     decode: { (b: [UInt8]) throws(DecodingError) in try ContentInfo(decoding: b, rules: rules, codePoints: codePoints) },
                     sourceLocation: sourceLocation)
}

/// Expects `body` to throw a DecodingError with `code` (and `offset`).
func expectDecodingError<T>(
    _ code: String, at offset: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(DecodingError) -> T
) {
    do {
        let v = try body()
        Issue.record("expected \(code), decoded \(v)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        if let offset { #expect(error.offset == offset, "\(error)", sourceLocation: sourceLocation) }
    }
}

/// Expects a CMSCryptoError with `code`.
func expectCryptoError<T>(_ code: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(CMSCryptoError) -> T) {
    do {
        _ = try body()
        Issue.record("expected \(code), got a value", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    }
}

enum Fixtures {
    static let kek128 = hex("000102030405060708090a0b0c0d0e0f")
    static let kek192 = hex("000102030405060708090a0b0c0d0e0f1011121314151617")
    static let kek256 = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
    static let mpk = [UInt8](repeating: 0x61, count: 16)
    static let content = Array("Content-Type: text/plain\r\n\r\nAll your base are belong to us.\r\n".utf8)

    /// Produced by OpenSSL 3.0.19 (27 Jan 2026) on this machine:
    /// `printf 'hello world' | openssl cms -encrypt -aes-128-gcm
    ///  -secretkey 000102030405060708090a0b0c0d0e0f -secretkeyid 0102 -outform DER`
    /// (kekri with id-aes128-wrap, AES-128-GCM, 12-byte nonce, ICVlen 16
    /// explicit). Recorded so the model tests do not depend on the CLI.
    static let opensslGCM128 = hex("""
        30819606 0b2a8648 86f70d01 09100117 a0818630 81830201 00313 2a230 02010430 04040201 02300b06 09608648
        01650304 01050418 defa66c1 fb868762 6886b8d4 d6349cdc 649e1523 389de1c3 30380609 2a864886 f70d0107
        01301e06 09608648 01650304 01063011 040c6bd2 d7220a2e 67ad4c0c f6860201 10800bfc 6774a562 95800a0f
        2e7b0410 fb5b55d2 73bc0270 4e8e910b b9c6b152
        """)
    static let opensslGCM128Plaintext = Array("hello world".utf8)

    /// A DER message of this suite's builder: kekri (AES-KW-128), AES-128-GCM,
    /// fixed CEK and nonce, one content-type authAttr.
    static func builtKEKRI(algorithm: AuthEncryptionAlgorithm = .aesGCM(.bits128), authAttrs: Bool = true) throws -> [UInt8] {
        var b = AuthEnvelopedDataBuilder()
        b.algorithm = algorithm
        b.nonce = [UInt8](repeating: 0x4e, count: algorithm.recommendedNonceLength)
        if authAttrs { b.authAttrs = [try Attribute.contentType(CMSOID.data)] }
        return try b.buildEncoded(content: content, cek: [UInt8](repeating: 0xce, count: algorithm.keyLength),
                                  recipients: [.kek(kek: kek128, keyIdentifier: hex("0102"))])
    }

    /// A DER message with an `id-ori-mikey` recipient (TR 33.829 Annex B.3)
    /// and a proof-of-origin extension.
    static func builtORI(proofOfOrigin: Bool = true) throws -> [UInt8] {
        var b = AuthEnvelopedDataBuilder()
        b.nonce = [UInt8](repeating: 0x4e, count: 12)
        return try b.buildEncoded(content: content, cek: [UInt8](repeating: 0xce, count: 16),
                                  recipients: [.mikey(PSKMIMETransferInit(mpk: mpk), proofOfOrigin: proofOfOrigin)])
    }
}

/// The `openssl` command line, as a peer under test (FACTS.md §4: not a
/// correctness oracle for this type).
enum OpenSSLCLI {
    static let path: String? = {
        for p in ["/usr/bin/openssl", "/usr/local/bin/openssl", "/bin/openssl"] where FileManager.default.isExecutableFile(atPath: p) { return p }
        return nil
    }()

    static var available: Bool { path != nil }

    struct Result {
        var status: Int32
        var output: [UInt8]
        var stderr: String
    }

    static func tempDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mediasec-cms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs `openssl args…` with `input` in a file named by `{in}` and the
    /// `{out}` file read back.
    static func run(_ args: [String], input: [UInt8]) throws -> Result {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        let dir = try tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("in.bin"), outURL = dir.appendingPathComponent("out.bin")
        try Data(input).write(to: inURL)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args.map { $0 == "{in}" ? inURL.path : $0 == "{out}" ? outURL.path : $0 }
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let out = (try? Data(contentsOf: outURL)).map { [UInt8]($0) } ?? []
        return Result(status: p.terminationStatus, output: out, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `openssl cms -encrypt -<cipher> -secretkey … -secretkeyid …` (kekri).
    static func encrypt(_ plaintext: [UInt8], cipher: String, kek: [UInt8], keyID: [UInt8], stream: Bool = false) throws -> Result {
        var args = ["cms", "-encrypt", "-\(cipher)", "-secretkey", Hex.encode(kek), "-secretkeyid", Hex.encode(keyID), "-in", "{in}", "-outform", "DER", "-out", "{out}"]
        if stream { args.insert("-stream", at: 2) }
        return try run(args, input: plaintext)
    }

    /// `openssl cms -decrypt -secretkey … -inform DER`.
    static func decrypt(_ message: [UInt8], kek: [UInt8], keyID: [UInt8]) throws -> Result {
        try run(["cms", "-decrypt", "-secretkey", Hex.encode(kek), "-secretkeyid", Hex.encode(keyID), "-inform", "DER", "-in", "{in}", "-out", "{out}"], input: message)
    }
}
