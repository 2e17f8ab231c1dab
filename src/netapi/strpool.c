/* strpool.c - the strings of a snapshot, converted from UTF-8 to UTF-16 once when
 * they are read, so packing a result is a copy. Rows refer to them by offset (the
 * pool moves when it grows). ASCII, the common case, skips the decoder; an ASCII
 * string that is only packed stays bytes until then (half the memory). */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "netapi_int.h"
#include "utf16.h"

/* The first reservation is exact (at least `first`): it is a size hint, or the
 * first string. Later ones double, so adding strings one by one is linear. */
static size_t grown_cap(size_t cap, size_t need, size_t first)
{
        if (!cap)
                return need > first ? need : first;
        while (cap < need)
                cap *= 2;
        return cap;
}

int strpool_reserve(struct strpool *p, size_t units)
{
        size_t cap;
        char16_t *u;

        if (p->n + units <= p->cap)
                return 0;
        cap = grown_cap(p->cap, p->n + units, 4096);
        u = wn_realloc(p->u, cap * sizeof(char16_t));
        if (!u)
                return -ENOMEM;
        p->u = u;
        p->cap = cap;
        return 0;
}

int strpool_reserve_bytes(struct strpool *p, size_t bytes)
{
        size_t cap;
        char *b;

        if (p->bn + bytes <= p->bcap)
                return 0;
        cap = grown_cap(p->bcap, p->bn + bytes, 4096);
        b = wn_realloc(p->b, cap);
        if (!b)
                return -ENOMEM;
        p->b = b;
        p->bcap = cap;
        return 0;
}

/* Widens the ASCII prefix of s (n bytes) into out, eight bytes per step; returns
 * how many bytes it took (the rest starts with a non-ASCII byte). */
static size_t widen_ascii(const char *restrict s, size_t n, char16_t *restrict out)
{
        size_t i = 0, k;
        uint64_t w;

        for (; i + 8 <= n; i += 8) {
                memcpy(&w, s + i, sizeof(w));
                if (w & 0x8080808080808080ull)
                        break;
                for (k = 0; k < 8; k++)
                        out[i + k] = (unsigned char)s[i + k];
        }
        for (; i < n && !((unsigned char)s[i] & 0x80); i++)
                out[i] = (unsigned char)s[i];
        return i;
}

/* A UTF-8 string never needs more UTF-16 units than it has bytes (an invalid byte
 * becomes one U+FFFD), so n + 1 units are reserved up front and the string is
 * converted in one pass: ASCII widened directly, the rest through the decoder. */
int strpool_add(struct strpool *p, const char *s, size_t n, struct wstr *ret)
{
        size_t units;
        char16_t *out;

        if (n >= UINT32_MAX / 2)
                return -E2BIG;
        if (p->n + n + 1 >= WSTR_NONE)
                return -E2BIG;
        if (strpool_reserve(p, n + 1) < 0)
                return -ENOMEM;
        out = p->u + p->n;
        units = widen_ascii(s, n, out);
        if (units < n)
                units += utf8_to_utf16(s + units, n - units, out + units, n - units + 1);
        else
                out[units] = 0;
        *ret = (struct wstr){(uint32_t)p->n, (uint32_t)units};
        p->n += units + 1;
        return 0;
}

/* An ASCII string of the byte area, one unit a byte. */
void strpool_widen(const struct strpool *p, struct wstr s, char16_t *out)
{
        size_t n = s.len & ~WSTR_BYTES, i, k;
        const char *b = p->b + s.off;

        for (i = 0; i + 8 <= n; i += 8)
                for (k = 0; k < 8; k++)
                        out[i + k] = (unsigned char)b[i + k];
        for (; i <= n; i++) /* and the NUL */
                out[i] = (unsigned char)b[i];
}

/* The bytes are checked eight at a time; the first non-ASCII one sends the string
 * to strpool_add, which converts it exactly as before. */
int strpool_add_packed(struct strpool *p, const char *s, size_t n, struct wstr *ret)
{
        size_t i = 0;
        uint64_t w;

        for (; i + 8 <= n; i += 8) {
                memcpy(&w, s + i, sizeof(w));
                if (w & 0x8080808080808080ull)
                        return strpool_add(p, s, n, ret);
        }
        for (; i < n; i++)
                if ((unsigned char)s[i] & 0x80)
                        return strpool_add(p, s, n, ret);
        if (n >= UINT32_MAX / 2 || p->bn + n + 1 >= WSTR_NONE)
                return -E2BIG;
        if (strpool_reserve_bytes(p, n + 1) < 0)
                return -ENOMEM;
        memcpy(p->b + p->bn, s, n);
        p->b[p->bn + n] = 0;
        *ret = (struct wstr){(uint32_t)p->bn, (uint32_t)n | WSTR_BYTES};
        p->bn += n + 1;
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
        wn_free(p->b);
        p->u = NULL;
        p->b = NULL;
        p->n = p->cap = p->bn = p->bcap = 0;
}
