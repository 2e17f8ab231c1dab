/* test_datapath.c - unit test of the example send path: frames go out as NBLs
 * with the tag header in front of an exact copy of the frame, completions free
 * everything, unload leaves nothing behind (the verifier checks that), and under
 * low resources frames are dropped, never leaked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <winnet.h>

#include "datapath.h"

static UCHAR frame_a[60], frame_b[1514];
static const UCHAR *const frames[] = {frame_a, frame_b};
static const ULONG lengths[] = {sizeof(frame_a), sizeof(frame_b)};

static void check_nbl(PNET_BUFFER_LIST nbl, const UCHAR *frame, ULONG length)
{
        PNET_BUFFER nb = NET_BUFFER_LIST_FIRST_NB(nbl);
        static UCHAR copy[DP_TAG_HEADER + DP_MAX_FRAME];
        const UCHAR *p;

        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), DP_TAG_HEADER + length);
        p = NdisGetDataBuffer(nb, DP_TAG_HEADER + length, copy, 1, 0);
        assert_non_null(p);
        assert_int_equal(p[0], 0x81);
        assert_memory_equal(p + DP_TAG_HEADER, frame, length);
        assert_int_equal(NET_BUFFER_LIST_STATUS(nbl), NDIS_STATUS_SUCCESS);
}

static void send_complete_unload(void **state)
{
        NDIS_HANDLE driver = winnet_ndis_open_driver("exdp");
        unsigned long reports = winnet_verifier_report_count();
        DP_ADAPTER adapter;
        PNET_BUFFER_LIST chain;

        (void)state;
        memset(frame_a, 0xa5, sizeof(frame_a));
        memset(frame_b, 0x5a, sizeof(frame_b));
        assert_int_equal(DpInitialize(&adapter, driver), NDIS_STATUS_SUCCESS);
        assert_int_equal(DpSendFrames(&adapter, frames, lengths, 2), 2);
        chain = DpTakeInFlight(&adapter);
        /* Newest batch first, in order within the batch. */
        check_nbl(chain, frame_a, sizeof(frame_a));
        check_nbl(NET_BUFFER_LIST_NEXT_NBL(chain), frame_b, sizeof(frame_b));
        assert_int_equal(winnet_ndis_pool_outstanding(adapter.NblPool), 2);
        DpSendComplete(&adapter, chain);
        assert_int_equal(adapter.Completed, 2);
        assert_int_equal(winnet_ndis_pool_outstanding(adapter.NblPool), 0);
        /* Frames still in flight at unload are completed by it. */
        assert_int_equal(DpSendFrames(&adapter, frames, lengths, 2), 2);
        DpUnload(&adapter);
        assert_int_equal(adapter.Completed, 4);
        winnet_ndis_close_driver(driver);
        assert_int_equal(winnet_verifier_report_count(), reports);
}

static void same_under_the_verifier(void **state)
{
        winnet_verifier_enable(WINNET_VERIFIER_ALL & ~WINNET_VERIFIER_LEAKS_AT_EXIT);
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        send_complete_unload(state);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        winnet_ndis_quarantine_flush();
}

static void low_resources_drop_frames_without_leaks(void **state)
{
        NDIS_HANDLE driver = winnet_ndis_open_driver("exdp-lowres");
        unsigned long reports;
        DP_ADAPTER adapter;
        ULONG i, queued = 0;

        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        reports = winnet_verifier_report_count();
        assert_int_equal(DpInitialize(&adapter, driver), NDIS_STATUS_SUCCESS);
        winnet_fault_random(0.3, 42, DP_TAG);
        for (i = 0; i < 50; i++)
                queued += DpSendFrames(&adapter, frames, lengths, 2);
        winnet_fault_reset();
        assert_true(queued > 0 && queued < 100);
        assert_int_equal(adapter.Dropped, 100 - queued);
        DpSendComplete(&adapter, DpTakeInFlight(&adapter));
        DpUnload(&adapter);
        winnet_ndis_close_driver(driver); /* would abort if anything were left */
        assert_int_equal(winnet_verifier_report_count(), reports);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(send_complete_unload),
            cmocka_unit_test(same_under_the_verifier),
            cmocka_unit_test(low_resources_drop_frames_without_leaks),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
