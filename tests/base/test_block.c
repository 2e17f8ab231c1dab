/* test_block.c - typed blocks: the hidden header, the verdicts of block_check,
 * realloc, and the registry's counts. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"
#include "block.h"
#include "verifier.h"

#define SITE ALLOC_SITE_INTERNAL

static int setup(void **state)
{
        (void)state;
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        winnet_fault_reset();
        return 0;
}

static void alloc_is_16_byte_aligned_and_typed(void **state)
{
        size_t sizes[] = {0, 1, 15, 16, 17, 4096, 1u << 20};
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
                void *p = block_alloc(BLOCK_NETAPI, sizes[i], 0, SITE);

                assert_non_null(p);
                assert_int_equal((uintptr_t)p % 16, 0);
                assert_int_equal(block_size(p), sizes[i]);
                assert_int_equal(block_check(p, BLOCK_NETAPI), BLOCK_OK);
                assert_int_equal(block_check(p, BLOCK_MIB_TABLE), BLOCK_WRONG_FAMILY);
                memset(p, 0xab, sizes[i]);
                assert_int_equal(block_free_checked(p, BLOCK_NETAPI, "test"), 0);
        }
}

static void zero_size_blocks_are_distinct(void **state)
{
        void *a = block_alloc(BLOCK_MIB_TABLE, 0, 0, SITE);
        void *b = block_alloc(BLOCK_MIB_TABLE, 0, 0, SITE);

        (void)state;
        assert_non_null(a);
        assert_non_null(b);
        assert_ptr_not_equal(a, b);
        block_free(a);
        block_free(b);
}

static void zalloc_zeroes(void **state)
{
        unsigned char *p = block_zalloc(BLOCK_INTERNAL, 1000, 0, SITE);
        size_t i;

        (void)state;
        assert_non_null(p);
        for (i = 0; i < 1000; i++)
                assert_int_equal(p[i], 0);
        wn_free(p);
}

static void realloc_keeps_contents(void **state)
{
        unsigned char *p = block_alloc(BLOCK_NETAPI, 100, 0, SITE), *q;
        size_t i;

        (void)state;
        for (i = 0; i < 100; i++)
                p[i] = (unsigned char)i;
        q = block_realloc(p, BLOCK_NETAPI, 100000, SITE);
        assert_non_null(q);
        assert_int_equal(block_size(q), 100000);
        for (i = 0; i < 100; i++)
                assert_int_equal(q[i], i);
        q = block_realloc(q, BLOCK_NETAPI, 10, SITE);
        assert_non_null(q);
        for (i = 0; i < 10; i++)
                assert_int_equal(q[i], i);
        block_free(q);
}

static void check_rejects_foreign_pointers(void **state)
{
        static uint64_t not_a_block[16] __attribute__((aligned(16)));
        char *p = block_alloc(BLOCK_NETAPI, 64, 0, SITE);

        (void)state;
        assert_int_equal(block_check(NULL, BLOCK_NETAPI), BLOCK_NOT_OURS);
        assert_int_equal(block_check(&not_a_block[8], BLOCK_NETAPI), BLOCK_NOT_OURS);
        assert_int_equal(block_check(p + 1, BLOCK_NETAPI), BLOCK_NOT_OURS);
        assert_int_equal(block_check(p + 16, BLOCK_NETAPI), BLOCK_NOT_OURS);
        assert_int_equal(block_free_checked(p + 16, BLOCK_NETAPI, "test"), -EINVAL);
        assert_int_equal(block_free_checked(p, BLOCK_MIB_TABLE, "test"), -EPROTOTYPE);
        assert_int_equal(block_check(p, BLOCK_NETAPI), BLOCK_OK); /* still live */
        block_free(p);
}

static void registry_counts_live_blocks(void **state)
{
        void *p[10];
        size_t i, base;

        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        base = winnet_verifier_live_blocks();
        for (i = 0; i < 10; i++)
                p[i] = block_alloc(BLOCK_NDIS_MEMORY, 100 + i, 0x41424344u, SITE);
        assert_int_equal(winnet_verifier_live_blocks(), base + 10);
        assert_int_equal(winnet_verifier_live_bytes(), 10 * 100 + 45);
        for (i = 0; i < 10; i++)
                block_free(p[i]);
        assert_int_equal(winnet_verifier_live_blocks(), base);
        {
                struct winnet_tag_stats st[16];
                size_t n = winnet_verifier_tag_stats(st, 16), k, found = 0;

                for (k = 0; k < n && k < 16; k++)
                        if (st[k].tag == 0x41424344u) {
                                found = 1;
                                assert_int_equal(st[k].allocations, 10);
                                assert_int_equal(st[k].frees, 10);
                                assert_int_equal(st[k].bytes_live, 0);
                        }
                assert_true(found);
        }
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
}

static void leak_report_names_family_size_and_site(void **state)
{
        char buf[4096] = "";
        FILE *f;
        void *p;

        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        p = block_alloc(BLOCK_NDIS_MEMORY, 777,
                        0x54534554u /* 'TSET' in source: poolmon shows TEST */, SITE);
        f = fmemopen(buf, sizeof(buf) - 1, "w");
        assert_int_equal(winnet_verifier_leak_report(f), 1);
        fclose(f);
        assert_non_null(strstr(buf, "777 bytes"));
        assert_non_null(strstr(buf, "NDIS memory"));
        assert_non_null(strstr(buf, "'TEST'"));
        assert_non_null(strstr(buf, "test_block.c"));
        block_free(p);
        assert_int_equal(winnet_verifier_leak_report(NULL), 0);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
}

static void fail_nth_fails_exactly_once(void **state)
{
        unsigned long before = winnet_fault_injected();
        void *a, *b, *c;

        (void)state;
        winnet_fault_fail_nth(2);
        a = block_alloc(BLOCK_INTERNAL, 8, 0, SITE);
        b = block_alloc(BLOCK_INTERNAL, 8, 0, SITE);
        c = block_alloc(BLOCK_INTERNAL, 8, 0, SITE);
        assert_non_null(a);
        assert_null(b);
        assert_non_null(c);
        assert_int_equal(winnet_fault_injected(), before + 1);
        wn_free(a);
        wn_free(c);
        winnet_fault_reset();
}

static void *alloc_at_site_a(void)
{
        return block_alloc(BLOCK_INTERNAL, 8, 0, ALLOC_SITE_INTERNAL);
}

static void *alloc_at_site_b(void)
{
        return block_alloc(BLOCK_INTERNAL, 8, 0, ALLOC_SITE_INTERNAL);
}

static void fail_sites_fails_each_site_once(void **state)
{
        void *p;

        (void)state;
        winnet_fault_fail_sites(1);
        assert_null(alloc_at_site_a());
        assert_null(alloc_at_site_b());
        p = alloc_at_site_a();
        assert_non_null(p);
        wn_free(p);
        p = alloc_at_site_b();
        assert_non_null(p);
        wn_free(p);
        winnet_fault_reset();
        /* after a reset the sites are forgotten */
        winnet_fault_fail_sites(1);
        assert_null(alloc_at_site_a());
        winnet_fault_reset();
}

static void random_faults_follow_probability_and_tag(void **state)
{
        int i, failed = 0, other = 0;

        (void)state;
        winnet_fault_random(0.5, 42, 0x58585858u);
        for (i = 0; i < 1000; i++) {
                void *p = block_alloc(BLOCK_NDIS_MEMORY, 8, 0x58585858u, SITE);
                void *q = block_alloc(BLOCK_NDIS_MEMORY, 8, 0x59595959u, SITE);

                failed += !p;
                other += !q;
                if (p)
                        block_free(p);
                if (q)
                        block_free(q);
        }
        winnet_fault_reset();
        assert_in_range(failed, 400, 600);
        assert_int_equal(other, 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup(alloc_is_16_byte_aligned_and_typed, setup),
            cmocka_unit_test_setup(zero_size_blocks_are_distinct, setup),
            cmocka_unit_test_setup(zalloc_zeroes, setup),
            cmocka_unit_test_setup(realloc_keeps_contents, setup),
            cmocka_unit_test_setup(check_rejects_foreign_pointers, setup),
            cmocka_unit_test_setup(registry_counts_live_blocks, setup),
            cmocka_unit_test_setup(leak_report_names_family_size_and_site, setup),
            cmocka_unit_test_setup(fail_nth_fails_exactly_once, setup),
            cmocka_unit_test_setup(fail_sites_fails_each_site_once, setup),
            cmocka_unit_test_setup(random_faults_follow_probability_and_tag, setup),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
