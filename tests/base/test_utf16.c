/* test_utf16.c - UTF-8 <-> UTF-16: round trips, surrogate pairs, bad input as
 * U+FFFD, and the capacity contract (measure, truncate, always terminate). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf16.h"

static void ascii_round_trip(void **state)
{
        char16_t w[16];
        char u[16];

        (void)state;
        assert_int_equal(utf8_to_utf16("eth0", 4, w, 16), 4);
        assert_int_equal(w[0], 'e');
        assert_int_equal(w[4], 0);
        assert_int_equal(utf16_len(w), 4);
        assert_int_equal(utf16_to_utf8(w, 4, u, 16), 4);
        assert_string_equal(u, "eth0");
}

static void non_ascii_and_surrogates(void **state)
{
        const char *s = "J\xc3\xb6rg \xe6\x97\xa5 \xf0\x9f\x98\x80"; /* Jörg 日 😀 */
        char16_t w[32];
        char u[64];
        size_t n = utf8_to_utf16(s, strlen(s), w, 32);

        (void)state;
        assert_int_equal(n, 9); /* J ö r g sp 日 sp + surrogate pair */
        assert_int_equal(w[1], 0x00f6);
        assert_int_equal(w[5], 0x65e5);
        assert_int_equal(w[7], 0xd83d);
        assert_int_equal(w[8], 0xde00);
        assert_int_equal(utf16_to_utf8(w, n, u, sizeof(u)), strlen(s));
        assert_string_equal(u, s);
}

static void invalid_input_becomes_replacement_character(void **state)
{
        const char bad[] = {'a', (char)0xff, 'b', (char)0xc3, 0};
        const char16_t lone[] = {0xd800, 'x', 0};
        char16_t w[8];
        char u[16];

        (void)state;
        assert_int_equal(utf8_to_utf16(bad, 4, w, 8), 4);
        assert_int_equal(w[1], 0xfffd);
        assert_int_equal(w[3], 0xfffd);
        assert_int_equal(utf16_to_utf8(lone, 2, u, 16), 4);
        assert_string_equal(u, "\xef\xbf\xbdx");
}

static void measuring_and_truncation(void **state)
{
        char16_t w[3];
        char u[3];
        const char16_t src[] = {'a', 0x00f6, 'c', 0};

        (void)state;
        assert_int_equal(utf8_to_utf16("hello", 5, NULL, 0), 5);
        assert_int_equal(utf8_to_utf16("hello", 5, w, 3), 5);
        assert_int_equal(w[0], 'h');
        assert_int_equal(w[1], 'e');
        assert_int_equal(w[2], 0);
        /* a surrogate pair never splits */
        assert_int_equal(utf8_to_utf16("a\xf0\x9f\x98\x80", 5, w, 3), 3);
        assert_int_equal(w[0], 'a');
        assert_int_equal(w[1], 0);
        /* a multi-byte character never splits */
        assert_int_equal(utf16_to_utf8(src, 3, u, 3), 4);
        assert_string_equal(u, "a");
}

static void case_insensitive_compare(void **state)
{
        const char16_t a[] = {'E', 't', 'H', '0', 0}, b[] = {'e', 't', 'h', '0', 0},
                       c[] = {'e', 't', 'h', '1', 0};

        (void)state;
        assert_int_equal(utf16_casecmp_ascii(a, b), 0);
        assert_true(utf16_casecmp_ascii(a, c) < 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(ascii_round_trip),
            cmocka_unit_test(non_ascii_and_surrogates),
            cmocka_unit_test(invalid_input_becomes_replacement_character),
            cmocka_unit_test(measuring_and_truncation),
            cmocka_unit_test(case_insensitive_compare),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
