/* user_levels.c - USER_INFO_0/1/2/3/4/10/11/20/23/24 from a passwd row: one flat
 * converter per level. usri*_password is always NULL; the fields passwd has no source for
 * carry Windows' "unknown / no limit" values (docs/netapi.md lists each). */
#include <stddef.h>
#include <string.h>

#include "netapi_int.h"

/* Logon allowed at every hour of the week: UNITS_PER_WEEK bits. */
static const unsigned char all_hours[24] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                            0xff, 0xff, 0xff, 0xff, 0xff, 0,    0,    0};
static const char16_t any_server[] = u"\\\\*"; /* any logon server */

#define ROW(r) ((const struct user_row *)(r))

static size_t s_name(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name);
}

static size_t s_1(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name) + wstr_bytes(ROW(r)->home) + wstr_bytes(ROW(r)->comment) +
               sizeof(char16_t) /* script_path "" */;
}

/* level 2 and 3: level 1 + full_name + usr_comment, parms, workstations, profile,
 * home_dir_drive ("") + logon_server */
static size_t s_2(const struct table *t, const void *r)
{
        return s_1(t, r) + wstr_bytes(ROW(r)->full_name) + 3 * sizeof(char16_t) +
               sizeof(any_server);
}

static size_t s_3(const struct table *t, const void *r)
{
        return s_2(t, r) + 2 * sizeof(char16_t);
}

/* level 11: name, comment, usr_comment (""), full_name, home_dir, parms (""),
 * logon_server, workstations ("") */
static size_t s_11(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name) + wstr_bytes(ROW(r)->comment) +
               wstr_bytes(ROW(r)->full_name) + wstr_bytes(ROW(r)->home) + 3 * sizeof(char16_t) +
               sizeof(any_server);
}

/* level 24: no strings (the Internet names are NULL) */
static size_t s_none(const struct table *t, const void *r)
{
        (void)t;
        (void)r;
        return 0;
}

static size_t s_10(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name) + wstr_bytes(ROW(r)->comment) +
               wstr_bytes(ROW(r)->full_name) + sizeof(char16_t);
}

static size_t s_20(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name) + wstr_bytes(ROW(r)->comment) +
               wstr_bytes(ROW(r)->full_name);
}

static size_t b_hours(const struct table *t, const void *r)
{
        (void)t;
        (void)r;
        return sizeof(all_hours);
}

static size_t b_sid(const struct table *t, const void *r)
{
        (void)t;
        (void)r;
        return UNIX_SID_BYTES;
}

/* level 4: the logon hours and the account's SID */
static size_t b_hours_sid(const struct table *t, const void *r)
{
        return b_hours(t, r) + b_sid(t, r);
}

/* A constant string copied into the string area. */
static LPWSTR pack_const(struct packer *p, const char16_t *s, size_t bytes)
{
        LPWSTR w = (LPWSTR)p->str;

        memcpy(p->str, s, bytes);
        p->str += bytes;
        return w;
}

static LPWSTR pack_empty(struct packer *p)
{
        return pack_const(p, u"", sizeof(char16_t));
}

static void f_0(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        (void)t, (void)i;
        ((USER_INFO_0 *)rec)->usri0_name = pack_wstr(p, ROW(r)->name);
}

static void f_1(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        USER_INFO_1 *u = rec;

        (void)t, (void)i;
        u->usri1_name = pack_wstr(p, ROW(r)->name);
        u->usri1_password = NULL;
        u->usri1_password_age = 0;
        u->usri1_priv = ROW(r)->priv;
        u->usri1_home_dir = pack_wstr(p, ROW(r)->home);
        u->usri1_comment = pack_wstr(p, ROW(r)->comment);
        u->usri1_flags = ROW(r)->flags;
        u->usri1_script_path = pack_empty(p);
}

/* USER_INFO_3 starts with the fields of USER_INFO_2, in the same layout. */
static void fill_2(USER_INFO_2 *u, const struct user_row *r, struct packer *p)
{
        _Static_assert(offsetof(USER_INFO_2, usri2_script_path) ==
                           offsetof(USER_INFO_1, usri1_script_path),
                       "USER_INFO_2 extends USER_INFO_1");
        f_1(u, NULL, r, 0, p);
        u->usri2_auth_flags = 0;
        u->usri2_full_name = pack_wstr(p, r->full_name);
        u->usri2_usr_comment = pack_empty(p);
        u->usri2_parms = pack_empty(p);
        u->usri2_workstations = pack_empty(p); /* every workstation */
        u->usri2_last_logon = 0;               /* unknown */
        u->usri2_last_logoff = 0;
        u->usri2_acct_expires = TIMEQ_FOREVER;
        u->usri2_max_storage = USER_MAXSTORAGE_UNLIMITED;
        u->usri2_units_per_week = UNITS_PER_WEEK;
        u->usri2_logon_hours = pack_bin(p, all_hours, sizeof(all_hours));
        u->usri2_bad_pw_count = 0;
        u->usri2_num_logons = 0;
        u->usri2_logon_server = pack_const(p, any_server, sizeof(any_server));
        u->usri2_country_code = 0;
        u->usri2_code_page = 0;
}

static void f_2(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        (void)t, (void)i;
        fill_2(rec, r, p);
}

static void f_3(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        USER_INFO_3 *u = rec;

        (void)t, (void)i;
        _Static_assert(offsetof(USER_INFO_3, usri3_code_page) ==
                           offsetof(USER_INFO_2, usri2_code_page),
                       "USER_INFO_3 extends USER_INFO_2");
        fill_2(rec, r, p);
        u->usri3_user_id = ROW(r)->uid;
        u->usri3_primary_group_id = ROW(r)->gid;
        u->usri3_profile = pack_empty(p);
        u->usri3_home_dir_drive = pack_empty(p);
        u->usri3_password_expired = 0;
}

/* USER_INFO_4 is USER_INFO_3 with the SID where level 3 has the relative id. */
static void f_4(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        USER_INFO_4 *u = rec;
        unsigned char sid[UNIX_SID_BYTES];

        (void)t, (void)i;
        _Static_assert(offsetof(USER_INFO_4, usri4_code_page) ==
                               offsetof(USER_INFO_2, usri2_code_page) &&
                           sizeof(USER_INFO_4) > sizeof(USER_INFO_2),
                       "USER_INFO_4 extends USER_INFO_2");
        fill_2(rec, r, p);
        unix_sid(sid, 0, ROW(r)->uid);
        u->usri4_user_sid = pack_bin(p, sid, sizeof(sid));
        u->usri4_primary_group_id = ROW(r)->gid;
        u->usri4_profile = pack_empty(p);
        u->usri4_home_dir_drive = pack_empty(p);
        u->usri4_password_expired = 0;
}

static void f_10(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        USER_INFO_10 *u = rec;

        (void)t, (void)i;
        u->usri10_name = pack_wstr(p, ROW(r)->name);
        u->usri10_comment = pack_wstr(p, ROW(r)->comment);
        u->usri10_usr_comment = pack_empty(p);
        u->usri10_full_name = pack_wstr(p, ROW(r)->full_name);
}

/* The fields of level 2 in level 11's order, with the same sources and values. */
static void f_11(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        USER_INFO_11 *u = rec;

        (void)t, (void)i;
        u->usri11_name = pack_wstr(p, ROW(r)->name);
        u->usri11_comment = pack_wstr(p, ROW(r)->comment);
        u->usri11_usr_comment = pack_empty(p);
        u->usri11_full_name = pack_wstr(p, ROW(r)->full_name);
        u->usri11_priv = ROW(r)->priv;
        u->usri11_auth_flags = 0;
        u->usri11_password_age = 0;
        u->usri11_home_dir = pack_wstr(p, ROW(r)->home);
        u->usri11_parms = pack_empty(p);
        u->usri11_last_logon = 0; /* unknown */
        u->usri11_last_logoff = 0;
        u->usri11_bad_pw_count = 0;
        u->usri11_num_logons = 0;
        u->usri11_logon_server = pack_const(p, any_server, sizeof(any_server));
        u->usri11_country_code = 0;
        u->usri11_workstations = pack_empty(p); /* every workstation */
        u->usri11_max_storage = USER_MAXSTORAGE_UNLIMITED;
        u->usri11_units_per_week = UNITS_PER_WEEK;
        u->usri11_logon_hours = pack_bin(p, all_hours, sizeof(all_hours));
        u->usri11_code_page = 0;
}

static void f_20(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        USER_INFO_20 *u = rec;

        (void)t, (void)i;
        u->usri20_name = pack_wstr(p, ROW(r)->name);
        u->usri20_full_name = pack_wstr(p, ROW(r)->full_name);
        u->usri20_comment = pack_wstr(p, ROW(r)->comment);
        u->usri20_flags = ROW(r)->flags;
        u->usri20_user_id = ROW(r)->uid;
}

static void f_23(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        USER_INFO_23 *u = rec;
        unsigned char sid[UNIX_SID_BYTES];

        (void)t, (void)i;
        unix_sid(sid, 0, ROW(r)->uid);
        u->usri23_name = pack_wstr(p, ROW(r)->name);
        u->usri23_full_name = pack_wstr(p, ROW(r)->full_name);
        u->usri23_comment = pack_wstr(p, ROW(r)->comment);
        u->usri23_flags = ROW(r)->flags;
        u->usri23_user_sid = pack_bin(p, sid, sizeof(sid));
}

/* Linux accounts are connected to no Internet identity: FALSE, and the names NULL,
 * as Windows leaves them for such an account; the SID is the account's. */
static void f_24(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        USER_INFO_24 *u = rec;
        unsigned char sid[UNIX_SID_BYTES];

        (void)t, (void)i;
        unix_sid(sid, 0, ROW(r)->uid);
        u->usri24_internet_identity = FALSE;
        u->usri24_flags = 0;
        u->usri24_internet_provider_name = NULL;
        u->usri24_internet_principal_name = NULL;
        u->usri24_user_sid = pack_bin(p, sid, sizeof(sid));
}

static const DWORD levels[] = {0, 1, 2, 3, 4, 10, 11, 20, 23, 24};
static const struct level_ops ops[] = {
    {sizeof(USER_INFO_0), s_name, NULL, f_0},     {sizeof(USER_INFO_1), s_1, NULL, f_1},
    {sizeof(USER_INFO_2), s_2, b_hours, f_2},     {sizeof(USER_INFO_3), s_3, b_hours, f_3},
    {sizeof(USER_INFO_4), s_3, b_hours_sid, f_4}, {sizeof(USER_INFO_10), s_10, NULL, f_10},
    {sizeof(USER_INFO_11), s_11, b_hours, f_11},  {sizeof(USER_INFO_20), s_20, NULL, f_20},
    {sizeof(USER_INFO_23), s_20, b_sid, f_23},    {sizeof(USER_INFO_24), s_none, b_sid, f_24},
};
_Static_assert(sizeof(levels) / sizeof(levels[0]) == sizeof(ops) / sizeof(ops[0]),
               "one converter per level");

unsigned user_level_fields(DWORD level)
{
        switch (level) {
        case 0:
                return 0;
        case 1:
                return USER_COMMENT | USER_HOME;
        case 10:
        case 20:
        case 23:
                return USER_FULL_NAME | USER_COMMENT;
        case 24:
                return 0;
        default:
                return USER_ALL;
        }
}

const struct level_ops *user_level(DWORD level)
{
        size_t i;

        for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
                if (levels[i] == level)
                        return &ops[i];
        return NULL;
}
