/* iphlp.h - the IP Helper layer's internals: every API implemented once, returning
 * 0 or -errno (mapped at the edges, api_user.c and api_kernel.c), and the helpers
 * that turn the provider's neutral link records into Windows rows. */
#ifndef WINNET_IPHLP_H
#define WINNET_IPHLP_H

#include "netioapi.h"

#include "block.h"
#include "provider/provider.h"

/* ---- link classification (link_class.c) ---- */
struct link_class {
        IFTYPE type;
        TUNNEL_TYPE tunnel;
        NDIS_MEDIUM medium;
        NDIS_PHYSICAL_MEDIUM physical;
        NET_IF_ACCESS_TYPE access;
        BOOLEAN hardware; /* backed by a bus device */
};
void link_classify(const struct prov_link *l, struct link_class *ret);
/* Writes a human description of the link (its ifalias when set) as UTF-16. */
void link_describe(const struct prov_link *l, WCHAR *out, size_t cap);

/* ---- identities (luid.c) ---- */
/* NET_LUID of a link: IfType from its class, NetLuidIndex the ifindex (bits above
 * 24 go to Reserved, so every ifindex has a distinct LUID). */
NET_LUID luid_make(uint32_t ifindex, IFTYPE type);
uint32_t luid_ifindex(const NET_LUID *luid);
GUID guid_make(uint32_t ifindex, IFTYPE type);
/* 0 and the ifindex/type encoded in a winnet GUID, or -ENODEV for any other GUID. */
int guid_parse(const GUID *guid, uint32_t *ret_ifindex, IFTYPE *ret_type);
/* "<prefix>_<ifindex>" into out (cap bytes, NUL included); returns the length
 * the name needs without the NUL. The number is NetLuidIndex for every ifindex
 * below 2^24, and the whole ifindex (Reserved's bits too) above. */
size_t luid_name(const NET_LUID *luid, char *out, size_t cap);
/* Parses such a name; -EILSEQ when it is not one. */
int luid_name_parse(const char *name, NET_LUID *ret);

/* Fetches one link by LUID (when non-zero) or ifindex, checking that the LUID's
 * IfType matches. Calls fn(ctx, link) once; -ENODEV when there is no such link. */
int link_lookup(const NET_LUID *luid, NET_IFINDEX ifindex, unsigned want,
                int (*fn)(void *ctx, const struct prov_link *l), void *ctx);

/* ---- rows ---- */
void if_row_fill(MIB_IF_ROW2 *row, const struct prov_link *l);
/* The namespace-wide IPv6 settings a row depends on (0 when unknown). */
struct ipif_ns {
        int32_t all_accept_dad; /* conf/all/accept_dad */
        int32_t all_forwarding; /* conf/all/forwarding */
};
/* ns may be NULL: all zero. */
void ipif_row_fill(MIB_IPINTERFACE_ROW *row, const struct prov_link *l, ADDRESS_FAMILY family,
                   const struct ipif_ns *ns);
void ipif_row_set_parms(MIB_IPINTERFACE_ROW *row, const struct prov_neigh_parms *p);
#define IF_SPEED_UNKNOWN ((ULONG64)-1) /* NDIS_LINK_SPEED_UNKNOWN */

/* ---- the APIs, once each ---- */
int iphlp_get_if_table(MIB_IF_TABLE_LEVEL level, PMIB_IF_TABLE2 *ret, struct alloc_site site);
int iphlp_get_if_entry(MIB_IF_ENTRY_LEVEL level, PMIB_IF_ROW2 row);
int iphlp_get_ipif_table(ADDRESS_FAMILY family, PMIB_IPINTERFACE_TABLE *ret,
                         struct alloc_site site);
int iphlp_get_ipif_entry(PMIB_IPINTERFACE_ROW row);

int iphlp_index_to_luid(NET_IFINDEX index, NET_LUID *luid);
int iphlp_luid_to_index(const NET_LUID *luid, NET_IFINDEX *index);
int iphlp_luid_to_guid(const NET_LUID *luid, GUID *guid);
int iphlp_guid_to_luid(const GUID *guid, NET_LUID *luid);
int iphlp_luid_to_name_a(const NET_LUID *luid, char *name, size_t len);
int iphlp_luid_to_name_w(const NET_LUID *luid, WCHAR *name, size_t len);
int iphlp_name_to_luid_a(const char *name, NET_LUID *luid);
int iphlp_name_to_luid_w(const WCHAR *name, NET_LUID *luid);
int iphlp_luid_to_alias(const NET_LUID *luid, WCHAR *alias, size_t len);
int iphlp_alias_to_luid(const WCHAR *alias, NET_LUID *luid);

/* Table row-count hints (tables are sized from the last count seen); tests reset
 * them to reach the growth paths. */
void iphlp_reset_hints(void);

#endif /* WINNET_IPHLP_H */
