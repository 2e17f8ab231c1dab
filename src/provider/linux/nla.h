/* nla.h - inline netlink attribute access for the hot parsers. libmnl's
 * accessors are out-of-line calls through the PLT; a link message has ~60
 * attributes, so walking them inline is most of the parse cost saved. Every
 * accessor is bounds-checked against the enclosing payload by nla_ok(). */
#ifndef WINNET_PROVIDER_LINUX_NLA_H
#define WINNET_PROVIDER_LINUX_NLA_H

#include <linux/netlink.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static inline bool nla_ok_(const struct nlattr *a, long remaining)
{
        return remaining >= (long)sizeof(*a) && a->nla_len >= sizeof(*a) &&
               (long)a->nla_len <= remaining;
}

static inline const struct nlattr *nla_next_(const struct nlattr *a, long *remaining)
{
        long step = (long)NLA_ALIGN(a->nla_len);

        *remaining -= step;
        return (const struct nlattr *)((const char *)a + step);
}

static inline uint16_t nla_type_(const struct nlattr *a)
{
        return a->nla_type & NLA_TYPE_MASK;
}

static inline const void *nla_data_(const struct nlattr *a)
{
        return (const char *)a + NLA_HDRLEN;
}

static inline uint16_t nla_len_(const struct nlattr *a)
{
        return (uint16_t)(a->nla_len - NLA_HDRLEN);
}

/* Walks the attributes in [start, start + len). */
#define nla_for_each_(a, start, len, rem)                                                    \
        for ((rem) = (long)(len), (a) = (const struct nlattr *)(start); nla_ok_((a), (rem)); \
             (a) = nla_next_((a), &(rem)))

/* Walks the attributes nested in `nest`. */
#define nla_for_each_nested_(a, nest, rem) nla_for_each_(a, nla_data_(nest), nla_len_(nest), rem)

static inline bool nla_u32_(const struct nlattr *a, uint32_t *out)
{
        if (nla_len_(a) < sizeof(uint32_t))
                return false;
        memcpy(out, nla_data_(a), sizeof(*out));
        return true;
}

static inline bool nla_u8_(const struct nlattr *a, uint8_t *out)
{
        if (nla_len_(a) < 1)
                return false;
        *out = *(const uint8_t *)nla_data_(a);
        return true;
}

/* A NUL-terminated string attribute, or NULL. */
static inline const char *nla_str_(const struct nlattr *a)
{
        uint16_t n = nla_len_(a);
        const char *s = nla_data_(a);

        return n > 0 && memchr(s, '\0', n) ? s : NULL;
}

#endif /* WINNET_PROVIDER_LINUX_NLA_H */
