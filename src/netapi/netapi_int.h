/* netapi_int.h - what the Net* calls share inside src/netapi/: a snapshot of rows
 * and their UTF-16 strings (table), the size-then-fill packer that turns a window of
 * rows into one NetApi buffer (pack, paging), server-name checks and the host facts
 * (servername, hostinfo), and the sources (users, groups, utmp, Samba, Avahi).
 * Grouped by the file that defines each function. Internals return 0 or -errno;
 * the public functions map once, at their edge. */
#ifndef WINNET_NETAPI_INT_H
#define WINNET_NETAPI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <uchar.h>

#include "lm.h"
#include "winerror.h"

/* ---- vec.c: a growable array of fixed-size rows ---- */
struct vec {
        void *v;
        size_t n, cap, size; /* size: bytes of one row */
};

/* Appends a zeroed row; returns it or NULL when memory is short. */
void *vec_push(struct vec *v);
/* Makes room for n rows at once (a size hint); -ENOMEM. */
int vec_reserve(struct vec *v, size_t n);
static inline void *vec_at(const struct vec *v, size_t i)
{
        return (char *)v->v + i * v->size;
}
void vec_free(struct vec *v);

/* ---- strpool.c: UTF-16 strings converted once, referred to by offset ---- */
#define WSTR_NONE  UINT32_MAX
#define WSTR_BYTES 0x80000000u /* in len: off is bytes into the ASCII area */
struct wstr {
        uint32_t off; /* units into the pool; WSTR_NONE: a NULL pointer in the result */
        uint32_t len; /* units without the NUL (below 2^31), | WSTR_BYTES */
};
/* u: UTF-16 strings; b: ASCII strings kept as bytes (one byte a unit, NUL-ended)
 * until they are packed, so a string that is only copied out once is not held
 * twice as wide in the meantime. */
struct strpool {
        char16_t *u;
        size_t n, cap;
        char *b;
        size_t bn, bcap;
};

/* Converts n bytes of UTF-8 (bad sequences become U+FFFD) into the pool. */
int strpool_add(struct strpool *p, const char *s, size_t n, struct wstr *ret);
static inline int strpool_add_str(struct strpool *p, const char *s, struct wstr *ret)
{
        return strpool_add(p, s, __builtin_strlen(s), ret);
}
/* The same for a string that is only ever packed (pack_wstr), never read through
 * strpool_get: ASCII is kept as bytes and widened when packed, anything else is
 * converted now. The packed result is the same as strpool_add's. */
int strpool_add_packed(struct strpool *p, const char *s, size_t n, struct wstr *ret);
static inline int wstr_is_bytes(struct wstr s)
{
        return (s.len & WSTR_BYTES) != 0;
}
void strpool_widen(const struct strpool *p, struct wstr s, char16_t *out);
/* Writes s and its NUL to out (wstr_bytes(s) bytes); s is not NULL. */
static inline void strpool_copy_out(const struct strpool *p, struct wstr s, char16_t *out)
{
        if (wstr_is_bytes(s))
                strpool_widen(p, s, out);
        else
                __builtin_memcpy(out, p->u + s.off, ((size_t)s.len + 1) * sizeof(char16_t));
}
/* Room for a string of `units` units (NUL written); the caller fills it before the
 * next call that may move the pool. NULL when memory is short. */
char16_t *strpool_alloc(struct strpool *p, size_t units, struct wstr *ret);
static inline const char16_t *strpool_get(const struct strpool *p, struct wstr s)
{
        return p->u + s.off;
}
void strpool_free(struct strpool *p);
/* Makes room for `units` more units, and `bytes` more bytes of the ASCII area, at
 * once (size hints: the first reservation is exact); -ENOMEM. */
int strpool_reserve(struct strpool *p, size_t units);
int strpool_reserve_bytes(struct strpool *p, size_t bytes);
/* Bytes the string takes in a result, NUL included; 0 for NULL. */
static inline size_t wstr_bytes(struct wstr s)
{
        return s.off == WSTR_NONE ? 0 : ((size_t)(s.len & ~WSTR_BYTES) + 1) * sizeof(char16_t);
}
static inline struct wstr wstr_null(void)
{
        return (struct wstr){WSTR_NONE, 0};
}

/* A snapshot read from a source: rows and the strings they refer to. */
struct table {
        struct vec rows;
        struct strpool pool;
};
static inline void table_init(struct table *t, size_t row_size)
{
        *t = (struct table){.rows = {.size = row_size}};
}
static inline void table_free(struct table *t)
{
        vec_free(&t->rows);
        strpool_free(&t->pool);
}

/* ---- pack.c: filling a result block ----
 * A result is [records][binary parts (SIDs, bitmaps), 8-byte aligned][strings].
 * Sizes are computed first; the fill then never fails. */
struct packer {
        const struct strpool *pool;
        char *bin; /* next free byte of the binary area */
        char *str; /* next free byte of the string area */
};
LPWSTR pack_wstr(struct packer *p, struct wstr s);
void *pack_bin(struct packer *p, const void *data, size_t n); /* n a multiple of 8 */
static inline size_t pack_align8(size_t n)
{
        return (n + 7) & ~(size_t)7;
}

/* How one information level lays out a row. */
struct level_ops {
        size_t rec_size;
        /* Bytes of strings (and of the binary area, 8-aligned) the row needs. */
        size_t (*str_bytes)(const struct table *t, const void *row);
        size_t (*bin_bytes)(const struct table *t, const void *row); /* may be NULL */
        /* Writes the record; idx is the row's index in the table. */
        void (*fill)(void *rec, const struct table *t, const void *row, size_t idx,
                     struct packer *p);
};

/* Packs rows [first, first+count) into one NetApi block named after api. */
int pack_rows(const struct table *t, const struct level_ops *ops, size_t first, size_t count,
              const char *api, LPBYTE *ret_buf);
/* Bytes one row takes in a result at this level. */
size_t pack_row_size(const struct table *t, const struct level_ops *ops, const void *row);

/* ---- paging.c: the enumeration rules of every *Enum call ---- */
struct page {
        DWORD start;       /* resume index */
        DWORD prefmaxlen;  /* MAX_PREFERRED_LENGTH: all */
        DWORD max_entries; /* 0: no limit */
        DWORD read, next;  /* results: entries returned, index after them */
};

/* Fills *bufptr with the rows from pg->start that fit prefmaxlen (at least one when
 * any remain: prefmaxlen is a preference). Returns NERR_Success when the rows ran
 * out, ERROR_MORE_DATA when some remain, ERROR_NOT_ENOUGH_MEMORY when the block
 * cannot be allocated. *bufptr is NULL when no row is returned. */
NET_API_STATUS page_rows(const struct table *t, const struct level_ops *ops, struct page *pg,
                         const char *api, LPBYTE *bufptr);

/* The common start of an *Enum call, in this order: enum_clear_out, the server
 * name (servername_check), the level (level_ok 0: ERROR_INVALID_LEVEL). */
NET_API_STATUS enum_begin(LPCWSTR servername, int level_ok, LPBYTE *bufptr, LPDWORD entriesread,
                          LPDWORD totalentries);

/* The common start of a *GetInfo call: ERROR_INVALID_PARAMETER when bufptr is
 * NULL, else *bufptr = NULL and the server name's check. */
NET_API_STATUS info_begin(LPCWSTR servername, LPBYTE *bufptr);

/* The common tail of an *Enum call: pages, then sets every out-parameter
 * (resume: the next index on ERROR_MORE_DATA, 0 when done). */
NET_API_STATUS enum_finish(const struct table *t, const struct level_ops *ops, DWORD prefmaxlen,
                           DWORD *resume, const char *api, LPBYTE *bufptr, LPDWORD entriesread,
                           LPDWORD totalentries);
/* The same with a pointer-sized resume handle (NetGroupEnum, NetLocalGroupEnum,
 * NetLocalGroupGetMembers); a handle past 32 bits is past the end. */
NET_API_STATUS enum_finish_ptr(const struct table *t, const struct level_ops *ops, DWORD prefmaxlen,
                               PDWORD_PTR resume, const char *api, LPBYTE *bufptr,
                               LPDWORD entriesread, LPDWORD totalentries);

/* Sets *bufptr, *entriesread, *totalentries to NULL/0 where given; returns
 * ERROR_INVALID_PARAMETER when one of them is NULL, else NERR_Success. */
NET_API_STATUS enum_clear_out(LPBYTE *bufptr, LPDWORD entriesread, LPDWORD totalentries);

/* The one mapping of an internal result to a NetApi status, used by every call:
 * 0 -> NERR_Success; -ENOMEM and -E2BIG (too large to allocate) ->
 * ERROR_NOT_ENOUGH_MEMORY; -EACCES, -EPERM -> ERROR_ACCESS_DENIED; any other
 * failure -> NERR_InternalError. "Not found" means something different to each
 * call (NERR_UserNotFound, NERR_GroupNotFound, ...): callers test -ENOENT first. */
NET_API_STATUS netapi_status(int r);

/* Looks up one record by the caller's UTF-16 name: lookup(t, the name in UTF-8);
 * -ENOENT for "" (no record has an empty name), -ENOMEM. */
int table_lookup(struct table *t, LPCWSTR name, int (*lookup)(struct table *t, const char *name));

/* A single record (the *GetInfo calls): one row at one level, or NULL. */
NET_API_STATUS info_finish(const struct table *t, const struct level_ops *ops, const char *api,
                           LPBYTE *bufptr);

/* ---- servername.c ---- */
/* NERR_Success when name means this machine (NULL, "", our host name or NetBIOS
 * name, localhost, optionally prefixed \\), ERROR_INVALID_NAME when malformed,
 * NERR_InvalidComputer for another machine. */
NET_API_STATUS servername_check(const char16_t *name);
/* Converts a NUL-terminated UTF-16 string to UTF-8 in a wn_malloc'd buffer. */
int utf16_dup_utf8(const char16_t *s, char **ret);

/* ---- hostinfo.c: facts about this host ---- */
struct hostinfo {
        char hostname[256];            /* gethostname() */
        char netbios[16];              /* first label, upper case, at most 15 characters */
        char comment[256];             /* PRETTY_HOSTNAME of /etc/machine-info, or "" */
        unsigned ver_major, ver_minor; /* kernel release */
};
int hostinfo_get(struct hostinfo *h);
/* The NetBIOS form of a host name: first label, upper case, at most 15
 * characters, non-ASCII bytes as '_'. */
void netbios_from_host(const char *host, char out[16]);
/* Only hostname and netbios (no file reads, no uname): for name checks. */
int hostname_get(struct hostinfo *h);
/* Reads KEY=value (optionally quoted) from a shell-style file; -ENOENT if absent. */
int kvfile_get(const char *path, const char *key, char *buf, size_t cap);

/* ---- samba.c: Samba's configuration through testparm ---- */
struct samba_share {
        struct wstr name, comment, path;
        DWORD type, max_uses;
};
struct samba_conf {
        int present;         /* testparm ran and printed a configuration */
        char workgroup[64];  /* "WORKGROUP" when Samba is absent or says nothing */
        int domain_member;   /* server role member/DC, or security = ads|domain */
        struct table shares; /* rows: struct samba_share */
};
/* Runs `testparm -s` (when installed) and reads the workgroup, the role and, when
 * want_shares, the shares. Samba absent is not an error: present = 0; -errno when
 * testparm could not be run (spawn_tool). */
int samba_conf_load(struct samba_conf *c, int want_shares);
/* The configuration of a host without Samba: workgroup "WORKGROUP", no shares. */
void samba_conf_init(struct samba_conf *c);
void samba_conf_free(struct samba_conf *c);
/* Parses testparm's output into c (after samba_conf_init; exposed for tests). */
int samba_conf_parse(struct samba_conf *c, const char *text, int want_shares);

/* ---- shares.c / share_info.c ---- */
/* SHARE_INFO_0/1/2 level ops (rows: struct samba_share), or NULL. */
const struct level_ops *share_level(DWORD level);

/* ---- spawn.c: running an optional helper tool of the host ---- */
/* Runs argv[0] (looked up in PATH) with stdin and stderr on /dev/null and collects
 * its stdout for at most timeout_ms. 0 with *ret_out its output (NUL-terminated,
 * wn_malloc'd); 0 with *ret_out NULL when the tool is absent: not installed (or not
 * executable), or no answer in time (the child is killed). -errno when it could not
 * be run or read (-ENOMEM, -EMFILE, -EAGAIN, ...). The exit status is not used. */
int spawn_tool(const char *const argv[], int timeout_ms, char **ret_out);

/* ---- nss.c: the passwd and group databases through NSS ---- */
struct passwd;
struct group;
/* Where an entry's strings live: allocated (cap bytes) at the first call, doubled
 * while NSS says ERANGE. Start with {NULL, cap}; nss_buf_free when done. */
struct nss_buf {
        char *p;
        size_t cap;
};
void nss_buf_free(struct nss_buf *b);
/* Enumerations, between setpwent/endpwent or setgrent/endgrent: 1 an entry, 0 the
 * end, -errno when NSS failed (-ENOMEM: the buffer could not grow). */
int nss_getpwent(struct nss_buf *b, struct passwd *pw);
int nss_getgrent(struct nss_buf *b, struct group *gr);
/* Lookups: 0 found, -ENOENT no such entry, -errno when NSS failed. */
int nss_getpwnam(struct nss_buf *b, const char *name, struct passwd *pw);
int nss_getpwuid(struct nss_buf *b, uid_t uid, struct passwd *pw);
int nss_getgrnam(struct nss_buf *b, const char *name, struct group *gr);

/* ---- users.c / user_source.c ---- */
struct user_row {
        struct wstr name, full_name, comment, home;
        uint32_t uid, gid, flags, priv;
};
/* Which strings of a user row to read (the name always): a level converts only
 * what it shows; the others stay NULL. */
#define USER_FULL_NAME 1u
#define USER_COMMENT   2u
#define USER_HOME      4u
#define USER_ALL       7u
/* All users of the passwd database (NSS) whose account type matches filter
 * (FILTER_* bits, 0: all), in database order, with the strings `fields` names. */
int users_load(struct table *t, DWORD filter, unsigned fields);
/* The USER_* strings USER_INFO_<level> shows. */
unsigned user_level_fields(DWORD level);
/* One user by name: -ENOENT when unknown. */
int user_lookup(struct table *t, const char *name);
/* The level ops of USER_INFO_<level>, or NULL. */
const struct level_ops *user_level(DWORD level);

/* ---- name_index.c: rows that start with their name (struct wstr) ---- */
/* Row indexes sorted by name (UTF-16 code units), wn_malloc'd. */
int name_index(const struct table *t, size_t **ret);
/* The row named s, or NULL (binary search over name_index's result). */
const void *name_find(const struct table *t, const size_t *idx, const char16_t *s);
/* Reorders the rows by name. */
int table_sort_by_name(struct table *t);
/* Drops the rows whose name is empty or repeats an earlier row's name (UTF-16
 * code units, case-sensitive), keeping the order of the others; -ENOMEM. */
int table_unique_names(struct table *t);

/* ---- group_source.c ---- */
struct group_row {
        struct wstr name, comment;
        uint32_t gid;
        bool member; /* user_groups_load: the user belongs to it */
};
int groups_load(struct table *t);
/* One group by name; -ENOENT when unknown. */
int group_lookup(struct table *t, const char *name);
/* The listed members (gr_mem) of one group, by name, into t's pool as rows that
 * start with a struct wstr; -ENOENT when the group is unknown. */
int group_members(struct table *t, const char *name);
/* The level ops of GROUP_INFO_<level> (global groups, 0-3: level 3 only for
 * NetGroupGetInfo) and LOCALGROUP_INFO_<level>. */
const struct level_ops *group_level(DWORD level);
const struct level_ops *localgroup_level(DWORD level);
/* The groups user (passwd name pw_name, primary gid) belongs to, as `id -Gn` lists
 * them: the first group (of the one-per-name list) with the primary gid, then every
 * group whose member list names the user, in database order, each name once. Rows:
 * struct group_row, comment NULL. */
int user_groups_load(struct table *t, const char *user, uint32_t gid);

/* ---- group_users.c: GROUP_USERS_INFO_0/1, LOCALGROUP_USERS_INFO_0 ---- */
/* Level ops for rows that start with a name (struct wstr); NULL for other levels.
 * attributes (level 1) = SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT |
 * SE_GROUP_ENABLED. LOCALGROUP_USERS_INFO_0 has level 0's layout. */
const struct level_ops *group_users_level(DWORD level);

/* ---- sid.c: Samba's Unix SIDs S-1-22-1-uid (users), S-1-22-2-gid (groups) ---- */
#define UNIX_SID_BYTES 16
void unix_sid(void *out, int group, uint32_t id);

/* ---- sessions.c / utmp_source.c ---- */
struct session_row {
        struct wstr cname, user;
        uint32_t time, idle;
};
/* USER_PROCESS entries of utmp, optionally only those of client and/or user. */
int sessions_load(struct table *t, const char *client, const char *user, const struct hostinfo *h);

/* ---- wksta.c / wksta_users.c: logged-on users ---- */
struct wuser_row {
        struct wstr user, domain, others; /* domain: logon domain and logon server */
};
/* WKSTA_USER_INFO_0/1/1101 level ops (rows: struct wuser_row), or NULL. */
const struct level_ops *wuser_level(DWORD level);

/* ---- server_enum.c / avahi.c ---- */
struct server_row {
        struct wstr name, comment, langroup, userpath;
        DWORD platform, major, minor, type;
        DWORD logged_on; /* wksta 102: utmp logins */
};
/* This machine as one row: what = LOCAL_* bits of the facts that cost a helper run. */
#define LOCAL_SAMBA     1u /* workgroup and domain membership (testparm) */
#define LOCAL_LOGGED_ON 2u /* utmp count */
int local_server_row(struct table *t, unsigned what, const struct hostinfo *h);
/* SERVER_INFO_100/101/102 level ops, or NULL. */
const struct level_ops *server_level(DWORD level);
/* Servers announced as _smb._tcp through avahi-browse; none when Avahi is absent. */
int avahi_servers_load(struct table *t, const struct hostinfo *h);
int avahi_parse(struct table *t, const char *text, const struct hostinfo *h);

#endif /* WINNET_NETAPI_INT_H */
