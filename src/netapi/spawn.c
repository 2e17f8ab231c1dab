/* spawn.c - runs a helper tool of the host (Samba's testparm, Avahi's avahi-browse)
 * and collects its standard output. posix_spawnp: safe in threaded callers, no
 * handlers run in the child. The child gets /dev/null for stdin and stderr and is
 * killed when it outlives its time limit. The tools are optional: one that is not
 * installed or does not answer is absent, not an error; one that cannot be started
 * (no file descriptors or processes left) is an error. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "netapi_int.h"

extern char **environ;

static long now_ms(void)
{
        struct timespec ts;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static int start(const char *const argv[], int out_fd, pid_t *pid)
{
        posix_spawn_file_actions_t fa;
        int r;

        if (posix_spawn_file_actions_init(&fa))
                return -ENOMEM;
        r = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        r = r ? r : posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
        r = r ? r : posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
        r = r ? r : posix_spawnp(pid, argv[0], &fa, NULL, (char *const *)argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        return -r;
}

/* Appends what fd has to *buf; 1 at end of file, 0 for more, -errno. */
static int read_some(int fd, char **buf, size_t *len, size_t *cap)
{
        ssize_t n;

        if (*cap - *len < 4096) {
                char *p = wn_realloc(*buf, *cap * 2);

                if (!p)
                        return -ENOMEM;
                *buf = p;
                *cap *= 2;
        }
        n = read(fd, *buf + *len, *cap - *len - 1);
        if (n < 0)
                return errno == EINTR || errno == EAGAIN ? 0 : -errno;
        *len += (size_t)n;
        return n == 0;
}

static int collect(int fd, int timeout_ms, char **buf, size_t *len)
{
        long deadline = now_ms() + timeout_ms;
        size_t cap = 8192;
        int r = 0;

        *buf = wn_malloc(cap);
        if (!*buf)
                return -ENOMEM;
        while (r == 0) {
                struct pollfd p = {.fd = fd, .events = POLLIN};
                long left = deadline - now_ms();

                if (left <= 0)
                        return -ETIMEDOUT;
                int n = poll(&p, 1, (int)left);

                if (n < 0 && errno != EINTR)
                        return -errno;
                if (n > 0)
                        r = read_some(fd, buf, len, &cap);
        }
        (*buf)[*len] = '\0';
        return r < 0 ? r : 0;
}

static void reap(pid_t pid, int kill_it)
{
        if (kill_it)
                kill(pid, SIGKILL);
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
                ;
}

/* -ENOENT when the tool is not installed, -ETIMEDOUT when it did not finish in time. */
static int spawn_capture(const char *const argv[], int timeout_ms, char **ret_out)
{
        char *buf = NULL;
        size_t len = 0;
        int fds[2], r;
        pid_t pid;

        if (pipe2(fds, O_CLOEXEC) < 0)
                return -errno;
        r = start(argv, fds[1], &pid);
        close(fds[1]);
        if (r < 0) {
                close(fds[0]);
                return r; /* -ENOENT: the tool is not installed */
        }
        r = collect(fds[0], timeout_ms, &buf, &len);
        close(fds[0]);
        reap(pid, r < 0);
        if (r < 0) {
                wn_free(buf);
                return r;
        }
        *ret_out = buf;
        return 0;
}

int spawn_tool(const char *const argv[], int timeout_ms, char **ret_out)
{
        int r;

        *ret_out = NULL;
        r = spawn_capture(argv, timeout_ms, ret_out);
        /* EACCES: found but not executable, or in no PATH directory we may search
         * (execvp's answer for a missing tool too, when PATH has such a directory). */
        if (r == -ENOENT || r == -EACCES || r == -ETIMEDOUT)
                return 0;
        return r;
}
