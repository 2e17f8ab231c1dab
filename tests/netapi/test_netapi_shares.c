/* test_netapi_shares.c - NetShareEnum from Samba's configuration: through the real
 * testparm with a configuration of our own bound over /etc/samba/smb.conf (when
 * Samba's tools are installed), through a stand-in testparm, and with no Samba. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"

static char saved_path[4096];

static const char smb_conf[] = "[global]\n"
                               "   workgroup = TESTGROUP\n"
                               "[data]\n"
                               "   path = /srv/data\n"
                               "   comment = Donn\xc3\xa9"
                               "es partag\xc3\xa9"
                               "es\n"
                               "   max connections = 7\n"
                               "[printers]\n"
                               "   path = /var/tmp\n"
                               "   printable = yes\n"
                               "[hidden$]\n"
                               "   path = /srv/hidden\n"
                               "   browseable = no\n";

static int setup(void **state)
{
        (void)state;
        setenv("PATH", saved_path, 1);
        fixture_tool_remove("testparm");
        return 0;
}

static void check_our_shares(const SHARE_INFO_2 *s, DWORD read)
{
        assert_int_equal(read, 4);
        assert_string_equal(u8(s[0].shi2_netname, 0), "data");
        assert_int_equal(s[0].shi2_type, STYPE_DISKTREE);
        assert_string_equal(u8(s[0].shi2_remark, 1), "Donn\xc3\xa9"
                                                     "es partag\xc3\xa9"
                                                     "es");
        assert_string_equal(u8(s[0].shi2_path, 2), "/srv/data");
        assert_int_equal(s[0].shi2_max_uses, 7);
        assert_null(s[0].shi2_passwd);
        assert_string_equal(u8(s[1].shi2_netname, 0), "printers");
        assert_int_equal(s[1].shi2_type, STYPE_PRINTQ);
        assert_string_equal(u8(s[2].shi2_netname, 0), "hidden$");
        assert_int_equal(s[2].shi2_max_uses, SHI_USES_UNLIMITED);
        assert_string_equal(u8(s[3].shi2_netname, 0), "IPC$");
        assert_int_equal(s[3].shi2_type, STYPE_IPC | STYPE_SPECIAL);
        assert_str_inside(s, s[3].shi2_path);
        assert_str_inside(s, s[0].shi2_remark);
}

static void real_testparm_reads_our_configuration(void **state)
{
        SHARE_INFO_2 *s = NULL;
        DWORD read = 0, total = 0;
        FILE *f;

        (void)state;
        if (access("/etc/samba/smb.conf", F_OK) != 0 || system("command -v testparm >/dev/null")) {
                print_message("SKIP part: Samba's testparm is not installed\n");
                return;
        }
        f = fopen(FIXTURE_DIR "/smb.conf", "w");
        assert_non_null(f);
        fputs(smb_conf, f);
        fclose(f);
        assert_int_equal(
            mount(FIXTURE_DIR "/smb.conf", "/etc/samba/smb.conf", "none", MS_BIND, NULL), 0);
        assert_int_equal(
            NetShareEnum(NULL, 2, (LPBYTE *)&s, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        check_our_shares(s, read);
        NetApiBufferFree(s);
        umount2("/etc/samba/smb.conf", 0);
}

static void stand_in_testparm(void)
{
        char script[4096];

        snprintf(script, sizeof(script),
                 "#!/bin/sh\necho 'Load smb config files from x' >&2\ncat <<'END'\n"
                 "# Global parameters\n[global]\n\tworkgroup = TESTGROUP\n\n\n"
                 "[data]\n\tcomment = Donn\xc3\xa9"
                 "es partag\xc3\xa9"
                 "es\n"
                 "\tmax connections = 7\n\tpath = /srv/data\n\n\n"
                 "[printers]\n\tpath = /var/tmp\n\tprintable = Yes\n\n\n"
                 "[hidden$]\n\tbrowseable = No\n\tpath = /srv/hidden\nEND\n");
        fixture_tool("testparm", script);
}

static void levels_0_1_2(void **state)
{
        SHARE_INFO_0 *s0 = NULL;
        SHARE_INFO_1 *s1 = NULL;
        SHARE_INFO_2 *s2 = NULL;
        DWORD read = 0, total = 0;

        (void)state;
        stand_in_testparm();
        assert_int_equal(
            NetShareEnum(NULL, 2, (LPBYTE *)&s2, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        check_our_shares(s2, read);
        NetApiBufferFree(s2);
        assert_int_equal(
            NetShareEnum(NULL, 1, (LPBYTE *)&s1, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(read, 4);
        assert_int_equal(s1[1].shi1_type, STYPE_PRINTQ);
        assert_string_equal(u8(s1[3].shi1_remark, 0), "IPC Service");
        NetApiBufferFree(s1);
        assert_int_equal(
            NetShareEnum(NULL, 0, (LPBYTE *)&s0, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_string_equal(u8(s0[2].shi0_netname, 0), "hidden$");
        assert_block_at_least(s0, 4 * sizeof(*s0) + wbytes(s0[0].shi0_netname));
        NetApiBufferFree(s0);
}

static void paging(void **state)
{
        static const DWORD prefs[] = {0, 1, 30, 64, 200, MAX_PREFERRED_LENGTH};
        size_t p;

        (void)state;
        stand_in_testparm();
        for (p = 0; p < sizeof(prefs) / sizeof(prefs[0]); p++) {
                static const char *names[] = {"data", "printers", "hidden$", "IPC$"};
                DWORD resume = 0, read, total;
                size_t seen = 0, i;
                NET_API_STATUS st;

                do {
                        SHARE_INFO_0 *s = NULL;

                        st = NetShareEnum(NULL, 0, (LPBYTE *)&s, prefs[p], &read, &total, &resume);
                        assert_true(st == NERR_Success || st == ERROR_MORE_DATA);
                        assert_true(read >= 1);
                        for (i = 0; i < read; i++)
                                assert_string_equal(u8(s[i].shi0_netname, 0), names[seen + i]);
                        seen += read;
                        NetApiBufferFree(s);
                } while (st == ERROR_MORE_DATA);
                assert_int_equal(seen, 4);
        }
}

static void no_samba_means_no_shares(void **state)
{
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 1, total = 1;

        (void)state;
        setenv("PATH", FIXTURE_BIN, 1); /* no testparm anywhere */
        assert_int_equal(NetShareEnum(NULL, 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_null(buf);
        assert_int_equal(read, 0);
        assert_int_equal(total, 0);
        /* a testparm that hangs is given up on, not waited for */
        fixture_tool("testparm", "#!/bin/sh\nexec sleep 30\n");
        assert_int_equal(NetShareEnum(NULL, 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 0);
}

static void errors(void **state)
{
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 1, total = 1;

        (void)state;
        assert_int_equal(NetShareEnum(NULL, 3, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         ERROR_INVALID_LEVEL);
        assert_true(!buf && !read && !total);
        assert_int_equal(NetShareEnum(NULL, 502, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         ERROR_INVALID_LEVEL);
        assert_int_equal(
            NetShareEnum(u"\\\\nas", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_InvalidComputer);
        assert_int_equal(NetShareEnum(u"\\", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         ERROR_INVALID_NAME);
        assert_int_equal(NetShareEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, NULL, &total, NULL),
                         ERROR_INVALID_PARAMETER);
}

static NET_API_STATUS call(void *ctx, LPBYTE *buf)
{
        DWORD read, total;

        return NetShareEnum(NULL, *(DWORD *)ctx, buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
}

static void every_allocation_failure_is_clean(void **state)
{
        DWORD level;

        (void)state;
        stand_in_testparm();
        for (level = 0; level <= 2; level++)
                assert_true(fault_walk(call, &level, NERR_Success) > 3);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup(real_testparm_reads_our_configuration, setup),
            cmocka_unit_test_setup(levels_0_1_2, setup),
            cmocka_unit_test_setup(paging, setup),
            cmocka_unit_test_setup(no_samba_means_no_shares, setup),
            cmocka_unit_test_setup(errors, setup),
            cmocka_unit_test_setup(every_allocation_failure_is_clean, setup),
        };

        fixture_enter(10);
        snprintf(saved_path, sizeof(saved_path), "%s", getenv("PATH"));
        return cmocka_run_group_tests(tests, NULL, NULL);
}
