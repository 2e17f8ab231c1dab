/* igmp_proc.c - IPv4 multicast memberships from /proc/net/igmp, read only where
 * the kernel has no IPv4 RTM_GETMULTICAST dump (before Linux 6.13). The file is
 * opened inside the selected namespace and read whole; its groups are printed
 * in host byte order as 8 hex digits under a "<index>\t<name>" line per device. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "alloc.h"
#include "provider/linux/nl.h"

#define IGMP_READ_MAX (4u << 20) /* a sanity bound on the file */

struct slurp {
        char *text;
};

static int slurp_fd(int fd, struct slurp *s)
{
        size_t cap = 8192, len = 0;
        char *buf = wn_malloc(cap), *bigger;
        ssize_t n;

        while (buf && (n = read(fd, buf + len, cap - len - 1)) > 0) {
                len += (size_t)n;
                if (len + 1 < cap)
                        continue;
                bigger = cap < IGMP_READ_MAX ? wn_realloc(buf, cap * 2) : NULL;
                if (!bigger) {
                        wn_free(buf);
                        return -ENOMEM;
                }
                buf = bigger;
                cap *= 2;
        }
        if (!buf)
                return -ENOMEM;
        buf[len] = '\0';
        s->text = buf;
        return 0;
}

static int slurp_here(void *arg)
{
        struct slurp *s = arg;
        int fd = open("/proc/net/igmp", O_RDONLY | O_CLOEXEC), r;

        if (fd < 0)
                return -errno;
        r = slurp_fd(fd, s);
        close(fd);
        return r;
}

/* A device line starts with its index; a group line with a tab and 8 hex digits. */
static int parse_line(const char *line, uint32_t *ifindex, const struct prov_addr_visitor *v)
{
        struct prov_addr a;
        unsigned long group;
        uint32_t raw;
        char *end;

        if (line[0] != '\t') {
                unsigned long idx = strtoul(line, &end, 10);

                *ifindex = end != line ? (uint32_t)idx : 0;
                return 0;
        }
        line += strspn(line, "\t ");
        group = strtoul(line, &end, 16);
        if (end - line != 8 || !*ifindex)
                return 0;
        memset(&a, 0, sizeof(a));
        a.kind = PROV_ADDR_MULTICAST;
        a.family = AF_INET;
        a.prefixlen = 32;
        a.ifindex = *ifindex;
        raw = (uint32_t)group; /* the kernel prints the __be32 as a host-order number */
        memcpy(a.addr, &raw, 4);
        return v->addr(v->ctx, &a);
}

int igmp_proc_parse(const char *text, const struct prov_addr_visitor *v)
{
        uint32_t ifindex = 0;
        const char *line = text;
        char one[256];
        int r;

        if (v->begin && (r = v->begin(v->ctx)) < 0)
                return r;
        while (*line) {
                const char *nl = strchr(line, '\n');
                size_t n = nl ? (size_t)(nl - line) : strlen(line);

                if (n >= sizeof(one))
                        n = sizeof(one) - 1;
                memcpy(one, line, n);
                one[n] = '\0';
                if (line != text && (r = parse_line(one, &ifindex, v)) < 0)
                        return r; /* the first line is the header */
                line = nl ? nl + 1 : line + strlen(line);
        }
        return 0;
}

int igmp_proc_walk(const struct prov_addr_visitor *v)
{
        struct slurp s = {NULL};
        int r = nl_in_namespace(slurp_here, &s);

        if (r < 0)
                return r == -ENOENT ? -EAFNOSUPPORT : r;
        r = igmp_proc_parse(s.text, v);
        wn_free(s.text);
        return r;
}
