/* test_netapi_errors.c - the code a Net* call returns when its source fails for a
 * reason other than memory: the one mapping (netapi_status) value by value, then
 * each call end to end with its source failing underneath it. The library's NSS
 * calls, posix_spawnp and gethostname are wrapped at link time (-Wl,--wrap, see
 * CMakeLists.txt): each fails with a chosen errno when told to, else the NSS calls
 * and gethostname pass through to the real ones. Helper tools are never started
 * (posix_spawnp answers ENOENT, "not installed", unless told otherwise). No
 * namespace and no root: a failing call reads none of the host's data, and the
 * passing ones only need the root user and group every Linux host has. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <spawn.h>
#include <stdio.h>
#include <unistd.h>

#include "check.h"
#include "lmerr.h"
#include "netapi_int.h"

/* ---- the wrapped calls ---- */

enum source { PWENT, PWNAM, PWUID, GRENT, GRNAM, SPAWN, HOSTNAME, SOURCES };

static struct inject {
        int err;       /* 0: pass through */
        unsigned pass; /* calls that still pass before the failures start */
        size_t need;   /* err ERANGE: the buffer size below which NSS says ERANGE */
        unsigned calls;
} inj[SOURCES];

static void reset(void)
{
        memset(inj, 0, sizeof(inj));
        inj[SPAWN].err = ENOENT;
}

/* The errno call s fails with now, or 0. */
static int injected(enum source s, size_t cap)
{
        struct inject *i = &inj[s];

        i->calls++;
        if (i->err == ERANGE)
                return cap < i->need ? ERANGE : 0;
        if (i->pass) {
                i->pass--;
                return 0;
        }
        return i->err;
}

int __real_getpwent_r(struct passwd *pw, char *buf, size_t cap, struct passwd **res);
int __real_getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t cap,
                      struct passwd **res);
int __real_getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t cap, struct passwd **res);
int __real_getgrent_r(struct group *gr, char *buf, size_t cap, struct group **res);
int __real_getgrnam_r(const char *name, struct group *gr, char *buf, size_t cap,
                      struct group **res);
int __real_gethostname(char *name, size_t len);

/* NSS fails as glibc reports a failed backend: the error number, *res NULL. */
int __wrap_getpwent_r(struct passwd *pw, char *buf, size_t cap, struct passwd **res)
{
        int e = injected(PWENT, cap);

        if (e)
                *res = NULL;
        return e ? e : __real_getpwent_r(pw, buf, cap, res);
}

int __wrap_getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t cap,
                      struct passwd **res)
{
        int e = injected(PWNAM, cap);

        if (e)
                *res = NULL;
        return e ? e : __real_getpwnam_r(name, pw, buf, cap, res);
}

int __wrap_getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t cap, struct passwd **res)
{
        int e = injected(PWUID, cap);

        if (e)
                *res = NULL;
        return e ? e : __real_getpwuid_r(uid, pw, buf, cap, res);
}

int __wrap_getgrent_r(struct group *gr, char *buf, size_t cap, struct group **res)
{
        int e = injected(GRENT, cap);

        if (e)
                *res = NULL;
        return e ? e : __real_getgrent_r(gr, buf, cap, res);
}

int __wrap_getgrnam_r(const char *name, struct group *gr, char *buf, size_t cap, struct group **res)
{
        int e = injected(GRNAM, cap);

        if (e)
                *res = NULL;
        return e ? e : __real_getgrnam_r(name, gr, buf, cap, res);
}

/* Never starts anything: ENOENT ("not installed") unless told another errno. */
int __wrap_posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
                        const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
        (void)pid, (void)file, (void)fa, (void)attr, (void)argv, (void)envp;
        inj[SPAWN].calls++;
        return inj[SPAWN].err ? inj[SPAWN].err : ENOENT;
}

int __wrap_gethostname(char *name, size_t len)
{
        int e = injected(HOSTNAME, 0);

        if (e) {
                errno = e;
                return -1;
        }
        return __real_gethostname(name, len);
}

/* ---- checks ---- */

static size_t live;

static int setup(void **state)
{
        (void)state;
        reset();
        live = winnet_verifier_live_blocks();
        return 0;
}

/* Nothing the failed call allocated is left behind. */
static int teardown(void **state)
{
        (void)state;
        reset();
        assert_int_equal(winnet_verifier_live_blocks(), live);
        return 0;
}

static void fail_with(enum source s, int err, unsigned pass)
{
        inj[s].err = err;
        inj[s].pass = pass;
        inj[s].calls = 0;
}

/* An *Enum call's result and its out-parameters (all NULL/0 on failure). */
struct enum_out {
        LPBYTE buf;
        DWORD read, total, resume;
};

#define assert_enum_failed(call, want, o) enum_failed((call), (want), (o), __LINE__)

static void enum_failed(NET_API_STATUS st, NET_API_STATUS want, const struct enum_out *o, int line)
{
        if (st != want)
                fail_msg("line %d: got %u, expected %u", line, (unsigned)st, (unsigned)want);
        assert_null(o->buf);
        assert_int_equal(o->read, 0);
        assert_int_equal(o->total, 0);
}

static NET_API_STATUS user_enum(struct enum_out *o)
{
        *o = (struct enum_out){(LPBYTE)1, 7, 7, 0};
        return NetUserEnum(NULL, 0, 0, &o->buf, MAX_PREFERRED_LENGTH, &o->read, &o->total,
                           &o->resume);
}

static NET_API_STATUS user_info(const WCHAR *name, LPBYTE *buf)
{
        *buf = (LPBYTE)1;
        return NetUserGetInfo(NULL, name, 0, buf);
}

/* ---- the mapping ---- */

static void status_maps_only_memory_to_not_enough_memory(void **state)
{
        static const struct {
                int r;
                NET_API_STATUS st;
        } cases[] = {
            {0, NERR_Success},
            {-ENOMEM, ERROR_NOT_ENOUGH_MEMORY},
            {-E2BIG, ERROR_NOT_ENOUGH_MEMORY}, /* a result too large to allocate */
            {-EACCES, ERROR_ACCESS_DENIED},
            {-EPERM, ERROR_ACCESS_DENIED},
            {-EIO, NERR_InternalError},
            {-EAGAIN, NERR_InternalError},
            {-EMFILE, NERR_InternalError},
            {-ENFILE, NERR_InternalError},
            {-ETIMEDOUT, NERR_InternalError},
            {-ENOENT, NERR_InternalError}, /* "not found" is each caller's own code */
            {-EINVAL, NERR_InternalError},
            {-ECONNREFUSED, NERR_InternalError},
        };
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
                if (netapi_status(cases[i].r) != cases[i].st)
                        fail_msg("netapi_status(%d, %s): got %u, expected %u", cases[i].r,
                                 strerror(-cases[i].r), (unsigned)netapi_status(cases[i].r),
                                 (unsigned)cases[i].st);
}

/* ---- users ---- */

static void user_enum_reports_nss_errors(void **state)
{
        struct enum_out o;

        (void)state;
        fail_with(PWENT, EIO, 0);
        assert_enum_failed(user_enum(&o), NERR_InternalError, &o);
        fail_with(PWENT, EIO, 1); /* after the first user: the rows read are freed */
        assert_enum_failed(user_enum(&o), NERR_InternalError, &o);
        assert_int_equal(inj[PWENT].calls, 2);
        fail_with(PWENT, EAGAIN, 0); /* a directory backend that is not answering */
        assert_enum_failed(user_enum(&o), NERR_InternalError, &o);
        fail_with(PWENT, EACCES, 0);
        assert_enum_failed(user_enum(&o), ERROR_ACCESS_DENIED, &o);
        fail_with(PWENT, ENOMEM, 0); /* NSS itself out of memory: still memory */
        assert_enum_failed(user_enum(&o), ERROR_NOT_ENOUGH_MEMORY, &o);
}

static void user_get_info_tells_failure_from_unknown_user(void **state)
{
        LPBYTE buf;

        (void)state;
        fail_with(PWNAM, EIO, 0);
        assert_int_equal(user_info(u"root", &buf), NERR_InternalError);
        assert_null(buf);
        fail_with(PWNAM, EPERM, 0);
        assert_int_equal(user_info(u"root", &buf), ERROR_ACCESS_DENIED);
        assert_null(buf);
        fail_with(PWNAM, ENOENT, 0); /* no passwd database at all: nobody is in it */
        assert_int_equal(user_info(u"root", &buf), NERR_UserNotFound);
        assert_null(buf);
        reset();
        assert_int_equal(user_info(u"winnet-no-such-user", &buf), NERR_UserNotFound);
        assert_null(buf);
}

static void nss_buffer_grows_while_nss_says_erange(void **state)
{
        USER_INFO_0 *u;

        (void)state;
        inj[PWNAM] = (struct inject){.err = ERANGE, .need = 65536};
        assert_int_equal(user_info(u"root", (LPBYTE *)&u), NERR_Success);
        assert_string_equal(u8(u->usri0_name, 0), "root");
        assert_int_equal(inj[PWNAM].calls, 5); /* 4096, 8192, 16384, 32768, 65536 */
        NetApiBufferFree(u);
}

/* ---- groups ---- */

static void group_calls_report_nss_errors(void **state)
{
        struct enum_out o = {(LPBYTE)1, 7, 7, 0};
        DWORD_PTR resume = 0;
        DWORD n = 7;
        LPBYTE buf = (LPBYTE)1;

        (void)state;
        fail_with(GRENT, EIO, 0);
        assert_enum_failed(
            NetLocalGroupEnum(NULL, 0, &o.buf, MAX_PREFERRED_LENGTH, &o.read, &o.total, &resume),
            NERR_InternalError, &o);
        fail_with(GRENT, EIO, 1);
        assert_enum_failed(
            NetGroupEnum(NULL, 0, &o.buf, MAX_PREFERRED_LENGTH, &o.read, &o.total, &resume),
            NERR_InternalError, &o);
        fail_with(GRENT, EIO, 0);
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 3, 0, 100, MAX_PREFERRED_LENGTH, &n, (PVOID *)&buf),
            NERR_InternalError);
        assert_null(buf);
        assert_int_equal(n, 0);
        fail_with(GRNAM, EIO, 0);
        assert_int_equal(NetLocalGroupGetInfo(NULL, u"root", 1, &buf), NERR_InternalError);
        assert_null(buf);
        assert_enum_failed(NetLocalGroupGetMembers(NULL, u"root", 3, &o.buf, MAX_PREFERRED_LENGTH,
                                                   &o.read, &o.total, &resume),
                           NERR_InternalError, &o);
        reset();
        assert_int_equal(NetLocalGroupGetInfo(NULL, u"winnet-no-such-group", 1, &buf),
                         NERR_GroupNotFound);
}

/* The membership calls: a failing passwd or group lookup or enumeration is that
 * failure (ERROR_ACCESS_DENIED for EACCES/EPERM, NERR_InternalError otherwise),
 * never NERR_UserNotFound or NERR_GroupNotFound. */
static void membership_calls_report_nss_errors(void **state)
{
        static const struct {
                int err;
                NET_API_STATUS want;
        } errs[] = {
            {EIO, NERR_InternalError}, {EACCES, ERROR_ACCESS_DENIED}, {EPERM, ERROR_ACCESS_DENIED}};
        struct enum_out o;
        DWORD_PTR resume = 0;
        LPBYTE buf;
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
                fail_with(PWNAM, errs[i].err, 0);
                o = (struct enum_out){(LPBYTE)1, 7, 7, 0};
                assert_enum_failed(NetUserGetGroups(NULL, u"root", 1, &o.buf, MAX_PREFERRED_LENGTH,
                                                    &o.read, &o.total),
                                   errs[i].want, &o);
                o = (struct enum_out){(LPBYTE)1, 7, 7, 0};
                assert_enum_failed(NetUserGetLocalGroups(NULL, u"root", 0, LG_INCLUDE_INDIRECT,
                                                         &o.buf, MAX_PREFERRED_LENGTH, &o.read,
                                                         &o.total),
                                   errs[i].want, &o);
                reset();
                fail_with(GRENT, errs[i].err, 0);
                o = (struct enum_out){(LPBYTE)1, 7, 7, 0};
                assert_enum_failed(NetUserGetGroups(NULL, u"root", 0, &o.buf, MAX_PREFERRED_LENGTH,
                                                    &o.read, &o.total),
                                   errs[i].want, &o);
                reset();
                fail_with(GRNAM, errs[i].err, 0);
                buf = (LPBYTE)1;
                assert_int_equal(NetGroupGetInfo(NULL, u"root", 3, &buf), errs[i].want);
                assert_null(buf);
                o = (struct enum_out){(LPBYTE)1, 7, 7, 0};
                assert_enum_failed(NetGroupGetUsers(NULL, u"root", 1, &o.buf, MAX_PREFERRED_LENGTH,
                                                    &o.read, &o.total, &resume),
                                   errs[i].want, &o);
                reset();
        }
        o = (struct enum_out){(LPBYTE)1, 7, 7, 0};
        assert_enum_failed(NetUserGetGroups(NULL, u"winnet-no-such-user", 0, &o.buf,
                                            MAX_PREFERRED_LENGTH, &o.read, &o.total),
                           NERR_UserNotFound, &o);
        assert_int_equal(NetGroupGetInfo(NULL, u"winnet-no-such-group", 0, &buf),
                         NERR_GroupNotFound);
        assert_enum_failed(NetGroupGetUsers(NULL, u"winnet-no-such-group", 0, &o.buf,
                                            MAX_PREFERRED_LENGTH, &o.read, &o.total, NULL),
                           NERR_GroupNotFound, &o);
}

/* The members of a group that exists, when what resolves them fails: passwd (levels
 * 0-2 carry SIDs) and the host name (levels 2 and 3 carry DOMAIN\name). */
static void members_report_the_failure_behind_them(void **state)
{
        struct enum_out o = {(LPBYTE)1, 7, 7, 0};

        (void)state;
        fail_with(PWENT, EIO, 0);
        assert_enum_failed(NetLocalGroupGetMembers(NULL, u"root", 0, &o.buf, MAX_PREFERRED_LENGTH,
                                                   &o.read, &o.total, NULL),
                           NERR_InternalError, &o);
        reset();
        fail_with(HOSTNAME, EIO, 0);
        assert_enum_failed(NetLocalGroupGetMembers(NULL, u"root", 3, &o.buf, MAX_PREFERRED_LENGTH,
                                                   &o.read, &o.total, NULL),
                           NERR_InternalError, &o);
}

/* ---- sessions ---- */

static void sessions_report_failures(void **state)
{
        struct enum_out o = {(LPBYTE)1, 7, 7, 0};

        (void)state;
        fail_with(HOSTNAME, EIO, 0);
        assert_enum_failed(NetSessionEnum(NULL, NULL, NULL, 10, &o.buf, MAX_PREFERRED_LENGTH,
                                          &o.read, &o.total, NULL),
                           NERR_InternalError, &o);
        reset();
        /* No session of this user: is passwd sure it does not know them? */
        fail_with(PWNAM, EIO, 0);
        assert_enum_failed(NetSessionEnum(NULL, NULL, u"winnet-no-such-user", 10, &o.buf,
                                          MAX_PREFERRED_LENGTH, &o.read, &o.total, NULL),
                           NERR_InternalError, &o);
        reset();
        assert_enum_failed(NetSessionEnum(NULL, NULL, u"winnet-no-such-user", 10, &o.buf,
                                          MAX_PREFERRED_LENGTH, &o.read, &o.total, NULL),
                           NERR_UserNotFound, &o);
}

/* ---- helper tools (testparm, avahi-browse) ---- */

static void absent_tools_are_no_error(void **state)
{
        static const int absent[] = {ENOENT, EACCES};
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(absent) / sizeof(absent[0]); i++) {
                struct enum_out o = {(LPBYTE)1, 7, 7, 0};
                NETSETUP_JOIN_STATUS js;
                LPWSTR name;

                fail_with(SPAWN, absent[i], 0);
                assert_int_equal(
                    NetShareEnum(NULL, 0, &o.buf, MAX_PREFERRED_LENGTH, &o.read, &o.total, NULL),
                    NERR_Success);
                assert_null(o.buf);
                assert_int_equal(o.read, 0);
                assert_int_equal(NetGetJoinInformation(NULL, &name, &js), NERR_Success);
                assert_int_equal(js, NetSetupUnjoined);
                NetApiBufferFree(name);
                assert_true(inj[SPAWN].calls >= 2);
        }
}

static void tools_that_cannot_start_are_reported(void **state)
{
        struct enum_out o = {(LPBYTE)1, 7, 7, 0};
        NETSETUP_JOIN_STATUS js = NetSetupUnjoined;
        LPWSTR name = (LPWSTR)1;
        LPBYTE buf = (LPBYTE)1;

        (void)state;
        fail_with(SPAWN, EAGAIN, 0); /* fork failed: no processes left */
        assert_enum_failed(
            NetShareEnum(NULL, 1, &o.buf, MAX_PREFERRED_LENGTH, &o.read, &o.total, NULL),
            NERR_InternalError, &o);
        assert_int_equal(NetGetJoinInformation(NULL, &name, &js), NERR_InternalError);
        assert_null(name);
        assert_int_equal(js, NetSetupUnknownStatus);
        assert_int_equal(NetServerGetInfo(NULL, 101, &buf), NERR_InternalError);
        assert_null(buf);
        assert_enum_failed(NetServerEnum(NULL, 100, &o.buf, MAX_PREFERRED_LENGTH, &o.read, &o.total,
                                         SV_TYPE_ALL, NULL, NULL),
                           NERR_InternalError, &o);
}

/* ---- this host ---- */

static void host_calls_report_failures(void **state)
{
        struct enum_out o = {(LPBYTE)1, 7, 7, 0};
        WKSTA_USER_INFO_0 *u;
        LPBYTE buf = (LPBYTE)1;
        char uid[16];

        (void)state;
        fail_with(HOSTNAME, EIO, 0);
        assert_int_equal(NetServerGetInfo(NULL, 100, &buf), NERR_InternalError);
        assert_null(buf);
        assert_int_equal(NetWkstaGetInfo(NULL, 100, &buf), NERR_InternalError);
        assert_null(buf);
        assert_int_equal(NetWkstaUserGetInfo(NULL, 0, &buf), NERR_InternalError);
        assert_null(buf);
        assert_enum_failed(NetServerEnum(NULL, 101, &o.buf, MAX_PREFERRED_LENGTH, &o.read, &o.total,
                                         SV_TYPE_ALL, NULL, NULL),
                           NERR_InternalError, &o);
        reset();
        fail_with(PWUID, EIO, 0);
        assert_int_equal(NetWkstaUserGetInfo(NULL, 0, &buf), NERR_InternalError);
        assert_null(buf);
        fail_with(PWUID, ENOENT, 0); /* a uid passwd does not know: its number */
        assert_int_equal(NetWkstaUserGetInfo(NULL, 0, (LPBYTE *)&u), NERR_Success);
        snprintf(uid, sizeof(uid), "%u", (unsigned)geteuid());
        assert_string_equal(u8(u->wkui0_username, 0), uid);
        NetApiBufferFree(u);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup_teardown(status_maps_only_memory_to_not_enough_memory, setup,
                                            teardown),
            cmocka_unit_test_setup_teardown(user_enum_reports_nss_errors, setup, teardown),
            cmocka_unit_test_setup_teardown(user_get_info_tells_failure_from_unknown_user, setup,
                                            teardown),
            cmocka_unit_test_setup_teardown(nss_buffer_grows_while_nss_says_erange, setup,
                                            teardown),
            cmocka_unit_test_setup_teardown(group_calls_report_nss_errors, setup, teardown),
            cmocka_unit_test_setup_teardown(membership_calls_report_nss_errors, setup, teardown),
            cmocka_unit_test_setup_teardown(members_report_the_failure_behind_them, setup,
                                            teardown),
            cmocka_unit_test_setup_teardown(sessions_report_failures, setup, teardown),
            cmocka_unit_test_setup_teardown(absent_tools_are_no_error, setup, teardown),
            cmocka_unit_test_setup_teardown(tools_that_cannot_start_are_reported, setup, teardown),
            cmocka_unit_test_setup_teardown(host_calls_report_failures, setup, teardown),
        };

        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        return cmocka_run_group_tests(tests, NULL, NULL);
}
