/* main.c - the `winnet` command: global options, namespace selection and
 * dispatch to a subcommand. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "winerror.h"
#include "winnet.h"

#include "cli.h"

int cli_error(const char *fmt, ...)
{
        va_list ap;

        fputs("winnet: ", stderr);
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputc('\n', stderr);
        return 1;
}

const char *cli_win32_name(unsigned long code)
{
        switch (code) {
        case ERROR_FILE_NOT_FOUND:
                return "ERROR_FILE_NOT_FOUND";
        case ERROR_ACCESS_DENIED:
                return "ERROR_ACCESS_DENIED";
        case ERROR_NOT_ENOUGH_MEMORY:
                return "ERROR_NOT_ENOUGH_MEMORY";
        case ERROR_NOT_SUPPORTED:
                return "ERROR_NOT_SUPPORTED";
        case ERROR_INVALID_PARAMETER:
                return "ERROR_INVALID_PARAMETER";
        case ERROR_INSUFFICIENT_BUFFER:
                return "ERROR_INSUFFICIENT_BUFFER";
        case ERROR_INVALID_NAME:
                return "ERROR_INVALID_NAME";
        case ERROR_INVALID_LEVEL:
                return "ERROR_INVALID_LEVEL";
        case ERROR_MORE_DATA:
                return "ERROR_MORE_DATA";
        case ERROR_NOT_FOUND:
                return "ERROR_NOT_FOUND";
        case ERROR_GEN_FAILURE:
                return "ERROR_GEN_FAILURE";
        default:
                return NULL;
        }
}

int cli_api_error(const char *api, unsigned long code)
{
        const char *name = cli_win32_name(code);

        if (name)
                return cli_error("%s failed: %s (%lu)", api, name, code);
        return cli_error("%s failed: error %lu", api, code);
}

static void usage(FILE *out, const char *prog)
{
        const struct command *c;

        fprintf(out,
                "usage: %s [-n NETNS] [--json] [COMMAND [ARGS...]]\n"
                "\n"
                "Shows this host's network tables the way Windows' IP Helper and LAN Manager\n"
                "APIs return them, read from the live Linux kernel.\n"
                "\n"
                "options:\n"
                "  -n, --netns NAME   act inside the network namespace NAME (as `ip -n`)\n"
                "  -j, --json         print JSON instead of aligned text\n"
                "  -h, --help         this help; `%s COMMAND --help` for a command\n"
                "  -V, --version      print the version\n"
                "\n"
                "commands (default: %s):\n",
                prog, prog, winnet_default_command);
        for (c = winnet_commands; c->name; c++)
                fprintf(out, "  %-14s %s\n", c->name, c->summary);
}

static int enter_netns(const char *name)
{
        char path[PATH_MAX];
        int fd;

        if (strchr(name, '/'))
                snprintf(path, sizeof(path), "%s", name);
        else
                snprintf(path, sizeof(path), "/run/netns/%s", name);
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return cli_error("cannot open network namespace %s: %s", path, strerror(errno));
        if (setns(fd, CLONE_NEWNET) < 0) {
                close(fd);
                return cli_error("cannot enter network namespace %s: %s", path, strerror(errno));
        }
        close(fd);
        return 0;
}

static const struct command *find_command(const char *name)
{
        const struct command *c;

        for (c = winnet_commands; c->name; c++)
                if (!strcmp(c->name, name))
                        return c;
        return NULL;
}

int main(int argc, char **argv)
{
        struct cli cli = {.prog = "winnet"};
        const struct command *cmd;
        char **rest;
        int i, n = 0;

        rest = calloc((size_t)argc + 1, sizeof(*rest));
        if (!rest)
                return cli_error("out of memory");
        /* Global options may stand anywhere; everything else goes to the command. */
        for (i = 1; i < argc; i++) {
                const char *a = argv[i];

                if (!strcmp(a, "--json") || !strcmp(a, "-j")) {
                        cli.json = true;
                } else if (!strcmp(a, "-n") || !strcmp(a, "--netns")) {
                        if (++i == argc) {
                                free(rest);
                                return cli_error("%s needs a namespace name", a);
                        }
                        cli.netns = argv[i];
                } else if ((!strcmp(a, "-h") || !strcmp(a, "--help")) && n == 0) {
                        usage(stdout, cli.prog);
                        free(rest);
                        return 0;
                } else if ((!strcmp(a, "-V") || !strcmp(a, "--version")) && n == 0) {
                        printf("winnet %s\n", winnet_version());
                        free(rest);
                        return 0;
                } else {
                        rest[n++] = argv[i];
                }
        }
        if (n == 0)
                rest[n++] = (char *)winnet_default_command;
        cmd = find_command(rest[0]);
        if (!cmd) {
                cli_error("unknown command '%s'", rest[0]);
                usage(stderr, cli.prog);
                free(rest);
                return 2;
        }
        for (i = 1; i < n; i++)
                if (!strcmp(rest[i], "--help") || !strcmp(rest[i], "-h")) {
                        printf("usage: %s [-n NETNS] [--json] %s %s\n%s\n", cli.prog, cmd->name,
                               cmd->usage ? cmd->usage : "", cmd->summary);
                        free(rest);
                        return 0;
                }
        if (cli.netns && enter_netns(cli.netns)) {
                free(rest);
                return 1;
        }
        i = cmd->run(&cli, n, rest);
        free(rest);
        return i;
}
