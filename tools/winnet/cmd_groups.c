/* cmd_groups.c - `winnet groups [GROUP]`: the groups (NetGroupEnum level 2) with
 * their member counts, or the members of one group (NetLocalGroupGetMembers
 * level 1). */
#include "lm.h"

#include "cli.h"

static const struct column group_cols[] = {
    {"name", COL_STR, true, false},
    {"gid", COL_U64, true, true},
    {"members", COL_U64, true, true},
    {"comment", COL_STR, false, false},
};

static const struct column member_cols[] = {
    {"name", COL_STR, true, false},
    {"type", COL_STR, true, false},
};

static NET_API_STATUS member_count(LPCWSTR group, DWORD *ret)
{
        LPBYTE buf = NULL;
        DWORD total = 0;
        NET_API_STATUS st;

        st = NetLocalGroupGetMembers(NULL, group, 3, &buf, MAX_PREFERRED_LENGTH, ret, &total, NULL);
        NetApiBufferFree(buf);
        return st;
}

static int list_groups(struct cli *cli)
{
        struct table *t = table_new(group_cols, 4);
        DWORD read, total, i, members;
        GROUP_INFO_2 *g;
        LPBYTE buf = NULL;
        char s[1024];
        NET_API_STATUS st;

        st = NetGroupEnum(NULL, 2, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
        if (st != NERR_Success || !t) {
                table_free(t);
                NetApiBufferFree(buf);
                return st ? cli_api_error("NetGroupEnum", st) : cli_error("out of memory");
        }
        g = (GROUP_INFO_2 *)buf;
        for (i = 0; i < read && table_row(t) == 0; i++) {
                table_str(t, 0, cli_wstr(g[i].grpi2_name, s, sizeof(s)));
                table_u64(t, 1, g[i].grpi2_group_id);
                if (member_count(g[i].grpi2_name, &members) == NERR_Success)
                        table_u64(t, 2, members);
                table_str(t, 3, cli_wstr(g[i].grpi2_comment, s, sizeof(s)));
        }
        NetApiBufferFree(buf);
        return table_print(t, cli, stdout);
}

static int to_wide(const char *s, WCHAR *out, size_t cap)
{
        size_t k = 0;

        /* Group names given on the command line: ASCII only, kept simple. */
        for (; *s && k + 1 < cap; s++) {
                if ((unsigned char)*s >= 0x80)
                        return -1;
                out[k++] = (WCHAR)*s;
        }
        out[k] = 0;
        return 0;
}

static int list_members(struct cli *cli, const char *group)
{
        struct table *t = table_new(member_cols, 2);
        LOCALGROUP_MEMBERS_INFO_1 *m;
        DWORD read, total, i;
        LPBYTE buf = NULL;
        WCHAR name[257];
        char s[1024];
        NET_API_STATUS st;

        if (!t || to_wide(group, name, 257) < 0) {
                table_free(t);
                return cli_error("bad group name '%s' (ASCII only)", group);
        }
        st =
            NetLocalGroupGetMembers(NULL, name, 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
        if (st != NERR_Success) {
                table_free(t);
                NetApiBufferFree(buf);
                return cli_api_error("NetLocalGroupGetMembers", st);
        }
        m = (LOCALGROUP_MEMBERS_INFO_1 *)buf;
        for (i = 0; i < read && table_row(t) == 0; i++) {
                table_str(t, 0, cli_wstr(m[i].lgrmi1_name, s, sizeof(s)));
                table_str(t, 1, m[i].lgrmi1_sidusage == SidTypeUser ? "user" : "unknown");
        }
        NetApiBufferFree(buf);
        return table_print(t, cli, stdout);
}

int cmd_groups(struct cli *cli, int argc, char **argv)
{
        return argc > 1 ? list_members(cli, argv[1]) : list_groups(cli);
}
