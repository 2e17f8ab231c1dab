/* nl_record.c - writes the seed corpus of fuzz_netlink_tables: builds a small
 * namespace (veth, bridge, macvlan; IPv4/IPv6 documentation addresses, routes in
 * two tables with a multipath and a blackhole, static neighbours, IPv6 anycast),
 * makes every table call inside it with the feed recording, and writes one seed
 * per call and family: [call][family] + the kernel's datagrams (nl_feed.h).
 * Usage: nl_record OUTDIR (root; exits 77 without namespaces). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netns.h"
#include "nl_apis.h"
#include "nl_feed.h"

static const char topology[] =
    "link add v0 type veth peer name v1\n"
    "link add br0 type bridge\n"
    "link set v1 master br0\n"
    "link add mv0 link v0 type macvlan mode bridge\n"
    "link set v0 up\n"
    "link set v1 up\n"
    "link set br0 up\n"
    "link set mv0 up\n"
    "link set v0 alias uplink\n"
    "addr add 192.0.2.1/24 dev v0\n"
    "addr add 2001:db8:1::1/64 dev v0 nodad\n"
    "addr add 198.51.100.1/24 dev br0\n"
    "addr add 2001:db8:2::1/64 dev br0 nodad preferred_lft 100 valid_lft 200\n"
    "addr add 203.0.113.5/24 dev mv0\n"
    "route add 203.0.113.128/25 via 192.0.2.2 dev v0 metric 7\n"
    "route add 2001:db8:9::/48 via 2001:db8:1::2 dev v0\n"
    "route add blackhole 198.51.100.128/25 table 100\n"
    "route add 192.0.2.128/25 nexthop via 192.0.2.2 dev v0 weight 1 "
    "nexthop via 198.51.100.2 dev br0 weight 2\n"
    "neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev v0 nud permanent\n"
    "neigh add 2001:db8:1::2 lladdr 02:00:00:00:00:03 dev v0 nud reachable\n";

/* Calls whose result depends on the family get a seed per family. */
static int per_family(unsigned api)
{
        return api != 0 && api != 7 && api != 8 && api != 10;
}

static int record(const char *dir, unsigned api, unsigned fam)
{
        static const char *const fam_names[3] = {"unspec", "inet", "inet6"};
        static const int families[3] = {0, 2, 10};
        char path[4096];
        FILE *f;

        snprintf(path, sizeof(path), "%s/%s-%s", dir, nl_api_name(api), fam_names[fam]);
        f = fopen(path, "wb");
        if (!f) {
                perror(path);
                return -1;
        }
        fputc((int)api, f);
        fputc((int)fam, f);
        nl_feed_record(f);
        nl_api_run(api, families[fam]);
        nl_feed_off();
        fclose(f);
        printf("%s\n", path);
        return 0;
}

int main(int argc, char **argv)
{
        struct test_netns ns;
        unsigned api, fam;
        int r = 0;

        if (argc != 2) {
                fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
                return 2;
        }
        netns_require();
        if (netns_create(&ns, "fuzzrec", false) < 0 || netns_ip_batch(&ns, topology) != 0 ||
            netns_sh(&ns, "sysctl -qw net.ipv6.conf.all.forwarding=1") != 0 ||
            netns_enter(&ns) < 0) {
                fprintf(stderr, "nl_record: cannot build the namespace\n");
                return 1;
        }
        for (api = 0; api < NL_API_COUNT; api++)
                for (fam = 0; fam < (per_family(api) ? 3u : 1u); fam++)
                        if (record(argv[1], api, fam) < 0)
                                r = 1;
        netns_leave();
        netns_destroy(&ns);
        return r;
}
