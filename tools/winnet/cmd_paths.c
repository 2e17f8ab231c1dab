/* cmd_paths.c - `winnet paths [-4|-6]`: GetIpPathTable (the kernel's learned path
 * MTUs and redirects) as an aligned table or, with --json, every field. */
#include <stddef.h>
#include <stdio.h>
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
    {"path_mtu", COL_U64, true, true},
    {"source", COL_STR, false, false},
    {"rtt_mean", COL_U64, false, false},
    {"rtt_deviation", COL_U64, false, false},
    {"is_reachable", COL_BOOL, false, false},
    {"last_reachable", COL_U64, false, false},
    {"link_transmit_speed", COL_U64, false, false},
    {"link_receive_speed", COL_U64, false, false},
    {"luid", COL_U64, false, false},
};

static void put_row(struct table *t, const void *row, const struct ifnames *names)
{
        const MIB_IPPATH_ROW *r = row;
        char d[80], h[80], s[80], n[IF_MAX_STRING_SIZE + 1];

        table_str(t, 0, sockaddr_text(&r->Destination, d, sizeof(d)));
        table_str(t, 1, sockaddr_text(&r->CurrentNextHop, h, sizeof(h)));
        table_u64(t, 2, r->InterfaceIndex);
        table_str(t, 3, ifnames_get(names, r->InterfaceIndex, n, sizeof(n)));
        table_u64(t, 4, r->PathMtu);
        table_str(t, 5, sockaddr_text(&r->Source, s, sizeof(s)));
        table_u64(t, 6, r->RttMean);
        table_u64(t, 7, r->RttDeviation);
        table_bool(t, 8, r->IsReachable);
        table_u64(t, 9, r->LastReachable);
        table_u64(t, 10, r->LinkTransmitSpeed);
        table_u64(t, 11, r->LinkReceiveSpeed);
        table_u64(t, 12, r->InterfaceLuid.Value);
}

static const struct mib_view view = {"GetIpPathTable",
                                     cols,
                                     sizeof(cols) / sizeof(cols[0]),
                                     offsetof(MIB_IPPATH_TABLE, Table),
                                     sizeof(MIB_IPPATH_ROW),
                                     put_row};

int cmd_paths(struct cli *cli, int argc, char **argv)
{
        PMIB_IPPATH_TABLE rows = NULL;
        ADDRESS_FAMILY family;
        struct ifnames names;
        DWORD err;
        int r;

        if (parse_family_opts("paths", argc, argv, &family, NULL, NULL))
                return 2;
        err = GetIpPathTable(family, &rows);
        ifnames_load(&names);
        r = print_mib_table(cli, &view, err, rows, &names);
        ifnames_free(&names);
        return r;
}
