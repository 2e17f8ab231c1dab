/* test_igmp_parse.c - the /proc/net/igmp reader that stands in for the IPv4
 * RTM_GETMULTICAST dump on kernels before 6.13 (this machine's kernel dumps, so
 * the system tests never reach it): device lines, group lines in the kernel's
 * host-order hex, the header, and a visitor error stopping the walk. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "provider/linux/nl.h"

/* As Linux prints it: groups as the __be32 read as a host number ("%08X"). */
static const char sample[] = "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n"
                             "1\tlo        :     1      V3\n"
                             "\t\t\t\t010000E0     1 0:00000000\t\t0\n"
                             "4\tm0        :     2      V3\n"
                             "\t\t\t\tFB0000E0     1 0:00000000\t\t0\n"
                             "\t\t\t\t010000E0     1 0:00000000\t\t0\n";

struct seen {
        int begins, n;
        uint32_t ifindex[8];
        uint8_t addr[8][4];
        int fail_at;
};

static int on_begin(void *p)
{
        ((struct seen *)p)->begins++;
        return 0;
}

static int on_addr(void *p, const struct prov_addr *a)
{
        struct seen *s = p;

        if (s->n == s->fail_at)
                return -ENOMEM;
        assert_int_equal(a->family, AF_INET);
        assert_int_equal(a->kind, PROV_ADDR_MULTICAST);
        s->ifindex[s->n] = a->ifindex;
        memcpy(s->addr[s->n], a->addr, 4);
        s->n++;
        return 0;
}

static void groups_per_device(void **state)
{
        struct seen s = {0, 0, {0}, {{0}}, -1};
        struct prov_addr_visitor v = {on_begin, on_addr, &s};
        static const uint8_t all_hosts[4] = {224, 0, 0, 1}, mdns[4] = {224, 0, 0, 251};

        (void)state;
        if (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__)
                skip(); /* the sample is a little-endian host's file */
        assert_int_equal(igmp_proc_parse(sample, &v), 0);
        assert_int_equal(s.begins, 1);
        assert_int_equal(s.n, 3);
        assert_int_equal(s.ifindex[0], 1);
        assert_memory_equal(s.addr[0], all_hosts, 4);
        assert_int_equal(s.ifindex[1], 4);
        assert_memory_equal(s.addr[1], mdns, 4);
        assert_int_equal(s.ifindex[2], 4);
        assert_memory_equal(s.addr[2], all_hosts, 4);
}

static void visitor_error_stops_the_walk(void **state)
{
        struct seen s = {0, 0, {0}, {{0}}, 1};
        struct prov_addr_visitor v = {on_begin, on_addr, &s};

        (void)state;
        assert_int_equal(igmp_proc_parse(sample, &v), -ENOMEM);
        assert_int_equal(s.n, 1);
        s = (struct seen){0, 0, {0}, {{0}}, -1};
        assert_int_equal(igmp_proc_parse("", &v), 0); /* empty file: nothing, cleanly */
        assert_int_equal(s.n, 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(groups_per_device),
            cmocka_unit_test(visitor_error_stops_the_walk),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
