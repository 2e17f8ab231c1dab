/* nl_state.c - the calling thread's netlink handles: one state per thread, bound
 * to the network namespace the thread reads (its own, or the one it selected),
 * reopened when that namespace changes (setns between calls) or after fork, and
 * released when the thread exits. No locks: nothing here is shared. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "provider/linux/nl.h"

static __thread struct nl_state *tls_state;
static pthread_key_t state_key;
static pthread_once_t state_once = PTHREAD_ONCE_INIT;
static unsigned fork_gen; /* bumped in the child after fork: its handles are the parent's */

static void state_close(struct nl_state *st)
{
        int i;

        for (i = 0; i < NL_PROTO_COUNT; i++)
                nl_sock_reset(st, (enum nl_proto)i);
        for (i = 0; i < 2; i++)
                if (st->pmtu_fd[i] >= 0)
                        close(st->pmtu_fd[i]);
        wn_free(st->buf);
        wn_free(st);
}

static void state_destroy(void *p)
{
        if (p == tls_state)
                tls_state = NULL;
        state_close(p);
}

static void after_fork_child(void)
{
        __atomic_add_fetch(&fork_gen, 1, __ATOMIC_RELAXED);
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

/* Identity of the namespace this thread reads now. */
static int current_ns(dev_t *ret_dev, ino_t *ret_ino)
{
        const struct netns_selection *sel = netns_selected();
        struct stat s;

        if (sel->fd >= 0) {
                *ret_dev = sel->dev;
                *ret_ino = sel->ino;
                return 0;
        }
        if (stat("/proc/thread-self/ns/net", &s) < 0)
                return -errno;
        *ret_dev = s.st_dev;
        *ret_ino = s.st_ino;
        return 0;
}

static int state_new(dev_t dev, ino_t ino, struct nl_state **ret)
{
        struct nl_state *st = wn_zalloc(sizeof(*st));

        if (!st)
                return -ENOMEM;
        st->buf = wn_malloc(NL_BUF_SIZE);
        if (!st->buf) {
                wn_free(st);
                return -ENOMEM;
        }
        st->buf_size = NL_BUF_SIZE;
        st->ns_dev = dev;
        st->ns_ino = ino;
        st->fork_gen = __atomic_load_n(&fork_gen, __ATOMIC_RELAXED);
        st->pmtu_fd[0] = st->pmtu_fd[1] = -1;
        st->seq = (uint32_t)getpid() ^ ((uint32_t)(uintptr_t)st << 8);
        *ret = st;
        return 0;
}

int nl_state_get(struct nl_state **ret)
{
        struct nl_state *st = tls_state;
        dev_t dev = 0;
        ino_t ino = 0;
        int r;

        r = current_ns(&dev, &ino);
        if (r < 0)
                return r;
        if (st && st->ns_dev == dev && st->ns_ino == ino &&
            st->fork_gen == __atomic_load_n(&fork_gen, __ATOMIC_RELAXED)) {
                *ret = st;
                return 0;
        }
        pthread_once(&state_once, state_init_once);
        r = state_new(dev, ino, &st);
        if (r < 0)
                return r;
        if (tls_state)
                state_close(tls_state);
        tls_state = st;
        pthread_setspecific(state_key, st);
        *ret = st;
        return 0;
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
