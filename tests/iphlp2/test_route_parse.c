/* test_route_parse.c - route_parse on messages built here, each in a heap block
 * exactly its own size, so that ASan and valgrind see any read past the message:
 * RTA_MULTIPATH as the last attribute (the kernel sends IPv4 multipath routes that
 * way), one record per next hop with its interface, gateway and weight, a
 * truncated next hop, and the DEL type events use; a route that names a nexthop
 * object only (nexthop_compat_mode 0) resolved through a nexthop table, and the
 * set that keeps one copy of each cached exception. */
#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>
#include <linux/rtnetlink.h>

#include "provider/linux/nl.h"
#include "provider/linux/route_walk.h"

struct hops {
        int n;
        uint32_t oif[4];
        uint8_t gw[4][4];
        uint8_t weight[4];
        uint8_t tos;
};

static int visit(void *ctx, const struct prov_route *r)
{
        struct hops *h = ctx;

        if (h->n < 4) {
                h->oif[h->n] = r->oif;
                memcpy(h->gw[h->n], r->gw, 4);
                h->weight[h->n] = r->weight;
        }
        h->tos = r->tos;
        h->n++;
        return 0;
}

/* Appends a next hop (rtnexthop + RTA_GATEWAY) at p; returns its length. */
static size_t put_hop(char *p, int ifindex, const char *gw, uint8_t hops)
{
        struct rtnexthop *nh = (struct rtnexthop *)p;
        struct rtattr *a = (struct rtattr *)(p + sizeof(*nh));

        memset(p, 0, sizeof(*nh) + RTA_SPACE(4));
        nh->rtnh_len = (unsigned short)(sizeof(*nh) + RTA_SPACE(4));
        nh->rtnh_ifindex = ifindex;
        nh->rtnh_hops = hops;
        a->rta_type = RTA_GATEWAY;
        a->rta_len = RTA_LENGTH(4);
        inet_pton(AF_INET, gw, RTA_DATA(a));
        return nh->rtnh_len;
}

/* 198.51.100.0/24 table main, next hops via .7 on 3 and via .8 on 4 (weight 2),
 * RTA_MULTIPATH last; `cut` bytes of the last hop left out. A heap copy of exactly
 * the message's length. */
static struct nlmsghdr *multipath_msg(uint16_t type, size_t cut)
{
        char buf[512];
        struct nlmsghdr *nlh = (struct nlmsghdr *)buf, *copy;
        struct rtmsg *rtm = NLMSG_DATA(nlh);
        struct rtattr *a;
        size_t off;

        memset(buf, 0, sizeof(buf));
        nlh->nlmsg_type = type;
        rtm->rtm_family = AF_INET;
        rtm->rtm_dst_len = 24;
        rtm->rtm_tos = 0x10;
        rtm->rtm_table = RT_TABLE_MAIN;
        rtm->rtm_type = RTN_UNICAST;
        off = NLMSG_SPACE(sizeof(*rtm));
        a = (struct rtattr *)(buf + off);
        a->rta_type = RTA_DST;
        a->rta_len = RTA_LENGTH(4);
        inet_pton(AF_INET, "198.51.100.0", RTA_DATA(a));
        off += RTA_SPACE(4);
        a = (struct rtattr *)(buf + off);
        a->rta_type = RTA_MULTIPATH;
        a->rta_len = RTA_LENGTH(0);
        a->rta_len += (unsigned short)put_hop((char *)RTA_DATA(a), 3, "198.51.100.7", 0);
        a->rta_len += (unsigned short)put_hop((char *)RTA_DATA(a) + (a->rta_len - RTA_LENGTH(0)), 4,
                                              "198.51.100.8", 1);
        a->rta_len = (unsigned short)(a->rta_len - cut);
        off += a->rta_len;
        nlh->nlmsg_len = (uint32_t)off;
        copy = malloc(off);
        assert_non_null(copy);
        memcpy(copy, buf, off);
        return copy;
}

static void multipath_last_gives_each_hop(void **state)
{
        struct nlmsghdr *nlh = multipath_msg(RTM_NEWROUTE, 0);
        struct hops h = {0};

        (void)state;
        assert_int_equal(route_parse(nlh, visit, &h), 0);
        assert_int_equal(h.n, 2);
        assert_int_equal(h.oif[0], 3);
        assert_int_equal(h.oif[1], 4);
        assert_memory_equal(h.gw[0], "\xc6\x33\x64\x07", 4);
        assert_memory_equal(h.gw[1], "\xc6\x33\x64\x08", 4);
        assert_int_equal(h.weight[0], 1);
        assert_int_equal(h.weight[1], 2);
        assert_int_equal(h.tos, 0x10);
        free(nlh);
}

/* A next hop cut short is not one: the walk stops before it, inside the message. */
static void truncated_hop_is_not_read(void **state)
{
        size_t cut;

        (void)state;
        for (cut = 1; cut <= 12; cut++) {
                struct nlmsghdr *nlh = multipath_msg(RTM_NEWROUTE, cut);
                struct hops h = {0};

                assert_int_equal(route_parse(nlh, visit, &h), 0);
                assert_int_equal(h.n, 1);
                assert_int_equal(h.oif[0], 3);
                free(nlh);
        }
}

static void deletions_parse_like_additions(void **state)
{
        struct nlmsghdr *nlh = multipath_msg(RTM_DELROUTE, 0);
        struct hops h = {0};

        (void)state;
        assert_int_equal(route_parse(nlh, visit, &h), 0);
        assert_int_equal(h.n, 2);
        free(nlh);
        nlh = multipath_msg(RTM_NEWADDR, 0);
        assert_int_equal(route_parse(nlh, visit, &h), -EBADMSG);
        free(nlh);
}

/* 192.0.2.0/24 with RTA_NH_ID only, as nexthop_compat_mode 0 sends it. */
static struct nlmsghdr *nh_id_msg(uint32_t id)
{
        size_t len = NLMSG_SPACE(sizeof(struct rtmsg)) + RTA_SPACE(4) + RTA_SPACE(4);
        struct nlmsghdr *nlh = calloc(1, len);
        struct rtmsg *rtm = NLMSG_DATA(nlh);
        struct rtattr *a = (struct rtattr *)((char *)nlh + NLMSG_SPACE(sizeof(*rtm)));

        assert_non_null(nlh);
        nlh->nlmsg_type = RTM_NEWROUTE;
        nlh->nlmsg_len = (uint32_t)len;
        rtm->rtm_family = AF_INET;
        rtm->rtm_dst_len = 24;
        rtm->rtm_type = RTN_UNICAST;
        a->rta_type = RTA_DST;
        a->rta_len = RTA_LENGTH(4);
        inet_pton(AF_INET, "192.0.2.0", RTA_DATA(a));
        a = (struct rtattr *)((char *)a + RTA_SPACE(4));
        a->rta_type = RTA_NH_ID;
        a->rta_len = RTA_LENGTH(4);
        memcpy(RTA_DATA(a), &id, 4);
        return nlh;
}

/* Objects 5 (via 198.51.100.7 on 3), 6 (via 198.51.100.8 on 4) and group 9 of
 * both, weights 1 and 3. */
static void nh_table(struct route_nhs *t, struct route_nh *nh, struct route_nh *members)
{
        memset(t, 0, sizeof(*t));
        memset(nh, 0, 3 * sizeof(*nh));
        memset(members, 0, 2 * sizeof(*members));
        nh[0].id = 5;
        nh[0].oif = 3;
        nh[0].gw_family = AF_INET;
        inet_pton(AF_INET, "198.51.100.7", nh[0].gw);
        nh[1].id = 6;
        nh[1].oif = 4;
        nh[1].gw_family = AF_INET;
        inet_pton(AF_INET, "198.51.100.8", nh[1].gw);
        nh[2].id = 9;
        nh[2].first = 0;
        nh[2].group_n = 2;
        members[0].id = 5;
        members[0].weight = 1;
        members[1].id = 6;
        members[1].weight = 3;
        t->nh = nh;
        t->n = 3;
        t->members = members;
        t->members_n = 2;
        t->loaded = true;
}

static void nexthop_id_resolves_through_objects(void **state)
{
        struct route_nh nh[3], members[2];
        struct route_nhs t;
        struct nlmsghdr *nlh;
        struct hops h = {0};

        (void)state;
        nh_table(&t, nh, members);
        nlh = nh_id_msg(5);
        assert_int_equal(route_parse_nhs(nlh, &t, visit, &h), 0);
        assert_int_equal(h.n, 1);
        assert_int_equal(h.oif[0], 3);
        assert_memory_equal(h.gw[0], "\xc6\x33\x64\x07", 4);
        free(nlh);
        memset(&h, 0, sizeof(h));
        nlh = nh_id_msg(9);
        assert_int_equal(route_parse_nhs(nlh, &t, visit, &h), 0);
        assert_int_equal(h.n, 2);
        assert_int_equal(h.oif[0], 3);
        assert_int_equal(h.oif[1], 4);
        assert_memory_equal(h.gw[1], "\xc6\x33\x64\x08", 4);
        assert_int_equal(h.weight[1], 3);
        assert_false(t.missing);
        /* without a table (the event parser): as the kernel sent it */
        memset(&h, 0, sizeof(h));
        assert_int_equal(route_parse(nlh, visit, &h), 0);
        assert_int_equal(h.n, 1);
        assert_int_equal(h.oif[0], 0);
        free(nlh);
}

/* An id the table lacks asks for a fresh table; the last round gives the route. */
static void unknown_nexthop_id_is_missing(void **state)
{
        struct route_nh nh[3], members[2];
        struct route_nhs t;
        struct nlmsghdr *nlh = nh_id_msg(77);
        struct hops h = {0};

        (void)state;
        nh_table(&t, nh, members);
        assert_int_equal(route_parse_nhs(nlh, &t, visit, &h), 0);
        assert_int_equal(h.n, 0);
        assert_true(t.missing);
        t.missing = false;
        t.unresolved = true;
        assert_int_equal(route_parse_nhs(nlh, &t, visit, &h), 0);
        assert_int_equal(h.n, 1);
        assert_false(t.missing);
        free(nlh);
        nlh = nh_id_msg(9);
        members[1].id = 78; /* a group whose member is unknown: none of it */
        t.unresolved = false;
        memset(&h, 0, sizeof(h));
        assert_int_equal(route_parse_nhs(nlh, &t, visit, &h), 0);
        assert_int_equal(h.n, 0);
        assert_true(t.missing);
        free(nlh);
}

static void seen_set_keeps_one_copy(void **state)
{
        struct route_seen s = {{0}};
        struct prov_route r;
        unsigned i, fresh = 0;

        (void)state;
        memset(&r, 0, sizeof(r));
        r.family = AF_INET;
        r.oif = 2;
        for (i = 0; i < 1000; i++) { /* grows past its first size */
                r.dst[3] = (uint8_t)i;
                r.dst[2] = (uint8_t)(i >> 8);
                assert_int_equal(route_seen_add(&s, &r), 1);
        }
        for (i = 0; i < 1000; i++) {
                r.dst[3] = (uint8_t)i;
                r.dst[2] = (uint8_t)(i >> 8);
                fresh += (unsigned)route_seen_add(&s, &r);
        }
        assert_int_equal(fresh, 0);
        assert_true(route_seen_has(&s, &r));
        r.dst_len = 24; /* another prefix length, another route */
        assert_false(route_seen_has(&s, &r));
        assert_int_equal(route_seen_add(&s, &r), 1);
        r.oif = 3; /* another interface, another exception */
        assert_int_equal(route_seen_add(&s, &r), 1);
        r.gw_family = AF_INET;
        r.gw[0] = 1; /* another gateway too */
        assert_int_equal(route_seen_add(&s, &r), 1);
        route_seen_clear(&s);
        assert_int_equal(route_seen_add(&s, &r), 1);
        route_seen_free(&s);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(multipath_last_gives_each_hop),
            cmocka_unit_test(truncated_hop_is_not_read),
            cmocka_unit_test(deletions_parse_like_additions),
            cmocka_unit_test(nexthop_id_resolves_through_objects),
            cmocka_unit_test(unknown_nexthop_id_is_missing),
            cmocka_unit_test(seen_set_keeps_one_copy),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
