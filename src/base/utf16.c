/* utf16.c - UTF-8 <-> UTF-16 conversion; bad sequences become U+FFFD. */
#include "utf16.h"

#include <stdint.h>

/* Decodes one code point at s[0..n), storing its length in *len. */
static uint32_t utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
        uint32_t c = s[0], min;
        size_t need, i;

        if (c < 0x80) {
                *len = 1;
                return c;
        }
        if ((c & 0xe0) == 0xc0) {
                need = 1, c &= 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
                need = 2, c &= 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
                need = 3, c &= 0x07, min = 0x10000;
        } else {
                *len = 1;
                return 0xfffd;
        }
        for (i = 1; i <= need; i++) {
                if (i >= n || (s[i] & 0xc0) != 0x80) {
                        *len = i;
                        return 0xfffd;
                }
                c = (c << 6) | (s[i] & 0x3f);
        }
        *len = need + 1;
        if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
                return 0xfffd;
        return c;
}

size_t utf8_to_utf16(const char *s, size_t n, char16_t *out, size_t cap)
{
        const unsigned char *p = (const unsigned char *)s;
        size_t i = 0, k = 0, len;

        while (i < n) {
                uint32_t c;

                if (p[i] < 0x80) { /* ASCII, as interface names and most text are */
                        if (k + 1 < cap)
                                out[k] = p[i];
                        k++;
                        i++;
                        continue;
                }
                c = utf8_decode(p + i, n - i, &len);
                i += len;
                if (c >= 0x10000) {
                        c -= 0x10000;
                        if (k + 1 < cap)
                                out[k] = (char16_t)(0xd800 | (c >> 10));
                        if (k + 2 < cap)
                                out[k + 1] = (char16_t)(0xdc00 | (c & 0x3ff));
                        k += 2;
                } else {
                        if (k + 1 < cap)
                                out[k] = (char16_t)c;
                        k++;
                }
        }
        if (cap)
                out[k < cap ? k : cap - 1] = 0;
        /* A surrogate pair cut by the capacity must not leave half a pair behind. */
        if (cap && k >= cap && cap >= 2 && out[cap - 2] >= 0xd800 && out[cap - 2] <= 0xdbff)
                out[cap - 2] = 0;
        return k;
}

static size_t put_utf8(uint32_t c, char *out, size_t k, size_t cap)
{
        unsigned char b[4];
        size_t n, i;

        if (c < 0x80) {
                b[0] = (unsigned char)c, n = 1;
        } else if (c < 0x800) {
                b[0] = (unsigned char)(0xc0 | (c >> 6)), b[1] = (unsigned char)(0x80 | (c & 0x3f)),
                n = 2;
        } else if (c < 0x10000) {
                b[0] = (unsigned char)(0xe0 | (c >> 12));
                b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
                b[2] = (unsigned char)(0x80 | (c & 0x3f));
                n = 3;
        } else {
                b[0] = (unsigned char)(0xf0 | (c >> 18));
                b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
                b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
                b[3] = (unsigned char)(0x80 | (c & 0x3f));
                n = 4;
        }
        /* Write a character whole or not at all. */
        if (k + n < cap)
                for (i = 0; i < n; i++)
                        out[k + i] = (char)b[i];
        return n;
}

size_t utf16_to_utf8(const char16_t *s, size_t n, char *out, size_t cap)
{
        size_t i = 0, k = 0, written = 0;

        while (i < n) {
                uint32_t c = s[i++];

                if (c >= 0xd800 && c <= 0xdbff && i < n && s[i] >= 0xdc00 && s[i] <= 0xdfff)
                        c = 0x10000 + ((c - 0xd800) << 10) + (s[i++] - 0xdc00);
                else if (c >= 0xd800 && c <= 0xdfff)
                        c = 0xfffd;
                k += put_utf8(c, out, k, cap);
                if (k < cap)
                        written = k;
        }
        if (cap)
                out[written] = '\0';
        return k;
}

size_t utf16_len(const char16_t *s)
{
        size_t n = 0;

        while (s[n])
                n++;
        return n;
}

int utf16_casecmp_ascii(const char16_t *a, const char16_t *b)
{
        for (;; a++, b++) {
                char16_t x = *a, y = *b;

                if (x >= 'A' && x <= 'Z')
                        x = (char16_t)(x + 32);
                if (y >= 'A' && y <= 'Z')
                        y = (char16_t)(y + 32);
                if (x != y || !x)
                        return (int)x - (int)y;
        }
}
