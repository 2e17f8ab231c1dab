/* cmd_neighbors.c - `winnet neighbors [-4|-6]`: GetIpNetTable2 (the ARP and NDP
 * caches) as an aligned table or, with --json, every field. */
#include <stddef.h>
#include <stdio.h>
#include <sys/socket.h>

#include "iphlpapi.h"

#include "cli.h"
#include "commands.h"
#include "net_text.h"

static const struct column cols[] = {
    {"address", COL_STR, true, false},
    {"physical_address", COL_STR, true, false},
    {"index", COL_U64, true, true},
    {"interface", COL_STR, true, false},
    {"state", COL_STR, true, false},
    {"is_router", COL_BOOL, true, false},
    {"is_unreachable", COL_BOOL, true, false},
    {"reachability_time", COL_U64, false, false},
    {"luid", COL_U64, false, false},
};

static const char *state_name(NL_NEIGHBOR_STATE s)
{
        static const char *const n[] = {"unreachable", "incomplete", "probe",    "delay",
                                        "stale",       "reachable",  "permanent"};

        return (unsigned)s < 7 ? n[s] : "?";
}

static void put_row(struct table *t, const void *row, const struct ifnames *names)
{
        const MIB_IPNET_ROW2 *r = row;
        char a[80], l[3 * IF_MAX_PHYS_ADDRESS_LENGTH + 1], n[IF_MAX_STRING_SIZE + 1];

        table_str(t, 0, sockaddr_text(&r->Address, a, sizeof(a)));
        table_str(t, 1, lladdr_text(r->PhysicalAddress, r->PhysicalAddressLength, l, sizeof(l)));
        table_u64(t, 2, r->InterfaceIndex);
        table_str(t, 3, ifnames_get(names, r->InterfaceIndex, n, sizeof(n)));
        table_str(t, 4, state_name(r->State));
        table_bool(t, 5, r->IsRouter);
        table_bool(t, 6, r->IsUnreachable);
        table_u64(t, 7, r->ReachabilityTime.LastReachable);
        table_u64(t, 8, r->InterfaceLuid.Value);
}

static const struct mib_view view = {"GetIpNetTable2",
                                     cols,
                                     sizeof(cols) / sizeof(cols[0]),
                                     offsetof(MIB_IPNET_TABLE2, Table),
                                     sizeof(MIB_IPNET_ROW2),
                                     put_row};

int cmd_neighbors(struct cli *cli, int argc, char **argv)
{
        PMIB_IPNET_TABLE2 rows = NULL;
        ADDRESS_FAMILY family;
        struct ifnames names;
        DWORD err;
        int r;

        if (parse_family_opts("neighbors", argc, argv, &family, NULL, NULL))
                return 2;
        err = GetIpNetTable2(family, &rows);
        ifnames_load(&names);
        r = print_mib_table(cli, &view, err, rows, &names);
        ifnames_free(&names);
        return r;
}
