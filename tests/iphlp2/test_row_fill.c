/* test_row_fill.c - the row converters on records built here, for values no test
 * network produces in reasonable time: a path exception unused for longer than
 * 2^32 ms (mtu_expires allows it) saturates LastReachable instead of wrapping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "iphlp/tables.h"

static void path_last_reachable_saturates(void **state)
{
        struct prov_route r;
        MIB_IPPATH_ROW row;
        NET_LUID luid = {0};

        (void)state;
        memset(&r, 0, sizeof(r));
        r.family = AF_INET;
        r.oif = 2;
        r.has_cacheinfo = true;
        r.lastuse_cs = 1234;
        path_row_fill(&row, &r, luid, 1500);
        assert_int_equal(row.LastReachable, 12340);
        assert_int_equal(row.PathMtu, 1500);
        r.lastuse_cs = 500000000u; /* 57.9 days */
        path_row_fill(&row, &r, luid, 1500);
        assert_int_equal(row.LastReachable, UINT32_MAX);
        r.lastuse_cs = UINT32_MAX / 10u;
        path_row_fill(&row, &r, luid, 1500);
        assert_int_equal(row.LastReachable, UINT32_MAX / 10u * 10u);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(path_last_reachable_saturates),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
