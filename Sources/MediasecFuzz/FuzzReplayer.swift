// The corpus replayer shared by every harness (FuzzMIKEY, FuzzDER, FuzzCMS,
// FuzzSMIME, FuzzSDP, FuzzResourceLists, FuzzSIPBody). In a normal (unsanitized) build each harness's main.swift calls
// `FuzzReplayer.run`, which feeds every file through the harness's
// `LLVMFuzzerTestOneInput`, so replay and fuzzing run exactly the same code.
// Kept free of Foundation: plain POSIX file access is enough.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public enum FuzzReplayer {
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

    static func usage(_ name: String, _ what: String) -> String {
        """
        usage: \(name) FILE|DIR...
          Replays every file (directories recursively, dot-files skipped)
          through the \(what) fuzz oracle and prints how many were run.
          Exit 0 when all ran; 2 on a usage or I/O error. A crash (trap) is an
          oracle violation; the file being replayed is named on stderr.
          Options: -v  print each file with the oracle's verdict (kept = 0,
                       discarded = -1, libFuzzer's "do not add to corpus").
          Arguments starting with '-' other than these are ignored (libFuzzer
          flags such as -runs=0).
          Built with --sanitize=fuzzer -Xswiftc -DMEDIASEC_LIBFUZZER, this
          binary is a libFuzzer binary instead (see Scripts/fuzz.sh).
        """
    }

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

    /// Replays `arguments` (files and directories) through `testOneInput`
    /// and returns the exit status.
    public static func main(name: String, what: String, arguments: [String],
                            _ testOneInput: (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
        var verbose = false
        var roots: [String] = []
        for arg in arguments {
            switch arg {
            case "-h", "--help", "-help":
                print(usage(name, what))
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
            printError(usage(name, what))
            return 2
        }
        var tally = Tally()
        do {
            for root in roots {
                for path in try files(under: root) {
                    let bytes = try readFile(path)
                    CrashNote.set(path)
                    let verdict = bytes.withUnsafeBufferPointer { testOneInput($0.baseAddress, $0.count) }
                    if verbose {
                        print("\(verdict == 0 ? "kept     " : "discarded") \(path) (\(bytes.count) bytes)")
                    }
                    tally.files += 1
                    tally.bytes += bytes.count
                    if verdict == 0 { tally.kept += 1 } else { tally.discarded += 1 }
                }
            }
        } catch Failure.cannotOpen(let path, let code) {
            printError("\(name): cannot open \(path): \(String(cString: strerror(code)))")
            return 2
        } catch Failure.cannotRead(let path, let code) {
            printError("\(name): cannot read \(path): \(String(cString: strerror(code)))")
            return 2
        } catch {
            printError("\(name): \(error)")
            return 2
        }
        print("\(name): replayed \(tally.files) files (\(tally.bytes) bytes): kept \(tally.kept), discarded \(tally.discarded)")
        return 0
    }

    /// The replayer process: installs the crash note and exits with ``main(name:what:arguments:_:)``'s status.
    public static func run(name: String, what: String, _ testOneInput: (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        CrashNote.install(name: name)
        exit(main(name: name, what: what, arguments: Array(CommandLine.arguments.dropFirst()), testOneInput))
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
    nonisolated(unsafe) static var prefix: UnsafeMutablePointer<CChar>? = nil
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

    static func install(name: String) {
        _ = path
        prefix = strdup("\n\(name): crashed while replaying ")
        let table = previous
        for sig in signals where Int(sig) < slots {
            sigaction(sig, nil, table + Int(sig))
            signal(sig, { sig in
                if let p = CrashNote.prefix { _ = write(2, p, strlen(p)) }
                if let p = CrashNote.path { _ = write(2, p, strlen(p)) }
                _ = write(2, "\n", 1)
                sigaction(sig, CrashNote.previous + Int(sig), nil)
            })
        }
    }
}
