/* cmd_info.c - `winnet info`: the library version, this host and the network
 * namespace the tables are read from. */
#include <limits.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "winnet.h"

#include "cli.h"

static const struct column cols[] = {
    {"version", COL_STR, true, false},   {"host", COL_STR, true, false},
    {"kernel", COL_STR, true, false},    {"netns", COL_STR, true, false},
    {"netns_id", COL_STR, false, false}, {"verifier", COL_U64, true, true},
};

int cmd_info(struct cli *cli, int argc, char **argv)
{
        struct table *t = table_new(cols, sizeof(cols) / sizeof(cols[0]));
        char ns[PATH_MAX];
        struct utsname u;
        ssize_t n;

        (void)argc;
        (void)argv;
        if (!t || table_row(t) < 0) {
                table_free(t);
                return cli_error("out of memory");
        }
        uname(&u);
        n = readlink("/proc/self/ns/net", ns, sizeof(ns) - 1);
        ns[n > 0 ? n : 0] = '\0';
        table_str(t, 0, winnet_version());
        table_str(t, 1, u.nodename);
        table_str(t, 2, u.release);
        table_str(t, 3, cli->netns ? cli->netns : ns);
        table_str(t, 4, ns); /* the namespace this process really reads */
        table_u64(t, 5, winnet_verifier_options());
        return table_print(t, cli, stdout);
}
