/* cmd_addresses.c - `winnet addresses [--anycast|--multicast] [-4|-6]`:
 * GetUnicastIpAddressTable (or the anycast / multicast table) as an aligned
 * table or, with --json, every row field. */
#include <stddef.h>
#include <stdio.h>
#include <sys/socket.h>

#include "iphlpapi.h"

#include "cli.h"
#include "commands.h"
#include "net_text.h"

static const struct column unicast_cols[] = {
    {"index", COL_U64, true, true},
    {"interface", COL_STR, true, false},
    {"address", COL_STR, true, false},
    {"prefix_length", COL_U64, true, true},
    {"dad_state", COL_STR, true, false},
    {"prefix_origin", COL_STR, true, false},
    {"suffix_origin", COL_STR, true, false},
    {"valid_lifetime", COL_U64, true, true},
    {"preferred_lifetime", COL_U64, true, true},
    {"skip_as_source", COL_BOOL, false, false},
    {"scope_id", COL_U64, false, false},
    {"luid", COL_U64, false, false},
    {"creation_time", COL_I64, false, false},
};

static const struct column group_cols[] = {
    {"index", COL_U64, true, true},    {"interface", COL_STR, true, false},
    {"address", COL_STR, true, false}, {"scope_id", COL_U64, true, true},
    {"luid", COL_U64, false, false},
};

static const char *dad_name(NL_DAD_STATE s)
{
        static const char *const n[] = {"invalid", "tentative", "duplicate", "deprecated",
                                        "preferred"};

        return (unsigned)s < 5 ? n[s] : "?";
}

static const char *prefix_name(NL_PREFIX_ORIGIN o)
{
        static const char *const n[] = {"other", "manual", "well-known", "dhcp",
                                        "router-advertisement"};

        return (unsigned)o < 5 ? n[o] : "?";
}

static const char *suffix_name(NL_SUFFIX_ORIGIN o)
{
        static const char *const n[] = {"other", "manual",     "well-known",
                                        "dhcp",  "link-layer", "random"};

        return (unsigned)o < 6 ? n[o] : "?";
}

static void put_unicast_row(struct table *t, const MIB_UNICASTIPADDRESS_ROW *r,
                            const struct ifnames *names)
{
        char a[80], n[IF_MAX_STRING_SIZE + 1];

        table_u64(t, 0, r->InterfaceIndex);
        table_str(t, 1, ifnames_get(names, r->InterfaceIndex, n, sizeof(n)));
        table_str(t, 2, sockaddr_text(&r->Address, a, sizeof(a)));
        table_u64(t, 3, r->OnLinkPrefixLength);
        table_str(t, 4, dad_name(r->DadState));
        table_str(t, 5, prefix_name(r->PrefixOrigin));
        table_str(t, 6, suffix_name(r->SuffixOrigin));
        table_u64(t, 7, r->ValidLifetime);
        table_u64(t, 8, r->PreferredLifetime);
        table_bool(t, 9, r->SkipAsSource);
        table_u64(t, 10, r->ScopeId.Value);
        table_u64(t, 11, r->InterfaceLuid.Value);
        table_i64(t, 12, r->CreationTimeStamp.QuadPart);
}

static void put_group(struct table *t, const SOCKADDR_INET *addr, NET_IFINDEX index, ULONG scope,
                      ULONG64 luid, const struct ifnames *names)
{
        char a[80], n[IF_MAX_STRING_SIZE + 1];

        table_u64(t, 0, index);
        table_str(t, 1, ifnames_get(names, index, n, sizeof(n)));
        table_str(t, 2, sockaddr_text(addr, a, sizeof(a)));
        table_u64(t, 3, scope);
        table_u64(t, 4, luid);
}

static void put_unicast(struct table *t, const void *row, const struct ifnames *names)
{
        put_unicast_row(t, row, names);
}

static void put_anycast(struct table *t, const void *row, const struct ifnames *names)
{
        const MIB_ANYCASTIPADDRESS_ROW *r = row;

        put_group(t, &r->Address, r->InterfaceIndex, r->ScopeId.Value, r->InterfaceLuid.Value,
                  names);
}

static void put_multicast(struct table *t, const void *row, const struct ifnames *names)
{
        const MIB_MULTICASTIPADDRESS_ROW *r = row;

        put_group(t, &r->Address, r->InterfaceIndex, r->ScopeId.Value, r->InterfaceLuid.Value,
                  names);
}

static const struct mib_view unicast_view = {"GetUnicastIpAddressTable",
                                             unicast_cols,
                                             sizeof(unicast_cols) / sizeof(unicast_cols[0]),
                                             offsetof(MIB_UNICASTIPADDRESS_TABLE, Table),
                                             sizeof(MIB_UNICASTIPADDRESS_ROW),
                                             put_unicast};
static const struct mib_view anycast_view = {"GetAnycastIpAddressTable",
                                             group_cols,
                                             sizeof(group_cols) / sizeof(group_cols[0]),
                                             offsetof(MIB_ANYCASTIPADDRESS_TABLE, Table),
                                             sizeof(MIB_ANYCASTIPADDRESS_ROW),
                                             put_anycast};
static const struct mib_view multicast_view = {"GetMulticastIpAddressTable",
                                               group_cols,
                                               sizeof(group_cols) / sizeof(group_cols[0]),
                                               offsetof(MIB_MULTICASTIPADDRESS_TABLE, Table),
                                               sizeof(MIB_MULTICASTIPADDRESS_ROW),
                                               put_multicast};

/* Reads the chosen table (0 unicast, 1 anycast, 2 multicast) and prints it. */
static int show(struct cli *cli, int which, ADDRESS_FAMILY family, const struct ifnames *names)
{
        PMIB_UNICASTIPADDRESS_TABLE unicast = NULL;
        PMIB_ANYCASTIPADDRESS_TABLE anycast = NULL;
        PMIB_MULTICASTIPADDRESS_TABLE multicast = NULL;
        DWORD err;

        if (which == 1) {
                err = GetAnycastIpAddressTable(family, &anycast);
                return print_mib_table(cli, &anycast_view, err, anycast, names);
        }
        if (which == 2) {
                err = GetMulticastIpAddressTable(family, &multicast);
                return print_mib_table(cli, &multicast_view, err, multicast, names);
        }
        err = GetUnicastIpAddressTable(family, &unicast);
        return print_mib_table(cli, &unicast_view, err, unicast, names);
}

int cmd_addresses(struct cli *cli, int argc, char **argv)
{
        static const char *const extra[] = {"--anycast", "--multicast", NULL};
        int hits[2] = {0, 0}, r;
        ADDRESS_FAMILY family;
        struct ifnames names;

        if (parse_family_opts("addresses", argc, argv, &family, extra, hits))
                return 2;
        if (hits[0] && hits[1])
                return cli_error("addresses: --anycast and --multicast exclude each other"), 2;
        ifnames_load(&names);
        r = show(cli, hits[0] ? 1 : hits[1] ? 2 : 0, family, &names);
        ifnames_free(&names);
        return r;
}
