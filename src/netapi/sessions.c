/* sessions.c - NetSessionEnum over utmp (utmp_source.c): levels 0, 1 and 10.
 * sesi*_cname is \\ followed by the client utmp names (this computer's NetBIOS
 * name for local logins); opens and user flags are 0 (utmp has no such facts). */
#include <errno.h>
#include <pwd.h>

#include "alloc.h"
#include "lmerr.h"
#include "lmshare.h"
#include "netapi_int.h"
#include "winerror.h"

#define ROW(r) ((const struct session_row *)(r))

static size_t s_0(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->cname);
}

static size_t s_1(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->cname) + wstr_bytes(ROW(r)->user);
}

static void f_0(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        (void)t, (void)i;
        ((SESSION_INFO_0 *)rec)->sesi0_cname = pack_wstr(p, ROW(r)->cname);
}

static void f_1(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        SESSION_INFO_1 *s = rec;

        (void)t, (void)i;
        s->sesi1_cname = pack_wstr(p, ROW(r)->cname);
        s->sesi1_username = pack_wstr(p, ROW(r)->user);
        s->sesi1_num_opens = 0;
        s->sesi1_time = ROW(r)->time;
        s->sesi1_idle_time = ROW(r)->idle;
        s->sesi1_user_flags = 0;
}

static void f_10(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        SESSION_INFO_10 *s = rec;

        (void)t, (void)i;
        s->sesi10_cname = pack_wstr(p, ROW(r)->cname);
        s->sesi10_username = pack_wstr(p, ROW(r)->user);
        s->sesi10_time = ROW(r)->time;
        s->sesi10_idle_time = ROW(r)->idle;
}

static const struct level_ops *session_level(DWORD level)
{
        static const struct level_ops ops[] = {
            {sizeof(SESSION_INFO_0), s_0, NULL, f_0},
            {sizeof(SESSION_INFO_1), s_1, NULL, f_1},
            {sizeof(SESSION_INFO_10), s_1, NULL, f_10},
        };

        return level == 0 ? &ops[0] : level == 1 ? &ops[1] : level == 10 ? &ops[2] : NULL;
}

/* The filters in UTF-8; the client without its leading \\. */
static int filters(LPWSTR client, LPWSTR user, char **ret_client, char **ret_user)
{
        *ret_client = *ret_user = NULL;
        if (client && *client && utf16_dup_utf8(client, ret_client) < 0)
                return -ENOMEM;
        if (user && *user && utf16_dup_utf8(user, ret_user) < 0)
                return -ENOMEM;
        return 0;
}

/* 0 when passwd knows the user, -ENOENT when it does not, -errno. */
static int user_known(const char *name)
{
        struct nss_buf b = {NULL, 4096};
        struct passwd pw;
        int r = nss_getpwnam(&b, name, &pw);

        nss_buf_free(&b);
        return r;
}

static NET_API_STATUS load(struct table *t, const char *client, const char *user)
{
        struct hostinfo h;
        const char *c = client;
        int r;

        if (c && c[0] == '\\' && c[1] == '\\')
                c += 2;
        r = hostinfo_get(&h);
        r = r ? r : sessions_load(t, c, user, &h);
        if (r)
                return netapi_status(r);
        if (t->rows.n == 0 && user) {
                r = user_known(user);
                if (r)
                        return r == -ENOENT ? NERR_UserNotFound : netapi_status(r);
        }
        if (t->rows.n == 0 && client)
                return NERR_ClientNameNotFound;
        return NERR_Success;
}

NET_API_STATUS NET_API_FUNCTION NetSessionEnum(LPWSTR servername, LPWSTR UncClientName,
                                               LPWSTR username, DWORD level, LPBYTE *bufptr,
                                               DWORD prefmaxlen, LPDWORD entriesread,
                                               LPDWORD totalentries, LPDWORD resume_handle)
{
        const struct level_ops *ops = session_level(level);
        NET_API_STATUS st = enum_begin(servername, ops != NULL, bufptr, entriesread, totalentries);
        char *client, *user;
        struct table t;
        int r;

        if (st)
                return st;
        table_init(&t, sizeof(struct session_row));
        r = filters(UncClientName, username, &client, &user);
        st = r ? netapi_status(r) : load(&t, client, user);
        if (st == NERR_Success)
                st = enum_finish(&t, ops, prefmaxlen, resume_handle, "NetSessionEnum", bufptr,
                                 entriesread, totalentries);
        wn_free(client);
        wn_free(user);
        table_free(&t);
        return st;
}
