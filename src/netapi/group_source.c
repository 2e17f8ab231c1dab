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
        r = strpool_add_str(&t->pool, gr->gr_name, &g->name);
        r = r ? r : strpool_add_str(&t->pool, "", &g->comment);
        if (r)
                t->rows.n--;
        return r;
}

#define GR_BUF 16384 /* member lists make group entries large; grows when needed */

static int enumerate(struct table *t, struct nss_buf *b)
{
        struct group gr;
        int r;

        setgrent();
        while ((r = nss_getgrent(b, &gr)) > 0) {
                r = add_group(t, &gr);
                if (r)
                        break;
        }
        endgrent();
        return r;
}

int groups_load(struct table *t)
{
        struct nss_buf b = {NULL, GR_BUF};
        int r;

        pthread_mutex_lock(&gr_lock);
        r = enumerate(t, &b);
        pthread_mutex_unlock(&gr_lock);
        /* One group per name, the one getgrnam finds (see users_load). */
        r = r ? r : table_unique_names(t);
        nss_buf_free(&b);
        return r;
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
int group_members(struct table *t, const char *name, uint32_t *ret_gid)
{
        struct nss_buf b = {NULL, GR_BUF};
        struct group gr;
        size_t i;
        int r = nss_getgrnam(&b, name, &gr);

        if (!r)
                *ret_gid = gr.gr_gid;
        for (i = 0; !r && gr.gr_mem[i]; i++) {
                struct wstr *m = vec_push(&t->rows);

                r = m ? strpool_add_str(&t->pool, gr.gr_mem[i], m) : -ENOMEM;
        }
        nss_buf_free(&b);
        return r;
}
