/* server_levels.c - SERVER_INFO_100/101/102 from a server row (this machine or a
 * server announced on the LAN). Level 102's limits are those of a Linux host: no
 * user limit, no idle disconnect, no browser announcements, visible. */
#include "lmserver.h"
#include "netapi_int.h"

#define ROW(r) ((const struct server_row *)(r))

static size_t s_100(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name);
}

static size_t s_101(const struct table *t, const void *r)
{
        return s_100(t, r) + wstr_bytes(ROW(r)->comment);
}

static size_t s_102(const struct table *t, const void *r)
{
        return s_101(t, r) + wstr_bytes(ROW(r)->userpath);
}

static void f_100(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        SERVER_INFO_100 *s = rec;

        (void)t, (void)i;
        s->sv100_platform_id = ROW(r)->platform;
        s->sv100_name = pack_wstr(p, ROW(r)->name);
}

static void f_101(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        SERVER_INFO_101 *s = rec;

        (void)t, (void)i;
        s->sv101_platform_id = ROW(r)->platform;
        s->sv101_name = pack_wstr(p, ROW(r)->name);
        s->sv101_version_major = ROW(r)->major & MAJOR_VERSION_MASK;
        s->sv101_version_minor = ROW(r)->minor;
        s->sv101_type = ROW(r)->type;
        s->sv101_comment = pack_wstr(p, ROW(r)->comment);
}

static void f_102(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        SERVER_INFO_102 *s = rec;

        f_101(rec, t, r, i, p);
        s->sv102_users = (DWORD)-1; /* no limit */
        s->sv102_disc = SV_NODISC;
        s->sv102_hidden = SV_VISIBLE;
        s->sv102_announce = 0;
        s->sv102_anndelta = 0;
        s->sv102_licenses = 0;
        s->sv102_userpath = pack_wstr(p, ROW(r)->userpath);
}

_Static_assert(__builtin_offsetof(SERVER_INFO_102, sv102_comment) ==
                   __builtin_offsetof(SERVER_INFO_101, sv101_comment),
               "SERVER_INFO_102 extends SERVER_INFO_101");

const struct level_ops *server_level(DWORD level)
{
        static const struct level_ops ops[] = {
            {sizeof(SERVER_INFO_100), s_100, NULL, f_100},
            {sizeof(SERVER_INFO_101), s_101, NULL, f_101},
            {sizeof(SERVER_INFO_102), s_102, NULL, f_102},
        };

        return level >= 100 && level <= 102 ? &ops[level - 100] : NULL;
}
