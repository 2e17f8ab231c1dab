/* test_route_parse.c - route_parse on messages built here, each in a heap block
 * exactly its own size, so that ASan and valgrind see any read past the message:
 * RTA_MULTIPATH as the last attribute (the kernel sends IPv4 multipath routes that
 * way), one record per next hop with its interface, gateway and weight, a
 * truncated next hop, and the DEL type events use. */
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

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(multipath_last_gives_each_hop),
            cmocka_unit_test(truncated_hop_is_not_read),
            cmocka_unit_test(deletions_parse_like_additions),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
