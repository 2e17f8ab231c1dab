/* group_levels.c - GROUP_INFO_0/1/2/3 and LOCALGROUP_INFO_0/1 from a group row. The
 * group database has no comments: the comment is "". group_id is the gid, the SID
 * (level 3) Samba's S-1-22-2-<gid>. */
#include "netapi_int.h"

#define ROW(r) ((const struct group_row *)(r))

/* SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED, as Windows
 * reports for every group. */
#define GROUP_ATTRS 0x7u

static size_t s_0(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name);
}

static size_t s_1(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name) + wstr_bytes(ROW(r)->comment);
}

/* GROUP_INFO_0 and LOCALGROUP_INFO_0, _1 and _1 have the same layout. */
static void f_0(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        (void)t, (void)i;
        ((GROUP_INFO_0 *)rec)->grpi0_name = pack_wstr(p, ROW(r)->name);
}

static void f_1(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        GROUP_INFO_1 *g = rec;

        (void)t, (void)i;
        g->grpi1_name = pack_wstr(p, ROW(r)->name);
        g->grpi1_comment = pack_wstr(p, ROW(r)->comment);
}

static void f_2(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        GROUP_INFO_2 *g = rec;

        f_1(rec, t, r, i, p);
        g->grpi2_group_id = ROW(r)->gid;
        g->grpi2_attributes = GROUP_ATTRS;
}

static size_t b_3(const struct table *t, const void *r)
{
        (void)t, (void)r;
        return UNIX_SID_BYTES;
}

static void f_3(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        GROUP_INFO_3 *g = rec;
        unsigned char sid[UNIX_SID_BYTES];

        (void)t, (void)i;
        g->grpi3_name = pack_wstr(p, ROW(r)->name);
        g->grpi3_comment = pack_wstr(p, ROW(r)->comment);
        unix_sid(sid, 1, ROW(r)->gid);
        g->grpi3_group_sid = pack_bin(p, sid, sizeof(sid));
        g->grpi3_attributes = GROUP_ATTRS;
}

_Static_assert(sizeof(GROUP_INFO_1) == sizeof(LOCALGROUP_INFO_1), "same layout");
_Static_assert(sizeof(GROUP_INFO_0) == sizeof(LOCALGROUP_INFO_0), "same layout");

static const struct level_ops ops[] = {
    {sizeof(GROUP_INFO_0), s_0, NULL, f_0},
    {sizeof(GROUP_INFO_1), s_1, NULL, f_1},
    {sizeof(GROUP_INFO_2), s_1, NULL, f_2},
    {sizeof(GROUP_INFO_3), s_1, b_3, f_3},
};

const struct level_ops *group_level(DWORD level)
{
        return level <= 3 ? &ops[level] : NULL;
}

const struct level_ops *localgroup_level(DWORD level)
{
        return level <= 1 ? &ops[level] : NULL;
}
