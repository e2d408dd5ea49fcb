// FuzzMIKEY: the libFuzzer harness for the MIKEY codec, and its replayer.
//
// Two modes from one file (see Scripts/fuzz.sh):
//
// * Sanitizer build (`Scripts/fuzz.sh build` runs exactly this):
//     swift build -c release --sanitize=fuzzer --sanitize=address \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -DMEDIASEC_LIBFUZZER \
//         --product FuzzMIKEY
//   (the combined -sanitize=fuzzer,address is required: with SwiftPM's two
//   separate options only the last reaches the frontend and the code gets no
//   coverage instrumentation). SwiftPM compiles this file with
//   -parse-as-library here, so there is no Swift `main`: libFuzzer's own
//   `main` drives `LLVMFuzzerTestOneInput` below. Usual libFuzzer flags apply
//   (`FuzzMIKEY -max_total_time=60 Corpus/mikey`, `FuzzMIKEY crash-file`).
//
// * Normal build (`swift build`, no sanitizer): a corpus replayer for CI,
//     FuzzMIKEY FILE|DIR...
//   runs the same oracle over every file (directories: every regular file in
//   them, recursively, hidden files skipped), prints the count and exits 0. A
//   round-trip violation traps inside the oracle, so a regression shows as a
//   crash of this process; the file being replayed is named on stderr.
//
// The oracle itself lives in MediasecFuzz (MIKEYOracle.run): 0 = keep the
// input, -1 = reject it from the corpus, trap = bug.

import MediasecFuzz

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The libFuzzer entry point. Also used by the replayer, so both modes run
/// exactly the same code path.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIKEYTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    MIKEYOracle.run(UnsafeRawBufferPointer(start: size == 0 ? nil : data, count: size))
}

#if !MEDIASEC_LIBFUZZER

/// Corpus replayer (normal builds). Kept free of Foundation so the harness
/// stays small; plain POSIX file access is enough.
enum Replayer {
    enum Failure: Error {
        case cannotOpen(String, Int32)
        case cannotRead(String, Int32)
    }

    struct Tally {
        var files = 0
        var kept = 0       // oracle returned 0
        var discarded = 0  // oracle returned -1 (libFuzzer: not added to the corpus)
        var bytes = 0
    }

    static let usage = """
        usage: FuzzMIKEY FILE|DIR...
          Replays every file (directories recursively, dot-files skipped)
          through the MIKEY fuzz oracle and prints how many were run.
          Exit 0 when all ran; 2 on a usage or I/O error. A crash (trap) is an
          oracle violation; the file being replayed is named on stderr.
          Options: -v  print each file with the oracle's verdict (kept = 0,
                       discarded = -1, libFuzzer's "do not add to corpus").
          Arguments starting with '-' other than these are ignored (libFuzzer
          flags such as -runs=0).
          Built with --sanitize=fuzzer -Xswiftc -DMEDIASEC_LIBFUZZER, this
          binary is a libFuzzer binary instead (see Scripts/fuzz.sh).
        """

    static func printError(_ line: String) {
        let text = line + "\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure.cannotOpen(path, errno) }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.cannotRead(path, errno)
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Regular files under `path` (itself if a file), sorted for a stable order.
    static func files(under path: String) throws -> [String] {
        var st = stat()
        guard stat(path, &st) == 0 else { throw Failure.cannotOpen(path, errno) }
        if (st.st_mode & S_IFMT) != S_IFDIR { return [path] }
        guard let dir = opendir(path) else { throw Failure.cannotOpen(path, errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        var result: [String] = []
        for name in names.sorted() {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            result += try files(under: child)
        }
        return result
    }

    static func main(_ arguments: [String]) -> Int32 {
        var verbose = false
        var roots: [String] = []
        for arg in arguments {
            switch arg {
            case "-h", "--help", "-help":
                print(usage)
                return 0
            case "-v", "--verbose":
                verbose = true
            default:
                if arg.hasPrefix("-") && arg.count > 1 {
                    // A libFuzzer flag (e.g. -runs=0) handed to the replayer: ignore.
                    continue
                }
                roots.append(arg)
            }
        }
        guard !roots.isEmpty else {
            printError(usage)
            return 2
        }
        var tally = Tally()
        do {
            for root in roots {
                for path in try files(under: root) {
                    let bytes = try readFile(path)
                    CrashNote.set(path)
                    let verdict = bytes.withUnsafeBufferPointer {
                        fuzzMIKEYTestOneInput($0.baseAddress, $0.count)
                    }
                    if verbose {
                        print("\(verdict == 0 ? "kept     " : "discarded") \(path) (\(bytes.count) bytes)")
                    }
                    tally.files += 1
                    tally.bytes += bytes.count
                    if verdict == 0 { tally.kept += 1 } else { tally.discarded += 1 }
                }
            }
        } catch Failure.cannotOpen(let path, let code) {
            printError("FuzzMIKEY: cannot open \(path): \(String(cString: strerror(code)))")
            return 2
        } catch Failure.cannotRead(let path, let code) {
            printError("FuzzMIKEY: cannot read \(path): \(String(cString: strerror(code)))")
            return 2
        } catch {
            printError("FuzzMIKEY: \(error)")
            return 2
        }
        print("FuzzMIKEY: replayed \(tally.files) files (\(tally.bytes) bytes): kept \(tally.kept), discarded \(tally.discarded)")
        return 0
    }
}

/// Names the input being replayed when the oracle traps. The handler writes
/// the path with async-signal-safe write(2), puts the previous handler back
/// and returns: the faulting instruction (or abort's re-raise) runs again and
/// the previous handler (default action, or Swift's backtracer) takes over.
enum CrashNote {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]
    static let slots = 65
    /// Plain C memory: the handler must not touch Swift arrays or strings.
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) static var previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: slots)
        p.initialize(repeating: sigaction(), count: slots)
        return p
    }()

    static func set(_ newPath: String) {
        let old = path
        path = strdup(newPath)
        free(old)
    }

    static func install() {
        _ = path
        let table = previous
        for sig in signals where Int(sig) < slots {
            sigaction(sig, nil, table + Int(sig))
            signal(sig, { sig in
                let prefix: StaticString = "\nFuzzMIKEY: crashed while replaying "
                _ = write(2, prefix.utf8Start, prefix.utf8CodeUnitCount)
                if let p = CrashNote.path { _ = write(2, p, strlen(p)) }
                _ = write(2, "\n", 1)
                sigaction(sig, CrashNote.previous + Int(sig), nil)
            })
        }
    }
}

// No top-level *expression* may appear in this file, not even inside an
// inactive `#if`: SwiftPM compiles fuzzer-sanitized executables with
// -parse-as-library, whose parser rejects them before #if is evaluated. A
// global `let` with an initializer is a declaration, allowed in both modes; in
// a normal build (main.swift, script mode) it runs as the program's top-level
// code.
let replayerExitStatus: Int32 = {
    CrashNote.install()
    exit(Replayer.main(Array(CommandLine.arguments.dropFirst())))
}()

#endif
