/* pmtu_expires.c - how long a learned path MTU lives, per family: a namespace-wide
 * sysctl that netlink does not carry. The file is opened once per thread and
 * namespace (inside the selected namespace, whose values it then shows) and
 * re-read with pread on every call. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "provider/linux/nl.h"

static const char *const pmtu_paths[2] = {"/proc/sys/net/ipv4/route/mtu_expires",
                                          "/proc/sys/net/ipv6/route/mtu_expires"};

struct open_args {
        const char *path;
        int fd;
};

static int open_here(void *arg)
{
        struct open_args *a = arg;

        a->fd = open(a->path, O_RDONLY | O_CLOEXEC);
        return a->fd < 0 ? -errno : 0;
}

int linux_pmtu_expires(int family, uint32_t *ret_seconds)
{
        struct nl_state *st;
        int i = family == AF_INET6, r;
        char text[32];
        ssize_t n;
        long v;

        if (family != AF_INET && family != AF_INET6)
                return -EAFNOSUPPORT;
        r = nl_state_get(&st);
        if (r < 0)
                return r;
        if (st->pmtu_fd[i] < 0) {
                struct open_args a = {pmtu_paths[i], -1};

                r = nl_in_namespace(open_here, &a);
                if (r < 0)
                        return r == -ENOENT ? -EAFNOSUPPORT : r;
                st->pmtu_fd[i] = a.fd;
        }
        n = pread(st->pmtu_fd[i], text, sizeof(text) - 1, 0);
        if (n <= 0)
                return n < 0 ? -errno : -EIO;
        text[n] = '\0';
        v = strtol(text, NULL, 10);
        *ret_seconds = v < 0 ? 0 : (uint32_t)v;
        return 0;
}
