/* Scripts/bench/openssl_cms_bench.c: OpenSSL's CMS as the peer of
 * `mediasec bench cms` / `bench cms-decrypt` (Scripts/bench-cms.sh).
 *
 * Compiled at benchmark time:
 *   cc -O2 -o openssl_cms_bench openssl_cms_bench.c $(pkg-config --cflags --libs libcrypto)
 *
 * Modes (one result line each, key=value, like the mediasec side):
 *   --filter --files-from LIST --accepted OUT
 *       d2i_CMS_ContentInfo each file once; write the paths it accepts (all
 *       octets consumed) to OUT; print "openssl-filter files=N accepted=M".
 *   --seconds S --files-from LIST
 *       time d2i_CMS_ContentInfo + CMS_ContentInfo_free over the files for S
 *       seconds: "openssl messages=… bytes=… seconds=… msgs_per_s=… mb_per_s=…"
 *   --decrypt FILE --kek HEX --kekid HEX --seconds S [--size N]
 *       time d2i + CMS_decrypt_set1_key + CMS_decrypt (AuthEnvelopedData:
 *       AES-GCM open and tag check) into a memory BIO:
 *       "openssl-decrypt size=N messages=… seconds=… msgs_per_s=… mb_per_s=…"
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BENCH_TOOL "openssl_cms_bench"
#include "bench_io.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>

/* 1 when OpenSSL decodes the whole input as a CMS ContentInfo. */
static int accepts(const blob *b) {
    const unsigned char *p = b->data;
    CMS_ContentInfo *ci = d2i_CMS_ContentInfo(NULL, &p, b->len);
    if (!ci) { ERR_clear_error(); return 0; }
    int whole = (p == b->data + b->len);
    CMS_ContentInfo_free(ci);
    return whole;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static size_t unhex(const char *s, unsigned char *out, size_t cap) {
    size_t n = 0;
    while (s[0] && s[1] && n < cap) {
        int h = hexval(s[0]), l = hexval(s[1]);
        if (h < 0 || l < 0) break;
        out[n++] = (unsigned char)(h << 4 | l);
        s += 2;
    }
    return n;
}

int main(int argc, char **argv) {
    const char *list = NULL, *accepted = NULL, *decrypt = NULL, *kekhex = NULL, *kidhex = NULL;
    double seconds = 3;
    int filter = 0;
    long size = -1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--filter")) filter = 1;
        else if (!strcmp(argv[i], "--files-from") && i + 1 < argc) list = argv[++i];
        else if (!strcmp(argv[i], "--accepted") && i + 1 < argc) accepted = argv[++i];
        else if (!strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = atof(argv[++i]);
        else if (!strcmp(argv[i], "--decrypt") && i + 1 < argc) decrypt = argv[++i];
        else if (!strcmp(argv[i], "--kek") && i + 1 < argc) kekhex = argv[++i];
        else if (!strcmp(argv[i], "--kekid") && i + 1 < argc) kidhex = argv[++i];
        else if (!strcmp(argv[i], "--size") && i + 1 < argc) size = atol(argv[++i]);
        else { fprintf(stderr, "openssl_cms_bench: unknown argument %s\n", argv[i]); return 2; }
    }

    if (decrypt) {
        blob b;
        if (read_file(decrypt, &b) != 0 || !kekhex || !kidhex) { fprintf(stderr, "openssl_cms_bench: --decrypt FILE --kek HEX --kekid HEX\n"); return 2; }
        unsigned char kek[32], kid[64];
        size_t keklen = unhex(kekhex, kek, sizeof kek), kidlen = unhex(kidhex, kid, sizeof kid);
        long count = 0, plain = 0;
        double start = now(), elapsed = 0;
        do {
            for (int k = 0; k < 16; k++) {
                const unsigned char *p = b.data;
                CMS_ContentInfo *ci = d2i_CMS_ContentInfo(NULL, &p, b.len);
                BIO *out = BIO_new(BIO_s_mem());
                if (!ci || !CMS_decrypt_set1_key(ci, kek, keklen, kid, kidlen) || !CMS_decrypt(ci, NULL, NULL, NULL, out, CMS_BINARY)) {
                    fprintf(stderr, "openssl_cms_bench: OpenSSL cannot decrypt %s\n", decrypt);
                    ERR_print_errors_fp(stderr);
                    return 1;
                }
                plain = BIO_ctrl_pending(out);
                BIO_free(out);
                CMS_ContentInfo_free(ci);
            }
            count += 16;
            elapsed = now() - start;
        } while (elapsed < seconds);
        if (size < 0) size = plain;
        printf("openssl-decrypt size=%ld messages=%ld seconds=%.3f msgs_per_s=%.0f mb_per_s=%.2f message_bytes=%ld\n",
               size, count, elapsed, count / elapsed, (double)count * (double)plain / elapsed / 1e6, b.len);
        return 0;
    }

    if (!list) { fprintf(stderr, "openssl_cms_bench: --files-from LIST is required\n"); return 2; }
    size_t n = 0;
    blob *files = read_list(list, &n);
    if (filter) {
        FILE *out = accepted ? fopen(accepted, "w") : NULL;
        size_t ok = 0;
        for (size_t i = 0; i < n; i++) {
            if (accepts(&files[i])) { ok++; if (out) fprintf(out, "%s\n", files[i].path); }
        }
        if (out) fclose(out);
        printf("openssl-filter files=%zu accepted=%zu\n", n, ok);
        return ok ? 0 : 1;
    }
    if (n == 0) { fprintf(stderr, "openssl_cms_bench: no files\n"); return 1; }
    long count = 0, bytes = 0, perpass = 0, sink = 0;
    for (size_t i = 0; i < n; i++) perpass += files[i].len;
    double start = now(), elapsed = 0;
    do {
        for (size_t i = 0; i < n; i++) {
            const unsigned char *p = files[i].data;
            CMS_ContentInfo *ci = d2i_CMS_ContentInfo(NULL, &p, files[i].len);
            if (ci) { sink += (long)(p - files[i].data); CMS_ContentInfo_free(ci); } else ERR_clear_error();
        }
        count += (long)n;
        bytes += perpass;
        elapsed = now() - start;
    } while (elapsed < seconds);
    printf("openssl messages=%ld bytes=%ld seconds=%.3f msgs_per_s=%.0f mb_per_s=%.2f files=%zu sink=%ld\n",
           count, bytes, elapsed, count / elapsed, bytes / elapsed / 1e6, n, sink & 1);
    return 0;
}
