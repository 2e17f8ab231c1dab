/* cmd_shares.c - `winnet shares`: the shares NetShareEnum (level 2) reports (Samba's
 * configuration; none without Samba). */
#include "lm.h"

#include "cli.h"

static const struct column cols[] = {
    {"name", COL_STR, true, false},     {"type", COL_STR, true, false},
    {"path", COL_STR, true, false},     {"remark", COL_STR, true, false},
    {"max_uses", COL_I64, false, true},
};

static const char *type_name(DWORD type)
{
        static const char *const n[] = {"disk", "printq", "device", "ipc"};

        return n[type & 3];
}

int cmd_shares(struct cli *cli, int argc, char **argv)
{
        struct table *t = table_new(cols, sizeof(cols) / sizeof(cols[0]));
        SHARE_INFO_2 *s = NULL;
        DWORD read, total, i;
        NET_API_STATUS st;
        char b[1024];

        (void)argc, (void)argv;
        st = NetShareEnum(NULL, 2, (LPBYTE *)&s, MAX_PREFERRED_LENGTH, &read, &total, NULL);
        if (st != NERR_Success || !t) {
                NetApiBufferFree(s);
                table_free(t);
                return st ? cli_api_error("NetShareEnum", st) : cli_error("out of memory");
        }
        for (i = 0; i < read && table_row(t) == 0; i++) {
                table_str(t, 0, cli_wstr(s[i].shi2_netname, b, sizeof(b)));
                table_str(t, 1, type_name(s[i].shi2_type));
                table_str(t, 2, cli_wstr(s[i].shi2_path, b, sizeof(b)));
                table_str(t, 3, cli_wstr(s[i].shi2_remark, b, sizeof(b)));
                table_i64(t, 4,
                          s[i].shi2_max_uses == SHI_USES_UNLIMITED ? -1
                                                                   : (int64_t)s[i].shi2_max_uses);
        }
        NetApiBufferFree(s);
        return table_print(t, cli, stdout);
}
