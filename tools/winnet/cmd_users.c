/* cmd_users.c - `winnet users`: the user accounts as NetUserEnum (level 3) returns
 * them, fetched page by page with its resume handle. */
#include <string.h>

#include "lm.h"

#include "cli.h"

static const struct column cols[] = {
    {"name", COL_STR, true, false},     {"uid", COL_U64, true, true},
    {"gid", COL_U64, true, true},       {"full_name", COL_STR, true, false},
    {"priv", COL_STR, true, false},     {"disabled", COL_BOOL, true, false},
    {"home_dir", COL_STR, true, false}, {"comment", COL_STR, false, false},
    {"flags", COL_U64, false, false},
};

static const char *priv_name(DWORD priv)
{
        return priv == USER_PRIV_ADMIN ? "admin" : priv == USER_PRIV_GUEST ? "guest" : "user";
}

static int add_rows(struct table *t, const USER_INFO_3 *u, DWORD n)
{
        char buf[1024];
        DWORD i;

        for (i = 0; i < n; i++) {
                if (table_row(t) < 0)
                        return -1;
                table_str(t, 0, cli_wstr(u[i].usri3_name, buf, sizeof(buf)));
                table_u64(t, 1, u[i].usri3_user_id);
                table_u64(t, 2, u[i].usri3_primary_group_id);
                table_str(t, 3, cli_wstr(u[i].usri3_full_name, buf, sizeof(buf)));
                table_str(t, 4, priv_name(u[i].usri3_priv));
                table_bool(t, 5, (u[i].usri3_flags & UF_ACCOUNTDISABLE) != 0);
                table_str(t, 6, cli_wstr(u[i].usri3_home_dir, buf, sizeof(buf)));
                table_str(t, 7, cli_wstr(u[i].usri3_comment, buf, sizeof(buf)));
                table_u64(t, 8, u[i].usri3_flags);
        }
        return 0;
}

int cmd_users(struct cli *cli, int argc, char **argv)
{
        struct table *t = table_new(cols, sizeof(cols) / sizeof(cols[0]));
        DWORD resume = 0, read, total;
        NET_API_STATUS st;

        (void)argc, (void)argv;
        if (!t)
                return cli_error("out of memory");
        do {
                LPBYTE buf = NULL;

                st = NetUserEnum(NULL, 3, 0, &buf, 64 * 1024, &read, &total, &resume);
                if ((st == NERR_Success || st == ERROR_MORE_DATA) &&
                    add_rows(t, (const USER_INFO_3 *)buf, read) < 0)
                        st = ERROR_NOT_ENOUGH_MEMORY;
                NetApiBufferFree(buf);
        } while (st == ERROR_MORE_DATA);
        if (st != NERR_Success) {
                table_free(t);
                return cli_api_error("NetUserEnum", st);
        }
        return table_print(t, cli, stdout);
}
