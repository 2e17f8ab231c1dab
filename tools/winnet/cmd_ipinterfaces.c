/* cmd_ipinterfaces.c - `winnet ipinterfaces [-4|-6]`: GetIpInterfaceTable as an
 * aligned table (interface names from one GetIfTable2Ex) or, with --json, every
 * MIB_IPINTERFACE_ROW field. The default command. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "iphlpapi.h"

#include "cli.h"
#include "commands.h"
#include "net_text.h"

enum {
        C_INDEX,
        C_ALIAS,
        C_FAMILY,
        C_CONNECTED,
        C_FORWARDING,
        C_MTU,
        C_DAD,
        C_RD,
        C_REACHABLE,
        C_RETRANS,
        C_METRIC,
        C_LUID,
        C_MAX_REASM,
        C_IID,
        C_MIN_RA,
        C_MAX_RA,
        C_ADVERTISING,
        C_WEAK_SEND,
        C_WEAK_RECEIVE,
        C_AUTO_METRIC,
        C_NUD,
        C_MANAGED,
        C_OTHER,
        C_ADV_DEFAULT,
        C_BASE_REACHABLE,
        C_PMTU_TIMEOUT,
        C_LL_BEHAVIOR,
        C_LL_TIMEOUT,
        C_ZONES,
        C_SITE_PREFIX,
        C_WAKE,
        C_ND,
        C_RD_SUPPORTED,
        C_TX_OFFLOAD,
        C_RX_OFFLOAD,
        C_NO_DEFAULT_ROUTES,
        C_COUNT
};

static const struct column cols[C_COUNT] = {
    [C_INDEX] = {"index", COL_U64, true, true},
    [C_ALIAS] = {"alias", COL_STR, true, false},
    [C_FAMILY] = {"family", COL_STR, true, false},
    [C_CONNECTED] = {"connected", COL_BOOL, true, false},
    [C_FORWARDING] = {"forwarding", COL_BOOL, true, false},
    [C_MTU] = {"nl_mtu", COL_U64, true, true},
    [C_DAD] = {"dad_transmits", COL_U64, true, true},
    [C_RD] = {"router_discovery", COL_STR, true, false},
    [C_REACHABLE] = {"reachable_time", COL_U64, true, true},
    [C_RETRANS] = {"retransmit_time", COL_U64, true, true},
    [C_METRIC] = {"metric", COL_U64, true, true},
    [C_LUID] = {"luid", COL_U64, false, false},
    [C_MAX_REASM] = {"max_reassembly_size", COL_U64, false, false},
    [C_IID] = {"interface_identifier", COL_U64, false, false},
    [C_MIN_RA] = {"min_router_advertisement_interval", COL_U64, false, false},
    [C_MAX_RA] = {"max_router_advertisement_interval", COL_U64, false, false},
    [C_ADVERTISING] = {"advertising_enabled", COL_BOOL, false, false},
    [C_WEAK_SEND] = {"weak_host_send", COL_BOOL, false, false},
    [C_WEAK_RECEIVE] = {"weak_host_receive", COL_BOOL, false, false},
    [C_AUTO_METRIC] = {"use_automatic_metric", COL_BOOL, false, false},
    [C_NUD] = {"use_neighbor_unreachability_detection", COL_BOOL, false, false},
    [C_MANAGED] = {"managed_address_configuration_supported", COL_BOOL, false, false},
    [C_OTHER] = {"other_stateful_configuration_supported", COL_BOOL, false, false},
    [C_ADV_DEFAULT] = {"advertise_default_route", COL_BOOL, false, false},
    [C_BASE_REACHABLE] = {"base_reachable_time", COL_U64, false, false},
    [C_PMTU_TIMEOUT] = {"path_mtu_discovery_timeout", COL_U64, false, false},
    [C_LL_BEHAVIOR] = {"link_local_address_behavior", COL_I64, false, false},
    [C_LL_TIMEOUT] = {"link_local_address_timeout", COL_U64, false, false},
    [C_ZONES] = {"zone_indices", COL_STR, false, false},
    [C_SITE_PREFIX] = {"site_prefix_length", COL_U64, false, false},
    [C_WAKE] = {"supports_wake_up_patterns", COL_BOOL, false, false},
    [C_ND] = {"supports_neighbor_discovery", COL_BOOL, false, false},
    [C_RD_SUPPORTED] = {"supports_router_discovery", COL_BOOL, false, false},
    [C_TX_OFFLOAD] = {"transmit_offload", COL_U64, false, false},
    [C_RX_OFFLOAD] = {"receive_offload", COL_U64, false, false},
    [C_NO_DEFAULT_ROUTES] = {"disable_default_routes", COL_BOOL, false, false},
};

static const char *rd_name(NL_ROUTER_DISCOVERY_BEHAVIOR b)
{
        return b == RouterDiscoveryEnabled ? "enabled"
               : b == RouterDiscoveryDhcp  ? "dhcp"
                                           : "disabled";
}

static UCHAR offload_bits(const NL_INTERFACE_OFFLOAD_ROD *o)
{
        UCHAR b;

        memcpy(&b, o, 1);
        return b;
}

static void put_main(struct table *t, const MIB_IPINTERFACE_ROW *r, const struct ifnames *names)
{
        char name[4 * (IF_MAX_STRING_SIZE + 2)];

        table_u64(t, C_INDEX, r->InterfaceIndex);
        table_str(t, C_ALIAS, ifnames_get(names, r->InterfaceIndex, name, sizeof(name)));
        table_str(t, C_FAMILY, r->Family == AF_INET6 ? "ipv6" : "ipv4");
        table_bool(t, C_CONNECTED, r->Connected);
        table_bool(t, C_FORWARDING, r->ForwardingEnabled);
        table_u64(t, C_MTU, r->NlMtu);
        table_u64(t, C_DAD, r->DadTransmits);
        table_str(t, C_RD, rd_name(r->RouterDiscoveryBehavior));
        table_u64(t, C_REACHABLE, r->ReachableTime);
        table_u64(t, C_RETRANS, r->RetransmitTime);
        table_u64(t, C_METRIC, r->Metric);
}

static void put_rest(struct table *t, const MIB_IPINTERFACE_ROW *r)
{
        char zones[16 * 11 + 1];
        size_t n = 0;
        int i;

        for (i = 0; i < ScopeLevelCount; i++)
                n += (size_t)snprintf(zones + n, sizeof(zones) - n, i ? ",%u" : "%u",
                                      (unsigned)r->ZoneIndices[i]);
        table_u64(t, C_LUID, r->InterfaceLuid.Value);
        table_u64(t, C_MAX_REASM, r->MaxReassemblySize);
        table_u64(t, C_IID, r->InterfaceIdentifier);
        table_u64(t, C_MIN_RA, r->MinRouterAdvertisementInterval);
        table_u64(t, C_MAX_RA, r->MaxRouterAdvertisementInterval);
        table_bool(t, C_ADVERTISING, r->AdvertisingEnabled);
        table_bool(t, C_WEAK_SEND, r->WeakHostSend);
        table_bool(t, C_WEAK_RECEIVE, r->WeakHostReceive);
        table_bool(t, C_AUTO_METRIC, r->UseAutomaticMetric);
        table_bool(t, C_NUD, r->UseNeighborUnreachabilityDetection);
        table_bool(t, C_MANAGED, r->ManagedAddressConfigurationSupported);
        table_bool(t, C_OTHER, r->OtherStatefulConfigurationSupported);
        table_bool(t, C_ADV_DEFAULT, r->AdvertiseDefaultRoute);
        table_u64(t, C_BASE_REACHABLE, r->BaseReachableTime);
        table_u64(t, C_PMTU_TIMEOUT, r->PathMtuDiscoveryTimeout);
        table_i64(t, C_LL_BEHAVIOR, r->LinkLocalAddressBehavior);
        table_u64(t, C_LL_TIMEOUT, r->LinkLocalAddressTimeout);
        table_str(t, C_ZONES, zones);
        table_u64(t, C_SITE_PREFIX, r->SitePrefixLength);
        table_bool(t, C_WAKE, r->SupportsWakeUpPatterns);
        table_bool(t, C_ND, r->SupportsNeighborDiscovery);
        table_bool(t, C_RD_SUPPORTED, r->SupportsRouterDiscovery);
        table_u64(t, C_TX_OFFLOAD, offload_bits(&r->TransmitOffload));
        table_u64(t, C_RX_OFFLOAD, offload_bits(&r->ReceiveOffload));
        table_bool(t, C_NO_DEFAULT_ROUTES, r->DisableDefaultRoutes);
}

int cmd_ipinterfaces(struct cli *cli, int argc, char **argv)
{
        PMIB_IPINTERFACE_TABLE rows = NULL;
        ADDRESS_FAMILY family;
        struct ifnames names;
        struct table *t;
        DWORD err;
        ULONG i, n;

        if (parse_family_opts("ipinterfaces", argc, argv, &family, NULL, NULL))
                return 2;
        err = GetIpInterfaceTable(family, &rows);
        if (err != NO_ERROR)
                return cli_api_error("GetIpInterfaceTable", err);
        ifnames_load(&names);
        n = rows->NumEntries;
        t = table_new(cols, C_COUNT);
        for (i = 0; t && i < n; i++) {
                if (table_row(t) < 0)
                        break;
                put_main(t, &rows->Table[i], &names);
                put_rest(t, &rows->Table[i]);
        }
        FreeMibTable(rows);
        ifnames_free(&names);
        if (!t || i < n) {
                table_free(t);
                return cli_error("out of memory");
        }
        return table_print(t, cli, stdout);
}
