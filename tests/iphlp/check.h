/* check.h - field comparisons for the IP Helper system tests: every mismatch is
 * printed with the interface, the field, the value got and the value expected, and
 * counted, so one run shows every wrong field instead of the first. */
#ifndef WINNET_TEST_IPHLP_CHECK_H
#define WINNET_TEST_IPHLP_CHECK_H

#include <stdio.h>
#include <string.h>
#include <uchar.h>

extern int check_failures;

#define CHECK_EQ(ifname, field, got, want)                                                   \
        do {                                                                                 \
                unsigned long long g_ = (unsigned long long)(got);                           \
                unsigned long long w_ = (unsigned long long)(want);                          \
                if (g_ != w_) {                                                              \
                        fprintf(stderr, "%s: %s got %llu (0x%llx) expected %llu (0x%llx)\n", \
                                (ifname), (field), g_, g_, w_, w_);                          \
                        check_failures++;                                                    \
                }                                                                            \
        } while (0)

#define CHECK_RANGE(ifname, field, got, lo, hi)                                                  \
        do {                                                                                     \
                unsigned long long g_ = (unsigned long long)(got);                               \
                unsigned long long l_ = (unsigned long long)(lo), h_ = (unsigned long long)(hi); \
                if (g_ < l_ || g_ > h_) {                                                        \
                        fprintf(stderr, "%s: %s got %llu expected within [%llu, %llu]\n",        \
                                (ifname), (field), g_, l_, h_);                                  \
                        check_failures++;                                                        \
                }                                                                                \
        } while (0)

#define CHECK_STR(ifname, field, got, want)                                                       \
        do {                                                                                      \
                if (strcmp((got), (want))) {                                                      \
                        fprintf(stderr, "%s: %s got \"%s\" expected \"%s\"\n", (ifname), (field), \
                                (got), (want));                                                   \
                        check_failures++;                                                         \
                }                                                                                 \
        } while (0)

/* ASCII view of a UTF-16 string (non-ASCII units become '?'), for messages and
 * comparisons with what `ip` prints. */
static inline const char *check_ascii(const char16_t *s, char *buf, size_t cap)
{
        size_t i;

        for (i = 0; i + 1 < cap && s[i]; i++)
                buf[i] = s[i] < 128 ? (char)s[i] : '?';
        buf[i] = '\0';
        return buf;
}

#endif /* WINNET_TEST_IPHLP_CHECK_H */
