/* port_env.h - the Linux side of the port tests: a namespace built and entered
 * for the calling thread, shell output as the namespace sees it, and UTF-16 to
 * UTF-8 for messages. The programs themselves are written as for Windows; only
 * this helper knows about tests/common/netns.h, jansson and iproute2. */
#ifndef WINNET_PORT_ENV_H
#define WINNET_PORT_ENV_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Creates a namespace for this program (exits 77 with the reason when it cannot),
 * runs `ip -batch` commands in it (may be NULL) and moves the calling thread into
 * it. Exits 1 with a message on failure. Deleted at exit. */
void port_netns_enter(const char *tag, const char *ip_batch);
/* Runs `ip -n NS <args>` in the namespace entered above. Returns its status. */
int port_netns_ip(const char *args);

/* The output of a shell command run in the namespace entered above (or in this
 * process's namespace before any), without the trailing newline; exits 1 when the
 * command fails. free() it. */
char *port_sh_output(const char *cmd);
/* Same, parsed as a decimal number. */
long long port_sh_number(const char *cmd);

/* s (UTF-16, NUL-terminated; NULL gives "(null)") as UTF-8 in buf. Returns buf. */
const char *port_utf8(const void *s, char *buf, size_t size);

/* `ip -j link show` in the namespace entered above: the number of links, and one
 * integer member of one link (-1 when absent). */
long long port_link_count(void);
long long port_link_int(const char *ifname, const char *key);

/* Waits (up to 5 s) until `ip -j link show dev ifname` in the namespace reports
 * `operstate` (e.g. "UP"): the kernel sets a link's operational state from its
 * link-watch work, some time after `ip link set up` returned. 0, or -1 on timeout. */
int port_wait_operstate(const char *ifname, const char *operstate);

/* Test verdicts: a failed check prints where and why and counts; port_exit returns
 * 1 when any check failed, 0 otherwise. */
extern int port_failures;
#define PORT_CHECK(cond, ...)                                 \
        do {                                                  \
                if (!(cond)) {                                \
                        port_fail(__FILE__, __LINE__, #cond); \
                        port_detail(__VA_ARGS__);             \
                }                                             \
        } while (0)
void port_fail(const char *file, int line, const char *cond);
void port_detail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int port_exit(const char *program);

#ifdef __cplusplus
}
#endif

#endif /* WINNET_PORT_ENV_H */
