/* fixture.c - see fixture.h. Everything is written inside the namespace's own tmpfs
 * on /run and bound over the host's paths there; the host's files stay untouched. */
#include "fixture.h"

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <utmpx.h>

static void die(const char *what)
{
        fprintf(stderr, "fixture: %s: %s\n", what, strerror(errno));
        exit(1);
}

static void skip(const char *why)
{
        fprintf(stderr, "SKIP: %s (%s): the NetApi tests need a private mount namespace\n", why,
                strerror(errno));
        exit(77);
}

const char *fixture_user_name(size_t i, char *buf, size_t cap)
{
        if (i % 97 == 5)
                snprintf(buf, cap, "j\xc3\xbcrgen%zu", i); /* jürgen */
        else if (i % 101 == 7)
                snprintf(buf, cap, "\xe3\x83\xa6\xe3\x83\xbc\xe3\x82\xb6%zu", i); /* ユーザ */
        else if (i % 499 == 11)
                snprintf(buf, cap, "emoji\xf0\x9f\x98\x80%zu", i); /* a surrogate pair */
        else
                snprintf(buf, cap, "user%05zu", i);
        return buf;
}

static void write_passwd(const char *path, size_t users)
{
        FILE *f = fopen(path, "w");
        char name[64];
        size_t i;

        if (!f)
                die(path);
        fprintf(f, "root:x:0:0:root:/root:/bin/bash\n");
        fprintf(f, "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        fprintf(f, "ws01$:x:20000:20000:Workstation:/nonexistent:/bin/false\n");
        for (i = 0; i < users; i++) {
                fixture_user_name(i, name, sizeof(name));
                if (i % 10 == 3)
                        fprintf(f, "%s:x:%zu:%zu::/home/%s:/bin/bash\n", name, 1000 + i,
                                1000 + i % 50, name);
                else
                        fprintf(
                            f, "%s:x:%zu:%zu:Full N\xc3\xa4me %zu,Room %zu,555-%zu,,:/home/%s:%s\n",
                            name, 1000 + i, 1000 + i % 50, i, i, i, name,
                            i % 7 == 0 ? "/usr/sbin/nologin" : "/bin/bash");
        }
        if (fclose(f))
                die(path);
}

static void write_group(const char *path, size_t users)
{
        FILE *f = fopen(path, "w");
        char name[64];
        size_t i;

        if (!f)
                die(path);
        fprintf(f, "root:x:0:\nnogroup:x:65534:\n");
        fprintf(f, "%s:x:500:", FIXTURE_BIG_GROUP);
        for (i = 0; i < FIXTURE_BIG_MEMBERS && i < users; i++)
                fprintf(f, "%s%s", i ? "," : "", fixture_user_name(i, name, sizeof(name)));
        fprintf(f, "\nmixed:x:501:root,ghost,%s\n", fixture_user_name(5, name, sizeof(name)));
        fprintf(f, "\xc3\xa9migr\xc3\xa9s:x:502:%s\n", fixture_user_name(7, name, sizeof(name)));
        fprintf(f, "empty:x:503:\n");
        for (i = 0; i < 50; i++)
                fprintf(f, "team%02zu:x:%zu:\n", i, 1000 + i);
        if (fclose(f))
                die(path);
}

static void utmp_entry(FILE *f, short type, const char *user, const char *line, const char *host,
                       time_t when)
{
        struct utmpx u;

        memset(&u, 0, sizeof(u));
        u.ut_type = type;
        u.ut_pid = 1000 + (pid_t)when % 1000;
        strncpy(u.ut_line, line, sizeof(u.ut_line));
        strncpy(u.ut_user, user, sizeof(u.ut_user));
        strncpy(u.ut_host, host, sizeof(u.ut_host));
        u.ut_tv.tv_sec = (int32_t)when;
        fwrite(&u, sizeof(u), 1, f);
}

static void write_utmp(const char *path)
{
        FILE *f = fopen(path, "w");
        time_t now = time(NULL);

        if (!f)
                die(path);
        utmp_entry(f, BOOT_TIME, "reboot", "~", "", now - 10000);
        utmp_entry(f, LOGIN_PROCESS, "LOGIN", "tty2", "", now - 9000);
        utmp_entry(f, USER_PROCESS, "user00001", "pts/0", "10.0.0.5", now - 3600);
        utmp_entry(f, USER_PROCESS, "j\xc3\xbcrgen5", "tty1", "", now - 600);
        utmp_entry(f, USER_PROCESS, "user00002", "pts/1", "client.example", now - 60);
        utmp_entry(f, DEAD_PROCESS, "", "pts/2", "", now - 30);
        if (fclose(f))
                die(path);
}

static void write_file(const char *path, const char *text)
{
        FILE *f = fopen(path, "w");

        if (!f || fputs(text, f) < 0 || fclose(f))
                die(path);
}

static void bind(const char *src, const char *dst)
{
        if (mount(src, dst, "none", MS_BIND, NULL) < 0)
                die(dst);
}

static size_t fixture_users;

/* The binds of fixture_bind_text, newest last, so a failed test's can be undone. */
static const char *bound[64];
static size_t nbound;

void fixture_bind_text(const char *path, const char *text)
{
        static unsigned serial;
        char file[256];

        if (nbound == sizeof(bound) / sizeof(bound[0])) {
                errno = ENOSPC;
                die("fixture_bind_text");
        }
        /* a new file each time: a bound file may still be visible under another bind */
        snprintf(file, sizeof(file), "%s/bound.%u", FIXTURE_DIR, serial++);
        write_file(file, text);
        bind(file, path);
        bound[nbound++] = path;
}

void fixture_unbind(const char *path)
{
        size_t i = nbound;

        while (i > 0 && strcmp(bound[i - 1], path))
                i--;
        if (i == 0 || umount2(path, 0) < 0)
                die(path);
        memmove(&bound[i - 1], &bound[i], (nbound - i) * sizeof(bound[0]));
        nbound--;
}

int fixture_unbind_all(void **state)
{
        (void)state;
        while (nbound)
                fixture_unbind(bound[nbound - 1]);
        return 0;
}

void fixture_utmp(const struct utmpx *u, size_t n)
{
        FILE *f = fopen("/var/run/utmp", "w");

        if (!f || fwrite(u, sizeof(*u), n, f) != n || fclose(f))
                die("/var/run/utmp");
}

void fixture_default_utmp(void)
{
        write_utmp("/var/run/utmp");
}

void fixture_small_passwd(size_t n)
{
        write_passwd(FIXTURE_DIR "/passwd.small", n);
        bind(FIXTURE_DIR "/passwd.small", "/etc/passwd");
}

void fixture_full_passwd(void)
{
        if (umount2("/etc/passwd", 0) < 0)
                die("umount /etc/passwd");
}

void fixture_tool(const char *name, const char *script)
{
        char path[256];

        snprintf(path, sizeof(path), "%s/%s", FIXTURE_BIN, name);
        write_file(path, script);
        if (chmod(path, 0755) < 0)
                die(path);
}

void fixture_tool_remove(const char *name)
{
        char path[256];

        snprintf(path, sizeof(path), "%s/%s", FIXTURE_BIN, name);
        unlink(path);
}

char *fixture_run(const char *cmd)
{
        FILE *p = popen(cmd, "r");
        size_t len = 0, cap = 1 << 16;
        char *buf = malloc(cap);
        size_t n;

        if (!p || !buf)
                return NULL;
        while ((n = fread(buf + len, 1, cap - len - 1, p)) > 0) {
                len += n;
                if (cap - len < 4096)
                        buf = realloc(buf, cap *= 2);
        }
        buf[len] = '\0';
        if (pclose(p) != 0) {
                free(buf);
                return NULL;
        }
        return buf;
}

static void private_run(void)
{
        struct stat st;

        if (mount("tmpfs", "/run", "tmpfs", 0, "mode=0755") < 0)
                die("tmpfs on /run");
        /* utmp lives in /var/run: normally a link to /run; otherwise cover it too. */
        if (lstat("/var/run", &st) == 0 && !S_ISLNK(st.st_mode) &&
            mount("tmpfs", "/var/run", "tmpfs", 0, "mode=0755") < 0)
                die("tmpfs on /var/run");
        if (mkdir(FIXTURE_DIR, 0755) < 0 || mkdir(FIXTURE_BIN, 0755) < 0)
                die(FIXTURE_DIR);
}

void fixture_enter(size_t users)
{
        char path[512];

        if (unshare(CLONE_NEWNS | CLONE_NEWUTS) < 0)
                skip("unshare(CLONE_NEWNS | CLONE_NEWUTS)");
        if (mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) < 0)
                skip("making / private");
        if (sethostname(FIXTURE_HOSTNAME, strlen(FIXTURE_HOSTNAME)) < 0)
                die("sethostname");
        private_run();
        fixture_users = users;
        write_passwd(FIXTURE_DIR "/passwd", users);
        write_group(FIXTURE_DIR "/group", users);
        write_file(FIXTURE_DIR "/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files\n");
        write_utmp("/var/run/utmp");
        bind(FIXTURE_DIR "/passwd", "/etc/passwd");
        bind(FIXTURE_DIR "/group", "/etc/group");
        bind(FIXTURE_DIR "/nsswitch.conf", "/etc/nsswitch.conf");
        /* No system bus: avahi-browse, if installed, cannot reach a daemon. */
        setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" FIXTURE_DIR "/no-bus", 1);
        snprintf(path, sizeof(path), "%s:%s", FIXTURE_BIN,
                 getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
        setenv("PATH", path, 1);
}
