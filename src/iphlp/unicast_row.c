/* unicast_row.c - one MIB_UNICASTIPADDRESS_ROW from one address record: a flat
 * list of assignments plus the three decisions Linux does not record the Windows
 * way - DAD state, prefix/suffix origin and SkipAsSource - each from IFA_FLAGS
 * and IFA_PROTO. docs/iphlp-tables.md gives the reasons. */
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

static NL_DAD_STATE dad_state(const struct prov_addr *a)
{
        if (a->family != AF_INET6)
                return a->flags & PROV_ADDR_F_DEPRECATED ? IpDadStateDeprecated
                                                         : IpDadStatePreferred;
        if (a->flags & PROV_ADDR_F_DADFAILED)
                return IpDadStateDuplicate;
        if (a->flags & PROV_ADDR_F_TENTATIVE) /* optimistic addresses too: DAD runs */
                return IpDadStateTentative;
        if ((a->flags & PROV_ADDR_F_DEPRECATED) || a->preferred_lft == 0)
                return IpDadStateDeprecated;
        return IpDadStatePreferred;
}

/* The kernel never picks these as a source: DAD failed, or DAD still running
 * without optimistic DAD. */
static BOOLEAN skip_as_source(const struct prov_addr *a)
{
        if (a->family != AF_INET6)
                return FALSE;
        if (a->flags & PROV_ADDR_F_DADFAILED)
                return TRUE;
        return (a->flags & PROV_ADDR_F_TENTATIVE) && !(a->flags & PROV_ADDR_F_OPTIMISTIC);
}

static bool is_temporary(const struct prov_addr *a)
{
        return a->family == AF_INET6 && (a->flags & PROV_ADDR_F_TEMPORARY);
}

static bool is_loopback(const struct prov_addr *a)
{
        return a->proto == PROV_ADDR_PROTO_KERNEL_LO || a->scope == PROV_SCOPE_HOST;
}

/* A kernel-made link-local address (IFA_PROTO; the Linux provider infers it
 * before Linux 6.3). An administrator's fe80:: address is Manual. */
static bool is_kernel_ll(const struct prov_addr *a)
{
        return a->proto == PROV_ADDR_PROTO_KERNEL_LL;
}

/* Lease holders (dhclient, dhcpcd, NetworkManager, systemd-networkd) install
 * their addresses with the lease's lifetimes; the administrator's have none. */
static bool is_lease(const struct prov_addr *a)
{
        return !(a->flags & PROV_ADDR_F_PERMANENT) && a->has_cacheinfo &&
               a->valid_lft != PROV_LIFETIME_INFINITE;
}

static void origins(const struct prov_addr *a, NL_PREFIX_ORIGIN *p, NL_SUFFIX_ORIGIN *s)
{
        NL_SUFFIX_ORIGIN generated = (a->flags & PROV_ADDR_F_STABLE_PRIVACY)
                                         ? IpSuffixOriginRandom
                                         : IpSuffixOriginLinkLayerAddress;

        if (is_loopback(a)) {
                *p = IpPrefixOriginWellKnown;
                *s = IpSuffixOriginWellKnown;
        } else if (is_kernel_ll(a)) {
                *p = IpPrefixOriginWellKnown;
                *s = generated;
        } else if (is_temporary(a)) {
                *p = IpPrefixOriginRouterAdvertisement;
                *s = IpSuffixOriginRandom;
        } else if (a->proto == PROV_ADDR_PROTO_KERNEL_RA) {
                *p = IpPrefixOriginRouterAdvertisement;
                *s = generated;
        } else if (is_lease(a)) {
                *p = IpPrefixOriginDhcp;
                *s = IpSuffixOriginDhcp;
        } else {
                *p = IpPrefixOriginManual;
                *s = IpSuffixOriginManual;
        }
}

void unicast_row_fill(MIB_UNICASTIPADDRESS_ROW *row, const struct prov_addr *a, NET_LUID luid,
                      const struct boot_clock *clk)
{
        bool zoned = a->family == AF_INET6 && ipv6_zoned(a->addr);

        memset(row, 0, sizeof(*row));
        sockaddr_inet_set(&row->Address, a->family, a->addr, a->ifindex);
        row->InterfaceLuid = luid;
        row->InterfaceIndex = a->ifindex;
        origins(a, &row->PrefixOrigin, &row->SuffixOrigin);
        row->ValidLifetime = a->has_cacheinfo ? a->valid_lft : PROV_LIFETIME_INFINITE;
        row->PreferredLifetime = a->has_cacheinfo ? a->preferred_lft : PROV_LIFETIME_INFINITE;
        row->OnLinkPrefixLength = a->prefixlen;
        row->SkipAsSource = skip_as_source(a);
        row->DadState = dad_state(a);
        row->ScopeId.Value = zoned ? a->ifindex : 0;
        row->CreationTimeStamp.QuadPart =
            a->has_cacheinfo ? boot_clock_filetime(clk, a->cstamp_cs) : 0;
}
