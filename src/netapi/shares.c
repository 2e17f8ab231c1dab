/* shares.c - NetShareEnum, levels 0, 1 and 2 (which NetShareGetInfo shares): the shares of Samba's
 * configuration (samba.c) plus the IPC$ share smbd always offers; none when Samba is not installed.
 * Paths are the Linux paths; current uses, permissions (share-level security is gone from Samba)
 * and passwords are 0/NULL. */
#include "lmerr.h"
#include "lmshare.h"
#include "netapi_int.h"
#include "winerror.h"

#define ROW(r) ((const struct samba_share *)(r))

static size_t s_0(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name);
}

static size_t s_1(const struct table *t, const void *r)
{
        return s_0(t, r) + wstr_bytes(ROW(r)->comment);
}

static size_t s_2(const struct table *t, const void *r)
{
        return s_1(t, r) + wstr_bytes(ROW(r)->path);
}

static void f_0(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        (void)t, (void)i;
        ((SHARE_INFO_0 *)rec)->shi0_netname = pack_wstr(p, ROW(r)->name);
}

static void f_1(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        SHARE_INFO_1 *s = rec;

        (void)t, (void)i;
        s->shi1_netname = pack_wstr(p, ROW(r)->name);
        s->shi1_type = ROW(r)->type;
        s->shi1_remark = pack_wstr(p, ROW(r)->comment);
}

static void f_2(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        SHARE_INFO_2 *s = rec;

        (void)t, (void)i;
        s->shi2_netname = pack_wstr(p, ROW(r)->name);
        s->shi2_type = ROW(r)->type;
        s->shi2_remark = pack_wstr(p, ROW(r)->comment);
        s->shi2_permissions = 0;
        s->shi2_max_uses = ROW(r)->max_uses;
        s->shi2_current_uses = 0;
        s->shi2_path = pack_wstr(p, ROW(r)->path);
        s->shi2_passwd = NULL;
}

const struct level_ops *share_level(DWORD level)
{
        static const struct level_ops ops[] = {
            {sizeof(SHARE_INFO_0), s_0, NULL, f_0},
            {sizeof(SHARE_INFO_1), s_1, NULL, f_1},
            {sizeof(SHARE_INFO_2), s_2, NULL, f_2},
        };

        return level <= 2 ? &ops[level] : NULL;
}

NET_API_STATUS NET_API_FUNCTION NetShareEnum(LMSTR servername, DWORD level, LPBYTE *bufptr,
                                             DWORD prefmaxlen, LPDWORD entriesread,
                                             LPDWORD totalentries, LPDWORD resume_handle)
{
        const struct level_ops *ops = share_level(level);
        NET_API_STATUS st = enum_begin(servername, ops != NULL, bufptr, entriesread, totalentries);
        struct samba_conf c;

        if (st)
                return st;
        st = netapi_status(samba_conf_load(&c, 1));
        if (st == NERR_Success)
                st = enum_finish(&c.shares, ops, prefmaxlen, resume_handle, "NetShareEnum", bufptr,
                                 entriesread, totalentries);
        samba_conf_free(&c);
        return st;
}
