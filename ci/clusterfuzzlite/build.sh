#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build script for mediasec's libFuzzer harnesses.
#
# Runs inside gcr.io/oss-fuzz-base/base-builder-swift with the checkout at
# $SRC/mediasec. The infrastructure sets $OUT and $SANITIZER (address, thread,
# or coverage for coverage reports). For every harness listed in
# Scripts/fuzz.sh it puts into $OUT:
#   $OUT/<name>                   the libFuzzer binary (Swift stdlib linked statically)
#   $OUT/<name>.dict              from Corpus/<name>.dict, when present
#   $OUT/<name>_seed_corpus.zip   from Corpus/<name>/
#   $OUT/libcrypto.so.*           OpenSSL, found through the binary's $ORIGIN rpath
#   $OUT/libxml2.so.2 (+ libicu*, liblzma)  libxml2 for the resource-lists code
# Harnesses (Scripts/fuzz.sh list): mikey, der, cms, smime, sdp,
# resource-lists, sip-body.
# The build logic is `Scripts/fuzz.sh build`, the same command developers and
# .ci/run use, so the flags cannot drift (see the notes at the top of that
# script on the swift-driver -sanitize pitfall).

cd "$SRC/mediasec"

# The Swift-aware llvm-symbolizer for readable stack traces. precompile_swift
# also exports SWIFTFLAGS/SWIFT6_2FLAGS, which are deliberately not used:
# their `--sanitize=fuzzer --sanitize=$SANITIZER` yields uninstrumented Swift
# code on Swift 6.3 (only the last -sanitize= reaches the frontend).
if command -v precompile_swift >/dev/null 2>&1; then
    # shellcheck disable=SC1091
    . precompile_swift
fi

SANITIZER="${SANITIZER:-address}" Scripts/fuzz.sh build --static-stdlib --out "$OUT"
