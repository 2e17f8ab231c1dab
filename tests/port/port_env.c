/* port_env.c - the namespace, shell and message helpers of the port tests
 * (port_env.h), over tests/common/netns.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "netns.h"
#include "port_env.h"

int port_failures;

static struct test_netns ns;
static int entered;

void port_netns_enter(const char *tag, const char *ip_batch)
{
        netns_require();
        if (netns_create(&ns, tag, false) != 0) {
                fprintf(stderr, "FAIL: cannot create the %s namespace\n", tag);
                exit(1);
        }
        if (ip_batch && netns_ip_batch(&ns, ip_batch) != 0) {
                fprintf(stderr, "FAIL: cannot build the topology:\n%s\n", ip_batch);
                exit(1);
        }
        if (netns_enter(&ns) != 0) {
                fprintf(stderr, "FAIL: cannot enter namespace %s\n", ns.name);
                exit(1);
        }
        entered = 1;
}

int port_netns_ip(const char *args)
{
        return netns_ip(&ns, "%s", args);
}

char *port_sh_output(const char *cmd)
{
        char *out = NULL;

        if (entered) {
                out = netns_sh_output(&ns, "%s", cmd);
        } else {
                FILE *p = popen(cmd, "r");
                size_t len = 0;
                char *line = NULL;

                if (p && getdelim(&line, &len, '\0', p) >= 0)
                        out = line;
                else
                        free(line);
                if (p && pclose(p) != 0) {
                        free(out);
                        out = NULL;
                }
                if (out && (len = strlen(out)) > 0 && out[len - 1] == '\n')
                        out[len - 1] = '\0';
        }
        if (!out) {
                fprintf(stderr, "FAIL: command failed: %s\n", cmd);
                exit(1);
        }
        return out;
}

long long port_sh_number(const char *cmd)
{
        char *out = port_sh_output(cmd), *end;
        long long v = strtoll(out, &end, 10);

        if (end == out || *end) {
                fprintf(stderr, "FAIL: `%s` printed \"%s\", not a number\n", cmd, out);
                exit(1);
        }
        free(out);
        return v;
}

long long port_link_count(void)
{
        json_t *links = netns_links_json(&ns);
        long long n = links ? (long long)json_array_size(links) : -1;

        json_decref(links);
        return n;
}

long long port_link_int(const char *ifname, const char *key)
{
        json_t *links = netns_links_json(&ns);
        long long v = netns_json_int(netns_json_link(links, ifname), key, -1);

        json_decref(links);
        return v;
}

int port_wait_operstate(const char *ifname, const char *operstate)
{
        struct timespec pause = {0, 100 * 1000 * 1000};
        char cmd[128], want[64];
        int tries;

        snprintf(cmd, sizeof(cmd), "ip -j link show dev %s", ifname);
        snprintf(want, sizeof(want), "\"operstate\":\"%s\"", operstate);
        for (tries = 0; tries < 50; tries++) {
                char *out = port_sh_output(cmd);
                int found = strstr(out, want) != NULL;

                free(out);
                if (found)
                        return 0;
                nanosleep(&pause, NULL);
        }
        return -1;
}

const char *port_utf8(const void *str, char *buf, size_t size)
{
        const uint16_t *s = (const uint16_t *)str;
        size_t n = 0;

        if (!s) {
                snprintf(buf, size, "(null)");
                return buf;
        }
        for (; *s && n + 5 < size; s++) {
                uint32_t c = *s;

                if (c >= 0xd800 && c < 0xdc00 && s[1] >= 0xdc00 && s[1] < 0xe000) {
                        c = 0x10000 + ((c - 0xd800) << 10) + (s[1] - 0xdc00);
                        s++;
                }
                if (c < 0x80) {
                        buf[n++] = (char)c;
                } else if (c < 0x800) {
                        buf[n++] = (char)(0xc0 | c >> 6);
                        buf[n++] = (char)(0x80 | (c & 0x3f));
                } else if (c < 0x10000) {
                        buf[n++] = (char)(0xe0 | c >> 12);
                        buf[n++] = (char)(0x80 | (c >> 6 & 0x3f));
                        buf[n++] = (char)(0x80 | (c & 0x3f));
                } else {
                        buf[n++] = (char)(0xf0 | c >> 18);
                        buf[n++] = (char)(0x80 | (c >> 12 & 0x3f));
                        buf[n++] = (char)(0x80 | (c >> 6 & 0x3f));
                        buf[n++] = (char)(0x80 | (c & 0x3f));
                }
        }
        buf[n] = '\0';
        return buf;
}

void port_fail(const char *file, int line, const char *cond)
{
        fprintf(stderr, "FAIL %s:%d: %s\n", file, line, cond);
        port_failures++;
}

void port_detail(const char *fmt, ...)
{
        va_list ap;

        fputs("    ", stderr);
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputc('\n', stderr);
}

int port_exit(const char *program)
{
        if (port_failures) {
                fprintf(stderr, "%s: %d check(s) failed\n", program, port_failures);
                return 1;
        }
        printf("%s: all checks passed\n", program);
        return 0;
}
