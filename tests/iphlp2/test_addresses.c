/* test_addresses.c - GetUnicastIpAddressTable/Entry, GetAnycastIpAddressTable/
 * Entry and GetMulticastIpAddressTable/Entry against independent views of
 * namespace A: every unicast row and field against `ip -j addr` (lifetimes,
 * DAD state from the flags, origins, zone, creation time within the test's
 * lifetime), anycast against /proc/net/anycast6, multicast against `ip -j maddr`,
 * every error code of the entry calls, and an administrator's fe80:: address
 * (Manual, unlike the kernel's link-local on the same link). */
#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <time.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "check2.h"
#include "topo2.h"

int check_failures;
static int64_t start_filetime;

static int64_t filetime_now(void)
{
        struct timespec ts;

        clock_gettime(CLOCK_REALTIME, &ts);
        return 116444736000000000LL + (int64_t)ts.tv_sec * 10000000 + ts.tv_nsec / 100;
}

static int group_setup(void **state)
{
        start_filetime = filetime_now();
        return topo2_group_setup(state);
}

static bool has_flag(json_t *info, const char *flag)
{
        return json_is_true(json_object_get(info, flag));
}

static NL_DAD_STATE expected_dad(json_t *info)
{
        if (has_flag(info, "dadfailed"))
                return IpDadStateDuplicate;
        if (has_flag(info, "tentative"))
                return IpDadStateTentative;
        if (has_flag(info, "deprecated"))
                return IpDadStateDeprecated;
        return IpDadStatePreferred;
}

/* The origins the documented rules give for what `ip` shows. */
static void expected_origins(json_t *info, const char *addr, int *p, int *s)
{
        const char *scope = netns_json_str(info, "scope");

        if (!strcmp(scope, "host")) {
                *p = IpPrefixOriginWellKnown, *s = IpSuffixOriginWellKnown;
        } else if (!strncmp(addr, "fe80:", 5)) {
                *p = IpPrefixOriginWellKnown, *s = IpSuffixOriginLinkLayerAddress;
        } else if (has_flag(info, "temporary")) {
                *p = IpPrefixOriginRouterAdvertisement, *s = IpSuffixOriginRandom;
        } else if (has_flag(info, "dynamic")) {
                *p = IpPrefixOriginDhcp, *s = IpSuffixOriginDhcp;
        } else {
                *p = IpPrefixOriginManual, *s = IpSuffixOriginManual;
        }
}

static const MIB_UNICASTIPADDRESS_ROW *find_unicast(const MIB_UNICASTIPADDRESS_TABLE *t,
                                                    unsigned index, const char *addr)
{
        char b[64];
        ULONG i;

        for (i = 0; i < t->NumEntries; i++)
                if (t->Table[i].InterfaceIndex == index &&
                    !strcmp(topo2_addr(&t->Table[i].Address, b, sizeof(b)), addr))
                        return &t->Table[i];
        return NULL;
}

static void check_unicast_row(const MIB_UNICASTIPADDRESS_ROW *r, json_t *info, unsigned index,
                              const MIB_IF_TABLE2 *ifs, const char *label)
{
        const char *addr = netns_json_str(info, "local");
        bool link = !strcmp(netns_json_str(info, "scope"), "link");
        bool v6 = r->Address.si_family == AF_INET6;
        long long valid = netns_json_int(info, "valid_life_time", -1);
        long long pref = netns_json_int(info, "preferred_life_time", -1);
        int po, so;

        CHECK_EQ(label, "OnLinkPrefixLength", r->OnLinkPrefixLength,
                 netns_json_int(info, "prefixlen", -1));
        CHECK_NEAR(label, "ValidLifetime", r->ValidLifetime, valid, valid == 4294967295 ? 0 : 2);
        CHECK_NEAR(label, "PreferredLifetime", r->PreferredLifetime, pref,
                   pref == 4294967295 ? 0 : 2);
        CHECK_EQ(label, "DadState", r->DadState, v6 ? expected_dad(info) : IpDadStatePreferred);
        CHECK_EQ(label, "SkipAsSource", r->SkipAsSource,
                 has_flag(info, "dadfailed") ||
                     (has_flag(info, "tentative") && !has_flag(info, "optimistic")));
        expected_origins(info, addr, &po, &so);
        CHECK_EQ(label, "PrefixOrigin", r->PrefixOrigin, po);
        CHECK_EQ(label, "SuffixOrigin", r->SuffixOrigin, so);
        CHECK_EQ(label, "ScopeId", r->ScopeId.Value, v6 && link ? index : 0);
        if (v6)
                CHECK_EQ(label, "sin6_scope_id", r->Address.Ipv6.sin6_scope_id, link ? index : 0);
        CHECK_TRUE(label, "LUID is GetIfTable2's",
                   topo2_luid_known(ifs, index, r->InterfaceLuid.Value));
        CHECK_NEAR(label, "CreationTimeStamp (ms)", r->CreationTimeStamp.QuadPart / 10000,
                   (start_filetime + filetime_now()) / 20000,
                   (filetime_now() - start_filetime) / 20000 + 1500);
}

/* Walks `ip -j addr`; returns the number of addresses it lists. */
static unsigned compare_unicast(const MIB_UNICASTIPADDRESS_TABLE *t, const MIB_IF_TABLE2 *ifs,
                                const char *family)
{
        json_t *links = topo2_json(&topo.a, "ip -j addr show"), *l, *info;
        size_t i, k;
        unsigned n = 0;
        char label[128];

        json_array_foreach(links, i, l)
        {
                unsigned index = (unsigned)netns_json_int(l, "ifindex", 0);

                json_array_foreach(json_object_get(l, "addr_info"), k, info)
                {
                        const char *addr = netns_json_str(info, "local");
                        const MIB_UNICASTIPADDRESS_ROW *r;

                        if (family && strcmp(netns_json_str(info, "family"), family))
                                continue;
                        n++;
                        snprintf(label, sizeof(label), "%s on %u", addr, index);
                        r = find_unicast(t, index, addr);
                        CHECK_TRUE(label, "a row exists", r != NULL);
                        if (r)
                                check_unicast_row(r, info, index, ifs, label);
                }
        }
        json_decref(links);
        return n;
}

static void unicast_rows_match_ip_addr(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE t = NULL;
        PMIB_IF_TABLE2 ifs = NULL;

        (void)state;
        assert_int_equal(GetIfTable2(&ifs), NO_ERROR);
        assert_int_equal(GetUnicastIpAddressTable(AF_UNSPEC, &t), NO_ERROR);
        assert_int_equal(t->NumEntries, compare_unicast(t, ifs, NULL));
        FreeMibTable(t);
        assert_int_equal(GetUnicastIpAddressTable(AF_INET, &t), NO_ERROR);
        assert_int_equal(t->NumEntries, compare_unicast(t, ifs, "inet"));
        FreeMibTable(t);
        assert_int_equal(GetUnicastIpAddressTable(AF_INET6, &t), NO_ERROR);
        assert_int_equal(t->NumEntries, compare_unicast(t, ifs, "inet6"));
        FreeMibTable(t);
        FreeMibTable(ifs);
        assert_int_equal(check_failures, 0);
}

static const MIB_UNICASTIPADDRESS_ROW *must_find(const MIB_UNICASTIPADDRESS_TABLE *t,
                                                 const char *ifname, const char *addr)
{
        const MIB_UNICASTIPADDRESS_ROW *r = find_unicast(t, topo2_index(ifname), addr);

        if (!r)
                fail_msg("no row for %s on %s", addr, ifname);
        return r;
}

/* The topology's deliberate cases, spelled out. */
static void unicast_states_are_the_documented_ones(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE t = NULL;
        const MIB_UNICASTIPADDRESS_ROW *r;
        ULONG i, temporary = 0;

        (void)state;
        assert_int_equal(GetUnicastIpAddressTable(AF_UNSPEC, &t), NO_ERROR);
        r = must_find(t, "x1", "2001:db8:f::1");
        assert_int_equal(r->DadState, IpDadStateTentative);
        assert_true(r->SkipAsSource);
        r = must_find(t, "x1", "2001:db8:f::2"); /* optimistic: tentative but usable */
        assert_int_equal(r->DadState, IpDadStateTentative);
        assert_false(r->SkipAsSource);
        r = must_find(t, "m0", "2001:db8:d::1");
        assert_int_equal(r->DadState, IpDadStateDeprecated);
        assert_int_equal(r->PreferredLifetime, 0);
        r = must_find(t, "m0", "198.51.100.2");
        assert_in_range(r->ValidLifetime, 880, 900);
        assert_in_range(r->PreferredLifetime, 580, 600);
        for (i = 0; i < t->NumEntries; i++)
                temporary += t->Table[i].SuffixOrigin == IpSuffixOriginRandom &&
                             t->Table[i].PrefixOrigin == IpPrefixOriginRouterAdvertisement;
        assert_true(temporary >= 1); /* mngtmpaddr with use_tempaddr 2 made one */
        FreeMibTable(t);
}

static void unicast_entry_round_trips_every_row(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE t = NULL;
        MIB_UNICASTIPADDRESS_ROW r;
        ULONG i;
        char b[64];

        (void)state;
        assert_int_equal(GetUnicastIpAddressTable(AF_UNSPEC, &t), NO_ERROR);
        for (i = 0; i < t->NumEntries; i++) {
                const MIB_UNICASTIPADDRESS_ROW *w = &t->Table[i];

                topo2_addr(&w->Address, b, sizeof(b));
                InitializeUnicastIpAddressEntry(&r);
                r.Address = w->Address;
                r.InterfaceIndex = w->InterfaceIndex;
                assert_int_equal(GetUnicastIpAddressEntry(&r), NO_ERROR);
                CHECK_EQ(b, "entry LUID (by index)", r.InterfaceLuid.Value, w->InterfaceLuid.Value);
                CHECK_EQ(b, "entry DadState", r.DadState, w->DadState);
                CHECK_EQ(b, "entry PrefixOrigin", r.PrefixOrigin, w->PrefixOrigin);
                CHECK_NEAR(b, "entry CreationTimeStamp (ms)", r.CreationTimeStamp.QuadPart / 10000,
                           w->CreationTimeStamp.QuadPart / 10000, 50);
                InitializeUnicastIpAddressEntry(&r);
                r.Address = w->Address;
                r.InterfaceLuid = w->InterfaceLuid;
                assert_int_equal(GetUnicastIpAddressEntry(&r), NO_ERROR);
                CHECK_EQ(b, "entry index (by LUID)", r.InterfaceIndex, w->InterfaceIndex);
                InitializeUnicastIpAddressEntry(&r);
                r.Address = w->Address; /* no interface: the address alone (zone for fe80) */
                assert_int_equal(GetUnicastIpAddressEntry(&r), NO_ERROR);
                CHECK_EQ(b, "entry index (address only)", r.InterfaceIndex, w->InterfaceIndex);
        }
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
}

static void set_v4(SOCKADDR_INET *a, const char *text)
{
        memset(a, 0, sizeof(*a));
        a->Ipv4.sin_family = AF_INET;
        inet_pton(AF_INET, text, &a->Ipv4.sin_addr);
}

static void unicast_entry_errors(void **state)
{
        MIB_UNICASTIPADDRESS_ROW r;

        (void)state;
        assert_int_equal(GetUnicastIpAddressEntry(NULL), ERROR_INVALID_PARAMETER);
        memset(&r, 0, sizeof(r));
        assert_int_equal(GetUnicastIpAddressEntry(&r), ERROR_INVALID_PARAMETER);
        InitializeUnicastIpAddressEntry(&r);
        set_v4(&r.Address, "203.0.113.77"); /* nobody has it, no interface given */
        assert_int_equal(GetUnicastIpAddressEntry(&r), ERROR_FILE_NOT_FOUND);
        r.InterfaceIndex = topo2_index("m0"); /* known interface, unknown address */
        assert_int_equal(GetUnicastIpAddressEntry(&r), ERROR_NOT_FOUND);
        set_v4(&r.Address, "198.51.100.2");
        r.InterfaceIndex = topo2_index("x1"); /* the address lives on another interface */
        assert_int_equal(GetUnicastIpAddressEntry(&r), ERROR_NOT_FOUND);
        r.InterfaceIndex = 999999; /* unknown interface */
        assert_int_equal(GetUnicastIpAddressEntry(&r), ERROR_FILE_NOT_FOUND);
        r.InterfaceIndex = 0;
        r.InterfaceLuid.Value = 0x0006000fffff0000ull; /* ethernet LUID of no interface */
        assert_int_equal(GetUnicastIpAddressEntry(&r), ERROR_FILE_NOT_FOUND);
}

static void table_argument_errors(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE u = (PMIB_UNICASTIPADDRESS_TABLE)&u;
        PMIB_ANYCASTIPADDRESS_TABLE a = (PMIB_ANYCASTIPADDRESS_TABLE)&a;
        PMIB_MULTICASTIPADDRESS_TABLE m = (PMIB_MULTICASTIPADDRESS_TABLE)&m;

        (void)state;
        assert_int_equal(GetUnicastIpAddressTable(AF_INET, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(GetUnicastIpAddressTable(AF_PACKET, &u), ERROR_INVALID_PARAMETER);
        assert_null(u);
        assert_int_equal(GetAnycastIpAddressTable(AF_UNSPEC, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(GetAnycastIpAddressTable(99, &a), ERROR_INVALID_PARAMETER);
        assert_null(a);
        assert_int_equal(GetMulticastIpAddressTable(AF_INET6, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(GetMulticastIpAddressTable(AF_PACKET, &m), ERROR_INVALID_PARAMETER);
        assert_null(m);
        /* Linux keeps no IPv4 anycast addresses: an empty IPv4 table is NOT_FOUND */
        a = (PMIB_ANYCASTIPADDRESS_TABLE)&a;
        assert_int_equal(GetAnycastIpAddressTable(AF_INET, &a), ERROR_NOT_FOUND);
        assert_null(a);
}

/* /proc/net/anycast6: "<ifindex> <name> <32 hex digits> <users>" per line. */
static unsigned compare_anycast(const MIB_ANYCASTIPADDRESS_TABLE *t, const MIB_IF_TABLE2 *ifs)
{
        char *text = netns_sh_output(&topo.a, "cat /proc/net/anycast6"), *line, *save = NULL;
        unsigned n = 0;

        assert_non_null(text);
        for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
                unsigned index, k, found = 0;
                char name[32], hex[33];
                uint8_t bytes[16];
                ULONG i;

                if (sscanf(line, "%u %31s %32s", &index, name, hex) != 3)
                        continue;
                for (k = 0; k < 16; k++)
                        sscanf(hex + 2 * k, "%2hhx", &bytes[k]);
                n++;
                for (i = 0; i < t->NumEntries; i++) {
                        const MIB_ANYCASTIPADDRESS_ROW *r = &t->Table[i];

                        if (r->InterfaceIndex != index ||
                            memcmp(&r->Address.Ipv6.sin6_addr, bytes, 16))
                                continue;
                        found++;
                        CHECK_EQ(hex, "Address.si_family", r->Address.si_family, AF_INET6);
                        CHECK_TRUE(hex, "LUID is GetIfTable2's",
                                   topo2_luid_known(ifs, index, r->InterfaceLuid.Value));
                }
                CHECK_EQ(hex, "rows", found, 1);
        }
        free(text);
        return n;
}

static void anycast_rows_match_proc(void **state)
{
        PMIB_ANYCASTIPADDRESS_TABLE t = NULL;
        PMIB_IF_TABLE2 ifs = NULL;
        MIB_ANYCASTIPADDRESS_ROW r;

        (void)state;
        assert_int_equal(GetIfTable2(&ifs), NO_ERROR);
        assert_int_equal(GetAnycastIpAddressTable(AF_INET6, &t), NO_ERROR);
        assert_true(t->NumEntries >= 1); /* forwarding on m0: subnet-router anycast */
        assert_int_equal(t->NumEntries, compare_anycast(t, ifs));
        r = t->Table[0];
        memset(&r.InterfaceLuid, 0, sizeof(r.InterfaceLuid));
        r.ScopeId.Value = 0;
        assert_int_equal(GetAnycastIpAddressEntry(&r), NO_ERROR);
        assert_int_equal(r.InterfaceLuid.Value, t->Table[0].InterfaceLuid.Value);
        r.Address.Ipv6.sin6_addr.s6_addr[15] ^= 0x5a;
        assert_int_equal(GetAnycastIpAddressEntry(&r), ERROR_NOT_FOUND);
        r.InterfaceIndex = 0;
        memset(&r.InterfaceLuid, 0, sizeof(r.InterfaceLuid));
        assert_int_equal(GetAnycastIpAddressEntry(&r), ERROR_FILE_NOT_FOUND);
        assert_int_equal(GetAnycastIpAddressEntry(NULL), ERROR_INVALID_PARAMETER);
        FreeMibTable(t);
        FreeMibTable(ifs);
        assert_int_equal(check_failures, 0);
}

static unsigned compare_multicast(const MIB_MULTICASTIPADDRESS_TABLE *t, const MIB_IF_TABLE2 *ifs,
                                  const char *family)
{
        json_t *links = topo2_json(&topo.a, "ip -j maddr show"), *l, *m;
        unsigned n = 0;
        size_t i, k;
        char b[64], label[96];

        json_array_foreach(links, i, l)
        {
                unsigned index = (unsigned)netns_json_int(l, "ifindex", 0);

                json_array_foreach(json_object_get(l, "maddr"), k, m)
                {
                        const char *f = netns_json_str(m, "family"), *addr;
                        unsigned found = 0;
                        ULONG r;

                        if (!f || (family && strcmp(f, family)))
                                continue;
                        addr = netns_json_str(m, "address");
                        snprintf(label, sizeof(label), "%s on %u", addr, index);
                        n++;
                        for (r = 0; r < t->NumEntries; r++) {
                                const MIB_MULTICASTIPADDRESS_ROW *w = &t->Table[r];
                                bool zoned = !strcmp(f, "inet6") && !strncmp(addr, "ff0", 3) &&
                                             (addr[3] == '1' || addr[3] == '2');

                                if (w->InterfaceIndex != index ||
                                    strcmp(topo2_addr(&w->Address, b, sizeof(b)), addr))
                                        continue;
                                found++;
                                CHECK_EQ(label, "ScopeId", w->ScopeId.Value, zoned ? index : 0);
                                CHECK_TRUE(label, "LUID is GetIfTable2's",
                                           topo2_luid_known(ifs, index, w->InterfaceLuid.Value));
                        }
                        CHECK_EQ(label, "rows", found, 1);
                }
        }
        json_decref(links);
        return n;
}

static void multicast_rows_match_ip_maddr(void **state)
{
        PMIB_MULTICASTIPADDRESS_TABLE t = NULL;
        PMIB_IF_TABLE2 ifs = NULL;
        MIB_MULTICASTIPADDRESS_ROW r;

        (void)state;
        assert_int_equal(GetIfTable2(&ifs), NO_ERROR);
        assert_int_equal(GetMulticastIpAddressTable(AF_UNSPEC, &t), NO_ERROR);
        assert_int_equal(t->NumEntries, compare_multicast(t, ifs, NULL));
        r = t->Table[0];
        assert_int_equal(GetMulticastIpAddressEntry(&r), NO_ERROR);
        r.Address.si_family = AF_UNSPEC;
        assert_int_equal(GetMulticastIpAddressEntry(&r), ERROR_INVALID_PARAMETER);
        FreeMibTable(t);
        assert_int_equal(GetMulticastIpAddressTable(AF_INET, &t), NO_ERROR);
        assert_int_equal(t->NumEntries, compare_multicast(t, ifs, "inet"));
        FreeMibTable(t);
        assert_int_equal(GetMulticastIpAddressTable(AF_INET6, &t), NO_ERROR);
        assert_int_equal(t->NumEntries, compare_multicast(t, ifs, "inet6"));
        FreeMibTable(t);
        FreeMibTable(ifs);
        assert_int_equal(check_failures, 0);
}

/* CreationTimeStamp lies between the clock readings around `ip addr add`, to the
 * stamps' resolution (hundredths of a second, taken at a 1-10 ms tick). */
static void creation_time_is_precise(void **state)
{
        MIB_UNICASTIPADDRESS_ROW r;
        int64_t before, after, slack = 300000; /* 30 ms in 100 ns units */

        (void)state;
        before = filetime_now();
        assert_int_equal(netns_ip(&topo.a, "addr add 192.0.2.201/32 dev lo"), 0);
        after = filetime_now();
        InitializeUnicastIpAddressEntry(&r);
        set_v4(&r.Address, "192.0.2.201");
        assert_int_equal(GetUnicastIpAddressEntry(&r), NO_ERROR);
        assert_int_equal(netns_ip(&topo.a, "addr del 192.0.2.201/32 dev lo"), 0);
        if (r.CreationTimeStamp.QuadPart < before - slack ||
            r.CreationTimeStamp.QuadPart > after + slack)
                fail_msg("CreationTimeStamp %lld ms after the call began (it took %lld ms)",
                         (long long)(r.CreationTimeStamp.QuadPart - before) / 10000,
                         (long long)(after - before) / 10000);
}

/* Linux 6.3 and later mark their link-locals (IFA_PROTO kernel_ll); before, a
 * permanent fe80:: address is taken for the kernel's and nothing tells them apart. */
static bool kernel_marks_link_locals(void)
{
        struct utsname u;
        unsigned major = 0, minor = 0;

        return uname(&u) == 0 && sscanf(u.release, "%u.%u", &major, &minor) == 2 &&
               (major > 6 || (major == 6 && minor >= 3));
}

/* The kernel's link-local of `ifname` as `ip` shows it (not `other`). */
static void kernel_link_local(const char *ifname, const char *other, char *buf, size_t cap)
{
        json_t *links = topo2_json(&topo.a, "ip -j addr show"), *l, *info;
        size_t i, k;

        buf[0] = '\0';
        json_array_foreach(links, i, l)
        {
                if (strcmp(netns_json_str(l, "ifname"), ifname))
                        continue;
                json_array_foreach(json_object_get(l, "addr_info"), k, info)
                {
                        const char *a = netns_json_str(info, "local");

                        if (!strncmp(a, "fe80:", 5) && strcmp(a, other))
                                snprintf(buf, cap, "%s", a);
                }
        }
        json_decref(links);
}

static void admin_link_local_is_manual(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE t = NULL;
        const MIB_UNICASTIPADDRESS_ROW *r;
        MIB_UNICASTIPADDRESS_ROW e;
        char kernel_ll[64];

        (void)state;
        if (!kernel_marks_link_locals())
                skip();
        assert_int_equal(netns_ip(&topo.a, "addr add fe80::1234/64 dev x1 nodad"), 0);
        kernel_link_local("x1", "fe80::1234", kernel_ll, sizeof(kernel_ll));
        assert_true(kernel_ll[0] != '\0');
        assert_int_equal(GetUnicastIpAddressTable(AF_INET6, &t), NO_ERROR);
        r = must_find(t, "x1", "fe80::1234");
        assert_int_equal(r->PrefixOrigin, IpPrefixOriginManual);
        assert_int_equal(r->SuffixOrigin, IpSuffixOriginManual);
        assert_int_equal(r->ScopeId.Value, topo2_index("x1"));
        e = *r;
        r = must_find(t, "x1", kernel_ll);
        assert_int_equal(r->PrefixOrigin, IpPrefixOriginWellKnown);
        assert_true(r->SuffixOrigin == IpSuffixOriginLinkLayerAddress ||
                    r->SuffixOrigin == IpSuffixOriginRandom);
        FreeMibTable(t);
        e.InterfaceIndex = 0; /* looked up by the zone */
        memset(&e.InterfaceLuid, 0, sizeof(e.InterfaceLuid));
        assert_int_equal(GetUnicastIpAddressEntry(&e), NO_ERROR);
        assert_int_equal(e.InterfaceIndex, topo2_index("x1"));
        assert_int_equal(e.PrefixOrigin, IpPrefixOriginManual);
        assert_int_equal(netns_ip(&topo.a, "addr del fe80::1234/64 dev x1"), 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(unicast_rows_match_ip_addr),
            cmocka_unit_test(unicast_states_are_the_documented_ones),
            cmocka_unit_test(unicast_entry_round_trips_every_row),
            cmocka_unit_test(unicast_entry_errors),
            cmocka_unit_test(table_argument_errors),
            cmocka_unit_test(anycast_rows_match_proc),
            cmocka_unit_test(multicast_rows_match_ip_maddr),
            cmocka_unit_test(creation_time_is_precise),
            cmocka_unit_test(admin_link_local_is_manual), /* last: it adds an address */
        };

        return cmocka_run_group_tests(tests, group_setup, topo2_group_teardown);
}
