/* convert.c - the LUID / index / GUID / name / alias conversions, implemented
 * once. Every conversion that names an interface checks with the kernel that it
 * exists (one RTM_GETLINK); an unknown one gives -ENODEV with the output zeroed,
 * except an unknown alias, which Windows reports as an invalid parameter. */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "iphlp.h"
#include "utf16.h"

struct ident {
        NET_LUID luid;
        uint32_t ifindex;
        char name[IF_NAMESIZE];
};

static int ident_visit(void *p, const struct prov_link *l)
{
        struct ident *id = p;
        struct link_class c;

        link_classify(l, &c);
        id->luid = luid_make(l->ifindex, c.type);
        id->ifindex = l->ifindex;
        snprintf(id->name, sizeof(id->name), "%s", l->name);
        return 0;
}

static int ident_by(const NET_LUID *luid, NET_IFINDEX index, struct ident *id)
{
        return link_lookup(luid, index, 0, ident_visit, id);
}

int iphlp_index_to_luid(NET_IFINDEX index, NET_LUID *luid)
{
        struct ident id;
        int r;

        if (!luid)
                return -EINVAL;
        r = ident_by(NULL, index, &id);
        luid->Value = r < 0 ? 0 : id.luid.Value;
        return r;
}

int iphlp_luid_to_index(const NET_LUID *luid, NET_IFINDEX *index)
{
        struct ident id;
        int r;

        if (!luid || !index)
                return -EINVAL;
        r = luid->Value ? ident_by(luid, 0, &id) : -ENODEV;
        *index = r < 0 ? NET_IFINDEX_UNSPECIFIED : id.ifindex;
        return r;
}

int iphlp_luid_to_guid(const NET_LUID *luid, GUID *guid)
{
        struct ident id;
        int r;

        if (!luid || !guid)
                return -EINVAL;
        r = luid->Value ? ident_by(luid, 0, &id) : -ENODEV;
        if (r < 0)
                memset(guid, 0, sizeof(*guid));
        else
                *guid = guid_make(id.ifindex, id.luid.Info.IfType);
        return r;
}

int iphlp_guid_to_luid(const GUID *guid, NET_LUID *luid)
{
        struct ident id;
        uint32_t ifindex;
        IFTYPE type;
        NET_LUID want;
        int r;

        if (!guid || !luid)
                return -EINVAL;
        r = guid_parse(guid, &ifindex, &type);
        if (r == 0) {
                want = luid_make(ifindex, type);
                r = ident_by(&want, 0, &id);
        }
        luid->Value = r < 0 ? 0 : id.luid.Value;
        return r;
}

/* The name of an existing interface's LUID, in UTF-8 (it is ASCII). */
static int name_of(const NET_LUID *luid, char *buf, size_t cap, size_t *ret_len)
{
        struct ident id;
        int r = luid->Value ? ident_by(luid, 0, &id) : -ENODEV;

        if (r < 0)
                return r;
        *ret_len = luid_name(&id.luid, buf, cap);
        return 0;
}

int iphlp_luid_to_name_a(const NET_LUID *luid, char *name, size_t len)
{
        char buf[64];
        size_t n;
        int r;

        if (!luid || !name)
                return -EINVAL;
        r = name_of(luid, buf, sizeof(buf), &n);
        if (r < 0) {
                if (len)
                        name[0] = '\0';
                return r;
        }
        if (len < n + 1)
                return -ENOMEM;
        memcpy(name, buf, n + 1);
        return 0;
}

/* The same name widened: it is ASCII, so it needs as many units as bytes. */
int iphlp_luid_to_name_w(const NET_LUID *luid, WCHAR *name, size_t len)
{
        char buf[64];
        int r;

        if (!luid || !name)
                return -EINVAL;
        r = iphlp_luid_to_name_a(luid, buf, len < sizeof(buf) ? len : sizeof(buf));
        if (r == 0)
                utf8_to_utf16(buf, strlen(buf), name, len);
        else if (r != -ENOMEM && len) /* a short buffer is left as it was */
                name[0] = 0;
        return r;
}

int iphlp_name_to_luid_a(const char *name, NET_LUID *luid)
{
        struct ident id;
        NET_LUID parsed;
        int r;

        if (!name)
                return -EILSEQ;
        if (!luid)
                return -EINVAL;
        luid->Value = 0;
        if (strnlen(name, IF_MAX_STRING_SIZE + 1) > IF_MAX_STRING_SIZE)
                return -EILSEQ;
        r = luid_name_parse(name, &parsed);
        if (r < 0)
                return r;
        r = ident_by(&parsed, 0, &id);
        if (r == 0)
                luid->Value = id.luid.Value;
        return r;
}

int iphlp_name_to_luid_w(const WCHAR *name, NET_LUID *luid)
{
        char buf[3 * (IF_MAX_STRING_SIZE + 1)];
        size_t n;

        if (!name)
                return -EILSEQ;
        if (!luid)
                return -EINVAL;
        n = utf16_len(name);
        if (n > IF_MAX_STRING_SIZE) {
                luid->Value = 0;
                return -EILSEQ;
        }
        utf16_to_utf8(name, n, buf, sizeof(buf));
        return iphlp_name_to_luid_a(buf, luid);
}

int iphlp_luid_to_alias(const NET_LUID *luid, WCHAR *alias, size_t len)
{
        struct ident id;
        size_t need;
        int r;

        if (!luid || !alias)
                return -EINVAL;
        r = luid->Value ? ident_by(luid, 0, &id) : -ENODEV;
        if (r < 0) {
                if (len)
                        alias[0] = 0;
                return r;
        }
        need = utf8_to_utf16(id.name, strlen(id.name), NULL, 0) + 1;
        if (len < need)
                return -ENOMEM;
        utf8_to_utf16(id.name, strlen(id.name), alias, len);
        return 0;
}

static int alias_visit(void *p, const struct prov_link *l)
{
        return ident_visit(p, l);
}

/* A Linux name is bytes, not necessarily UTF-8; the alias of one that is not
 * carries U+FFFD where the bad bytes were and converts back to other bytes. Such
 * an alias is matched the way it was made: against every link's name converted
 * to UTF-16. */
struct alias_match {
        const WCHAR *alias;
        size_t len;
        struct ident id;
        bool found;
};

static int alias_match_begin(void *p)
{
        ((struct alias_match *)p)->found = false;
        return 0;
}

static int alias_match_visit(void *p, const struct prov_link *l)
{
        struct alias_match *m = p;
        WCHAR w[IF_NAMESIZE + 1];
        size_t n = utf8_to_utf16(l->name, strlen(l->name), w, IF_NAMESIZE + 1);

        if (!m->found && n == m->len && !memcmp(w, m->alias, n * sizeof(WCHAR))) {
                m->found = true;
                return ident_visit(&m->id, l);
        }
        return 0;
}

static bool has_replacement(const WCHAR *s, size_t n)
{
        size_t i;

        for (i = 0; i < n; i++)
                if (s[i] == 0xfffd)
                        return true;
        return false;
}

static int alias_match_all(const WCHAR *alias, size_t n, NET_LUID *luid)
{
        struct alias_match m = {alias, n, {{0}, 0, {0}}, false};
        struct prov_link_visitor v = {alias_match_begin, alias_match_visit, &m};
        int r = provider()->link_walk(0, &v);

        if (r == 0 && !m.found)
                r = -ENODEV;
        if (r == 0)
                luid->Value = m.id.luid.Value;
        return r;
}

int iphlp_alias_to_luid(const WCHAR *alias, NET_LUID *luid)
{
        struct prov_link_visitor v;
        struct ident id;
        char name[3 * IF_NAMESIZE];
        size_t n;
        int r;

        if (!alias || !luid)
                return -EINVAL;
        luid->Value = 0;
        n = utf16_len(alias);
        if (n == 0 || n >= IF_NAMESIZE)
                return -EINVAL;
        utf16_to_utf8(alias, n, name, sizeof(name));
        v = (struct prov_link_visitor){NULL, alias_visit, &id};
        r = provider()->link_get(0, name, 0, &v);
        if (r == -ENODEV && has_replacement(alias, n))
                r = alias_match_all(alias, n, luid);
        else if (r == 0)
                luid->Value = id.luid.Value;
        if (r == -ENODEV)
                return -EINVAL; /* Windows: an alias no interface has is an invalid parameter */
        return r;
}
