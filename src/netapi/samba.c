/* samba.c - Samba's configuration, read through Samba's own parser: `testparm -s`
 * prints the effective configuration (includes, registry shares and defaults
 * resolved). winnet reads its [global] workgroup, server role and security, and
 * one share per other section. Samba not installed is not an error. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "lmaccess.h"
#include "lmshare.h"
#include "netapi_int.h"

#define TESTPARM_TIMEOUT_MS 5000

struct section {
        char name[256];
        char comment[256];
        char path[1024];
        int printable;
        long max_connections;
};

static char *trim(char *s)
{
        char *e;

        while (isspace((unsigned char)*s))
                s++;
        e = s + strlen(s);
        while (e > s && isspace((unsigned char)e[-1]))
                *--e = '\0';
        return s;
}

static void copy(char *dst, size_t cap, const char *src)
{
        size_t n = strlen(src);

        n = n < cap ? n : cap - 1;
        memcpy(dst, src, n);
        dst[n] = '\0';
}

static int is_true(const char *v)
{
        return !strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1");
}

static void global_param(struct samba_conf *c, const char *k, const char *v)
{
        size_t i;

        if (!strcasecmp(k, "workgroup")) {
                copy(c->workgroup, sizeof(c->workgroup), v);
                for (i = 0; c->workgroup[i]; i++) /* NetBIOS names are upper case */
                        c->workgroup[i] = (char)toupper((unsigned char)c->workgroup[i]);
        } else if (!strcasecmp(k, "server role"))
                c->domain_member = strstr(v, "member") || strstr(v, "domain controller");
        else if (!strcasecmp(k, "security") && (!strcasecmp(v, "ads") || !strcasecmp(v, "domain")))
                c->domain_member = 1;
}

static void share_param(struct section *s, const char *k, const char *v)
{
        if (!strcasecmp(k, "comment"))
                copy(s->comment, sizeof(s->comment), v);
        else if (!strcasecmp(k, "path"))
                copy(s->path, sizeof(s->path), v);
        else if (!strcasecmp(k, "printable") || !strcasecmp(k, "print ok"))
                s->printable = is_true(v);
        else if (!strcasecmp(k, "max connections"))
                s->max_connections = strtol(v, NULL, 10);
}

static int add_share(struct samba_conf *c, const char *name, DWORD type, const char *comment,
                     const char *path, DWORD max_uses)
{
        struct samba_share *s = vec_push(&c->shares.rows);
        int r;

        if (!s)
                return -ENOMEM;
        s->type = type;
        s->max_uses = max_uses;
        r = strpool_add_str(&c->shares.pool, name, &s->name);
        r = r ? r : strpool_add_str(&c->shares.pool, comment, &s->comment);
        r = r ? r : strpool_add_str(&c->shares.pool, path, &s->path);
        return r;
}

static int end_section(struct samba_conf *c, const struct section *s, int want)
{
        DWORD type = s->printable || !strcmp(s->name, "printers") ? STYPE_PRINTQ : STYPE_DISKTREE;

        if (!want || !s->name[0] || !strcasecmp(s->name, "global"))
                return 0;
        return add_share(c, s->name, type, s->comment, s->path,
                         s->max_connections > 0 ? (DWORD)s->max_connections : SHI_USES_UNLIMITED);
}

/* smbd always offers IPC$ besides the configured shares. */
static int add_ipc(struct samba_conf *c)
{
        return add_share(c, "IPC$", STYPE_IPC | STYPE_SPECIAL, "IPC Service", "",
                         SHI_USES_UNLIMITED);
}

static int parse_line(struct samba_conf *c, struct section *s, char *line, int want)
{
        char *eq, *l = trim(line);
        int r;

        if (*l == '[') {
                char *end = strrchr(l, ']');

                r = end_section(c, s, want);
                memset(s, 0, sizeof(*s));
                if (end)
                        *end = '\0';
                copy(s->name, sizeof(s->name), l + 1);
                c->present = 1;
                return r;
        }
        if (*l == '#' || *l == ';' || !(eq = strchr(l, '=')))
                return 0;
        *eq = '\0';
        if (!strcasecmp(s->name, "global"))
                global_param(c, trim(l), trim(eq + 1));
        else
                share_param(s, trim(l), trim(eq + 1));
        return 0;
}

int samba_conf_parse(struct samba_conf *c, const char *text, int want_shares)
{
        struct section *s = wn_zalloc(sizeof(*s));
        const char *p = text;
        int r = 0;

        if (!s)
                return -ENOMEM;
        while (!r && *p) {
                const char *nl = strchr(p, '\n');
                size_t n = nl ? (size_t)(nl - p) : strlen(p);
                char line[1400];
                size_t k = n < sizeof(line) - 1 ? n : sizeof(line) - 1;

                memcpy(line, p, k);
                line[k] = '\0';
                r = parse_line(c, s, line, want_shares);
                p += n + (nl ? 1 : 0);
        }
        r = r ? r : end_section(c, s, want_shares);
        if (!r && want_shares && c->present)
                r = add_ipc(c);
        wn_free(s);
        return r;
}

void samba_conf_init(struct samba_conf *c)
{
        memset(c, 0, sizeof(*c));
        copy(c->workgroup, sizeof(c->workgroup), "WORKGROUP"); /* Samba's default */
        table_init(&c->shares, sizeof(struct samba_share));
}

int samba_conf_load(struct samba_conf *c, int want_shares)
{
        static const char *const argv[] = {"testparm", "-s", "--suppress-prompt", NULL};
        char *out;
        int r;

        samba_conf_init(c);
        r = spawn_tool(argv, TESTPARM_TIMEOUT_MS, &out);
        if (r < 0 || !out)
                return r; /* !out: not installed, or hung: no Samba configuration */
        r = samba_conf_parse(c, out, want_shares);
        wn_free(out);
        return r;
}

void samba_conf_free(struct samba_conf *c)
{
        table_free(&c->shares);
}
