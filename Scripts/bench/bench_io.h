/* Scripts/bench/bench_io.h: what every peer shim shares (included by
 * openssl_cms_bench.c, sofia_sdp_bench.c and libxml2_rl_bench.c): a
 * monotonic clock, and loading the input files named one per line in a
 * list file (--files-from) into memory before anything is timed.
 * Define BENCH_TOOL (the shim's name, for messages) before including. */
#ifndef MEDIASEC_BENCH_IO_H
#define MEDIASEC_BENCH_IO_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef BENCH_TOOL
#error "define BENCH_TOOL before including bench_io.h"
#endif

/* One input file, whole. */
typedef struct { unsigned char *data; long len; char *path; } blob;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n);
    if (!q) { fprintf(stderr, BENCH_TOOL ": out of memory\n"); exit(2); }
    return q;
}

/* 0 and *b filled, or -1 when the file cannot be opened. */
static int read_file(const char *path, blob *b) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    size_t cap = 4096, n = 0;
    unsigned char *buf = xrealloc(NULL, cap);
    for (;;) {
        if (n == cap) { cap *= 2; buf = xrealloc(buf, cap); }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    fclose(f);
    b->data = buf;
    b->len = (long)n;
    b->path = strdup(path);
    return 0;
}

/* Every readable file named in LIST (blank lines skipped); exits 2 when LIST cannot be read. */
static blob *read_list(const char *list, size_t *count) {
    FILE *f = fopen(list, "r");
    if (!f) { fprintf(stderr, BENCH_TOOL ": cannot read %s\n", list); exit(2); }
    size_t cap = 256, n = 0;
    blob *out = xrealloc(NULL, cap * sizeof(blob));
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0]) continue;
        if (n == cap) { cap *= 2; out = xrealloc(out, cap * sizeof(blob)); }
        if (read_file(line, &out[n]) == 0) n++;
    }
    fclose(f);
    *count = n;
    return out;
}

#endif
