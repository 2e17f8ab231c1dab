/* cmd_routes.c - `winnet routes [-4|-6]`: GetIpForwardTable2 (every routing
 * table, one row per next hop) as an aligned table or, with --json, every field. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "iphlpapi.h"

#include "cli.h"
#include "commands.h"
#include "net_text.h"

static const struct column cols[] = {
    {"destination", COL_STR, true, false},
    {"next_hop", COL_STR, true, false},
    {"index", COL_U64, true, true},
    {"interface", COL_STR, true, false},
    {"metric", COL_U64, true, true},
    {"protocol", COL_U64, true, true},
    {"origin", COL_U64, true, true},
    {"loopback", COL_BOOL, true, false},
    {"valid_lifetime", COL_U64, true, true},
    {"preferred_lifetime", COL_U64, false, false},
    {"site_prefix_length", COL_U64, false, false},
    {"autoconfigure_address", COL_BOOL, false, false},
    {"publish", COL_BOOL, false, false},
    {"immortal", COL_BOOL, false, false},
    {"age", COL_U64, false, false},
    {"luid", COL_U64, false, false},
};

static void put_row(struct table *t, const void *row, const struct ifnames *names)
{
        const MIB_IPFORWARD_ROW2 *r = row;
        char d[96], h[80], n[IF_MAX_STRING_SIZE + 1];
        size_t len;

        sockaddr_text(&r->DestinationPrefix.Prefix, d, sizeof(d));
        len = strlen(d);
        snprintf(d + len, sizeof(d) - len, "/%u", r->DestinationPrefix.PrefixLength);
        table_str(t, 0, d);
        table_str(t, 1, sockaddr_text(&r->NextHop, h, sizeof(h)));
        table_u64(t, 2, r->InterfaceIndex);
        table_str(t, 3, ifnames_get(names, r->InterfaceIndex, n, sizeof(n)));
        table_u64(t, 4, r->Metric);
        table_u64(t, 5, (unsigned)r->Protocol);
        table_u64(t, 6, (unsigned)r->Origin);
        table_bool(t, 7, r->Loopback);
        table_u64(t, 8, r->ValidLifetime);
        table_u64(t, 9, r->PreferredLifetime);
        table_u64(t, 10, r->SitePrefixLength);
        table_bool(t, 11, r->AutoconfigureAddress);
        table_bool(t, 12, r->Publish);
        table_bool(t, 13, r->Immortal);
        table_u64(t, 14, r->Age);
        table_u64(t, 15, r->InterfaceLuid.Value);
}

static const struct mib_view view = {
    "GetIpForwardTable2",           cols,
    sizeof(cols) / sizeof(cols[0]), offsetof(MIB_IPFORWARD_TABLE2, Table),
    sizeof(MIB_IPFORWARD_ROW2),     put_row};

int cmd_routes(struct cli *cli, int argc, char **argv)
{
        PMIB_IPFORWARD_TABLE2 rows = NULL;
        ADDRESS_FAMILY family;
        struct ifnames names;
        DWORD err;
        int r;

        if (parse_family_opts("routes", argc, argv, &family, NULL, NULL))
                return 2;
        err = GetIpForwardTable2(family, &rows);
        ifnames_load(&names);
        r = print_mib_table(cli, &view, err, rows, &names);
        ifnames_free(&names);
        return r;
}
