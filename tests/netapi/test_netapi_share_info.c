/* test_netapi_share_info.c - NetShareGetInfo: every share NetShareEnum lists, by its
 * name and by other spellings of it, with the same fields at levels 0, 1 and 2 (a
 * stand-in testparm, and Samba's real one with our smb.conf when installed); an
 * unknown share, no Samba, every error, every allocation failing in turn. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"
#include "utf16.h"

static char saved_path[4096];

static int setup(void **state)
{
        (void)state;
        setenv("PATH", saved_path, 1);
        fixture_tool_remove("testparm");
        return 0;
}

static void stand_in_testparm(void)
{
        fixture_tool("testparm", "#!/bin/sh\necho 'Load smb config files from x' >&2\n"
                                 "cat <<'END'\n"
                                 "# Global parameters\n[global]\n\tworkgroup = TESTGROUP\n\n\n"
                                 "[Data]\n\tcomment = Donn\xc3\xa9"
                                 "es partag\xc3\xa9"
                                 "es\n"
                                 "\tmax connections = 7\n\tpath = /srv/data\n\n\n"
                                 "[printers]\n\tpath = /var/tmp\n\tprintable = Yes\n\n\n"
                                 "[hidden$]\n\tbrowseable = No\n\tpath = /srv/hidden\n\n\n"
                                 "[caf\xc3\xa9]\n\tpath = /srv/cafe\nEND\n");
}

static void same_share(const SHARE_INFO_2 *a, const SHARE_INFO_2 *b, DWORD level)
{
        assert_string_equal(u8(a->shi2_netname, 0), u8(b->shi2_netname, 1));
        if (level < 1)
                return;
        assert_int_equal(a->shi2_type, b->shi2_type);
        assert_string_equal(u8(a->shi2_remark, 0), u8(b->shi2_remark, 1));
        if (level < 2)
                return;
        assert_int_equal(a->shi2_permissions, b->shi2_permissions);
        assert_int_equal(a->shi2_max_uses, b->shi2_max_uses);
        assert_int_equal(a->shi2_current_uses, b->shi2_current_uses);
        assert_string_equal(u8(a->shi2_path, 0), u8(b->shi2_path, 1));
        assert_null(b->shi2_passwd);
}

/* Every share of NetShareEnum, looked up by its own name, at every level. */
static void each_listed_share(size_t expect)
{
        SHARE_INFO_2 *all = NULL;
        DWORD read = 0, total = 0, i, level;

        assert_int_equal(
            NetShareEnum(NULL, 2, (LPBYTE *)&all, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(read, expect);
        for (i = 0; i < read; i++)
                for (level = 0; level <= 2; level++) {
                        SHARE_INFO_2 one = {0};
                        LPBYTE buf = (LPBYTE)1;

                        assert_int_equal(NetShareGetInfo(NULL, all[i].shi2_netname, level, &buf),
                                         NERR_Success);
                        if (level == 0) {
                                one.shi2_netname = ((SHARE_INFO_0 *)buf)->shi0_netname;
                                assert_block_at_least(buf, sizeof(SHARE_INFO_0) +
                                                               wbytes(one.shi2_netname));
                        } else if (level == 1) {
                                one.shi2_netname = ((SHARE_INFO_1 *)buf)->shi1_netname;
                                one.shi2_type = ((SHARE_INFO_1 *)buf)->shi1_type;
                                one.shi2_remark = ((SHARE_INFO_1 *)buf)->shi1_remark;
                        } else {
                                one = *(SHARE_INFO_2 *)buf;
                                assert_str_inside(buf, one.shi2_path);
                        }
                        assert_str_inside(buf, one.shi2_netname);
                        assert_str_inside(buf, one.shi2_remark);
                        same_share(&all[i], &one, level);
                        NetApiBufferFree(buf);
                }
        NetApiBufferFree(all);
}

static void every_share_netshareenum_lists(void **state)
{
        (void)state;
        stand_in_testparm();
        each_listed_share(5);
}

static void real_testparm(void **state)
{
        static const char conf[] = "[global]\n   workgroup = TESTGROUP\n"
                                   "[data]\n   path = /srv/data\n   comment = ours\n"
                                   "   max connections = 3\n"
                                   "[printers]\n   path = /var/tmp\n   printable = yes\n";
        LPBYTE buf = (LPBYTE)1;
        FILE *f;

        (void)state;
        if (access("/etc/samba/smb.conf", F_OK) != 0 || system("command -v testparm >/dev/null")) {
                print_message("SKIP part: Samba's testparm is not installed\n");
                return;
        }
        f = fopen(FIXTURE_DIR "/smb-info.conf", "w");
        assert_non_null(f);
        fputs(conf, f);
        fclose(f);
        assert_int_equal(
            mount(FIXTURE_DIR "/smb-info.conf", "/etc/samba/smb.conf", "none", MS_BIND, NULL), 0);
        each_listed_share(3);
        assert_int_equal(NetShareGetInfo(NULL, u"DATA", 2, &buf), NERR_Success);
        assert_int_equal(((SHARE_INFO_2 *)buf)->shi2_max_uses, 3);
        NetApiBufferFree(buf);
        umount2("/etc/samba/smb.conf", 0);
}

/* Names compare case-insensitively (ASCII letters); the share keeps its own spelling. */
static void names_compare_without_case(void **state)
{
        static const WCHAR *const spellings[] = {u"data", u"DATA", u"dAtA", u"Data"};
        size_t i;

        (void)state;
        stand_in_testparm();
        for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
                SHARE_INFO_1 *s = NULL;

                assert_int_equal(NetShareGetInfo(NULL, (LMSTR)spellings[i], 1, (LPBYTE *)&s),
                                 NERR_Success);
                assert_string_equal(u8(s->shi1_netname, 0), "Data");
                assert_int_equal(s->shi1_type, STYPE_DISKTREE);
                NetApiBufferFree(s);
        }
        {
                SHARE_INFO_2 *s = NULL;

                assert_int_equal(NetShareGetInfo(NULL, u"ipc$", 2, (LPBYTE *)&s), NERR_Success);
                assert_string_equal(u8(s->shi2_netname, 0), "IPC$");
                assert_int_equal(s->shi2_type, STYPE_IPC | STYPE_SPECIAL);
                assert_string_equal(u8(s->shi2_remark, 0), "IPC Service");
                NetApiBufferFree(s);
                assert_int_equal(NetShareGetInfo(NULL, u"caf\u00e9", 0, (LPBYTE *)&s),
                                 NERR_Success);
                NetApiBufferFree(s);
        }
}

static void unknown_share(void **state)
{
        static const WCHAR *const unknown[] = {u"nosuch", u"",      u"Dat",
                                               u"Data2",  u"data ", u"printers$"};
        size_t i;

        (void)state;
        stand_in_testparm();
        for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
                LPBYTE buf = (LPBYTE)1;

                assert_int_equal(NetShareGetInfo(NULL, (LMSTR)unknown[i], 1, &buf),
                                 NERR_NetNameNotFound);
                assert_null(buf);
        }
}

static void no_samba_no_share(void **state)
{
        LPBYTE buf = (LPBYTE)1;

        (void)state;
        setenv("PATH", FIXTURE_BIN, 1); /* no testparm anywhere */
        assert_int_equal(NetShareGetInfo(NULL, u"IPC$", 0, &buf), NERR_NetNameNotFound);
        assert_null(buf);
}

static void errors(void **state)
{
        static const DWORD bad_levels[] = {3, 10, 501, 502, 503, 1004, 1005, 1006, 1501};
        LPBYTE buf = (LPBYTE)1;
        size_t i;

        (void)state;
        stand_in_testparm();
        for (i = 0; i < sizeof(bad_levels) / sizeof(bad_levels[0]); i++) {
                buf = (LPBYTE)1;
                assert_int_equal(NetShareGetInfo(NULL, u"Data", bad_levels[i], &buf),
                                 ERROR_INVALID_LEVEL);
                assert_null(buf);
        }
        assert_int_equal(NetShareGetInfo(NULL, u"Data", 0, NULL), ERROR_INVALID_PARAMETER);
        buf = (LPBYTE)1;
        assert_int_equal(NetShareGetInfo(NULL, NULL, 0, &buf), ERROR_INVALID_PARAMETER);
        assert_null(buf);
        buf = (LPBYTE)1;
        assert_int_equal(NetShareGetInfo(u"\\\\nas", u"Data", 0, &buf), NERR_InvalidComputer);
        assert_null(buf);
        buf = (LPBYTE)1;
        assert_int_equal(NetShareGetInfo(u"\\", u"Data", 0, &buf), ERROR_INVALID_NAME);
        assert_null(buf);
        assert_int_equal(NetShareGetInfo(u"\\\\" FIXTURE_NETBIOS, u"Data", 0, &buf), NERR_Success);
        NetApiBufferFree(buf);
}

static NET_API_STATUS call(void *ctx, LPBYTE *buf)
{
        return NetShareGetInfo(NULL, u"hidden$", *(DWORD *)ctx, buf);
}

static NET_API_STATUS call_unknown(void *ctx, LPBYTE *buf)
{
        (void)ctx;
        return NetShareGetInfo(NULL, u"nosuch", 1, buf);
}

static void every_allocation_failure_is_clean(void **state)
{
        DWORD level;

        (void)state;
        stand_in_testparm();
        for (level = 0; level <= 2; level++)
                assert_true(fault_walk(call, &level, NERR_Success) > 3);
        assert_true(fault_walk(call_unknown, NULL, NERR_NetNameNotFound) > 2);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup(every_share_netshareenum_lists, setup),
            cmocka_unit_test_setup(real_testparm, setup),
            cmocka_unit_test_setup(names_compare_without_case, setup),
            cmocka_unit_test_setup(unknown_share, setup),
            cmocka_unit_test_setup(no_samba_no_share, setup),
            cmocka_unit_test_setup(errors, setup),
            cmocka_unit_test_setup(every_allocation_failure_is_clean, setup),
        };

        fixture_enter(10);
        snprintf(saved_path, sizeof(saved_path), "%s", getenv("PATH"));
        return cmocka_run_group_tests(tests, NULL, NULL);
}
