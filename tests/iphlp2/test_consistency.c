/* test_consistency.c - the tables agree with each other: every interface index
 * and LUID in any address, route, neighbour, stack or path row names an interface
 * of the same namespace's GetIfTable2, with the LUID GetIfTable2 gives it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "check2.h"
#include "topo2.h"

int check_failures;
static PMIB_IF_TABLE2 ifs;

static bool index_known(NET_IFINDEX index)
{
        ULONG i;

        for (i = 0; i < ifs->NumEntries; i++)
                if (ifs->Table[i].InterfaceIndex == index)
                        return true;
        return false;
}

static void check(const char *table, ULONG row, NET_IFINDEX index, const NET_LUID *luid)
{
        char label[64];

        snprintf(label, sizeof(label), "%s row %lu (index %u)", table, (unsigned long)row,
                 (unsigned)index);
        if (luid)
                CHECK_TRUE(label, "index and LUID are GetIfTable2's",
                           topo2_luid_known(ifs, index, luid->Value));
        else
                CHECK_TRUE(label, "index is GetIfTable2's", index_known(index));
}

#define CHECK_TABLE(name, type, call, index_field, luid_field)                                 \
        do {                                                                                   \
                type t_ = NULL;                                                                \
                ULONG i_;                                                                      \
                assert_int_equal(call, NO_ERROR);                                              \
                assert_true(t_->NumEntries > 0);                                               \
                for (i_ = 0; i_ < t_->NumEntries; i_++)                                        \
                        check(name, i_, t_->Table[i_].index_field, &t_->Table[i_].luid_field); \
                FreeMibTable(t_);                                                              \
        } while (0)

static void every_row_names_a_known_interface(void **state)
{
        PMIB_IFSTACK_TABLE s = NULL;
        ULONG i;

        (void)state;
        assert_int_equal(GetIfTable2(&ifs), NO_ERROR);
        CHECK_TABLE("unicast", PMIB_UNICASTIPADDRESS_TABLE,
                    GetUnicastIpAddressTable(AF_UNSPEC, &t_), InterfaceIndex, InterfaceLuid);
        CHECK_TABLE("anycast", PMIB_ANYCASTIPADDRESS_TABLE,
                    GetAnycastIpAddressTable(AF_UNSPEC, &t_), InterfaceIndex, InterfaceLuid);
        CHECK_TABLE("multicast", PMIB_MULTICASTIPADDRESS_TABLE,
                    GetMulticastIpAddressTable(AF_UNSPEC, &t_), InterfaceIndex, InterfaceLuid);
        CHECK_TABLE("forward", PMIB_IPFORWARD_TABLE2, GetIpForwardTable2(AF_UNSPEC, &t_),
                    InterfaceIndex, InterfaceLuid);
        CHECK_TABLE("ipnet", PMIB_IPNET_TABLE2, GetIpNetTable2(AF_UNSPEC, &t_), InterfaceIndex,
                    InterfaceLuid);
        CHECK_TABLE("path", PMIB_IPPATH_TABLE, GetIpPathTable(AF_UNSPEC, &t_), InterfaceIndex,
                    InterfaceLuid);
        assert_int_equal(GetIfStackTable(&s), NO_ERROR);
        for (i = 0; i < s->NumEntries; i++) {
                check("stack (higher)", i, s->Table[i].HigherLayerInterfaceIndex, NULL);
                check("stack (lower)", i, s->Table[i].LowerLayerInterfaceIndex, NULL);
        }
        FreeMibTable(s);
        FreeMibTable(ifs);
        assert_int_equal(check_failures, 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(every_row_names_a_known_interface),
        };

        return cmocka_run_group_tests(tests, topo2_group_setup, topo2_group_teardown);
}
