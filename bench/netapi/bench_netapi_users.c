/* bench_netapi_users.c - NetUserEnum (levels 0 and 1, MAX_PREFERRED_LENGTH) over
 * 10,000 users against what a Linux program would do instead: a getpwent_r loop
 * copying the same strings (name; name, home, GECOS) to the heap. Same run, same
 * generated passwd (tests/netapi/fixture.h). Target: <= 1.5x. */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "lm.h"

static void netapi(void *ctx, size_t iters)
{
        DWORD level = (DWORD)(size_t)ctx, read, total;
        size_t i;

        for (i = 0; i < iters; i++) {
                LPBYTE buf = NULL;

                NetUserEnum(NULL, level, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
                bench_keep(buf);
                NetApiBufferFree(buf);
        }
}

struct copy {
        char *name, *home, *gecos;
};

/* The baseline: enumerate, copy the strings the level carries, free them. */
static void getpwent_loop(void *ctx, size_t iters)
{
        int level = (int)(size_t)ctx;
        struct copy *v = malloc(sizeof(*v) * (FIXTURE_USERS + 16));
        char buf[4096];
        size_t i, n, k;

        for (i = 0; i < iters; i++) {
                struct passwd pw, *res;

                n = 0;
                setpwent();
                while (n < FIXTURE_USERS + 16 && getpwent_r(&pw, buf, sizeof(buf), &res) == 0) {
                        v[n].name = strdup(pw.pw_name);
                        v[n].home = level ? strdup(pw.pw_dir) : NULL;
                        v[n].gecos = level ? strdup(pw.pw_gecos) : NULL;
                        n++;
                }
                endpwent();
                bench_keep(v);
                for (k = 0; k < n; k++) {
                        free(v[k].name);
                        free(v[k].home);
                        free(v[k].gecos);
                }
        }
        free(v);
}

int main(void)
{
        struct bench_op l0 = {"NetUserEnum level 0, 10,000 users", netapi, (void *)0};
        struct bench_op b0 = {"getpwent_r + strdup name", getpwent_loop, (void *)0};
        struct bench_op l1 = {"NetUserEnum level 1, 10,000 users", netapi, (void *)1};
        struct bench_op b1 = {"getpwent_r + strdup name, home, gecos", getpwent_loop, (void *)1};

        fixture_enter(FIXTURE_USERS);
        bench_compare(&l0, &b0, 20, 11);
        bench_compare(&l1, &b1, 20, 11);
        return 0;
}
