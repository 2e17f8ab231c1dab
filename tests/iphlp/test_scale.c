/* test_scale.c - 1,000 interfaces (500 veth pairs made with `ip -batch`): every
 * table lists each of them once with the right index and name, and tables read
 * while another process keeps adding and deleting links are never torn (the
 * provider replays dumps the kernel marks interrupted). */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"
#include "winnet.h"

#include "check.h"
#include "netns.h"

#define PAIRS 500

int check_failures;
static struct test_netns ns;
static json_t *links;
static pid_t churn = -1;

static int group_setup(void **state)
{
        size_t cap = PAIRS * 48, len = 0;
        char *batch = malloc(cap);
        int i, r;

        (void)state;
        for (i = 0; i < PAIRS; i++)
                len += (size_t)snprintf(batch + len, cap - len,
                                        "link add s%da type veth peer name s%db\n", i, i);
        r = netns_create(&ns, "scale", false);
        if (r == 0)
                r = netns_ip_batch(&ns, batch);
        free(batch);
        if (r != 0)
                return -1;
        links = netns_links_json(&ns);
        return links ? netns_enter(&ns) : -1;
}

static void stop_churn(void)
{
        if (churn > 0) {
                kill(churn, SIGKILL);
                waitpid(churn, NULL, 0);
        }
        churn = -1;
}

static int group_teardown(void **state)
{
        (void)state;
        stop_churn();
        json_decref(links);
        netns_leave();
        netns_destroy(&ns);
        return 0;
}

static double now_ms(void)
{
        struct timespec t;

        clock_gettime(CLOCK_MONOTONIC, &t);
        return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void check_if_rows(const MIB_IF_TABLE2 *t)
{
        size_t i;
        json_t *l;

        CHECK_EQ("table", "NumEntries", t->NumEntries, json_array_size(links));
        json_array_foreach(links, i, l)
        {
                const char *n = netns_json_str(l, "ifname");
                char got[64];

                if (i >= t->NumEntries)
                        break;
                CHECK_EQ(n, "InterfaceIndex", t->Table[i].InterfaceIndex,
                         netns_json_int(l, "ifindex", -1));
                CHECK_STR(n, "Alias", check_ascii(t->Table[i].Alias, got, sizeof(got)), n);
        }
}

static void if_table_lists_every_interface(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        double t0 = now_ms();

        (void)state;
        assert_int_equal(GetIfTable2(&t), NO_ERROR);
        print_message("GetIfTable2 with %u interfaces: %.2f ms\n", t->NumEntries, now_ms() - t0);
        check_failures = 0;
        check_if_rows(t);
        FreeMibTable(t);
        assert_int_equal(GetIfTable2Ex(MibIfTableNormalWithoutStatistics, &t), NO_ERROR);
        check_if_rows(t);
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
}

static void ip_interface_table_has_two_rows_per_interface(void **state)
{
        PMIB_IPINTERFACE_TABLE t = NULL;
        ULONG i;

        (void)state;
        assert_int_equal(GetIpInterfaceTable(AF_UNSPEC, &t), NO_ERROR);
        assert_int_equal(t->NumEntries, 2 * json_array_size(links));
        for (i = 0; i < t->NumEntries; i++) {
                assert_int_equal(t->Table[i].Family, i % 2 ? AF_INET6 : AF_INET);
                assert_int_equal(t->Table[i].InterfaceIndex,
                                 netns_json_int(json_array_get(links, i / 2), "ifindex", -1));
                assert_int_equal(t->Table[i].BaseReachableTime, 30000);
        }
        FreeMibTable(t);
}

static void entries_find_interfaces_anywhere_in_the_table(void **state)
{
        size_t i;

        (void)state;
        for (i = 0; i < json_array_size(links); i += 97) {
                MIB_IF_ROW2 r;

                memset(&r, 0, sizeof(r));
                r.InterfaceIndex =
                    (NET_IFINDEX)netns_json_int(json_array_get(links, i), "ifindex", 0);
                assert_int_equal(GetIfEntry2(&r), NO_ERROR);
        }
}

/* Adds and deletes 20 veth pairs in a loop until killed (or its parent dies). */
static void start_churn(void)
{
        churn = fork();
        if (churn == 0) {
                prctl(PR_SET_PDEATHSIG, SIGKILL);
                for (;;)
                        netns_sh(&ns, "for i in $(seq 20); do ip link add c$i type veth peer name "
                                      "d$i; done; sleep 0.05; for i in $(seq 20); do ip link del "
                                      "c$i; done; sleep 0.05");
        }
}

/* Every table read while links come and go is whole: ordered, unique, within the
 * bounds of the churn. A read the kernel interrupted ten times in a row may fail
 * instead (ERROR_GEN_FAILURE), never return a torn table. */
static void tables_read_during_churn_are_never_torn(void **state)
{
        size_t base = json_array_size(links);
        int n, ok = 0;

        (void)state;
        start_churn();
        usleep(100 * 1000);
        for (n = 0; n < 60; n++) {
                PMIB_IF_TABLE2 t = NULL;
                DWORD r = GetIfTable2(&t);
                ULONG i;

                if (r == ERROR_GEN_FAILURE) {
                        assert_null(t);
                        continue;
                }
                assert_int_equal(r, NO_ERROR);
                ok++;
                assert_in_range(t->NumEntries, base, base + 40);
                for (i = 1; i < t->NumEntries; i++)
                        assert_true(t->Table[i - 1].InterfaceIndex < t->Table[i].InterfaceIndex);
                FreeMibTable(t);
        }
        stop_churn();
        print_message("%d of 60 reads during churn succeeded, none torn\n", ok);
        assert_true(ok > 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(if_table_lists_every_interface),
            cmocka_unit_test(ip_interface_table_has_two_rows_per_interface),
            cmocka_unit_test(entries_find_interfaces_anywhere_in_the_table),
            cmocka_unit_test(tables_read_during_churn_are_never_torn),
        };

        netns_require();
        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
