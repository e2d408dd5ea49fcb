#!/usr/bin/env bash
# Scripts/fuzz.sh: build, run, minimize, replay and measure the libFuzzer
# harnesses of mediasec. Run `Scripts/fuzz.sh help` for the subcommands.
#
# Layout (per harness NAME, e.g. "mikey"):
#   Corpus/NAME/          seed corpus, committed (grown with `merge`)
#   Corpus/NAME.dict      libFuzzer dictionary, committed (optional)
#   Corpus/NAME-crashes/  crash/timeout/leak artifacts, committed and replayed
#   fuzz-out/NAME/        working corpus and logs (git-ignored)
#
# Toolchain notes (Swift 6.3.1 on Linux, see FACTS.md §8):
# * SwiftPM compiles a fuzzer-sanitized executable target with
#   -parse-as-library, so harness main.swift files must not contain top-level
#   expressions (see Sources/FuzzMIKEY/main.swift).
# * `swift build --sanitize=fuzzer --sanitize=address` alone produces an
#   UNINSTRUMENTED fuzzer: SwiftPM passes two -sanitize= options and the swift
#   driver forwards only the last one to the frontend, so the code gets ASan
#   but no SanitizerCoverage and libFuzzer fuzzes blind. Adding
#   `-Xswiftc -sanitize=fuzzer,address` (one combined option, last on the
#   command line) fixes it. `build` checks the result ("inline 8-bit counters").
set -euo pipefail

# ---------------------------------------------------------------------------
# The one list of harnesses: "NAME:SWIFTPM_PRODUCT". Adding a harness (SDP,
# XML, ...) is adding one entry here plus its Sources/Fuzz*/main.swift (a few
# lines: the oracle lives in MediasecFuzz, the replayer is
# MediasecFuzz.FuzzReplayer), its executableTarget in Package.swift and its
# Corpus/NAME/ seeds (+ Corpus/NAME.dict).
#   mikey  MIKEY codec round trip (MIKEYOracle)
#   der    BER/DER reader under both rule sets (DEROracle)
#   cms    CMS AuthEnvelopedData codec round trip + validator (CMSOracle)
#   smime  S/MIME entity parse + canonical round trip + validator (SMIMEOracle)
#   sdp    SDP lossless re-serialization, typed attribute codec laws,
#          validator and offer/answer checks (SDPOracle)
#   resource-lists  hardened libxml2 decode, canonical encode round trip and
#          fixed point, validator with XSD cross-check (ResourceListsOracle)
#   sip-body  multipart SIP body: first line = Content-Type value, rest =
#          body; framing law, validator, each part through its codec's
#          oracle (SIPBodyOracle)
HARNESSES=(
    mikey:FuzzMIKEY
    der:FuzzDER
    cms:FuzzCMS
    smime:FuzzSMIME
    sdp:FuzzSDP
    resource-lists:FuzzResourceLists
    sip-body:FuzzSIPBody
)
# ---------------------------------------------------------------------------

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

# Knobs (environment).
SANITIZER="${SANITIZER:-address}"            # address | thread | coverage (OSS-Fuzz names)
FUZZ_CONFIG="${FUZZ_CONFIG:-release}"         # SwiftPM configuration of the fuzz build
FUZZ_WORK="${FUZZ_WORK:-$ROOT/fuzz-out}"      # working corpora, logs, coverage (git-ignored)
FUZZ_RSS_MB="${FUZZ_RSS_MB:-2048}"            # libFuzzer -rss_limit_mb
FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-10}"            # libFuzzer -timeout (seconds per input)
FUZZ_MAX_LEN="${FUZZ_MAX_LEN:-}"              # libFuzzer -max_len (empty: libFuzzer's default)
REPLAY_SCRATCH="${REPLAY_SCRATCH:-$ROOT/.build}"           # normal build used by `replay`
COVERAGE_SCRATCH="${COVERAGE_SCRATCH:-$ROOT/.build-coverage}"

export SWIFT_BACKTRACE=enable=no   # FACTS §8: the backtracer can keep a crashed run alive for minutes

usage() {
    cat <<EOF
usage: Scripts/fuzz.sh COMMAND [ARGS]

Harnesses: $(harness_names | tr '\n' ' ')

Commands:
  build [--sanitizer S] [--out DIR] [--static-stdlib] [NAME...]
        libFuzzer build (sanitizer S, default \$SANITIZER or address; also
        thread, coverage) of the listed harnesses (default: all), -c
        $FUZZ_CONFIG, into \${FUZZ_SCRATCH:-.build-fuzz-S}; fails if a binary
        lacks coverage instrumentation.
        --out DIR: also copy each fuzzer as DIR/NAME, with DIR/NAME.dict and
        DIR/NAME_seed_corpus.zip and the shared libraries it needs (OSS-Fuzz
        / ClusterFuzzLite layout; ci/clusterfuzzlite/build.sh uses this).
  run NAME [SECONDS] [LIBFUZZER-FLAGS...]
        Fuzz NAME for SECONDS (default 600) from Corpus/NAME (+ Corpus/NAME.dict);
        new inputs go to fuzz-out/NAME/corpus, crash artifacts to
        Corpus/NAME-crashes/. Extra flags go to libFuzzer (e.g. -jobs=2).
  merge NAME
        Minimize fuzz-out/NAME/corpus into Corpus/NAME (-merge=1: only inputs
        that add coverage are copied).
  replay [NAME...]
        Normal (unsanitized) build, then replay Corpus/NAME and
        Corpus/NAME-crashes through the harness in replayer mode.
  smoke [SECONDS]
        build, then fuzz every harness for SECONDS (default 60) from its seed
        corpus; prints executions and exec/s; fails on any crash, timeout,
        leak or out-of-memory.
  coverage NAME [DIR...]
        Coverage build (-profile-generate -profile-coverage-mapping), replay
        Corpus/NAME, fuzz-out/NAME/corpus if present, and DIRs through the
        replayer, then llvm-profdata merge + llvm-cov report;
        HTML in fuzz-out/coverage/NAME/html.
  list  Print "NAME PRODUCT" for every harness.

Environment: SANITIZER (address|thread|coverage), FUZZ_CONFIG, FUZZ_SCRATCH,
FUZZ_WORK, FUZZ_RSS_MB ($FUZZ_RSS_MB), FUZZ_TIMEOUT ($FUZZ_TIMEOUT),
FUZZ_MAX_LEN, REPLAY_SCRATCH, COVERAGE_SCRATCH, SWIFT_BUILD_FLAGS (extra
flags for every swift build).
EOF
}

die() { echo "fuzz.sh: $*" >&2; exit 2; }
note() { echo "== $*" >&2; }

harness_names() { local h; for h in "${HARNESSES[@]}"; do echo "${h%%:*}"; done; }

product_of() {
    local h
    for h in "${HARNESSES[@]}"; do
        if [ "${h%%:*}" = "$1" ]; then echo "${h#*:}"; return 0; fi
    done
    die "unknown harness '$1' (known: $(harness_names | tr '\n' ' '))"
}

llvm_tool() {
    local dir
    dir="$(dirname "$(command -v swift)")"
    if [ -x "$dir/$1" ]; then echo "$dir/$1"; elif command -v "$1" >/dev/null 2>&1; then command -v "$1"; else die "$1 not found (expected next to swift in $dir)"; fi
}

# Symbolized ASan reports with Swift names demangled.
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && command -v swift >/dev/null 2>&1; then
    sym="$(dirname "$(command -v swift)")/llvm-symbolizer"
    [ -x "$sym" ] && export ASAN_SYMBOLIZER_PATH="$sym"
fi

fuzz_scratch() { echo "${FUZZ_SCRATCH:-$ROOT/.build-fuzz-$SANITIZER}"; }

# The SwiftPM flags of a libFuzzer build; shared with ci/clusterfuzzlite/build.sh
# through `build --out`.
fuzz_build_flags() {
    local flags=(-c "$FUZZ_CONFIG" --scratch-path "$(fuzz_scratch)" -Xswiftc -DMEDIASEC_LIBFUZZER)
    case "$SANITIZER" in
        address|thread)
            # Both the SwiftPM options (linking, -parse-as-library) and ONE
            # combined -sanitize= for the frontend (see the note at the top).
            flags+=(--sanitize=fuzzer "--sanitize=$SANITIZER" -Xswiftc "-sanitize=fuzzer,$SANITIZER") ;;
        coverage)
            # OSS-Fuzz "coverage" builds: libFuzzer binaries with profiling,
            # replayed with -runs=0 by the infrastructure.
            flags+=(--sanitize=fuzzer -Xswiftc -profile-generate -Xswiftc -profile-coverage-mapping) ;;
        none)
            flags+=(--sanitize=fuzzer) ;;
        *) die "unsupported SANITIZER=$SANITIZER (address, thread, coverage, none)" ;;
    esac
    printf '%s\n' "${flags[@]}"
}

fuzzer_bin() { local p; p="$(product_of "$1")" || exit 2; echo "$(fuzz_scratch)/$FUZZ_CONFIG/$p"; }

cmd_build() {
    local out="" static=0 names=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --out) [ $# -ge 2 ] || die "--out needs a directory"; out="$2"; shift 2 ;;
            --static-stdlib) static=1; shift ;;
            --sanitizer) [ $# -ge 2 ] || die "--sanitizer needs a value"; SANITIZER="$2"; shift 2 ;;
            -*) die "build: unknown option $1" ;;
            *) names+=("$1"); shift ;;
        esac
    done
    [ ${#names[@]} -gt 0 ] || mapfile -t names < <(harness_names)
    local flags
    mapfile -t flags < <(fuzz_build_flags)
    [ "$static" = 1 ] && flags+=(--static-swift-stdlib)
    # shellcheck disable=SC2206
    local extra=(${SWIFT_BUILD_FLAGS:-})
    local name product bin
    for name in "${names[@]}"; do
        product="$(product_of "$name")"
        note "build $name ($product), SANITIZER=$SANITIZER: swift build ${flags[*]} ${extra[*]} --product $product"
        swift build "${flags[@]}" "${extra[@]}" --product "$product"
        bin="$(fuzzer_bin "$name")"
        [ -x "$bin" ] || die "build produced no $bin"
        # Guard against uninstrumented binaries (the driver pitfall above).
        local probe
        probe="$(LLVM_PROFILE_FILE=/dev/null "$bin" -runs=0 2>&1 </dev/null || true)"
        if ! grep -q 'inline 8-bit counters' <<<"$probe"; then
            echo "$probe" | head -20 >&2
            die "$bin has no SanitizerCoverage instrumentation (libFuzzer would fuzz blind)"
        fi
        note "built $bin ($(grep -o '[0-9]* inline 8-bit counters' <<<"$probe" | head -1))"
        if [ -n "$out" ]; then install_into "$name" "$bin" "$out"; fi
    done
}

# Copy one fuzzer with its dictionary, seed corpus and non-base libraries.
install_into() {
    local name="$1" bin="$2" out="$3"
    mkdir -p "$out"
    cp "$bin" "$out/$name"
    [ -f "Corpus/$name.dict" ] && cp "Corpus/$name.dict" "$out/$name.dict"
    if [ -d "Corpus/$name" ] && [ -n "$(ls -A "Corpus/$name" 2>/dev/null)" ]; then
        rm -f "$out/${name}_seed_corpus.zip"
        if command -v zip >/dev/null 2>&1; then
            zip -q -j -r "$out/${name}_seed_corpus.zip" "Corpus/$name"
        else
            python3 - "$out/${name}_seed_corpus.zip" "Corpus/$name" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for dirpath, _, files in os.walk(sys.argv[2]):
        for f in sorted(files):
            z.write(os.path.join(dirpath, f), arcname=f)
PY
        fi
    fi
    # Shared libraries a runner image may lack (OpenSSL 3, libxml2 and what
    # it links, and the Swift runtime when not linked statically); SwiftPM
    # links with rpath $ORIGIN.
    local lib
    while read -r lib; do
        [ -n "$lib" ] && [ -f "$lib" ] && cp -L -n "$lib" "$out/" || true
    done < <(ldd "$bin" 2>/dev/null | awk '/=> \// {print $3}' \
             | grep -E '/(libcrypto|libssl|libxml2|liblzma|libswift|libdispatch|libBlocksRuntime|libFoundation|lib_Foundation|lib_FoundationICU|libicu)[^/]*\.so' || true)
    # The fuzzer finds its direct dependencies through its RUNPATH $ORIGIN,
    # but a RUNPATH is not inherited: libxml2 needs its own to find the ICU
    # and lzma copies beside it (patchelf is in the ClusterFuzzLite image).
    if [ -f "$out/libxml2.so.2" ]; then
        if command -v patchelf >/dev/null 2>&1; then
            patchelf --set-rpath '$ORIGIN' "$out/libxml2.so.2"
        else
            note "patchelf not found: $out/libxml2.so.2 keeps no RUNPATH (a runner without libxml2 needs LD_LIBRARY_PATH=$out)"
        fi
    fi
    note "installed $out/$name"
}

libfuzzer_flags() {
    local name="$1" seconds="$2" crashes="$3"
    local flags=(
        "-max_total_time=$seconds"
        "-rss_limit_mb=$FUZZ_RSS_MB"
        "-timeout=$FUZZ_TIMEOUT"
        "-artifact_prefix=$crashes/"
        -print_final_stats=1
    )
    [ -n "$FUZZ_MAX_LEN" ] && flags+=("-max_len=$FUZZ_MAX_LEN")
    [ -f "Corpus/$name.dict" ] && flags+=("-dict=Corpus/$name.dict")
    printf '%s\n' "${flags[@]}"
}

# fuzz_once NAME SECONDS WORKDIR LOG [EXTRA...]: one libFuzzer session.
fuzz_once() {
    local name="$1" seconds="$2" work="$3" log="$4"; shift 4
    local bin crashes flags dirs=("$work")
    bin="$(fuzzer_bin "$name")"
    [ -x "$bin" ] || die "$bin missing: run 'Scripts/fuzz.sh build $name' first"
    crashes="$ROOT/Corpus/$name-crashes"
    mkdir -p "$work" "$crashes"
    if [ -d "Corpus/$name" ]; then dirs+=("Corpus/$name"); else note "no Corpus/$name: starting from an empty corpus"; fi
    mapfile -t flags < <(libfuzzer_flags "$name" "$seconds" "$crashes")
    note "fuzz $name for ${seconds}s: $bin ${flags[*]} $* ${dirs[*]}"
    # The outer timeout only guards against a wedged process.
    local rc=0
    timeout --kill-after=30 "$((seconds * 2 + 300))" "$bin" "${flags[@]}" "$@" "${dirs[@]}" 2>&1 | tee "$log" || rc=${PIPESTATUS[0]}
    return "$rc"
}

stat_of() { awk -v k="stat::$2:" '$1 == k {print $2}' "$1" | tail -1; }

summarize() {
    local name="$1" log="$2" rc="$3" runs eps newu rss artifacts
    runs="$(stat_of "$log" number_of_executed_units)"
    eps="$(stat_of "$log" average_exec_per_sec)"
    newu="$(stat_of "$log" new_units_added)"
    rss="$(stat_of "$log" peak_rss_mb)"
    artifacts="$(grep -oE 'Test unit written to [^ ]+' "$log" | sed 's/Test unit written to //' | tr '\n' ' ' || true)"
    local result=ok
    [ "$rc" = 0 ] || result="FAILED(exit $rc)"
    echo "fuzz $name: result=$result execs=${runs:-?} execs_per_s=${eps:-?} new_units=${newu:-?} peak_rss_mb=${rss:-?}${artifacts:+ artifacts=$artifacts}"
}

cmd_run() {
    [ $# -ge 1 ] || die "run NAME [SECONDS] [LIBFUZZER-FLAGS...]"
    local name="$1"; shift
    product_of "$name" >/dev/null
    local seconds=600
    if [ $# -ge 1 ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds="$1"; shift; fi
    local work="$FUZZ_WORK/$name"
    mkdir -p "$work/corpus"
    local rc=0
    fuzz_once "$name" "$seconds" "$work/corpus" "$work/run.log" "$@" || rc=$?
    summarize "$name" "$work/run.log" "$rc"
    [ "$rc" = 0 ] || echo "fuzz.sh: crash artifacts are in Corpus/$name-crashes/ (replay with: Scripts/fuzz.sh replay $name)" >&2
    return "$rc"
}

cmd_merge() {
    [ $# -eq 1 ] || die "merge NAME"
    local name="$1" bin work
    bin="$(fuzzer_bin "$name")"
    [ -x "$bin" ] || die "$bin missing: run 'Scripts/fuzz.sh build $name' first"
    work="$FUZZ_WORK/$name"
    [ -d "$work/corpus" ] || die "nothing to merge: $work/corpus does not exist (run 'Scripts/fuzz.sh run $name' first)"
    mkdir -p "Corpus/$name"
    local before after
    before="$(find "Corpus/$name" -type f | wc -l)"
    local rc=0
    "$bin" -merge=1 "-merge_control_file=$work/merge.control" "-rss_limit_mb=$FUZZ_RSS_MB" "-timeout=$FUZZ_TIMEOUT" \
        "Corpus/$name" "$work/corpus" >"$work/merge.log" 2>&1 || rc=$?
    grep -E '^MERGE-OUTER|ERROR' "$work/merge.log" || true
    [ "$rc" = 0 ] || die "merge failed (exit $rc), see $work/merge.log"
    rm -f "$work/merge.control"
    after="$(find "Corpus/$name" -type f | wc -l)"
    echo "merge $name: Corpus/$name $before -> $after files (from $(find "$work/corpus" -type f | wc -l) in $work/corpus)"
}

cmd_replay() {
    local names=("$@")
    [ ${#names[@]} -gt 0 ] || mapfile -t names < <(harness_names)
    # shellcheck disable=SC2206
    local extra=(${SWIFT_BUILD_FLAGS:-})
    local name product bindir dirs rc=0
    bindir="$(swift build --scratch-path "$REPLAY_SCRATCH" "${extra[@]}" --show-bin-path)"
    for name in "${names[@]}"; do
        product="$(product_of "$name")"
        note "replay $name: swift build --scratch-path $REPLAY_SCRATCH --product $product"
        swift build --scratch-path "$REPLAY_SCRATCH" "${extra[@]}" --product "$product"
        dirs=()
        [ -d "Corpus/$name" ] && dirs+=("Corpus/$name")
        [ -d "Corpus/$name-crashes" ] && dirs+=("Corpus/$name-crashes")
        if [ ${#dirs[@]} -eq 0 ]; then
            echo "replay $name: no Corpus/$name or Corpus/$name-crashes, nothing to replay"
            continue
        fi
        "$bindir/$product" "${dirs[@]}" || { rc=$?; echo "replay $name: FAILED (exit $rc)" >&2; }
    done
    return "$rc"
}

cmd_smoke() {
    local seconds="${1:-60}"
    [[ "$seconds" =~ ^[0-9]+$ ]] || die "smoke [SECONDS]"
    cmd_build
    local name tmp rc failed=0 lines=()
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/mediasec-smoke.XXXXXX")"
    for name in $(harness_names); do
        rc=0
        echo "smoke: fuzzing $name for ${seconds}s" >&2
        fuzz_once "$name" "$seconds" "$tmp/$name" "$tmp/$name.log" >/dev/null 2>&1 || rc=$?
        # Show the tail of the log (the crash report when there is one).
        if [ "$rc" != 0 ]; then tail -60 "$tmp/$name.log" >&2; failed=1; fi
        lines+=("$(summarize "$name" "$tmp/$name.log" "$rc")")
    done
    printf '%s\n' "${lines[@]}"
    rm -rf "$tmp"
    if [ "$failed" != 0 ]; then
        echo "fuzz.sh smoke: FAILED; artifacts in Corpus/*-crashes/ (commit them, fix, replay with Scripts/fuzz.sh replay)" >&2
        return 1
    fi
    echo "fuzz.sh smoke: all $(harness_names | wc -l) harness(es) ran ${seconds}s without a crash"
}

cmd_coverage() {
    [ $# -ge 1 ] || die "coverage NAME [DIR...]"
    local name="$1"; shift
    local product out bindir profdata llvmcov dirs=()
    product="$(product_of "$name")"
    [ -d "Corpus/$name" ] && dirs+=("Corpus/$name")
    [ -d "$FUZZ_WORK/$name/corpus" ] && dirs+=("$FUZZ_WORK/$name/corpus")
    dirs+=("$@")
    [ ${#dirs[@]} -gt 0 ] || die "nothing to replay: no Corpus/$name"
    note "coverage $name over: ${dirs[*]}"
    profdata="$(llvm_tool llvm-profdata)"
    llvmcov="$(llvm_tool llvm-cov)"
    # shellcheck disable=SC2206
    local extra=(${SWIFT_BUILD_FLAGS:-})
    local flags=(--scratch-path "$COVERAGE_SCRATCH" -Xswiftc -profile-generate -Xswiftc -profile-coverage-mapping "${extra[@]}")
    note "coverage build: swift build ${flags[*]} --product $product"
    swift build "${flags[@]}" --product "$product"
    bindir="$(swift build "${flags[@]}" --show-bin-path)"
    out="$FUZZ_WORK/coverage/$name"
    rm -rf "$out"; mkdir -p "$out"
    # Replayer mode (normal build): the same oracle without libFuzzer.
    LLVM_PROFILE_FILE="$out/$name-%p.profraw" "$bindir/$product" "${dirs[@]}"
    "$profdata" merge -sparse "$out"/*.profraw -o "$out/$name.profdata"
    local ignore='(\.build[^/]*/|/checkouts/|/Tests/|/Sources/Fuzz[^/]*/)'
    "$llvmcov" report "$bindir/$product" -instr-profile="$out/$name.profdata" -ignore-filename-regex="$ignore" | tee "$out/report.txt"
    "$llvmcov" show "$bindir/$product" -instr-profile="$out/$name.profdata" -ignore-filename-regex="$ignore" \
        -format=html -output-dir="$out/html" -Xdemangler="$(llvm_tool swift-demangle)" >/dev/null 2>&1 \
        || "$llvmcov" show "$bindir/$product" -instr-profile="$out/$name.profdata" -ignore-filename-regex="$ignore" \
            -format=html -output-dir="$out/html" >/dev/null
    echo "coverage $name: report $out/report.txt, html $out/html/index.html"
}

main() {
    [ $# -ge 1 ] || { usage; exit 2; }
    local cmd="$1"; shift
    case "$cmd" in
        build) cmd_build "$@" ;;
        run) cmd_run "$@" ;;
        merge) cmd_merge "$@" ;;
        replay) cmd_replay "$@" ;;
        smoke) cmd_smoke "$@" ;;
        coverage) cmd_coverage "$@" ;;
        list) local h; for h in "${HARNESSES[@]}"; do echo "${h%%:*} ${h#*:}"; done ;;
        help|-h|--help) usage ;;
        *) usage >&2; exit 2 ;;
    esac
}

main "$@"
