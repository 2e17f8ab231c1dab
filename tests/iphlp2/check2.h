/* check2.h - field checks of the table tests: every mismatch is printed with the
 * row, the field, the value got and the value expected, and counted, so one run
 * shows every wrong field. */
#ifndef WINNET_TEST_IPHLP2_CHECK2_H
#define WINNET_TEST_IPHLP2_CHECK2_H

#include <stdio.h>
#include <string.h>

extern int check_failures;

#define CHECK_EQ(row, field, got, want)                                                      \
        do {                                                                                 \
                unsigned long long g_ = (unsigned long long)(got);                           \
                unsigned long long w_ = (unsigned long long)(want);                          \
                if (g_ != w_) {                                                              \
                        fprintf(stderr, "%s: %s got %llu (0x%llx) expected %llu (0x%llx)\n", \
                                (row), (field), g_, g_, w_, w_);                             \
                        check_failures++;                                                    \
                }                                                                            \
        } while (0)

#define CHECK_NEAR(row, field, got, want, slack)                                           \
        do {                                                                               \
                long long g_ = (long long)(got), w_ = (long long)(want);                   \
                if (g_ < w_ - (long long)(slack) || g_ > w_ + (long long)(slack)) {        \
                        fprintf(stderr, "%s: %s got %lld expected %lld (+-%lld)\n", (row), \
                                (field), g_, w_, (long long)(slack));                      \
                        check_failures++;                                                  \
                }                                                                          \
        } while (0)

#define CHECK_STR(row, field, got, want)                                                       \
        do {                                                                                   \
                if (strcmp((got), (want))) {                                                   \
                        fprintf(stderr, "%s: %s got \"%s\" expected \"%s\"\n", (row), (field), \
                                (got), (want));                                                \
                        check_failures++;                                                      \
                }                                                                              \
        } while (0)

#define CHECK_TRUE(row, what, cond)                                               \
        do {                                                                      \
                if (!(cond)) {                                                    \
                        fprintf(stderr, "%s: %s does not hold\n", (row), (what)); \
                        check_failures++;                                         \
                }                                                                 \
        } while (0)

#endif /* WINNET_TEST_IPHLP2_CHECK2_H */
