/* nl_state.c - the calling thread's netlink handles: one state per thread, bound
 * to the network namespace the thread reads (its own, or the one it selected),
 * reopened when that namespace changes (setns between calls) or after fork, and
 * released when the thread exits. No locks: nothing here is shared. In the child
 * of fork the forking thread's descriptors are closed at once (after_fork_child);
 * other threads' states stay behind untouched, their descriptors open until exec
 * (all are close-on-exec) or exit. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "provider/linux/nl.h"

static __thread struct nl_state *tls_state;
static pthread_key_t state_key;
static pthread_once_t state_once = PTHREAD_ONCE_INIT;
static unsigned fork_gen; /* bumped in the child after fork: its handles are the parent's */

/* Closes every descriptor of the state. Only system calls and libmnl's
 * close (close and free from libc), so that it may run in a fork child handler. */
static void state_close_fds(struct nl_state *st)
{
        int i;

        for (i = 0; i < NL_PROTO_COUNT; i++)
                nl_sock_reset(st, (enum nl_proto)i);
        for (i = 0; i < PROV_SYSCTL_COUNT; i++) {
                if (st->sysctl_fd[i] >= 0)
                        close(st->sysctl_fd[i]);
                st->sysctl_fd[i] = -1;
        }
        if (st->ns_dir >= 0)
                close(st->ns_dir);
        st->ns_dir = -1;
}

static void state_close(struct nl_state *st)
{
        state_close_fds(st);
        wn_free(st->buf);
        wn_free(st);
}

static void state_destroy(void *p)
{
        if (p == tls_state)
                tls_state = NULL;
        state_close(p);
}

/* The forking thread's handles are copies of the parent's (its socket's replies
 * would be shared, its ns directory names the parent's thread). Their numbers
 * are closed now, while they are still the library's: before its next call the
 * child may close what it inherited and open other files under those numbers.
 * The state's memory goes at the thread's next call or exit (wn_free is not
 * for a fork handler: with the verifier on it takes a lock another thread may
 * have held at fork). */
static void after_fork_child(void)
{
        __atomic_add_fetch(&fork_gen, 1, __ATOMIC_RELAXED);
        if (tls_state)
                state_close_fds(tls_state);
}

static void state_init_once(void)
{
        pthread_key_create(&state_key, state_destroy);
        pthread_atfork(NULL, NULL, after_fork_child);
}

/* The main thread runs no key destructors: free its state at exit so leak
 * checkers see a clean process. */
__attribute__((destructor)) static void state_at_exit(void)
{
        if (tls_state)
                state_destroy(tls_state);
}

/* Identity of the namespace this thread reads now: the selected one, or its
 * own, named by the nsfs inode in the link text of /proc/thread-self/ns/net
 * ("net:[4026531840]"). Reading that link through a descriptor of the thread's
 * ns directory (opened once, into *dir) costs a third of a stat() of the path. */
static int current_ns(int *dir, dev_t *ret_dev, ino_t *ret_ino)
{
        const struct netns_selection *sel = netns_selected();
        char text[48], *end;
        unsigned long long ino;
        ssize_t n;

        if (sel->fd >= 0) {
                *ret_dev = sel->dev;
                *ret_ino = sel->ino;
                return 0;
        }
        if (*dir < 0) {
                *dir = open("/proc/thread-self/ns", O_PATH | O_DIRECTORY | O_CLOEXEC);
                if (*dir < 0)
                        return -errno;
        }
        n = readlinkat(*dir, "net", text, sizeof(text) - 1);
        if (n < 0)
                return -errno;
        text[n] = '\0';
        if (strncmp(text, "net:[", 5) != 0)
                return -EPROTO;
        errno = 0;
        ino = strtoull(text + 5, &end, 10);
        if (errno || end == text + 5 || strcmp(end, "]") != 0)
                return -EPROTO;
        *ret_dev = 0;
        *ret_ino = (ino_t)ino;
        return 0;
}

static int state_new(struct nl_state **ret)
{
        struct nl_state *st = wn_zalloc(sizeof(*st));
        int i;

        if (!st)
                return -ENOMEM;
        st->buf = wn_malloc(NL_BUF_SIZE);
        if (!st->buf) {
                wn_free(st);
                return -ENOMEM;
        }
        st->buf_size = NL_BUF_SIZE;
        st->fork_gen = __atomic_load_n(&fork_gen, __ATOMIC_RELAXED);
        for (i = 0; i < PROV_SYSCTL_COUNT; i++)
                st->sysctl_fd[i] = -1;
        st->ns_dir = -1;
        st->seq = (uint32_t)getpid() ^ ((uint32_t)(uintptr_t)st << 8);
        *ret = st;
        return 0;
}

int nl_state_get(struct nl_state **ret)
{
        struct nl_state *st = tls_state, *old = st;
        uint64_t batch = provider_batch_id();
        dev_t dev = 0;
        ino_t ino = 0;
        int r;

        if (st && st->fork_gen == __atomic_load_n(&fork_gen, __ATOMIC_RELAXED)) {
                if (batch && st->checked_batch == batch) {
                        *ret = st;
                        return 0;
                }
                r = current_ns(&st->ns_dir, &dev, &ino);
                if (r < 0)
                        return r;
                if (st->ns_dev == dev && st->ns_ino == ino) {
                        st->checked_batch = batch;
                        *ret = st;
                        return 0;
                }
        } else {
                old = NULL; /* nothing of a state made before fork is this thread's */
        }
        pthread_once(&state_once, state_init_once);
        r = state_new(&st);
        if (r < 0)
                return r;
        if (old) { /* same thread, same process: its ns directory still names it */
                st->ns_dir = old->ns_dir;
                old->ns_dir = -1;
        }
        r = current_ns(&st->ns_dir, &st->ns_dev, &st->ns_ino);
        if (r < 0) {
                state_close(st);
                return r;
        }
        st->checked_batch = batch;
        if (tls_state)
                state_close(tls_state);
        tls_state = st;
        pthread_setspecific(state_key, st);
        *ret = st;
        return 0;
}

/* After a selection change: a socket keeps its namespace alive, so handles that
 * are not for the namespace the thread reads now go at once rather than at its
 * next call (a namespace the thread stopped reading can then end as soon as it is
 * deleted). */
void nl_state_drop_stale(void)
{
        struct nl_state *st = tls_state;
        dev_t dev = 0;
        ino_t ino = 0;

        if (!st)
                return;
        if (st->fork_gen == __atomic_load_n(&fork_gen, __ATOMIC_RELAXED) &&
            current_ns(&st->ns_dir, &dev, &ino) == 0 && st->ns_dev == dev && st->ns_ino == ino)
                return;
        tls_state = NULL;
        pthread_setspecific(state_key, NULL);
        state_close(st);
}

/* Enters the selected namespace, runs fn, and comes back. The thread's own
 * namespace is reached again through a descriptor opened first. */
int nl_in_namespace(int (*fn)(void *arg), void *arg)
{
        const struct netns_selection *sel = netns_selected();
        int self, r;

        if (sel->fd < 0)
                return fn(arg);
        self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        if (self < 0)
                return -errno;
        if (setns(sel->fd, CLONE_NEWNET) < 0) {
                r = -errno;
                close(self);
                return r;
        }
        r = fn(arg);
        if (setns(self, CLONE_NEWNET) < 0)
                r = -errno; /* cannot happen for our own namespace; never hide it */
        close(self);
        return r;
}

struct sock_open_args {
        int bus;
        struct mnl_socket *sock;
};

static int sock_open_here(void *arg)
{
        struct sock_open_args *a = arg;
        int r, one = 1;

        a->sock = mnl_socket_open2(a->bus, SOCK_CLOEXEC);
        if (!a->sock)
                return -errno;
        /* Extended ACKs and strict checks are optional: older kernels lack them. */
        mnl_socket_setsockopt(a->sock, NETLINK_EXT_ACK, &one, sizeof(one));
        if (mnl_socket_bind(a->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
                r = -errno;
                mnl_socket_close(a->sock);
                a->sock = NULL;
                return r;
        }
        return 0;
}

int nl_sock(struct nl_state *st, enum nl_proto proto, struct mnl_socket **ret)
{
        struct sock_open_args a = {proto == NL_ROUTE ? NETLINK_ROUTE : NETLINK_GENERIC, NULL};
        int r;

        if (!st->sock[proto]) {
                r = nl_in_namespace(sock_open_here, &a);
                if (r < 0)
                        return r;
                st->sock[proto] = a.sock;
        }
        *ret = st->sock[proto];
        return 0;
}

void nl_sock_reset(struct nl_state *st, enum nl_proto proto)
{
        if (st->sock[proto]) {
                mnl_socket_close(st->sock[proto]);
                st->sock[proto] = NULL;
        }
}
