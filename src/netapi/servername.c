/* servername.c - which machine a Net* call is for. NULL, "", this host's name (as
 * gethostname gives it, its first label or its NetBIOS form), "localhost" and the
 * loopback addresses, each optionally prefixed \\, mean this machine. There is no
 * remote back end: another machine is NERR_InvalidComputer. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "lmerr.h"
#include "netapi_int.h"
#include "utf16.h"
#include "winerror.h"

int utf16_dup_utf8(const char16_t *s, char **ret)
{
        size_t n = utf16_len(s), need = utf16_to_utf8(s, n, NULL, 0);
        char *out = wn_malloc(need + 1);

        if (!out)
                return -ENOMEM;
        utf16_to_utf8(s, n, out, need + 1);
        *ret = out;
        return 0;
}

/* A computer name holds no separators, control characters or wildcards. */
static int name_malformed(const char16_t *s)
{
        static const char16_t bad[] = u"\\/:*?\"<>|";
        size_t i, j;

        if (!*s)
                return 1;
        for (i = 0; s[i]; i++) {
                if (s[i] < 0x20 || i >= 255)
                        return 1;
                for (j = 0; bad[j]; j++)
                        if (s[i] == bad[j])
                                return 1;
        }
        return 0;
}

static int label_equal(const char *a, const char *b, size_t n)
{
        return strlen(b) == n && !strncasecmp(a, b, n);
}

static int name_is_local(const char *name)
{
        static const char *const loop[] = {"localhost", "127.0.0.1", "::1", "."};
        struct hostinfo h;
        const char *dot;
        size_t i, n = strlen(name);

        for (i = 0; i < sizeof(loop) / sizeof(loop[0]); i++)
                if (!strcasecmp(name, loop[i]))
                        return 1;
        if (hostname_get(&h) < 0)
                return 0;
        dot = strchr(h.hostname, '.');
        return !strcasecmp(name, h.hostname) || !strcasecmp(name, h.netbios) ||
               (dot && label_equal(h.hostname, name, (size_t)(dot - h.hostname))) ||
               (n > 0 && name[n - 1] == '.' && label_equal(name, h.hostname, n - 1));
}

NET_API_STATUS servername_check(const char16_t *name)
{
        NET_API_STATUS st;
        char *u8;
        int r;

        if (!name || !*name)
                return NERR_Success;
        if (name[0] == u'\\') {
                if (name[1] != u'\\')
                        return ERROR_INVALID_NAME; /* "\" or "\x" */
                name += 2;
        }
        if (name_malformed(name))
                return ERROR_INVALID_NAME; /* "\\", "\\a\b", ... */
        r = utf16_dup_utf8(name, &u8);
        if (r)
                return netapi_status(r);
        st = name_is_local(u8) ? NERR_Success : NERR_InvalidComputer;
        wn_free(u8);
        return st;
}
