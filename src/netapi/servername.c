/* servername.c - which machine a Net* call is for. NULL, "", this host's name (as
 * gethostname gives it, its first label or its NetBIOS form), "localhost" and the
 * loopback addresses, each optionally prefixed \\, mean this machine. There is no
 * remote back end: another machine is NERR_InvalidComputer. */
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <netinet/in.h>
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

/* An IPv6 literal, the one computer name with colons (checked without allocating,
 * so a malformed name is refused before anything can fail). */
static int ipv6_literal(const char16_t *name)
{
        char text[INET6_ADDRSTRLEN];
        struct in6_addr a;
        size_t i;

        for (i = 0; name[i]; i++) {
                if (i + 1 >= sizeof(text) || name[i] > 0x7f)
                        return 0;
                text[i] = (char)name[i];
        }
        text[i] = '\0';
        return inet_pton(AF_INET6, text, &a) == 1;
}

/* An address of an interface of the calling thread's network namespace. */
static int address_is_ours(int family, const void *a)
{
        struct ifaddrs *list, *i;
        int found = 0;

        if (getifaddrs(&list) < 0)
                return 0;
        for (i = list; i && !found; i = i->ifa_next) {
                const struct sockaddr *sa = i->ifa_addr;

                if (!sa || sa->sa_family != family)
                        continue;
                if (family == AF_INET)
                        found = !memcmp(&((const struct sockaddr_in *)(const void *)sa)->sin_addr,
                                        a, 4);
                else
                        found = !memcmp(&((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
                                        a, 16);
        }
        freeifaddrs(list);
        return found;
}

/* An IP literal means this machine when it is a loopback address (all of 127/8,
 * ::1, and their IPv4-mapped forms) or an address of one of its interfaces, as
 * Windows treats its own addresses. */
static int address_is_local(const char *name)
{
        unsigned char a[16];

        if (inet_pton(AF_INET, name, a) == 1)
                return a[0] == 127 || address_is_ours(AF_INET, a);
        if (inet_pton(AF_INET6, name, a) != 1)
                return 0;
        if (IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)(const void *)a))
                return a[12] == 127 || address_is_ours(AF_INET, a + 12);
        return IN6_IS_ADDR_LOOPBACK((const struct in6_addr *)(const void *)a) ||
               address_is_ours(AF_INET6, a);
}

/* name without its leading \\; one trailing dot (a rooted DNS name) is ignored. */
static int name_is_local(const char *name)
{
        struct hostinfo h;
        const char *dot;
        size_t n = strlen(name);

        if (!strcmp(name, "."))
                return 1;
        if (n > 1 && name[n - 1] == '.')
                n--;
        if (label_equal(name, "localhost", n))
                return 1;
        if (address_is_local(name))
                return 1;
        if (hostname_get(&h) < 0)
                return 0;
        dot = strchr(h.hostname, '.');
        return label_equal(name, h.hostname, n) || label_equal(name, h.netbios, n) ||
               (dot && n == (size_t)(dot - h.hostname) && !strncasecmp(name, h.hostname, n));
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
        /* "\\", "\\a\b", "\\a/b", ... */
        if (name_malformed(name) && !ipv6_literal(name))
                return ERROR_INVALID_NAME;
        r = utf16_dup_utf8(name, &u8);
        if (r)
                return netapi_status(r);
        st = name_is_local(u8) ? NERR_Success : NERR_InvalidComputer;
        wn_free(u8);
        return st;
}
