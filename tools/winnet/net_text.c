/* net_text.c - interface names, addresses and the family option for the IP Helper
 * commands (see net_text.h). */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "net_text.h"

void ifnames_load(struct ifnames *n)
{
        n->table = NULL;
        if (GetIfTable2Ex(MibIfTableNormalWithoutStatistics, &n->table) != NO_ERROR)
                n->table = NULL;
}

/* The alias of `index` converted by `text`, or the index. */
const char *ifnames_get(const struct ifnames *n, NET_IFINDEX index, char *buf, size_t cap)
{
        ULONG i;

        for (i = 0; n->table && i < n->table->NumEntries; i++)
                if (n->table->Table[i].InterfaceIndex == index)
                        return cli_wstr(n->table->Table[i].Alias, buf, cap);
        snprintf(buf, cap, "%u", (unsigned)index);
        return buf;
}

void ifnames_free(struct ifnames *n)
{
        FreeMibTable(n->table);
        n->table = NULL;
}

const char *ipaddr_text(const SOCKADDR_INET *a, char *buf, size_t cap)
{
        buf[0] = '\0';
        if (a->si_family == AF_INET)
                inet_ntop(AF_INET, &a->Ipv4.sin_addr, buf, (socklen_t)cap);
        else if (a->si_family == AF_INET6)
                inet_ntop(AF_INET6, &a->Ipv6.sin6_addr, buf, (socklen_t)cap);
        return buf;
}

const char *sockaddr_text(const SOCKADDR_INET *a, char *buf, size_t cap)
{
        size_t len = strlen(ipaddr_text(a, buf, cap));

        if (a->si_family == AF_INET6 && a->Ipv6.sin6_scope_id && len < cap)
                snprintf(buf + len, cap - len, "%%%u", (unsigned)a->Ipv6.sin6_scope_id);
        return buf;
}

const char *lladdr_text(const UCHAR *addr, ULONG len, char *buf, size_t cap)
{
        size_t n = 0;
        ULONG i;

        buf[0] = '\0';
        for (i = 0; i < len && n + 3 < cap; i++)
                n += (size_t)snprintf(buf + n, cap - n, i ? ":%02x" : "%02x", addr[i]);
        return buf;
}

bool family_flag(const char *arg, ADDRESS_FAMILY *ret_family)
{
        if (strcmp(arg, "-4") && strcmp(arg, "-6"))
                return false;
        *ret_family = arg[1] == '4' ? AF_INET : AF_INET6;
        return true;
}

int parse_family_opts(const char *cmd, int argc, char **argv, ADDRESS_FAMILY *ret,
                      const char *const *extra, int *hits)
{
        int i, k;

        *ret = AF_UNSPEC;
        for (i = 1; i < argc; i++) {
                if (family_flag(argv[i], ret))
                        continue;
                for (k = 0; extra && extra[k] && strcmp(argv[i], extra[k]); k++)
                        ;
                if (!extra || !extra[k]) {
                        cli_error("%s: unknown argument '%s'", cmd, argv[i]);
                        return 2;
                }
                hits[k] = 1;
        }
        return 0;
}

int print_mib_table(struct cli *cli, const struct mib_view *v, DWORD err, void *mib,
                    const struct ifnames *names)
{
        const unsigned char *rows = mib;
        struct table *t;
        ULONG i, n;

        if (err != NO_ERROR && err != ERROR_NOT_FOUND) {
                FreeMibTable(mib);
                return cli_api_error(v->api, err);
        }
        n = mib ? *(const ULONG *)mib : 0;
        t = table_new(v->cols, v->ncols);
        for (i = 0; t && i < n && table_row(t) == 0; i++)
                v->put(t, rows + v->rows_at + (size_t)i * v->row_size, names);
        FreeMibTable(mib);
        return t ? table_print(t, cli, stdout) : cli_error("out of memory");
}
