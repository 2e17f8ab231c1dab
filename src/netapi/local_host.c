/* local_host.c - this machine as a server row: its NetBIOS name, description and
 * kernel version (hostinfo.c), its workgroup and domain membership from Samba
 * (samba.c; "WORKGROUP", Samba's and Windows' default, without it), the parent of
 * new home directories (HOME of /etc/default/useradd, useradd's default /home)
 * and, when asked, the number of logins in utmp. */
#include <errno.h>
#include <stdio.h>

#include "lmserver.h"
#include "netapi_int.h"

/* The SV_TYPE_* bits of this host: a Unix workstation and server of the NT kind. */
#define LOCAL_SV_TYPE (SV_TYPE_WORKSTATION | SV_TYPE_SERVER | SV_TYPE_NT | SV_TYPE_SERVER_UNIX)

static int count_logins(DWORD *ret, const struct hostinfo *h)
{
        struct table s;
        int r;

        table_init(&s, sizeof(struct session_row));
        r = sessions_load(&s, NULL, NULL, h);
        *ret = (DWORD)s.rows.n;
        table_free(&s);
        return r;
}

static int fill(struct table *t, struct server_row *row, const struct hostinfo *h,
                const struct samba_conf *c)
{
        char home[256];
        int r;

        if (kvfile_get("/etc/default/useradd", "HOME", home, sizeof(home)) < 0 || !home[0])
                snprintf(home, sizeof(home), "/home");
        row->platform = PLATFORM_ID_NT;
        row->major = h->ver_major;
        row->minor = h->ver_minor;
        row->type = LOCAL_SV_TYPE | (c->domain_member ? SV_TYPE_DOMAIN_MEMBER : 0);
        r = strpool_add_str(&t->pool, h->netbios, &row->name);
        r = r ? r : strpool_add_str(&t->pool, h->comment, &row->comment);
        r = r ? r : strpool_add_str(&t->pool, c->workgroup, &row->langroup);
        r = r ? r : strpool_add_str(&t->pool, home, &row->userpath);
        return r;
}

int local_server_row(struct table *t, unsigned what, const struct hostinfo *known)
{
        struct server_row *row;
        struct samba_conf c;
        struct hostinfo h;
        int r = 0;

        if (known)
                h = *known;
        else
                r = hostinfo_get(&h);
        if (r)
                return r;
        if (what & LOCAL_SAMBA)
                r = samba_conf_load(&c, 0);
        else
                samba_conf_init(&c);
        row = r ? NULL : vec_push(&t->rows);
        if (!r && !row)
                r = -ENOMEM;
        r = r ? r : fill(t, row, &h, &c);
        if (!r && (what & LOCAL_LOGGED_ON))
                r = count_logins(&row->logged_on, &h);
        samba_conf_free(&c);
        return r;
}
