/* test_if_table.c - GetIfTable2, GetIfTable2Ex and GetIfEntry2(Ex) in a namespace
 * of our own: every row and field against `ip -j -d -s link` and ethtool, the
 * counters between two reads of `ip -s`, the three levels, and every error code
 * of shared/reference/iphlpapi.md (user mode). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "iphlpapi.h"
#include "winnet.h"

#include "check.h"
#include "topology.h"

int check_failures;

static unsigned expected_oper(json_t *l)
{
        const char *s = netns_json_str(l, "operstate");
        static const char *const names[] = {"",        "UP",      "DOWN",       "TESTING",
                                            "UNKNOWN", "DORMANT", "NOTPRESENT", "LOWERLAYERDOWN"};
        unsigned i;

        if (s && !strcmp(s, "UNKNOWN"))
                return netns_json_has_flag(l, "UP") ? IfOperStatusUp : IfOperStatusDown;
        for (i = 1; s && i < 8; i++)
                if (!strcmp(s, names[i]))
                        return i;
        return IfOperStatusUnknown;
}

static unsigned expected_media(json_t *l)
{
        if (!netns_json_has_flag(l, "UP"))
                return MediaConnectStateUnknown;
        return netns_json_has_flag(l, "LOWER_UP") ? MediaConnectStateConnected
                                                  : MediaConnectStateDisconnected;
}

static unsigned expected_access(json_t *l)
{
        if (netns_json_has_flag(l, "LOOPBACK"))
                return NET_IF_ACCESS_LOOPBACK;
        if (netns_json_has_flag(l, "POINTOPOINT"))
                return NET_IF_ACCESS_POINT_TO_POINT;
        return netns_json_has_flag(l, "BROADCAST") ? NET_IF_ACCESS_BROADCAST
                                                   : NET_IF_ACCESS_POINT_TO_MULTI_POINT;
}

static void check_identity(const MIB_IF_ROW2 *r, json_t *l, const char *n)
{
        unsigned type = topo_expected_iftype(l);
        char buf[300];
        uint8_t mac[32], perm[32] = {0};
        unsigned maclen = topo_parse_mac(netns_json_str(l, "address"), mac, sizeof(mac));
        unsigned permlen = topo_parse_mac(netns_json_str(l, "permaddr"), perm, sizeof(perm));

        CHECK_EQ(n, "InterfaceIndex", r->InterfaceIndex, netns_json_int(l, "ifindex", -1));
        CHECK_EQ(n, "InterfaceLuid.IfType", r->InterfaceLuid.Info.IfType, type);
        CHECK_EQ(n, "InterfaceLuid.NetLuidIndex", r->InterfaceLuid.Info.NetLuidIndex,
                 r->InterfaceIndex);
        CHECK_EQ(n, "InterfaceGuid.Data1", r->InterfaceGuid.Data1, r->InterfaceIndex);
        CHECK_EQ(n, "InterfaceGuid.Data2", r->InterfaceGuid.Data2, type);
        CHECK_STR(n, "Alias", check_ascii(r->Alias, buf, sizeof(buf)), n);
        CHECK_STR(n, "Description", check_ascii(r->Description, buf, sizeof(buf)),
                  topo_expected_description(l));
        CHECK_EQ(n, "PhysicalAddressLength", r->PhysicalAddressLength, maclen);
        CHECK_EQ(n, "PhysicalAddress", memcmp(r->PhysicalAddress, mac, maclen), 0);
        if (permlen) /* ip prints permaddr only when it differs from the address */
                CHECK_EQ(n, "PermanentPhysicalAddress",
                         memcmp(r->PermanentPhysicalAddress, perm, permlen), 0);
        else
                CHECK_EQ(n, "PermanentPhysicalAddress (none or current)",
                         memcmp(r->PermanentPhysicalAddress, perm, sizeof(perm)) &&
                             memcmp(r->PermanentPhysicalAddress, mac, maclen),
                         0);
}

static void check_state(const MIB_IF_ROW2 *r, json_t *l, const char *n)
{
        bool hw = json_object_get(l, "parentdev") != NULL;
        bool loop = netns_json_has_flag(l, "LOOPBACK");

        CHECK_EQ(n, "Mtu", r->Mtu, netns_json_int(l, "mtu", -1));
        CHECK_EQ(n, "Type", r->Type, topo_expected_iftype(l));
        CHECK_EQ(n, "TunnelType", r->TunnelType, TUNNEL_TYPE_NONE);
        CHECK_EQ(n, "MediaType", r->MediaType, loop ? NdisMediumLoopback : NdisMedium802_3);
        CHECK_EQ(n, "PhysicalMediumType", r->PhysicalMediumType,
                 hw ? NdisPhysicalMedium802_3 : NdisPhysicalMediumUnspecified);
        CHECK_EQ(n, "AccessType", r->AccessType, expected_access(l));
        CHECK_EQ(n, "DirectionType", r->DirectionType, NET_IF_DIRECTION_SENDRECEIVE);
        CHECK_EQ(n, "HardwareInterface", r->InterfaceAndOperStatusFlags.HardwareInterface, hw);
        CHECK_EQ(n, "FilterInterface", r->InterfaceAndOperStatusFlags.FilterInterface, 0);
        CHECK_EQ(n, "ConnectorPresent", r->InterfaceAndOperStatusFlags.ConnectorPresent, hw);
        CHECK_EQ(n, "NotAuthenticated", r->InterfaceAndOperStatusFlags.NotAuthenticated,
                 expected_oper(l) == IfOperStatusDormant);
        CHECK_EQ(n, "NotMediaConnected", r->InterfaceAndOperStatusFlags.NotMediaConnected,
                 expected_media(l) == MediaConnectStateDisconnected);
        CHECK_EQ(n, "Paused", r->InterfaceAndOperStatusFlags.Paused, 0);
        CHECK_EQ(n, "LowPower", r->InterfaceAndOperStatusFlags.LowPower, 0);
        CHECK_EQ(n, "EndPointInterface", r->InterfaceAndOperStatusFlags.EndPointInterface, 0);
        CHECK_EQ(n, "OperStatus", r->OperStatus, expected_oper(l));
        CHECK_EQ(n, "AdminStatus", r->AdminStatus,
                 netns_json_has_flag(l, "UP") ? NET_IF_ADMIN_STATUS_UP : NET_IF_ADMIN_STATUS_DOWN);
        CHECK_EQ(n, "MediaConnectState", r->MediaConnectState, expected_media(l));
        CHECK_EQ(n, "NetworkGuid.Data1", r->NetworkGuid.Data1, 0);
        CHECK_EQ(n, "ConnectionType", r->ConnectionType, NET_IF_CONNECTION_DEDICATED);
        CHECK_EQ(n, "TransmitLinkSpeed", r->TransmitLinkSpeed, topo_ethtool_speed(&topo_ns, n));
        CHECK_EQ(n, "ReceiveLinkSpeed", r->ReceiveLinkSpeed, r->TransmitLinkSpeed);
        CHECK_EQ(n, "OutQLen", r->OutQLen, netns_json_int(l, "txqlen", -1));
}

static json_t *stats_of(json_t *l, const char *dir)
{
        return json_object_get(json_object_get(l, "stats64"), dir);
}

#define BOUND(field, got, dir, key)                                          \
        CHECK_RANGE(n, field, got, netns_json_int(stats_of(a, dir), key, 0), \
                    netns_json_int(stats_of(b, dir), key, 0))

/* Each counter lies between the `ip -s` read before and the one after. */
static void check_counters(const MIB_IF_ROW2 *r, json_t *a, json_t *b, const char *n)
{
        BOUND("InOctets", r->InOctets, "rx", "bytes");
        BOUND("InUcastPkts+InNUcastPkts", r->InUcastPkts + r->InNUcastPkts, "rx", "packets");
        BOUND("InNUcastPkts", r->InNUcastPkts, "rx", "multicast");
        BOUND("InDiscards", r->InDiscards, "rx", "dropped");
        BOUND("InErrors", r->InErrors, "rx", "errors");
        BOUND("InUnknownProtos", r->InUnknownProtos, "rx", "nohandler");
        BOUND("OutOctets", r->OutOctets, "tx", "bytes");
        BOUND("OutUcastPkts", r->OutUcastPkts, "tx", "packets");
        BOUND("OutDiscards", r->OutDiscards, "tx", "dropped");
        BOUND("OutErrors", r->OutErrors, "tx", "errors");
        CHECK_EQ(n, "OutNUcastPkts", r->OutNUcastPkts, 0);
        CHECK_EQ(n, "InUcastOctets", r->InUcastOctets, 0);
        CHECK_EQ(n, "InMulticastOctets", r->InMulticastOctets, 0);
        CHECK_EQ(n, "InBroadcastOctets", r->InBroadcastOctets, 0);
        CHECK_EQ(n, "OutUcastOctets", r->OutUcastOctets, 0);
        CHECK_EQ(n, "OutMulticastOctets", r->OutMulticastOctets, 0);
        CHECK_EQ(n, "OutBroadcastOctets", r->OutBroadcastOctets, 0);
}

static void make_traffic(void)
{
        /* ARP requests out of va0 (received on va1) and pings over loopback. */
        netns_sh(&topo_ns, "ping -c 2 -i 0.2 -W 1 -I va0 192.0.2.99 >/dev/null 2>&1; "
                           "ping -c 2 -i 0.2 127.0.0.1 >/dev/null 2>&1; true");
}

static void table_matches_ip_link_field_by_field(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        json_t *before, *after;
        size_t i;

        (void)state;
        make_traffic();
        before = netns_links_json(&topo_ns);
        assert_int_equal(GetIfTable2(&t), NO_ERROR);
        after = netns_links_json(&topo_ns);
        assert_non_null(t);
        assert_int_equal(t->NumEntries, json_array_size(after));
        check_failures = 0;
        for (i = 0; i < t->NumEntries; i++) {
                const MIB_IF_ROW2 *r = &t->Table[i];
                char name[300];
                json_t *b = netns_json_link(after, check_ascii(r->Alias, name, sizeof(name)));
                json_t *a = netns_json_link(before, name);

                if (!a || !b) {
                        fprintf(stderr, "%s: row for a link ip does not show\n", name);
                        check_failures++;
                        continue;
                }
                check_identity(r, b, name);
                check_state(r, b, name);
                check_counters(r, a, b, name);
        }
        FreeMibTable(t);
        json_decref(before);
        json_decref(after);
        assert_int_equal(check_failures, 0);
}

static void rows_are_sorted_by_index_and_unique(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        ULONG i;

        (void)state;
        assert_int_equal(GetIfTable2(&t), NO_ERROR);
        for (i = 1; i < t->NumEntries; i++)
                assert_true(t->Table[i - 1].InterfaceIndex < t->Table[i].InterfaceIndex);
        FreeMibTable(t);
}

static void every_level_lists_the_same_interfaces(void **state)
{
        PMIB_IF_TABLE2 n = NULL, raw = NULL, nostat = NULL;
        ULONG i;

        (void)state;
        assert_int_equal(GetIfTable2Ex(MibIfTableNormal, &n), NO_ERROR);
        assert_int_equal(GetIfTable2Ex(MibIfTableRaw, &raw), NO_ERROR);
        assert_int_equal(GetIfTable2Ex(MibIfTableNormalWithoutStatistics, &nostat), NO_ERROR);
        assert_int_equal(n->NumEntries, raw->NumEntries);
        assert_int_equal(n->NumEntries, nostat->NumEntries);
        for (i = 0; i < n->NumEntries; i++) {
                assert_int_equal(n->Table[i].InterfaceLuid.Value,
                                 raw->Table[i].InterfaceLuid.Value);
                assert_int_equal(n->Table[i].InterfaceLuid.Value,
                                 nostat->Table[i].InterfaceLuid.Value);
                assert_int_equal(nostat->Table[i].InOctets, 0);
                assert_int_equal(nostat->Table[i].OutOctets, 0);
                assert_int_equal(nostat->Table[i].InUcastPkts, 0);
                assert_int_equal(nostat->Table[i].Mtu, n->Table[i].Mtu);
                assert_int_equal(nostat->Table[i].TransmitLinkSpeed, n->Table[i].TransmitLinkSpeed);
        }
        FreeMibTable(n);
        FreeMibTable(raw);
        FreeMibTable(nostat);
}

static void other_levels_are_invalid_and_leave_table_null(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        int levels[] = {3, 4, -1, 1000};
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
                assert_int_equal(GetIfTable2Ex((MIB_IF_TABLE_LEVEL)levels[i], &t),
                                 ERROR_INVALID_PARAMETER);
                assert_null(t);
        }
        assert_int_equal(GetIfTable2Ex(MibIfTableNormal, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(GetIfTable2(NULL), ERROR_INVALID_PARAMETER);
}

/* The fields that do not move between two reads (counters excluded). */
static void assert_same_row(const MIB_IF_ROW2 *a, const MIB_IF_ROW2 *b)
{
        assert_memory_equal(a, b, offsetof(MIB_IF_ROW2, InOctets));
        assert_int_equal(a->OutQLen, b->OutQLen);
}

static void entry_by_index_and_by_luid_equals_the_table_row(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        ULONG i;

        (void)state;
        assert_int_equal(GetIfTable2(&t), NO_ERROR);
        for (i = 0; i < t->NumEntries; i++) {
                MIB_IF_ROW2 by_index, by_luid;

                memset(&by_index, 0, sizeof(by_index));
                by_index.InterfaceIndex = t->Table[i].InterfaceIndex;
                assert_int_equal(GetIfEntry2(&by_index), NO_ERROR);
                assert_same_row(&by_index, &t->Table[i]);
                memset(&by_luid, 0, sizeof(by_luid));
                by_luid.InterfaceLuid = t->Table[i].InterfaceLuid;
                by_luid.InterfaceIndex = 424242; /* the LUID wins */
                assert_int_equal(GetIfEntry2Ex(MibIfEntryNormal, &by_luid), NO_ERROR);
                assert_same_row(&by_luid, &t->Table[i]);
        }
        FreeMibTable(t);
}

static void entry_without_statistics_has_zero_counters(void **state)
{
        MIB_IF_ROW2 r;

        (void)state;
        make_traffic();
        memset(&r, 0, sizeof(r));
        r.InterfaceIndex = 1;
        assert_int_equal(GetIfEntry2Ex(MibIfEntryNormalWithoutStatistics, &r), NO_ERROR);
        assert_int_equal(r.InOctets, 0);
        assert_int_equal(r.OutOctets, 0);
        assert_int_equal(r.Type, IF_TYPE_SOFTWARE_LOOPBACK);
        r.InterfaceLuid.Value = 0;
        assert_int_equal(GetIfEntry2Ex(MibIfEntryNormal, &r), NO_ERROR);
        assert_true(r.InOctets > 0);
}

static void entry_errors_follow_the_reference(void **state)
{
        MIB_IF_ROW2 r, saved;

        (void)state;
        assert_int_equal(GetIfEntry2(NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(GetIfEntry2Ex(MibIfEntryNormal, NULL), ERROR_INVALID_PARAMETER);
        memset(&r, 0, sizeof(r));
        assert_int_equal(GetIfEntry2(&r), ERROR_INVALID_PARAMETER); /* LUID and index zero */
        r.InterfaceIndex = 1;
        assert_int_equal(GetIfEntry2Ex((MIB_IF_ENTRY_LEVEL)1, &r), ERROR_INVALID_PARAMETER);
        assert_int_equal(GetIfEntry2Ex((MIB_IF_ENTRY_LEVEL)7, &r), ERROR_INVALID_PARAMETER);
        memset(&r, 0x5a, sizeof(r));
        r.InterfaceLuid.Value = 0;
        r.InterfaceIndex = 999999;
        saved = r;
        assert_int_equal(GetIfEntry2(&r), ERROR_FILE_NOT_FOUND);
        assert_memory_equal(&r, &saved, sizeof(r)); /* untouched on failure */
        r.InterfaceLuid.Value = 0;
        r.InterfaceLuid.Info.IfType = IF_TYPE_ETHERNET_CSMACD;
        r.InterfaceLuid.Info.NetLuidIndex = 999999;
        assert_int_equal(GetIfEntry2(&r), ERROR_FILE_NOT_FOUND);
        r.InterfaceLuid.Info.NetLuidIndex = 1; /* lo's index with the wrong type */
        assert_int_equal(GetIfEntry2(&r), ERROR_FILE_NOT_FOUND);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(table_matches_ip_link_field_by_field),
            cmocka_unit_test(rows_are_sorted_by_index_and_unique),
            cmocka_unit_test(every_level_lists_the_same_interfaces),
            cmocka_unit_test(other_levels_are_invalid_and_leave_table_null),
            cmocka_unit_test(entry_by_index_and_by_luid_equals_the_table_row),
            cmocka_unit_test(entry_without_statistics_has_zero_counters),
            cmocka_unit_test(entry_errors_follow_the_reference),
        };

        netns_require();
        return cmocka_run_group_tests(tests, topo_group_setup, topo_group_teardown);
}
