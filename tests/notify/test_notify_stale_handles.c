/* test_notify_stale_handles.c - a handle that was cancelled stays dead: after
 * new registrations (whose memory may be the old handle's) cancelling it again is
 * ERROR_INVALID_PARAMETER and leaves every newer handle registered and
 * delivering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "notify_test.h"

#define ROUNDS 64

static void stale_cancel_never_hits_a_newer_handle(void **state)
{
        static struct recorder r;
        HANDLE old[ROUNDS], h;
        unsigned ifindex;
        int i;

        (void)state;
        rec_init(&r);
        for (i = 0; i < ROUNDS; i++) {
                assert_int_equal(NotifyIpInterfaceChange(AF_INET, rec_ipif, &r, FALSE, &old[i]),
                                 NO_ERROR);
                assert_int_equal(CancelMibChangeNotify2(old[i]), NO_ERROR);
        }
        assert_int_equal(NotifyIpInterfaceChange(AF_INET, rec_ipif, &r, FALSE, &h), NO_ERROR);
        for (i = 0; i < ROUNDS; i++) {
                if (old[i] == h)
                        fail_msg("a new handle has the value of cancelled handle %d", i);
                assert_int_equal(CancelMibChangeNotify2(old[i]), ERROR_INVALID_PARAMETER);
        }
        /* h is still registered: it reports a new link. */
        IP("link add shx type veth peer name shy");
        ifindex = ifindex_of("shx");
        assert_true(rec_wait(&r, REC_IPIF, AF_INET, ifindex, NULL, 1, WAIT_MS) >= 1);
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        assert_int_equal(CancelMibChangeNotify2(h), ERROR_INVALID_PARAMETER);
        IP("link del shx");
        rec_free(&r);
}

static void WINAPI on_route(PVOID ctx, PMIB_IPFORWARD_ROW2 row, MIB_NOTIFICATION_TYPE type)
{
        (void)ctx, (void)row, (void)type;
}

/* Cancelled handles of every kind, interleaved with live ones. */
static void stale_cancel_across_kinds(void **state)
{
        static struct recorder r;
        HANDLE a, b, c;

        (void)state;
        rec_init(&r);
        assert_int_equal(NotifyUnicastIpAddressChange(AF_UNSPEC, rec_addr, &r, FALSE, &a),
                         NO_ERROR);
        assert_int_equal(CancelMibChangeNotify2(a), NO_ERROR);
        assert_int_equal(NotifyRouteChange2(AF_INET6, on_route, NULL, TRUE, &b), NO_ERROR);
        assert_int_equal(CancelMibChangeNotify2(a), ERROR_INVALID_PARAMETER);
        assert_int_equal(NotifyIpInterfaceChange(AF_INET6, rec_ipif, &r, FALSE, &c), NO_ERROR);
        assert_int_equal(CancelMibChangeNotify2(b), NO_ERROR);
        assert_int_equal(CancelMibChangeNotify2(b), ERROR_INVALID_PARAMETER);
        assert_int_equal(CancelMibChangeNotify2(a), ERROR_INVALID_PARAMETER);
        assert_int_equal(CancelMibChangeNotify2(c), NO_ERROR);
        rec_free(&r);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(stale_cancel_never_hits_a_newer_handle),
            cmocka_unit_test(stale_cancel_across_kinds),
        };

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
