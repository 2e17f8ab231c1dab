/* utmp_source.c - the login sessions of utmp (getutxent: USER_PROCESS records).
 * The client is the remote host utmp names (or its address), or this computer for
 * local logins; the idle time is the age of the terminal's last input (its atime,
 * as w(1) reads it). utmp's reading position is process-wide: reads take a lock. */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <utmpx.h>

#include "netapi_int.h"

static pthread_mutex_t ut_lock = PTHREAD_MUTEX_INITIALIZER;

struct ut_filter {
        const char *client, *user;
        const struct hostinfo *h;
        time_t now;
};

static uint32_t idle_seconds(const struct utmpx *u, time_t now)
{
        char line[sizeof(u->ut_line) + 1], path[sizeof(line) + 8];
        struct stat st;

        snprintf(line, sizeof(line), "%.*s", (int)sizeof(u->ut_line), u->ut_line);
        /* no terminal (an X display ":0", nothing): no last input to read */
        if (!line[0] || strstr(line, ".."))
                return 0;
        snprintf(path, sizeof(path), "/dev/%s", line);
        if (stat(path, &st) < 0 || !S_ISCHR(st.st_mode) || st.st_atime > now)
                return 0;
        return (uint32_t)(now - st.st_atime);
}

/* The client of a login: the remote host utmp names; its address (ut_addr_v6) when
 * the name was left empty, as login programs that do not resolve names do; this
 * computer for a local login (no host, or an X display ":N" of this machine). */
static void client_name(const struct utmpx *u, const struct hostinfo *h, char *out, size_t cap)
{
        char buf[INET6_ADDRSTRLEN];
        uint32_t a[4];

        memcpy(a, u->ut_addr_v6, sizeof(a));
        snprintf(out, cap, "%.*s", (int)sizeof(u->ut_host), u->ut_host);
        if (out[0] && out[0] != ':')
                return;
        if (!out[0] && (a[0] || a[1] || a[2] || a[3])) {
                /* IPv4 logins store the address in the first word, the rest zero */
                if (!a[1] && !a[2] && !a[3])
                        inet_ntop(AF_INET, a, buf, sizeof(buf));
                else if (!a[0] && !a[1] && a[2] == htonl(0xffff))
                        inet_ntop(AF_INET, a + 3, buf, sizeof(buf));
                else
                        inet_ntop(AF_INET6, a, buf, sizeof(buf));
                snprintf(out, cap, "%s", buf);
                return;
        }
        snprintf(out, cap, "%s", h->netbios);
}

static int add_session(struct table *t, const struct utmpx *u, const char *client,
                       const struct ut_filter *f)
{
        struct session_row *s = vec_push(&t->rows);
        char cname[sizeof(u->ut_host) + 3];
        int r;

        if (!s)
                return -ENOMEM;
        snprintf(cname, sizeof(cname), "\\\\%s", client);
        s->time = u->ut_tv.tv_sec > 0 && u->ut_tv.tv_sec <= f->now
                      ? (uint32_t)(f->now - u->ut_tv.tv_sec)
                      : 0;
        s->idle = idle_seconds(u, f->now);
        r = strpool_add_str(&t->pool, cname, &s->cname);
        r = r ? r
              : strpool_add(&t->pool, u->ut_user, strnlen(u->ut_user, sizeof(u->ut_user)),
                            &s->user);
        if (r)
                t->rows.n--;
        return r;
}

static int consider(struct table *t, const struct utmpx *u, const struct ut_filter *f)
{
        char host[sizeof(u->ut_host) + 1], user[sizeof(u->ut_user) + 1];

        if (u->ut_type != USER_PROCESS)
                return 0;
        client_name(u, f->h, host, sizeof(host));
        snprintf(user, sizeof(user), "%.*s", (int)sizeof(u->ut_user), u->ut_user);
        if (f->client && strcasecmp(f->client, host))
                return 0;
        if (f->user && strcmp(f->user, user))
                return 0;
        return add_session(t, u, host, f);
}

int sessions_load(struct table *t, const char *client, const char *user, const struct hostinfo *h)
{
        struct ut_filter f = {client, user, h, time(NULL)};
        struct utmpx *u;
        int r = 0;

        pthread_mutex_lock(&ut_lock);
        setutxent();
        while (!r && (u = getutxent()))
                r = consider(t, u, &f);
        endutxent();
        pthread_mutex_unlock(&ut_lock);
        return r;
}
