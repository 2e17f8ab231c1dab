/* test_kernel_mode.c - the kernel-mode (Netio.lib) variants: this file includes
 * netioapi.h without iphlpapi.h, so every call binds to winnet_k_<Name> and returns
 * NTSTATUS. Every error of the reference as its NTSTATUS twin, success with real
 * data, out-of-memory as STATUS_NO_MEMORY (the seed's STATUS_NOT_ENOUGH_MEMORY), and
 * the IRQL < DISPATCH_LEVEL rule reported by the verifier. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "netioapi.h"
#include "winnet.h"

#include "irql.h"
#include "netns.h"

static struct test_netns ns;

#if !WINNET_NETIO_KERNEL_MODE
#error "this test must see the kernel-mode declarations"
#endif

static int group_setup(void **state)
{
        (void)state;
        if (netns_create(&ns, "kmode", false) < 0 ||
            netns_ip(&ns, "link add kv0 type veth peer name kv1") != 0 ||
            netns_sysctl_write(&ns, "net/ipv6/conf/kv1/disable_ipv6", "1") < 0)
                return -1;
        return netns_enter(&ns);
}

static int group_teardown(void **state)
{
        (void)state;
        netns_leave();
        netns_destroy(&ns);
        return 0;
}

static void tables_succeed_with_status_success(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        PMIB_IPINTERFACE_TABLE it = NULL;

        (void)state;
        assert_int_equal(GetIfTable2(&t), STATUS_SUCCESS);
        assert_int_equal(t->NumEntries, 3);
        FreeMibTable(t);
        assert_int_equal(GetIfTable2Ex(MibIfTableNormalWithoutStatistics, &t), STATUS_SUCCESS);
        FreeMibTable(t);
        assert_int_equal(GetIpInterfaceTable(AF_UNSPEC, &it), STATUS_SUCCESS);
        assert_int_equal(it->NumEntries, 5); /* lo v4+v6, kv0 v4+v6, kv1 v4 */
        FreeMibTable(it);
}

static void table_errors_are_ntstatus(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        PMIB_IPINTERFACE_TABLE it = NULL;

        (void)state;
        assert_int_equal(GetIfTable2(NULL), STATUS_INVALID_PARAMETER);
        assert_int_equal(GetIfTable2Ex((MIB_IF_TABLE_LEVEL)3, &t), STATUS_INVALID_PARAMETER);
        assert_null(t);
        assert_int_equal(GetIpInterfaceTable(AF_INET, NULL), STATUS_INVALID_PARAMETER);
        assert_int_equal(GetIpInterfaceTable(99, &it), STATUS_INVALID_PARAMETER);
        assert_null(it);
}

static void entry_errors_are_ntstatus(void **state)
{
        MIB_IF_ROW2 r;
        MIB_IPINTERFACE_ROW ir;

        (void)state;
        assert_int_equal(GetIfEntry2(NULL), STATUS_INVALID_PARAMETER);
        memset(&r, 0, sizeof(r));
        assert_int_equal(GetIfEntry2(&r), STATUS_INVALID_PARAMETER);
        r.InterfaceIndex = 999999;
        assert_int_equal(GetIfEntry2(&r), STATUS_OBJECT_NAME_NOT_FOUND);
        assert_int_equal(GetIfEntry2Ex((MIB_IF_ENTRY_LEVEL)1, &r), STATUS_INVALID_PARAMETER);
        r.InterfaceIndex = 1;
        assert_int_equal(GetIfEntry2Ex(MibIfEntryNormal, &r), STATUS_SUCCESS);
        assert_int_equal(r.Type, IF_TYPE_SOFTWARE_LOOPBACK);
        InitializeIpInterfaceEntry(&ir);
        assert_int_equal(GetIpInterfaceEntry(NULL), STATUS_INVALID_PARAMETER);
        ir.InterfaceIndex = 1;
        assert_int_equal(GetIpInterfaceEntry(&ir), STATUS_INVALID_PARAMETER);
        ir.Family = AF_INET6;
        ir.InterfaceIndex = 999999;
        assert_int_equal(GetIpInterfaceEntry(&ir), STATUS_OBJECT_NAME_NOT_FOUND);
        ir.InterfaceIndex = if_nametoindex("kv1");
        assert_int_equal(GetIpInterfaceEntry(&ir), STATUS_NOT_FOUND);
        ir.Family = AF_INET;
        assert_int_equal(GetIpInterfaceEntry(&ir), STATUS_SUCCESS);
}

static void family_without_stack_is_not_supported(void **state)
{
        struct test_netns off;
        PMIB_IPINTERFACE_TABLE it = NULL;

        (void)state;
        assert_int_equal(netns_create(&off, "kmode-off", false), 0);
        assert_int_equal(netns_sysctl_write(&off, "net/ipv6/conf/all/disable_ipv6", "1"), 0);
        assert_int_equal(netns_ip(&off, "link set lo mtu 60"), 0);
        assert_int_equal(winnet_set_thread_netns(off.name), NO_ERROR);
        assert_int_equal(GetIpInterfaceTable(AF_INET6, &it), STATUS_NOT_SUPPORTED);
        assert_int_equal(GetIpInterfaceTable(AF_INET, &it), STATUS_NOT_FOUND);
        assert_null(it);
        assert_int_equal(winnet_set_thread_netns(NULL), NO_ERROR);
        netns_destroy(&off);
}

static void conversion_errors_are_ntstatus(void **state)
{
        NET_LUID luid, unknown = {.Value = 0};
        NET_IFINDEX index;
        GUID guid;
        WCHAR w[4];
        char a[4];

        (void)state;
        unknown.Info.IfType = IF_TYPE_ETHERNET_CSMACD;
        unknown.Info.NetLuidIndex = 999999;
        assert_int_equal(ConvertInterfaceIndexToLuid(1, NULL), STATUS_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceIndexToLuid(999999, &luid), STATUS_OBJECT_NAME_NOT_FOUND);
        assert_int_equal(ConvertInterfaceIndexToLuid(1, &luid), STATUS_SUCCESS);
        assert_int_equal(ConvertInterfaceLuidToIndex(&unknown, &index),
                         STATUS_OBJECT_NAME_NOT_FOUND);
        assert_int_equal(ConvertInterfaceLuidToGuid(&luid, &guid), STATUS_SUCCESS);
        assert_int_equal(ConvertInterfaceGuidToLuid(&guid, NULL), STATUS_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToNameA(&luid, a, sizeof(a)),
                         STATUS_NOT_ENOUGH_MEMORY);
        assert_int_equal(ConvertInterfaceLuidToNameW(&luid, w, 4), STATUS_NO_MEMORY);
        assert_int_equal(ConvertInterfaceNameToLuidA(NULL, &luid), STATUS_OBJECT_NAME_INVALID);
        assert_int_equal(ConvertInterfaceNameToLuidW(u"bogus", &luid), STATUS_OBJECT_NAME_INVALID);
        assert_int_equal(ConvertInterfaceLuidToAlias(&unknown, w, 4), STATUS_OBJECT_NAME_NOT_FOUND);
        assert_int_equal(ConvertInterfaceAliasToLuid(u"nosuch", &luid), STATUS_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceAliasToLuid(u"kv0", &luid), STATUS_SUCCESS);
}

static void out_of_memory_is_status_no_memory(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        PMIB_IPINTERFACE_TABLE it = NULL;

        (void)state;
        winnet_fault_fail_nth(1);
        assert_int_equal(GetIfTable2(&t), STATUS_NO_MEMORY);
        assert_null(t);
        winnet_fault_fail_nth(1);
        assert_int_equal(GetIpInterfaceTable(AF_INET, &it), STATUS_NOT_ENOUGH_MEMORY);
        assert_null(it);
        winnet_fault_reset();
}

static struct {
        int count;
        char rule[32];
        char api[64];
} seen;

static void on_report(const struct winnet_report *r, void *ctx)
{
        (void)ctx;
        seen.count++;
        snprintf(seen.rule, sizeof(seen.rule), "%s", r->rule);
        snprintf(seen.api, sizeof(seen.api), "%s", r->api);
}

static void dispatch_level_is_reported(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        NET_LUID luid;

        (void)state;
        winnet_verifier_set_report_handler(on_report, NULL);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        winnet_verifier_enable(WINNET_VERIFIER_IRQL);
        irql_current = IRQL_APC;
        assert_int_equal(GetIfTable2(&t), STATUS_SUCCESS); /* APC_LEVEL is allowed */
        FreeMibTable(t);
        assert_int_equal(seen.count, 0);
        irql_current = IRQL_DISPATCH;
        GetIfTable2(&t);
        assert_int_equal(seen.count, 1);
        assert_string_equal(seen.rule, "irql_too_high");
        assert_string_equal(seen.api, "GetIfTable2");
        ConvertInterfaceIndexToLuid(1, &luid);
        assert_int_equal(seen.count, 2);
        assert_string_equal(seen.api, "ConvertInterfaceIndexToLuid");
        irql_current = IRQL_PASSIVE;
        FreeMibTable(t);
        winnet_verifier_disable(WINNET_VERIFIER_IRQL);
        winnet_verifier_set_report_handler(NULL, NULL);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(tables_succeed_with_status_success),
            cmocka_unit_test(table_errors_are_ntstatus),
            cmocka_unit_test(entry_errors_are_ntstatus),
            cmocka_unit_test(family_without_stack_is_not_supported),
            cmocka_unit_test(conversion_errors_are_ntstatus),
            cmocka_unit_test(out_of_memory_is_status_no_memory),
            cmocka_unit_test(dispatch_level_is_reported),
        };

        netns_require();
        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
