/* cmd_watch.c - `winnet watch`: interface, address and route changes as they
 * happen (NotifyIpInterfaceChange, NotifyUnicastIpAddressChange,
 * NotifyRouteChange2), one line per event, text or JSON lines, until SIGINT or
 * SIGTERM, --count N events or --timeout S seconds. */
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "iphlpapi.h"

#include "cli.h"
#include "net_text.h"

struct watch {
        const struct cli *cli;
        pthread_mutex_t lock; /* one line at a time from every callback */
        unsigned long events; /* changes printed (initial notifications not counted) */
};

static const char *type_name(MIB_NOTIFICATION_TYPE t)
{
        static const char *const names[] = {"change", "add", "delete", "initial"};

        return (unsigned)t < 4 ? names[t] : "unknown";
}

static const char *family_name(int family)
{
        return family == AF_INET ? "inet" : family == AF_INET6 ? "inet6" : "unspec";
}

/* What one event says, before it is printed. */
struct line {
        const char *kind;
        MIB_NOTIFICATION_TYPE type;
        int family;
        NET_IFINDEX ifindex;
        ULONG64 luid;
        const char *address; /* NULL when the kind has none */
        int prefix;          /* -1 when none */
        const char *next_hop;
};

static void print_json(const struct line *l, const char *ifname)
{
        json_t *o = json_pack("{s:s, s:s}", "event", type_name(l->type), "kind", l->kind);

        if (l->type != MibInitialNotification) {
                json_object_set_new(o, "family", json_string(family_name(l->family)));
                json_object_set_new(o, "ifindex", json_integer(l->ifindex));
                json_object_set_new(o, "ifname", ifname ? json_string(ifname) : json_null());
                json_object_set_new(o, "luid", json_integer((json_int_t)l->luid));
        }
        if (l->address)
                json_object_set_new(o, "address", json_string(l->address));
        if (l->prefix >= 0)
                json_object_set_new(o, "prefix_length", json_integer(l->prefix));
        if (l->next_hop)
                json_object_set_new(o, "next_hop", json_string(l->next_hop));
        json_dumpf(o, stdout, JSON_COMPACT);
        fputc('\n', stdout);
        json_decref(o);
}

static void print_text(const struct line *l, const char *ifname)
{
        if (l->type == MibInitialNotification) {
                printf("%-7s %s\n", type_name(l->type), l->kind);
                return;
        }
        printf("%-7s %-9s %-5s %s (%u)", type_name(l->type), l->kind, family_name(l->family),
               ifname ? ifname : "?", l->ifindex);
        if (l->address)
                printf(" %s", l->address);
        if (l->prefix >= 0)
                printf("/%d", l->prefix);
        if (l->next_hop && *l->next_hop)
                printf(" via %s", l->next_hop);
        fputc('\n', stdout);
}

static void emit(struct watch *w, const struct line *l)
{
        char name[IF_NAMESIZE];
        const char *ifname = l->ifindex ? if_indextoname(l->ifindex, name) : NULL;

        pthread_mutex_lock(&w->lock);
        if (w->cli->json)
                print_json(l, ifname);
        else
                print_text(l, ifname);
        fflush(stdout);
        if (l->type != MibInitialNotification)
                __atomic_add_fetch(&w->events, 1, __ATOMIC_RELEASE);
        pthread_mutex_unlock(&w->lock);
}

static void WINAPI on_interface(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type)
{
        struct line l = {"interface", type, 0, 0, 0, NULL, -1, NULL};

        if (row) {
                l.family = row->Family;
                l.ifindex = row->InterfaceIndex;
                l.luid = row->InterfaceLuid.Value;
        }
        emit(ctx, &l);
}

static void WINAPI on_address(PVOID ctx, PMIB_UNICASTIPADDRESS_ROW row, MIB_NOTIFICATION_TYPE type)
{
        struct line l = {"address", type, 0, 0, 0, NULL, -1, NULL};
        char a[INET6_ADDRSTRLEN];

        if (row) {
                l.family = row->Address.si_family;
                l.ifindex = row->InterfaceIndex;
                l.luid = row->InterfaceLuid.Value;
                l.address = ipaddr_text(&row->Address, a, sizeof(a));
        }
        emit(ctx, &l);
}

static void WINAPI on_route(PVOID ctx, PMIB_IPFORWARD_ROW2 row, MIB_NOTIFICATION_TYPE type)
{
        struct line l = {"route", type, 0, 0, 0, NULL, -1, NULL};
        char d[INET6_ADDRSTRLEN], g[INET6_ADDRSTRLEN];

        if (row) {
                l.family = row->DestinationPrefix.Prefix.si_family;
                l.ifindex = row->InterfaceIndex;
                l.luid = row->InterfaceLuid.Value;
                l.address = ipaddr_text(&row->DestinationPrefix.Prefix, d, sizeof(d));
                l.prefix = row->DestinationPrefix.PrefixLength;
                l.next_hop = ipaddr_text(&row->NextHop, g, sizeof(g));
                if (!strcmp(l.next_hop, "0.0.0.0") || !strcmp(l.next_hop, "::"))
                        l.next_hop = "";
        }
        emit(ctx, &l);
}

struct options {
        unsigned long count; /* 0: unlimited */
        double timeout;      /* seconds, 0: none */
        ADDRESS_FAMILY family;
};

static int parse(int argc, char **argv, struct options *o)
{
        int i;

        for (i = 1; i < argc; i++) {
                char *end;
                double v;

                if (family_flag(argv[i], &o->family))
                        continue;
                if ((strcmp(argv[i], "--count") && strcmp(argv[i], "--timeout")) || i + 1 >= argc)
                        return cli_error("watch: unknown option '%s'", argv[i]);
                v = strtod(argv[i + 1], &end);
                if (*end || v < 0)
                        return cli_error("%s needs a number, not '%s'", argv[i], argv[i + 1]);
                if (argv[i][2] == 'c')
                        o->count = (unsigned long)v;
                else
                        o->timeout = v;
                i++;
        }
        return 0;
}

static double now(void)
{
        struct timespec ts;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Waits for SIGINT/SIGTERM (blocked, so no handler is needed), the count or the
 * deadline, checking every 100 ms. */
static void wait_until_done(struct watch *w, const struct options *o, const sigset_t *sigs)
{
        struct timespec tick = {0, 100000000L};
        double end = o->timeout > 0 ? now() + o->timeout : 0;

        for (;;) {
                if (sigtimedwait(sigs, NULL, &tick) >= 0)
                        return;
                if (o->count && __atomic_load_n(&w->events, __ATOMIC_ACQUIRE) >= o->count)
                        return;
                if (end && now() >= end)
                        return;
        }
}

int cmd_watch(struct cli *cli, int argc, char **argv)
{
        struct watch w = {cli, PTHREAD_MUTEX_INITIALIZER, 0};
        struct options o = {0, 0, AF_UNSPEC};
        HANDLE h[3] = {NULL, NULL, NULL};
        sigset_t sigs;
        DWORD st;
        int i, rc = 0;

        if (parse(argc, argv, &o))
                return 2;
        sigemptyset(&sigs);
        sigaddset(&sigs, SIGINT);
        sigaddset(&sigs, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &sigs, NULL);
        st = NotifyIpInterfaceChange(o.family, on_interface, &w, TRUE, &h[0]);
        if (st == NO_ERROR)
                st = NotifyUnicastIpAddressChange(o.family, on_address, &w, TRUE, &h[1]);
        if (st == NO_ERROR)
                st = NotifyRouteChange2(o.family, on_route, &w, TRUE, &h[2]);
        if (st == NO_ERROR)
                wait_until_done(&w, &o, &sigs);
        else
                rc = cli_api_error("Notify*", st);
        for (i = 0; i < 3; i++)
                if (h[i])
                        CancelMibChangeNotify2(h[i]);
        return rc;
}
