/* cmd_interfaces.c - `winnet interfaces`: GetIfTable2 as an aligned table (the
 * columns people look at) or, with --json, every MIB_IF_ROW2 field. */
#include <stdio.h>

#include "iphlpapi.h"

#include "cli.h"
#include "commands.h"
#include "net_text.h"

enum {
        C_INDEX,
        C_ALIAS,
        C_TYPE,
        C_OPER,
        C_ADMIN,
        C_MEDIA,
        C_MTU,
        C_SPEED,
        C_MAC,
        C_DESCRIPTION,
        C_LUID,
        C_GUID,
        C_PERM_MAC,
        C_TUNNEL,
        C_MEDIUM,
        C_PHYSICAL,
        C_ACCESS,
        C_DIRECTION,
        C_HARDWARE,
        C_FILTER,
        C_CONNECTOR,
        C_NOT_AUTH,
        C_NOT_MEDIA,
        C_PAUSED,
        C_LOW_POWER,
        C_ENDPOINT,
        C_CONNECTION,
        C_TX_SPEED,
        C_RX_SPEED,
        C_COUNTERS, /* first of the 19 counters, in row order */
};

static const char *const counter_names[] = {"in_octets",
                                            "in_ucast_pkts",
                                            "in_nucast_pkts",
                                            "in_discards",
                                            "in_errors",
                                            "in_unknown_protos",
                                            "in_ucast_octets",
                                            "in_multicast_octets",
                                            "in_broadcast_octets",
                                            "out_octets",
                                            "out_ucast_pkts",
                                            "out_nucast_pkts",
                                            "out_discards",
                                            "out_errors",
                                            "out_ucast_octets",
                                            "out_multicast_octets",
                                            "out_broadcast_octets",
                                            "out_qlen"};
#define NCOUNTERS (sizeof(counter_names) / sizeof(counter_names[0]))

static struct column cols[C_COUNTERS + NCOUNTERS] = {
    [C_INDEX] = {"index", COL_U64, true, true},
    [C_ALIAS] = {"alias", COL_STR, true, false},
    [C_TYPE] = {"type", COL_U64, true, true},
    [C_OPER] = {"oper", COL_STR, true, false},
    [C_ADMIN] = {"admin", COL_STR, true, false},
    [C_MEDIA] = {"media", COL_STR, true, false},
    [C_MTU] = {"mtu", COL_U64, true, true},
    [C_SPEED] = {"speed", COL_STR, true, true},
    [C_MAC] = {"physical_address", COL_STR, true, false},
    [C_DESCRIPTION] = {"description", COL_STR, true, false},
    [C_LUID] = {"luid", COL_U64, false, false},
    [C_GUID] = {"guid", COL_STR, false, false},
    [C_PERM_MAC] = {"permanent_physical_address", COL_STR, false, false},
    [C_TUNNEL] = {"tunnel_type", COL_U64, false, false},
    [C_MEDIUM] = {"media_type", COL_U64, false, false},
    [C_PHYSICAL] = {"physical_medium_type", COL_U64, false, false},
    [C_ACCESS] = {"access_type", COL_U64, false, false},
    [C_DIRECTION] = {"direction_type", COL_U64, false, false},
    [C_HARDWARE] = {"hardware_interface", COL_BOOL, false, false},
    [C_FILTER] = {"filter_interface", COL_BOOL, false, false},
    [C_CONNECTOR] = {"connector_present", COL_BOOL, false, false},
    [C_NOT_AUTH] = {"not_authenticated", COL_BOOL, false, false},
    [C_NOT_MEDIA] = {"not_media_connected", COL_BOOL, false, false},
    [C_PAUSED] = {"paused", COL_BOOL, false, false},
    [C_LOW_POWER] = {"low_power", COL_BOOL, false, false},
    [C_ENDPOINT] = {"endpoint_interface", COL_BOOL, false, false},
    [C_CONNECTION] = {"connection_type", COL_U64, false, false},
    [C_TX_SPEED] = {"transmit_link_speed", COL_U64, false, false},
    [C_RX_SPEED] = {"receive_link_speed", COL_U64, false, false},
};

static const char *oper_name(IF_OPER_STATUS s)
{
        static const char *const names[] = {"?",       "up",      "down",       "testing",
                                            "unknown", "dormant", "notpresent", "lowerlayerdown"};

        return (unsigned)s < 8 ? names[s] : "?";
}

static const char *media_name(NET_IF_MEDIA_CONNECT_STATE s)
{
        return s == MediaConnectStateConnected      ? "connected"
               : s == MediaConnectStateDisconnected ? "disconnected"
                                                    : "unknown";
}

static void speed_text(ULONG64 bps, char *out, size_t cap)
{
        if (bps == (ULONG64)-1)
                snprintf(out, cap, "-");
        else if (bps >= 1000000000ull && bps % 1000000000ull == 0)
                snprintf(out, cap, "%llu Gb/s", (unsigned long long)(bps / 1000000000ull));
        else
                snprintf(out, cap, "%llu Mb/s", (unsigned long long)(bps / 1000000ull));
}

static void put_identity(struct table *t, const MIB_IF_ROW2 *r)
{
        char buf[3 * IF_MAX_PHYS_ADDRESS_LENGTH + 1], text[4 * (IF_MAX_STRING_SIZE + 2)];
        const GUID *g = &r->InterfaceGuid;

        table_u64(t, C_INDEX, r->InterfaceIndex);
        table_str(t, C_ALIAS, cli_wstr(r->Alias, text, sizeof(text)));
        table_str(t, C_DESCRIPTION, cli_wstr(r->Description, text, sizeof(text)));
        table_u64(t, C_LUID, r->InterfaceLuid.Value);
        snprintf(text, sizeof(text), "{%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}",
                 (unsigned)g->Data1, g->Data2, g->Data3, g->Data4[0], g->Data4[1], g->Data4[2],
                 g->Data4[3], g->Data4[4], g->Data4[5], g->Data4[6], g->Data4[7]);
        table_str(t, C_GUID, text);
        table_str(t, C_MAC,
                  lladdr_text(r->PhysicalAddress, r->PhysicalAddressLength, buf, sizeof(buf)));
        table_str(
            t, C_PERM_MAC,
            lladdr_text(r->PermanentPhysicalAddress, r->PhysicalAddressLength, buf, sizeof(buf)));
}

static void put_state(struct table *t, const MIB_IF_ROW2 *r)
{
        char speed[32];

        table_u64(t, C_TYPE, r->Type);
        table_str(t, C_OPER, oper_name(r->OperStatus));
        table_str(t, C_ADMIN, r->AdminStatus == NET_IF_ADMIN_STATUS_UP ? "up" : "down");
        table_str(t, C_MEDIA, media_name(r->MediaConnectState));
        table_u64(t, C_MTU, r->Mtu);
        speed_text(r->TransmitLinkSpeed, speed, sizeof(speed));
        table_str(t, C_SPEED, speed);
        table_u64(t, C_TUNNEL, r->TunnelType);
        table_u64(t, C_MEDIUM, r->MediaType);
        table_u64(t, C_PHYSICAL, r->PhysicalMediumType);
        table_u64(t, C_ACCESS, r->AccessType);
        table_u64(t, C_DIRECTION, r->DirectionType);
        table_bool(t, C_HARDWARE, r->InterfaceAndOperStatusFlags.HardwareInterface);
        table_bool(t, C_FILTER, r->InterfaceAndOperStatusFlags.FilterInterface);
        table_bool(t, C_CONNECTOR, r->InterfaceAndOperStatusFlags.ConnectorPresent);
        table_bool(t, C_NOT_AUTH, r->InterfaceAndOperStatusFlags.NotAuthenticated);
        table_bool(t, C_NOT_MEDIA, r->InterfaceAndOperStatusFlags.NotMediaConnected);
        table_bool(t, C_PAUSED, r->InterfaceAndOperStatusFlags.Paused);
        table_bool(t, C_LOW_POWER, r->InterfaceAndOperStatusFlags.LowPower);
        table_bool(t, C_ENDPOINT, r->InterfaceAndOperStatusFlags.EndPointInterface);
        table_u64(t, C_CONNECTION, r->ConnectionType);
        table_u64(t, C_TX_SPEED, r->TransmitLinkSpeed);
        table_u64(t, C_RX_SPEED, r->ReceiveLinkSpeed);
}

static void put_counters(struct table *t, const MIB_IF_ROW2 *r)
{
        const ULONG64 c[NCOUNTERS] = {
            r->InOctets,           r->InUcastPkts,     r->InNUcastPkts,   r->InDiscards,
            r->InErrors,           r->InUnknownProtos, r->InUcastOctets,  r->InMulticastOctets,
            r->InBroadcastOctets,  r->OutOctets,       r->OutUcastPkts,   r->OutNUcastPkts,
            r->OutDiscards,        r->OutErrors,       r->OutUcastOctets, r->OutMulticastOctets,
            r->OutBroadcastOctets, r->OutQLen};
        size_t i;

        for (i = 0; i < NCOUNTERS; i++)
                table_u64(t, C_COUNTERS + i, c[i]);
}

int cmd_interfaces(struct cli *cli, int argc, char **argv)
{
        PMIB_IF_TABLE2 rows = NULL;
        struct table *t;
        DWORD err;
        ULONG i, n;
        size_t k;

        (void)argv;
        if (argc > 1)
                return cli_error("interfaces takes no arguments");
        for (k = 0; k < NCOUNTERS; k++)
                cols[C_COUNTERS + k] = (struct column){counter_names[k], COL_U64, false, false};
        err = GetIfTable2(&rows);
        if (err != NO_ERROR)
                return cli_api_error("GetIfTable2", err);
        n = rows->NumEntries;
        t = table_new(cols, sizeof(cols) / sizeof(cols[0]));
        for (i = 0; t && i < n; i++) {
                if (table_row(t) < 0)
                        break;
                put_identity(t, &rows->Table[i]);
                put_state(t, &rows->Table[i]);
                put_counters(t, &rows->Table[i]);
        }
        FreeMibTable(rows);
        if (!t || i < n) {
                table_free(t);
                return cli_error("out of memory");
        }
        return table_print(t, cli, stdout);
}
