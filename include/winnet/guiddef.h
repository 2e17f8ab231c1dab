/* guiddef.h - GUID, 16 bytes, Windows field order. */
#ifndef WINNET_GUIDDEF_H
#define WINNET_GUIDDEF_H

#include "windef.h"

typedef struct _GUID {
        ULONG Data1;
        USHORT Data2;
        USHORT Data3;
        UCHAR Data4[8];
} GUID, *PGUID, *LPGUID;
typedef const GUID *LPCGUID, *REFGUID;

#endif /* WINNET_GUIDDEF_H */
