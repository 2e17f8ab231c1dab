/* test_convert.c - the LUID / index / GUID / name / alias conversions (user mode):
 * round trips for every link of the test namespace, the name format, and every
 * error of shared/reference/iphlpapi.md with the output zeroed where it says so. */
#include <net/if.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <uchar.h>

#include <cmocka.h>

#include "iphlpapi.h"
#include "winnet.h"

#include "check.h"
#include "topology.h"

int check_failures;

static void round_trips_for_every_interface(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        ULONG i;

        (void)state;
        assert_int_equal(GetIfTable2(&t), NO_ERROR);
        for (i = 0; i < t->NumEntries; i++) {
                const MIB_IF_ROW2 *r = &t->Table[i];
                NET_LUID luid;
                NET_IFINDEX index;
                GUID guid;
                WCHAR wname[NDIS_IF_MAX_STRING_SIZE + 1], alias[NDIS_IF_MAX_STRING_SIZE + 1];
                char name[NDIS_IF_MAX_STRING_SIZE + 1], a[300], libc[IF_NAMESIZE];

                assert_int_equal(ConvertInterfaceIndexToLuid(r->InterfaceIndex, &luid), NO_ERROR);
                assert_int_equal(luid.Value, r->InterfaceLuid.Value);
                assert_int_equal(ConvertInterfaceLuidToIndex(&luid, &index), NO_ERROR);
                assert_int_equal(index, r->InterfaceIndex);
                assert_int_equal(ConvertInterfaceLuidToGuid(&luid, &guid), NO_ERROR);
                assert_memory_equal(&guid, &r->InterfaceGuid, sizeof(guid));
                luid.Value = 0;
                assert_int_equal(ConvertInterfaceGuidToLuid(&guid, &luid), NO_ERROR);
                assert_int_equal(luid.Value, r->InterfaceLuid.Value);
                assert_int_equal(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)), NO_ERROR);
                assert_int_equal(ConvertInterfaceLuidToNameW(&luid, wname, 257), NO_ERROR);
                assert_string_equal(check_ascii(wname, a, sizeof(a)), name);
                luid.Value = 0;
                assert_int_equal(ConvertInterfaceNameToLuidA(name, &luid), NO_ERROR);
                assert_int_equal(luid.Value, r->InterfaceLuid.Value);
                luid.Value = 0;
                assert_int_equal(ConvertInterfaceNameToLuidW(wname, &luid), NO_ERROR);
                assert_int_equal(luid.Value, r->InterfaceLuid.Value);
                assert_int_equal(ConvertInterfaceLuidToAlias(&luid, alias, 257), NO_ERROR);
                assert_memory_equal(alias, r->Alias, (strlen(check_ascii(alias, a, 300)) + 1) * 2);
                assert_string_equal(a, if_indextoname(r->InterfaceIndex, libc)); /* libc agrees */
                luid.Value = 0;
                assert_int_equal(ConvertInterfaceAliasToLuid(alias, &luid), NO_ERROR);
                assert_int_equal(luid.Value, r->InterfaceLuid.Value);
        }
        FreeMibTable(t);
}

static void names_are_type_prefix_and_luid_index(void **state)
{
        NET_LUID luid;
        char name[64];
        unsigned va0 = if_nametoindex("va0");
        char want[64];

        (void)state;
        assert_int_equal(ConvertInterfaceIndexToLuid(1, &luid), NO_ERROR);
        assert_int_equal(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)), NO_ERROR);
        assert_string_equal(name, "loopback_1");
        assert_int_equal(ConvertInterfaceIndexToLuid(va0, &luid), NO_ERROR);
        assert_int_equal(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)), NO_ERROR);
        snprintf(want, sizeof(want), "ethernet_%u", va0);
        assert_string_equal(name, want);
        /* exactly long enough, then one short */
        assert_int_equal(ConvertInterfaceLuidToNameA(&luid, name, strlen(want) + 1), NO_ERROR);
        assert_int_equal(ConvertInterfaceLuidToNameA(&luid, name, strlen(want)),
                         ERROR_NOT_ENOUGH_MEMORY);
}

static void null_outputs_are_invalid_parameter(void **state)
{
        NET_LUID luid = {.Value = 0};
        NET_IFINDEX index;
        GUID guid;
        WCHAR w[64];
        char a[64];

        (void)state;
        assert_int_equal(ConvertInterfaceIndexToLuid(1, &luid), NO_ERROR);
        assert_int_equal(ConvertInterfaceIndexToLuid(1, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToIndex(&luid, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToIndex(NULL, &index), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToGuid(&luid, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToGuid(NULL, &guid), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceGuidToLuid(NULL, &luid), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceGuidToLuid(&guid, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToNameA(&luid, NULL, 64), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToNameA(NULL, a, 64), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToNameW(&luid, NULL, 64), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToNameW(NULL, w, 64), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceNameToLuidA("loopback_1", NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceNameToLuidW(u"loopback_1", NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToAlias(&luid, NULL, 64), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceLuidToAlias(NULL, w, 64), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceAliasToLuid(NULL, &luid), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceAliasToLuid(u"lo", NULL), ERROR_INVALID_PARAMETER);
}

static void unknown_interfaces_are_file_not_found_with_output_zeroed(void **state)
{
        NET_LUID luid, unknown = {.Value = 0};
        NET_IFINDEX index = 77;
        GUID guid;
        WCHAR w[64];
        char a[64];

        (void)state;
        unknown.Info.IfType = IF_TYPE_ETHERNET_CSMACD;
        unknown.Info.NetLuidIndex = 999999;
        memset(&luid, 0xff, sizeof(luid));
        assert_int_equal(ConvertInterfaceIndexToLuid(999999, &luid), ERROR_FILE_NOT_FOUND);
        assert_int_equal(luid.Value, 0);
        memset(&luid, 0xff, sizeof(luid));
        assert_int_equal(ConvertInterfaceIndexToLuid(0, &luid), ERROR_FILE_NOT_FOUND);
        assert_int_equal(luid.Value, 0);
        assert_int_equal(ConvertInterfaceLuidToIndex(&unknown, &index), ERROR_FILE_NOT_FOUND);
        assert_int_equal(index, 0);
        memset(&guid, 0xff, sizeof(guid));
        assert_int_equal(ConvertInterfaceLuidToGuid(&unknown, &guid), ERROR_FILE_NOT_FOUND);
        assert_int_equal(guid.Data1 | guid.Data2 | guid.Data3, 0);
        memset(&luid, 0xff, sizeof(luid));
        assert_int_equal(ConvertInterfaceGuidToLuid(&guid, &luid), ERROR_FILE_NOT_FOUND);
        assert_int_equal(luid.Value, 0);
        strcpy(a, "junk");
        assert_int_equal(ConvertInterfaceLuidToNameA(&unknown, a, 64), ERROR_FILE_NOT_FOUND);
        assert_int_equal(a[0], 0);
        w[0] = 'x';
        assert_int_equal(ConvertInterfaceLuidToNameW(&unknown, w, 64), ERROR_FILE_NOT_FOUND);
        assert_int_equal(w[0], 0);
        w[0] = 'x';
        assert_int_equal(ConvertInterfaceLuidToAlias(&unknown, w, 64), ERROR_FILE_NOT_FOUND);
        assert_int_equal(w[0], 0);
        memset(&luid, 0xff, sizeof(luid));
        assert_int_equal(ConvertInterfaceNameToLuidA("ethernet_999999", &luid),
                         ERROR_FILE_NOT_FOUND);
        assert_int_equal(luid.Value, 0);
        /* lo exists but is no Ethernet interface */
        assert_int_equal(ConvertInterfaceNameToLuidA("ethernet_1", &luid), ERROR_FILE_NOT_FOUND);
}

static void names_that_are_not_names_are_invalid_name(void **state)
{
        const char *bad[] = {"",
                             "eth0",
                             "ethernet",
                             "ethernet_",
                             "ethernet_x",
                             "_5",
                             "ethernet_5x",
                             "iftype_5",
                             "iftypeX_5",
                             "iftype99999999_1",
                             "ethernet_4294967296"}; /* above any ifindex */
        NET_LUID luid;
        char longname[400];
        size_t i;

        (void)state;
        assert_int_equal(ConvertInterfaceNameToLuidA(NULL, &luid), ERROR_INVALID_NAME);
        assert_int_equal(ConvertInterfaceNameToLuidW(NULL, &luid), ERROR_INVALID_NAME);
        for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                memset(&luid, 0xff, sizeof(luid));
                assert_int_equal(ConvertInterfaceNameToLuidA(bad[i], &luid), ERROR_INVALID_NAME);
                assert_int_equal(luid.Value, 0);
        }
        memset(longname, 'a', sizeof(longname) - 1);
        longname[sizeof(longname) - 1] = '\0';
        assert_int_equal(ConvertInterfaceNameToLuidA(longname, &luid), ERROR_INVALID_NAME);
        assert_int_equal(ConvertInterfaceNameToLuidA("iftype24_1", &luid), NO_ERROR);
        assert_int_equal(luid.Info.IfType, IF_TYPE_SOFTWARE_LOOPBACK);
}

/* Linux ifindexes go up to 2^31 - 1 (`ip link add index N`); from 2^24 on their
 * bits above 24 are in the LUID's Reserved field. The name must carry the whole
 * index, or it names another interface (or none) when converted back. */
static void names_of_large_ifindexes_round_trip(void **state)
{
        const unsigned big = 16777216u + 84u;
        NET_LUID luid, back;
        char name[64], want[64];

        (void)state;
        assert_int_equal(
            netns_ip(&topo_ns, "link add name hi0 index %u type veth peer name hi1", big), 0);
        assert_int_equal(if_nametoindex("hi0"), big);
        assert_int_equal(ConvertInterfaceIndexToLuid(big, &luid), NO_ERROR);
        assert_int_equal(luid.Info.NetLuidIndex, 84);
        assert_int_equal(luid.Info.Reserved, 1);
        assert_int_equal(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)), NO_ERROR);
        snprintf(want, sizeof(want), "ethernet_%u", big);
        assert_string_equal(name, want);
        memset(&back, 0xff, sizeof(back));
        assert_int_equal(ConvertInterfaceNameToLuidA(name, &back), NO_ERROR);
        assert_int_equal(back.Value, luid.Value);
        assert_int_equal(ConvertInterfaceNameToLuidA("ethernet_2147483647", &back),
                         ERROR_FILE_NOT_FOUND);
        assert_int_equal(back.Value, 0);
        assert_int_equal(netns_ip(&topo_ns, "link del hi0"), 0);
}

/* A Linux interface name is bytes: one that is not UTF-8 gets an alias with
 * U+FFFD in place of the bad bytes, and that alias must still name it. */
static void aliases_of_names_that_are_not_utf8_round_trip(void **state)
{
        const char *name = "bad\xff"
                           "0";
        unsigned index;
        NET_LUID luid, back;
        WCHAR alias[NDIS_IF_MAX_STRING_SIZE + 1];

        (void)state;
        assert_int_equal(netns_ip(&topo_ns, "link add name '%s' type veth peer name ok0", name), 0);
        index = if_nametoindex(name);
        assert_true(index != 0);
        assert_int_equal(ConvertInterfaceIndexToLuid(index, &luid), NO_ERROR);
        assert_int_equal(ConvertInterfaceLuidToAlias(&luid, alias, 257), NO_ERROR);
        assert_int_equal(alias[3], 0xfffd);
        memset(&back, 0xff, sizeof(back));
        assert_int_equal(ConvertInterfaceAliasToLuid(alias, &back), NO_ERROR);
        assert_int_equal(back.Value, luid.Value);
        alias[4] = '1'; /* "bad\ufffd1": no such interface */
        assert_int_equal(ConvertInterfaceAliasToLuid(alias, &back), ERROR_INVALID_PARAMETER);
        assert_int_equal(back.Value, 0);
        assert_int_equal(netns_ip(&topo_ns, "link del ok0"), 0);
}

static void too_small_buffers_are_not_enough_memory(void **state)
{
        NET_LUID luid;
        WCHAR w[3];
        char a[3];

        (void)state;
        assert_int_equal(ConvertInterfaceIndexToLuid(1, &luid), NO_ERROR);
        assert_int_equal(ConvertInterfaceLuidToNameA(&luid, a, 0), ERROR_NOT_ENOUGH_MEMORY);
        assert_int_equal(ConvertInterfaceLuidToNameA(&luid, a, sizeof(a)), ERROR_NOT_ENOUGH_MEMORY);
        assert_int_equal(ConvertInterfaceLuidToNameW(&luid, w, 3), ERROR_NOT_ENOUGH_MEMORY);
        assert_int_equal(ConvertInterfaceLuidToAlias(&luid, w, 2), ERROR_NOT_ENOUGH_MEMORY);
        assert_int_equal(ConvertInterfaceLuidToAlias(&luid, w, 3), NO_ERROR); /* "lo" + NUL */
}

static void unknown_alias_is_invalid_parameter_with_luid_zeroed(void **state)
{
        NET_LUID luid;

        (void)state;
        memset(&luid, 0xff, sizeof(luid));
        assert_int_equal(ConvertInterfaceAliasToLuid(u"nosuchif0", &luid), ERROR_INVALID_PARAMETER);
        assert_int_equal(luid.Value, 0);
        assert_int_equal(ConvertInterfaceAliasToLuid(u"", &luid), ERROR_INVALID_PARAMETER);
        assert_int_equal(ConvertInterfaceAliasToLuid(u"LO", &luid), ERROR_INVALID_PARAMETER);
}

static void foreign_guids_are_file_not_found(void **state)
{
        GUID g = {0x12345678, 0x1234, 0x4321, {1, 2, 3, 4, 5, 6, 7, 8}};
        NET_LUID luid;

        (void)state;
        assert_int_equal(ConvertInterfaceGuidToLuid(&g, &luid), ERROR_FILE_NOT_FOUND);
        assert_int_equal(luid.Value, 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(round_trips_for_every_interface),
            cmocka_unit_test(names_are_type_prefix_and_luid_index),
            cmocka_unit_test(null_outputs_are_invalid_parameter),
            cmocka_unit_test(unknown_interfaces_are_file_not_found_with_output_zeroed),
            cmocka_unit_test(names_that_are_not_names_are_invalid_name),
            cmocka_unit_test(names_of_large_ifindexes_round_trip),
            cmocka_unit_test(aliases_of_names_that_are_not_utf8_round_trip),
            cmocka_unit_test(too_small_buffers_are_not_enough_memory),
            cmocka_unit_test(unknown_alias_is_invalid_parameter_with_luid_zeroed),
            cmocka_unit_test(foreign_guids_are_file_not_found),
        };

        netns_require();
        return cmocka_run_group_tests(tests, topo_group_setup, topo_group_teardown);
}
