/* share_info.c - NetShareGetInfo: one share of the list NetShareEnum returns (Samba's
 * configuration through testparm, and IPC$), at the same levels 0, 1 and 2 with the
 * same fields (shares.c). Share names compare case-insensitively, as Windows and
 * Samba compare them; winnet folds ASCII letters only (see docs/netapi.md). */
#include <errno.h>

#include "lmerr.h"
#include "lmshare.h"
#include "netapi_int.h"
#include "utf16.h"
#include "winerror.h"

/* Index of the first share named name, or -ENOENT. */
static long share_find(const struct table *t, const char16_t *name)
{
        size_t i;

        for (i = 0; *name && i < t->rows.n; i++) {
                const struct samba_share *s = vec_at(&t->rows, i);

                if (!utf16_casecmp_ascii(strpool_get(&t->pool, s->name), name))
                        return (long)i;
        }
        return -ENOENT;
}

NET_API_STATUS NET_API_FUNCTION NetShareGetInfo(LMSTR servername, LMSTR netname, DWORD level,
                                                LPBYTE *bufptr)
{
        const struct level_ops *ops = share_level(level);
        NET_API_STATUS st = info_begin(servername, bufptr);
        struct samba_conf c;
        long i;

        if (st)
                return st;
        if (!netname)
                return ERROR_INVALID_PARAMETER;
        if (!ops)
                return ERROR_INVALID_LEVEL;
        st = netapi_status(samba_conf_load(&c, 1));
        i = st ? 0 : share_find(&c.shares, netname);
        if (st == NERR_Success && i < 0)
                st = NERR_NetNameNotFound;
        if (st == NERR_Success)
                st = netapi_status(
                    pack_rows(&c.shares, ops, (size_t)i, 1, "NetShareGetInfo", bufptr));
        samba_conf_free(&c);
        return st;
}
