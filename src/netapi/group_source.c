/* group_source.c - the group database through NSS (getgrent_r, getgrnam_r) and the
 * member lists it holds (gr_mem: the supplementary members, as `getent group`
 * shows them). getgrent's position is process-wide: enumerations take a lock. */
#include <errno.h>
#include <grp.h>
#include <pthread.h>
#include <string.h>

#include "alloc.h"
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

static int grow(char **buf, size_t *cap)
{
        char *p = wn_realloc(*buf, *cap * 2);

        if (!p)
                return -ENOMEM;
        *buf = p;
        *cap *= 2;
        return 0;
}

static int enumerate(struct table *t, char **buf, size_t *cap)
{
        struct group gr, *res;
        int e, r = 0;

        setgrent();
        while (r == 0) {
                e = getgrent_r(&gr, *buf, *cap, &res);
                if (e == ERANGE) {
                        r = grow(buf, cap); /* glibc returns the same entry again */
                        continue;
                }
                if (e || !res) {
                        r = e && e != ENOENT ? -e : 0;
                        break;
                }
                r = add_group(t, &gr);
        }
        endgrent();
        return r;
}

int groups_load(struct table *t)
{
        size_t cap = 16384;
        char *buf = wn_malloc(cap);
        int r;

        if (!buf)
                return -ENOMEM;
        pthread_mutex_lock(&gr_lock);
        r = enumerate(t, &buf, &cap);
        pthread_mutex_unlock(&gr_lock);
        wn_free(buf);
        return r;
}

/* getgrnam_r with a buffer that grows to fit; *ret_buf is the caller's to free. */
static int lookup(const char *name, struct group *gr, char **ret_buf)
{
        struct group *res = NULL;
        size_t cap = 16384;
        char *buf = wn_malloc(cap);
        int r = 0;

        if (!buf)
                return -ENOMEM;
        while (getgrnam_r(name, gr, buf, cap, &res) == ERANGE && !(r = grow(&buf, &cap)))
                ;
        if (!r && !res)
                r = -ENOENT;
        if (r)
                wn_free(buf);
        else
                *ret_buf = buf;
        return r;
}

int group_lookup(struct table *t, const char *name)
{
        struct group gr;
        char *buf;
        int r = lookup(name, &gr, &buf);

        if (r)
                return r;
        r = add_group(t, &gr);
        wn_free(buf);
        return r;
}

/* Rows of t start with the member's name (struct wstr); the rest stays zero. */
int group_members(struct table *t, const char *name)
{
        struct group gr;
        char *buf = NULL;
        size_t i;
        int r = lookup(name, &gr, &buf);

        for (i = 0; !r && gr.gr_mem[i]; i++) {
                struct wstr *m = vec_push(&t->rows);

                r = m ? strpool_add_str(&t->pool, gr.gr_mem[i], m) : -ENOMEM;
        }
        wn_free(buf);
        return r;
}
