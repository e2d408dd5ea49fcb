#!/usr/bin/env bash
# Scripts/bench-cms.sh: CMS speed of mediasec against OpenSSL's CMS code
# (libcrypto 3.x, d2i_CMS_ContentInfo / CMS_decrypt), on the same inputs.
#
#   1. compiles Scripts/bench/openssl_cms_bench.c into a temp dir
#      (cc -O2 $(pkg-config --cflags --libs libcrypto));
#   2. builds mediasec in release;
#   3. structure decode: the corpus (default Corpus/cms, the CMS vector
#      inputs) is filtered by both sides — OpenSSL's d2i (whole input
#      consumed) and `mediasec bench cms --accepted-out` (BER rules, as the
#      peer) — and both are timed on the intersection, alternating ROUNDS
#      times and keeping each one's best;
#   4. decrypt and verify: `mediasec bench cms-decrypt --write-dir` builds
#      1 KiB and 64 KiB AES-128-GCM messages with a KEK recipient (ICVlen 16,
#      which OpenSSL 3.0 opens: FACTS.md §10 item 16) and times decode +
#      unwrap + open; the shim times d2i + CMS_decrypt_set1_key + CMS_decrypt
#      on the same files;
#   5. hostile input: `mediasec bench cms-bad-input` (1 MiB nesting, 1 MiB
#      of indefinite-length segments at growing sizes: ns/byte, peak RSS);
#   6. prints every line and the ratios mediasec/openssl.
#
# Result lines (one each, key=value separated by spaces):
#   openssl messages=<n> bytes=<b> seconds=<s> msgs_per_s=<x> mb_per_s=<y> files=<f>
#   mediasec messages=<n> bytes=<b> seconds=<s> msgs_per_s=<x> mb_per_s=<y> accepted=<a> skipped=<k> rules=ber
#   openssl-decrypt size=<n> messages=<m> seconds=<s> msgs_per_s=<x> mb_per_s=<y>
#   mediasec-decrypt size=<n> messages=<m> seconds=<s> msgs_per_s=<x> mb_per_s=<y>
#   ratio structure msgs_per_s=<r> mb_per_s=<r> files=<n>
#   ratio decrypt size=<n> mb_per_s=<r>
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_SECONDS=3
ROUNDS=3
CORPUS="Corpus/cms"
KEEP_TMP=0
SKIP_HOSTILE=0
SCRATCH="${BENCH_SCRATCH:-$ROOT/.build}"

usage() {
    cat <<USAGE
usage: Scripts/bench-cms.sh [--seconds N] [--rounds N] [--corpus DIR] [--no-hostile] [--keep-tmp]

  --seconds N    timing window per measurement (default $BENCH_SECONDS)
  --rounds N     alternate the two sides N times, keep each one's best (default $ROUNDS)
  --corpus DIR   CMS messages, one per file (default $CORPUS)
  --no-hostile   skip the hostile-input measurements
  --keep-tmp     keep the temp dir (shim binary, file lists, raw outputs)

Needs a C compiler, pkg-config and libcrypto's development files
(Debian: apt-get install gcc pkg-config libssl-dev).
Environment: BENCH_SCRATCH (SwiftPM scratch path, default .build), CC.
USAGE
}

BENCH_NAME=bench-cms
# shellcheck source=bench/common.sh
. "$ROOT/Scripts/bench/common.sh"

while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) [ $# -ge 2 ] || die "--seconds needs a value"; BENCH_SECONDS="$2"; shift 2 ;;
        --rounds) [ $# -ge 2 ] || die "--rounds needs a value"; ROUNDS="$2"; shift 2 ;;
        --corpus) [ $# -ge 2 ] || die "--corpus needs a value"; CORPUS="$2"; shift 2 ;;
        --no-hostile) SKIP_HOSTILE=1; shift ;;
        --keep-tmp) KEEP_TMP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
[[ "$BENCH_SECONDS" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "bad --seconds '$BENCH_SECONDS'"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "bad --rounds '$ROUNDS'"
[ -d "$CORPUS" ] || die "corpus directory $CORPUS does not exist"

bench_setup


# 1. The OpenSSL shim.
CC="${CC:-$(command -v cc || command -v gcc || true)}"
[ -n "$CC" ] || die "no C compiler (apt-get install gcc)"
pkg-config --exists libcrypto || die "libcrypto development files not found (apt-get install libssl-dev pkg-config)"
step "compile Scripts/bench/openssl_cms_bench.c against libcrypto $(pkg-config --modversion libcrypto)"
# shellcheck disable=SC2046
"$CC" -O2 -o "$TMP/openssl_cms_bench" Scripts/bench/openssl_cms_bench.c $(pkg-config --cflags --libs libcrypto)
SHIM="$TMP/openssl_cms_bench"

# 2. mediasec, release.
build_mediasec

# 3. Structure decode on the intersection.
find "$CORPUS" -type f ! -name '.*' | LC_ALL=C sort > "$TMP/all.txt"
TOTAL="$(wc -l < "$TMP/all.txt")"
[ "$TOTAL" -gt 0 ] || die "no files in $CORPUS"
step "filter $TOTAL files: OpenSSL d2i_CMS_ContentInfo, then mediasec (BER rules)"
"$SHIM" --filter --files-from "$TMP/all.txt" --accepted "$TMP/openssl-accepted.txt" >&2 || die "OpenSSL accepted none of the files"
"$MEDIASEC" bench cms --files-from "$TMP/openssl-accepted.txt" --seconds 0.01 --accepted-out "$TMP/common.txt" > /dev/null
OPENSSL_OK="$(wc -l < "$TMP/openssl-accepted.txt")"
COMMON="$(wc -l < "$TMP/common.txt")"
MEDIASEC_ALL_OK="$("$MEDIASEC" bench cms --files-from "$TMP/all.txt" --seconds 0.01 | sed -n 's/.* accepted=\([0-9]*\).*/\1/p')"
[ "$COMMON" -gt 0 ] || die "no file is accepted by both"
: > "$TMP/openssl.out"; : > "$TMP/mediasec.out"
for round in $(seq 1 "$ROUNDS"); do
    step "round $round/$ROUNDS: OpenSSL ${BENCH_SECONDS}s, then mediasec ${BENCH_SECONDS}s, on the $COMMON files both accept"
    "$SHIM" --seconds "$BENCH_SECONDS" --files-from "$TMP/common.txt" >> "$TMP/openssl.out"
    "$MEDIASEC" bench cms --seconds "$BENCH_SECONDS" --files-from "$TMP/common.txt" >> "$TMP/mediasec.out"
done
OSSL_LINE="$(best_line "$TMP/openssl.out" openssl mb_per_s)"
MS_LINE="$(best_line "$TMP/mediasec.out" mediasec mb_per_s)"
[ -n "$OSSL_LINE" ] && [ -n "$MS_LINE" ] || die "missing result lines"

# 4. Decrypt and verify.
step "decrypt and verify: 1 KiB and 64 KiB AES-128-GCM, KEK recipient"
"$MEDIASEC" bench cms-decrypt --seconds 0.01 --write-dir "$TMP/dec" > /dev/null
: > "$TMP/dec-openssl.out"; : > "$TMP/dec-mediasec.out"
for round in $(seq 1 "$ROUNDS"); do
    for size in 1024 65536; do
        "$SHIM" --decrypt "$TMP/dec/cms-$size.der" --kek "$(cat "$TMP/dec/kek.hex")" --kekid "$(cat "$TMP/dec/kekid.hex")" \
            --seconds "$BENCH_SECONDS" --size "$size" >> "$TMP/dec-openssl.out"
    done
    "$MEDIASEC" bench cms-decrypt --seconds "$BENCH_SECONDS" >> "$TMP/dec-mediasec.out"
done

# 5. Hostile input.
if [ "$SKIP_HOSTILE" = 0 ]; then
    step "hostile input: mediasec bench cms-bad-input"
    "$MEDIASEC" bench cms-bad-input > "$TMP/hostile.out"
fi

# 6. Report.
echo
echo "CMS structure decode: $COMMON files accepted by both (of $TOTAL in $CORPUS: OpenSSL accepts $OPENSSL_OK, mediasec --rules ber $MEDIASEC_ALL_OK)"
echo "$OSSL_LINE"
echo "$MS_LINE"
echo "ratio structure msgs_per_s=$(ratio "$(kv "$MS_LINE" msgs_per_s)" "$(kv "$OSSL_LINE" msgs_per_s)") mb_per_s=$(ratio "$(kv "$MS_LINE" mb_per_s)" "$(kv "$OSSL_LINE" mb_per_s)") files=$COMMON"
echo
echo "CMS decrypt and verify (AES-128-GCM, id-aes128-wrap kekri, ICVlen 16):"
for size in 1024 65536; do
    grep "^openssl-decrypt size=$size " "$TMP/dec-openssl.out" > "$TMP/o.$size" || true
    grep "^mediasec-decrypt size=$size " "$TMP/dec-mediasec.out" > "$TMP/m.$size" || true
    O="$(best_line "$TMP/o.$size" openssl-decrypt mb_per_s)"
    M="$(best_line "$TMP/m.$size" mediasec-decrypt mb_per_s)"
    echo "$O"
    echo "$M"
    echo "ratio decrypt size=$size mb_per_s=$(ratio "$(kv "$M" mb_per_s)" "$(kv "$O" mb_per_s)")"
done
if [ "$SKIP_HOSTILE" = 0 ]; then
    echo
    echo "CMS hostile input (mediasec):"
    cat "$TMP/hostile.out"
fi
