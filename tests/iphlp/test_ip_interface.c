/* test_ip_interface.c - GetIpInterfaceTable, GetIpInterfaceEntry and
 * InitializeIpInterfaceEntry in a namespace of our own: which links have an IPv4
 * and an IPv6 row, and every field against `ip -j -d link` and
 * /proc/sys/net/ipv{4,6}/{conf,neigh}/<if>/ as the namespace sees them; every
 * error code of shared/reference/iphlpapi.md (user mode), including a namespace
 * where IPv6 is off everywhere and one where loopback has no IP at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "iphlpapi.h"
#include "winnet.h"

#include "check.h"
#include "topology.h"

int check_failures;

/* A sysctl of the link as the namespace shows it; `def` when it does not exist. */
static long sys(const char *fmt, const char *ifname, long def)
{
        char path[256];
        long v;

        snprintf(path, sizeof(path), fmt, ifname);
        return netns_sysctl_read(&topo_ns, path, &v) == 0 ? v : def;
}

static bool expect_row(const char *ifname, int family)
{
        if (family == AF_INET)
                return sys("net/ipv4/conf/%s/forwarding", ifname, -1) >= 0;
        return sys("net/ipv6/conf/%s/disable_ipv6", ifname, 1) == 0;
}

/* The kernel runs DAD where the link's accept_dad or all's is at least 1. */
static long expected_dad(const char *n, bool nd)
{
        if (!nd || (sys("net/ipv6/conf/%s/accept_dad", n, 0) <= 0 &&
                    sys("net/ipv6/conf/%s/accept_dad", "all", 0) <= 0))
                return 0;
        return sys("net/ipv6/conf/%s/dad_transmits", n, 0);
}

/* IPv4 forwards what arrives on a link whose forwarding is on; IPv6 when
 * conf/all/forwarding is on or the link's force_forwarding (Linux 6.17+): the
 * link's own IPv6 forwarding is only its router role (ip6_forward). */
static bool expected_forwarding(const char *n, bool v6)
{
        if (!v6)
                return sys("net/ipv4/conf/%s/forwarding", n, 0) != 0;
        return sys("net/ipv6/conf/%s/forwarding", "all", 0) != 0 ||
               sys("net/ipv6/conf/%s/force_forwarding", n, 0) != 0;
}

static long expected_rd(const char *n, bool nd)
{
        long ra = sys("net/ipv6/conf/%s/accept_ra", n, 0);
        long fwd = sys("net/ipv6/conf/%s/forwarding", n, 0);

        return nd && (ra == 2 || (ra == 1 && !fwd)) ? RouterDiscoveryEnabled
                                                    : RouterDiscoveryDisabled;
}

static uint64_t expected_token(const char *n)
{
        char *out = netns_sh_output(&topo_ns, "ip token get dev %s | cut -d' ' -f2", n);
        unsigned a = 0, b = 0, c = 0, d = 0;
        uint64_t v = 0;

        if (out && sscanf(out, "::%x:%x:%x:%x", &a, &b, &c, &d) == 4)
                v = ((uint64_t)a << 48) | ((uint64_t)b << 32) | ((uint64_t)c << 16) | d;
        free(out);
        return v;
}

static void check_zones(const MIB_IPINTERFACE_ROW *r, const char *n)
{
        int level;

        for (level = 0; level < ScopeLevelCount; level++) {
                ULONG want = level >= ScopeLevelInterface && level <= ScopeLevelAdmin
                                 ? r->InterfaceIndex
                             : level >= ScopeLevelSite && level < ScopeLevelGlobal ? 1
                                                                                   : 0;
                CHECK_EQ(n, "ZoneIndices[level]", r->ZoneIndices[level], want);
        }
}

static void check_common(const MIB_IPINTERFACE_ROW *r, json_t *l, const char *n, bool v6)
{
        const char *fam = v6 ? "6" : "4";
        char path[128];
        long base;

        CHECK_EQ(n, "InterfaceIndex", r->InterfaceIndex, netns_json_int(l, "ifindex", -1));
        CHECK_EQ(n, "InterfaceLuid.IfType", r->InterfaceLuid.Info.IfType, topo_expected_iftype(l));
        CHECK_EQ(n, "InterfaceLuid.NetLuidIndex", r->InterfaceLuid.Info.NetLuidIndex,
                 r->InterfaceIndex);
        CHECK_EQ(n, "ForwardingEnabled", r->ForwardingEnabled, expected_forwarding(n, v6));
        snprintf(path, sizeof(path), "net/ipv%s/neigh/%%s/base_reachable_time_ms", fam);
        base = sys(path, n, -1);
        CHECK_EQ(n, "BaseReachableTime", r->BaseReachableTime, base);
        CHECK_RANGE(n, "ReachableTime", r->ReachableTime, base / 2, base * 3 / 2);
        snprintf(path, sizeof(path), "net/ipv%s/neigh/%%s/retrans_time_ms", fam);
        CHECK_EQ(n, "RetransmitTime", r->RetransmitTime, sys(path, n, -1));
        snprintf(path, sizeof(path), "net/ipv%s/route/mtu_expires", fam);
        CHECK_EQ(n, "PathMtuDiscoveryTimeout", r->PathMtuDiscoveryTimeout, sys(path, "", 0) * 1000);
        CHECK_EQ(n, "Connected", r->Connected,
                 netns_json_has_flag(l, "UP") &&
                     (!strcmp(netns_json_str(l, "operstate"), "UP") ||
                      !strcmp(netns_json_str(l, "operstate"), "UNKNOWN")));
        CHECK_EQ(n, "UseNeighborUnreachabilityDetection", r->UseNeighborUnreachabilityDetection,
                 topo_uses_nd(l));
        CHECK_EQ(n, "SupportsNeighborDiscovery", r->SupportsNeighborDiscovery, topo_uses_nd(l));
        check_zones(r, n);
}

/* What Linux has no notion of, with the constants docs/iphlp-fields.md gives. */
static void check_constants(const MIB_IPINTERFACE_ROW *r, const char *n)
{
        CHECK_EQ(n, "MaxReassemblySize", r->MaxReassemblySize, 65535);
        CHECK_EQ(n, "MinRouterAdvertisementInterval", r->MinRouterAdvertisementInterval, 0);
        CHECK_EQ(n, "MaxRouterAdvertisementInterval", r->MaxRouterAdvertisementInterval, 0);
        CHECK_EQ(n, "AdvertisingEnabled", r->AdvertisingEnabled, 0);
        CHECK_EQ(n, "WeakHostSend", r->WeakHostSend, 1);
        CHECK_EQ(n, "WeakHostReceive", r->WeakHostReceive, 1);
        CHECK_EQ(n, "UseAutomaticMetric", r->UseAutomaticMetric, 0);
        CHECK_EQ(n, "AdvertiseDefaultRoute", r->AdvertiseDefaultRoute, 0);
        CHECK_EQ(n, "LinkLocalAddressTimeout", r->LinkLocalAddressTimeout, 0);
        CHECK_EQ(n, "SitePrefixLength", r->SitePrefixLength, 0);
        CHECK_EQ(n, "Metric", r->Metric, 0);
        CHECK_EQ(n, "SupportsWakeUpPatterns", r->SupportsWakeUpPatterns, 0);
        CHECK_EQ(n, "DisableDefaultRoutes", r->DisableDefaultRoutes, 0);
        CHECK_EQ(n, "ManagedAddressConfigurationSupported", r->ManagedAddressConfigurationSupported,
                 0); /* no router advertises here */
        CHECK_EQ(n, "OtherStatefulConfigurationSupported", r->OtherStatefulConfigurationSupported,
                 0);
}

static void check_v4(const MIB_IPINTERFACE_ROW *r, json_t *l, const char *n)
{
        CHECK_EQ(n, "[v4] NlMtu", r->NlMtu, netns_json_int(l, "mtu", -1));
        CHECK_EQ(n, "[v4] DadTransmits", r->DadTransmits, 0);
        CHECK_EQ(n, "[v4] RouterDiscoveryBehavior", r->RouterDiscoveryBehavior,
                 RouterDiscoveryDisabled);
        CHECK_EQ(n, "[v4] SupportsRouterDiscovery", r->SupportsRouterDiscovery, 0);
        CHECK_EQ(n, "[v4] LinkLocalAddressBehavior", r->LinkLocalAddressBehavior,
                 LinkLocalAlwaysOff);
        CHECK_EQ(n, "[v4] InterfaceIdentifier", r->InterfaceIdentifier, 0);
}

static void check_v6(const MIB_IPINTERFACE_ROW *r, json_t *l, const char *n)
{
        const char *mode = netns_json_str(l, "inet6_addr_gen_mode");
        bool nd = topo_uses_nd(l);

        CHECK_EQ(n, "[v6] NlMtu", r->NlMtu, sys("net/ipv6/conf/%s/mtu", n, -1));
        CHECK_EQ(n, "[v6] DadTransmits", r->DadTransmits, expected_dad(n, nd));
        CHECK_EQ(n, "[v6] RouterDiscoveryBehavior", r->RouterDiscoveryBehavior, expected_rd(n, nd));
        CHECK_EQ(n, "[v6] SupportsRouterDiscovery", r->SupportsRouterDiscovery, nd);
        /* loopback gets ::1 alone from the kernel, never a link-local */
        CHECK_EQ(n, "[v6] LinkLocalAddressBehavior", r->LinkLocalAddressBehavior,
                 (mode && !strcmp(mode, "none")) || netns_json_has_flag(l, "LOOPBACK")
                     ? LinkLocalAlwaysOff
                     : LinkLocalAlwaysOn);
        CHECK_EQ(n, "[v6] InterfaceIdentifier", r->InterfaceIdentifier, expected_token(n));
}

/* Every (link, family) the kernel has gives exactly one row, in order. */
static void check_table(const MIB_IPINTERFACE_TABLE *t, json_t *links, int family)
{
        size_t i, k = 0;
        json_t *l;

        json_array_foreach(links, i, l)
        {
                const char *n = netns_json_str(l, "ifname");
                int f;

                for (f = 0; f < 2; f++) {
                        int fam = f ? AF_INET6 : AF_INET;

                        if ((family != AF_UNSPEC && family != fam) || !expect_row(n, fam))
                                continue;
                        if (k >= t->NumEntries ||
                            t->Table[k].InterfaceIndex != (ULONG)netns_json_int(l, "ifindex", -1) ||
                            t->Table[k].Family != fam) {
                                fprintf(stderr, "%s: no IPv%d row at position %zu\n", n, f ? 6 : 4,
                                        k);
                                check_failures++;
                                continue;
                        }
                        check_common(&t->Table[k], l, n, f);
                        check_constants(&t->Table[k], n);
                        if (f)
                                check_v6(&t->Table[k], l, n);
                        else
                                check_v4(&t->Table[k], l, n);
                        k++;
                }
        }
        CHECK_EQ("table", "NumEntries", t->NumEntries, k);
}

static void table_matches_proc_sys(int family)
{
        PMIB_IPINTERFACE_TABLE t = NULL;
        json_t *links;

        assert_int_equal(GetIpInterfaceTable((ADDRESS_FAMILY)family, &t), NO_ERROR);
        links = netns_links_json(&topo_ns);
        check_failures = 0;
        check_table(t, links, family);
        json_decref(links);
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
}

static void unspec_table_matches_every_field(void **state)
{
        (void)state;
        table_matches_proc_sys(AF_UNSPEC);
}

static void inet_table_matches_every_field(void **state)
{
        (void)state;
        table_matches_proc_sys(AF_INET);
}

static void inet6_table_matches_every_field(void **state)
{
        (void)state;
        table_matches_proc_sys(AF_INET6);
}

static void topology_has_the_cases_it_claims(void **state)
{
        (void)state;
        assert_int_equal(sys("net/ipv6/conf/%s/disable_ipv6", "vb1", 0), 1); /* no IPv6 row */
        assert_int_equal(sys("net/ipv6/conf/%s/mtu", "vc1", -1), -1);        /* no inet6 dev */
        assert_int_equal(sys("net/ipv6/conf/%s/forwarding", "va0", 0), 1);
        assert_int_equal(sys("net/ipv6/neigh/%s/retrans_time_ms", "va1", 0), 2500);
}

static void entry_equals_table_row(void **state)
{
        PMIB_IPINTERFACE_TABLE t = NULL;
        ULONG i;

        (void)state;
        assert_int_equal(GetIpInterfaceTable(AF_UNSPEC, &t), NO_ERROR);
        for (i = 0; i < t->NumEntries; i++) {
                MIB_IPINTERFACE_ROW a, b;

                InitializeIpInterfaceEntry(&a);
                a.Family = t->Table[i].Family;
                a.InterfaceIndex = t->Table[i].InterfaceIndex;
                assert_int_equal(GetIpInterfaceEntry(&a), NO_ERROR);
                assert_int_equal(a.InterfaceLuid.Value, t->Table[i].InterfaceLuid.Value);
                InitializeIpInterfaceEntry(&b);
                b.Family = t->Table[i].Family;
                b.InterfaceLuid = t->Table[i].InterfaceLuid;
                assert_int_equal(GetIpInterfaceEntry(&b), NO_ERROR);
                /* ReachableTime is re-randomised by the kernel: compare the rest. */
                a.ReachableTime = b.ReachableTime = t->Table[i].ReachableTime;
                assert_memory_equal(&a, &t->Table[i], sizeof(a));
                assert_memory_equal(&b, &t->Table[i], sizeof(b));
        }
        FreeMibTable(t);
}

static void initialize_sets_unspec_and_zero(void **state)
{
        MIB_IPINTERFACE_ROW r, zero;

        (void)state;
        memset(&r, 0x77, sizeof(r));
        InitializeIpInterfaceEntry(&r);
        memset(&zero, 0, sizeof(zero));
        zero.Family = AF_UNSPEC;
        assert_memory_equal(&r, &zero, sizeof(r));
        InitializeIpInterfaceEntry(NULL); /* no crash */
}

static void table_errors_follow_the_reference(void **state)
{
        PMIB_IPINTERFACE_TABLE t = (PMIB_IPINTERFACE_TABLE)&t;
        int bad[] = {1, 3, 17, 0xffff, 30 /* Windows' AF_INET6 */};
        size_t i;

        (void)state;
        assert_int_equal(GetIpInterfaceTable(AF_INET, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(GetIpInterfaceTable(AF_UNSPEC, NULL), ERROR_INVALID_PARAMETER);
        for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                t = (PMIB_IPINTERFACE_TABLE)&t;
                assert_int_equal(GetIpInterfaceTable((ADDRESS_FAMILY)bad[i], &t),
                                 ERROR_INVALID_PARAMETER);
                assert_null(t);
        }
}

static void entry_errors_follow_the_reference(void **state)
{
        MIB_IPINTERFACE_ROW r, saved;
        unsigned vb1 = if_nametoindex("vb1");

        (void)state;
        assert_true(vb1 != 0);
        assert_int_equal(GetIpInterfaceEntry(NULL), ERROR_INVALID_PARAMETER);
        InitializeIpInterfaceEntry(&r);
        r.InterfaceIndex = 1;
        assert_int_equal(GetIpInterfaceEntry(&r), ERROR_INVALID_PARAMETER); /* AF_UNSPEC */
        r.Family = AF_INET;
        r.InterfaceIndex = 0;
        assert_int_equal(GetIpInterfaceEntry(&r), ERROR_INVALID_PARAMETER); /* no key */
        r.InterfaceIndex = 999999;
        saved = r;
        assert_int_equal(GetIpInterfaceEntry(&r), ERROR_FILE_NOT_FOUND);
        assert_memory_equal(&r, &saved, sizeof(r));
        r.InterfaceLuid.Info.IfType = IF_TYPE_SOFTWARE_LOOPBACK;
        r.InterfaceLuid.Info.NetLuidIndex = if_nametoindex("va0"); /* wrong type */
        assert_int_equal(GetIpInterfaceEntry(&r), ERROR_FILE_NOT_FOUND);
        InitializeIpInterfaceEntry(&r);
        r.Family = AF_INET6;
        r.InterfaceIndex = vb1; /* exists, IPv6 disabled on it */
        assert_int_equal(GetIpInterfaceEntry(&r), ERROR_NOT_FOUND);
        r.InterfaceIndex = if_nametoindex("vc1"); /* exists, MTU too small for IPv6 */
        assert_int_equal(GetIpInterfaceEntry(&r), ERROR_NOT_FOUND);
        r.Family = AF_INET;
        assert_int_equal(GetIpInterfaceEntry(&r), NO_ERROR);
        assert_int_equal(r.InterfaceLuid.Info.NetLuidIndex, r.InterfaceIndex); /* LUID filled */
}

/* conf/all/accept_dad turns DAD on for a link whose own accept_dad is 0: the
 * kernel runs it (a new address is tentative) and DadTransmits says so. */
static BOOLEAN v6_forwarding(NET_IFINDEX ifindex)
{
        MIB_IPINTERFACE_ROW r;

        InitializeIpInterfaceEntry(&r);
        r.Family = AF_INET6;
        r.InterfaceIndex = ifindex;
        assert_int_equal(GetIpInterfaceEntry(&r), NO_ERROR);
        return r.ForwardingEnabled;
}

/* IPv6 forwarding is conf/all/forwarding or the link's force_forwarding, not the
 * link's own forwarding (its router role), in the table and the entry alike. */
static void ipv6_forwarding_is_what_the_kernel_does(void **state)
{
        struct test_netns d;
        NET_LUID luid;
        NET_IFINDEX f0, f1;
        long v;
        bool force;

        (void)state;
        assert_int_equal(netns_create(&d, "fwd", false), 0);
        assert_int_equal(netns_ip(&d, "link add fw0 type veth peer name fw1"), 0);
        assert_int_equal(netns_sysctl_write(&d, "net/ipv6/conf/fw0/forwarding", "1"), 0);
        assert_int_equal(netns_sysctl_write(&d, "net/ipv4/conf/fw0/forwarding", "1"), 0);
        force = netns_sysctl_read(&d, "net/ipv6/conf/fw1/force_forwarding", &v) == 0;
        assert_int_equal(winnet_set_thread_netns(d.name), NO_ERROR);
        assert_int_equal(ConvertInterfaceAliasToLuid(u"fw0", &luid), NO_ERROR);
        assert_int_equal(ConvertInterfaceLuidToIndex(&luid, &f0), NO_ERROR);
        assert_int_equal(ConvertInterfaceAliasToLuid(u"fw1", &luid), NO_ERROR);
        assert_int_equal(ConvertInterfaceLuidToIndex(&luid, &f1), NO_ERROR);

        /* all off: fw0's own forwarding makes it a router, it forwards nothing */
        assert_false(v6_forwarding(f0));
        assert_false(v6_forwarding(f1));
        if (force) { /* Linux 6.17+: force_forwarding forwards what fw1 receives */
                assert_int_equal(netns_sysctl_write(&d, "net/ipv6/conf/fw1/force_forwarding", "1"),
                                 0);
                assert_true(v6_forwarding(f1));
                assert_false(v6_forwarding(f0));
                assert_int_equal(netns_sysctl_write(&d, "net/ipv6/conf/fw1/force_forwarding", "0"),
                                 0);
        }
        /* all on: every link forwards, even one whose own forwarding is set back to 0 */
        assert_int_equal(netns_sysctl_write(&d, "net/ipv6/conf/all/forwarding", "1"), 0);
        assert_int_equal(netns_sysctl_write(&d, "net/ipv6/conf/fw1/forwarding", "0"), 0);
        assert_true(v6_forwarding(f0));
        assert_true(v6_forwarding(f1));
        {
                PMIB_IPINTERFACE_TABLE t = NULL;
                ULONG k, on = 0;

                assert_int_equal(GetIpInterfaceTable(AF_UNSPEC, &t), NO_ERROR);
                for (k = 0; k < t->NumEntries; k++) {
                        const MIB_IPINTERFACE_ROW *r = &t->Table[k];

                        if (r->Family == AF_INET6 &&
                            (r->InterfaceIndex == f0 || r->InterfaceIndex == f1))
                                on += r->ForwardingEnabled;
                        if (r->Family == AF_INET && r->InterfaceIndex == f0)
                                assert_true(r->ForwardingEnabled); /* IPv4: the link's own */
                        if (r->Family == AF_INET && r->InterfaceIndex == f1)
                                assert_false(r->ForwardingEnabled);
                }
                assert_int_equal(on, 2);
                FreeMibTable(t);
        }
        assert_int_equal(winnet_set_thread_netns(NULL), NO_ERROR);
        netns_destroy(&d);
}

static void all_accept_dad_counts(void **state)
{
        struct test_netns d;
        MIB_IPINTERFACE_ROW r;
        PMIB_IPINTERFACE_TABLE t = NULL;
        NET_IFINDEX ifindex;
        ULONG i, seen = 0;
        char *out;

        (void)state;
        assert_int_equal(netns_create(&d, "dad", false), 0);
        assert_int_equal(netns_ip(&d, "link add dd0 type veth peer name dd1"), 0);
        assert_int_equal(netns_sysctl_write(&d, "net/ipv6/conf/dd0/accept_dad", "0"), 0);
        assert_int_equal(netns_sysctl_write(&d, "net/ipv6/conf/dd0/dad_transmits", "4"), 0);
        assert_int_equal(winnet_set_thread_netns(d.name), NO_ERROR);
        assert_int_equal(ConvertInterfaceAliasToLuid(u"dd0", &r.InterfaceLuid), NO_ERROR);
        assert_int_equal(ConvertInterfaceLuidToIndex(&r.InterfaceLuid, &ifindex), NO_ERROR);
        for (i = 0; i < 2; i++) {
                const char *all = i ? "1" : "0";
                ULONG want = i ? 4 : 0;

                assert_int_equal(netns_sysctl_write(&d, "net/ipv6/conf/all/accept_dad", all), 0);
                InitializeIpInterfaceEntry(&r);
                r.Family = AF_INET6;
                r.InterfaceIndex = ifindex;
                assert_int_equal(GetIpInterfaceEntry(&r), NO_ERROR);
                assert_int_equal(r.DadTransmits, want);
                assert_int_equal(GetIpInterfaceTable(AF_INET6, &t), NO_ERROR);
                for (ULONG k = 0; k < t->NumEntries; k++) {
                        if (t->Table[k].InterfaceIndex == ifindex) {
                                assert_int_equal(t->Table[k].DadTransmits, want);
                                seen++;
                        }
                }
                FreeMibTable(t);
                t = NULL;
        }
        assert_int_equal(seen, 2);
        /* The kernel agrees: with all=1 a new address on the link is tentative. */
        assert_int_equal(netns_ip(&d, "link set dd1 up"), 0);
        assert_int_equal(netns_ip(&d, "link set dd0 up"), 0);
        assert_int_equal(netns_ip(&d, "addr add 2001:db8:dad::1/64 dev dd0"), 0);
        out = netns_sh_output(&d, "ip -6 -o addr show dev dd0 tentative");
        assert_non_null(out);
        assert_non_null(strstr(out, "2001:db8:dad::1"));
        free(out);
        assert_int_equal(winnet_set_thread_netns(NULL), NO_ERROR);
        netns_destroy(&d);
}

/* IPv6 off everywhere: the IPv6 transport counts as absent (NOT_SUPPORTED). */
static void ipv6_off_everywhere_is_not_supported(void **state)
{
        struct test_netns off;
        PMIB_IPINTERFACE_TABLE t = NULL;
        ULONG i;

        (void)state;
        assert_int_equal(netns_create(&off, "noipv6", false), 0);
        assert_int_equal(netns_sysctl_write(&off, "net/ipv6/conf/all/disable_ipv6", "1"), 0);
        assert_int_equal(winnet_set_thread_netns(off.name), NO_ERROR);
        assert_int_equal(GetIpInterfaceTable(AF_INET6, &t), ERROR_NOT_SUPPORTED);
        assert_null(t);
        assert_int_equal(GetIpInterfaceTable(AF_UNSPEC, &t), NO_ERROR);
        for (i = 0; i < t->NumEntries; i++)
                assert_int_equal(t->Table[i].Family, AF_INET);
        FreeMibTable(t);
        assert_int_equal(GetIpInterfaceTable(AF_INET, &t), NO_ERROR);
        FreeMibTable(t);
        assert_int_equal(winnet_set_thread_netns(NULL), NO_ERROR);
        netns_destroy(&off);
}

/* Loopback with an MTU below IPv4's minimum loses IPv4 (IPv6 keeps loopback's
 * device); with IPv6 disabled too, the namespace has no IP interface at all. */
static void no_ip_interfaces_is_not_found(void **state)
{
        struct test_netns bare;
        PMIB_IPINTERFACE_TABLE t = NULL;
        MIB_IPINTERFACE_ROW r;

        (void)state;
        assert_int_equal(netns_create(&bare, "noip", false), 0);
        assert_int_equal(netns_ip(&bare, "link set lo mtu 60"), 0);
        assert_int_equal(winnet_set_thread_netns(bare.name), NO_ERROR);
        assert_int_equal(GetIpInterfaceTable(AF_INET, &t), ERROR_NOT_FOUND);
        assert_null(t);
        InitializeIpInterfaceEntry(&r);
        r.Family = AF_INET;
        r.InterfaceIndex = 1;
        assert_int_equal(GetIpInterfaceEntry(&r), ERROR_NOT_FOUND);
        assert_int_equal(GetIpInterfaceTable(AF_UNSPEC, &t), NO_ERROR);
        assert_int_equal(t->NumEntries, 1);
        assert_int_equal(t->Table[0].Family, AF_INET6);
        FreeMibTable(t);
        t = NULL;
        assert_int_equal(netns_sysctl_write(&bare, "net/ipv6/conf/lo/disable_ipv6", "1"), 0);
        assert_int_equal(GetIpInterfaceTable(AF_UNSPEC, &t), ERROR_NOT_FOUND);
        assert_int_equal(GetIpInterfaceTable(AF_INET6, &t), ERROR_NOT_SUPPORTED);
        assert_null(t);
        r.Family = AF_INET6;
        assert_int_equal(GetIpInterfaceEntry(&r), ERROR_NOT_FOUND);
        assert_int_equal(winnet_set_thread_netns(NULL), NO_ERROR);
        netns_destroy(&bare);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(topology_has_the_cases_it_claims),
            cmocka_unit_test(unspec_table_matches_every_field),
            cmocka_unit_test(inet_table_matches_every_field),
            cmocka_unit_test(inet6_table_matches_every_field),
            cmocka_unit_test(entry_equals_table_row),
            cmocka_unit_test(initialize_sets_unspec_and_zero),
            cmocka_unit_test(all_accept_dad_counts),
            cmocka_unit_test(ipv6_forwarding_is_what_the_kernel_does),
            cmocka_unit_test(table_errors_follow_the_reference),
            cmocka_unit_test(entry_errors_follow_the_reference),
            cmocka_unit_test(ipv6_off_everywhere_is_not_supported),
            cmocka_unit_test(no_ip_interfaces_is_not_found),
        };

        netns_require();
        return cmocka_run_group_tests(tests, topo_group_setup, topo_group_teardown);
}
