/* Scripts/bench/libxml2_rl_bench.c: libxml2 as the peer of
 * `mediasec bench resource-lists` (Scripts/bench-text.sh).
 *
 * Compiled at benchmark time:
 *   cc -O2 -o libxml2_rl_bench libxml2_rl_bench.c $(pkg-config --cflags --libs libxml-2.0)
 *
 * The parse is xmlReadMemory with the options the mediasec decoder gives
 * libxml2 (XML_PARSE_NONET | NOCDATA | IGNORE_ENC | BIG_LINES; never NOENT,
 * DTDLOAD, HUGE), errors routed to a counting structured handler (nothing
 * printed), then xmlFreeDoc. With --schema, the document is also validated
 * with xmlSchemaValidateDoc against the copy-control schema (which imports
 * the resource-lists schema, which imports xml.xsd); the schema is compiled
 * once and one validation context is reused, both outside the timed loop.
 *
 * Modes (one result line each, key=value, like the mediasec side):
 *   --filter --files-from LIST --accepted OUT
 *       parse each file once; write the paths that parse without any
 *       error and without a DOCTYPE to OUT; print
 *       "libxml2-filter files=N accepted=M".
 *   --seconds S --files-from LIST [--schema XSD] [--label L]
 *       time parse (+ validate) + free over the files for S seconds:
 *       "L messages=… bytes=… seconds=… msgs_per_s=… mb_per_s=… files=… invalid=…"
 *       (L defaults to libxml2-parse, or libxml2-xsd with --schema;
 *       invalid counts the schema-invalid documents of one pass).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BENCH_TOOL "libxml2_rl_bench"
#include "bench_io.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>


static const int parse_options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES;

static long errors_seen = 0;

static void count_error(void *ctx, xmlErrorPtr error) {
    (void)ctx;
    if (error && error->level != XML_ERR_WARNING) errors_seen++;
}

/* 1 when libxml2 parses the input with no error and no DOCTYPE. */
static int accepts(const blob *b) {
    long before = errors_seen;
    xmlDocPtr doc = xmlReadMemory((const char *)b->data, (int)b->len, NULL, NULL, parse_options);
    int ok = doc != NULL && errors_seen == before && doc->intSubset == NULL && doc->extSubset == NULL
        && xmlDocGetRootElement(doc) != NULL;
    if (doc) xmlFreeDoc(doc);
    return ok;
}

int main(int argc, char **argv) {
    const char *list = NULL, *accepted = NULL, *schema_path = NULL, *label = NULL;
    double seconds = 3;
    int filter = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--filter")) filter = 1;
        else if (!strcmp(argv[i], "--files-from") && i + 1 < argc) list = argv[++i];
        else if (!strcmp(argv[i], "--accepted") && i + 1 < argc) accepted = argv[++i];
        else if (!strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = atof(argv[++i]);
        else if (!strcmp(argv[i], "--schema") && i + 1 < argc) schema_path = argv[++i];
        else if (!strcmp(argv[i], "--label") && i + 1 < argc) label = argv[++i];
        else { fprintf(stderr, "libxml2_rl_bench: unknown argument %s\n", argv[i]); return 2; }
    }
    if (!list) { fprintf(stderr, "libxml2_rl_bench: --files-from LIST is required\n"); return 2; }
    if (!label) label = schema_path ? "libxml2-xsd" : "libxml2-parse";

    xmlInitParser();
    xmlSetStructuredErrorFunc(NULL, count_error);
    size_t n = 0;
    blob *files = read_list(list, &n);

    if (filter) {
        FILE *out = accepted ? fopen(accepted, "w") : NULL;
        size_t ok = 0;
        for (size_t i = 0; i < n; i++) {
            if (accepts(&files[i])) { ok++; if (out) fprintf(out, "%s\n", files[i].path); }
        }
        if (out) fclose(out);
        printf("libxml2-filter files=%zu accepted=%zu\n", n, ok);
        return ok ? 0 : 1;
    }
    if (n == 0) { fprintf(stderr, "libxml2_rl_bench: no files\n"); return 1; }

    /* Schema: compiled once; its imports are local files next to it. */
    xmlSchemaPtr schema = NULL;
    xmlSchemaValidCtxtPtr vctxt = NULL;
    if (schema_path) {
        xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt(schema_path);
        if (pctxt) {
            xmlSchemaSetParserStructuredErrors(pctxt, count_error, NULL);
            schema = xmlSchemaParse(pctxt);
            xmlSchemaFreeParserCtxt(pctxt);
        }
        if (!schema) { fprintf(stderr, "libxml2_rl_bench: cannot compile %s\n", schema_path); return 2; }
        vctxt = xmlSchemaNewValidCtxt(schema);
        if (!vctxt) { fprintf(stderr, "libxml2_rl_bench: xmlSchemaNewValidCtxt failed\n"); return 2; }
        xmlSchemaSetValidStructuredErrors(vctxt, count_error, NULL);
    }

    long count = 0, bytes = 0, perpass = 0, sink = 0, invalid = 0, pass_invalid = 0;
    for (size_t i = 0; i < n; i++) perpass += files[i].len;
    double start = now(), elapsed = 0;
    do {
        pass_invalid = 0;
        for (size_t i = 0; i < n; i++) {
            xmlDocPtr doc = xmlReadMemory((const char *)files[i].data, (int)files[i].len, NULL, NULL, parse_options);
            if (!doc) continue;
            if (vctxt && xmlSchemaValidateDoc(vctxt, doc) != 0) pass_invalid++;
            sink += doc->children != NULL;
            xmlFreeDoc(doc);
        }
        invalid = pass_invalid;
        count += (long)n;
        bytes += perpass;
        elapsed = now() - start;
    } while (elapsed < seconds);
    printf("%s messages=%ld bytes=%ld seconds=%.3f msgs_per_s=%.0f mb_per_s=%.2f files=%zu invalid=%ld sink=%ld\n",
           label, count, bytes, elapsed, count / elapsed, bytes / elapsed / 1e6, n, invalid, sink & 1);
    if (vctxt) xmlSchemaFreeValidCtxt(vctxt);
    if (schema) xmlSchemaFree(schema);
    return 0;
}
