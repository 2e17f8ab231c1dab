/* nl_apis.c - the table calls of nl_apis.h and their result checks. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "iphlpapi.h"
#include "netioapi.h"

#include "nl_apis.h"

static const char *const names[NL_API_COUNT] = {
    "if_table2",        "ipinterface_table", "unicast_table", "anycast_table",
    "multicast_table",  "forward_table2",    "ipnet_table2",  "ifstack_table",
    "inverted_ifstack", "ippath_table",      "if_entry2",     "ipinterface_entry",
};

#define FAIL(...)                                         \
        do {                                              \
                fprintf(stderr, "nl_apis: " __VA_ARGS__); \
                fputc('\n', stderr);                      \
                abort();                                  \
        } while (0)

const char *nl_api_name(unsigned api)
{
        return api < NL_API_COUNT ? names[api] : "?";
}

/* Reads every byte of the rows, so ASan sees any that lie outside the block. */
static unsigned touch(const void *table, size_t rows_off, size_t row_size, ULONG n)
{
        const unsigned char *p = table;
        size_t i, end = rows_off + (size_t)n * row_size;
        unsigned sum = 0;

        if (n > (1u << 24))
                FAIL("implausible NumEntries %lu", (unsigned long)n);
        for (i = 0; i < end; i++)
                sum += p[i];
        return sum;
}

static void check_wstr(const WCHAR *s, size_t cap, const char *what, ULONG row)
{
        size_t i;

        for (i = 0; i < cap; i++)
                if (!s[i])
                        return;
        FAIL("row %lu: %s is not NUL-terminated inside its %zu units", (unsigned long)row, what,
             cap);
}

static void check_if_row(const MIB_IF_ROW2 *r, ULONG i)
{
        check_wstr(r->Alias, IF_MAX_STRING_SIZE + 1, "Alias", i);
        check_wstr(r->Description, IF_MAX_STRING_SIZE + 1, "Description", i);
        if (r->PhysicalAddressLength > IF_MAX_PHYS_ADDRESS_LENGTH)
                FAIL("row %lu: PhysicalAddressLength %lu", (unsigned long)i,
                     (unsigned long)r->PhysicalAddressLength);
}

/* A row's family is IPv4 or IPv6. (Not necessarily the one asked for: the
 * provider asks the kernel for one family and trusts it to answer with it; a fed
 * dump may not.) */
static void check_family(ADDRESS_FAMILY got, int asked, const char *what, ULONG i)
{
        if (got != AF_INET && got != AF_INET6)
                FAIL("row %lu: %s family %u (asked %d)", (unsigned long)i, what, got, asked);
}

/* Values the kernel never sends but the provider passes through unchecked are
 * noted once per kind on stderr, not failed: they are not memory errors, and
 * failing on them would stop the fuzzer at the same spot every run. */
static void note_once(int *done, const char *what, unsigned value)
{
        if (!*done) {
                *done = 1;
                fprintf(stderr, "nl_apis: note: %s %u passed through\n", what, value);
        }
}

static void check_prefix(const IP_ADDRESS_PREFIX *p, int asked, ULONG i)
{
        static int noted;

        check_family(p->Prefix.si_family, asked, "DestinationPrefix", i);
        if (p->PrefixLength > (p->Prefix.si_family == AF_INET ? 32 : 128))
                note_once(&noted, "route prefix length", p->PrefixLength);
}

/* The common tail: a failure leaves the table NULL, a success returns one.
 * NL_APIS_VERBOSE=1 prints each call's status and row count (seed debugging). */
static void check_status(DWORD r, const void *table, const char *api)
{
        if (getenv("NL_APIS_VERBOSE"))
                fprintf(stderr, "%s: status %lu, %lu rows\n", api, (unsigned long)r,
                        table ? (unsigned long)*(const ULONG *)table : 0ul);
        if (r == NO_ERROR && !table)
                FAIL("%s: NO_ERROR without a table", api);
        if (r != NO_ERROR && table)
                FAIL("%s: error %lu but *Table was set", api, (unsigned long)r);
}

#define ROWS(T) offsetof(T, Table), sizeof(((T *)0)->Table[0])

static DWORD run_if_tables(unsigned api, int family)
{
        PMIB_IF_TABLE2 ift = NULL;
        PMIB_IPINTERFACE_TABLE ipt = NULL;
        DWORD r;
        ULONG i;

        if (api == 0) {
                r = GetIfTable2(&ift);
                check_status(r, ift, names[api]);
                if (!ift)
                        return r;
                touch(ift, ROWS(MIB_IF_TABLE2), ift->NumEntries);
                for (i = 0; i < ift->NumEntries; i++)
                        check_if_row(&ift->Table[i], i);
                FreeMibTable(ift);
                return r;
        }
        r = GetIpInterfaceTable((ADDRESS_FAMILY)family, &ipt);
        check_status(r, ipt, names[api]);
        if (!ipt)
                return r;
        touch(ipt, ROWS(MIB_IPINTERFACE_TABLE), ipt->NumEntries);
        for (i = 0; i < ipt->NumEntries; i++)
                check_family(ipt->Table[i].Family, family, "Family", i);
        FreeMibTable(ipt);
        return r;
}

static DWORD run_addr_tables(unsigned api, int family)
{
        PMIB_UNICASTIPADDRESS_TABLE u = NULL;
        PMIB_ANYCASTIPADDRESS_TABLE a = NULL;
        PMIB_MULTICASTIPADDRESS_TABLE m = NULL;
        DWORD r;
        ULONG i;

        if (api == 2) {
                r = GetUnicastIpAddressTable((ADDRESS_FAMILY)family, &u);
                check_status(r, u, names[api]);
                if (!u)
                        return r;
                touch(u, ROWS(MIB_UNICASTIPADDRESS_TABLE), u->NumEntries);
                for (i = 0; i < u->NumEntries; i++) {
                        static int noted;

                        check_family(u->Table[i].Address.si_family, family, "Address", i);
                        if (u->Table[i].OnLinkPrefixLength >
                            (u->Table[i].Address.si_family == AF_INET ? 32 : 128))
                                note_once(&noted, "address prefix length",
                                          u->Table[i].OnLinkPrefixLength);
                }
                FreeMibTable(u);
        } else if (api == 3) {
                r = GetAnycastIpAddressTable((ADDRESS_FAMILY)family, &a);
                check_status(r, a, names[api]);
                if (!a)
                        return r;
                touch(a, ROWS(MIB_ANYCASTIPADDRESS_TABLE), a->NumEntries);
                for (i = 0; i < a->NumEntries; i++)
                        check_family(a->Table[i].Address.si_family, family, "Address", i);
                FreeMibTable(a);
        } else {
                r = GetMulticastIpAddressTable((ADDRESS_FAMILY)family, &m);
                check_status(r, m, names[api]);
                if (!m)
                        return r;
                touch(m, ROWS(MIB_MULTICASTIPADDRESS_TABLE), m->NumEntries);
                for (i = 0; i < m->NumEntries; i++)
                        check_family(m->Table[i].Address.si_family, family, "Address", i);
                FreeMibTable(m);
        }
        return r;
}

static DWORD run_route_tables(unsigned api, int family)
{
        PMIB_IPFORWARD_TABLE2 f = NULL;
        PMIB_IPNET_TABLE2 n = NULL;
        PMIB_IPPATH_TABLE p = NULL;
        DWORD r;
        ULONG i;

        if (api == 5) {
                r = GetIpForwardTable2((ADDRESS_FAMILY)family, &f);
                check_status(r, f, names[api]);
                if (!f)
                        return r;
                touch(f, ROWS(MIB_IPFORWARD_TABLE2), f->NumEntries);
                for (i = 0; i < f->NumEntries; i++)
                        check_prefix(&f->Table[i].DestinationPrefix, family, i);
                FreeMibTable(f);
        } else if (api == 6) {
                r = GetIpNetTable2((ADDRESS_FAMILY)family, &n);
                check_status(r, n, names[api]);
                if (!n)
                        return r;
                touch(n, ROWS(MIB_IPNET_TABLE2), n->NumEntries);
                for (i = 0; i < n->NumEntries; i++) {
                        check_family(n->Table[i].Address.si_family, family, "Address", i);
                        if (n->Table[i].PhysicalAddressLength > IF_MAX_PHYS_ADDRESS_LENGTH)
                                FAIL("row %lu: PhysicalAddressLength %lu", (unsigned long)i,
                                     (unsigned long)n->Table[i].PhysicalAddressLength);
                }
                FreeMibTable(n);
        } else {
                r = GetIpPathTable((ADDRESS_FAMILY)family, &p);
                check_status(r, p, names[api]);
                if (!p)
                        return r;
                touch(p, ROWS(MIB_IPPATH_TABLE), p->NumEntries);
                for (i = 0; i < p->NumEntries; i++)
                        check_family(p->Table[i].Destination.si_family, family, "Destination", i);
                FreeMibTable(p);
        }
        return r;
}

static DWORD run_stack_tables(unsigned api)
{
        PMIB_IFSTACK_TABLE s = NULL;
        PMIB_INVERTEDIFSTACK_TABLE v = NULL;
        DWORD r;

        if (api == 7) {
                r = GetIfStackTable(&s);
                check_status(r, s, names[api]);
                if (s) {
                        touch(s, ROWS(MIB_IFSTACK_TABLE), s->NumEntries);
                        FreeMibTable(s);
                }
                return r;
        }
        r = GetInvertedIfStackTable(&v);
        check_status(r, v, names[api]);
        if (v) {
                touch(v, ROWS(MIB_INVERTEDIFSTACK_TABLE), v->NumEntries);
                FreeMibTable(v);
        }
        return r;
}

/* The single-row calls: interface 1 (the fed dump decides whether it exists). */
static DWORD run_entries(unsigned api, int family)
{
        MIB_IF_ROW2 row = {0};
        MIB_IPINTERFACE_ROW ip;
        DWORD r;

        if (api == 10) {
                row.InterfaceIndex = 1;
                r = GetIfEntry2(&row);
                if (r == NO_ERROR)
                        check_if_row(&row, 0);
                return r;
        }
        InitializeIpInterfaceEntry(&ip);
        ip.Family = (ADDRESS_FAMILY)(family == AF_UNSPEC ? AF_INET : family);
        ip.InterfaceIndex = 1;
        return GetIpInterfaceEntry(&ip);
}

unsigned long nl_api_run(unsigned api, int family)
{
        switch (api) {
        case 0:
        case 1:
                return run_if_tables(api, family);
        case 2:
        case 3:
        case 4:
                return run_addr_tables(api, family);
        case 5:
        case 6:
        case 9:
                return run_route_tables(api, family);
        case 7:
        case 8:
                return run_stack_tables(api);
        default:
                return run_entries(api, family);
        }
}
