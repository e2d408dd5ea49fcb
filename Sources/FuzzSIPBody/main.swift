// FuzzSIPBody: the libFuzzer harness for the multipart SIP body decoder and validator, and its replayer.
//
// Two modes from one file (see Scripts/fuzz.sh):
//
// * Sanitizer build (`Scripts/fuzz.sh build sip-body` runs exactly this):
//     swift build -c release --sanitize=fuzzer --sanitize=address \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -DMEDIASEC_LIBFUZZER \
//         --product FuzzSIPBody
//   (the combined -sanitize=fuzzer,address is required: with SwiftPM's two
//   separate options only the last reaches the frontend and the code gets no
//   coverage instrumentation). SwiftPM compiles this file with
//   -parse-as-library here, so there is no Swift `main`: libFuzzer's own
//   `main` drives `LLVMFuzzerTestOneInput` below. Usual libFuzzer flags apply
//   (`FuzzSIPBody -max_total_time=60 -dict=Corpus/sip-body.dict Corpus/sip-body`, `FuzzSIPBody crash-file`).
//
// * Normal build (`swift build`, no sanitizer): a corpus replayer for CI,
//     FuzzSIPBody FILE|DIR...
//   runs the same oracle over every file (MediasecFuzz.FuzzReplayer). A
//   violation traps inside the oracle, so a regression shows as a crash of
//   this process; the file being replayed is named on stderr.
//
// Input framing: the first line (up to LF, a CR before it dropped) is the
// value of the SIP message's Content-Type header, the rest is the body (see
// SIPBodyOracle.frame; the seeds in Corpus/sip-body/ are in this shape).
//
// The oracle lives in MediasecFuzz (SIPBodyOracle): 0 = keep the input, -1 = reject it
// from the corpus, trap = bug.

import MediasecFuzz

/// The libFuzzer entry point. Also used by the replayer, so both modes run
/// exactly the same code path.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSIPBodyTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    SIPBodyOracle.run(UnsafeRawBufferPointer(start: size == 0 ? nil : data, count: size))
}

#if !MEDIASEC_LIBFUZZER
// No top-level *expression* may appear in this file, not even inside an
// inactive `#if`: SwiftPM compiles fuzzer-sanitized executables with
// -parse-as-library, whose parser rejects them before #if is evaluated. A
// global `let` with an initializer is a declaration, allowed in both modes; in
// a normal build (main.swift, script mode) it runs as the program's top-level
// code.
let replayerExitStatus: Int32 = {
    FuzzReplayer.run(name: "FuzzSIPBody", what: "the multipart SIP body decoder and validator", fuzzSIPBodyTestOneInput)
}()
#endif
