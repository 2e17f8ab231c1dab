/* user_source.c - the passwd database through NSS (getpwent_r, getpwnam_r), so
 * directory users (LDAP, SSSD) count like local ones. Only the public fields of
 * struct passwd are read: pw_passwd is never touched and shadow is never opened.
 * The enumeration position of getpwent is process-wide, so enumerations are
 * serialised by one lock (not a hot path). */
#include <errno.h>
#include <pthread.h>
#include <pwd.h>
#include <string.h>

#include "netapi_int.h"

static pthread_mutex_t pw_lock = PTHREAD_MUTEX_INITIALIZER;

/* Samba keeps machine (workstation trust) accounts as users named "host$". */
static uint32_t account_type(const char *name)
{
        size_t n = strlen(name);

        return n > 1 && name[n - 1] == '$' ? UF_WORKSTATION_TRUST_ACCOUNT : UF_NORMAL_ACCOUNT;
}

static int filter_matches(DWORD filter, uint32_t type)
{
        static const struct {
                DWORD filter;
                uint32_t type;
        } map[] = {
            {FILTER_TEMP_DUPLICATE_ACCOUNT, UF_TEMP_DUPLICATE_ACCOUNT},
            {FILTER_NORMAL_ACCOUNT, UF_NORMAL_ACCOUNT},
            {FILTER_INTERDOMAIN_TRUST_ACCOUNT, UF_INTERDOMAIN_TRUST_ACCOUNT},
            {FILTER_WORKSTATION_TRUST_ACCOUNT, UF_WORKSTATION_TRUST_ACCOUNT},
            {FILTER_SERVER_TRUST_ACCOUNT, UF_SERVER_TRUST_ACCOUNT},
        };
        size_t i;

        if (!filter)
                return 1;
        for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
                if ((filter & map[i].filter) && type == map[i].type)
                        return 1;
        return 0;
}

/* A shell that refuses interactive logins marks a disabled account. */
static int shell_refuses_login(const char *shell)
{
        const char *base = strrchr(shell, '/');

        base = base ? base + 1 : shell;
        /* the first letter first: this runs for every user of an enumeration */
        return (*base == 'n' && !strcmp(base, "nologin")) ||
               (*base == 'f' && !strcmp(base, "false"));
}

static uint32_t user_priv(const struct passwd *pw)
{
        if (pw->pw_uid == 0)
                return USER_PRIV_ADMIN;
        /* nobody is Samba's default guest account */
        return pw->pw_name[0] == 'n' && !strcmp(pw->pw_name, "nobody") ? USER_PRIV_GUEST
                                                                       : USER_PRIV_USER;
}

/* GECOS: the full name, then the other fields (room, phones, other) as the comment. */
static int add_strings(struct table *t, const struct passwd *pw, struct user_row *u,
                       unsigned fields)
{
        const char *gecos = pw->pw_gecos ? pw->pw_gecos : "";
        const char *comma = strchr(gecos, ',');
        size_t full = comma ? (size_t)(comma - gecos) : strlen(gecos);
        const char *comment = comma ? comma + 1 : "", *home = pw->pw_dir ? pw->pw_dir : "";
        int r = 0;

        /* only ever packed: names are what the snapshot reads back */
        if (fields & USER_FULL_NAME)
                r = strpool_add_packed(&t->pool, gecos, full, &u->full_name);
        if (!r && (fields & USER_COMMENT))
                r = strpool_add_packed(&t->pool, comment, strlen(comment), &u->comment);
        if (!r && (fields & USER_HOME))
                r = strpool_add_packed(&t->pool, home, strlen(home), &u->home);
        return r;
}

static int add_row(struct table *t, const struct passwd *pw, uint32_t type, unsigned fields)
{
        struct user_row *u = vec_push(&t->rows);
        int r;

        if (!u)
                return -ENOMEM;
        u->uid = pw->pw_uid;
        u->gid = pw->pw_gid;
        u->priv = user_priv(pw);
        u->flags = UF_SCRIPT | type;
        if (pw->pw_shell && shell_refuses_login(pw->pw_shell))
                u->flags |= UF_ACCOUNTDISABLE;
        u->full_name = u->comment = u->home = wstr_null();
        r = strpool_add_str(&t->pool, pw->pw_name, &u->name);
        if (!r && fields)
                r = add_strings(t, pw, u, fields);
        if (r)
                t->rows.n--;
        return r;
}

#define PW_BUF 4096 /* grows when an entry needs more */

static int enumerate(struct table *t, DWORD filter, unsigned fields, struct nss_buf *b)
{
        struct passwd pw;
        uint32_t type;
        int r;

        setpwent();
        while ((r = nss_getpwent(b, &pw)) > 0) {
                type = account_type(pw.pw_name);
                r = filter_matches(filter, type) ? add_row(t, &pw, type, fields) : 0;
                if (r)
                        break;
        }
        endpwent();
        return r;
}

/* The size of the last enumeration: the next one reserves that much at once
 * instead of growing (and copying) step by step. Only a hint. */
static size_t hint_rows, hint_units[USER_ALL + 1], hint_bytes[USER_ALL + 1];

int users_load(struct table *t, DWORD filter, unsigned fields)
{
        struct nss_buf b = {NULL, PW_BUF};
        int r;

        pthread_mutex_lock(&pw_lock);
        r = vec_reserve(&t->rows, hint_rows);
        r = r ? r : strpool_reserve(&t->pool, hint_units[fields & USER_ALL]);
        r = r ? r : strpool_reserve_bytes(&t->pool, hint_bytes[fields & USER_ALL]);
        r = r ? r : enumerate(t, filter, fields, &b);
        /* NSS lists a name once per source and line that holds it (a user in both
         * /etc/passwd and LDAP, a repeated line); getpwnam, and so logins and
         * NetUserGetInfo, see the first. A name no lookup can reach is left out. */
        r = r ? r : table_unique_names(t);
        if (!r && filter == 0) {
                hint_rows = t->rows.n;
                hint_units[fields & USER_ALL] = t->pool.n;
                hint_bytes[fields & USER_ALL] = t->pool.bn;
        }
        pthread_mutex_unlock(&pw_lock);
        nss_buf_free(&b);
        return r;
}

int user_lookup(struct table *t, const char *name)
{
        struct nss_buf b = {NULL, PW_BUF};
        struct passwd pw;
        int r = nss_getpwnam(&b, name, &pw);

        r = r ? r : add_row(t, &pw, account_type(pw.pw_name), USER_ALL);
        nss_buf_free(&b);
        return r;
}
