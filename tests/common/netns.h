/* netns.h - network namespaces for system tests: create a uniquely named one
 * (`ip netns add`), build a topology in it with `ip -n` / `ip -batch`, enter it
 * from the calling thread, read its sysctls and its `ip -j -d -s link` view, and
 * delete it at exit even when the test fails or crashes. Tests that cannot create
 * a namespace (not root, no iproute2) exit 77 with the reason.
 *
 * Link the `winnet_test_netns` library (tests/common/CMakeLists.txt). */
#ifndef WINNET_TEST_NETNS_H
#define WINNET_TEST_NETNS_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#define NETNS_NAME_MAX 64

struct test_netns {
        char name[NETNS_NAME_MAX]; /* under /run/netns */
        int fd;                    /* open descriptor of the namespace */
};

/* Exits 77 (skip) with a reason unless this process can create namespaces. */
void netns_require(void);

/* Creates "wnt-<tag>-<pid>-<n>" and brings its loopback up (unless `lo_down`).
 * Deleted automatically at exit; netns_destroy deletes it earlier. 0 or -errno. */
/* A tag for the namespaces of this test program: its name without "test_". */
const char *netns_program_tag(void);
int netns_create(struct test_netns *ns, const char *tag, bool lo_down);
void netns_destroy(struct test_netns *ns);

/* Runs `ip -n NS <args>` (args is a shell word list, printf-style). Returns the
 * exit status; the command and its stderr are printed on failure. */
int netns_ip(const struct test_netns *ns, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Runs `ip -n NS -force -batch -` with `commands` (one ip command per line). */
int netns_ip_batch(const struct test_netns *ns, const char *commands);
/* Runs a shell command inside the namespace (`ip netns exec NS sh -c ...`). */
int netns_sh(const struct test_netns *ns, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Output of a shell command inside the namespace, NUL-terminated and without the
 * trailing newline; NULL when it failed. free() it. */
char *netns_sh_output(const struct test_netns *ns, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Moves the calling thread into the namespace / back to where it was. Pairs may
 * not nest. 0 or -errno. */
int netns_enter(const struct test_netns *ns);
int netns_leave(void);

/* Reads a /proc/sys file as the namespace sees it (the thread enters it for the
 * open). `path` is relative to /proc/sys, e.g. "net/ipv6/conf/eth0/mtu". Returns
 * 0 and the value, -ENOENT when the file does not exist, or -errno. */
int netns_sysctl_read(const struct test_netns *ns, const char *path, long *ret);
/* Writes a /proc/sys file inside the namespace. 0 or -errno. */
int netns_sysctl_write(const struct test_netns *ns, const char *path, const char *value);

/* `ip -j -n NS -d -s link show` parsed: an array of link objects. json_decref it. */
json_t *netns_links_json(const struct test_netns *ns);
/* The object of `ifname` in such an array (borrowed), or NULL. */
json_t *netns_json_link(json_t *links, const char *ifname);
/* Convenience accessors: a missing key gives `def`. */
long long netns_json_int(json_t *obj, const char *key, long long def);
const char *netns_json_str(json_t *obj, const char *key);
/* Whether the link's "flags" array holds `flag` ("UP", "LOWER_UP", ...). */
bool netns_json_has_flag(json_t *link, const char *flag);

#endif /* WINNET_TEST_NETNS_H */
