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

# Builds mediasec in release into $SCRATCH and sets MEDIASEC.
build_mediasec() {
    step "swift build -c release --product mediasec"
    swift build -c release --scratch-path "$SCRATCH" --product mediasec >&2
    MEDIASEC="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/mediasec"
    [ -x "$MEDIASEC" ] || die "no $MEDIASEC after the build"
}
