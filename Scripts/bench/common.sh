# Scripts/bench/common.sh: helpers shared by the Scripts/bench-*.sh
# comparisons. Source it after setting BENCH_NAME, ROOT, SCRATCH, KEEP_TMP.
# Result lines are `label key=value key=value …`.

die() { echo "$BENCH_NAME: $*" >&2; exit 1; }
step() { echo "== $*" >&2; }

# key=value field of a result line.
kv() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p" | head -1; }

# a / b to two decimals ("n/a" when b is 0).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# best_line FILE LABEL FIELD: the line of FILE starting with LABEL whose
# FIELD (e.g. msgs_per_s, mb_per_s) is highest — the best round.
best_line() {
    local best="" bv=-1 line v
    while IFS= read -r line; do
        [[ "$line" == "$2 "* ]] || continue
        v="$(kv "$line" "$3")"
        if awk -v a="$v" -v b="$bv" 'BEGIN { exit !(a > b) }'; then best="$line"; bv="$v"; fi
    done < "$1"
    echo "$best"
}

# Swift on PATH, no backtracer, a temp dir $TMP removed on exit (unless KEEP_TMP=1).
bench_setup() {
    if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    export SWIFT_BACKTRACE=enable=no
    TMP="$(mktemp -d "${TMPDIR:-/tmp}/$BENCH_NAME.XXXXXX")"
    trap 'if [ "$KEEP_TMP" = 1 ]; then echo "$BENCH_NAME: kept $TMP" >&2; else rm -rf "$TMP"; fi' EXIT
}

# Builds mediasec in release into $SCRATCH and sets MEDIASEC (or takes the
# release binary named by MEDIASEC_BIN, when set, without building).
build_mediasec() {
    if [ -n "${MEDIASEC_BIN:-}" ]; then
        [ -x "$MEDIASEC_BIN" ] || die "MEDIASEC_BIN=$MEDIASEC_BIN is not executable"
        MEDIASEC="$MEDIASEC_BIN"
        step "using MEDIASEC_BIN=$MEDIASEC (no build)"
        return
    fi
    step "swift build -c release --product mediasec"
    swift build -c release --scratch-path "$SCRATCH" --product mediasec >&2
    MEDIASEC="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/mediasec"
    [ -x "$MEDIASEC" ] || die "no $MEDIASEC after the build"
}

# Sets CC to a C compiler (honouring CC from the environment).
find_cc() {
    CC="${CC:-$(command -v cc || command -v gcc || true)}"
    [ -n "$CC" ] || die "no C compiler (apt-get install gcc)"
}

# compile_shim OUT SRC PKG HINT: $CC -O2 SRC against pkg-config PKG into
# OUT; HINT says how to install PKG's development files.
compile_shim() {
    pkg-config --exists "$3" || die "$3 development files not found ($4 pkg-config)"
    step "compile $2 against $3 $(pkg-config --modversion "$3")"
    # shellcheck disable=SC2046
    "$CC" -O2 -o "$1" "$2" $(pkg-config --cflags --libs "$3")
}

# list_corpus DIR OUT: the regular files of DIR (dot files excluded),
# sorted, one path a line, into OUT; dies when there are none.
list_corpus() {
    find "$1" -type f ! -name '.*' | LC_ALL=C sort > "$2"
    [ -s "$2" ] || die "no files in $1"
}

# swift_raw_string FILE NAME: the text of `static let NAME = #"""` … `"""#`
# in a Swift source file (an embedded document, e.g. a schema).
swift_raw_string() {
    awk -v n="$2" '$0 ~ "static let " n " = #\"\"\"$" { on = 1; next } on && /^"""#/ { exit } on { print }' "$1"
}

# verdict VALUE OP TARGET (OP: ge, gt, le, lt): "met" or "missed".
verdict() {
    awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
        if (v !~ /^[0-9.]+$/) { print "missed"; exit }
        ok = (op == "ge" && v >= t) || (op == "gt" && v > t) || (op == "le" && v <= t) || (op == "lt" && v < t)
        print (ok ? "met" : "missed") }'
}
