/* utf16.h - UTF-8 <-> UTF-16 conversion for the WCHAR strings of the Windows APIs.
 * Invalid input never fails: each bad sequence becomes U+FFFD, so a name that
 * Linux holds as arbitrary bytes still converts to something printable. */
#ifndef WINNET_BASE_UTF16_H
#define WINNET_BASE_UTF16_H

#include <stddef.h>
#include <uchar.h>

/* Converts `n` bytes of UTF-8 into `out` (capacity `cap` units, may be 0 with out
 * NULL). Writes at most cap-1 units and a NUL when cap > 0. Returns the number of
 * units the whole conversion needs, without the NUL. */
size_t utf8_to_utf16(const char *s, size_t n, char16_t *out, size_t cap);

/* Converts `n` UTF-16 units into UTF-8 `out` (capacity `cap` bytes). Unpaired
 * surrogates become U+FFFD. Same return and termination contract as above. */
size_t utf16_to_utf8(const char16_t *s, size_t n, char *out, size_t cap);

/* Units before the terminating NUL. */
size_t utf16_len(const char16_t *s);

/* Compares two NUL-terminated UTF-16 strings, ASCII letters case-insensitively
 * (Windows compares interface and account names that way). */
int utf16_casecmp_ascii(const char16_t *a, const char16_t *b);

#endif /* WINNET_BASE_UTF16_H */
