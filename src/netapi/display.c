/* display.c - NetQueryDisplayInformation: level 1 the normal user accounts, level 2
 * the machine accounts (names ending in $), level 3 the groups, each sorted by
 * name. Index is the position to start at (0, then the last entry's next_index);
 * at most 100 entries per call, as Windows. */
#include "lmaccess.h"
#include "lmerr.h"
#include "netapi_int.h"
#include "winerror.h"

#define DISPLAY_MAX_ENTRIES 100
#define U(r)                ((const struct user_row *)(r))
#define G(r)                ((const struct group_row *)(r))

static size_t s_user(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(U(r)->name) + wstr_bytes(U(r)->comment) + wstr_bytes(U(r)->full_name);
}

static size_t s_machine(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(U(r)->name) + wstr_bytes(U(r)->comment);
}

static size_t s_group(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(G(r)->name) + wstr_bytes(G(r)->comment);
}

static void f_user(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        NET_DISPLAY_USER *d = rec;

        (void)t;
        d->usri1_name = pack_wstr(p, U(r)->name);
        d->usri1_comment = pack_wstr(p, U(r)->comment);
        d->usri1_flags = U(r)->flags;
        d->usri1_full_name = pack_wstr(p, U(r)->full_name);
        d->usri1_user_id = U(r)->uid;
        d->usri1_next_index = (DWORD)i + 1;
}

static void f_machine(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        NET_DISPLAY_MACHINE *d = rec;

        (void)t;
        d->usri2_name = pack_wstr(p, U(r)->name);
        d->usri2_comment = pack_wstr(p, U(r)->comment);
        d->usri2_flags = U(r)->flags;
        d->usri2_user_id = U(r)->uid;
        d->usri2_next_index = (DWORD)i + 1;
}

static void f_group(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        NET_DISPLAY_GROUP *d = rec;

        (void)t;
        d->grpi3_name = pack_wstr(p, G(r)->name);
        d->grpi3_comment = pack_wstr(p, G(r)->comment);
        d->grpi3_group_id = G(r)->gid;
        d->grpi3_attributes = 0x7; /* SE_GROUP_MANDATORY | _ENABLED_BY_DEFAULT | _ENABLED */
        d->grpi3_next_index = (DWORD)i + 1;
}

static const struct level_ops ops[] = {
    {sizeof(NET_DISPLAY_USER), s_user, NULL, f_user},
    {sizeof(NET_DISPLAY_MACHINE), s_machine, NULL, f_machine},
    {sizeof(NET_DISPLAY_GROUP), s_group, NULL, f_group},
};

static int load(struct table *t, DWORD level)
{
        int r;

        if (level == 3) {
                table_init(t, sizeof(struct group_row));
                r = groups_load(t);
        } else {
                table_init(t, sizeof(struct user_row));
                r = users_load(
                    t, level == 1 ? FILTER_NORMAL_ACCOUNT : FILTER_WORKSTATION_TRUST_ACCOUNT, 0);
        }
        return r ? r : table_sort_by_name(t);
}

NET_API_STATUS NET_API_FUNCTION NetQueryDisplayInformation(LPCWSTR ServerName, DWORD Level,
                                                           DWORD Index, DWORD EntriesRequested,
                                                           DWORD PreferredMaximumLength,
                                                           LPDWORD ReturnedEntryCount,
                                                           PVOID *SortedBuffer)
{
        struct page pg = {.start = Index, .prefmaxlen = PreferredMaximumLength};
        NET_API_STATUS st;
        struct table t;

        if (ReturnedEntryCount)
                *ReturnedEntryCount = 0;
        if (SortedBuffer)
                *SortedBuffer = NULL;
        if (!ReturnedEntryCount || !SortedBuffer)
                return ERROR_INVALID_PARAMETER;
        st = servername_check(ServerName);
        if (st)
                return st;
        if (Level < 1 || Level > 3)
                return ERROR_INVALID_LEVEL;
        pg.max_entries = EntriesRequested && EntriesRequested < DISPLAY_MAX_ENTRIES
                             ? EntriesRequested
                             : DISPLAY_MAX_ENTRIES;
        st = netapi_status(load(&t, Level));
        if (st == NERR_Success)
                st = page_rows(&t, &ops[Level - 1], &pg, "NetQueryDisplayInformation",
                               (LPBYTE *)SortedBuffer);
        if (st == NERR_Success || st == ERROR_MORE_DATA)
                *ReturnedEntryCount = pg.read;
        table_free(&t);
        return st;
}
