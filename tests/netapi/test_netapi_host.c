/* test_netapi_host.c - NetServerGetInfo, NetWkstaGetInfo, NetWkstaUserGetInfo,
 * NetGetJoinInformation and NetServerEnum in a UTS namespace with a known host name,
 * with stand-ins for Samba's testparm and Avahi's avahi-browse (fixture_tool) so
 * every configuration is covered without touching the host or the network. */
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"

static unsigned kmajor, kminor;
static char saved_path[4096];

static void tool_prints(const char *tool, const char *text)
{
        char script[4096];

        snprintf(script, sizeof(script), "#!/bin/sh\ncat <<'END'\n%sEND\n", text);
        fixture_tool(tool, script);
}

static void samba_workgroup(void)
{
        tool_prints("testparm", "# Global parameters\n[global]\n\tworkgroup = acme\n"
                                "\tserver string = x\n\n[data]\n\tpath = /srv\n");
}

static void samba_member(void)
{
        tool_prints("testparm", "[global]\n\tworkgroup = CORP\n\trealm = CORP.EXAMPLE\n"
                                "\tsecurity = ADS\n\tserver role = member server\n");
}

/* PATH without the system directories: no testparm, no avahi-browse. */
static void no_tools(void)
{
        setenv("PATH", FIXTURE_BIN, 1);
        fixture_tool_remove("testparm");
        fixture_tool_remove("avahi-browse");
}

static int setup(void **state)
{
        (void)state;
        setenv("PATH", saved_path, 1);
        fixture_tool_remove("testparm");
        fixture_tool_remove("avahi-browse");
        return 0;
}

static void server_info_levels(void **state)
{
        SERVER_INFO_100 *s100 = NULL;
        SERVER_INFO_101 *s101 = NULL;
        SERVER_INFO_102 *s102 = NULL;

        (void)state;
        samba_workgroup();
        assert_int_equal(NetServerGetInfo(NULL, 100, (LPBYTE *)&s100), NERR_Success);
        assert_int_equal(s100->sv100_platform_id, PLATFORM_ID_NT);
        assert_string_equal(u8(s100->sv100_name, 0), FIXTURE_NETBIOS);
        assert_block_at_least(s100, sizeof(*s100) + sizeof(FIXTURE_NETBIOS) * 2);
        assert_str_inside(s100, s100->sv100_name);
        NetApiBufferFree(s100);
        assert_int_equal(NetServerGetInfo(u"\\\\" FIXTURE_HOSTNAME, 101, (LPBYTE *)&s101),
                         NERR_Success);
        assert_int_equal(s101->sv101_version_major, kmajor & MAJOR_VERSION_MASK);
        assert_int_equal(s101->sv101_version_minor, kminor);
        assert_int_equal(s101->sv101_type,
                         SV_TYPE_WORKSTATION | SV_TYPE_SERVER | SV_TYPE_NT | SV_TYPE_SERVER_UNIX);
        assert_non_null(s101->sv101_comment);
        assert_str_inside(s101, s101->sv101_comment);
        NetApiBufferFree(s101);
        assert_int_equal(NetServerGetInfo(u"", 102, (LPBYTE *)&s102), NERR_Success);
        assert_int_equal(s102->sv102_disc, SV_NODISC);
        assert_int_equal(s102->sv102_hidden, SV_VISIBLE);
        assert_int_equal(s102->sv102_users, 0xffffffffu);
        assert_str_inside(s102, s102->sv102_userpath);
        assert_true(s102->sv102_userpath[0] == u'/');
        NetApiBufferFree(s102);
        samba_member();
        assert_int_equal(NetServerGetInfo(NULL, 101, (LPBYTE *)&s101), NERR_Success);
        assert_true(s101->sv101_type & SV_TYPE_DOMAIN_MEMBER);
        NetApiBufferFree(s101);
}

static void wksta_info_levels(void **state)
{
        WKSTA_INFO_102 *w = NULL;
        WKSTA_INFO_100 *w0 = NULL;

        (void)state;
        samba_workgroup();
        assert_int_equal(NetWkstaGetInfo(NULL, 102, (LPBYTE *)&w), NERR_Success);
        assert_int_equal(w->wki102_platform_id, PLATFORM_ID_NT);
        assert_string_equal(u8(w->wki102_computername, 0), FIXTURE_NETBIOS);
        assert_string_equal(u8(w->wki102_langroup, 1), "ACME");
        assert_string_equal(u8(w->wki102_lanroot, 2), "/");
        assert_int_equal(w->wki102_ver_major, kmajor);
        assert_int_equal(w->wki102_logged_on_users, 3); /* the fixture's utmp */
        assert_str_inside(w, w->wki102_lanroot);
        assert_str_inside(w, w->wki102_langroup);
        NetApiBufferFree(w);
        no_tools();
        assert_int_equal(NetWkstaGetInfo(NULL, 100, (LPBYTE *)&w0), NERR_Success);
        assert_string_equal(u8(w0->wki100_langroup, 0), "WORKGROUP");
        NetApiBufferFree(w0);
}

static void wksta_user_is_the_effective_user(void **state)
{
        WKSTA_USER_INFO_1 *u = NULL;
        WKSTA_USER_INFO_0 *u0 = NULL;
        WKSTA_USER_INFO_1101 *u1101 = NULL;
        LPBYTE buf = (LPBYTE)1;

        (void)state;
        assert_int_equal(NetWkstaUserGetInfo(NULL, 0, (LPBYTE *)&u0), NERR_Success);
        assert_string_equal(u8(u0->wkui0_username, 0), geteuid() == 0 ? "root" : "?");
        NetApiBufferFree(u0);
        assert_int_equal(NetWkstaUserGetInfo(NULL, 1, (LPBYTE *)&u), NERR_Success);
        assert_string_equal(u8(u->wkui1_logon_domain, 0), FIXTURE_NETBIOS);
        assert_string_equal(u8(u->wkui1_logon_server, 1), FIXTURE_NETBIOS);
        assert_string_equal(u8(u->wkui1_oth_domains, 2), "");
        assert_str_inside(u, u->wkui1_logon_server);
        NetApiBufferFree(u);
        /* Level 1101: the other domains alone, as level 1 has them (none here). */
        assert_int_equal(NetWkstaUserGetInfo(NULL, 1101, (LPBYTE *)&u1101), NERR_Success);
        assert_string_equal(u8(u1101->wkui1101_oth_domains, 0), "");
        assert_str_inside(u1101, u1101->wkui1101_oth_domains);
        NetApiBufferFree(u1101);
        assert_int_equal(NetWkstaUserGetInfo(NULL, 2, &buf), ERROR_INVALID_LEVEL);
        assert_null(buf);
        buf = (LPBYTE)1;
        assert_int_equal(NetWkstaUserGetInfo(NULL, 1100, &buf), ERROR_INVALID_LEVEL);
        assert_null(buf);
        assert_int_equal(NetWkstaUserGetInfo(u"x", 0, &buf), ERROR_INVALID_PARAMETER);
        assert_int_equal(NetWkstaUserGetInfo(NULL, 0, NULL), ERROR_INVALID_PARAMETER);
}

static void join_information(void **state)
{
        NETSETUP_JOIN_STATUS js = 99;
        LPWSTR name = NULL;

        (void)state;
        samba_workgroup();
        assert_int_equal(NetGetJoinInformation(NULL, &name, &js), NERR_Success);
        assert_int_equal(js, NetSetupWorkgroupName);
        assert_string_equal(u8(name, 0), "ACME");
        assert_block_at_least(name, 10);
        NetApiBufferFree(name);
        samba_member();
        assert_int_equal(NetGetJoinInformation(u"localhost", &name, &js), NERR_Success);
        assert_int_equal(js, NetSetupDomainName);
        assert_string_equal(u8(name, 0), "CORP");
        NetApiBufferFree(name);
        no_tools();
        assert_int_equal(NetGetJoinInformation(NULL, &name, &js), NERR_Success);
        assert_int_equal(js, NetSetupUnjoined);
        assert_string_equal(u8(name, 0), "WORKGROUP");
        NetApiBufferFree(name);
        name = (LPWSTR)1;
        assert_int_equal(NetGetJoinInformation(u"\\\\far", &name, &js), NERR_InvalidComputer);
        assert_null(name);
        assert_int_equal(NetGetJoinInformation(NULL, NULL, &js), ERROR_INVALID_PARAMETER);
        assert_int_equal(NetGetJoinInformation(NULL, &name, NULL), ERROR_INVALID_PARAMETER);
        assert_null(name);
}

static const char avahi_out[] =
    "+;eth0;IPv4;nas;_smb._tcp;local\n"
    "=;eth0;IPv4;Living\\032Room\\032NAS;_smb._tcp;local;nas.local;192.168.1.10;445;\n"
    "=;eth0;IPv6;Living\\032Room\\032NAS;_smb._tcp;local;nas.local;fe80::1;445;\n"
    "=;eth0;IPv4;me;_smb._tcp;local;" FIXTURE_HOSTNAME ".local;192.168.1.2;445;\n"
    "=;eth0;IPv4;printer;_ipp._tcp;local;printer.local;192.168.1.11;631;\n"
    "=;eth0;IPv4;Semi\\059colon;_smb._tcp;local;very-long-server-name.local;192.168.1.12;445;\n";

static void server_enum_this_host_and_avahi(void **state)
{
        SERVER_INFO_101 *s = NULL;
        DWORD read = 0, total = 0, resume = 0;

        (void)state;
        samba_workgroup();
        assert_int_equal(NetServerEnum(NULL, 101, (LPBYTE *)&s, MAX_PREFERRED_LENGTH, &read, &total,
                                       SV_TYPE_ALL, NULL, &resume),
                         NERR_Success);
        /* no avahi-browse answering in here: only this host */
        assert_int_equal(read, 1);
        assert_string_equal(u8(s[0].sv101_name, 0), FIXTURE_NETBIOS);
        NetApiBufferFree(s);
        tool_prints("avahi-browse", avahi_out);
        assert_int_equal(NetServerEnum(NULL, 101, (LPBYTE *)&s, MAX_PREFERRED_LENGTH, &read, &total,
                                       SV_TYPE_ALL, u"acme", NULL),
                         NERR_Success);
        assert_int_equal(read, 3);
        assert_string_equal(u8(s[1].sv101_name, 0), "NAS");
        assert_string_equal(u8(s[1].sv101_comment, 1), "Living Room NAS");
        assert_int_equal(s[1].sv101_type, SV_TYPE_SERVER);
        assert_string_equal(u8(s[2].sv101_name, 0), "VERY-LONG-SERVE");
        assert_string_equal(u8(s[2].sv101_comment, 1), "Semi;colon");
        assert_str_inside(s, s[2].sv101_comment);
        NetApiBufferFree(s);
        assert_int_equal(NetServerEnum(NULL, 100, (LPBYTE *)&s, 1, &read, &total,
                                       SV_TYPE_SERVER_UNIX, NULL, &resume),
                         NERR_Success);
        assert_int_equal(read, 1); /* only this host is a Unix server */
        NetApiBufferFree(s);
        assert_int_equal(
            NetServerEnum(NULL, 100, (LPBYTE *)&s, 1, &read, &total, SV_TYPE_ALL, NULL, &resume),
            ERROR_MORE_DATA);
        assert_int_equal(read, 1);
        assert_int_equal(total, 3);
        assert_int_equal(resume, 1);
        NetApiBufferFree(s);
        assert_int_equal(NetServerEnum(NULL, 100, (LPBYTE *)&s, MAX_PREFERRED_LENGTH, &read, &total,
                                       SV_TYPE_DOMAIN_ENUM, NULL, NULL),
                         NERR_Success);
        assert_int_equal(read, 1);
        assert_string_equal(u8(s[0].sv101_name, 0), "ACME");
        NetApiBufferFree(s);
}

static void server_enum_errors(void **state)
{
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 1, total = 1;

        (void)state;
        samba_workgroup();
        assert_int_equal(NetServerEnum(NULL, 102, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                                       SV_TYPE_ALL, NULL, NULL),
                         ERROR_INVALID_LEVEL);
        assert_true(!buf && !read && !total);
        assert_int_equal(NetServerEnum(NULL, 100, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                                       SV_TYPE_ALL, u"OTHERDOMAIN", NULL),
                         ERROR_NO_BROWSER_SERVERS_FOUND);
        assert_true(!buf && !read && !total);
        assert_int_equal(NetServerEnum(u"\\\\", 100, &buf, MAX_PREFERRED_LENGTH, &read, &total,
                                       SV_TYPE_ALL, NULL, NULL),
                         ERROR_INVALID_NAME);
        assert_int_equal(NetServerEnum(NULL, 100, NULL, MAX_PREFERRED_LENGTH, &read, &total,
                                       SV_TYPE_ALL, NULL, NULL),
                         ERROR_INVALID_PARAMETER);
}

static void info_errors(void **state)
{
        static const DWORD bad[] = {0, 1, 99, 103, 502};
        LPBYTE buf = (LPBYTE)1;
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                buf = (LPBYTE)1;
                assert_int_equal(NetServerGetInfo(NULL, bad[i], &buf), ERROR_INVALID_LEVEL);
                assert_null(buf);
                buf = (LPBYTE)1;
                assert_int_equal(NetWkstaGetInfo(NULL, bad[i], &buf), ERROR_INVALID_LEVEL);
                assert_null(buf);
        }
        assert_int_equal(NetServerGetInfo(u"\\", 100, &buf), ERROR_INVALID_NAME);
        assert_int_equal(NetServerGetInfo(u"\\\\", 100, &buf), ERROR_INVALID_NAME);
        assert_int_equal(NetServerGetInfo(u"\\\\a/b", 100, &buf), ERROR_INVALID_NAME);
        assert_int_equal(NetServerGetInfo(u"\\\\SOMEONE-ELSE", 100, &buf), NERR_InvalidComputer);
        assert_null(buf);
        assert_int_equal(NetWkstaGetInfo(u"\\\\someone", 100, &buf), NERR_InvalidComputer);
        assert_int_equal(NetServerGetInfo(u"\\\\" FIXTURE_NETBIOS, 100, NULL),
                         ERROR_INVALID_PARAMETER);
        assert_int_equal(NetServerGetInfo(u"winnet-netapi-test-host.", 100, &buf), NERR_Success);
        NetApiBufferFree(buf);
}

/* Server names for this machine in every spelling, and what is not a name. */
static void server_name_forms(void **state)
{
        static const struct {
                const WCHAR *name;
                NET_API_STATUS st;
        } cases[] = {
            {u"::1", NERR_Success},
            {u"\\\\::1", NERR_Success},
            {u"\\\\0:0:0:0:0:0:0:1", NERR_Success},
            {u"\\\\::ffff:127.0.0.1", NERR_Success},
            {u"\\\\127.0.0.1", NERR_Success},
            {u"127.0.1.1", NERR_Success}, /* Debian's line for the host name */
            {u"\\\\LocalHost", NERR_Success},
            {u"\\\\localhost.", NERR_Success},
            {u"\\\\winnet-netapi-t", NERR_Success},
            {u"\\\\Winnet-Netapi-Test-Host.", NERR_Success},
            {u"\\\\.", NERR_Success},
            {u"\\\\2001:db8::77", NERR_InvalidComputer},
            {u"\\\\192.0.2.1", NERR_InvalidComputer},
            {u"\\\\winnet-netapi-test", NERR_InvalidComputer},
            {u"\\\\[::1]", ERROR_INVALID_NAME},
            {u"\\\\a:b", ERROR_INVALID_NAME},
            {u"\\\\fe80::1%eth0", ERROR_INVALID_NAME},
            {u"\\\\host\\share", ERROR_INVALID_NAME},
        };
        WCHAR longname[300];
        LPBYTE buf;
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                buf = (LPBYTE)1;
                if (NetServerGetInfo((LMSTR)cases[i].name, 100, &buf) != cases[i].st)
                        fail_msg("%s: %u, expected %u", u8(cases[i].name, 0),
                                 (unsigned)NetServerGetInfo((LMSTR)cases[i].name, 100, &buf),
                                 (unsigned)cases[i].st);
                if (cases[i].st == NERR_Success)
                        NetApiBufferFree(buf);
                else
                        assert_null(buf);
        }
        /* 255 characters can name a host (another one); 256 cannot */
        longname[0] = longname[1] = u'\\';
        for (i = 2; i < 2 + 255; i++)
                longname[i] = u'a';
        longname[i] = 0;
        assert_int_equal(NetServerGetInfo(longname, 100, &buf), NERR_InvalidComputer);
        longname[i] = u'a';
        longname[i + 1] = 0;
        assert_int_equal(NetServerGetInfo(longname, 100, &buf), ERROR_INVALID_NAME);
}

/* Each address of this network namespace's interfaces names this machine. */
static void own_addresses_are_local(void **state)
{
        struct ifaddrs *list, *i;
        size_t tried = 0;

        (void)state;
        assert_int_equal(getifaddrs(&list), 0);
        for (i = list; i; i = i->ifa_next) {
                char text[INET6_ADDRSTRLEN + 2] = "\\\\";
                WCHAR w[INET6_ADDRSTRLEN + 4];
                LPBYTE buf = NULL;
                const void *a;

                if (!i->ifa_addr ||
                    (i->ifa_addr->sa_family != AF_INET && i->ifa_addr->sa_family != AF_INET6))
                        continue;
                a = i->ifa_addr->sa_family == AF_INET
                        ? (const void *)&((struct sockaddr_in *)(void *)i->ifa_addr)->sin_addr
                        : (const void *)&((struct sockaddr_in6 *)(void *)i->ifa_addr)->sin6_addr;
                inet_ntop(i->ifa_addr->sa_family, a, text + 2, sizeof(text) - 2);
                utf8_to_utf16(text, strlen(text), w, INET6_ADDRSTRLEN + 4);
                if (NetServerGetInfo(w, 100, &buf) != NERR_Success)
                        fail_msg("%s is this machine's", text);
                NetApiBufferFree(buf);
                tried++;
        }
        freeifaddrs(list);
        assert_true(tried >= 1); /* lo at least */
}

static NET_API_STATUS call_server(void *ctx, LPBYTE *buf)
{
        return NetServerGetInfo(NULL, *(DWORD *)ctx, buf);
}

static NET_API_STATUS call_wksta(void *ctx, LPBYTE *buf)
{
        return NetWkstaGetInfo(NULL, *(DWORD *)ctx, buf);
}

static NET_API_STATUS call_wksta_user(void *ctx, LPBYTE *buf)
{
        return NetWkstaUserGetInfo(NULL, *(const DWORD *)ctx, buf);
}

static NET_API_STATUS call_join(void *ctx, LPBYTE *buf)
{
        NETSETUP_JOIN_STATUS js;

        (void)ctx;
        return NetGetJoinInformation(NULL, (LPWSTR *)buf, &js);
}

static NET_API_STATUS call_server_enum(void *ctx, LPBYTE *buf)
{
        DWORD read, total;

        return NetServerEnum(NULL, *(DWORD *)ctx, buf, MAX_PREFERRED_LENGTH, &read, &total,
                             SV_TYPE_ALL, NULL, NULL);
}

static void every_allocation_failure_is_clean(void **state)
{
        static const DWORD user_levels[] = {0, 1, 1101};
        DWORD level;
        size_t i;

        (void)state;
        samba_workgroup();
        tool_prints("avahi-browse", avahi_out);
        for (level = 100; level <= 102; level++) {
                fault_walk(call_server, &level, NERR_Success);
                fault_walk(call_wksta, &level, NERR_Success);
                if (level <= 101)
                        assert_true(fault_walk(call_server_enum, &level, NERR_Success) > 3);
        }
        for (i = 0; i < sizeof(user_levels) / sizeof(user_levels[0]); i++)
                assert_true(fault_walk(call_wksta_user, (void *)&user_levels[i], NERR_Success) >=
                            1);
        assert_true(fault_walk(call_join, NULL, NERR_Success) > 1);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup(server_info_levels, setup),
            cmocka_unit_test_setup(wksta_info_levels, setup),
            cmocka_unit_test_setup(wksta_user_is_the_effective_user, setup),
            cmocka_unit_test_setup(join_information, setup),
            cmocka_unit_test_setup(server_enum_this_host_and_avahi, setup),
            cmocka_unit_test_setup(server_enum_errors, setup),
            cmocka_unit_test_setup(info_errors, setup),
            cmocka_unit_test_setup(server_name_forms, setup),
            cmocka_unit_test_setup(own_addresses_are_local, setup),
            cmocka_unit_test_setup(every_allocation_failure_is_clean, setup),
        };
        struct utsname u;
        char *end;

        fixture_enter(100);
        uname(&u);
        kmajor = (unsigned)strtoul(u.release, &end, 10);
        kminor = (unsigned)strtoul(end + 1, NULL, 10);
        snprintf(saved_path, sizeof(saved_path), "%s", getenv("PATH"));
        return cmocka_run_group_tests(tests, NULL, NULL);
}
