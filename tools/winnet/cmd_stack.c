/* cmd_stack.c - `winnet stack`: GetIfStackTable, each higher-layer interface over
 * the lower one it is stacked on (bridge over port, macvlan over its device). */
#include <stdio.h>

#include "iphlpapi.h"

#include "cli.h"
#include "commands.h"
#include "net_text.h"

static const struct column cols[] = {
    {"higher_index", COL_U64, true, true},
    {"higher", COL_STR, true, false},
    {"lower_index", COL_U64, true, true},
    {"lower", COL_STR, true, false},
};

int cmd_stack(struct cli *cli, int argc, char **argv)
{
        char h[IF_MAX_STRING_SIZE + 1], l[IF_MAX_STRING_SIZE + 1];
        PMIB_IFSTACK_TABLE rows = NULL;
        struct ifnames names;
        struct table *t;
        DWORD err;
        ULONG i;

        if (argc > 1)
                return cli_error("stack: unknown argument '%s'", argv[1]), 2;
        err = GetIfStackTable(&rows);
        if (err != NO_ERROR && err != ERROR_NOT_FOUND) /* NOT_FOUND: nothing is stacked */
                return cli_api_error("GetIfStackTable", err);
        ifnames_load(&names);
        t = table_new(cols, sizeof(cols) / sizeof(cols[0]));
        for (i = 0; t && rows && i < rows->NumEntries && table_row(t) == 0; i++) {
                MIB_IFSTACK_ROW *r = &rows->Table[i];

                table_u64(t, 0, r->HigherLayerInterfaceIndex);
                table_str(t, 1, ifnames_get(&names, r->HigherLayerInterfaceIndex, h, sizeof(h)));
                table_u64(t, 2, r->LowerLayerInterfaceIndex);
                table_str(t, 3, ifnames_get(&names, r->LowerLayerInterfaceIndex, l, sizeof(l)));
        }
        FreeMibTable(rows);
        ifnames_free(&names);
        return t ? table_print(t, cli, stdout) : cli_error("out of memory");
}
