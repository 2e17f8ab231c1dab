/* table_run.c - the one way the address, route, neighbour, stack and path tables
 * are built (see tables.h): link map, walk, retry when a link appeared in between,
 * the empty-table rule, one block handed over or nothing. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

#define TBL_TRIES 3

size_t table_hint_unicast_rows, table_hint_anycast_rows, table_hint_multicast_rows,
    table_hint_forward_rows, table_hint_ipnet_rows, table_hint_path_rows, table_hint_stack_rows;

void iphlp_tables_reset_hints(void)
{
        size_t *hints[] = {&table_hint_unicast_rows,   &table_hint_anycast_rows,
                           &table_hint_multicast_rows, &table_hint_forward_rows,
                           &table_hint_ipnet_rows,     &table_hint_path_rows,
                           &table_hint_stack_rows};
        size_t i;

        for (i = 0; i < sizeof(hints) / sizeof(hints[0]); i++)
                __atomic_store_n(hints[i], 0, __ATOMIC_RELAXED);
}

bool family_valid(ADDRESS_FAMILY f)
{
        return f == AF_INET || f == AF_INET6 || f == AF_UNSPEC;
}

bool tbl_luid(struct tbl *t, uint32_t ifindex, NET_LUID *ret)
{
        const struct link_map_entry *e;

        if (t->last_luid.Value && ifindex == t->last_ifindex) { /* rows come grouped by link */
                *ret = t->last_luid;
                return true;
        }
        e = link_map_find(&t->links, ifindex);
        if (!e) {
                t->missing = true;
                return false;
        }
        *ret = t->last_luid = luid_make(ifindex, e->type);
        t->last_ifindex = ifindex;
        return true;
}

void *tbl_next(struct tbl *t)
{
        return table_build_next(&t->b);
}

static int collect(struct tbl *t, tbl_walk_fn walk, void *ctx)
{
        int tries, r = 0;

        for (tries = 0; tries < TBL_TRIES; tries++) {
                t->missing = false;
                t->last_luid.Value = 0; /* the map is reloaded */
                r = t->need_links ? link_map_load(&t->links) : 0;
                if (r == 0)
                        r = walk(t, ctx);
                if (r < 0 || !t->missing)
                        return r;
        }
        return r; /* last try: rows of links created meanwhile were dropped */
}

int tbl_run(struct tbl *t, ADDRESS_FAMILY family, bool check_family, void **ret, tbl_walk_fn walk,
            void *ctx)
{
        int r;

        if (!ret)
                return -EINVAL;
        *ret = NULL;
        if (check_family && !family_valid(family))
                return -EINVAL;
        r = table_build_start(&t->b);
        if (r == 0)
                r = collect(t, walk, ctx);
        link_map_free(&t->links);
        if (r == 0 && t->b.n == 0 && !(check_family && family == AF_INET6))
                r = -ENOENT;
        if (r == -EOPNOTSUPP && family == AF_INET6)
                r = -EAFNOSUPPORT;
        if (r < 0) {
                table_build_abort(&t->b);
                return r;
        }
        *ret = table_build_finish(&t->b);
        return 0;
}
