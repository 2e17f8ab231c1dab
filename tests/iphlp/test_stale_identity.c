/* test_stale_identity.c - identities that went stale: the LUID and index of a
 * deleted link, of a link deleted and created again under the same name, and of a
 * renamed one, through the entry calls and the conversions; and an entry row
 * whose LUID and index name different interfaces (the LUID wins, as Microsoft
 * documents for GetIfEntry2). */
#include <net/if.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "netns.h"

static struct test_netns ns;

static int group_setup(void **state)
{
        (void)state;
        netns_require();
        if (netns_create(&ns, "stale", false) < 0)
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

#define IP(...) assert_int_equal(netns_ip(&ns, __VA_ARGS__), 0)

static NET_LUID luid_of(NET_IFINDEX index)
{
        NET_LUID luid;

        assert_int_equal(ConvertInterfaceIndexToLuid(index, &luid), NO_ERROR);
        return luid;
}

static void deleted_link(void **state)
{
        MIB_IPINTERFACE_ROW ip;
        NET_IFINDEX index, got = 77;
        MIB_IF_ROW2 row;
        NET_LUID luid, out;
        WCHAR alias[IF_MAX_STRING_SIZE + 1];
        char name[64];
        GUID guid;

        (void)state;
        IP("link add sd0 type veth peer name sd1");
        index = if_nametoindex("sd0");
        luid = luid_of(index);
        IP("link del sd0");
        memset(&row, 0xab, sizeof(row));
        row.InterfaceLuid = luid;
        row.InterfaceIndex = index;
        assert_int_equal(GetIfEntry2(&row), ERROR_FILE_NOT_FOUND);
        assert_int_equal(row.Alias[0], 0xabab); /* left as it was */
        memset(&row, 0, sizeof(row));
        row.InterfaceIndex = index;
        assert_int_equal(GetIfEntry2(&row), ERROR_FILE_NOT_FOUND);
        InitializeIpInterfaceEntry(&ip);
        ip.Family = AF_INET;
        ip.InterfaceLuid = luid;
        assert_int_equal(GetIpInterfaceEntry(&ip), ERROR_FILE_NOT_FOUND);
        assert_int_equal(ConvertInterfaceLuidToIndex(&luid, &got), ERROR_FILE_NOT_FOUND);
        assert_int_equal(got, 0);
        out.Value = 5;
        assert_int_equal(ConvertInterfaceIndexToLuid(index, &out), ERROR_FILE_NOT_FOUND);
        assert_int_equal(out.Value, 0);
        alias[0] = 1;
        assert_int_equal(ConvertInterfaceLuidToAlias(&luid, alias, IF_MAX_STRING_SIZE + 1),
                         ERROR_FILE_NOT_FOUND);
        assert_int_equal(alias[0], 0);
        name[0] = 1;
        assert_int_equal(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)),
                         ERROR_FILE_NOT_FOUND);
        assert_int_equal(name[0], 0);
        assert_int_equal(ConvertInterfaceLuidToGuid(&luid, &guid), ERROR_FILE_NOT_FOUND);
}

static void recreated_under_the_same_name(void **state)
{
        NET_IFINDEX old_index, new_index, got;
        NET_LUID old_luid, now;
        MIB_IF_ROW2 row;
        WCHAR alias[] = {'s', 'r', '0', 0};

        (void)state;
        IP("link add sr0 type veth peer name sr1");
        old_index = if_nametoindex("sr0");
        old_luid = luid_of(old_index);
        IP("link del sr0");
        IP("link add sr0 type veth peer name sr1");
        new_index = if_nametoindex("sr0");
        assert_int_not_equal(new_index, old_index);
        assert_int_equal(ConvertInterfaceLuidToIndex(&old_luid, &got), ERROR_FILE_NOT_FOUND);
        memset(&row, 0, sizeof(row));
        row.InterfaceIndex = old_index;
        assert_int_equal(GetIfEntry2(&row), ERROR_FILE_NOT_FOUND);
        assert_int_equal(ConvertInterfaceAliasToLuid(alias, &now), NO_ERROR);
        assert_int_equal(now.Value, luid_of(new_index).Value);
        IP("link del sr0");
}

static void renamed_link(void **state)
{
        WCHAR old_alias[] = {'s', 'n', '0', 0};
        NET_IFINDEX index;
        MIB_IF_ROW2 row;
        NET_LUID luid, out;

        (void)state;
        IP("link add sn0 type veth peer name sn1");
        index = if_nametoindex("sn0");
        luid = luid_of(index);
        IP("link set sn0 name sn9");
        memset(&row, 0, sizeof(row));
        row.InterfaceLuid = luid;
        assert_int_equal(GetIfEntry2(&row), NO_ERROR);
        assert_int_equal(row.InterfaceIndex, index);
        assert_true(row.Alias[0] == 's' && row.Alias[1] == 'n' && row.Alias[2] == '9' &&
                    row.Alias[3] == 0);
        out.Value = 9;
        assert_int_equal(ConvertInterfaceAliasToLuid(old_alias, &out), ERROR_INVALID_PARAMETER);
        assert_int_equal(out.Value, 0);
        IP("link del sn9");
}

static void luid_wins_over_index(void **state)
{
        NET_IFINDEX veth, lo = if_nametoindex("lo");
        MIB_IPINTERFACE_ROW ip;
        NET_LUID lo_luid, stale;
        MIB_IF_ROW2 row;

        (void)state;
        IP("link add sw0 type veth peer name sw1");
        veth = if_nametoindex("sw0");
        lo_luid = luid_of(lo);
        memset(&row, 0, sizeof(row));
        row.InterfaceLuid = lo_luid;
        row.InterfaceIndex = veth;
        assert_int_equal(GetIfEntry2(&row), NO_ERROR);
        assert_int_equal(row.InterfaceIndex, lo);
        assert_int_equal(row.Type, IF_TYPE_SOFTWARE_LOOPBACK);
        memset(&ip, 0, sizeof(ip));
        ip.Family = AF_INET;
        ip.InterfaceLuid = lo_luid;
        ip.InterfaceIndex = veth;
        assert_int_equal(GetIpInterfaceEntry(&ip), NO_ERROR);
        assert_int_equal(ip.InterfaceIndex, lo);
        /* A LUID that names nothing is not rescued by a valid index. */
        stale = luid_of(veth);
        stale.Info.IfType = IF_TYPE_SOFTWARE_LOOPBACK; /* the index's, another type */
        memset(&row, 0, sizeof(row));
        row.InterfaceLuid = stale;
        row.InterfaceIndex = veth;
        assert_int_equal(GetIfEntry2(&row), ERROR_FILE_NOT_FOUND);
        IP("link del sw0");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(deleted_link),
            cmocka_unit_test(recreated_under_the_same_name),
            cmocka_unit_test(renamed_link),
            cmocka_unit_test(luid_wins_over_index),
        };

        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
