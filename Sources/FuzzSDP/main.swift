// FuzzSDP: the libFuzzer harness for the SDP codec (lossless lines, typed attributes, validator), and its replayer.
//
// Two modes from one file (see Scripts/fuzz.sh):
//
// * Sanitizer build (`Scripts/fuzz.sh build sdp` runs exactly this):
//     swift build -c release --sanitize=fuzzer --sanitize=address \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -DMEDIASEC_LIBFUZZER \
//         --product FuzzSDP
//   (the combined -sanitize=fuzzer,address is required: with SwiftPM's two
//   separate options only the last reaches the frontend and the code gets no
//   coverage instrumentation). SwiftPM compiles this file with
//   -parse-as-library here, so there is no Swift `main`: libFuzzer's own
//   `main` drives `LLVMFuzzerTestOneInput` below. Usual libFuzzer flags apply
//   (`FuzzSDP -max_total_time=60 -dict=Corpus/sdp.dict Corpus/sdp`, `FuzzSDP crash-file`).
//
// * Normal build (`swift build`, no sanitizer): a corpus replayer for CI,
//     FuzzSDP FILE|DIR...
//   runs the same oracle over every file (MediasecFuzz.FuzzReplayer). A
//   violation traps inside the oracle, so a regression shows as a crash of
//   this process; the file being replayed is named on stderr.
//
// The oracle lives in MediasecFuzz (SDPOracle): 0 = keep the input, -1 = reject it
// from the corpus, trap = bug.

import MediasecFuzz

/// The libFuzzer entry point. Also used by the replayer, so both modes run
/// exactly the same code path.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSDPTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    SDPOracle.run(UnsafeRawBufferPointer(start: size == 0 ? nil : data, count: size))
}

#if !MEDIASEC_LIBFUZZER
// No top-level *expression* may appear in this file, not even inside an
// inactive `#if`: SwiftPM compiles fuzzer-sanitized executables with
// -parse-as-library, whose parser rejects them before #if is evaluated. A
// global `let` with an initializer is a declaration, allowed in both modes; in
// a normal build (main.swift, script mode) it runs as the program's top-level
// code.
let replayerExitStatus: Int32 = {
    FuzzReplayer.run(name: "FuzzSDP", what: "the SDP codec (lossless lines, typed attributes, validator)", fuzzSDPTestOneInput)
}()
#endif
