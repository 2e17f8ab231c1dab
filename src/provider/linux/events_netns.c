/* events_netns.c - the Linux event provider's operations table, and the namespace
 * a listener lives in: the one the registering thread's calls act on (its own,
 * or the one it selected with winnet_set_thread_netns), held open so that the
 * listener thread can enter it. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stddef.h>
#include <sys/stat.h>
#include <unistd.h>

#include "provider/linux/events_nl.h"
#include "provider/linux/nl.h"

int linux_netns_open(struct prov_netns *ret)
{
        const struct netns_selection *sel = netns_selected();
        struct stat s;
        int fd;

        if (sel->fd >= 0)
                fd = fcntl(sel->fd, F_DUPFD_CLOEXEC, 3);
        else
                fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return -errno;
        if (fstat(fd, &s) < 0) {
                close(fd);
                return -errno;
        }
        ret->fd = fd;
        ret->dev = s.st_dev;
        ret->ino = s.st_ino;
        return 0;
}

/* setns needs CAP_SYS_ADMIN even into the namespace the thread is already in,
 * and a thread starts in its creator's namespace: an unprivileged process's
 * listener must find itself home without it. */
int linux_netns_enter(const struct prov_netns *ns)
{
        struct stat s;

        if (stat("/proc/thread-self/ns/net", &s) == 0 && s.st_dev == ns->dev && s.st_ino == ns->ino)
                return 0;
        return setns(ns->fd, CLONE_NEWNET) < 0 ? -errno : 0;
}

void linux_netns_close(struct prov_netns *ns)
{
        if (ns->fd >= 0)
                close(ns->fd);
        ns->fd = -1;
}

const struct provider_events_ops provider_events_linux = {
    .netns_open = linux_netns_open,
    .netns_enter = linux_netns_enter,
    .netns_close = linux_netns_close,
    .open = linux_ev_open,
    .close = linux_ev_close,
    .fd = linux_ev_fd,
    .set_groups = linux_ev_set_groups,
    .read = linux_ev_read,
    .addr_walk = linux_ev_addr_walk,
    .route_walk = linux_ev_route_walk,
};

static const struct provider_events_ops *current_ops;

const struct provider_events_ops *provider_events(void)
{
        const struct provider_events_ops *ops = __atomic_load_n(&current_ops, __ATOMIC_ACQUIRE);

        return ops ? ops : &provider_events_linux;
}

void provider_events_set(const struct provider_events_ops *ops)
{
        __atomic_store_n(&current_ops, ops, __ATOMIC_RELEASE);
}
