/* tables.h - the address, route, neighbour, stack and path tables (GetUnicast-
 * IpAddressTable ... GetIpPathTable): the shared table runner, the link map that
 * gives every record its LUID, the row converters and the APIs, each implemented
 * once and returning 0 or -errno (mapped at api_user_tables.c/api_kernel_tables.c). */
#ifndef WINNET_IPHLP_TABLES_H
#define WINNET_IPHLP_TABLES_H

#include "iphlp.h"
#include "table_build.h"

/* ---- link map (link_map.c): ifindex -> LUID type and MTU, from one brief dump ---- */
struct link_map_entry {
        uint32_t ifindex;
        IFTYPE type;
        uint32_t mtu;
        bool speed_known; /* speed was asked for in this call (path table) */
        uint64_t speed;   /* bits per second, IF_SPEED_UNKNOWN when the device has none */
};

struct link_map {
        struct link_map_entry *e; /* sorted by ifindex */
        size_t n, cap;
        bool sorted;
};

int link_map_load(struct link_map *m);
struct link_map_entry *link_map_find(const struct link_map *m, uint32_t ifindex);
void link_map_free(struct link_map *m);
/* IfType of a link-layer type, as GetIfTable2 reports it. */
IFTYPE link_type_of(uint16_t arphrd);

/* ---- table runner (table_run.c) ----
 * Loads the link map, runs the walk into the table being built, and repeats both
 * when a record named a link the map does not have (a link created in between);
 * the last try drops such records. Applies the empty-table rule: no rows is
 * -ENOENT, except for AF_INET6 (an empty table then). */
struct tbl {
        struct table_build b;
        struct link_map links;
        bool missing;       /* a record named an unknown link in this try */
        bool need_links;    /* load the link map (every table but the stack tables) */
        NET_LUID last_luid; /* the last lookup, 0 when none */
        uint32_t last_ifindex;
};

#define TBL_INIT(table_type, row_type, hint, site)                                           \
        {                                                                                    \
                {NULL, offsetof(table_type, Table), sizeof(row_type), 0, 0, (hint), (site)}, \
                    {NULL, 0, 0, true}, false, true, {0}, 0                                  \
        }

/* The same for a table known by its sizes: header = offsetof(TABLE, Table). */
#define TBL_INIT_SIZES(header, row_size, hint, site)                                           \
        {                                                                                      \
                {NULL, (header), (row_size), 0, 0, (hint), (site)}, {NULL, 0, 0, true}, false, \
                    true, {0}, 0                                                               \
        }

/* The walk: resets t->b.n in its begin() and adds rows with tbl_next. */
typedef int (*tbl_walk_fn)(struct tbl *t, void *ctx);

/* Validates ret (NULL -> -EINVAL) and family (when check_family), builds the table
 * and hands it over in *ret (NULL on failure). */
int tbl_run(struct tbl *t, ADDRESS_FAMILY family, bool check_family, void **ret, tbl_walk_fn walk,
            void *ctx);
/* The LUID of a record's link; false when the link map lacks it (skip the row). */
bool tbl_luid(struct tbl *t, uint32_t ifindex, NET_LUID *ret);
/* The next row slot (uninitialised: the row fillers clear it); NULL when memory
 * ran out. */
void *tbl_next(struct tbl *t);
/* Resets the rows for a (re)started walk. */
static inline int tbl_begin(struct tbl *t)
{
        t->b.n = 0;
        return 0;
}

bool family_valid(ADDRESS_FAMILY f);

/* ---- conversions (addr_convert.c) ---- */
/* A SOCKADDR_INET of `family` holding `addr` (4 or 16 bytes); IPv6 link- and
 * interface-scoped addresses carry `ifindex` as sin6_scope_id. */
void sockaddr_inet_set(SOCKADDR_INET *out, int family, const uint8_t *addr, uint32_t ifindex);
/* The raw address bytes of a SOCKADDR_INET (16 or 4), or NULL for another family. */
const uint8_t *sockaddr_inet_bytes(const SOCKADDR_INET *a);
/* Whether an IPv6 address is scoped to a link or interface (fe80::/10, ff01::/16,
 * ff02::/16): its zone is the interface. */
bool ipv6_zoned(const uint8_t *a);
/* Boot-relative hundredths of a second to a FILETIME (100 ns since 1601). */
struct boot_clock {
        int64_t real_100ns; /* now, FILETIME */
        uint32_t boot_cs;   /* now, hundredths of a second since boot */
};
void boot_clock_now(struct boot_clock *c);
int64_t boot_clock_filetime(const struct boot_clock *c, uint32_t stamp_cs);

/* ---- rows ---- */
void unicast_row_fill(MIB_UNICASTIPADDRESS_ROW *row, const struct prov_addr *a, NET_LUID luid,
                      const struct boot_clock *clk);
void anycast_row_fill(MIB_ANYCASTIPADDRESS_ROW *row, const struct prov_addr *a, NET_LUID luid);
void multicast_row_fill(MIB_MULTICASTIPADDRESS_ROW *row, const struct prov_addr *a, NET_LUID luid);
void forward_row_fill(MIB_IPFORWARD_ROW2 *row, const struct prov_route *r, NET_LUID luid);
/* The interface a route row names: its output interface, or loopback (ifindex 1)
 * for routes without one (blackhole, unreachable, prohibit). */
uint32_t forward_ifindex(const struct prov_route *r);
void ipnet_row_fill(MIB_IPNET_ROW2 *row, const struct prov_neigh *n, NET_LUID luid);
void path_row_fill(MIB_IPPATH_ROW *row, const struct prov_route *r, NET_LUID luid,
                   uint32_t link_mtu);

/* ---- address entry lookups (addr_lookup.c) ----
 * Finds the address `key` of `kind` on the interface given by LUID/index (or any
 * interface when both are zero) and calls fn with it and the link's LUID.
 * -EINVAL: bad family; -ENODEV: unknown interface, or unknown address when no
 * interface was given; -ENOENT: the interface exists but lacks the address. */
struct addr_key {
        const SOCKADDR_INET *address;
        NET_LUID luid;
        NET_IFINDEX ifindex;
};
int addr_lookup(enum prov_addr_kind kind, const struct addr_key *key,
                void (*fn)(void *ctx, const struct prov_addr *a, NET_LUID luid), void *ctx);
/* The LUID and index of the interface a row names (LUID first, else index):
 * -EINVAL when neither is given, -ENODEV when unknown. */
int entry_interface(const NET_LUID *luid, NET_IFINDEX ifindex, NET_LUID *ret_luid,
                    uint32_t *ret_ifindex);
/* The same, with the link's MTU too (one query). */
int entry_interface_mtu(const NET_LUID *luid, NET_IFINDEX ifindex, NET_LUID *ret_luid,
                        uint32_t *ret_ifindex, uint32_t *ret_mtu);

/* ---- the APIs ---- */
int iphlp_get_unicast_table(ADDRESS_FAMILY family, PMIB_UNICASTIPADDRESS_TABLE *ret,
                            struct alloc_site site);
int iphlp_get_unicast_entry(PMIB_UNICASTIPADDRESS_ROW row);
int iphlp_get_anycast_table(ADDRESS_FAMILY family, PMIB_ANYCASTIPADDRESS_TABLE *ret,
                            struct alloc_site site);
int iphlp_get_anycast_entry(PMIB_ANYCASTIPADDRESS_ROW row);
int iphlp_get_multicast_table(ADDRESS_FAMILY family, PMIB_MULTICASTIPADDRESS_TABLE *ret,
                              struct alloc_site site);
int iphlp_get_multicast_entry(PMIB_MULTICASTIPADDRESS_ROW row);
int iphlp_get_forward_table(ADDRESS_FAMILY family, PMIB_IPFORWARD_TABLE2 *ret,
                            struct alloc_site site);
int iphlp_get_forward_entry(PMIB_IPFORWARD_ROW2 row);
int iphlp_get_ipnet_table(ADDRESS_FAMILY family, PMIB_IPNET_TABLE2 *ret, struct alloc_site site);
int iphlp_get_ipnet_entry(PMIB_IPNET_ROW2 row);
int iphlp_get_path_table(ADDRESS_FAMILY family, PMIB_IPPATH_TABLE *ret, struct alloc_site site);
int iphlp_get_path_entry(PMIB_IPPATH_ROW row);
int iphlp_get_stack_table(PMIB_IFSTACK_TABLE *ret, struct alloc_site site);
int iphlp_get_inverted_stack_table(PMIB_INVERTEDIFSTACK_TABLE *ret, struct alloc_site site);

/* Row-count hints of these tables; tests reset them to reach the growth paths. */
extern size_t table_hint_unicast_rows, table_hint_anycast_rows, table_hint_multicast_rows,
    table_hint_forward_rows, table_hint_ipnet_rows, table_hint_path_rows, table_hint_stack_rows;
void iphlp_tables_reset_hints(void);

#endif /* WINNET_IPHLP_TABLES_H */
