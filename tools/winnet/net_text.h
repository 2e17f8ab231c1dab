/* net_text.h - what the IP Helper commands share: interface names by index (one
 * GetIfTable2Ex), socket addresses and link-layer addresses as text, and the -4/-6
 * option. */
#ifndef WINNET_CLI_NET_TEXT_H
#define WINNET_CLI_NET_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "iphlpapi.h"

#include "cli.h"

/* Index -> alias for every interface; a name falls back to the index when the
 * table could not be read or does not have it. */
struct ifnames {
        PMIB_IF_TABLE2 table;
};
void ifnames_load(struct ifnames *n);
const char *ifnames_get(const struct ifnames *n, NET_IFINDEX index, char *buf, size_t cap);
void ifnames_free(struct ifnames *n);

/* "192.0.2.1", "fe80::1": the address without its scope; "" for AF_UNSPEC. */
const char *ipaddr_text(const SOCKADDR_INET *a, char *buf, size_t cap);
/* The same with an IPv6 scope: "fe80::1%3". */
const char *sockaddr_text(const SOCKADDR_INET *a, char *buf, size_t cap);
/* "aa:bb:cc:dd:ee:ff", "" for none. */
const char *lladdr_text(const UCHAR *addr, ULONG len, char *buf, size_t cap);

/* True for "-4" and "-6", after setting *ret_family; false for any other arg. */
bool family_flag(const char *arg, ADDRESS_FAMILY *ret_family);
/* Parses [-4|-6] plus the flags in `extra` (NULL-terminated names; *hits[i] is set
 * when extra[i] is given). Returns 0, or 2 after printing an error. */
int parse_family_opts(const char *cmd, int argc, char **argv, ADDRESS_FAMILY *ret,
                      const char *const *extra, int *hits);

/* How one MIB table is shown: its rows start at `rows_at` (offsetof(TABLE, Table))
 * after the ULONG NumEntries and are `row_size` bytes apart; put() fills one
 * output row from one MIB row. */
struct mib_view {
        const char *api; /* the call, for its error message */
        const struct column *cols;
        size_t ncols;
        size_t rows_at, row_size;
        void (*put)(struct table *t, const void *row, const struct ifnames *names);
};

/* Prints `mib` as `api` returned it with `err` (ERROR_NOT_FOUND: an empty table)
 * and frees it. Returns the command's exit code. */
int print_mib_table(struct cli *cli, const struct mib_view *v, DWORD err, void *mib,
                    const struct ifnames *names);

#endif /* WINNET_CLI_NET_TEXT_H */
