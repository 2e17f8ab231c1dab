/* test_netapi_users.c - NetUserEnum and NetUserGetInfo over a generated passwd
 * database of 10,000 users (fixture.h), compared field by field with `getent
 * passwd` run in the same namespace; paging, buffer layout, errors, faults. */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "fixture.h"

struct pwline {
        char *name, *gecos, *home, *shell;
        unsigned uid, gid;
};

static struct pwline *pw;
static size_t npw;

/* `getent passwd`, split into fields. */
static void load_getent(void)
{
        char *out = fixture_run("getent passwd"), *line, *save = NULL;

        assert_non_null(out);
        pw = calloc(FIXTURE_USERS + 16, sizeof(*pw));
        for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
                char *f[7], *p = line;
                int i;

                for (i = 0; i < 7; i++)
                        f[i] = strsep(&p, ":");
                pw[npw++] = (struct pwline){
                    f[0], f[4], f[5], f[6], (unsigned)atoi(f[2]), (unsigned)atoi(f[3])};
        }
}

static size_t full_name_len(const char *gecos)
{
        const char *c = strchr(gecos, ',');

        return c ? (size_t)(c - gecos) : strlen(gecos);
}

static void check_user3(const USER_INFO_3 *u, const struct pwline *e, const void *buf)
{
        const char *comma = strchr(e->gecos, ',');

        assert_string_equal(u8(u->usri3_name, 0), e->name);
        assert_int_equal(u->usri3_user_id, e->uid);
        assert_int_equal(u->usri3_primary_group_id, e->gid);
        assert_int_equal(strlen(u8(u->usri3_full_name, 1)), full_name_len(e->gecos));
        assert_memory_equal(u8(u->usri3_full_name, 1), e->gecos, full_name_len(e->gecos));
        assert_string_equal(u8(u->usri3_comment, 2), comma ? comma + 1 : "");
        assert_string_equal(u8(u->usri3_home_dir, 3), e->home);
        assert_null(u->usri3_password);
        assert_int_equal(u->usri3_priv, e->uid == 0                  ? USER_PRIV_ADMIN
                                        : !strcmp(e->name, "nobody") ? USER_PRIV_GUEST
                                                                     : USER_PRIV_USER);
        assert_true(u->usri3_flags & UF_SCRIPT);
        assert_int_equal(!!(u->usri3_flags & UF_ACCOUNTDISABLE),
                         strstr(e->shell, "nologin") || strstr(e->shell, "false"));
        assert_int_equal(u->usri3_flags & UF_ACCOUNT_TYPE_MASK, e->name[strlen(e->name) - 1] == '$'
                                                                    ? UF_WORKSTATION_TRUST_ACCOUNT
                                                                    : UF_NORMAL_ACCOUNT);
        assert_int_equal(u->usri3_units_per_week, UNITS_PER_WEEK);
        assert_inside(buf, u->usri3_logon_hours, 21);
        assert_int_equal(u->usri3_logon_hours[20], 0xff);
        assert_int_equal(u->usri3_acct_expires, TIMEQ_FOREVER);
        assert_string_equal(u8(u->usri3_logon_server, 0), "\\\\*");
        assert_str_inside(buf, u->usri3_name);
        assert_str_inside(buf, u->usri3_full_name);
        assert_str_inside(buf, u->usri3_comment);
        assert_str_inside(buf, u->usri3_usr_comment);
        assert_str_inside(buf, u->usri3_home_dir);
        assert_str_inside(buf, u->usri3_script_path);
        assert_str_inside(buf, u->usri3_parms);
        assert_str_inside(buf, u->usri3_workstations);
        assert_str_inside(buf, u->usri3_profile);
        assert_str_inside(buf, u->usri3_home_dir_drive);
}

static void all_users_equal_getent(void **state)
{
        USER_INFO_3 *u = NULL;
        DWORD read = 0, total = 0, resume = 0;
        size_t i, strings = 0;

        (void)state;
        assert_int_equal(
            NetUserEnum(NULL, 3, 0, (LPBYTE *)&u, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_Success);
        assert_int_equal(read, npw);
        assert_int_equal(total, npw);
        assert_int_equal(resume, 0);
        assert_true(npw >= FIXTURE_USERS + 3);
        for (i = 0; i < read; i++) {
                check_user3(&u[i], &pw[i], u);
                strings += wbytes(u[i].usri3_name) + wbytes(u[i].usri3_full_name) +
                           wbytes(u[i].usri3_comment) + wbytes(u[i].usri3_home_dir);
        }
        assert_block_at_least(u, read * sizeof(USER_INFO_3) + strings);
        NetApiBufferFree(u);
}

static void every_level_has_the_same_users(void **state)
{
        static const DWORD levels[] = {0, 1, 2, 10, 11, 20, 23};
        size_t l, i;

        (void)state;
        for (l = 0; l < sizeof(levels) / sizeof(levels[0]); l++) {
                LPBYTE buf = NULL;
                DWORD read = 0, total = 0;

                assert_int_equal(
                    NetUserEnum(u"", levels[l], 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                    NERR_Success);
                assert_int_equal(read, npw);
                for (i = 0; i < read; i++) {
                        const USER_INFO_0 *u0 = (const void *)(buf + 0);
                        const USER_INFO_1 *u1 = (const void *)buf;
                        const USER_INFO_2 *u2 = (const void *)buf;
                        const USER_INFO_10 *u10 = (const void *)buf;
                        const USER_INFO_11 *u11 = (const void *)buf;
                        const USER_INFO_20 *u20 = (const void *)buf;
                        const USER_INFO_23 *u23 = (const void *)buf;
                        const unsigned char *sid;

                        switch (levels[l]) {
                        case 0:
                                assert_string_equal(u8(u0[i].usri0_name, 0), pw[i].name);
                                break;
                        case 1:
                                assert_string_equal(u8(u1[i].usri1_name, 0), pw[i].name);
                                assert_null(u1[i].usri1_password);
                                assert_string_equal(u8(u1[i].usri1_home_dir, 1), pw[i].home);
                                assert_string_equal(u8(u1[i].usri1_script_path, 2), "");
                                break;
                        case 2:
                                assert_string_equal(u8(u2[i].usri2_name, 0), pw[i].name);
                                assert_null(u2[i].usri2_password);
                                assert_inside(buf, u2[i].usri2_logon_hours, 21);
                                break;
                        case 10:
                                assert_string_equal(u8(u10[i].usri10_name, 0), pw[i].name);
                                assert_memory_equal(u8(u10[i].usri10_full_name, 1), pw[i].gecos,
                                                    full_name_len(pw[i].gecos));
                                assert_string_equal(u8(u10[i].usri10_usr_comment, 2), "");
                                break;
                        case 11:
                                assert_string_equal(u8(u11[i].usri11_name, 0), pw[i].name);
                                assert_memory_equal(u8(u11[i].usri11_full_name, 1), pw[i].gecos,
                                                    full_name_len(pw[i].gecos));
                                assert_string_equal(u8(u11[i].usri11_home_dir, 2), pw[i].home);
                                assert_string_equal(u8(u11[i].usri11_usr_comment, 3), "");
                                assert_string_equal(u8(u11[i].usri11_logon_server, 0), "\\\\*");
                                assert_int_equal(u11[i].usri11_priv,
                                                 pw[i].uid == 0                  ? USER_PRIV_ADMIN
                                                 : !strcmp(pw[i].name, "nobody") ? USER_PRIV_GUEST
                                                                                 : USER_PRIV_USER);
                                assert_int_equal(u11[i].usri11_units_per_week, UNITS_PER_WEEK);
                                assert_inside(buf, u11[i].usri11_logon_hours, 21);
                                assert_str_inside(buf, u11[i].usri11_comment);
                                assert_str_inside(buf, u11[i].usri11_parms);
                                assert_str_inside(buf, u11[i].usri11_workstations);
                                break;
                        case 20:
                                assert_string_equal(u8(u20[i].usri20_name, 0), pw[i].name);
                                assert_int_equal(u20[i].usri20_user_id, pw[i].uid);
                                break;
                        case 23:
                                sid = u23[i].usri23_user_sid;
                                assert_inside(buf, sid, 16);
                                assert_int_equal(sid[0], 1);
                                assert_int_equal(sid[7], 22);
                                assert_memory_equal(sid + 12, &pw[i].uid, 4);
                                break;
                        }
                }
                NetApiBufferFree(buf);
        }
}

static void filter_selects_account_types(void **state)
{
        USER_INFO_20 *u = NULL;
        DWORD read = 0, total = 0;

        (void)state;
        assert_int_equal(NetUserEnum(NULL, 20, FILTER_WORKSTATION_TRUST_ACCOUNT, (LPBYTE *)&u,
                                     MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 1);
        assert_string_equal(u8(u[0].usri20_name, 0), "ws01$");
        assert_int_equal(u[0].usri20_flags & UF_ACCOUNT_TYPE_MASK, UF_WORKSTATION_TRUST_ACCOUNT);
        NetApiBufferFree(u);
        assert_int_equal(NetUserEnum(NULL, 0, FILTER_NORMAL_ACCOUNT, (LPBYTE *)&u,
                                     MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, npw - 1);
        NetApiBufferFree(u);
        assert_int_equal(NetUserEnum(NULL, 0, FILTER_SERVER_TRUST_ACCOUNT, (LPBYTE *)&u,
                                     MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 0);
        assert_null(u);
}

/* Walks the whole list with one prefmaxlen: every user once, in order, whole
 * entries only, at least one per call, and no more than prefmaxlen unless one
 * entry alone is larger. Returns the number of calls. */
static size_t walk(DWORD level, DWORD pref, size_t max_calls)
{
        DWORD resume = 0, read, total;
        size_t seen = 0, calls = 0;
        NET_API_STATUS st;

        do {
                USER_INFO_1 *u = NULL;
                size_t i, bytes = 0;

                st = NetUserEnum(NULL, level, 0, (LPBYTE *)&u, pref, &read, &total, &resume);
                assert_true(st == NERR_Success || st == ERROR_MORE_DATA);
                assert_true(read >= 1);
                assert_int_equal(total, npw - seen);
                for (i = 0; i < read; i++) {
                        const WCHAR *name =
                            level == 0 ? ((USER_INFO_0 *)u)[i].usri0_name : u[i].usri1_name;

                        assert_string_equal(u8(name, 0), pw[seen + i].name);
                        assert_str_inside(u, name);
                        bytes += level == 0 ? sizeof(USER_INFO_0) + wbytes(name)
                                            : sizeof(USER_INFO_1) + wbytes(name) +
                                                  wbytes(u[i].usri1_home_dir) +
                                                  wbytes(u[i].usri1_comment) + 2;
                }
                assert_block_at_least(u, bytes);
                if (read > 1)
                        assert_true(bytes <= pref);
                seen += read;
                assert_int_equal(resume, st == ERROR_MORE_DATA ? seen : 0);
                NetApiBufferFree(u);
                calls++;
        } while (st == ERROR_MORE_DATA && calls < max_calls);
        if (st == NERR_Success)
                assert_int_equal(seen, npw);
        return calls;
}

static void paging_returns_every_user_exactly_once(void **state)
{
        static const DWORD prefs[] = {MAX_PREFERRED_LENGTH, 1u << 20, 262144, 65536, 12345, 8191};
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(prefs) / sizeof(prefs[0]); i++) {
                walk(0, prefs[i], (size_t)-1);
                walk(1, prefs[i], (size_t)-1);
        }
}

/* Small preferences: the first pages (a full walk would re-read 10,000 users per
 * call); the full small-preference walks run over the group members. */
static void small_prefmaxlen_still_returns_whole_entries(void **state)
{
        static const DWORD prefs[] = {0, 1, 7, 8, 31, 64, 100, 1000};
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(prefs) / sizeof(prefs[0]); i++) {
                assert_int_equal(walk(0, prefs[i], 3), 3);
                walk(1, prefs[i], 3);
        }
}

static void resume_past_the_end_returns_nothing(void **state)
{
        DWORD resume = (DWORD)npw + 5, read = 9, total = 9;
        LPBYTE buf = (LPBYTE)1;

        (void)state;
        assert_int_equal(
            NetUserEnum(NULL, 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_Success);
        assert_null(buf);
        assert_int_equal(read, 0);
        assert_int_equal(total, 0);
        assert_int_equal(resume, 0);
}

/* The SID winnet gives an account: S-1-22-1-<uid> (Samba's Unix-user SID). */
static void check_user_sid(const void *buf, const unsigned char *sid, unsigned uid)
{
        assert_inside(buf, sid, 16);
        assert_int_equal(sid[0], 1);
        assert_int_equal(sid[7], 22);
        assert_memory_equal(sid + 12, &uid, 4);
}

/* Levels 4, 11 and 24 of one user against its level 3 (itself checked against
 * getent). */
static void check_other_levels(LPCWSTR name, const USER_INFO_3 *u3)
{
        USER_INFO_4 *u4 = NULL;
        USER_INFO_11 *u11 = NULL;
        USER_INFO_24 *u24 = NULL;

        assert_int_equal(NetUserGetInfo(NULL, name, 4, (LPBYTE *)&u4), NERR_Success);
        assert_string_equal(u8(u4->usri4_name, 0), u8(u3->usri3_name, 1));
        assert_string_equal(u8(u4->usri4_full_name, 0), u8(u3->usri3_full_name, 1));
        assert_string_equal(u8(u4->usri4_comment, 0), u8(u3->usri3_comment, 1));
        assert_string_equal(u8(u4->usri4_home_dir, 0), u8(u3->usri3_home_dir, 1));
        assert_string_equal(u8(u4->usri4_logon_server, 0), "\\\\*");
        assert_string_equal(u8(u4->usri4_profile, 0), "");
        assert_null(u4->usri4_password);
        assert_int_equal(u4->usri4_priv, u3->usri3_priv);
        assert_int_equal(u4->usri4_flags, u3->usri3_flags);
        assert_int_equal(u4->usri4_primary_group_id, u3->usri3_primary_group_id);
        assert_int_equal(u4->usri4_acct_expires, TIMEQ_FOREVER);
        assert_inside(u4, u4->usri4_logon_hours, 21);
        assert_int_equal(u4->usri4_logon_hours[20], 0xff);
        check_user_sid(u4, u4->usri4_user_sid, u3->usri3_user_id);
        assert_block_at_least(u4, sizeof(*u4) + wbytes(u4->usri4_name) + 21 + 16);
        NetApiBufferFree(u4);

        assert_int_equal(NetUserGetInfo(NULL, name, 11, (LPBYTE *)&u11), NERR_Success);
        assert_string_equal(u8(u11->usri11_name, 0), u8(u3->usri3_name, 1));
        assert_string_equal(u8(u11->usri11_full_name, 0), u8(u3->usri3_full_name, 1));
        assert_string_equal(u8(u11->usri11_comment, 0), u8(u3->usri3_comment, 1));
        assert_string_equal(u8(u11->usri11_home_dir, 0), u8(u3->usri3_home_dir, 1));
        assert_int_equal(u11->usri11_priv, u3->usri3_priv);
        assert_int_equal(u11->usri11_max_storage, USER_MAXSTORAGE_UNLIMITED);
        assert_inside(u11, u11->usri11_logon_hours, 21);
        NetApiBufferFree(u11);

        /* Linux accounts are connected to no Internet identity. */
        assert_int_equal(NetUserGetInfo(NULL, name, 24, (LPBYTE *)&u24), NERR_Success);
        assert_int_equal(u24->usri24_internet_identity, FALSE);
        assert_int_equal(u24->usri24_flags, 0);
        assert_null(u24->usri24_internet_provider_name);
        assert_null(u24->usri24_internet_principal_name);
        check_user_sid(u24, u24->usri24_user_sid, u3->usri3_user_id);
        NetApiBufferFree(u24);
}

static void get_info_finds_each_kind_of_user(void **state)
{
        static const size_t picks[] = {0, 3, 5, 7, 11, FIXTURE_USERS - 1};
        char name[64];
        size_t i, k;

        (void)state;
        for (i = 0; i < sizeof(picks) / sizeof(picks[0]); i++) {
                USER_INFO_3 *u = NULL;
                WCHAR w[64];
                const struct pwline *e = NULL;

                fixture_user_name(picks[i], name, sizeof(name));
                utf8_to_utf16(name, strlen(name), w, 64);
                for (k = 0; k < npw && !e; k++)
                        if (!strcmp(pw[k].name, name))
                                e = &pw[k];
                assert_non_null(e);
                assert_int_equal(NetUserGetInfo(NULL, w, 3, (LPBYTE *)&u), NERR_Success);
                check_user3(u, e, u);
                assert_block_at_least(u, sizeof(*u) + wbytes(u->usri3_name));
                check_other_levels(w, u);
                NetApiBufferFree(u);
        }
}

static void get_info_errors(void **state)
{
        LPBYTE buf = (LPBYTE)1;

        (void)state;
        assert_int_equal(NetUserGetInfo(NULL, u"no-such-user", 0, &buf), NERR_UserNotFound);
        assert_null(buf);
        buf = (LPBYTE)1;
        assert_int_equal(NetUserGetInfo(NULL, u"", 0, &buf), NERR_UserNotFound);
        assert_null(buf);
        buf = (LPBYTE)1;
        assert_int_equal(NetUserGetInfo(NULL, u"root", 5, &buf), ERROR_INVALID_LEVEL);
        assert_null(buf);
        buf = (LPBYTE)1;
        assert_int_equal(NetUserGetInfo(NULL, u"root", 21, &buf), ERROR_INVALID_LEVEL);
        assert_null(buf);
        assert_int_equal(NetUserGetInfo(NULL, u"root", 0, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(NetUserGetInfo(NULL, NULL, 0, &buf), ERROR_INVALID_PARAMETER);
        assert_int_equal(NetUserGetInfo(u"\\\\elsewhere", u"root", 0, &buf), NERR_InvalidComputer);
        assert_int_equal(NetUserGetInfo(u"\\", u"root", 0, &buf), ERROR_INVALID_NAME);
}

static void enum_errors_set_every_out_parameter(void **state)
{
        static const struct {
                const WCHAR *server;
                DWORD level;
                NET_API_STATUS st;
        } cases[] = {
            {NULL, 5, ERROR_INVALID_LEVEL},
            {NULL, 4, ERROR_INVALID_LEVEL},  /* NetUserGetInfo's only */
            {NULL, 24, ERROR_INVALID_LEVEL}, /* NetUserGetInfo's only */
            {u"\\", 0, ERROR_INVALID_NAME},
            {u"\\\\", 0, ERROR_INVALID_NAME},
            {u"\\x", 0, ERROR_INVALID_NAME},
            {u"\\\\a\\b", 0, ERROR_INVALID_NAME},
            {u"\\\\other-machine", 0, NERR_InvalidComputer},
            {u"other-machine", 0, NERR_InvalidComputer},
            {u"\\\\" FIXTURE_NETBIOS, 0, NERR_Success},
            {u"\\\\winnet-netapi-test-host", 0, NERR_Success},
            {u"WINNET-NETAPI-TEST-HOST", 0, NERR_Success},
            {u"localhost", 0, NERR_Success},
        };
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                LPBYTE buf = (LPBYTE)1;
                DWORD read = 7, total = 7, resume = 0;

                assert_int_equal(NetUserEnum(cases[i].server, cases[i].level, 0, &buf,
                                             MAX_PREFERRED_LENGTH, &read, &total, &resume),
                                 cases[i].st);
                if (cases[i].st == NERR_Success) {
                        assert_int_equal(read, npw);
                        NetApiBufferFree(buf);
                        continue;
                }
                assert_null(buf);
                assert_int_equal(read, 0);
                assert_int_equal(total, 0);
        }
        {
                DWORD read = 7, total = 7;
                LPBYTE buf = (LPBYTE)1;

                assert_int_equal(NetUserEnum(NULL, 0, 0, NULL, 0, &read, &total, NULL),
                                 ERROR_INVALID_PARAMETER);
                assert_int_equal(read, 0);
                assert_int_equal(NetUserEnum(NULL, 0, 0, &buf, 0, NULL, &total, NULL),
                                 ERROR_INVALID_PARAMETER);
                assert_null(buf);
                assert_int_equal(NetUserEnum(NULL, 0, 0, &buf, 0, &read, NULL, NULL),
                                 ERROR_INVALID_PARAMETER);
        }
}

struct enum_args {
        DWORD level, pref;
};

static NET_API_STATUS call_enum(void *ctx, LPBYTE *buf)
{
        struct enum_args *a = ctx;
        DWORD read = 9, total = 9, resume = 0;
        NET_API_STATUS st = NetUserEnum(NULL, a->level, 0, buf, a->pref, &read, &total, &resume);

        if (st == ERROR_NOT_ENOUGH_MEMORY)
                assert_true(read == 0 && total == 0);
        return st;
}

static NET_API_STATUS call_get_info(void *ctx, LPBYTE *buf)
{
        return NetUserGetInfo(NULL, u"user00001", *(DWORD *)ctx, buf);
}

static void every_allocation_failure_is_clean(void **state)
{
        static const DWORD levels[] = {0, 1, 2, 3, 4, 10, 11, 20, 23, 24};
        size_t i;

        (void)state;
        fixture_small_passwd(300); /* enough to grow every buffer more than once */
        for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
                struct enum_args all = {levels[i], MAX_PREFERRED_LENGTH}, page = {levels[i], 500};
                DWORD level = levels[i];

                if (level != 4 && level != 24) { /* NetUserGetInfo's only */
                        assert_true(fault_walk(call_enum, &all, NERR_Success) > 3);
                        fault_walk(call_enum, &page, ERROR_MORE_DATA);
                }
                assert_true(fault_walk(call_get_info, &level, NERR_Success) >= 2);
        }
        fixture_full_passwd();
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(all_users_equal_getent),
            cmocka_unit_test(every_level_has_the_same_users),
            cmocka_unit_test(filter_selects_account_types),
            cmocka_unit_test(paging_returns_every_user_exactly_once),
            cmocka_unit_test(small_prefmaxlen_still_returns_whole_entries),
            cmocka_unit_test(resume_past_the_end_returns_nothing),
            cmocka_unit_test(get_info_finds_each_kind_of_user),
            cmocka_unit_test(get_info_errors),
            cmocka_unit_test(enum_errors_set_every_out_parameter),
            cmocka_unit_test(every_allocation_failure_is_clean),
        };

        fixture_enter(FIXTURE_USERS);
        load_getent();
        return cmocka_run_group_tests(tests, NULL, NULL);
}
