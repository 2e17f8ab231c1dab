/* events_nl.h - the Linux event provider's internals: the parsers that turn
 * RTM_*ADDR, RTM_*ROUTE and RTM_NEWNETCONF messages into the neutral records of
 * provider/events.h, the key dumps, the event source and the namespace helpers.
 * Only src/provider/linux/events_*.c include it. */
#ifndef WINNET_PROVIDER_LINUX_EVENTS_NL_H
#define WINNET_PROVIDER_LINUX_EVENTS_NL_H

#include <libmnl/libmnl.h>

#include "provider/events.h"

/* events_parse.c */
/* One RTM_NEWADDR / RTM_DELADDR. 0; -ENOENT when it is not an IPv4/IPv6 unicast
 * address; -EBADMSG when malformed. */
int ev_addr_parse(const struct nlmsghdr *nlh, struct prov_ev_addr *ret);
/* One RTM_NEWROUTE / RTM_DELROUTE: fn once per next hop. Cloned exceptions and
 * other families are skipped (0, no call); -EBADMSG when malformed; else what fn
 * returned. */
int ev_route_parse(const struct nlmsghdr *nlh, int (*fn)(void *ctx, const struct prov_ev_route *r),
                   void *ctx);
/* The ifindex an RTM_NEWNETCONF is about; 0 for the "all"/"default" settings.
 * -EBADMSG when malformed. */
int ev_netconf_parse(const struct nlmsghdr *nlh, uint32_t *ret_ifindex);

/* events_dump.c */
int linux_ev_addr_walk(int family, const struct prov_addr_key_visitor *v);
int linux_ev_route_walk(int family, const struct prov_route_key_visitor *v);

/* events_source.c */
int linux_ev_open(struct prov_event_source **ret);
void linux_ev_close(struct prov_event_source *s);
int linux_ev_fd(const struct prov_event_source *s);
int linux_ev_set_groups(struct prov_event_source *s, unsigned mask);
int linux_ev_read(struct prov_event_source *s, const struct prov_event_visitor *v);

/* events_netns.c */
int linux_netns_open(struct prov_netns *ret);
int linux_netns_enter(const struct prov_netns *ns);
void linux_netns_close(struct prov_netns *ns);

#endif /* WINNET_PROVIDER_LINUX_EVENTS_NL_H */
