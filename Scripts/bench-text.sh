#!/usr/bin/env bash
# Scripts/bench-text.sh: the text formats in one benchmark run — SDP against
# sofia-sip's sdp_parse, resource-lists against libxml2 alone and libxml2 +
# XSD validation — on the same in-memory inputs, plus the hostile-input
# figures of both.
#
#   1. compiles Scripts/bench/sofia_sdp_bench.c (pkg-config sofia-sip-ua)
#      and Scripts/bench/libxml2_rl_bench.c (pkg-config libxml-2.0) into a
#      temp dir;
#   2. builds mediasec in release;
#   3. SDP: the corpus (default Corpus/sdp) is filtered by sofia-sip (a
#      session and no parsing error) and then by mediasec's line decoder
#      (`bench sdp --accepted-out`); on the intersection, alternating ROUNDS
#      times and keeping each side's best: sofia's sdp_parse + free, and
#      mediasec's parse + full validation (`SDPValidator`: typed attributes,
#      every applicable profile, the nested MIKEY message of a=key-mgmt);
#      mediasec's line decoder alone is timed too, for reference;
#   4. resource-lists: the corpus (default Corpus/resource-lists) is
#      filtered by libxml2 (no error, no DOCTYPE) and then by mediasec's
#      decoder; on the intersection, alternating: libxml2's xmlReadMemory
#      with the decoder's options, mediasec's full decode
#      (`ResourceListsDecoder`: hardened parse, tree, positions, model),
#      libxml2's xmlReadMemory + xmlSchemaValidateDoc (the embedded IANA
#      schemas, written to the temp dir and compiled once, outside the
#      timed loop), and mediasec's decode + rfc4826/rfc5364 rules;
#   5. hostile input: `mediasec bench sdp-bad-input` (1 MiB one-attribute
#      lines, 100 000 short lines) and `bench resource-lists-bad-input`
#      (1 MiB documents) at growing sizes: ns/byte and peak RSS growth;
#   6. prints every line, the ratios and the targets (met / missed):
#      SDP parse+validate ≥ 1× sofia's parse (messages/s); resource-lists
#      decode time ≤ 1.5× libxml2's parse; decode faster than libxml2
#      parse + XSD.
#
# Result lines (one each, key=value separated by spaces):
#   sofia messages=<n> bytes=<b> seconds=<s> msgs_per_s=<x> mb_per_s=<y> files=<f>
#   mediasec-sdp messages=… msgs_per_s=… mb_per_s=… accepted=<a> skipped=<k> stage=validate findings=<n>
#   mediasec-sdp-parse messages=… stage=parse
#   libxml2-parse messages=… msgs_per_s=… mb_per_s=… files=<f>
#   libxml2-xsd messages=… msgs_per_s=… mb_per_s=… files=<f> invalid=<i>
#   mediasec-rl messages=… stage=decode
#   mediasec-rl-validate messages=… stage=validate
#   ratio sdp mediasec/sofia msgs_per_s=<r> mb_per_s=<r> files=<n> target=>=1.00 <met|missed>
#   ratio resource-lists time mediasec-decode/libxml2-parse=<r> files=<n> target=<=1.50 <met|missed>
#   ratio resource-lists time mediasec-decode/libxml2-xsd=<r> files=<n> target=<1.00 <met|missed>
#   ratio resource-lists time mediasec-validate/libxml2-xsd=<r> files=<n> (reference)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_SECONDS=3
ROUNDS=3
SDP_CORPUS="Corpus/sdp"
RL_CORPUS="Corpus/resource-lists"
ONLY=all
KEEP_TMP=0
SKIP_HOSTILE=0
SCRATCH="${BENCH_SCRATCH:-$ROOT/.build}"

usage() {
    cat <<USAGE
usage: Scripts/bench-text.sh [--seconds N] [--rounds N] [--sdp-corpus DIR] [--resource-lists-corpus DIR]
                             [--only sdp|resource-lists] [--no-hostile] [--keep-tmp]

  --seconds N                   timing window per measurement (default $BENCH_SECONDS)
  --rounds N                    alternate the sides N times, keep each one's best (default $ROUNDS)
  --sdp-corpus DIR              session descriptions, one per file (default $SDP_CORPUS)
  --resource-lists-corpus DIR   resource-lists documents, one per file (default $RL_CORPUS)
  --only FORMAT                 run only the sdp or the resource-lists part
  --no-hostile                  skip the hostile-input measurements
  --keep-tmp                    keep the temp dir (shims, schemas, file lists, raw outputs)

Needs a C compiler, pkg-config, sofia-sip's and libxml2's development files
(Debian: apt-get install gcc pkg-config libsofia-sip-ua-dev libxml2-dev).
Environment: BENCH_SCRATCH (SwiftPM scratch path, default .build), MEDIASEC_BIN (a
release mediasec to use instead of building one), CC.
USAGE
}

BENCH_NAME=bench-text
# shellcheck source=bench/common.sh
. "$ROOT/Scripts/bench/common.sh"

while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) [ $# -ge 2 ] || die "--seconds needs a value"; BENCH_SECONDS="$2"; shift 2 ;;
        --rounds) [ $# -ge 2 ] || die "--rounds needs a value"; ROUNDS="$2"; shift 2 ;;
        --sdp-corpus) [ $# -ge 2 ] || die "--sdp-corpus needs a value"; SDP_CORPUS="$2"; shift 2 ;;
        --resource-lists-corpus) [ $# -ge 2 ] || die "--resource-lists-corpus needs a value"; RL_CORPUS="$2"; shift 2 ;;
        --only) [ $# -ge 2 ] || die "--only needs a value"; ONLY="$2"; shift 2 ;;
        --no-hostile) SKIP_HOSTILE=1; shift ;;
        --keep-tmp) KEEP_TMP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
[[ "$BENCH_SECONDS" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "bad --seconds '$BENCH_SECONDS'"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "bad --rounds '$ROUNDS'"
case "$ONLY" in all|sdp|resource-lists) ;; *) die "--only sdp|resource-lists" ;; esac
DO_SDP=0; DO_RL=0
[ "$ONLY" = resource-lists ] || DO_SDP=1
[ "$ONLY" = sdp ] || DO_RL=1
if [ "$DO_SDP" = 1 ]; then [ -d "$SDP_CORPUS" ] || die "SDP corpus directory $SDP_CORPUS does not exist (--sdp-corpus DIR)"; fi
if [ "$DO_RL" = 1 ]; then [ -d "$RL_CORPUS" ] || die "resource-lists corpus directory $RL_CORPUS does not exist (--resource-lists-corpus DIR)"; fi

bench_setup

# 1. The shims.
find_cc
if [ "$DO_SDP" = 1 ]; then
    compile_shim "$TMP/sofia_sdp_bench" Scripts/bench/sofia_sdp_bench.c sofia-sip-ua "apt-get install libsofia-sip-ua-dev"
    SOFIA="$TMP/sofia_sdp_bench"
fi
if [ "$DO_RL" = 1 ]; then
    compile_shim "$TMP/libxml2_rl_bench" Scripts/bench/libxml2_rl_bench.c libxml-2.0 "apt-get install libxml2-dev"
    LIBXML2="$TMP/libxml2_rl_bench"
fi

# 2. mediasec, release.
build_mediasec

# 3. SDP.
if [ "$DO_SDP" = 1 ]; then
    list_corpus "$SDP_CORPUS" "$TMP/sdp-all.txt"
    SDP_TOTAL="$(wc -l < "$TMP/sdp-all.txt")"
    step "SDP: filter $SDP_TOTAL files: sofia-sip sdp_parse, then mediasec's line decoder"
    "$SOFIA" --filter --files-from "$TMP/sdp-all.txt" --accepted "$TMP/sdp-sofia.txt" >&2 || die "sofia-sip accepted none of the files in $SDP_CORPUS"
    "$MEDIASEC" bench sdp --files-from "$TMP/sdp-sofia.txt" --seconds 0.01 --accepted-out "$TMP/sdp-common.txt" > /dev/null \
        || die "mediasec accepted none of the files sofia-sip accepts"
    SDP_SOFIA_OK="$(wc -l < "$TMP/sdp-sofia.txt")"
    SDP_COMMON="$(wc -l < "$TMP/sdp-common.txt")"
    SDP_MS_ALL_OK="$("$MEDIASEC" bench sdp --files-from "$TMP/sdp-all.txt" --seconds 0.01 | sed -n 's/.* accepted=\([0-9]*\).*/\1/p')"
    : > "$TMP/sofia.out"; : > "$TMP/sdp-ms.out"; : > "$TMP/sdp-ms-parse.out"
    for round in $(seq 1 "$ROUNDS"); do
        step "SDP round $round/$ROUNDS: sofia ${BENCH_SECONDS}s, mediasec parse+validate ${BENCH_SECONDS}s, mediasec parse ${BENCH_SECONDS}s, on the $SDP_COMMON files both accept"
        "$SOFIA" --seconds "$BENCH_SECONDS" --files-from "$TMP/sdp-common.txt" >> "$TMP/sofia.out"
        "$MEDIASEC" bench sdp --label mediasec-sdp --seconds "$BENCH_SECONDS" --files-from "$TMP/sdp-common.txt" >> "$TMP/sdp-ms.out"
        "$MEDIASEC" bench sdp --label mediasec-sdp-parse --stage parse --seconds "$BENCH_SECONDS" --files-from "$TMP/sdp-common.txt" >> "$TMP/sdp-ms-parse.out"
    done
    SOFIA_LINE="$(best_line "$TMP/sofia.out" sofia msgs_per_s)"
    SDP_MS_LINE="$(best_line "$TMP/sdp-ms.out" mediasec-sdp msgs_per_s)"
    SDP_PARSE_LINE="$(best_line "$TMP/sdp-ms-parse.out" mediasec-sdp-parse msgs_per_s)"
    [ -n "$SOFIA_LINE" ] && [ -n "$SDP_MS_LINE" ] && [ -n "$SDP_PARSE_LINE" ] || die "missing SDP result lines"
fi

# 4. resource-lists.
if [ "$DO_RL" = 1 ]; then
    # The schemas mediasec embeds, as files whose imports point at each other.
    schemas="Sources/ResourceLists/Schemas/EmbeddedSchemas.swift"
    mkdir -p "$TMP/xsd"
    swift_raw_string "$schemas" ianaCopyControl \
        | sed 's#schemaLocation="urn:ietf:params:xml:schema:resource-lists"#schemaLocation="resource-lists.xsd"#' > "$TMP/xsd/copycontrol.xsd"
    swift_raw_string "$schemas" ianaResourceLists \
        | sed 's#schemaLocation="http://www.w3.org/2001/xml.xsd"#schemaLocation="xml.xsd"#' > "$TMP/xsd/resource-lists.xsd"
    swift_raw_string "$schemas" xmlNamespace > "$TMP/xsd/xml.xsd"
    for f in copycontrol resource-lists xml; do [ -s "$TMP/xsd/$f.xsd" ] || die "could not extract $f.xsd from $schemas"; done

    list_corpus "$RL_CORPUS" "$TMP/rl-all.txt"
    RL_TOTAL="$(wc -l < "$TMP/rl-all.txt")"
    step "resource-lists: filter $RL_TOTAL files: libxml2 xmlReadMemory, then mediasec's decoder"
    "$LIBXML2" --filter --files-from "$TMP/rl-all.txt" --accepted "$TMP/rl-libxml2.txt" >&2 || die "libxml2 accepted none of the files in $RL_CORPUS"
    "$MEDIASEC" bench resource-lists --files-from "$TMP/rl-libxml2.txt" --seconds 0.01 --accepted-out "$TMP/rl-common.txt" > /dev/null \
        || die "mediasec accepted none of the files libxml2 accepts"
    RL_LIBXML2_OK="$(wc -l < "$TMP/rl-libxml2.txt")"
    RL_COMMON="$(wc -l < "$TMP/rl-common.txt")"
    RL_MS_ALL_OK="$("$MEDIASEC" bench resource-lists --files-from "$TMP/rl-all.txt" --seconds 0.01 | sed -n 's/.* accepted=\([0-9]*\).*/\1/p')"
    : > "$TMP/libxml2.out"; : > "$TMP/libxml2-xsd.out"; : > "$TMP/rl-ms.out"; : > "$TMP/rl-ms-validate.out"
    for round in $(seq 1 "$ROUNDS"); do
        step "resource-lists round $round/$ROUNDS: libxml2 parse, mediasec decode, libxml2 parse+XSD, mediasec decode+rules, ${BENCH_SECONDS}s each, on the $RL_COMMON files both accept"
        "$LIBXML2" --seconds "$BENCH_SECONDS" --files-from "$TMP/rl-common.txt" >> "$TMP/libxml2.out"
        "$MEDIASEC" bench resource-lists --label mediasec-rl --seconds "$BENCH_SECONDS" --files-from "$TMP/rl-common.txt" >> "$TMP/rl-ms.out"
        "$LIBXML2" --seconds "$BENCH_SECONDS" --files-from "$TMP/rl-common.txt" --schema "$TMP/xsd/copycontrol.xsd" >> "$TMP/libxml2-xsd.out"
        "$MEDIASEC" bench resource-lists --label mediasec-rl-validate --stage validate --seconds "$BENCH_SECONDS" --files-from "$TMP/rl-common.txt" >> "$TMP/rl-ms-validate.out"
    done
    XML_LINE="$(best_line "$TMP/libxml2.out" libxml2-parse msgs_per_s)"
    XSD_LINE="$(best_line "$TMP/libxml2-xsd.out" libxml2-xsd msgs_per_s)"
    RL_MS_LINE="$(best_line "$TMP/rl-ms.out" mediasec-rl msgs_per_s)"
    RL_VAL_LINE="$(best_line "$TMP/rl-ms-validate.out" mediasec-rl-validate msgs_per_s)"
    [ -n "$XML_LINE" ] && [ -n "$XSD_LINE" ] && [ -n "$RL_MS_LINE" ] && [ -n "$RL_VAL_LINE" ] || die "missing resource-lists result lines"
fi

# 5. Hostile input.
if [ "$SKIP_HOSTILE" = 0 ]; then
    if [ "$DO_SDP" = 1 ]; then
        step "hostile input: mediasec bench sdp-bad-input"
        "$MEDIASEC" bench sdp-bad-input > "$TMP/sdp-hostile.out"
    fi
    if [ "$DO_RL" = 1 ]; then
        step "hostile input: mediasec bench resource-lists-bad-input"
        "$MEDIASEC" bench resource-lists-bad-input > "$TMP/rl-hostile.out"
    fi
fi

# 6. Report.
if [ "$DO_SDP" = 1 ]; then
    R_MSGS="$(ratio "$(kv "$SDP_MS_LINE" msgs_per_s)" "$(kv "$SOFIA_LINE" msgs_per_s)")"
    R_MB="$(ratio "$(kv "$SDP_MS_LINE" mb_per_s)" "$(kv "$SOFIA_LINE" mb_per_s)")"
    echo
    echo "SDP: $SDP_COMMON files accepted by both (of $SDP_TOTAL in $SDP_CORPUS: sofia-sip accepts $SDP_SOFIA_OK, mediasec $SDP_MS_ALL_OK)"
    echo "$SOFIA_LINE"
    echo "$SDP_MS_LINE"
    echo "$SDP_PARSE_LINE"
    echo "ratio sdp mediasec/sofia msgs_per_s=$R_MSGS mb_per_s=$R_MB files=$SDP_COMMON target=>=1.00 $(verdict "$R_MSGS" ge 1)"
fi
if [ "$DO_RL" = 1 ]; then
    # Time ratios: the peer's rate over mediasec's (time per document).
    T_PARSE="$(ratio "$(kv "$XML_LINE" msgs_per_s)" "$(kv "$RL_MS_LINE" msgs_per_s)")"
    T_XSD="$(ratio "$(kv "$XSD_LINE" msgs_per_s)" "$(kv "$RL_MS_LINE" msgs_per_s)")"
    T_VAL="$(ratio "$(kv "$XSD_LINE" msgs_per_s)" "$(kv "$RL_VAL_LINE" msgs_per_s)")"
    echo
    echo "resource-lists: $RL_COMMON files accepted by both (of $RL_TOTAL in $RL_CORPUS: libxml2 accepts $RL_LIBXML2_OK, mediasec $RL_MS_ALL_OK)"
    echo "$XML_LINE"
    echo "$RL_MS_LINE"
    echo "$XSD_LINE"
    echo "$RL_VAL_LINE"
    echo "ratio resource-lists time mediasec-decode/libxml2-parse=$T_PARSE files=$RL_COMMON target=<=1.50 $(verdict "$T_PARSE" le 1.5)"
    echo "ratio resource-lists time mediasec-decode/libxml2-xsd=$T_XSD files=$RL_COMMON target=<1.00 $(verdict "$T_XSD" lt 1)"
    echo "ratio resource-lists time mediasec-validate/libxml2-xsd=$T_VAL files=$RL_COMMON (reference)"
fi
if [ "$SKIP_HOSTILE" = 0 ]; then
    if [ "$DO_SDP" = 1 ]; then
        echo
        echo "SDP hostile input (mediasec, parse + full validation):"
        cat "$TMP/sdp-hostile.out"
    fi
    if [ "$DO_RL" = 1 ]; then
        echo
        echo "resource-lists hostile input (mediasec, decode + rules):"
        cat "$TMP/rl-hostile.out"
    fi
fi
