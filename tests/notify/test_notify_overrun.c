/* test_notify_overrun.c - a forced overrun: the listener's socket gets a tiny
 * receive buffer (WINNET_NOTIFY_RCVBUF), a burst of link, address and route
 * changes overflows it, and the resynchronisation must still leave a consistent
 * picture: per key, additions minus deletions equal the final table, and no
 * event contradicts the ones before it (no Delete or Parameter of an absent row). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "iphlp/notify.h"
#include "notify_test.h"

#define PAIRS 120

struct key {
        int kind, family;
        uint32_t ifindex;
        uint8_t addr[16], plen, gw[16];
};

struct tally {
        struct key *k;
        long *count;
        size_t n, cap;
};

static long *slot(struct tally *t, const struct key *k)
{
        size_t i;

        for (i = 0; i < t->n; i++)
                if (!memcmp(&t->k[i], k, sizeof(*k)))
                        return &t->count[i];
        if (t->n == t->cap) {
                t->cap = t->cap ? t->cap * 2 : 1024;
                t->k = realloc(t->k, t->cap * sizeof(*t->k));
                t->count = realloc(t->count, t->cap * sizeof(*t->count));
        }
        t->k[t->n] = *k;
        t->count[t->n] = 0;
        return &t->count[t->n++];
}

static void key_of(const struct rec_event *e, struct key *k)
{
        memset(k, 0, sizeof(*k));
        k->kind = e->kind;
        k->family = e->family;
        k->ifindex = e->ifindex;
        memcpy(k->addr, e->addr, 16);
        k->plen = e->plen;
        memcpy(k->gw, e->gw, 16);
}

/* Replays the events; returns the contradictions found. */
static int replay(struct recorder *r, struct tally *t)
{
        int bad = 0;
        size_t i;

        for (i = 0; i < r->n; i++) {
                struct key k;
                long *c;

                if (r->ev[i].row_null || r->ev[i].ifindex == 1) /* loopback predates us */
                        continue;
                key_of(&r->ev[i], &k);
                c = slot(t, &k);
                /* Keys are Windows' (no table, no metric): two kernel routes may
                 * share one, so a row count may exceed 1, never go below 0. */
                if (r->ev[i].type != MibAddInstance && *c < 1) {
                        fprintf(stderr,
                                "event %zu: %s of kind %d family %d ifindex %u plen %u "
                                "while the row count was %ld\n",
                                i, rec_type_name(r->ev[i].type), k.kind, k.family, k.ifindex,
                                k.plen, *c);
                        bad++;
                }
                *c += r->ev[i].type == MibAddInstance      ? 1
                      : r->ev[i].type == MibDeleteInstance ? -1
                                                           : 0;
        }
        return bad;
}

static void sub_row(struct tally *t, int kind, int family, uint32_t ifindex, const SOCKADDR_INET *a,
                    uint8_t plen, const SOCKADDR_INET *gw)
{
        struct key k;

        if (ifindex == 1)
                return;
        memset(&k, 0, sizeof(k));
        k.kind = kind, k.family = family, k.ifindex = ifindex, k.plen = plen;
        if (a)
                memcpy(k.addr,
                       family == AF_INET ? (void *)&a->Ipv4.sin_addr : (void *)&a->Ipv6.sin6_addr,
                       family == AF_INET ? 4 : 16);
        if (gw)
                memcpy(k.gw,
                       family == AF_INET ? (void *)&gw->Ipv4.sin_addr : (void *)&gw->Ipv6.sin6_addr,
                       family == AF_INET ? 4 : 16);
        (*slot(t, &k))--;
}

static void subtract_tables(struct tally *t)
{
        PMIB_IPINTERFACE_TABLE ipif;
        PMIB_UNICASTIPADDRESS_TABLE ua;
        PMIB_IPFORWARD_TABLE2 fw;
        ULONG i;

        assert_int_equal(GetIpInterfaceTable(AF_UNSPEC, &ipif), NO_ERROR);
        for (i = 0; i < ipif->NumEntries; i++)
                sub_row(t, REC_IPIF, ipif->Table[i].Family, ipif->Table[i].InterfaceIndex, NULL, 0,
                        NULL);
        assert_int_equal(GetUnicastIpAddressTable(AF_UNSPEC, &ua), NO_ERROR);
        for (i = 0; i < ua->NumEntries; i++)
                sub_row(t, REC_ADDR, ua->Table[i].Address.si_family, ua->Table[i].InterfaceIndex,
                        &ua->Table[i].Address, 0, NULL);
        assert_int_equal(GetIpForwardTable2(AF_UNSPEC, &fw), NO_ERROR);
        for (i = 0; i < fw->NumEntries; i++)
                sub_row(t, REC_ROUTE, fw->Table[i].DestinationPrefix.Prefix.si_family,
                        fw->Table[i].InterfaceIndex, &fw->Table[i].DestinationPrefix.Prefix,
                        fw->Table[i].DestinationPrefix.PrefixLength, &fw->Table[i].NextHop);
        FreeMibTable(ipif);
        FreeMibTable(ua);
        FreeMibTable(fw);
}

static char *burst(const char *verb)
{
        size_t cap = PAIRS * 400, len = 0;
        char *b = malloc(cap);
        int i;

        for (i = 0; i < PAIRS; i++) {
                if (!strcmp(verb, "add"))
                        len += (size_t)snprintf(
                            b + len, cap - len,
                            "link add ova%d type veth peer name ovb%d\nlink set ova%d up\n"
                            "link set ovb%d up\naddr add 198.51.100.%d/32 dev ova%d\n"
                            "addr add 2001:db8:100::%x/128 dev ova%d nodad\n"
                            "route add 203.0.113.%d/32 dev ova%d\nlink set ova%d mtu 1400\n",
                            i, i, i, i, i + 1, i, i + 1, i, i + 1, i, i);
                else if (i % 2)
                        len += (size_t)snprintf(b + len, cap - len, "link del ova%d\n", i);
                else
                        len += (size_t)snprintf(b + len, cap - len,
                                                "addr del 198.51.100.%d/32 dev ova%d\n"
                                                "link set ova%d down\n",
                                                i + 1, i, i);
        }
        return b;
}

static void test_overrun_resync(void **state)
{
        static struct recorder r;
        struct notify_stats before, after;
        struct tally t = {0};
        HANDLE h[3];
        char *cmds;
        size_t i;
        int bad;

        (void)state;
        rec_init(&r);
        notify_stats_get(&before);
        assert_int_equal(NotifyIpInterfaceChange(AF_UNSPEC, rec_ipif, &r, FALSE, &h[0]), NO_ERROR);
        assert_int_equal(NotifyUnicastIpAddressChange(AF_UNSPEC, rec_addr, &r, FALSE, &h[1]),
                         NO_ERROR);
        assert_int_equal(NotifyRouteChange2(AF_UNSPEC, rec_route, &r, FALSE, &h[2]), NO_ERROR);
        cmds = burst("add");
        assert_int_equal(netns_ip_batch(&notify_ns, cmds), 0);
        free(cmds);
        cmds = burst("del");
        assert_int_equal(netns_ip_batch(&notify_ns, cmds), 0);
        free(cmds);
        rec_settle(&r, 1000, 30000);
        notify_stats_get(&after);
        printf("events %zu, overruns %lu, resyncs %lu\n", r.n, after.overruns - before.overruns,
               after.resyncs - before.resyncs);
        assert_true(after.overruns > before.overruns); /* the test really overran */
        pthread_mutex_lock(&r.lock);
        bad = replay(&r, &t);
        pthread_mutex_unlock(&r.lock);
        for (i = 0; i < 3; i++)
                assert_int_equal(CancelMibChangeNotify2(h[i]), NO_ERROR);
        subtract_tables(&t);
        for (i = 0; i < t.n; i++)
                if (t.count[i]) {
                        fprintf(
                            stderr, "kind %d family %d ifindex %u plen %u: events - table = %ld\n",
                            t.k[i].kind, t.k[i].family, t.k[i].ifindex, t.k[i].plen, t.count[i]);
                        bad++;
                }
        assert_int_equal(bad, 0);
        free(t.k);
        free(t.count);
        rec_free(&r);
}

int main(void)
{
        const struct CMUnitTest tests[] = {cmocka_unit_test(test_overrun_resync)};

        setenv("WINNET_NOTIFY_RCVBUF", "1", 1); /* the kernel's minimum: a few KiB */
        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
