/* nss.c - the reentrant NSS calls the user and group sources make (getpwent_r,
 * getpwnam_r, getpwuid_r, getgrent_r, getgrnam_r), each through one loop that grows
 * the caller's buffer while NSS says ERANGE, and one reading of what they return:
 * an entry, none (not found, or the end of an enumeration), or an error that the
 * caller passes on as it is (-EIO is not "no such user"). */
#include <errno.h>
#include <grp.h>
#include <pwd.h>

#include "alloc.h"
#include "netapi_int.h"

/* One NSS call on buf: its error number; *found when it produced an entry. */
typedef int (*nss_fn)(const void *key, void *ent, char *buf, size_t cap, int *found);

static int pw_ent(const void *key, void *ent, char *buf, size_t cap, int *found)
{
        struct passwd *res = NULL;
        int e = getpwent_r(ent, buf, cap, &res);

        (void)key;
        *found = res != NULL;
        return e;
}

static int pw_nam(const void *key, void *ent, char *buf, size_t cap, int *found)
{
        struct passwd *res = NULL;
        int e = getpwnam_r(key, ent, buf, cap, &res);

        *found = res != NULL;
        return e;
}

static int pw_uid(const void *key, void *ent, char *buf, size_t cap, int *found)
{
        struct passwd *res = NULL;
        int e = getpwuid_r(*(const uid_t *)key, ent, buf, cap, &res);

        *found = res != NULL;
        return e;
}

static int gr_ent(const void *key, void *ent, char *buf, size_t cap, int *found)
{
        struct group *res = NULL;
        int e = getgrent_r(ent, buf, cap, &res);

        (void)key;
        *found = res != NULL;
        return e;
}

static int gr_nam(const void *key, void *ent, char *buf, size_t cap, int *found)
{
        struct group *res = NULL;
        int e = getgrnam_r(key, ent, buf, cap, &res);

        *found = res != NULL;
        return e;
}

/* 1: an entry; 0: none; -errno. glibc answers ERANGE when the entry does not fit
 * and returns the same entry again on the next call, with a larger buffer. ENOENT
 * means none too: the end of an enumeration, or a database that does not exist. */
static int nss_run(struct nss_buf *b, nss_fn fn, const void *key, void *ent)
{
        int e, found = 0;

        if (!b->p && !(b->p = wn_malloc(b->cap)))
                return -ENOMEM;
        while ((e = fn(key, ent, b->p, b->cap, &found)) == ERANGE) {
                char *p = wn_realloc(b->p, b->cap * 2);

                if (!p)
                        return -ENOMEM;
                b->p = p;
                b->cap *= 2;
        }
        if (e == 0 && found)
                return 1;
        return e == 0 || e == ENOENT ? 0 : -e;
}

/* A lookup: 0 found, -ENOENT none, -errno. */
static int nss_get(struct nss_buf *b, nss_fn fn, const void *key, void *ent)
{
        int r = nss_run(b, fn, key, ent);

        return r > 0 ? 0 : r == 0 ? -ENOENT : r;
}

void nss_buf_free(struct nss_buf *b)
{
        wn_free(b->p);
        b->p = NULL;
}

int nss_getpwent(struct nss_buf *b, struct passwd *pw)
{
        return nss_run(b, pw_ent, NULL, pw);
}

int nss_getgrent(struct nss_buf *b, struct group *gr)
{
        return nss_run(b, gr_ent, NULL, gr);
}

int nss_getpwnam(struct nss_buf *b, const char *name, struct passwd *pw)
{
        return nss_get(b, pw_nam, name, pw);
}

int nss_getpwuid(struct nss_buf *b, uid_t uid, struct passwd *pw)
{
        return nss_get(b, pw_uid, &uid, pw);
}

int nss_getgrnam(struct nss_buf *b, const char *name, struct group *gr)
{
        return nss_get(b, gr_nam, name, gr);
}
