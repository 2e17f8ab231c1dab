/* bench_notify.c - how fast changes reach NotifyIpInterfaceChange callbacks:
 *   1. latency of 1,000 MTU changes, each made with one RTM_NEWLINK request and
 *      timed from the request's acknowledgement (and from its send) to the
 *      MibParameterNotification, median and p99, against a raw rtnetlink
 *      multicast listener thread (the floor: no snapshot, no diff, no rows);
 *   2. events per second while 10,000 interfaces (5,000 veth pairs, one
 *      `ip -batch`) appear, with the overruns and resynchronisations it caused.
 * Runs in a namespace of its own; needs root (skips otherwise). */
#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libmnl/libmnl.h>

#include "iphlpapi.h"

#include "harness.h"
#include "iphlp/notify.h"

#define CHANGES 1000
#define PAIRS   5000

static char ns_name[64];

struct probe {
        pthread_mutex_t lock;
        pthread_cond_t cond;
        unsigned ifindex;
        unsigned long seen; /* matching events so far */
        double last_ns;     /* time of the latest one */
};

static struct probe probe = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0};

static void note_event(void)
{
        pthread_mutex_lock(&probe.lock);
        probe.seen++;
        probe.last_ns = bench_now_ns();
        pthread_cond_broadcast(&probe.cond);
        pthread_mutex_unlock(&probe.lock);
}

static void WINAPI on_change(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type)
{
        (void)ctx;
        if (row && type == MibParameterNotification && row->Family == AF_INET &&
            row->InterfaceIndex == probe.ifindex)
                note_event();
}

static unsigned long adds;

static void WINAPI on_add(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type)
{
        (void)ctx, (void)row;
        if (type == MibAddInstance)
                __atomic_add_fetch(&adds, 1, __ATOMIC_RELAXED);
}

/* Waits until `n` matching events were seen; returns the time of the n-th. */
static double wait_seen(unsigned long n)
{
        double t;

        pthread_mutex_lock(&probe.lock);
        while (probe.seen < n)
                pthread_cond_wait(&probe.cond, &probe.lock);
        t = probe.last_ns;
        pthread_mutex_unlock(&probe.lock);
        return t;
}

/* ---- the change: one RTM_NEWLINK setting the MTU, acknowledged ---- */

static double set_mtu(struct mnl_socket *s, unsigned ifindex, unsigned mtu, double *ret_sent)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
        struct ifinfomsg *ifi;

        nlh->nlmsg_type = RTM_NEWLINK;
        nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
        ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
        ifi->ifi_index = (int)ifindex;
        mnl_attr_put_u32(nlh, IFLA_MTU, mtu);
        *ret_sent = bench_now_ns();
        if (mnl_socket_sendto(s, nlh, nlh->nlmsg_len) < 0 ||
            mnl_socket_recvfrom(s, buf, sizeof(buf)) < 0)
                perror("bench_notify: RTM_NEWLINK");
        return bench_now_ns();
}

/* ---- the floor: a raw multicast listener thread ---- */

static struct mnl_socket *raw_sock;

static int raw_msg(const struct nlmsghdr *nlh, void *data)
{
        const struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);

        (void)data;
        if (nlh->nlmsg_type == RTM_NEWLINK && (unsigned)ifi->ifi_index == probe.ifindex)
                note_event();
        return MNL_CB_OK;
}

static void *raw_listener(void *arg)
{
        char buf[65536];
        ssize_t n;

        (void)arg;
        while ((n = mnl_socket_recvfrom(raw_sock, buf, sizeof(buf))) > 0)
                mnl_cb_run(buf, (size_t)n, 0, 0, raw_msg, NULL);
        return NULL;
}

static int cmp_double(const void *a, const void *b)
{
        double x = *(const double *)a, y = *(const double *)b;

        return x < y ? -1 : x > y;
}

static void report(const char *name, double *v, size_t n)
{
        char label[128];

        qsort(v, n, sizeof(*v), cmp_double);
        snprintf(label, sizeof(label), "%s median", name);
        bench_report_value(label, v[n / 2] / 1000.0, "us");
        snprintf(label, sizeof(label), "%s p99", name);
        bench_report_value(label, v[n * 99 / 100] / 1000.0, "us");
}

/* Runs CHANGES MTU changes; `base` is the event count before. */
static void measure(const char *name, struct mnl_socket *req, unsigned long base)
{
        static double from_ack[CHANGES], from_send[CHANGES];
        char label[96];
        int i;

        for (i = 0; i < CHANGES; i++) {
                double sent,
                    acked = set_mtu(req, probe.ifindex, 1300 + (unsigned)(i % 2) * 100, &sent);
                double got = wait_seen(base + (unsigned long)i + 1);

                from_ack[i] = got - acked; /* negative: the callback beat the ack */
                from_send[i] = got - sent;
        }
        snprintf(label, sizeof(label), "%s, ack->callback", name);
        report(label, from_ack, CHANGES);
        snprintf(label, sizeof(label), "%s, send->callback", name);
        report(label, from_send, CHANGES);
}

static void bench_latency(void)
{
        struct mnl_socket *req = mnl_socket_open(NETLINK_ROUTE);
        unsigned group = RTNLGRP_LINK;
        pthread_t t;
        HANDLE h;

        mnl_socket_bind(req, 0, MNL_SOCKET_AUTOPID);
        probe.ifindex = if_nametoindex("bva");
        /* the floor first: a raw listener */
        raw_sock = mnl_socket_open(NETLINK_ROUTE);
        mnl_socket_bind(raw_sock, 0, MNL_SOCKET_AUTOPID);
        mnl_socket_setsockopt(raw_sock, NETLINK_ADD_MEMBERSHIP, &group, sizeof(group));
        pthread_create(&t, NULL, raw_listener, NULL);
        measure("raw rtnetlink listener (floor)", req, probe.seen);
        shutdown(mnl_socket_get_fd(raw_sock), SHUT_RDWR);
        pthread_cancel(t);
        pthread_join(t, NULL);
        mnl_socket_close(raw_sock);
        /* then the API */
        if (NotifyIpInterfaceChange(AF_INET, on_change, NULL, FALSE, &h) != NO_ERROR) {
                fprintf(stderr, "bench_notify: NotifyIpInterfaceChange failed\n");
                return;
        }
        measure("NotifyIpInterfaceChange MTU change", req, probe.seen);
        CancelMibChangeNotify2(h);
        mnl_socket_close(req);
}

static void bench_burst(void)
{
        size_t cap = (size_t)PAIRS * 48, len = 0;
        char *cmds = malloc(cap), path[256];
        struct notify_stats before, after;
        double t0, t1, t2;
        unsigned long want = (unsigned long)PAIRS * 2 * 2; /* links x families */
        HANDLE h;
        FILE *f;
        int i;

        for (i = 0; i < PAIRS; i++)
                len += (size_t)snprintf(cmds + len, cap - len,
                                        "link add bx%d type veth peer name by%d\n", i, i);
        snprintf(path, sizeof(path), "/tmp/bench-notify-%d.batch", (int)getpid());
        f = fopen(path, "w");
        fwrite(cmds, 1, len, f);
        fclose(f);
        free(cmds);
        notify_stats_get(&before);
        NotifyIpInterfaceChange(AF_UNSPEC, on_add, NULL, FALSE, &h);
        snprintf(cmds = malloc(512), 512, "ip -n %s -batch %s", ns_name, path);
        t0 = bench_now_ns();
        if (system(cmds) != 0)
                fprintf(stderr, "bench_notify: ip -batch failed\n");
        t1 = bench_now_ns();
        while (__atomic_load_n(&adds, __ATOMIC_RELAXED) < want && bench_now_ns() - t0 < 120e9)
                usleep(1000);
        t2 = bench_now_ns();
        notify_stats_get(&after);
        CancelMibChangeNotify2(h);
        bench_report_value("burst: 10,000 interfaces created by ip -batch", (t1 - t0) / 1e6, "ms");
        bench_report_value("burst: last MibAddInstance after the batch started", (t2 - t0) / 1e6,
                           "ms");
        bench_report_value("burst: MibAddInstance events delivered", (double)adds, "events");
        bench_report_value("burst: events per second", (double)adds / ((t2 - t0) / 1e9), "ev/s");
        bench_report_value("burst: socket overruns", (double)(after.overruns - before.overruns),
                           "");
        bench_report_value("burst: resynchronisations", (double)(after.resyncs - before.resyncs),
                           "");
        unlink(path);
        free(cmds);
}

/* The bench's own namespace, with one veth pair (bva/bvb) to change. */
static int enter_namespace(void)
{
        const char *name = bench_netns_enter("notify");

        if (!name)
                return -1;
        snprintf(ns_name, sizeof(ns_name), "%s", name);
        return system("ip link add bva type veth peer name bvb") == 0 ? 0 : -1;
}

int main(void)
{
        if (enter_namespace() < 0) {
                printf("SKIP: bench_notify needs root and network namespaces\n");
                return 0;
        }
        bench_latency();
        bench_burst();
        return 0; /* the harness deletes the namespace at exit */
}
