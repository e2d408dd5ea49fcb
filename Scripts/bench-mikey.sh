#!/usr/bin/env bash
# Scripts/bench-mikey.sh: MIKEY parse speed of mediasec against GStreamer's
# MIKEY parser (gst_mikey_message_new_from_data, libgstsdp 1.22), on the same
# messages.
#
#   1. compiles Scripts/bench/gst_mikey_bench.c into a temp dir (gcc -O2);
#   2. builds mediasec in release;
#   3. gst_mikey_bench filters the corpus (each file parsed once in a child
#      under alarm(1): GStreamer loops or asserts on payloads it does not
#      know, FACTS.md §7), lists the skipped files, and times the files it
#      accepted;
#   4. `mediasec bench mikey --corpus DIR --seconds N --files-from LIST` times
#      the same accepted set and the full corpus;
#   5. prints both and the ratio mediasec/gst.
#
# Contract of the lines parsed here (one line each, key=value separated by spaces):
#   gst messages=<n> bytes=<b> seconds=<s> msgs_per_s=<x> mb_per_s=<y> skipped=<k> files=<f>
#   mediasec messages=<n> bytes=<b> seconds=<s> msgs_per_s=<x> mb_per_s=<y> ...
# The first `mediasec ` line of the --files-from run is the GStreamer-accepted
# set; if that run prints a second line, or lines tagged set=files /
# set=corpus, the corpus figure is taken from it, otherwise a second run with
# --corpus alone measures the whole corpus. mediasec counts only messages its
# own decoder accepts (its line carries accepted=/skipped=).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_SECONDS=3
ROUNDS=3
CORPUS="Corpus/mikey"
KEEP_TMP=0
SCRATCH="${BENCH_SCRATCH:-$ROOT/.build}"

usage() {
    cat <<EOF
usage: Scripts/bench-mikey.sh [--seconds N] [--rounds N] [--corpus DIR] [--keep-tmp]

  --seconds N   timing window per measurement (default $BENCH_SECONDS)
  --corpus DIR  MIKEY messages, one per file (default $CORPUS)
  --rounds N    alternate the two parsers N times, keep each one's best (default $ROUNDS)
  --keep-tmp    keep the temp dir (shim binary, file lists, raw outputs)

Needs gcc and GStreamer's development files
(Debian: apt-get install libgstreamer-plugins-base1.0-dev).
Environment: BENCH_SCRATCH (SwiftPM scratch path, default .build).
EOF
}

BENCH_NAME=bench-mikey
# shellcheck source=bench/common.sh
. "$ROOT/Scripts/bench/common.sh"

while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) [ $# -ge 2 ] || die "--seconds needs a value"; BENCH_SECONDS="$2"; shift 2 ;;
        --corpus) [ $# -ge 2 ] || die "--corpus needs a value"; CORPUS="$2"; shift 2 ;;
        --rounds) [ $# -ge 2 ] || die "--rounds needs a value"; ROUNDS="$2"; shift 2 ;;
        --keep-tmp) KEEP_TMP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
[[ "$BENCH_SECONDS" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "bad --seconds '$BENCH_SECONDS'"
[ -d "$CORPUS" ] || die "corpus directory $CORPUS does not exist"

bench_setup



# 1. The GStreamer shim.
step "compile Scripts/bench/gst_mikey_bench.c"
command -v gcc >/dev/null || die "gcc not found (apt-get install gcc)"
pkg-config --exists gstreamer-sdp-1.0 gstreamer-1.0 \
    || die "GStreamer development files not found (apt-get install libgstreamer-plugins-base1.0-dev)"
# shellcheck disable=SC2046
gcc -O2 -o "$TMP/gst_mikey_bench" Scripts/bench/gst_mikey_bench.c \
    $(pkg-config --cflags --libs gstreamer-sdp-1.0 gstreamer-1.0)
echo "   GStreamer $(pkg-config --modversion gstreamer-sdp-1.0)" >&2

# 2. mediasec, release.
build_mediasec

# 3. GStreamer: filter, then time.
find "$CORPUS" -type f ! -name '.*' | LC_ALL=C sort > "$TMP/all.txt"
TOTAL="$(wc -l < "$TMP/all.txt")"
[ "$TOTAL" -gt 0 ] || die "no files in $CORPUS"
step "GStreamer: filter $TOTAL files (one child each, killed after 1 s; loops cost the full second)"
gst_rc=0
"$TMP/gst_mikey_bench" --filter-only --accepted "$TMP/gst-accepted.txt" \
    --files-from "$TMP/all.txt" > "$TMP/gst-filter.out" 2> "$TMP/gst-filter.err" || gst_rc=$?
cat "$TMP/gst-filter.err" >&2
[ "$gst_rc" != 1 ] || die "GStreamer accepted none of the $TOTAL files in $CORPUS: nothing to compare"
[ "$gst_rc" = 0 ] || die "gst_mikey_bench filter failed (exit $gst_rc)"

# Both parsers are timed on the same messages: those both accept.
"$MEDIASEC" bench mikey --files-from "$TMP/gst-accepted.txt" --seconds 0.01 --accepted-out "$TMP/common.txt" > /dev/null
ACCEPTED="$(wc -l < "$TMP/common.txt")"
[ "$ACCEPTED" -gt 0 ] || die "no message is accepted by both parsers"

# Timing alternates the two parsers ROUNDS times and keeps each one's best
# round, so that load from other processes cannot favour either side.
: > "$TMP/gst.out"
: > "$TMP/mediasec.out"
for round in $(seq 1 "$ROUNDS"); do
    step "round $round/$ROUNDS: GStreamer ${BENCH_SECONDS}s, then mediasec ${BENCH_SECONDS}s, on the $ACCEPTED messages both parsers accept"
    gst_rc=0
    "$TMP/gst_mikey_bench" --seconds "$BENCH_SECONDS" --files-from "$TMP/common.txt" >> "$TMP/gst.out" 2> "$TMP/gst.err" || gst_rc=$?
    [ "$gst_rc" = 0 ] || { cat "$TMP/gst.err" >&2; die "gst_mikey_bench failed (exit $gst_rc)"; }
    ms_rc=0
    "$MEDIASEC" bench mikey --seconds "$BENCH_SECONDS" --files-from "$TMP/common.txt" >> "$TMP/mediasec.out" 2> "$TMP/mediasec.err" || ms_rc=$?
    if [ "$ms_rc" != 0 ]; then
        cat "$TMP/mediasec.err" "$TMP/mediasec.out" >&2
        die "'mediasec bench mikey' failed (exit $ms_rc)"
    fi
done
GST_LINE="$(best_line "$TMP/gst.out" gst msgs_per_s)"
[ -n "$GST_LINE" ] || die "gst_mikey_bench printed no 'gst messages=...' line"
MS_SAME="$(best_line "$TMP/mediasec.out" mediasec msgs_per_s)"
[ -n "$MS_SAME" ] || die "'mediasec bench mikey' printed no 'mediasec messages=...' line"
MS_ALL=""
if [ -z "$MS_ALL" ]; then
    # One line per call (--files-from overrides --corpus): a second run
    # measures the whole corpus.
    step "mediasec bench mikey --corpus $CORPUS --seconds $BENCH_SECONDS (all $TOTAL files)"
    ms_rc=0
    "$MEDIASEC" bench mikey --corpus "$CORPUS" --seconds "$BENCH_SECONDS" \
        > "$TMP/mediasec-all.out" 2> "$TMP/mediasec-all.err" || ms_rc=$?
    cat "$TMP/mediasec-all.err" >&2
    [ "$ms_rc" = 0 ] || { cat "$TMP/mediasec-all.out" >&2; die "'mediasec bench mikey --corpus $CORPUS' failed (exit $ms_rc)"; }
    MS_ALL="$(grep -m1 '^mediasec ' "$TMP/mediasec-all.out" || true)"
    [ -n "$MS_ALL" ] || die "'mediasec bench mikey --corpus $CORPUS' printed no 'mediasec messages=...' line"
fi

# 5. Report.
R_MSGS="$(ratio "$(kv "$MS_SAME" msgs_per_s)" "$(kv "$GST_LINE" msgs_per_s)")"
R_MB="$(ratio "$(kv "$MS_SAME" mb_per_s)" "$(kv "$GST_LINE" mb_per_s)")"
echo
echo "MIKEY parse speed: $ACCEPTED of $TOTAL files in $CORPUS accepted by both GStreamer and mediasec ($((TOTAL - ACCEPTED)) skipped)"
echo "$GST_LINE"
echo "$MS_SAME"
echo "$MS_ALL"
echo "ratio mediasec/gst msgs_per_s=$R_MSGS mb_per_s=$R_MB files=$ACCEPTED"
