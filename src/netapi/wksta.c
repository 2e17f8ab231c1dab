/* wksta.c - NetWkstaGetInfo (100, 101, 102) of this machine and NetWkstaUserGetInfo
 * (0, 1, 1101) of the calling thread's user, whose levels NetWkstaUserEnum shares. computername is
 * the NetBIOS name, langroup the workgroup or domain (local_host.c), lanroot "/" (the system root),
 * logged_on_users the logins of utmp. The user is the effective uid's passwd entry,
 * logged on to this computer (local accounts). */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "alloc.h"
#include "lmerr.h"
#include "lmwksta.h"
#include "netapi_int.h"
#include "winerror.h"

#define ROW(r)     ((const struct server_row *)(r))
#define ROOT_BYTES sizeof(u"/")

static size_t s_100(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name) + wstr_bytes(ROW(r)->langroup);
}

static size_t s_101(const struct table *t, const void *r)
{
        return s_100(t, r) + ROOT_BYTES;
}

static void f_100(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        WKSTA_INFO_100 *w = rec;

        (void)t, (void)i;
        w->wki100_platform_id = ROW(r)->platform;
        w->wki100_computername = pack_wstr(p, ROW(r)->name);
        w->wki100_langroup = pack_wstr(p, ROW(r)->langroup);
        w->wki100_ver_major = ROW(r)->major;
        w->wki100_ver_minor = ROW(r)->minor;
}

static void f_101(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        WKSTA_INFO_101 *w = rec;

        f_100(rec, t, r, i, p);
        w->wki101_lanroot = (LMSTR)p->str;
        p->str += ROOT_BYTES;
        w->wki101_lanroot[0] = u'/';
        w->wki101_lanroot[1] = 0;
}

static void f_102(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        f_101(rec, t, r, i, p);
        ((WKSTA_INFO_102 *)rec)->wki102_logged_on_users = ROW(r)->logged_on;
}

_Static_assert(__builtin_offsetof(WKSTA_INFO_101, wki101_ver_minor) ==
                   __builtin_offsetof(WKSTA_INFO_100, wki100_ver_minor),
               "WKSTA_INFO_101 extends WKSTA_INFO_100");

static const struct level_ops wksta_ops[] = {
    {sizeof(WKSTA_INFO_100), s_100, NULL, f_100},
    {sizeof(WKSTA_INFO_101), s_101, NULL, f_101},
    {sizeof(WKSTA_INFO_102), s_101, NULL, f_102},
};

NET_API_STATUS NET_API_FUNCTION NetWkstaGetInfo(LMSTR servername, DWORD level, LPBYTE *bufptr)
{
        NET_API_STATUS st = info_begin(servername, bufptr);
        struct table t;

        if (st)
                return st;
        if (level < 100 || level > 102)
                return ERROR_INVALID_LEVEL;
        table_init(&t, sizeof(struct server_row));
        st = netapi_status(
            local_server_row(&t, LOCAL_SAMBA | (level == 102 ? LOCAL_LOGGED_ON : 0), NULL));
        if (st == NERR_Success)
                st = info_finish(&t, &wksta_ops[level - 100], "NetWkstaGetInfo", bufptr);
        table_free(&t);
        return st;
}

/* ---- NetWkstaUserGetInfo ---- */

#define UROW(r) ((const struct wuser_row *)(r))

static size_t s_u0(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(UROW(r)->user);
}

static size_t s_u1(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(UROW(r)->user) + 2 * wstr_bytes(UROW(r)->domain) +
               wstr_bytes(UROW(r)->others);
}

static size_t s_u1101(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(UROW(r)->others);
}

static void f_u0(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        (void)t, (void)i;
        ((WKSTA_USER_INFO_0 *)rec)->wkui0_username = pack_wstr(p, UROW(r)->user);
}

static void f_u1(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        WKSTA_USER_INFO_1 *w = rec;

        (void)t, (void)i;
        w->wkui1_username = pack_wstr(p, UROW(r)->user);
        w->wkui1_logon_domain = pack_wstr(p, UROW(r)->domain);
        w->wkui1_oth_domains = pack_wstr(p, UROW(r)->others);
        w->wkui1_logon_server = pack_wstr(p, UROW(r)->domain);
}

static void f_u1101(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        (void)t, (void)i;
        ((WKSTA_USER_INFO_1101 *)rec)->wkui1101_oth_domains = pack_wstr(p, UROW(r)->others);
}

const struct level_ops *wuser_level(DWORD level)
{
        static const struct level_ops ops[] = {
            {sizeof(WKSTA_USER_INFO_0), s_u0, NULL, f_u0},
            {sizeof(WKSTA_USER_INFO_1), s_u1, NULL, f_u1},
            {sizeof(WKSTA_USER_INFO_1101), s_u1101, NULL, f_u1101},
        };

        return level <= 1 ? &ops[level] : level == 1101 ? &ops[2] : NULL;
}

/* The effective user's name; its uid in decimal when passwd does not know it. */
static int current_user(struct table *t, struct wuser_row *w)
{
        struct nss_buf b = {NULL, 4096};
        struct passwd pw;
        char uid[16];
        int r = nss_getpwuid(&b, geteuid(), &pw);

        snprintf(uid, sizeof(uid), "%u", (unsigned)geteuid());
        if (r == 0 || r == -ENOENT)
                r = strpool_add_str(&t->pool, r ? uid : pw.pw_name, &w->user);
        nss_buf_free(&b);
        return r;
}

static int wuser_row(struct table *t)
{
        struct wuser_row *w = vec_push(&t->rows);
        struct hostinfo h;
        int r;

        if (!w)
                return -ENOMEM;
        r = hostinfo_get(&h);
        r = r ? r : current_user(t, w);
        r = r ? r : strpool_add_str(&t->pool, h.netbios, &w->domain);
        r = r ? r : strpool_add_str(&t->pool, "", &w->others);
        return r;
}

NET_API_STATUS NET_API_FUNCTION NetWkstaUserGetInfo(LMSTR reserved, DWORD level, LPBYTE *bufptr)
{
        const struct level_ops *ops = wuser_level(level);
        NET_API_STATUS st;
        struct table t;

        if (!bufptr)
                return ERROR_INVALID_PARAMETER;
        *bufptr = NULL;
        if (reserved)
                return ERROR_INVALID_PARAMETER;
        if (!ops)
                return ERROR_INVALID_LEVEL;
        table_init(&t, sizeof(struct wuser_row));
        st = netapi_status(wuser_row(&t));
        if (st == NERR_Success)
                st = info_finish(&t, ops, "NetWkstaUserGetInfo", bufptr);
        table_free(&t);
        return st;
}
