/* cmd_server.c - `winnet server [--list]`: this machine as NetServerGetInfo (102),
 * NetWkstaGetInfo (102) and NetGetJoinInformation see it; with --list, the servers
 * NetServerEnum (101) can see. */
#include <string.h>

#include "lm.h"

#include "cli.h"

static const struct column cols[] = {
    {"name", COL_STR, true, false},      {"platform_id", COL_U64, true, true},
    {"version", COL_STR, true, false},   {"type", COL_U64, false, false},
    {"langroup", COL_STR, true, false},  {"join_status", COL_STR, true, false},
    {"logged_on", COL_U64, true, true},  {"comment", COL_STR, true, false},
    {"userpath", COL_STR, false, false},
};

static const struct column list_cols[] = {
    {"name", COL_STR, true, false},    {"platform_id", COL_U64, true, true},
    {"version", COL_STR, true, false}, {"type", COL_U64, true, true},
    {"comment", COL_STR, true, false},
};

static const char *join_name(NETSETUP_JOIN_STATUS s)
{
        static const char *const n[] = {"unknown", "unjoined", "workgroup", "domain"};

        return (unsigned)s < 4 ? n[s] : "unknown";
}

static void version(struct table *t, size_t col, DWORD major, DWORD minor)
{
        char v[32];

        snprintf(v, sizeof(v), "%u.%u", (unsigned)major, (unsigned)minor);
        table_str(t, col, v);
}

static int show_local(struct cli *cli)
{
        struct table *t = table_new(cols, sizeof(cols) / sizeof(cols[0]));
        SERVER_INFO_102 *sv = NULL;
        WKSTA_INFO_102 *wk = NULL;
        NETSETUP_JOIN_STATUS js;
        LPWSTR join = NULL;
        NET_API_STATUS st;
        char s[1024];

        st = NetServerGetInfo(NULL, 102, (LPBYTE *)&sv);
        if (st == NERR_Success)
                st = NetWkstaGetInfo(NULL, 102, (LPBYTE *)&wk);
        if (st == NERR_Success)
                st = NetGetJoinInformation(NULL, &join, &js);
        if (st == NERR_Success && t && table_row(t) == 0) {
                table_str(t, 0, cli_wstr(sv->sv102_name, s, sizeof(s)));
                table_u64(t, 1, sv->sv102_platform_id);
                version(t, 2, sv->sv102_version_major, sv->sv102_version_minor);
                table_u64(t, 3, sv->sv102_type);
                table_str(t, 4, cli_wstr(wk->wki102_langroup, s, sizeof(s)));
                table_str(t, 5, join_name(js));
                table_u64(t, 6, wk->wki102_logged_on_users);
                table_str(t, 7, cli_wstr(sv->sv102_comment, s, sizeof(s)));
                table_str(t, 8, cli_wstr(sv->sv102_userpath, s, sizeof(s)));
        }
        NetApiBufferFree(sv);
        NetApiBufferFree(wk);
        NetApiBufferFree(join);
        if (st != NERR_Success) {
                table_free(t);
                return cli_api_error("NetServerGetInfo", st);
        }
        return t ? table_print(t, cli, stdout) : cli_error("out of memory");
}

static int show_list(struct cli *cli)
{
        struct table *t = table_new(list_cols, sizeof(list_cols) / sizeof(list_cols[0]));
        SERVER_INFO_101 *sv = NULL;
        DWORD read, total, i;
        NET_API_STATUS st;
        char s[1024];

        st = NetServerEnum(NULL, 101, (LPBYTE *)&sv, MAX_PREFERRED_LENGTH, &read, &total,
                           SV_TYPE_ALL, NULL, NULL);
        if (st != NERR_Success || !t) {
                NetApiBufferFree(sv);
                table_free(t);
                return st ? cli_api_error("NetServerEnum", st) : cli_error("out of memory");
        }
        for (i = 0; i < read && table_row(t) == 0; i++) {
                table_str(t, 0, cli_wstr(sv[i].sv101_name, s, sizeof(s)));
                table_u64(t, 1, sv[i].sv101_platform_id);
                version(t, 2, sv[i].sv101_version_major, sv[i].sv101_version_minor);
                table_u64(t, 3, sv[i].sv101_type);
                table_str(t, 4, cli_wstr(sv[i].sv101_comment, s, sizeof(s)));
        }
        NetApiBufferFree(sv);
        return table_print(t, cli, stdout);
}

int cmd_server(struct cli *cli, int argc, char **argv)
{
        return argc > 1 && !strcmp(argv[1], "--list") ? show_list(cli) : show_local(cli);
}
