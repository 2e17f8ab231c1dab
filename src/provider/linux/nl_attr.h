/* nl_attr.h - netlink attribute walking inlined for the hot record parsers
 * (addresses, routes, neighbours, brief links: thousands of messages per table).
 * libmnl's iterator and accessors cost a library call per step; these do the
 * same length checks in line. */
#ifndef WINNET_PROVIDER_LINUX_NL_ATTR_H
#define WINNET_PROVIDER_LINUX_NL_ATTR_H

#include <linux/netlink.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The attribute fits in [a, end) and is at least a header long. */
static inline bool nla_fits(const struct nlattr *a, const char *end)
{
        return (const char *)a + sizeof(*a) <= end && a->nla_len >= sizeof(*a) &&
               (const char *)a + a->nla_len <= end;
}

static inline const struct nlattr *nla_after(const struct nlattr *a)
{
        return (const struct nlattr *)((const char *)a + NLA_ALIGN(a->nla_len));
}

static inline uint16_t nla_kind(const struct nlattr *a)
{
        return a->nla_type & NLA_TYPE_MASK;
}

static inline const void *nla_body(const struct nlattr *a)
{
        return (const char *)a + NLA_HDRLEN;
}

static inline uint16_t nla_body_len(const struct nlattr *a)
{
        return (uint16_t)(a->nla_len - NLA_HDRLEN);
}

/* The first attribute after a message's fixed header of `hdrlen` bytes. */
static inline const struct nlattr *nla_msg_first(const struct nlmsghdr *nlh, size_t hdrlen)
{
        return (const struct nlattr *)((const char *)nlh + NLMSG_HDRLEN + NLMSG_ALIGN(hdrlen));
}

static inline const char *nla_msg_end(const struct nlmsghdr *nlh)
{
        return (const char *)nlh + nlh->nlmsg_len;
}

/* Nested attributes of `a`. */
static inline const char *nla_nest_end(const struct nlattr *a)
{
        return (const char *)a + a->nla_len;
}

#define NLA_FOR_EACH(a, first, end) for ((a) = (first); nla_fits((a), (end)); (a) = nla_after(a))

static inline bool nla_u32(const struct nlattr *a, uint32_t *out)
{
        if (nla_body_len(a) < sizeof(uint32_t))
                return false;
        *out = *(const uint32_t *)nla_body(a);
        return true;
}

#endif /* WINNET_PROVIDER_LINUX_NL_ATTR_H */
