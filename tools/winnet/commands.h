/* commands.h - the entry point of every subcommand (one file each: cmd_<name>.c). */
#ifndef WINNET_COMMANDS_H
#define WINNET_COMMANDS_H

#include "cli.h"

int cmd_info(struct cli *cli, int argc, char **argv);
int cmd_interfaces(struct cli *cli, int argc, char **argv);
int cmd_ipinterfaces(struct cli *cli, int argc, char **argv);
int cmd_users(struct cli *cli, int argc, char **argv);
int cmd_groups(struct cli *cli, int argc, char **argv);
int cmd_server(struct cli *cli, int argc, char **argv);
int cmd_sessions(struct cli *cli, int argc, char **argv);
int cmd_shares(struct cli *cli, int argc, char **argv);
int cmd_addresses(struct cli *cli, int argc, char **argv);
int cmd_routes(struct cli *cli, int argc, char **argv);
int cmd_neighbors(struct cli *cli, int argc, char **argv);
int cmd_stack(struct cli *cli, int argc, char **argv);
int cmd_paths(struct cli *cli, int argc, char **argv);
int cmd_watch(struct cli *cli, int argc, char **argv);

#endif /* WINNET_COMMANDS_H */
