/* sid.c - SIDs for Unix accounts. Linux has none; winnet uses the ones Samba gives
 * Unix users and groups: S-1-22-1-<uid> and S-1-22-2-<gid> (authority 22, "Unix
 * User" / "Unix Group"). Binary layout of Windows' SID: revision, sub-authority
 * count, 6-byte big-endian authority, 32-bit little-endian sub-authorities. */
#include <string.h>

#include "netapi_int.h"

void unix_sid(void *out, int group, uint32_t id)
{
        unsigned char *s = out;
        uint32_t sub[2] = {group ? 2u : 1u, id};

        memset(s, 0, UNIX_SID_BYTES);
        s[0] = 1; /* SID_REVISION */
        s[1] = 2; /* sub-authorities */
        s[7] = 22;
        memcpy(s + 8, sub, sizeof(sub)); /* x86_64 and every Windows ABI: little endian */
}
