/* commands.c - the table of `winnet` subcommands, in the order --help lists them. */
#include <stddef.h>

#include "commands.h"

const char *winnet_default_command = "info";

const struct command winnet_commands[] = {
    {"info", "library version, host and network namespace", "", cmd_info},
    {NULL, NULL, NULL, NULL},
};
