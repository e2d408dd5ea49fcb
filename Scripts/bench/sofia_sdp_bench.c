/* Scripts/bench/sofia_sdp_bench.c: sofia-sip's SDP parser as the peer of
 * `mediasec bench sdp` (Scripts/bench-text.sh).
 *
 * Compiled at benchmark time:
 *   cc -O2 -o sofia_sdp_bench sofia_sdp_bench.c $(pkg-config --cflags --libs sofia-sip-ua)
 *
 * The work timed per message is what a sofia-sip user does to read a body:
 * sdp_parse(home, msg, len, 0) (default flags: the parser's own sanity
 * check runs), sdp_session() to take the result, sdp_parser_free().
 * One su_home_t lives outside the timed loop; every parser allocates its
 * own child home and frees it.
 *
 * Modes (one result line each, key=value, like the mediasec side):
 *   --filter --files-from LIST --accepted OUT
 *       parse each file once; write the paths that give a session (no
 *       parsing error) to OUT; print "sofia-filter files=N accepted=M".
 *   --seconds S --files-from LIST
 *       time parse + free over the files for S seconds:
 *       "sofia messages=… bytes=… seconds=… msgs_per_s=… mb_per_s=… files=…"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BENCH_TOOL "sofia_sdp_bench"
#include "bench_io.h"

#include <sofia-sip/su_alloc.h>
#include <sofia-sip/sdp.h>

/* 1 when sofia-sip returns a session for the input. */
static int accepts(su_home_t *home, const blob *b) {
    sdp_parser_t *p = sdp_parse(home, (const char *)b->data, b->len, 0);
    int ok = p && sdp_session(p) != NULL && sdp_parsing_error(p) == NULL;
    sdp_parser_free(p);
    return ok;
}

int main(int argc, char **argv) {
    const char *list = NULL, *accepted = NULL;
    double seconds = 3;
    int filter = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--filter")) filter = 1;
        else if (!strcmp(argv[i], "--files-from") && i + 1 < argc) list = argv[++i];
        else if (!strcmp(argv[i], "--accepted") && i + 1 < argc) accepted = argv[++i];
        else if (!strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = atof(argv[++i]);
        else { fprintf(stderr, "sofia_sdp_bench: unknown argument %s\n", argv[i]); return 2; }
    }
    if (!list) { fprintf(stderr, "sofia_sdp_bench: --files-from LIST is required\n"); return 2; }

    su_home_t *home = su_home_new(sizeof(su_home_t));
    if (!home) { fprintf(stderr, "sofia_sdp_bench: su_home_new failed\n"); return 2; }
    size_t n = 0;
    blob *files = read_list(list, &n);

    if (filter) {
        FILE *out = accepted ? fopen(accepted, "w") : NULL;
        size_t ok = 0;
        for (size_t i = 0; i < n; i++) {
            if (accepts(home, &files[i])) { ok++; if (out) fprintf(out, "%s\n", files[i].path); }
        }
        if (out) fclose(out);
        printf("sofia-filter files=%zu accepted=%zu\n", n, ok);
        su_home_unref(home);
        return ok ? 0 : 1;
    }
    if (n == 0) { fprintf(stderr, "sofia_sdp_bench: no files\n"); return 1; }

    long count = 0, bytes = 0, perpass = 0, sink = 0;
    for (size_t i = 0; i < n; i++) perpass += files[i].len;
    double start = now(), elapsed = 0;
    do {
        for (size_t i = 0; i < n; i++) {
            sdp_parser_t *p = sdp_parse(home, (const char *)files[i].data, files[i].len, 0);
            sdp_session_t *s = sdp_session(p);
            if (s && s->sdp_media) sink += 1;
            sdp_parser_free(p);
        }
        count += (long)n;
        bytes += perpass;
        elapsed = now() - start;
    } while (elapsed < seconds);
    printf("sofia messages=%ld bytes=%ld seconds=%.3f msgs_per_s=%.0f mb_per_s=%.2f files=%zu sink=%ld\n",
           count, bytes, elapsed, count / elapsed, bytes / elapsed / 1e6, n, sink & 1);
    su_home_unref(home);
    return 0;
}
