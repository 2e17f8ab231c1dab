/* bench_netapi_buffer.c - NetApiBufferAllocate+Free against malloc+free at 64 B,
 * 1 KiB and 64 KiB, in the same run. Target: <= 1.1x. */
#include <stdlib.h>

#include "harness.h"
#include "lm.h"

static void netapi(void *ctx, size_t iters)
{
        DWORD n = (DWORD)(size_t)ctx;
        size_t i;

        for (i = 0; i < iters; i++) {
                LPVOID p;

                NetApiBufferAllocate(n, &p);
                bench_keep(p);
                NetApiBufferFree(p);
        }
}

static void libc(void *ctx, size_t iters)
{
        size_t n = (size_t)ctx, i;

        for (i = 0; i < iters; i++) {
                void *p = malloc(n);

                bench_keep(p);
                free(p);
        }
}

int main(void)
{
        static const struct {
                size_t size;
                const char *a, *b;
        } cases[] = {
            {64, "NetApiBufferAllocate+Free 64 B", "malloc+free 64 B"},
            {1024, "NetApiBufferAllocate+Free 1 KiB", "malloc+free 1 KiB"},
            {65536, "NetApiBufferAllocate+Free 64 KiB", "malloc+free 64 KiB"},
        };
        size_t i;

        for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                struct bench_op a = {cases[i].a, netapi, (void *)cases[i].size};
                struct bench_op b = {cases[i].b, libc, (void *)cases[i].size};

                bench_compare(&a, &b, 200000, 21);
        }
        return 0;
}
