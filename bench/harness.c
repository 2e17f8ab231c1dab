/* harness.c - timing, medians and the report lines of bench/harness.h. */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

double bench_now_ns(void)
{
        struct timespec ts;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
        double x = *(const double *)a, y = *(const double *)b;

        return (x > y) - (x < y);
}

static double median(double *v, int n)
{
        qsort(v, (size_t)n, sizeof(*v), cmp_double);
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double run_once(const struct bench_op *op, size_t iters)
{
        double t0 = bench_now_ns();

        op->fn(op->ctx, iters);
        return (bench_now_ns() - t0) / (double)iters;
}

double bench_median_ns(const struct bench_op *op, size_t iters, int repeats)
{
        double *v = calloc((size_t)repeats, sizeof(*v)), m;
        int i;

        if (!v)
                return -1;
        run_once(op, iters); /* warm-up */
        for (i = 0; i < repeats; i++)
                v[i] = run_once(op, iters);
        m = median(v, repeats);
        free(v);
        return m;
}

/* One CSV row per measurement for plots: name,value,unit,baseline,baseline_value,ratio. */
static void csv_row(const char *name, double value, const char *unit, const char *baseline,
                    double baseline_value, double ratio)
{
        const char *path = getenv("WINNET_BENCH_CSV");
        FILE *f;

        if (!path || !(f = fopen(path, "a")))
                return;
        fprintf(f, "\"%s\",%.3f,%s,\"%s\",%.3f,%.4f\n", name, value, unit, baseline ? baseline : "",
                baseline_value, ratio);
        fclose(f);
}

static void md_row(const char *name, const char *value, const char *baseline, const char *ratio)
{
        const char *path = getenv("WINNET_BENCH_MD");
        FILE *f;

        if (!path || !(f = fopen(path, "a")))
                return;
        fprintf(f, "| %s | %s | %s | %s |\n", name, value, baseline, ratio);
        fclose(f);
}

double bench_compare(const struct bench_op *op, const struct bench_op *baseline, size_t iters,
                     int repeats)
{
        double *a = calloc((size_t)repeats, sizeof(*a)), *b = calloc((size_t)repeats, sizeof(*b));
        double ma, mb, ratio;
        char va[64], vb[96], vr[32];
        int i;

        if (!a || !b) {
                free(a);
                free(b);
                return -1;
        }
        run_once(op, iters);
        run_once(baseline, iters);
        for (i = 0; i < repeats; i++) {
                /* alternate the order so neither side always runs on a warmer cache */
                if (i % 2) {
                        a[i] = run_once(op, iters);
                        b[i] = run_once(baseline, iters);
                } else {
                        b[i] = run_once(baseline, iters);
                        a[i] = run_once(op, iters);
                }
        }
        ma = median(a, repeats);
        mb = median(b, repeats);
        ratio = mb > 0 ? ma / mb : 0;
        printf("%-44s %12.1f ns  %6.2fx  vs %s %.1f ns\n", op->name, ma, ratio, baseline->name, mb);
        fflush(stdout);
        snprintf(va, sizeof(va), "%.1f ns", ma);
        snprintf(vb, sizeof(vb), "%s %.1f ns", baseline->name, mb);
        snprintf(vr, sizeof(vr), "%.2fx", ratio);
        md_row(op->name, va, vb, vr);
        csv_row(op->name, ma, "ns", baseline->name, mb, ratio);
        free(a);
        free(b);
        return ratio;
}

void bench_report_value(const char *name, double value, const char *unit)
{
        char v[64];

        printf("%-44s %12.1f %s\n", name, value, unit);
        fflush(stdout);
        snprintf(v, sizeof(v), "%.1f %s", value, unit);
        md_row(name, v, "-", "-");
        csv_row(name, value, unit, NULL, 0, 0);
}

long bench_peak_rss_kib(void)
{
        struct rusage ru;

        getrusage(RUSAGE_SELF, &ru);
        return ru.ru_maxrss;
}

static char netns_name[64];

static char netns_path[128];

/* Async-signal-safe: also runs from the handler of the signals that end a
 * benchmark early (bench/run.sh stops an overrunning one with timeout; a reader
 * of its output may close the pipe), where atexit would not run. */
static void netns_delete(void)
{
        umount2(netns_path, MNT_DETACH);
        unlink(netns_path);
}

static void netns_delete_on_signal(int sig)
{
        netns_delete();
        signal(sig, SIG_DFL);
        raise(sig);
}

const char *bench_netns_enter(const char *tag)
{
        char cmd[160];
        int fd;

        snprintf(netns_name, sizeof(netns_name), "wnb-%s-%d", tag, (int)getpid());
        snprintf(cmd, sizeof(cmd), "ip netns add %s", netns_name);
        if (geteuid() != 0 || system(cmd) != 0)
                return NULL;
        snprintf(netns_path, sizeof(netns_path), "/run/netns/%s", netns_name);
        atexit(netns_delete);
        signal(SIGTERM, netns_delete_on_signal);
        signal(SIGINT, netns_delete_on_signal);
        signal(SIGHUP, netns_delete_on_signal);
        signal(SIGPIPE, netns_delete_on_signal); /* output piped into `head` */
        fd = open(netns_path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return NULL;
        if (setns(fd, CLONE_NEWNET) < 0) {
                close(fd);
                return NULL;
        }
        close(fd);
        return system("ip link set lo up") == 0 ? netns_name : NULL;
}
