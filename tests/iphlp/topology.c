/* topology.c - builds the IP Helper tests' namespace (see topology.h) and the
 * oracle helpers that derive the Windows view from `ip -j`, written independently
 * of the library's own tables. Only documentation addresses are used. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "topology.h"

static const char topo_links[] =
    "link add va0 type veth peer name va1\n"
    "link set va0 mtu 1400 alias \"uplink to the test peer\"\n"
    "link set va0 up\n"
    "link set va1 up\n"
    "addr add 192.0.2.1/24 dev va0\n"
    "addr add 2001:db8:1::1/64 dev va0 nodad\n"
    "link add vb0 type veth peer name vb1\n"
    "link set vb0 up\n"
    "link add br0 type bridge\n"
    "link add vc0 type veth peer name vc1\n"
    "link set vc0 master br0\n"
    "link set vc0 up\n"
    "link set vc1 mtu 1200\n"
    "link set vc1 up\n"
    "tuntap add tp0 mode tap\n"
    "link set tp0 master br0\n"
    "link set br0 up\n"
    "link add mv0 link va1 type macvlan mode bridge\n"
    "link set mv0 up\n"
    "link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1 dev va0\n"
    "link set vx0 addrgenmode none\n"
    "link set vx0 up\n";

static const char *const topo_sysctls[][2] = {
    {"net/ipv6/conf/vb1/disable_ipv6", "1"},
    {"net/ipv4/conf/va0/forwarding", "1"},
    {"net/ipv6/conf/va0/forwarding", "1"},
    {"net/ipv6/conf/va1/accept_ra", "2"},
    {"net/ipv6/conf/va1/dad_transmits", "3"},
    {"net/ipv6/conf/va1/hop_limit", "32"},
    {"net/ipv6/conf/va1/mtu", "1300"},
    {"net/ipv6/neigh/va1/retrans_time_ms", "2500"},
    {"net/ipv6/neigh/va1/base_reachable_time_ms", "45000"},
    {"net/ipv4/neigh/va1/base_reachable_time_ms", "20000"},
    {"net/ipv4/neigh/va1/retrans_time_ms", "700"},
    {"net/ipv6/conf/vb0/accept_dad", "0"},
    {"net/ipv6/conf/mv0/accept_ra", "0"},
};

void topo_create(struct test_netns *ns, const char *tag)
{
        size_t i;

        netns_require();
        if (netns_create(ns, tag, false) < 0 || netns_ip_batch(ns, topo_links) != 0) {
                fprintf(stderr, "topology: cannot build the test network\n");
                abort();
        }
        for (i = 0; i < sizeof(topo_sysctls) / sizeof(topo_sysctls[0]); i++)
                if (netns_sysctl_write(ns, topo_sysctls[i][0], topo_sysctls[i][1]) < 0) {
                        fprintf(stderr, "topology: cannot set %s\n", topo_sysctls[i][0]);
                        abort();
                }
        if (netns_ip(ns, "token set ::1a:2b:3c:4d dev va1") != 0)
                abort();
        topo_settle(ns);
}

static char *link_states(const struct test_netns *ns)
{
        return netns_sh_output(ns, "ip -o link show | sed 's/link\\/.*//'; "
                                   "ip -j link show | tr ',' '\\n' | grep operstate");
}

void topo_settle(const struct test_netns *ns)
{
        struct timespec pause = {0, 300 * 1000 * 1000};
        char *a = link_states(ns), *b = NULL;
        int tries;

        for (tries = 0; tries < 30; tries++) {
                nanosleep(&pause, NULL);
                free(b);
                b = link_states(ns);
                if (a && b && !strcmp(a, b))
                        break;
                free(a);
                a = b;
                b = NULL;
        }
        free(a);
        free(b);
}

unsigned topo_expected_iftype(json_t *link)
{
        const char *t = netns_json_str(link, "link_type");

        if (!t)
                return 1;
        if (!strcmp(t, "ether"))
                return 6;
        if (!strcmp(t, "loopback"))
                return 24;
        if (!strcmp(t, "none"))
                return 53;
        return 1;
}

static const char *kind_of(json_t *link, bool *tap)
{
        json_t *info = json_object_get(link, "linkinfo");
        json_t *data = json_object_get(info, "info_data");
        const char *type = netns_json_str(data, "type");

        *tap = type && !strcmp(type, "tap");
        return netns_json_str(info, "info_kind");
}

const char *topo_expected_description(json_t *link)
{
        const char *alias = netns_json_str(link, "ifalias"), *kind;
        bool tap;

        if (alias && *alias)
                return alias;
        kind = kind_of(link, &tap);
        if (!kind)
                return netns_json_has_flag(link, "LOOPBACK") ? "Software Loopback Interface"
                                                             : "Network interface";
        if (!strcmp(kind, "veth"))
                return "Virtual Ethernet (veth)";
        if (!strcmp(kind, "bridge"))
                return "Bridge";
        if (!strcmp(kind, "macvlan"))
                return "MAC VLAN (macvlan)";
        if (!strcmp(kind, "vxlan"))
                return "VXLAN tunnel";
        if (!strcmp(kind, "tun"))
                return tap ? "TAP device" : "TUN device";
        return kind;
}

bool topo_uses_nd(json_t *link)
{
        return !netns_json_has_flag(link, "LOOPBACK") && !netns_json_has_flag(link, "NOARP");
}

unsigned topo_parse_mac(const char *text, uint8_t *out, unsigned cap)
{
        unsigned n = 0, v;

        while (text && *text && n < cap && sscanf(text, "%2x", &v) == 1) {
                out[n++] = (uint8_t)v;
                text = strchr(text, ':');
                if (!text)
                        break;
                text++;
        }
        return n;
}

uint64_t topo_ethtool_speed(const struct test_netns *ns, const char *ifname)
{
        char *out = netns_sh_output(ns, "ethtool %s 2>/dev/null | sed -n 's/.*Speed: //p'", ifname);
        uint64_t bps = UINT64_MAX;
        unsigned long mbps;

        if (out && sscanf(out, "%luMb/s", &mbps) == 1 && mbps > 0)
                bps = (uint64_t)mbps * 1000000u;
        free(out);
        return bps;
}

struct test_netns topo_ns;

int topo_group_setup(void **state)
{
        (void)state;
        topo_create(&topo_ns, netns_program_tag());
        return netns_enter(&topo_ns);
}

int topo_group_teardown(void **state)
{
        (void)state;
        netns_leave();
        netns_destroy(&topo_ns);
        return 0;
}
