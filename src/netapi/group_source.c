/* group_source.c - the group database through NSS (getgrent_r, getgrnam_r) and the
 * member lists it holds (gr_mem: the supplementary members, as `getent group`
 * shows them). getgrent's position is process-wide: enumerations take a lock. */
#include <errno.h>
#include <grp.h>
#include <pthread.h>
#include <string.h>

#include "netapi_int.h"

static pthread_mutex_t gr_lock = PTHREAD_MUTEX_INITIALIZER;

static int add_group(struct table *t, const struct group *gr)
{
        struct group_row *g = vec_push(&t->rows);
        int r;

        if (!g)
                return -ENOMEM;
        g->gid = gr->gr_gid;
        g->member = false;
        r = strpool_add_str(&t->pool, gr->gr_name, &g->name);
        r = r ? r : strpool_add_str(&t->pool, "", &g->comment);
        if (r)
                t->rows.n--;
        return r;
}

#define GR_BUF 16384 /* member lists make group entries large; grows when needed */

typedef int (*add_fn)(struct table *t, const struct group *gr, void *ctx);

/* Every entry of the group database, under the lock, through add. */
static int enumerate(struct table *t, add_fn add, void *ctx)
{
        struct nss_buf b = {NULL, GR_BUF};
        struct group gr;
        int r;

        pthread_mutex_lock(&gr_lock);
        setgrent();
        while ((r = nss_getgrent(&b, &gr)) > 0) {
                r = add(t, &gr, ctx);
                if (r)
                        break;
        }
        endgrent();
        pthread_mutex_unlock(&gr_lock);
        nss_buf_free(&b);
        return r;
}

static int add_any(struct table *t, const struct group *gr, void *ctx)
{
        (void)ctx;
        return add_group(t, gr);
}

int groups_load(struct table *t)
{
        int r = enumerate(t, add_any, NULL);

        /* One group per name, the one getgrnam finds (see users_load). */
        return r ? r : table_unique_names(t);
}

static int add_if_listed(struct table *t, const struct group *gr, void *ctx)
{
        struct group_row *g;
        size_t i;
        int r = add_group(t, gr);

        if (r)
                return r;
        g = vec_at(&t->rows, t->rows.n - 1);
        for (i = 0; gr->gr_mem[i] && !g->member; i++)
                g->member = strcmp(gr->gr_mem[i], ctx) == 0;
        return 0;
}

/* Every group is read, not only those that list the user: a name's first entry
 * decides (getgrnam's, as NetGroupGetUsers sees it), so a later line of the same
 * name that lists the user does not make it a member. */
int user_groups_load(struct table *t, const char *user, uint32_t gid)
{
        size_t i, k = 0, primary = SIZE_MAX;
        int r = enumerate(t, add_if_listed, (void *)user);

        r = r ? r : table_unique_names(t);
        if (r)
                return r;
        for (i = 0; i < t->rows.n && primary == SIZE_MAX; i++)
                if (((struct group_row *)vec_at(&t->rows, i))->gid == gid)
                        primary = i;
        /* the primary group first, as `id -Gn` prints it, then the listed ones */
        if (primary != SIZE_MAX) {
                struct group_row p = *(struct group_row *)vec_at(&t->rows, primary);

                memmove(vec_at(&t->rows, 1), vec_at(&t->rows, 0), primary * t->rows.size);
                p.member = true;
                memcpy(vec_at(&t->rows, 0), &p, sizeof(p));
        }
        for (i = 0; i < t->rows.n; i++) {
                struct group_row *g = vec_at(&t->rows, i);

                if (!g->member)
                        continue;
                if (k != i)
                        memcpy(vec_at(&t->rows, k), g, t->rows.size);
                k++;
        }
        t->rows.n = k;
        return 0;
}

int group_lookup(struct table *t, const char *name)
{
        struct nss_buf b = {NULL, GR_BUF};
        struct group gr;
        int r = nss_getgrnam(&b, name, &gr);

        r = r ? r : add_group(t, &gr);
        nss_buf_free(&b);
        return r;
}

/* Rows of t start with the member's name (struct wstr); the rest stays zero. */
int group_members(struct table *t, const char *name)
{
        struct nss_buf b = {NULL, GR_BUF};
        struct group gr;
        size_t i;
        int r = nss_getgrnam(&b, name, &gr);

        for (i = 0; !r && gr.gr_mem[i]; i++) {
                struct wstr *m = vec_push(&t->rows);

                r = m ? strpool_add_str(&t->pool, gr.gr_mem[i], m) : -ENOMEM;
        }
        nss_buf_free(&b);
        return r;
}
