/* topo2.c - builds the A -- R -- B namespaces of topo2.h and offers the `ip -j`
 * oracle and small formatting helpers the tests share. */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "topo2.h"

static void must(int ok, const char *what)
{
        if (!ok) {
                fprintf(stderr, "topology: %s failed\n", what);
                abort();
        }
}

static void build_links(struct topo2 *t)
{
        must(netns_ip(&t->a, "link add m0 type veth peer name r0 netns %s", t->r.name) == 0,
             "veth A-R");
        must(netns_ip(&t->r, "link add r1 mtu 1300 type veth peer name b0 netns %s", t->b.name) ==
                 0,
             "veth R-B");
        must(netns_ip_batch(&t->a, "link add x0 type veth peer name x1\n"
                                   "link add br0 type bridge\n"
                                   "tuntap add tp0 mode tap\n"
                                   "link set x0 master br0\n"
                                   "link set tp0 master br0\n"
                                   "link add mv0 link m0 type macvlan mode bridge\n"
                                   "link add vx0 type vxlan id 42 dev m0 dstport 4789\n"
                                   "link set m0 up\nlink set x0 up\nlink set br0 up\n"
                                   "link set mv0 up\n") == 0,
             "links of A");
}

/* Sysctls that must be in place before addresses are added. */
static void a_sysctls(struct topo2 *t)
{
        must(netns_sysctl_write(&t->a, "net/ipv6/conf/m0/use_tempaddr", "2") == 0, "tempaddr");
        must(netns_sysctl_write(&t->a, "net/ipv6/conf/m0/forwarding", "1") == 0, "forwarding");
        must(netns_sysctl_write(&t->a, "net/ipv6/conf/x1/dad_transmits", "200") == 0, "dad");
        must(netns_sysctl_write(&t->a, "net/ipv6/neigh/x1/retrans_time_ms", "1000") == 0,
             "retrans");
        must(netns_sysctl_write(&t->a, "net/ipv6/conf/x1/optimistic_dad", "1") == 0, "optimistic");
        must(netns_ip(&t->a, "link set x1 up") == 0, "x1 up");
}

static const char a_addresses[] =
    "addr add 198.51.100.2/24 dev m0 valid_lft 900 preferred_lft 600\n"
    "addr add 198.51.100.20/24 dev m0\n"
    "addr add 2001:db8:a::2/64 dev m0 nodad\n"
    "addr add 2001:db8:d::1/64 dev m0 nodad preferred_lft 0\n"
    "addr add 2001:db8:e::1/64 dev m0 mngtmpaddr valid_lft 3000 preferred_lft 2000\n"
    "addr add 192.0.2.200/32 dev lo\n"
    "addr add 2001:db8:f::1/64 dev x1\n"
    "addr add 2001:db8:f::2/64 dev x1 optimistic\n";

static const char a_routes[] =
    "route add default via 198.51.100.1\n"
    "route add default via 2001:db8:a::1\n"
    "route add 192.0.2.0/26 table 100 nexthop via 198.51.100.1 dev m0 weight 1 "
    "nexthop via 198.51.100.3 dev m0 weight 3\n"
    "route add blackhole 192.0.2.64/26 table 101\n"
    "route add unreachable 192.0.2.128/26\n"
    "route add 192.0.2.192/27 via 198.51.100.1 metric 50 proto static\n"
    "route add 192.0.2.224/28 via 198.51.100.1 proto dhcp\n"
    "route add 203.0.113.128/25 via inet6 2001:db8:a::1 dev m0\n"
    "route add prohibit 2001:db8:dead::/48\n"
    "route add 2001:db8:ee::/64 via 2001:db8:a::1 expires 600\n"
    "route add 2001:db8:cc::/64 table 100 nexthop via 2001:db8:a::1 dev m0 "
    "nexthop via 2001:db8:a::3 dev m0\n";

static const char a_neighbours[] =
    "neigh add 198.51.100.7 lladdr 02:00:00:00:00:07 dev m0 nud permanent\n"
    "neigh add 198.51.100.8 lladdr 02:00:00:00:00:08 dev m0 nud stale\n"
    "neigh add 198.51.100.9 dev m0 nud failed\n"
    "neigh add 2001:db8:a::7 lladdr 02:00:00:00:00:17 dev m0 nud permanent\n"
    "neigh add 2001:db8:a::9 lladdr 02:00:00:00:00:19 dev m0 router nud stale\n";

static void build_r_b(struct topo2 *t)
{
        must(netns_ip_batch(&t->r, "addr add 198.51.100.1/24 dev r0\n"
                                   "addr add 2001:db8:a::1/64 dev r0 nodad\n"
                                   "addr add 203.0.113.1/24 dev r1\n"
                                   "addr add 2001:db8:b::1/64 dev r1 nodad\n"
                                   "link set r0 up\nlink set r1 up\n"
                                   /* A's other prefixes (its temporary address is its
                                    * preferred IPv6 source) */
                                   "route add 2001:db8::/32 via 2001:db8:a::2\n"
                                   "route add 192.0.2.0/24 via 198.51.100.2\n") == 0,
             "R");
        must(netns_sysctl_write(&t->r, "net/ipv4/ip_forward", "1") == 0, "R forwarding");
        must(netns_sysctl_write(&t->r, "net/ipv6/conf/all/forwarding", "1") == 0, "R fwd6");
        must(netns_ip_batch(&t->b, "addr add 203.0.113.2/24 dev b0\n"
                                   "addr add 2001:db8:b::2/64 dev b0 nodad\n"
                                   "link set b0 up\n"
                                   "route add default via 203.0.113.1\n"
                                   "route add default via 2001:db8:b::1\n") == 0,
             "B");
}

/* Learned neighbours (R from A, both families) and the path-MTU exceptions. */
static void dump_state(struct topo2 *t)
{
        netns_sh(&t->a, "ip addr >&2; ip route >&2; ip -6 route >&2; ip neigh >&2");
        netns_sh(&t->r, "ip addr >&2; ip neigh >&2");
}

/* Reachability and PMTU probes retry for up to about 40 s: on a busy machine (a
 * churning neighbour test, a loaded CI box) DAD and neighbour resolution take
 * longer; on an idle one the first try succeeds and nothing waits. */
#define PROBE_TRIES "$(seq 30)"

static void traffic(struct topo2 *t)
{
        if (netns_sh(&t->a, "ping -c1 -W1 198.51.100.1 >/dev/null") != 0)
                dump_state(t);
        must(netns_sh(&t->a, "for i in " PROBE_TRIES "; do "
                             "ping -c1 -W1 198.51.100.1 >/dev/null && "
                             "ping -6 -c1 -W1 2001:db8:a::1 >/dev/null && exit 0; sleep 0.3; "
                             "done; exit 1") == 0,
             "ping R");
        must(netns_sh(&t->a, "for i in " PROBE_TRIES "; do "
                             "ping -c1 -W1 -M do -s 1400 203.0.113.2 >/dev/null 2>&1; "
                             "ping -6 -c1 -W1 -M do -s 1400 2001:db8:b::2 >/dev/null 2>&1; "
                             "ip -4 route show cache | grep -q 'mtu 1300' && "
                             "ip -6 route show cache | grep -q 'mtu 1300' && exit 0; "
                             "sleep 0.3; done; exit 1") == 0,
             "path MTU exceptions");
}

void topo2_create(struct topo2 *t, const char *tag)
{
        char n[64];

        netns_require();
        snprintf(n, sizeof(n), "%s-a", tag);
        must(netns_create(&t->a, n, false) == 0, "namespace A");
        snprintf(n, sizeof(n), "%s-r", tag);
        must(netns_create(&t->r, n, false) == 0, "namespace R");
        snprintf(n, sizeof(n), "%s-b", tag);
        must(netns_create(&t->b, n, false) == 0, "namespace B");
        build_links(t);
        a_sysctls(t);
        build_r_b(t);
        must(netns_ip_batch(&t->a, a_addresses) == 0, "addresses of A");
        must(netns_ip_batch(&t->a, a_routes) == 0, "routes of A");
        must(netns_ip_batch(&t->a, a_neighbours) == 0, "neighbours of A");
        usleep(1500 * 1000); /* DAD of the temporary address and the link-locals */
        traffic(t);
}

void topo2_destroy(struct topo2 *t)
{
        netns_destroy(&t->a);
        netns_destroy(&t->r);
        netns_destroy(&t->b);
}

json_t *topo2_json(const struct test_netns *ns, const char *cmd)
{
        char *out = netns_sh_output(ns, "%s", cmd);
        json_error_t err;
        json_t *j;

        must(out != NULL, cmd);
        j = json_loads(out, 0, &err);
        free(out);
        must(j != NULL, "json");
        return j;
}

const char *topo2_addr(const SOCKADDR_INET *a, char *buf, size_t cap)
{
        buf[0] = '\0';
        if (a->si_family == AF_INET)
                inet_ntop(AF_INET, &a->Ipv4.sin_addr, buf, (socklen_t)cap);
        else if (a->si_family == AF_INET6)
                inet_ntop(AF_INET6, &a->Ipv6.sin6_addr, buf, (socklen_t)cap);
        return buf;
}

const char *topo2_mac(const UCHAR *a, ULONG len, char *buf, size_t cap)
{
        size_t n = 0;
        ULONG i;

        buf[0] = '\0';
        for (i = 0; i < len && n + 3 < cap; i++)
                n += (size_t)snprintf(buf + n, cap - n, i ? ":%02x" : "%02x", a[i]);
        return buf;
}

unsigned topo2_index(const char *ifname)
{
        return if_nametoindex(ifname);
}

bool topo2_luid_known(const MIB_IF_TABLE2 *ifs, NET_IFINDEX index, ULONG64 luid)
{
        ULONG i;

        for (i = 0; i < ifs->NumEntries; i++)
                if (ifs->Table[i].InterfaceIndex == index)
                        return ifs->Table[i].InterfaceLuid.Value == luid;
        return false;
}

struct topo2 topo;

int topo2_group_setup(void **state)
{
        (void)state;
        topo2_create(&topo, netns_program_tag());
        return netns_enter(&topo.a);
}

int topo2_group_teardown(void **state)
{
        (void)state;
        netns_leave();
        topo2_destroy(&topo);
        return 0;
}
