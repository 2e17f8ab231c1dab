/* test_churn.c - every IP Helper table while the namespace churns. One thread
 * runs `ip -batch` in a loop inside a test namespace: each cycle g creates 500
 * veth pairs c<g>a<k>/c<g>b<k> (1,000 interfaces), a bridge c<g>br over ten of the
 * b ends and a macvlan c<g>mv over c<g>a0, gives each a end 2001:db8:<g>:<k>::1/64
 * (and 192.0.2.<k>/32 for k < 250) and a route (2001:db8:ffff:<k>::/64, and
 * 203.0.113.<k>/32 for k < 250) through it, then deletes them all (IPv6
 * forwarding is on, so the prefixes have subnet-router anycast). Two threads
 * meanwhile call every table function (AF_UNSPEC) for WINNET_CHURN_SECONDS
 * (default 60; CTest sets 20), each call T bracketed by GetIfTable2 snapshots A
 * (just before) and B (just after).
 *
 * What "not torn" means here (docs/hardening.md):
 *  - every call returns NO_ERROR, ERROR_NOT_FOUND (an empty table) or
 *    ERROR_GEN_FAILURE (the dump kept being interrupted: retries exhausted; counted)
 *    and takes at most WINNET_CHURN_MAX_CALL_MS (default 10,000), and every table
 *    function succeeds at least once: retries are bounded and make progress;
 *  - every row names its interface consistently: InterfaceLuid holds
 *    InterfaceIndex, and when A or B knows the index, the same LUID;
 *  - every row's interface existed during the call: its index is in A or in B,
 *    or above every index of A (made after A began; deleted before B ended).
 *    Linux hands out ifindexes in increasing order and does not reuse them here,
 *    so an index at or below A's highest that neither A nor B holds belonged to
 *    an interface gone before the call began: a stale row;
 *  - rows agree with each other where the churn pattern makes that checkable: an
 *    address 2001:db8:<g>:<k>::1 or 192.0.2.<k> sits on an interface named c*a<k>
 *    (c<g>a<k> for IPv6), a route to 2001:db8:ffff:<k>::/64 or 203.0.113.<k>/32
 *    leaves through c*a<k>, whenever A or B names the interface; a GetIfTable2
 *    has no index twice;
 *  - no leak: with the verifier's tracking on, the library holds as many blocks
 *    after the readers exited as before they started (LeakSanitizer checks the
 *    rest in the ASan suite).
 * Needs root (exit 77 without namespaces). */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <arpa/inet.h>
#include <cmocka.h>

#include "iphlpapi.h"
#include "netioapi.h"
#include "netns.h"
#include "winnet.h"

#define PAIRS    500
#define V4_HOSTS 250

enum call {
        C_IF2,
        C_IF2EX,
        C_IPIF,
        C_UNICAST,
        C_ANYCAST,
        C_MULTICAST,
        C_FORWARD,
        C_IPNET,
        C_STACK,
        C_INVSTACK,
        C_PATH,
        C_COUNT
};
static const char *const call_names[C_COUNT] = {"GetIfTable2",
                                                "GetIfTable2Ex",
                                                "GetIpInterfaceTable",
                                                "GetUnicastIpAddressTable",
                                                "GetAnycastIpAddressTable",
                                                "GetMulticastIpAddressTable",
                                                "GetIpForwardTable2",
                                                "GetIpNetTable2",
                                                "GetIfStackTable",
                                                "GetInvertedIfStackTable",
                                                "GetIpPathTable"};

struct stats {
        unsigned long calls[C_COUNT], ok[C_COUNT], empty[C_COUNT], gave_up[C_COUNT];
        unsigned long snap_failed; /* GetIfTable2 snapshots that gave up */
        unsigned long rows, transient_rows, max_ms;
};

static struct test_netns ns;
static double deadline;
static int stop_churn, failed; /* atomics */
static unsigned long cycles;
static long max_call_ms = 10000;
static pthread_mutex_t fail_mu = PTHREAD_MUTEX_INITIALIZER;
static char first_failure[512];

static double now_s(void)
{
        struct timespec ts;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void failf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void failf(const char *fmt, ...)
{
        va_list ap;

        pthread_mutex_lock(&fail_mu);
        if (!first_failure[0]) {
                va_start(ap, fmt);
                vsnprintf(first_failure, sizeof(first_failure), fmt, ap);
                va_end(ap);
                fprintf(stderr, "churn: %s\n", first_failure);
                __atomic_store_n(&failed, 1, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&fail_mu);
}

/* ---- the churning thread ---- */

static char *cycle_batch(unsigned long g, int create)
{
        size_t cap = 512 * 1024, len = 0;
        char *b = malloc(cap);
        int k;

#define ADD(...) len += (size_t)snprintf(b + len, cap - len, __VA_ARGS__)
        if (!b)
                return NULL;
        b[0] = 0;
        if (!create) {
                for (k = 0; k < PAIRS; k++)
                        ADD("link del c%lua%d\n", g, k);
                ADD("link del c%lubr\n", g);
                return b;
        }
        ADD("link add c%lubr type bridge\nlink set c%lubr up\n", g, g);
        for (k = 0; k < PAIRS; k++) {
                ADD("link add c%lua%d type veth peer name c%lub%d\n", g, k, g, k);
                ADD("link set c%lua%d up\nlink set c%lub%d up\n", g, k, g, k);
                ADD("addr add 2001:db8:%lx:%x::1/64 dev c%lua%d nodad\n", g & 0xffff, k, g, k);
                ADD("route add 2001:db8:ffff:%x::/64 dev c%lua%d\n", k, g, k);
                if (k < V4_HOSTS) {
                        ADD("addr add 192.0.2.%d/32 dev c%lua%d\n", k + 1, g, k);
                        ADD("route add 203.0.113.%d/32 dev c%lua%d\n", k + 1, g, k);
                }
                if (k < 10)
                        ADD("link set c%lub%d master c%lubr\n", g, k, g);
        }
        ADD("link add c%lumv link c%lua0 type macvlan mode bridge\nlink set c%lumv up\n", g, g, g);
#undef ADD
        return b;
}

static void *churn_main(void *arg)
{
        unsigned long g;

        (void)arg;
        for (g = 1; !__atomic_load_n(&stop_churn, __ATOMIC_ACQUIRE); g++) {
                char *up = cycle_batch(g, 1), *down = cycle_batch(g, 0);

                if (!up || !down || netns_ip_batch(&ns, up) != 0 || netns_ip_batch(&ns, down) != 0)
                        failf("ip -batch failed in cycle %lu", g);
                free(up);
                free(down);
                cycles = g;
                if (__atomic_load_n(&failed, __ATOMIC_ACQUIRE))
                        break;
        }
        return NULL;
}

/* ---- snapshots ---- */

struct ifent {
        NET_IFINDEX index;
        ULONG64 luid;
        char name[64];
};

struct snap {
        struct ifent *e;
        size_t n;
        NET_IFINDEX max;
};

static int cmp_ifent(const void *a, const void *b)
{
        NET_IFINDEX x = ((const struct ifent *)a)->index, y = ((const struct ifent *)b)->index;

        return (x > y) - (x < y);
}

static uint32_t luid_index(NET_LUID l)
{
        return (uint32_t)l.Info.NetLuidIndex | ((uint32_t)l.Info.Reserved << 24);
}

/* A GetIfTable2 snapshot, sorted by index; -1 when the call failed. */
static int snap_take(struct snap *s, struct stats *st)
{
        PMIB_IF_TABLE2 t = NULL;
        DWORD r = GetIfTable2(&t);
        ULONG i;
        int k;

        memset(s, 0, sizeof(*s));
        if (r != NO_ERROR)
                return -1;
        s->e = calloc(t->NumEntries ? t->NumEntries : 1, sizeof(*s->e));
        if (!s->e)
                abort();
        for (i = 0; i < t->NumEntries; i++) {
                struct ifent *e = &s->e[s->n++];

                e->index = t->Table[i].InterfaceIndex;
                e->luid = t->Table[i].InterfaceLuid.Value;
                for (k = 0; k < 63 && t->Table[i].Alias[k]; k++)
                        e->name[k] = t->Table[i].Alias[k] < 128 ? (char)t->Table[i].Alias[k] : '?';
                if (e->index > s->max)
                        s->max = e->index;
        }
        st->rows += t->NumEntries;
        FreeMibTable(t);
        qsort(s->e, s->n, sizeof(*s->e), cmp_ifent);
        for (i = 1; i < s->n; i++)
                if (s->e[i].index == s->e[i - 1].index)
                        failf("GetIfTable2 lists ifindex %lu twice", (unsigned long)s->e[i].index);
        return 0;
}

static const struct ifent *snap_find(const struct snap *s, NET_IFINDEX index)
{
        struct ifent key = {.index = index};

        return s->n ? bsearch(&key, s->e, s->n, sizeof(*s->e), cmp_ifent) : NULL;
}

/* The context a table call is checked in. */
struct ctx {
        enum call c;
        const struct snap *a, *b;
        struct stats *st;
        void *table; /* the call's result */
};

/* The interface of a row: consistent LUID, existed during the call. Returns its
 * name when A or B knows it, else NULL. */
static const char *row_if(struct ctx *x, NET_LUID luid, NET_IFINDEX index)
{
        const struct ifent *e = snap_find(x->a, index);

        if (!e)
                e = snap_find(x->b, index);
        if (luid_index(luid) != index)
                failf("%s: row with InterfaceIndex %lu but a LUID of index %lu", call_names[x->c],
                      (unsigned long)index, (unsigned long)luid_index(luid));
        if (e && e->luid != luid.Value)
                failf("%s: ifindex %lu has LUID %#llx, GetIfTable2 says %#llx", call_names[x->c],
                      (unsigned long)index, (unsigned long long)luid.Value,
                      (unsigned long long)e->luid);
        if (!e && index <= x->a->max)
                failf("%s: stale row: ifindex %lu is in neither snapshot and not newer than "
                      "the highest before the call (%lu)",
                      call_names[x->c], (unsigned long)index, (unsigned long)x->a->max);
        if (!e)
                x->st->transient_rows++;
        return e ? e->name : NULL;
}

/* The index alone (stack tables): existed during the call. */
static void index_seen(struct ctx *x, NET_IFINDEX index)
{
        if (index && !snap_find(x->a, index) && !snap_find(x->b, index) && index <= x->a->max)
                failf("%s: stale ifindex %lu", call_names[x->c], (unsigned long)index);
}

/* "c<g>a<k>" -> g and k; 0 when the name is not of that form. */
static int churn_a(const char *name, unsigned long *g, unsigned *k)
{
        char tail;

        return name && sscanf(name, "c%lua%u%c", g, k, &tail) == 2;
}

static void check_addr(struct ctx *x, const SOCKADDR_INET *a, const char *name)
{
        unsigned long g;
        unsigned k;

        if (!name)
                return;
        if (a->si_family == AF_INET6) {
                const uint8_t *b = a->Ipv6.sin6_addr.s6_addr;
                unsigned ag = (unsigned)(b[4] << 8 | b[5]), ak = (unsigned)(b[6] << 8 | b[7]);

                if (b[0] != 0x20 || b[1] != 0x01 || b[2] != 0x0d || b[3] != 0xb8 || ag == 0xffff ||
                    b[15] != 1)
                        return;
                if (!churn_a(name, &g, &k) || (g & 0xffff) != ag || k != ak)
                        failf("%s: 2001:db8:%x:%x::1 on interface %s", call_names[x->c], ag, ak,
                              name);
        } else if (a->si_family == AF_INET) {
                const uint8_t *b = (const uint8_t *)&a->Ipv4.sin_addr;

                if (b[0] != 192 || b[1] != 0 || b[2] != 2)
                        return;
                if (!churn_a(name, &g, &k) || k + 1 != b[3])
                        failf("%s: 192.0.2.%u on interface %s", call_names[x->c], b[3], name);
        }
}

static void check_route(struct ctx *x, const MIB_IPFORWARD_ROW2 *r, const char *name)
{
        const SOCKADDR_INET *d = &r->DestinationPrefix.Prefix;
        unsigned long g;
        unsigned k, want;

        if (!name)
                return;
        if (d->si_family == AF_INET6 && r->DestinationPrefix.PrefixLength == 64) {
                const uint8_t *b = d->Ipv6.sin6_addr.s6_addr;

                if (b[0] != 0x20 || b[1] != 0x01 || b[2] != 0x0d || b[3] != 0xb8 || b[4] != 0xff ||
                    b[5] != 0xff)
                        return;
                want = (unsigned)(b[6] << 8 | b[7]);
        } else if (d->si_family == AF_INET && r->DestinationPrefix.PrefixLength == 32) {
                const uint8_t *b = (const uint8_t *)&d->Ipv4.sin_addr;

                if (b[0] != 203 || b[1] != 0 || b[2] != 113)
                        return;
                want = b[3] - 1u;
        } else {
                return;
        }
        if (!churn_a(name, &g, &k) || k != want)
                failf("%s: the route for pair %u leaves through %s", call_names[x->c], want, name);
}

#define EACH_ROW(t) for (i = 0; i < (t)->NumEntries; i++)

/* Makes call x->c, leaving its table (or NULL) in x->table. */
static DWORD call_table(struct ctx *x)
{
        DWORD r;

        switch (x->c) {
        case C_IF2:
                return GetIfTable2((PMIB_IF_TABLE2 *)&x->table);
        case C_IF2EX:
                return GetIfTable2Ex(MibIfTableRaw, (PMIB_IF_TABLE2 *)&x->table);
        case C_IPIF:
                return GetIpInterfaceTable(AF_UNSPEC, (PMIB_IPINTERFACE_TABLE *)&x->table);
        case C_UNICAST:
                return GetUnicastIpAddressTable(AF_UNSPEC,
                                                (PMIB_UNICASTIPADDRESS_TABLE *)&x->table);
        case C_ANYCAST:
                return GetAnycastIpAddressTable(AF_UNSPEC,
                                                (PMIB_ANYCASTIPADDRESS_TABLE *)&x->table);
        case C_MULTICAST:
                return GetMulticastIpAddressTable(AF_UNSPEC,
                                                  (PMIB_MULTICASTIPADDRESS_TABLE *)&x->table);
        case C_FORWARD:
                return GetIpForwardTable2(AF_UNSPEC, (PMIB_IPFORWARD_TABLE2 *)&x->table);
        case C_IPNET:
                return GetIpNetTable2(AF_UNSPEC, (PMIB_IPNET_TABLE2 *)&x->table);
        case C_STACK:
                return GetIfStackTable((PMIB_IFSTACK_TABLE *)&x->table);
        case C_INVSTACK:
                return GetInvertedIfStackTable((PMIB_INVERTEDIFSTACK_TABLE *)&x->table);
        default:
                r = GetIpPathTable(AF_UNSPEC, (PMIB_IPPATH_TABLE *)&x->table);
                return r;
        }
}

/* Checks every row of x->table against the snapshots around the call. */
static void check_table(struct ctx *x)
{
        ULONG i;

        switch (x->c) {
        case C_IF2:
        case C_IF2EX: {
                PMIB_IF_TABLE2 p = x->table;

                EACH_ROW(p) row_if(x, p->Table[i].InterfaceLuid, p->Table[i].InterfaceIndex);
                break;
        }
        case C_IPIF: {
                PMIB_IPINTERFACE_TABLE p = x->table;

                EACH_ROW(p) row_if(x, p->Table[i].InterfaceLuid, p->Table[i].InterfaceIndex);
                break;
        }
        case C_UNICAST: {
                PMIB_UNICASTIPADDRESS_TABLE p = x->table;

                EACH_ROW(p)
                check_addr(x, &p->Table[i].Address,
                           row_if(x, p->Table[i].InterfaceLuid, p->Table[i].InterfaceIndex));
                break;
        }
        case C_ANYCAST: {
                PMIB_ANYCASTIPADDRESS_TABLE p = x->table;

                EACH_ROW(p) row_if(x, p->Table[i].InterfaceLuid, p->Table[i].InterfaceIndex);
                break;
        }
        case C_MULTICAST: {
                PMIB_MULTICASTIPADDRESS_TABLE p = x->table;

                EACH_ROW(p) row_if(x, p->Table[i].InterfaceLuid, p->Table[i].InterfaceIndex);
                break;
        }
        case C_FORWARD: {
                PMIB_IPFORWARD_TABLE2 p = x->table;

                EACH_ROW(p)
                if (p->Table[i].InterfaceIndex)
                        check_route(
                            x, &p->Table[i],
                            row_if(x, p->Table[i].InterfaceLuid, p->Table[i].InterfaceIndex));
                break;
        }
        case C_IPNET: {
                PMIB_IPNET_TABLE2 p = x->table;

                EACH_ROW(p) row_if(x, p->Table[i].InterfaceLuid, p->Table[i].InterfaceIndex);
                break;
        }
        case C_STACK: {
                PMIB_IFSTACK_TABLE p = x->table;

                EACH_ROW(p)
                {
                        index_seen(x, p->Table[i].HigherLayerInterfaceIndex);
                        index_seen(x, p->Table[i].LowerLayerInterfaceIndex);
                }
                break;
        }
        case C_INVSTACK: {
                PMIB_INVERTEDIFSTACK_TABLE p = x->table;

                EACH_ROW(p)
                {
                        index_seen(x, p->Table[i].LowerLayerInterfaceIndex);
                        index_seen(x, p->Table[i].HigherLayerInterfaceIndex);
                }
                break;
        }
        default: {
                PMIB_IPPATH_TABLE p = x->table;

                EACH_ROW(p) row_if(x, p->Table[i].InterfaceLuid, p->Table[i].InterfaceIndex);
                break;
        }
        }
}

static void *reader_main(void *arg)
{
        struct stats *st = arg;
        struct snap a, b;
        enum call c = C_IF2;

        if (winnet_set_thread_netns(ns.name) != NO_ERROR) {
                failf("winnet_set_thread_netns(%s) failed", ns.name);
                return NULL;
        }
        while (now_s() < deadline && !__atomic_load_n(&failed, __ATOMIC_ACQUIRE)) {
                struct ctx x = {c, &a, &b, st, NULL};
                double t0;
                unsigned long ms;
                DWORD r;

                if (snap_take(&a, st) < 0) {
                        st->snap_failed++;
                        continue;
                }
                t0 = now_s();
                r = call_table(&x);
                ms = (unsigned long)((now_s() - t0) * 1000);
                if (snap_take(&b, st) < 0) {
                        free(a.e);
                        FreeMibTable(x.table);
                        st->snap_failed++;
                        continue;
                }
                st->calls[c]++;
                if (ms > st->max_ms)
                        st->max_ms = ms;
                if ((long)ms > max_call_ms)
                        failf("%s took %lu ms", call_names[c], ms);
                if ((r == NO_ERROR) != (x.table != NULL))
                        failf("%s: status %lu with table %p", call_names[c], (unsigned long)r,
                              x.table);
                if (r == NO_ERROR)
                        st->ok[c]++;
                else if (r == ERROR_NOT_FOUND)
                        st->empty[c]++;
                else if (r == ERROR_GEN_FAILURE)
                        st->gave_up[c]++;
                else
                        failf("%s returned %lu", call_names[c], (unsigned long)r);
                if (x.table) {
                        check_table(&x);
                        st->rows += *(const ULONG *)x.table;
                        FreeMibTable(x.table);
                }
                free(a.e);
                free(b.e);
                c = (enum call)((c + 1) % C_COUNT);
        }
        winnet_set_thread_netns(NULL);
        return NULL;
}

static long env_long(const char *name, long def)
{
        const char *v = getenv(name);

        return v && *v ? strtol(v, NULL, 10) : def;
}

static void churn_all_tables(void **state)
{
        pthread_t churner, readers[2];
        struct stats st[2];
        long seconds = env_long("WINNET_CHURN_SECONDS", 60);
        size_t live_before, live_after;
        int c, i;

        (void)state;
        max_call_ms = env_long("WINNET_CHURN_MAX_CALL_MS", 10000);
        netns_require();
        assert_int_equal(netns_create(&ns, "churn", false), 0);
        /* Forwarding gives every IPv6 prefix a subnet-router anycast address. */
        assert_int_equal(netns_sh(&ns, "sysctl -qw net.ipv6.conf.all.forwarding=1"), 0);
        memset(st, 0, sizeof(st));
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        live_before = winnet_verifier_live_blocks();
        deadline = now_s() + (double)seconds;
        assert_int_equal(pthread_create(&churner, NULL, churn_main, NULL), 0);
        for (i = 0; i < 2; i++)
                assert_int_equal(pthread_create(&readers[i], NULL, reader_main, &st[i]), 0);
        for (i = 0; i < 2; i++)
                pthread_join(readers[i], NULL);
        __atomic_store_n(&stop_churn, 1, __ATOMIC_RELEASE);
        pthread_join(churner, NULL);
        live_after = winnet_verifier_live_blocks();
        printf("churn: %ld s, %lu create/delete cycles of %d interfaces\n", seconds, cycles,
               2 * PAIRS + 2);
        for (c = 0; c < C_COUNT; c++)
                printf("churn: %-28s %6lu calls, %6lu ok, %5lu empty, %5lu retries exhausted\n",
                       call_names[c], st[0].calls[c] + st[1].calls[c], st[0].ok[c] + st[1].ok[c],
                       st[0].empty[c] + st[1].empty[c], st[0].gave_up[c] + st[1].gave_up[c]);
        printf("churn: %lu GetIfTable2 snapshots gave up (retries exhausted); %lu rows "
               "checked, %lu of interfaces made and gone during their call; slowest call %lu "
               "ms; library blocks live %zu before, %zu after\n",
               st[0].snap_failed + st[1].snap_failed, st[0].rows + st[1].rows,
               st[0].transient_rows + st[1].transient_rows,
               st[0].max_ms > st[1].max_ms ? st[0].max_ms : st[1].max_ms, live_before, live_after);
        netns_destroy(&ns);
        if (first_failure[0])
                fail_msg("%s", first_failure);
        for (c = 0; c < C_COUNT; c++)
                if (st[0].calls[c] + st[1].calls[c] &&
                    !(st[0].ok[c] + st[1].ok[c] + st[0].empty[c] + st[1].empty[c]))
                        fail_msg("%s never completed: its retries do not make progress",
                                 call_names[c]);
        assert_true(cycles >= 1);
        assert_int_equal(live_after, live_before);
}

int main(void)
{
        const struct CMUnitTest tests[] = {cmocka_unit_test(churn_all_tables)};

        return cmocka_run_group_tests(tests, NULL, NULL);
}
