/* luid.c - interface identities: the NET_LUID (IfType + ifindex), the GUID that
 * encodes the same pair, the "<prefix>_<ifindex>" names, and the lookup of
 * one link by LUID or index that every entry call and conversion shares. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iphlp.h"

NET_LUID luid_make(uint32_t ifindex, IFTYPE type)
{
        NET_LUID luid;

        luid.Value = 0;
        luid.Info.NetLuidIndex = ifindex & NET_IF_LUID_INDEX_MAXIMUM;
        luid.Info.Reserved = ifindex >> 24;
        luid.Info.IfType = (UINT16)type;
        return luid;
}

uint32_t luid_ifindex(const NET_LUID *luid)
{
        return (uint32_t)luid->Info.NetLuidIndex | ((uint32_t)luid->Info.Reserved << 24);
}

/* winnet GUIDs: Data1 = ifindex, Data2 = IfType, then a fixed tag that is an RFC
 * 9562 version-8 ("custom") layout: Data3 0x8057, Data4 0x80 0x00 "winnet". */
static const UCHAR guid_tag[8] = {0x80, 0x00, 'w', 'i', 'n', 'n', 'e', 't'};
#define GUID_DATA3 0x8057

GUID guid_make(uint32_t ifindex, IFTYPE type)
{
        GUID g;

        g.Data1 = ifindex;
        g.Data2 = (USHORT)type;
        g.Data3 = GUID_DATA3;
        memcpy(g.Data4, guid_tag, sizeof(guid_tag));
        return g;
}

int guid_parse(const GUID *g, uint32_t *ret_ifindex, IFTYPE *ret_type)
{
        if (g->Data3 != GUID_DATA3 || memcmp(g->Data4, guid_tag, sizeof(guid_tag)) || !g->Data1)
                return -ENODEV;
        *ret_ifindex = g->Data1;
        *ret_type = g->Data2;
        return 0;
}

/* Windows' name prefixes; other types are spelled iftype<N>. */
static const struct {
        IFTYPE type;
        const char *prefix;
} prefixes[] = {
    {IF_TYPE_OTHER, "other"},
    {IF_TYPE_ETHERNET_CSMACD, "ethernet"},
    {IF_TYPE_ISO88025_TOKENRING, "tokenring"},
    {IF_TYPE_PPP, "ppp"},
    {IF_TYPE_SOFTWARE_LOOPBACK, "loopback"},
    {IF_TYPE_ATM, "atm"},
    {IF_TYPE_IEEE80211, "wireless"},
    {IF_TYPE_TUNNEL, "tunnel"},
    {IF_TYPE_IEEE1394, "ieee1394"},
};
#define NPREFIXES (sizeof(prefixes) / sizeof(prefixes[0]))

/* The number is the whole ifindex (NetLuidIndex and the bits Reserved holds), so
 * links with an ifindex of 2^24 or more (`ip link add index N`) get names of
 * their own that convert back to their LUID. */
size_t luid_name(const NET_LUID *luid, char *out, size_t cap)
{
        unsigned long long index = luid_ifindex(luid);
        size_t i;
        int n;

        for (i = 0; i < NPREFIXES; i++)
                if (prefixes[i].type == luid->Info.IfType)
                        break;
        if (i < NPREFIXES)
                n = snprintf(out, cap, "%s_%llu", prefixes[i].prefix, index);
        else
                n = snprintf(out, cap, "iftype%u_%llu", (unsigned)luid->Info.IfType, index);
        return n < 0 ? 0 : (size_t)n;
}

/* Parses a decimal number that must end the string and fit in `max`. */
static int parse_number(const char *s, unsigned long max, unsigned long *ret)
{
        char *end;
        unsigned long v;

        if (*s < '0' || *s > '9')
                return -EILSEQ;
        errno = 0;
        v = strtoul(s, &end, 10);
        if (errno || *end || v > max)
                return -EILSEQ;
        *ret = v;
        return 0;
}

int luid_name_parse(const char *name, NET_LUID *ret)
{
        const char *sep = strrchr(name, '_');
        unsigned long type = 0, index;
        size_t i, plen;

        if (!sep || parse_number(sep + 1, UINT32_MAX, &index) < 0)
                return -EILSEQ;
        plen = (size_t)(sep - name);
        for (i = 0; i < NPREFIXES; i++)
                if (strlen(prefixes[i].prefix) == plen && !strncmp(name, prefixes[i].prefix, plen))
                        break;
        if (i < NPREFIXES) {
                type = prefixes[i].type;
        } else {
                char num[8];

                if (plen <= 6 || plen - 6 >= sizeof(num) || strncmp(name, "iftype", 6))
                        return -EILSEQ;
                memcpy(num, name + 6, plen - 6);
                num[plen - 6] = '\0';
                if (parse_number(num, 0xffff, &type) < 0)
                        return -EILSEQ;
        }
        *ret = luid_make((uint32_t)index, (IFTYPE)type);
        return 0;
}

struct lookup_ctx {
        IFTYPE want_type; /* 0: any */
        int (*fn)(void *ctx, const struct prov_link *l);
        void *ctx;
        int err;
};

static int lookup_visit(void *p, const struct prov_link *l)
{
        struct lookup_ctx *c = p;
        struct link_class cls;

        link_classify(l, &cls);
        if (c->want_type && cls.type != c->want_type) {
                c->err = -ENODEV; /* same index, another interface type: not this LUID */
                return 0;
        }
        return c->fn(c->ctx, l);
}

static int lookup_begin(void *p)
{
        ((struct lookup_ctx *)p)->err = 0;
        return 0;
}

int link_lookup(const NET_LUID *luid, NET_IFINDEX ifindex, unsigned want,
                int (*fn)(void *ctx, const struct prov_link *l), void *ctx)
{
        struct lookup_ctx c = {0, fn, ctx, 0};
        struct prov_link_visitor v = {lookup_begin, lookup_visit, &c};
        int r;

        if (luid && luid->Value) {
                ifindex = luid_ifindex(luid);
                c.want_type = luid->Info.IfType;
                if (!c.want_type)
                        return -ENODEV;
        }
        if (!ifindex)
                return -ENODEV;
        r = provider()->link_get(ifindex, NULL, want, &v);
        return r < 0 ? r : c.err;
}
