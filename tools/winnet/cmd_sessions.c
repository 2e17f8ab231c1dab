/* cmd_sessions.c - `winnet sessions`: the logins NetSessionEnum (level 10) reports. */
#include "lm.h"

#include "cli.h"

static const struct column cols[] = {
    {"client", COL_STR, true, false},
    {"user", COL_STR, true, false},
    {"time", COL_U64, true, true},
    {"idle_time", COL_U64, true, true},
};

int cmd_sessions(struct cli *cli, int argc, char **argv)
{
        struct table *t = table_new(cols, 4);
        SESSION_INFO_10 *s = NULL;
        DWORD read, total, i;
        NET_API_STATUS st;
        char b[1024];

        (void)argc, (void)argv;
        st = NetSessionEnum(NULL, NULL, NULL, 10, (LPBYTE *)&s, MAX_PREFERRED_LENGTH, &read, &total,
                            NULL);
        if (st != NERR_Success || !t) {
                NetApiBufferFree(s);
                table_free(t);
                return st ? cli_api_error("NetSessionEnum", st) : cli_error("out of memory");
        }
        for (i = 0; i < read && table_row(t) == 0; i++) {
                table_str(t, 0, cli_wstr(s[i].sesi10_cname, b, sizeof(b)));
                table_str(t, 1, cli_wstr(s[i].sesi10_username, b, sizeof(b)));
                table_u64(t, 2, s[i].sesi10_time);
                table_u64(t, 3, s[i].sesi10_idle_time);
        }
        NetApiBufferFree(s);
        return table_print(t, cli, stdout);
}
