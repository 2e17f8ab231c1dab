/* free_mib_table.c - FreeMibTable: frees any IP Helper table in one call. Tables
 * are typed blocks of family BLOCK_MIB_TABLE; NULL is a no-op; a pointer that is
 * not a live table is reported and left alone. IRQL < DISPATCH_LEVEL. */
#include "netioapi.h"

#include "block.h"
#include "irql.h"

VOID NETIOAPI_API_ FreeMibTable(PVOID Memory)
{
        irql_check_max("FreeMibTable", IRQL_APC, 0);
        if (Memory)
                block_release(Memory, BLOCK_MIB_TABLE, "FreeMibTable");
}
