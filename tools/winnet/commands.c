/* commands.c - the table of `winnet` subcommands, in the order --help lists them. */
#include <stddef.h>

#include "commands.h"

const char *winnet_default_command = "ipinterfaces";

const struct command winnet_commands[] = {
    {"info", "library version, host and network namespace", "", cmd_info},
    {"ipinterfaces", "per-family IP interface settings (GetIpInterfaceTable)", "[-4|-6]",
     cmd_ipinterfaces},
    {"interfaces", "network interfaces with state and counters (GetIfTable2)", "", cmd_interfaces},
    {"addresses", "IP addresses (GetUnicastIpAddressTable, or the anycast/multicast table)",
     "[--anycast|--multicast] [-4|-6]", cmd_addresses},
    {"routes", "routes of every routing table, one row per next hop (GetIpForwardTable2)",
     "[-4|-6]", cmd_routes},
    {"neighbors", "ARP and NDP neighbour caches (GetIpNetTable2)", "[-4|-6]", cmd_neighbors},
    {"stack", "interface layering: ports under masters, links over devices (GetIfStackTable)", "",
     cmd_stack},
    {"paths", "learned path MTUs and redirects (GetIpPathTable)", "[-4|-6]", cmd_paths},
    {"users", "user accounts (NetUserEnum)", "", cmd_users},
    {"groups", "groups, or the members of GROUP (NetGroupEnum, NetLocalGroupGetMembers)", "[GROUP]",
     cmd_groups},
    {"server", "this machine, or with --list the servers it sees (NetServerGetInfo, NetServerEnum)",
     "[--list]", cmd_server},
    {"sessions", "logged-on sessions (NetSessionEnum)", "", cmd_sessions},
    {"shares", "shared resources of Samba's configuration (NetShareEnum)", "", cmd_shares},
    {"watch", "interface, address and route changes as they happen (Notify*)",
     "[-4|-6] [--count N] [--timeout SECONDS]", cmd_watch},
    {NULL, NULL, NULL, NULL},
};
