/* hostinfo.c - facts about this host for the server and workstation calls: the
 * host name (gethostname), its NetBIOS form (first label, upper case, 15
 * characters), the description systemd keeps as PRETTY_HOSTNAME in
 * /etc/machine-info (Windows' computer description), and the kernel version. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "netapi_int.h"

void netbios_from_host(const char *host, char out[16])
{
        size_t i;

        for (i = 0; i < 15 && host[i] && host[i] != '.'; i++)
                out[i] =
                    (unsigned char)host[i] < 0x80 ? (char)toupper((unsigned char)host[i]) : '_';
        out[i] = '\0';
}

/* "6.1.0-18-amd64" -> 6, 1 */
static void kernel_version(unsigned *major, unsigned *minor)
{
        struct utsname u;
        char *end;

        *major = *minor = 0;
        if (uname(&u) < 0)
                return;
        *major = (unsigned)strtoul(u.release, &end, 10);
        if (*end == '.')
                *minor = (unsigned)strtoul(end + 1, NULL, 10);
}

static void unquote(char *v)
{
        size_t n = strlen(v);

        while (n && (v[n - 1] == '\n' || v[n - 1] == ' ' || v[n - 1] == '\t'))
                v[--n] = '\0';
        if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
                memmove(v, v + 1, n - 2);
                v[n - 2] = '\0';
        }
}

int kvfile_get(const char *path, const char *key, char *buf, size_t cap)
{
        size_t klen = strlen(key);
        char line[512];
        int found = -ENOENT;
        FILE *f = fopen(path, "re");

        if (!f)
                return -ENOENT;
        while (fgets(line, sizeof(line), f)) {
                if (strncmp(line, key, klen) || line[klen] != '=')
                        continue;
                unquote(line + klen + 1);
                snprintf(buf, cap, "%s", line + klen + 1);
                found = 0;
        }
        fclose(f);
        return found;
}

int hostname_get(struct hostinfo *h)
{
        memset(h, 0, sizeof(*h));
        if (gethostname(h->hostname, sizeof(h->hostname) - 1) < 0)
                return -errno;
        netbios_from_host(h->hostname, h->netbios);
        return 0;
}

int hostinfo_get(struct hostinfo *h)
{
        int r = hostname_get(h);

        if (r < 0)
                return r;
        if (kvfile_get("/etc/machine-info", "PRETTY_HOSTNAME", h->comment, sizeof(h->comment)) < 0)
                h->comment[0] = '\0';
        kernel_version(&h->ver_major, &h->ver_minor);
        return 0;
}
