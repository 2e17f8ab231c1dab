/* harness.h - the benchmark harness: warm-up, repeated runs interleaved with the
 * baseline (so drift hits both alike), median per operation, and one line per
 * comparison: `name value ratio-vs-baseline`. */
#ifndef WINNET_BENCH_HARNESS_H
#define WINNET_BENCH_HARNESS_H

#include <stddef.h>

/* Runs the operation `iters` times. */
typedef void (*bench_fn)(void *ctx, size_t iters);

struct bench_op {
        const char *name;
        bench_fn fn;
        void *ctx;
};

/* Monotonic clock in nanoseconds. */
double bench_now_ns(void);

/* Median nanoseconds per operation of `op` over `repeats` runs of `iters`. */
double bench_median_ns(const struct bench_op *op, size_t iters, int repeats);

/* Measures `op` and `baseline` interleaved (warm-up first), prints
 *   <op.name> <ns/op> ns  <ratio>x  vs <baseline.name> <ns/op> ns
 * and returns the ratio op/baseline (lower is better for winnet). Also appends
 * a row to the Markdown file named by $WINNET_BENCH_MD and a CSV row
 * (name,value,unit,baseline,baseline_value,ratio) to $WINNET_BENCH_CSV, when set. */
double bench_compare(const struct bench_op *op, const struct bench_op *baseline, size_t iters,
                     int repeats);

/* Prints a plain measurement line `name value unit` (and the Markdown row). */
void bench_report_value(const char *name, double value, const char *unit);

/* Peak resident set size of this process so far, in KiB. */
long bench_peak_rss_kib(void);

/* Creates the network namespace wnb-<tag>-<pid>, moves the calling thread into
 * it, brings lo up, and deletes the namespace at exit. Returns its name (valid
 * until exit), or NULL when it cannot (not root, no netns support). */
const char *bench_netns_enter(const char *tag);

/* Keeps the compiler from optimising away a computed value. */
#define bench_keep(p) __asm__ volatile("" : : "g"(p) : "memory")

#endif /* WINNET_BENCH_HARNESS_H */
