/* fuzz_netapi_pack.c - the NetApi size-then-fill packer over random record sets:
 * users with random strings (NULL, empty, ASCII, any bytes: non-ASCII and invalid
 * UTF-8 included) converted into a snapshot's string pool, packed at every
 * USER_INFO level into one block, directly (pack_rows) and through the paging of
 * the *Enum calls (page_rows). Checks: NetApiBufferSize covers records + binary
 * parts + strings; every string pointer lies inside the block's string area with
 * its NUL, and round-trips (equals the UTF-8 conversion of its bytes; valid UTF-8
 * converts back to the same bytes); constant strings and binary parts are as the
 * level defines them; the block frees cleanly.
 *
 * Input: [level][rows] then per row four strings ([len byte: 0xff NULL, else
 * len % 64][bytes]) and 4 bytes of ids, then [first][count] of the window and a
 * 16-bit prefmaxlen for the paging. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lm.h"
#include "netapi_int.h"
#include "utf16.h"

#define FUZZ_NAME "fuzz_netapi_pack"
#include "fuzz_input.h"

#define MAX_ROWS 64

/* The UTF-8 bytes each row's strings came from, to compare with the result. */
struct src {
        const uint8_t *s;
        size_t n;
        int null;
};
enum { S_NAME, S_FULL, S_COMMENT, S_HOME, S_COUNT };
static struct src srcs[MAX_ROWS][S_COUNT];

/* What a pointer field of a record holds. */
enum field_kind {
        F_NAME = S_NAME,
        F_FULL = S_FULL,
        F_COMMENT = S_COMMENT,
        F_HOME = S_HOME,
        F_EMPTY,  /* "" */
        F_ANYSRV, /* "\\*" */
        F_NULL,   /* always NULL (passwords) */
        F_HOURS,  /* 21 bytes 0xff then 3 zero bytes, in the binary area */
        F_SID,    /* 16-byte Unix SID, in the binary area */
};
struct field {
        size_t off;
        enum field_kind kind;
};

#define FLD(T, f, k)              \
        {                         \
                offsetof(T, f), k \
        }
static const struct field f0[] = {FLD(USER_INFO_0, usri0_name, F_NAME)};
static const struct field f1[] = {
    FLD(USER_INFO_1, usri1_name, F_NAME), FLD(USER_INFO_1, usri1_password, F_NULL),
    FLD(USER_INFO_1, usri1_home_dir, F_HOME), FLD(USER_INFO_1, usri1_comment, F_COMMENT),
    FLD(USER_INFO_1, usri1_script_path, F_EMPTY)};
#define USER2_FIELDS(T, p)                                                                 \
        FLD(T, p##name, F_NAME), FLD(T, p##password, F_NULL), FLD(T, p##home_dir, F_HOME), \
            FLD(T, p##comment, F_COMMENT), FLD(T, p##script_path, F_EMPTY),                \
            FLD(T, p##full_name, F_FULL), FLD(T, p##usr_comment, F_EMPTY),                 \
            FLD(T, p##parms, F_EMPTY), FLD(T, p##workstations, F_EMPTY),                   \
            FLD(T, p##logon_hours, F_HOURS), FLD(T, p##logon_server, F_ANYSRV)
static const struct field f2[] = {USER2_FIELDS(USER_INFO_2, usri2_)};
static const struct field f3[] = {USER2_FIELDS(USER_INFO_3, usri3_),
                                  FLD(USER_INFO_3, usri3_profile, F_EMPTY),
                                  FLD(USER_INFO_3, usri3_home_dir_drive, F_EMPTY)};
static const struct field f10[] = {
    FLD(USER_INFO_10, usri10_name, F_NAME), FLD(USER_INFO_10, usri10_comment, F_COMMENT),
    FLD(USER_INFO_10, usri10_usr_comment, F_EMPTY), FLD(USER_INFO_10, usri10_full_name, F_FULL)};
static const struct field f20[] = {FLD(USER_INFO_20, usri20_name, F_NAME),
                                   FLD(USER_INFO_20, usri20_full_name, F_FULL),
                                   FLD(USER_INFO_20, usri20_comment, F_COMMENT)};
static const struct field f23[] = {
    FLD(USER_INFO_23, usri23_name, F_NAME), FLD(USER_INFO_23, usri23_full_name, F_FULL),
    FLD(USER_INFO_23, usri23_comment, F_COMMENT), FLD(USER_INFO_23, usri23_user_sid, F_SID)};

static const struct level {
        DWORD level;
        const struct field *fields;
        size_t nfields;
} levels[] = {
    {0, f0, sizeof(f0) / sizeof(f0[0])},     {1, f1, sizeof(f1) / sizeof(f1[0])},
    {2, f2, sizeof(f2) / sizeof(f2[0])},     {3, f3, sizeof(f3) / sizeof(f3[0])},
    {10, f10, sizeof(f10) / sizeof(f10[0])}, {20, f20, sizeof(f20) / sizeof(f20[0])},
    {23, f23, sizeof(f23) / sizeof(f23[0])},
};

/* A well-formed UTF-8 sequence (shortest forms, no surrogates, <= U+10FFFF)? */
static int utf8_valid(const uint8_t *s, size_t n)
{
        size_t i = 0, k, len;
        uint32_t cp;

        while (i < n) {
                uint8_t c = s[i];

                if (c < 0x80) {
                        i++;
                        continue;
                }
                if (c >= 0xc2 && c <= 0xdf)
                        len = 2, cp = c & 0x1fu;
                else if (c >= 0xe0 && c <= 0xef)
                        len = 3, cp = c & 0x0fu;
                else if (c >= 0xf0 && c <= 0xf4)
                        len = 4, cp = c & 0x07u;
                else
                        return 0;
                if (n - i < len)
                        return 0;
                for (k = 1; k < len; k++) {
                        if ((s[i + k] & 0xc0) != 0x80)
                                return 0;
                        cp = cp << 6 | (s[i + k] & 0x3fu);
                }
                if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
                    (cp >= 0xd800 && cp <= 0xdfff))
                        return 0;
                i += len;
        }
        return 1;
}

static int has_lone_surrogate(const char16_t *u, size_t n)
{
        size_t i;

        for (i = 0; i < n; i++) {
                if (u[i] >= 0xd800 && u[i] <= 0xdbff) {
                        if (i + 1 == n || u[i + 1] < 0xdc00 || u[i + 1] > 0xdfff)
                                return 1;
                        i++;
                } else if (u[i] >= 0xdc00 && u[i] <= 0xdfff) {
                        return 1;
                }
        }
        return 0;
}

/* A string field: inside [lo, hi) with its NUL, equal to its source converted. */
static void check_string(const char16_t *w, const struct src *s, const char *lo, const char *hi,
                         size_t row)
{
        size_t units = utf8_to_utf16((const char *)s->s, s->n, NULL, 0), back_n;
        char16_t *want = malloc((units + 1) * sizeof(char16_t));
        char *back;

        if ((const char *)w < lo || (const char *)(w + units + 1) > hi)
                FAIL("row %zu: string %p (%zu units) outside the string area [%p, %p)", row,
                     (const void *)w, units, (const void *)lo, (const void *)hi);
        if (!want)
                abort();
        utf8_to_utf16((const char *)s->s, s->n, want, units + 1);
        if (memcmp(w, want, units * sizeof(char16_t)) || w[units])
                FAIL("row %zu: packed string differs from the conversion of its %zu bytes", row,
                     s->n);
        if (has_lone_surrogate(w, units))
                FAIL("row %zu: an unpaired surrogate in the result", row);
        back_n = utf16_to_utf8(w, units, NULL, 0);
        back = malloc(back_n + 1);
        if (!back)
                abort();
        utf16_to_utf8(w, units, back, back_n + 1);
        if (utf8_valid(s->s, s->n) && (back_n != s->n || memcmp(back, s->s, s->n)))
                FAIL("row %zu: valid UTF-8 of %zu bytes does not round-trip", row, s->n);
        if (!utf8_valid((const uint8_t *)back, back_n))
                FAIL("row %zu: converting back gives invalid UTF-8", row);
        free(back);
        free(want);
}

static void check_const(const char16_t *w, const char16_t *want, size_t units, const char *lo,
                        const char *hi, size_t row)
{
        if ((const char *)w < lo || (const char *)(w + units + 1) > hi ||
            memcmp(w, want, (units + 1) * sizeof(char16_t)))
                FAIL("row %zu: constant string wrong or outside the string area", row);
}

static void check_bin(const uint8_t *b, enum field_kind k, const char *lo, const char *hi,
                      size_t row)
{
        size_t n = k == F_HOURS ? 24 : UNIX_SID_BYTES, i;

        if ((const char *)b < lo || (const char *)b + n > hi || ((uintptr_t)b & 7u))
                FAIL("row %zu: binary part %p outside (or misaligned in) [%p, %p)", row,
                     (const void *)b, (const void *)lo, (const void *)hi);
        if (k == F_HOURS)
                for (i = 0; i < 24; i++)
                        if (b[i] != (i < 21 ? 0xff : 0))
                                FAIL("row %zu: logon hours byte %zu is %u", row, i, b[i]);
}

/* Checks rows [first, first+count) packed in buf. */
static void check_block(const struct table *t, const struct level_ops *ops, const struct level *lv,
                        const char *buf, size_t first, size_t count)
{
        size_t recs = ops->rec_size * count, bins = 0, strs = 0, i, f;
        const char *bin_lo, *str_lo, *end;
        DWORD got = 0;

        for (i = first; i < first + count; i++) {
                strs += ops->str_bytes(t, vec_at(&t->rows, i));
                bins += ops->bin_bytes ? ops->bin_bytes(t, vec_at(&t->rows, i)) : 0;
        }
        if (NetApiBufferSize((LPVOID)buf, &got) != NERR_Success || got < recs + bins + strs)
                FAIL("NetApiBufferSize %lu < records %zu + binary %zu + strings %zu",
                     (unsigned long)got, recs, bins, strs);
        bin_lo = buf + recs;
        str_lo = bin_lo + bins;
        end = buf + got;
        for (i = 0; i < count; i++) {
                const char *rec = buf + i * ops->rec_size;

                for (f = 0; f < lv->nfields; f++) {
                        const struct field *fd = &lv->fields[f];
                        const void *p;

                        memcpy(&p, rec + fd->off, sizeof(p));
                        if (fd->kind <= F_HOME) {
                                const struct src *s = &srcs[first + i][fd->kind];

                                if (s->null != !p)
                                        FAIL("row %zu field %zu: NULL mismatch", first + i, f);
                                if (p)
                                        check_string(p, s, str_lo, end, first + i);
                        } else if (fd->kind == F_EMPTY) {
                                check_const(p, u"", 0, str_lo, end, first + i);
                        } else if (fd->kind == F_ANYSRV) {
                                check_const(p, u"\\\\*", 3, str_lo, end, first + i);
                        } else if (fd->kind == F_NULL) {
                                if (p)
                                        FAIL("row %zu: password is not NULL", first + i);
                        } else {
                                check_bin(p, fd->kind, bin_lo, str_lo, first + i);
                        }
                }
        }
}

static int read_rows(struct reader *rd, struct table *t, size_t rows)
{
        size_t i, k;

        for (i = 0; i < rows; i++) {
                struct user_row *u = vec_push(&t->rows);
                struct wstr *w[S_COUNT];

                if (!u)
                        return -1;
                w[S_NAME] = &u->name;
                w[S_FULL] = &u->full_name;
                w[S_COMMENT] = &u->comment;
                w[S_HOME] = &u->home;
                for (k = 0; k < S_COUNT; k++) {
                        uint8_t b = take(rd);
                        struct src *s = &srcs[i][k];

                        s->null = b == 0xff;
                        s->n = s->null ? 0 : b % 64u;
                        if (s->n > rd->n)
                                s->n = rd->n;
                        s->s = rd->p;
                        rd->p += s->n;
                        rd->n -= s->n;
                        if (s->null)
                                *w[k] = wstr_null();
                        else if (strpool_add(&t->pool, (const char *)s->s, s->n, w[k]) < 0)
                                return -1;
                }
                u->uid = take(rd) | (uint32_t)take(rd) << 8;
                u->gid = take(rd);
                u->flags = take(rd);
        }
        return 0;
}

static void run_paging(const struct table *t, const struct level_ops *ops, const struct level *lv,
                       struct reader *rd)
{
        struct page pg = {0};
        LPBYTE buf = NULL;
        NET_API_STATUS st;

        pg.start = take(rd) % (t->rows.n + 2);
        pg.prefmaxlen = take(rd) | (DWORD)take(rd) << 8;
        if (pg.prefmaxlen == 0xffff)
                pg.prefmaxlen = MAX_PREFERRED_LENGTH;
        st = page_rows(t, ops, &pg, "fuzz", &buf);
        if (st != NERR_Success && st != ERROR_MORE_DATA)
                FAIL("page_rows: status %lu", (unsigned long)st);
        if (pg.start >= t->rows.n) {
                if (buf || pg.read || st != NERR_Success)
                        FAIL("page_rows past the end returned rows");
                return;
        }
        if (!buf || pg.read < 1 || pg.next != pg.start + pg.read || pg.next > t->rows.n ||
            (st == ERROR_MORE_DATA) != (pg.next < t->rows.n))
                FAIL("page_rows: start %lu read %lu next %lu of %zu, status %lu",
                     (unsigned long)pg.start, (unsigned long)pg.read, (unsigned long)pg.next,
                     t->rows.n, (unsigned long)st);
        check_block(t, ops, lv, (const char *)buf, pg.start, pg.read);
        if (NetApiBufferFree(buf) != NERR_Success)
                FAIL("NetApiBufferFree failed");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct reader rd = {data, size};
        const struct level *lv = &levels[take(&rd) % (sizeof(levels) / sizeof(levels[0]))];
        const struct level_ops *ops = user_level(lv->level);
        size_t rows = take(&rd) % (MAX_ROWS + 1), first, count;
        struct table t;
        LPBYTE buf = NULL;

        if (!ops)
                FAIL("no ops for level %lu", (unsigned long)lv->level);
        table_init(&t, sizeof(struct user_row));
        if (read_rows(&rd, &t, rows) == 0) {
                first = take(&rd) % (rows + 1);
                count = take(&rd) % (rows - first + 1);
                if (count) {
                        if (pack_rows(&t, ops, first, count, "fuzz", &buf) < 0)
                                FAIL("pack_rows failed");
                        check_block(&t, ops, lv, (const char *)buf, first, count);
                        if (NetApiBufferFree(buf) != NERR_Success)
                                FAIL("NetApiBufferFree failed");
                }
                run_paging(&t, ops, lv, &rd);
        }
        table_free(&t);
        return 0;
}
