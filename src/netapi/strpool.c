/* strpool.c - the strings of a snapshot, converted from UTF-8 to UTF-16 once when
 * they are read, so packing a result is a copy. Rows refer to them by offset (the
 * pool moves when it grows). ASCII, the common case, skips the decoder. */
#include <errno.h>
#include <string.h>

#include "alloc.h"
#include "netapi_int.h"
#include "utf16.h"

int strpool_reserve(struct strpool *p, size_t units)
{
        size_t cap = p->cap ? p->cap : 4096;
        char16_t *u;

        if (p->n + units <= p->cap)
                return 0;
        while (cap < p->n + units)
                cap *= 2;
        u = wn_realloc(p->u, cap * sizeof(char16_t));
        if (!u)
                return -ENOMEM;
        p->u = u;
        p->cap = cap;
        return 0;
}

static size_t ascii_prefix(const char *s, size_t n)
{
        size_t i = 0;

        while (i < n && !((unsigned char)s[i] & 0x80))
                i++;
        return i;
}

int strpool_add(struct strpool *p, const char *s, size_t n, struct wstr *ret)
{
        size_t units, i;
        char16_t *out;
        int ascii;

        if (n >= UINT32_MAX / 2)
                return -E2BIG;
        /* Not `units == n`: invalid bytes each become one U+FFFD, so a non-ASCII
         * string can convert to as many units as it has bytes. */
        ascii = ascii_prefix(s, n) == n;
        units = ascii ? n : utf8_to_utf16(s, n, NULL, 0);
        if (p->n + units + 1 >= WSTR_NONE)
                return -E2BIG;
        if (strpool_reserve(p, units + 1) < 0)
                return -ENOMEM;
        out = p->u + p->n;
        if (ascii) {
                for (i = 0; i < n; i++)
                        out[i] = (unsigned char)s[i];
                out[n] = 0;
        } else {
                utf8_to_utf16(s, n, out, units + 1);
        }
        *ret = (struct wstr){(uint32_t)p->n, (uint32_t)units};
        p->n += units + 1;
        return 0;
}

char16_t *strpool_alloc(struct strpool *p, size_t units, struct wstr *ret)
{
        char16_t *out;

        if (p->n + units + 1 >= WSTR_NONE || strpool_reserve(p, units + 1) < 0)
                return NULL;
        out = p->u + p->n;
        out[units] = 0;
        *ret = (struct wstr){(uint32_t)p->n, (uint32_t)units};
        p->n += units + 1;
        return out;
}

void strpool_free(struct strpool *p)
{
        wn_free(p->u);
        p->u = NULL;
        p->n = p->cap = 0;
}
