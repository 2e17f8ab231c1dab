/* utmp_source.c - the login sessions of utmp (getutxent: USER_PROCESS records).
 * The client is the remote host utmp names, or this computer for local logins;
 * the idle time is the age of the terminal's last input (its atime, as w(1)
 * reads it). utmp's reading position is process-wide: reads take a lock. */
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
        char path[sizeof(u->ut_line) + 8];
        struct stat st;

        snprintf(path, sizeof(path), "/dev/%.*s", (int)sizeof(u->ut_line), u->ut_line);
        if (stat(path, &st) < 0 || st.st_atime > now)
                return 0;
        return (uint32_t)(now - st.st_atime);
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
        snprintf(host, sizeof(host), "%.*s", (int)sizeof(u->ut_host), u->ut_host);
        snprintf(user, sizeof(user), "%.*s", (int)sizeof(u->ut_user), u->ut_user);
        if (!host[0])
                snprintf(host, sizeof(host), "%s", f->h->netbios);
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
