/* avahi.c - servers announced on the LAN as DNS-SD _smb._tcp services, read
 * through Avahi's own browser: `avahi-browse --parsable --terminate --resolve`.
 * It asks the running avahi-daemon (over D-Bus) and ends once the daemon's cache
 * is exhausted; without the daemon or the tool there are none. Each resolved
 * service (a line starting with '=') gives one server, named in NetBIOS style
 * after its host name; this host and duplicates (one line per interface and
 * protocol) are left out. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lmserver.h"
#include "netapi_int.h"

#define AVAHI_TIMEOUT_MS 3000
#define FIELDS           10

/* avahi-browse escapes ';', '\' and unprintable bytes as \DDD (decimal). */
static void unescape(char *s)
{
        char *o = s;

        while (*s) {
                if (s[0] == '\\' && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
                    isdigit((unsigned char)s[3])) {
                        *o++ = (char)((s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'));
                        s += 4;
                } else if (s[0] == '\\' && s[1]) {
                        *o++ = s[1];
                        s += 2;
                } else {
                        *o++ = *s++;
                }
        }
        *o = '\0';
}

/* Splits at unescaped ';' (escaped ones are \059, so every ';' splits). */
static int split(char *line, char *f[FIELDS])
{
        int n = 0;

        f[n++] = line;
        for (; *line && n < FIELDS; line++)
                if (*line == ';') {
                        *line = '\0';
                        f[n++] = line + 1;
                }
        return n;
}

static int known(const struct table *t, const char *name)
{
        struct wstr w;
        size_t i, j, n = strlen(name);

        for (i = 0; i < t->rows.n; i++) {
                w = ((const struct server_row *)vec_at(&t->rows, i))->name;
                if (w.len != n)
                        continue;
                for (j = 0; j < n && strpool_get(&t->pool, w)[j] == (unsigned char)name[j]; j++)
                        ;
                if (j == n)
                        return 1;
        }
        return 0;
}

static int add_server(struct table *t, char *f[FIELDS], const struct hostinfo *h)
{
        struct server_row *s;
        char name[16];
        int r;

        unescape(f[3]);
        unescape(f[6]);
        netbios_from_host(f[6], name);
        if (!name[0] || !strcmp(name, h->netbios) || known(t, name))
                return 0;
        s = vec_push(&t->rows);
        if (!s)
                return -ENOMEM;
        s->platform = PLATFORM_ID_NT;
        s->type = SV_TYPE_SERVER;
        r = strpool_add_str(&t->pool, name, &s->name);
        r = r ? r : strpool_add_str(&t->pool, f[3], &s->comment);
        r = r ? r : strpool_add_str(&t->pool, "", &s->langroup);
        r = r ? r : strpool_add_str(&t->pool, "", &s->userpath);
        return r;
}

int avahi_parse(struct table *t, const char *text, const struct hostinfo *h)
{
        size_t len = strlen(text);
        char *copy = wn_malloc(len + 1), *line, *save = NULL;
        char *f[FIELDS];
        int r = 0;

        if (!copy)
                return -ENOMEM;
        memcpy(copy, text, len + 1);
        for (line = strtok_r(copy, "\n", &save); line && !r; line = strtok_r(NULL, "\n", &save))
                if (line[0] == '=' && split(line, f) >= 9 && !strcmp(f[4], "_smb._tcp"))
                        r = add_server(t, f, h);
        wn_free(copy);
        return r;
}

int avahi_servers_load(struct table *t, const struct hostinfo *h)
{
        static const char *const argv[] = {
            "avahi-browse",   "--parsable", "--terminate", "--resolve",
            "--no-db-lookup", "_smb._tcp",  NULL};
        char *out;
        int r = spawn_tool(argv, AVAHI_TIMEOUT_MS, &out);

        if (r < 0 || !out)
                return r; /* !out: no avahi-browse, or no answer in time: nothing announced */
        r = avahi_parse(t, out, h);
        wn_free(out);
        return r;
}
