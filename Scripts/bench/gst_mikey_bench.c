/*
 * gst_mikey_bench: parse speed of GStreamer's MIKEY parser
 * (gst_mikey_message_new_from_data, libgstsdp), the baseline that
 * Scripts/bench-mikey.sh compares `mediasec bench mikey` against.
 *
 * Built at benchmark time by Scripts/bench-mikey.sh, never committed as a
 * binary:
 *   gcc -O2 -o gst_mikey_bench gst_mikey_bench.c \
 *       $(pkg-config --cflags --libs gstreamer-sdp-1.0 gstreamer-1.0)
 * (Debian: apt-get install libgstreamer-plugins-base1.0-dev)
 *
 * Phase 1, FILTER: GStreamer 1.22 loops forever on ID, IDR, ERR, General
 * Extension and unknown payloads, and fails g_return_val_if_fail assertions
 * on GENERIC-ID maps, sometimes still returning a message (FACTS.md §7). Each
 * message is therefore first parsed in a forked child with
 *   - a 1 s limit (--probe-timeout-ms): CPU time (ITIMER_VIRTUAL), so a
 *     loaded machine does not turn a valid message into a "timeout", plus an
 *     alarm() wall-clock backstop of 10 s;
 *   - GLib criticals and warnings made fatal (what G_DEBUG=fatal-criticals
 *     does), so a failed GStreamer assertion aborts the child;
 *   - a 4 GiB address-space limit.
 * Only messages whose child exits normally with a non-NULL result are kept.
 * Up to --jobs children run at once (default: the online CPUs), since every
 * looping message costs the whole limit. Skipped files (unreadable ones
 * included) and the reason are listed on stderr.
 *
 * Phase 2, TIMING: the kept messages (held in memory) are parsed and freed
 * round-robin for about --seconds seconds; one machine-readable line goes to
 * stdout:
 *   gst messages=<parses> bytes=<bytes parsed> seconds=<s> msgs_per_s=<x>
 *       mb_per_s=<y> skipped=<k> files=<kept>
 * (one line; mb = 10^6 bytes).
 *
 * usage: gst_mikey_bench [--seconds S] [--accepted OUT] [--files-from LIST]
 *                        [--jobs N] [--probe-timeout-ms MS] [--filter-only]
 *                        [--verbose] [FILE...]
 *   --accepted OUT    write the kept file paths to OUT, one per line (the
 *                     --files-from list for `mediasec bench mikey`)
 *   --files-from LIST read file paths from LIST ('-' = stdin), one per line
 *   --jobs N          probe children at once (default: online CPUs)
 *   --probe-timeout-ms MS  CPU-time limit per probe (default 1000)
 *   --filter-only     stop after the filter phase
 *   --verbose         let the probe children print GStreamer's warnings
 * Exit: 0 ok, 1 nothing left to time, 2 usage or I/O error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gst/gst.h>
#include <gst/sdp/gstmikey.h>

typedef struct {
    char *path;
    unsigned char *data;
    size_t size;
} Message;

typedef struct {
    Message *items;
    size_t count, capacity;
} MessageList;

static int verbose = 0;
static long probeTimeoutMs = 1000;

static void die(const char *fmt, const char *arg) {
    fprintf(stderr, "gst_mikey_bench: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n");
    exit(2);
}

static void append(MessageList *list, const char *path) {
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 64;
        list->items = realloc(list->items, list->capacity * sizeof(Message));
        if (!list->items) die("%s", "out of memory");
    }
    Message *m = &list->items[list->count++];
    m->path = strdup(path);
    m->data = NULL;
    m->size = 0;
}

static int load(Message *m) {
    FILE *f = fopen(m->path, "rb");
    if (!f) return -1;
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    int err = ferror(f);
    fclose(f);
    if (!buf || err) { free(buf); return -1; }
    m->data = buf;
    m->size = n;
    return 0;
}

static void read_list(MessageList *list, const char *listPath) {
    FILE *f = strcmp(listPath, "-") == 0 ? stdin : fopen(listPath, "r");
    if (!f) die("cannot open list %s", listPath);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
        if (len > 0) append(list, line);
    }
    free(line);
    if (f != stdin) fclose(f);
}

/* Parent: count GLib messages during timing instead of printing them. */
static unsigned long logMessages = 0;
static void count_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
    logMessages++;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Starts a child that parses m once; returns its pid (or -1). */
static pid_t probe_start(const Message *m) {
    fflush(NULL);
    pid_t pid = fork();
    if (pid != 0) return pid;
    /* Child: GStreamer may loop (SIGALRM), allocate without bound (rlimit)
     * or g_assert (abort). Its warnings are noise unless --verbose. */
    struct rlimit rl = { 4UL << 30, 4UL << 30 };
    setrlimit(RLIMIT_AS, &rl);
    if (!verbose) {
        FILE *devnull = freopen("/dev/null", "w", stderr);
        (void)devnull;
    }
    g_log_set_always_fatal(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
    struct itimerval it = { { 0, 0 }, { probeTimeoutMs / 1000, (probeTimeoutMs % 1000) * 1000 } };
    setitimer(ITIMER_VIRTUAL, &it, NULL);                  /* CPU-time limit: SIGVTALRM */
    alarm((unsigned)(probeTimeoutMs / 1000 > 10 ? probeTimeoutMs / 1000 : 10)); /* wall clock */
    GstMIKEYMessage *msg = gst_mikey_message_new_from_data(m->data, m->size, NULL, NULL);
    if (!msg) _exit(3);
    gst_mikey_message_unref(msg);
    _exit(0);
}

/* NULL when GStreamer accepted the message, else a static reason. */
static const char *probe_verdict(int status) {
    if (WIFEXITED(status)) {
        switch (WEXITSTATUS(status)) {
        case 0: return NULL;
        case 3: return "rejected (NULL)";
        default: return "child-exit-nonzero";
        }
    }
    if (WIFSIGNALED(status)) {
        switch (WTERMSIG(status)) {
        case SIGVTALRM: return "timeout (CPU limit, parser loops)";
        case SIGALRM: return "wall-clock timeout";
        case SIGABRT: return "abort (GLib critical / assertion)";
        case SIGTRAP: return "trap (GLib critical / assertion)";
        case SIGSEGV: return "segfault";
        case SIGBUS: return "bus error";
        case SIGKILL: return "killed (memory limit?)";
        default: return "killed by signal";
        }
    }
    return "unknown child status";
}

static void usage(void) {
    fprintf(stderr,
            "usage: gst_mikey_bench [--seconds S] [--accepted OUT] [--files-from LIST]\n"
            "                       [--jobs N] [--probe-timeout-ms MS] [--filter-only]\n"
            "                       [--verbose] [FILE...]\n");
}

int main(int argc, char **argv) {
    double seconds = 5.0;
    const char *acceptedPath = NULL;
    int filterOnly = 0;
    long jobs = sysconf(_SC_NPROCESSORS_ONLN);
    MessageList all = {0};

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "--seconds") == 0 || strcmp(a, "-s") == 0) && i + 1 < argc) {
            seconds = atof(argv[++i]);
            if (seconds <= 0) die("bad --seconds %s", argv[i]);
        } else if (strcmp(a, "--accepted") == 0 && i + 1 < argc) {
            acceptedPath = argv[++i];
        } else if (strcmp(a, "--files-from") == 0 && i + 1 < argc) {
            read_list(&all, argv[++i]);
        } else if (strcmp(a, "--jobs") == 0 && i + 1 < argc) {
            jobs = atol(argv[++i]);
            if (jobs < 1) die("bad --jobs %s", argv[i]);
        } else if (strcmp(a, "--probe-timeout-ms") == 0 && i + 1 < argc) {
            probeTimeoutMs = atol(argv[++i]);
            if (probeTimeoutMs < 1) die("bad --probe-timeout-ms %s", argv[i]);
        } else if (strcmp(a, "--filter-only") == 0) {
            filterOnly = 1;
        } else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0) {
            verbose = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage();
            return 0;
        } else if (a[0] == '-' && a[1] != 0) {
            usage();
            return 2;
        } else {
            append(&all, a);
        }
    }
    if (all.count == 0) {
        usage();
        return 2;
    }

    gst_init(NULL, NULL);

    /* FILTER: up to `jobs` probe children at a time. */
    if (jobs < 1) jobs = 1;
    const char **verdict = calloc(all.count, sizeof(char *));
    pid_t *pids = calloc((size_t)jobs, sizeof(pid_t));
    size_t *slotItem = calloc((size_t)jobs, sizeof(size_t));
    if (!verdict || !pids || !slotItem) die("%s", "out of memory");
    size_t next = 0, running = 0;
    while (next < all.count || running > 0) {
        while (next < all.count && running < (size_t)jobs) {
            Message *m = &all.items[next];
            if (load(m) != 0) {
                verdict[next++] = "unreadable";
                continue;
            }
            pid_t pid = probe_start(m);
            if (pid < 0) {
                verdict[next++] = "fork failed";
                continue;
            }
            for (long s = 0; s < jobs; s++) {
                if (pids[s] == 0) { pids[s] = pid; slotItem[s] = next; break; }
            }
            next++;
            running++;
        }
        if (running == 0) break;
        int status = 0;
        pid_t done = waitpid(-1, &status, 0);
        if (done < 0) {
            if (errno == EINTR) continue;
            die("%s", "waitpid failed");
        }
        for (long s = 0; s < jobs; s++) {
            if (pids[s] == done) {
                verdict[slotItem[s]] = probe_verdict(status);
                if (!verdict[slotItem[s]]) verdict[slotItem[s]] = "";
                pids[s] = 0;
                running--;
                break;
            }
        }
    }
    MessageList kept = {0};
    size_t skipped = 0;
    for (size_t i = 0; i < all.count; i++) {
        Message *m = &all.items[i];
        const char *why = verdict[i];
        if (why && why[0] != 0) {
            fprintf(stderr, "gst skipped %s: %s\n", m->path, why);
            skipped++;
            free(m->data);
            m->data = NULL;
            continue;
        }
        if (kept.count == kept.capacity) {
            kept.capacity = kept.capacity ? kept.capacity * 2 : 64;
            kept.items = realloc(kept.items, kept.capacity * sizeof(Message));
            if (!kept.items) die("%s", "out of memory");
        }
        kept.items[kept.count++] = *m;
    }
    fprintf(stderr, "gst filter: %zu of %zu files accepted by GStreamer, %zu skipped\n",
            kept.count, all.count, skipped);

    if (acceptedPath) {
        FILE *out = fopen(acceptedPath, "w");
        if (!out) die("cannot write %s", acceptedPath);
        for (size_t i = 0; i < kept.count; i++) fprintf(out, "%s\n", kept.items[i].path);
        fclose(out);
    }
    if (filterOnly) return 0;
    if (kept.count == 0) {
        printf("gst messages=0 bytes=0 seconds=0 msgs_per_s=0 mb_per_s=0 skipped=%zu files=0\n", skipped);
        return 1;
    }

    /* TIMING: one untimed warm-up pass, then whole passes until the time is up. */
    g_log_set_default_handler(count_log, NULL);
    for (size_t i = 0; i < kept.count; i++) {
        GstMIKEYMessage *msg = gst_mikey_message_new_from_data(kept.items[i].data, kept.items[i].size, NULL, NULL);
        if (!msg) die("%s: accepted in the filter but rejected now", kept.items[i].path);
        gst_mikey_message_unref(msg);
    }
    unsigned long long parsed = 0, bytes = 0;
    double start = now_seconds(), elapsed = 0;
    do {
        for (size_t i = 0; i < kept.count; i++) {
            GstMIKEYMessage *msg = gst_mikey_message_new_from_data(kept.items[i].data, kept.items[i].size, NULL, NULL);
            gst_mikey_message_unref(msg);
            bytes += kept.items[i].size;
        }
        parsed += kept.count;
        elapsed = now_seconds() - start;
    } while (elapsed < seconds);

    if (logMessages > 0)
        fprintf(stderr, "gst_mikey_bench: warning: %lu GLib log messages during timing (not printed)\n", logMessages);
    printf("gst messages=%llu bytes=%llu seconds=%.3f msgs_per_s=%.1f mb_per_s=%.3f skipped=%zu files=%zu\n",
           parsed, bytes, elapsed, (double)parsed / elapsed, (double)bytes / elapsed / 1e6, skipped, kept.count);
    return 0;
}
