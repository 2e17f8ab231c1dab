/* wstr.c - UTF-16 (WCHAR) strings of the API results as UTF-8 for
 * printing: the CLI sees only the public API, so it converts on its own. */
#include <stdint.h>
#include <stdlib.h>

#include "cli.h"

static size_t put(uint32_t c, char *o)
{
        if (c < 0x80) {
                o[0] = (char)c;
                return 1;
        }
        if (c < 0x800) {
                o[0] = (char)(0xc0 | (c >> 6));
                o[1] = (char)(0x80 | (c & 0x3f));
                return 2;
        }
        if (c < 0x10000) {
                o[0] = (char)(0xe0 | (c >> 12));
                o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
                o[2] = (char)(0x80 | (c & 0x3f));
                return 3;
        }
        o[0] = (char)(0xf0 | (c >> 18));
        o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        o[3] = (char)(0x80 | (c & 0x3f));
        return 4;
}

const char *cli_wstr(const uint16_t *s, char *buf, size_t cap)
{
        size_t k = 0;

        if (!s)
                return NULL;
        for (; *s && k + 5 < cap; s++) {
                uint32_t c = *s;

                if (c >= 0xd800 && c <= 0xdbff && s[1] >= 0xdc00 && s[1] <= 0xdfff) {
                        c = 0x10000 + ((c - 0xd800) << 10) + (s[1] - 0xdc00);
                        s++;
                } else if (c >= 0xd800 && c <= 0xdfff) {
                        c = 0xfffd;
                }
                k += put(c, buf + k);
        }
        buf[k] = '\0';
        return buf;
}
