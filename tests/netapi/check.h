/* check.h - what every NetApi test checks about a result: the block is one NetApi
 * buffer at least records + strings long with every pointer inside it, strings
 * compare with their UTF-8 sources, and allocation failures leave nothing behind. */
#ifndef WINNET_TEST_NETAPI_CHECK_H
#define WINNET_TEST_NETAPI_CHECK_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "lm.h"
#include "utf16.h"
#include "winnet.h"

/* A UTF-16 string of a result as UTF-8 (static buffer per slot). */
static inline const char *u8(const WCHAR *s, int slot)
{
        static char buf[4][4096];

        if (!s)
                return NULL;
        utf16_to_utf8(s, utf16_len(s), buf[slot & 3], sizeof(buf[0]));
        return buf[slot & 3];
}

/* Bytes of a string with its NUL. */
static inline size_t wbytes(const WCHAR *s)
{
        return s ? (utf16_len(s) + 1) * sizeof(WCHAR) : 0;
}

/* p (and n bytes from it) lies inside the NetApi block buf. */
static inline void assert_inside(const void *buf, const void *p, size_t n)
{
        DWORD size = 0;

        if (!p)
                return;
        assert_int_equal(NetApiBufferSize((LPVOID)buf, &size), NERR_Success);
        assert_true((const char *)p >= (const char *)buf);
        assert_true((const char *)p + n <= (const char *)buf + size);
}

static inline void assert_str_inside(const void *buf, const WCHAR *s)
{
        assert_inside(buf, s, wbytes(s));
}

/* The block holds at least `need` bytes. */
static inline void assert_block_at_least(const void *buf, size_t need)
{
        DWORD size = 0;

        assert_int_equal(NetApiBufferSize((LPVOID)buf, &size), NERR_Success);
        assert_true(size >= need);
}

/* Fault walk: fails the 1st, 2nd, ... library allocation of call(ctx) until it
 * succeeds. Each failure must return ERROR_NOT_ENOUGH_MEMORY (ok_code is what the
 * successful call returns) and leave as many live blocks as before. */
typedef NET_API_STATUS (*fault_call)(void *ctx, LPBYTE *buf);

static inline unsigned fault_walk(fault_call call, void *ctx, NET_API_STATUS ok_code)
{
        unsigned long k, before;
        size_t live;

        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        live = winnet_verifier_live_blocks();
        for (k = 1;; k++) {
                LPBYTE buf = (LPBYTE)1;
                NET_API_STATUS st;

                before = winnet_fault_injected();
                winnet_fault_fail_nth(k);
                st = call(ctx, &buf);
                winnet_fault_fail_nth(0);
                if (winnet_fault_injected() == before) {
                        assert_int_equal(st, ok_code);
                        NetApiBufferFree(buf);
                        assert_int_equal(winnet_verifier_live_blocks(), live);
                        break;
                }
                if (st != ERROR_NOT_ENOUGH_MEMORY)
                        fail_msg("allocation %lu failed but the call returned %u", k, (unsigned)st);
                assert_null(buf);
                assert_int_equal(winnet_verifier_live_blocks(), live);
        }
        winnet_verifier_disable(WINNET_VERIFIER_TRACK);
        return (unsigned)k;
}

#endif /* WINNET_TEST_NETAPI_CHECK_H */
