/* netns.c - network namespaces for system tests (see netns.h): creation with a
 * unique name, commands inside them, the thread's setns in and out, sysctl reads
 * as the namespace sees them, and deletion at exit or on a crash. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "netns.h"

#define MAX_NAMESPACES 32

static char created[MAX_NAMESPACES][NETNS_NAME_MAX + 16]; /* /run/netns/<name> */
static int ncreated;
static int counter;

/* What `ip netns del` does, with async-signal-safe calls only. */
static void delete_path(const char *path)
{
        umount2(path, MNT_DETACH);
        unlink(path);
}

static void delete_all(void)
{
        int i;

        for (i = 0; i < ncreated; i++)
                if (created[i][0])
                        delete_path(created[i]);
        ncreated = 0;
}

static void on_fatal_signal(int sig)
{
        delete_all();
        signal(sig, SIG_DFL);
        raise(sig);
}

static void install_cleanup(void)
{
        static const int sigs[] = {SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTERM, SIGINT};
        static int done;
        size_t i;

        if (done++)
                return;
        atexit(delete_all);
        for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
                signal(sigs[i], on_fatal_signal);
}

/* Runs argv; with `out`, captures stdout (malloc'd). Returns the exit status. */
static int run_argv(char *const argv[], char **out, const char *input)
{
        int opipe[2] = {-1, -1}, ipipe[2] = {-1, -1}, status = -1;
        size_t len = 0, cap = 0;
        char *buf = NULL;
        pid_t pid;

        if ((out && pipe2(opipe, O_CLOEXEC) < 0) || (input && pipe2(ipipe, O_CLOEXEC) < 0))
                return -1;
        pid = fork();
        if (pid < 0) { /* waitpid(-1) below would reap any child */
                perror("netns: fork");
                if (out)
                        close(opipe[0]), close(opipe[1]);
                if (input)
                        close(ipipe[0]), close(ipipe[1]);
                return -1;
        }
        if (pid == 0) {
                if (out)
                        dup2(opipe[1], 1);
                if (input)
                        dup2(ipipe[0], 0);
                execvp(argv[0], argv);
                _exit(127);
        }
        if (out)
                close(opipe[1]);
        if (input) {
                close(ipipe[0]);
                if (write(ipipe[1], input, strlen(input)) < 0)
                        perror("netns: write");
                close(ipipe[1]);
        }
        while (out) {
                ssize_t n;

                if (len + 4096 + 1 > cap) {
                        cap = cap ? cap * 2 : 65536;
                        buf = realloc(buf, cap);
                        if (!buf) { /* a test helper: out of memory ends the test */
                                perror("netns: realloc");
                                abort();
                        }
                }
                n = read(opipe[0], buf + len, cap - len - 1);
                if (n <= 0)
                        break;
                len += (size_t)n;
        }
        if (out) {
                close(opipe[0]);
                buf[len] = '\0';
                while (len && buf[len - 1] == '\n')
                        buf[--len] = '\0';
                *out = buf;
        }
        waitpid(pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int run_shell(const char *cmd, char **out)
{
        char *argv[] = {"sh", "-c", (char *)cmd, NULL};
        int st = run_argv(argv, out, NULL);

        if (st != 0)
                fprintf(stderr, "netns: exit %d: %s\n", st, cmd);
        return st;
}

void netns_require(void)
{
        struct test_netns probe;

        if (geteuid() != 0) {
                printf("SKIP: system test needs root to create network namespaces\n");
                exit(77);
        }
        if (run_shell("command -v ip >/dev/null", NULL) != 0) {
                printf("SKIP: iproute2 (ip) is not installed\n");
                exit(77);
        }
        if (netns_create(&probe, "probe", true) < 0) {
                printf("SKIP: cannot create a network namespace here\n");
                exit(77);
        }
        netns_destroy(&probe);
}

const char *netns_program_tag(void)
{
        const char *n = program_invocation_short_name;

        return strncmp(n, "test_", 5) == 0 ? n + 5 : n;
}

int netns_create(struct test_netns *ns, const char *tag, bool lo_down)
{
        char cmd[256];

        if (ncreated == MAX_NAMESPACES)
                return -ENOSPC;
        install_cleanup();
        snprintf(ns->name, sizeof(ns->name), "wnt-%s-%d-%d", tag, (int)getpid(), counter++);
        snprintf(cmd, sizeof(cmd), "ip netns add %s", ns->name);
        if (run_shell(cmd, NULL) != 0)
                return -EPERM;
        snprintf(created[ncreated++], sizeof(created[0]), "/run/netns/%s", ns->name);
        ns->fd = open(created[ncreated - 1], O_RDONLY | O_CLOEXEC);
        if (ns->fd < 0)
                return -errno;
        if (!lo_down && netns_ip(ns, "link set lo up") != 0)
                return -EIO;
        return 0;
}

void netns_destroy(struct test_netns *ns)
{
        char path[NETNS_NAME_MAX + 16];
        int i;

        if (ns->fd >= 0)
                close(ns->fd);
        ns->fd = -1;
        snprintf(path, sizeof(path), "/run/netns/%s", ns->name);
        for (i = 0; i < ncreated; i++)
                if (!strcmp(created[i], path))
                        created[i][0] = '\0';
        delete_path(path);
}

static char *vformat(const char *prefix, const char *fmt, va_list ap)
{
        char *args = NULL, *cmd = NULL;

        if (vasprintf(&args, fmt, ap) < 0)
                return NULL;
        if (asprintf(&cmd, "%s%s", prefix, args) < 0)
                cmd = NULL;
        free(args);
        return cmd;
}

int netns_ip(const struct test_netns *ns, const char *fmt, ...)
{
        char prefix[NETNS_NAME_MAX + 16], *cmd;
        va_list ap;
        int st;

        snprintf(prefix, sizeof(prefix), "ip -n %s ", ns->name);
        va_start(ap, fmt);
        cmd = vformat(prefix, fmt, ap);
        va_end(ap);
        st = cmd ? run_shell(cmd, NULL) : -1;
        free(cmd);
        return st;
}

int netns_ip_batch(const struct test_netns *ns, const char *commands)
{
        char *argv[] = {"ip", "-n", (char *)ns->name, "-batch", "-", NULL};
        int st = run_argv(argv, NULL, commands);

        if (st != 0)
                fprintf(stderr, "netns: ip -batch failed with %d in %s\n", st, ns->name);
        return st;
}

static int sh_in(const struct test_netns *ns, const char *fmt, va_list ap, char **out)
{
        char *cmd = vformat("", fmt, ap);
        char *argv[] = {"ip", "netns", "exec", (char *)ns->name, "sh", "-c", cmd, NULL};
        int st;

        if (!cmd)
                return -1;
        st = run_argv(argv, out, NULL);
        if (st != 0)
                fprintf(stderr, "netns: exit %d in %s: %s\n", st, ns->name, cmd);
        free(cmd);
        return st;
}

int netns_sh(const struct test_netns *ns, const char *fmt, ...)
{
        va_list ap;
        int st;

        va_start(ap, fmt);
        st = sh_in(ns, fmt, ap, NULL);
        va_end(ap);
        return st;
}

char *netns_sh_output(const struct test_netns *ns, const char *fmt, ...)
{
        char *out = NULL;
        va_list ap;
        int st;

        va_start(ap, fmt);
        st = sh_in(ns, fmt, ap, &out);
        va_end(ap);
        if (st != 0) {
                free(out);
                return NULL;
        }
        return out;
}

static __thread int saved_ns = -1;

int netns_enter(const struct test_netns *ns)
{
        if (saved_ns >= 0)
                return -EBUSY;
        saved_ns = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        if (saved_ns < 0)
                return -errno;
        if (setns(ns->fd, CLONE_NEWNET) < 0) {
                int e = errno;

                close(saved_ns);
                saved_ns = -1;
                return -e;
        }
        return 0;
}

int netns_leave(void)
{
        int r = 0;

        if (saved_ns < 0)
                return -EINVAL;
        if (setns(saved_ns, CLONE_NEWNET) < 0)
                r = -errno;
        close(saved_ns);
        saved_ns = -1;
        return r;
}

/* Opens /proc/sys/<path> while the thread stands in the namespace. */
static int sysctl_open(const struct test_netns *ns, const char *path, int flags)
{
        char full[512];
        int self, fd, e = 0;

        snprintf(full, sizeof(full), "/proc/sys/%s", path);
        self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
        if (self < 0)
                return -errno;
        if (setns(ns->fd, CLONE_NEWNET) < 0) {
                e = errno;
                close(self);
                return -e;
        }
        fd = open(full, flags | O_CLOEXEC);
        if (fd < 0)
                e = errno;
        if (setns(self, CLONE_NEWNET) < 0)
                abort(); /* cannot return to our own namespace: nothing else is safe */
        close(self);
        return fd < 0 ? -e : fd;
}

int netns_sysctl_read(const struct test_netns *ns, const char *path, long *ret)
{
        char buf[64];
        int fd = sysctl_open(ns, path, O_RDONLY);
        ssize_t n;

        if (fd < 0)
                return fd;
        n = read(fd, buf, sizeof(buf) - 1);
        close(fd);
        if (n <= 0)
                return n < 0 ? -errno : -EIO;
        buf[n] = '\0';
        *ret = strtol(buf, NULL, 10);
        return 0;
}

int netns_sysctl_write(const struct test_netns *ns, const char *path, const char *value)
{
        int fd = sysctl_open(ns, path, O_WRONLY);
        ssize_t n;

        if (fd < 0)
                return fd;
        n = write(fd, value, strlen(value));
        close(fd);
        return n < 0 ? -errno : 0;
}

json_t *netns_links_json(const struct test_netns *ns)
{
        char *argv[] = {"ip", "-j", "-n", (char *)ns->name, "-d", "-s", "link", "show", NULL};
        json_error_t err;
        char *out = NULL;
        json_t *j;

        if (run_argv(argv, &out, NULL) != 0) {
                free(out);
                return NULL;
        }
        j = json_loads(out, 0, &err);
        if (!j)
                fprintf(stderr, "netns: bad JSON from ip: %s\n", err.text);
        free(out);
        return j;
}

json_t *netns_json_link(json_t *links, const char *ifname)
{
        size_t i;
        json_t *l;

        json_array_foreach(links, i, l)
        {
                const char *n = netns_json_str(l, "ifname");

                if (n && !strcmp(n, ifname))
                        return l;
        }
        return NULL;
}

long long netns_json_int(json_t *obj, const char *key, long long def)
{
        json_t *v = json_object_get(obj, key);

        return json_is_integer(v) ? json_integer_value(v) : def;
}

const char *netns_json_str(json_t *obj, const char *key)
{
        return json_string_value(json_object_get(obj, key));
}

bool netns_json_has_flag(json_t *link, const char *flag)
{
        json_t *flags = json_object_get(link, "flags"), *f;
        size_t i;

        json_array_foreach(flags, i, f)
        {
                if (json_is_string(f) && !strcmp(json_string_value(f), flag))
                        return true;
        }
        return false;
}
