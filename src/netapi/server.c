/* server.c - NetServerGetInfo, levels 100, 101 and 102, of this machine
 * (local_host.c says where each fact comes from). */
#include "lmerr.h"
#include "lmserver.h"
#include "netapi_int.h"
#include "winerror.h"

NET_API_STATUS NET_API_FUNCTION NetServerGetInfo(LMSTR servername, DWORD level, LPBYTE *bufptr)
{
        const struct level_ops *ops = server_level(level);
        NET_API_STATUS st = info_begin(servername, bufptr);
        struct table t;

        if (st)
                return st;
        if (!ops)
                return ERROR_INVALID_LEVEL;
        table_init(&t, sizeof(struct server_row));
        st = netapi_status(local_server_row(&t, level > 100 ? LOCAL_SAMBA : 0, NULL));
        if (st == NERR_Success)
                st = info_finish(&t, ops, "NetServerGetInfo", bufptr);
        table_free(&t);
        return st;
}
