/* netns_select.c - winnet_set_thread_netns{,_fd}: a thread picks the network
 * namespace its later calls read, without moving itself there. The provider opens
 * its sockets inside that namespace (setns there and back) and keeps them until
 * the selection changes (then they are closed at once: they hold the namespace). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/nsfs.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errmap.h"
#include "winnet.h"
#include "provider/linux/nl.h"

static __thread struct netns_selection tls_sel = {.fd = -1};
static pthread_key_t sel_key;
static pthread_once_t sel_once = PTHREAD_ONCE_INIT;

const struct netns_selection *netns_selected(void)
{
        return &tls_sel;
}

/* The descriptor is closed only while it still is the selected namespace: a
 * child of fork keeps the selection, and may have closed what it inherited and
 * opened something else under that number since. */
static void sel_release(void *unused)
{
        struct stat s;

        (void)unused;
        if (tls_sel.fd >= 0 && fstat(tls_sel.fd, &s) == 0 && s.st_dev == tls_sel.dev &&
            s.st_ino == tls_sel.ino)
                close(tls_sel.fd);
        tls_sel.fd = -1;
}

static void sel_make_key(void)
{
        pthread_key_create(&sel_key, sel_release);
}

/* Checks that `fd` is a network namespace this thread may enter: a round trip
 * there and back now turns a later failure into an error at selection time. */
static int check_netns_fd(int fd)
{
        int self, r = 0;

        if (ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWNET)
                return -EINVAL; /* not a namespace, or another kind of one */
        self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        if (self < 0)
                return -errno;
        if (setns(fd, CLONE_NEWNET) < 0)
                r = -errno;
        else if (setns(self, CLONE_NEWNET) < 0)
                r = -errno;
        close(self);
        return r;
}

static int select_fd(int fd)
{
        struct stat s;
        int own, r;

        if (fd < 0) {
                sel_release(NULL);
                nl_state_drop_stale();
                return 0;
        }
        if (fstat(fd, &s) < 0)
                return errno == EBADF ? -EINVAL : -errno;
        r = check_netns_fd(fd);
        if (r < 0)
                return r;
        own = fcntl(fd, F_DUPFD_CLOEXEC, 3);
        if (own < 0)
                return -errno;
        pthread_once(&sel_once, sel_make_key);
        sel_release(NULL);
        tls_sel.fd = own;
        tls_sel.dev = s.st_dev;
        tls_sel.ino = s.st_ino;
        pthread_setspecific(sel_key, &tls_sel);
        nl_state_drop_stale();
        return 0;
}

static int open_netns(const char *name_or_path, int *ret_fd)
{
        char path[PATH_MAX];
        int fd;

        if (!*name_or_path)
                return -EINVAL;
        if (strchr(name_or_path, '/'))
                snprintf(path, sizeof(path), "%s", name_or_path);
        else if (snprintf(path, sizeof(path), "/run/netns/%s", name_or_path) >= (int)sizeof(path))
                return -ENAMETOOLONG;
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return errno == ENOENT ? -ENODEV : -errno;
        *ret_fd = fd;
        return 0;
}

WINNET_API DWORD winnet_set_thread_netns_fd(int fd)
{
        return win32_from_errno(select_fd(fd));
}

WINNET_API DWORD winnet_set_thread_netns(const char *name_or_path)
{
        int fd, r;

        if (!name_or_path)
                return win32_from_errno(select_fd(-1));
        r = open_netns(name_or_path, &fd);
        if (r < 0)
                return win32_from_errno(r);
        r = select_fd(fd);
        close(fd);
        return win32_from_errno(r);
}
