/* fixture.h - the private world the NetApi tests and benchmarks run in: a mount
 * and UTS namespace of their own, with generated passwd, group, nsswitch.conf and
 * utmp files bound over the host's (which are never modified), a tmpfs on /run
 * (no nscd, no D-Bus, so no Avahi daemon is reachable and nothing is sent), and a
 * known host name. */
#ifndef WINNET_TEST_NETAPI_FIXTURE_H
#define WINNET_TEST_NETAPI_FIXTURE_H

#include <stddef.h>

#define FIXTURE_USERS       10000
#define FIXTURE_BIG_GROUP   "big"
#define FIXTURE_BIG_MEMBERS 5000
#define FIXTURE_HOSTNAME    "winnet-netapi-test-host"
#define FIXTURE_NETBIOS     "WINNET-NETAPI-T"
#define FIXTURE_DIR         "/run/winnet-test"
#define FIXTURE_BIN         FIXTURE_DIR "/bin"

/* Enters the namespace and writes the files (users: how many generated users).
 * Exits 77 with a reason on stderr when namespaces are not available. */
void fixture_enter(size_t users);

/* Binds a passwd with only the first n generated users over /etc/passwd (for the
 * fault-injection walks); fixture_full_passwd() puts the full one back. */
void fixture_small_passwd(size_t n);
void fixture_full_passwd(void);

/* Binds a file holding text over path (/etc/passwd, /etc/group) until
 * fixture_unbind(path). Binds stack: unbinding brings back what was there before,
 * so a test can change the database between two calls and restore it. */
void fixture_bind_text(const char *path, const char *text);
void fixture_unbind(const char *path);
/* Undoes every fixture_bind_text still in place (a cmocka teardown: always 0). */
int fixture_unbind_all(void **state);

/* Replaces utmp with n records; fixture_default_utmp() writes the fixture's own. */
struct utmpx;
void fixture_utmp(const struct utmpx *u, size_t n);
void fixture_default_utmp(void);

/* Name of generated user i (UTF-8): some are non-ASCII, one in ten has an empty
 * GECOS field. */
const char *fixture_user_name(size_t i, char *buf, size_t cap);

/* Writes an executable script to FIXTURE_BIN/name with the given body. */
void fixture_tool(const char *name, const char *script);
/* Removes it again. */
void fixture_tool_remove(const char *name);

/* Runs a shell command in the namespace; its output, malloc'd (NULL on failure). */
char *fixture_run(const char *cmd);

#endif /* WINNET_TEST_NETAPI_FIXTURE_H */
