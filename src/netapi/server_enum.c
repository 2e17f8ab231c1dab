/* server_enum.c - NetServerEnum, levels 100 and 101: the servers this host can
 * really see. That is this machine (as NetServerGetInfo describes it) and the SMB
 * servers announced through DNS-SD when Avahi runs (avahi.c); no NetBIOS browser
 * is asked and nothing is invented. SV_TYPE_DOMAIN_ENUM lists this machine's
 * workgroup or domain instead. */
#include <string.h>

#include "lmerr.h"
#include "lmserver.h"
#include "netapi_int.h"
#include "utf16.h"
#include "winerror.h"

/* Keeps the rows whose type shares a bit with servertype. */
static void filter_type(struct table *t, DWORD servertype)
{
        size_t i, k = 0;

        for (i = 0; i < t->rows.n; i++) {
                struct server_row *s = vec_at(&t->rows, i);

                if (s->type & servertype)
                        memmove(vec_at(&t->rows, k++), s, t->rows.size);
        }
        t->rows.n = k;
}

/* The workgroup as the one "domain" this host knows. */
static int domain_row(struct table *t)
{
        struct server_row *s = vec_at(&t->rows, 0);

        s->name = s->langroup;
        s->type = SV_TYPE_DOMAIN_ENUM | SV_TYPE_NT;
        s->major = s->minor = 0;
        return 0;
}

static int same_domain(LMCSTR domain, const struct table *t)
{
        const struct server_row *s = vec_at(&t->rows, 0);

        return !domain || !*domain ||
               !utf16_casecmp_ascii(domain, strpool_get(&t->pool, s->langroup));
}

static NET_API_STATUS load(struct table *t, DWORD servertype, LMCSTR domain)
{
        struct hostinfo h;
        int r = hostinfo_get(&h);

        r = r ? r : local_server_row(t, LOCAL_SAMBA, &h);
        if (r)
                return netapi_status(r);
        if (!same_domain(domain, t))
                return ERROR_NO_BROWSER_SERVERS_FOUND;
        if (servertype == SV_TYPE_DOMAIN_ENUM)
                return netapi_status(domain_row(t));
        r = avahi_servers_load(t, &h);
        if (r)
                return netapi_status(r);
        filter_type(t, servertype);
        return NERR_Success;
}

NET_API_STATUS NET_API_FUNCTION NetServerEnum(LMCSTR servername, DWORD level, LPBYTE *bufptr,
                                              DWORD prefmaxlen, LPDWORD entriesread,
                                              LPDWORD totalentries, DWORD servertype, LMCSTR domain,
                                              LPDWORD resume_handle)
{
        const struct level_ops *ops = level == 100 || level == 101 ? server_level(level) : NULL;
        NET_API_STATUS st = enum_begin(servername, ops != NULL, bufptr, entriesread, totalentries);
        struct table t;

        if (st)
                return st;
        table_init(&t, sizeof(struct server_row));
        st = load(&t, servertype, domain);
        if (st == NERR_Success)
                st = enum_finish(&t, ops, prefmaxlen, resume_handle, "NetServerEnum", bufptr,
                                 entriesread, totalentries);
        table_free(&t);
        return st;
}
