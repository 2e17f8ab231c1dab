/* ns_sysctl.c - the namespace-wide sysctls netlink does not carry (the path-MTU
 * lifetime per family, IPv6's conf/all/accept_dad and conf/all/forwarding). Each file is opened
 * once per thread and namespace (inside the selected namespace, whose values it then shows) and
 * re-read with pread on every call. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "provider/linux/nl.h"

static const char *const sysctl_paths[PROV_SYSCTL_COUNT] = {
    [PROV_SYSCTL_IPV4_MTU_EXPIRES] = "/proc/sys/net/ipv4/route/mtu_expires",
    [PROV_SYSCTL_IPV6_MTU_EXPIRES] = "/proc/sys/net/ipv6/route/mtu_expires",
    [PROV_SYSCTL_IPV6_ALL_ACCEPT_DAD] = "/proc/sys/net/ipv6/conf/all/accept_dad",
    [PROV_SYSCTL_IPV6_ALL_FORWARDING] = "/proc/sys/net/ipv6/conf/all/forwarding",
};

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

int linux_ns_sysctl(enum prov_ns_sysctl which, int32_t *ret)
{
        struct nl_state *st;
        char text[32], *end;
        ssize_t n;
        long v;
        int r;

        if ((unsigned)which >= PROV_SYSCTL_COUNT)
                return -EINVAL;
        r = nl_state_get(&st);
        if (r < 0)
                return r;
        if (st->sysctl_fd[which] < 0) {
                struct open_args a = {sysctl_paths[which], -1};

                r = nl_in_namespace(open_here, &a);
                if (r < 0) /* no such file: the kernel was built without the family */
                        return r == -ENOENT ? -EAFNOSUPPORT : r;
                st->sysctl_fd[which] = a.fd;
        }
        n = pread(st->sysctl_fd[which], text, sizeof(text) - 1, 0);
        if (n <= 0)
                return n < 0 ? -errno : -EIO;
        text[n] = '\0';
        errno = 0;
        v = strtol(text, &end, 10);
        if (errno || end == text || v < INT32_MIN || v > INT32_MAX)
                return -EIO;
        *ret = (int32_t)v;
        return 0;
}
