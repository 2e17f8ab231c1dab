/* wksta_users.c - NetWkstaUserEnum, levels 0 and 1: one entry per login of utmp
 * (USER_PROCESS records, local and remote, as NetSessionEnum and `who` read them).
 * Windows lists one entry per logon session (interactive, service, batch), so a user
 * logged on twice is listed twice. Level 1 holds what NetWkstaUserGetInfo gives:
 * logon domain and logon server the NetBIOS computer name, other domains "". */
#include <errno.h>

#include "lmerr.h"
#include "lmwksta.h"
#include "netapi_int.h"
#include "winerror.h"

/* The rows refer to the strings of the sessions' pool, which t takes over. */
static int from_sessions(struct table *t, struct table *s, const struct hostinfo *h)
{
        struct wstr domain, others;
        size_t i;
        int r;

        t->pool = s->pool;
        s->pool = (struct strpool){0};
        r = strpool_add_str(&t->pool, h->netbios, &domain);
        r = r ? r : strpool_add_str(&t->pool, "", &others);
        r = r ? r : vec_reserve(&t->rows, s->rows.n);
        for (i = 0; !r && i < s->rows.n; i++) {
                struct wuser_row *w = vec_push(&t->rows);

                w->user = ((const struct session_row *)vec_at(&s->rows, i))->user;
                w->domain = domain;
                w->others = others;
        }
        return r;
}

static int wusers_load(struct table *t)
{
        struct hostinfo h;
        struct table s;
        int r;

        table_init(&s, sizeof(struct session_row));
        r = hostname_get(&h);
        r = r ? r : sessions_load(&s, NULL, NULL, &h);
        r = r ? r : from_sessions(t, &s, &h);
        table_free(&s);
        return r;
}

NET_API_STATUS NET_API_FUNCTION NetWkstaUserEnum(LMSTR servername, DWORD level, LPBYTE *bufptr,
                                                 DWORD prefmaxlen, LPDWORD entriesread,
                                                 LPDWORD totalentries, LPDWORD resumehandle)
{
        const struct level_ops *ops = level <= 1 ? wuser_level(level) : NULL;
        NET_API_STATUS st = enum_begin(servername, ops != NULL, bufptr, entriesread, totalentries);
        struct table t;

        if (st)
                return st;
        table_init(&t, sizeof(struct wuser_row));
        st = netapi_status(wusers_load(&t));
        if (st == NERR_Success)
                st = enum_finish(&t, ops, prefmaxlen, resumehandle, "NetWkstaUserEnum", bufptr,
                                 entriesread, totalentries);
        table_free(&t);
        return st;
}
