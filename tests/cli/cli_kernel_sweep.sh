#!/bin/sh
# cli_kernel_sweep.sh WINNET - an acceptance sweep of `winnet -n NS --json` against
# iproute2 and /proc/sys on topologies the other tests do not build: a veth whose
# peer lives in another namespace, a bridge with ports, macvlan in every mode and
# macvtap, vxlan over IPv6, ifb, a multi-queue tap, tun, interfaces moved between
# namespaces, names with non-UTF-8 and control bytes, a 255-byte UTF-8 ifalias,
# MTU at its minimum and maximum, a rename while up, IPv6 off per link and
# namespace-wide, addresses with every flag, DAD failure, policy routing over many
# tables, multipath and blackhole/unreachable/prohibit/throw routes, neighbours in
# every NUD state the kernel lets us produce, and learned path MTUs. Each table is
# compared field by field with what the kernel shows independently, then the
# documented special cases are asserted one by one. Needs root and jq (exit 77).
# All addresses are documentation prefixes; traffic stays between our veths.
set -u
bin=$1
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
command -v jq >/dev/null || { echo "SKIP: jq missing"; exit 77; }
a="wnh-sweep-a-$$" b="wnh-sweep-b-$$" c="wnh-sweep-c-$$" t="wnh-sweep-t-$$"
h="wnh-sweep-h-$$" g1="wnh-sweep-g1-$$" g2="wnh-sweep-g2-$$"
ip netns add "$a" || { echo "SKIP: cannot create a network namespace"; exit 77; }
trap 'for n in "$a" "$b" "$c" "$t" "$h" "$g1" "$g2"; do ip netns del "$n" 2>/dev/null; done' EXIT
trap 'exit 1' HUP INT PIPE TERM # through the EXIT trap: no namespace left behind
for n in "$b" "$c" "$t" "$h" "$g1" "$g2"; do ip netns add "$n" || exit 1; done
fails=0
no() { echo "FAIL: $*"; fails=$((fails + 1)); }
j() { _ns=$1; shift; "$bin" -n "$_ns" --json "$@"; }
sx() { ip netns exec "$1" sh -c "$2"; } # shell inside a namespace (sysctl writes)
need() { "$@" || no "setup: $*"; }

# ---- topologies ----
for n in "$a" "$b" "$c" "$t" "$h" "$g1" "$g2"; do ip -n "$n" link set lo up; done
need ip -n "$a" link add xa type veth peer name xb netns "$b"
need ip -n "$a" -batch - <<'EOB'
link set xa up
addr add 192.0.2.1/24 dev xa
addr add 2001:db8:1::1/64 dev xa nodad
link add br0 type bridge
link add p0 type veth peer name p0b
link add p1 type veth peer name p1b
link set p0 master br0
link set p1 master br0
link set br0 up
link set p0 up
link set p0b up
link add lw type veth peer name lwb
link set lw up
link set lwb up
link add mvbridge link lw type macvlan mode bridge
link add mvprivate link lw type macvlan mode private
link add mvvepa link lw type macvlan mode vepa
link set mvbridge up
link set mvprivate up
link set mvvepa up
link add lw2 type veth peer name lw2b
link add mvpt link lw2 type macvlan mode passthru
link add mvt0 link lwb type macvtap mode bridge
link set mvt0 up
link add vx0 type vxlan id 42 local 2001:db8:1::1 remote 2001:db8:1::2 dstport 4789 dev xa
link set vx0 up
link add vx1 type vxlan id 43 local 192.0.2.1 dev xa dstport 4790
link add ifb0 type ifb
link set ifb0 up
link add dm0 type veth peer name dm1
link set dm0 mode dormant
link set dm1 up
link set dm0 up
EOB
need ip -n "$a" tuntap add mode tap multi_queue name mq0
need ip -n "$a" tuntap add mode tun name tn0
need ip -n "$a" link set mq0 up
need ip -n "$a" link set tn0 up
need ip -n "$b" -batch - <<'EOB'
link set xb up
addr add 192.0.2.2/24 dev xb
addr add 2001:db8:1::2/64 dev xb nodad
link add mn0 type veth peer name mx0
link set mn0 mtu 68 up
link set mx0 mtu 65535 up
link add rn0 type veth peer name rn1
link set rn0 up
link set rn0 name rn0new
EOB
need ip -n "$b" link add "$(printf 'n\303\251t0')" type veth peer name "$(printf 'bad\377\376')"
need ip -n "$b" link add "$(printf 'q"\\\001x')" type veth peer name "$(printf 'del\177y')"
# 255 bytes of UTF-8 (51 x "ü☃", 5 bytes each): the longest ifalias the kernel keeps.
long=""
i=0
while [ $i -lt 51 ]; do long="${long}ü☃"; i=$((i + 1)); done
need ip -n "$b" link set mx0 alias "$long"
# Links that leave for another namespace keep their lower device behind.
need ip -n "$a" link set vx1 netns "$b"
need ip -n "$a" link add mvaway link lw type macvlan mode vepa
need ip -n "$a" link set mvaway netns "$b"

# Addresses with every flag (p0b's peer p0 is a bridge port: DAD traffic stays here).
need ip -n "$a" -batch - <<'EOB'
addr add 2001:db8:2::1/64 dev p0b nodad
addr add 2001:db8:2::3/64 dev p0b noprefixroute nodad
addr add 2001:db8:2::4/64 dev p0b home nodad
addr add 2001:db8:2::5/64 dev p0b mngtmpaddr nodad
addr add 2001:db8:2::6/64 dev p0b preferred_lft 0 nodad
addr add 2001:db8:2::7/64 dev p0b valid_lft 3000 preferred_lft 2000 nodad
addr add 198.51.100.1/24 dev p0b valid_lft 3000 preferred_lft 0
addr add 198.51.100.2/24 dev p0b noprefixroute
addr add 203.0.113.1/32 peer 203.0.113.2 dev p0b
addr add 203.0.113.9/24 dev p0b label p0b:x
EOB
sx "$a" 'echo 1 > /proc/sys/net/ipv6/conf/mvbridge/optimistic_dad; echo 100 > /proc/sys/net/ipv6/conf/mvbridge/dad_transmits'
need ip -n "$a" addr add 2001:db8:5::1/64 dev mvbridge optimistic
need ip -n "$b" addr add 2001:db8:1::1/64 dev xb # A has it: DAD fails in B

# Policy routing over many tables, multipath, and routes without a next hop.
need ip -n "$a" -batch - <<'EOB'
route add 203.0.113.0/28 via 192.0.2.2 table 10 metric 5 proto static
route add 203.0.113.16/28 table 20 nexthop via 192.0.2.2 weight 1 nexthop via 198.51.100.7 dev p0b weight 3
route add blackhole 203.0.113.32/28 table 40
route add unreachable 203.0.113.48/28 table 40
route add prohibit 203.0.113.64/28 table 40
route add throw 203.0.113.80/28 table 40
route add 203.0.113.96/28 dev xa proto bgp metric 300
route add 203.0.113.112/28 via inet6 fe80::1 dev xa
route add default via 192.0.2.2 table 1000000
rule add from 203.0.113.0/24 table 10 pref 100
rule add to 203.0.113.16/28 table 20 pref 101
rule add fwmark 7 table 40 pref 103
EOB
need ip -n "$a" -6 -batch - <<'EOB'
route add 2001:db8:a::/48 table 30 nexthop via 2001:db8:1::2 dev xa nexthop via 2001:db8:2::9 dev p0b
route add blackhole 2001:db8:b::/48 table 40
route add unreachable 2001:db8:c::/48 table 40
route add prohibit 2001:db8:d::/48
route add throw 2001:db8:10::/48 table 40
route add 2001:db8:e::/48 via 2001:db8:1::2 dev xa expires 600
route add 2001:db8:f::/48 dev xa metric 1 mtu 1300 proto ra
rule add from 2001:db8::/32 table 30 pref 102
EOB

# Neighbours: resolved by traffic to B, probed and failed for an absent address
# (only B sees the probes), and set by hand in the states the kernel accepts.
ip netns exec "$a" ping -c1 -W1 192.0.2.2 >/dev/null || no "setup: ping 192.0.2.2"
ip netns exec "$a" ping -c1 -W1 2001:db8:1::2 >/dev/null || no "setup: ping 2001:db8:1::2"
ip netns exec "$a" ping -c1 -W1 192.0.2.99 >/dev/null 2>&1
ip netns exec "$a" ping -c1 -W1 2001:db8:1::99 >/dev/null 2>&1
need ip -n "$a" -batch - <<'EOB'
neigh add 192.0.2.10 lladdr 02:00:00:00:00:10 dev xa nud stale
neigh add 192.0.2.11 lladdr 02:00:00:00:00:11 dev xa nud noarp
neigh add 192.0.2.12 lladdr 02:00:00:00:00:12 dev xa nud reachable
neigh add 192.0.2.14 dev xa nud incomplete
neigh add 192.0.2.20 dev xa nud none
neigh add 192.0.2.16 lladdr 02:00:00:00:00:16 dev xa nud probe
neigh add 2001:db8:1::10 lladdr 02:00:00:00:00:10 dev xa nud stale router
neigh add 2001:db8:1::11 lladdr 02:00:00:00:00:11 dev xa nud permanent
neigh add proxy 192.0.2.50 dev xa
neigh add proxy 2001:db8:1::50 dev xa
EOB

# Per-link IPv6 and neighbour settings in C.
need ip -n "$c" -batch - <<'EOB'
link add c0 type veth peer name c1
link set c0 up
link set c1 up
link add d0 type veth peer name d1
link set d0 up arp off
link set d1 up
link add e0 type veth peer name e1
token set ::1:2:3:4 dev c1
EOB
sx "$c" 'cd /proc/sys/net/ipv6/conf && echo 1 > c0/forwarding && echo 2 > c1/accept_ra &&
	echo 1 > c1/forwarding && echo 0 > d1/accept_dad && echo 5 > d1/dad_transmits &&
	echo 1 > e0/disable_ipv6 && echo 1 > e1/addr_gen_mode &&
	echo 1 > /proc/sys/net/ipv4/conf/c1/forwarding &&
	{ [ ! -e d0/force_forwarding ] || echo 1 > d0/force_forwarding; } &&
	echo 1234 > /proc/sys/net/ipv6/neigh/c0/retrans_time_ms &&
	echo 4321 > /proc/sys/net/ipv4/neigh/d1/base_reachable_time_ms' || no "setup: C sysctls"
need ip -n "$c" link set e1 mtu 1279

# Learned path MTUs: A -> B (router) -> T, with a 1280-byte link behind B.
need ip -n "$b" link add bt type veth peer name tb netns "$t"
need ip -n "$b" link set bt mtu 1280 up
need ip -n "$t" link set tb mtu 1280 up
need ip -n "$b" addr add 198.51.100.129/25 dev bt
need ip -n "$b" addr add 2001:db8:9::1/64 dev bt nodad
need ip -n "$t" addr add 198.51.100.130/25 dev tb
need ip -n "$t" addr add 2001:db8:9::2/64 dev tb nodad
need ip -n "$t" route add default via 198.51.100.129
need ip -n "$t" -6 route add default via 2001:db8:9::1
need ip -n "$a" route add 198.51.100.128/25 via 192.0.2.2
need ip -n "$a" -6 route add 2001:db8:9::/64 via 2001:db8:1::2
sx "$b" 'echo 1 > /proc/sys/net/ipv4/ip_forward; echo 1 > /proc/sys/net/ipv6/conf/all/forwarding' || no "setup: B forwarding"
ip netns exec "$a" ping -c2 -W1 -M do -s 1400 198.51.100.130 >/dev/null 2>&1
ip netns exec "$a" ping -c2 -W1 -s 1400 198.51.100.130 >/dev/null 2>&1
ip netns exec "$a" ping -c2 -W1 -s 1400 2001:db8:9::2 >/dev/null 2>&1

# Redirects: H's first hop G1 forwards to G2 on the same LAN (a bridge in G1) and
# tells H so; H keeps the redirect as an exception with G2 as next hop. An IPv6
# redirect is taken only from the first hop's link-local address.
need ip -n "$g1" link add lan type bridge
need ip -n "$g1" link set lan up
for n in h g2; do
	eval "peer=\$$n"
	need ip -n "$g1" link add "p$n" type veth peer name e0 netns "$peer"
	need ip -n "$g1" link set "p$n" master lan up
	need ip -n "$peer" link set e0 up
done
need ip -n "$g1" addr add 192.0.2.1/24 dev lan
need ip -n "$g1" addr add 2001:db8:1::1/64 dev lan nodad
need ip -n "$h" addr add 192.0.2.10/24 dev e0
need ip -n "$h" addr add 2001:db8:1::10/64 dev e0 nodad
need ip -n "$g2" addr add 192.0.2.2/24 dev e0
need ip -n "$g2" addr add 2001:db8:1::2/64 dev e0 nodad
need ip -n "$g2" addr add 203.0.113.1/32 dev lo
need ip -n "$g2" addr add 2001:db8:77::1/128 dev lo
for n in "$g1" "$g2"; do
	sx "$n" 'echo 1 > /proc/sys/net/ipv4/ip_forward; echo 1 > /proc/sys/net/ipv6/conf/all/forwarding' || no "setup: forwarding"
done
sleep 1 # the link-local addresses' DAD
ll() { ip -n "$1" -j addr show dev "$2" | jq -r '.[0].addr_info[] | select(.scope == "link") | .local'; }
g1ll=$(ll "$g1" lan) g2ll=$(ll "$g2" e0)
need ip -n "$g1" route add 203.0.113.0/24 via 192.0.2.2
need ip -n "$g1" -6 route add 2001:db8:77::/48 via "$g2ll" dev lan
need ip -n "$g2" route add default via 192.0.2.1
need ip -n "$g2" -6 route add default via 2001:db8:1::1
need ip -n "$h" route add default via 192.0.2.1
need ip -n "$h" -6 route add default via "$g1ll" dev e0
ip netns exec "$h" ping -c2 -W1 203.0.113.1 >/dev/null || no "setup: ping 203.0.113.1"
ip netns exec "$h" ping -c2 -W1 2001:db8:77::1 >/dev/null || no "setup: ping 2001:db8:77::1"
# The kernel dumps an IPv4 exception once a route was cached with it.
ip -n "$h" route get 203.0.113.1 >/dev/null

# ---- field-by-field comparison with the kernel ----
# Each comparator is a jq program over {w: winnet's JSON, k: iproute2's, ...} that
# prints one line per disagreement. Counters and NUD states move on their own, so
# a comparison is made again (up to 5 times) before its lines count as failures.
ifcmp='
def typ: {"ether":6,"loopback":24,"none":53}[.] // 1;
def flag($l; $f): ($l.flags | index([$f])) != null;
def oper($l): {"UP":"up","DOWN":"down","LOWERLAYERDOWN":"lowerlayerdown","DORMANT":"dormant",
  "TESTING":"testing","NOTPRESENT":"notpresent"}[$l.operstate] //
  (if flag($l; "UP") and flag($l; "LOWER_UP") then "up" elif flag($l; "UP") then "unknown" else "down" end);
.w as $w | ($k | map({key: (.ifindex|tostring), value: .}) | from_entries) as $K |
(if ($w|length) != ($k|length) then "row count \($w|length), ip shows \($k|length)" else empty end),
($w[] | . as $r | $K[$r.index|tostring] as $l |
 if $l == null then "\($r.alias): no such ifindex in ip" else
 [ ["alias", $r.alias, $l.ifname], ["mtu", $r.mtu, $l.mtu], ["type", $r.type, ($l.link_type|typ)],
   ["physical_address", $r.physical_address, ($l.address // "")],
   ["permanent_physical_address", $r.permanent_physical_address,
     ($l.permaddr // (if ($l.address // "") == "" then "" else "00:00:00:00:00:00" end))],
   ["description", $r.description, ($l.ifalias // $r.description)],
   ["admin", $r.admin, (if flag($l; "UP") then "up" else "down" end)],
   ["oper", $r.oper, oper($l)],
   ["media", $r.media, (if flag($l; "UP") | not then "unknown" elif flag($l; "LOWER_UP") then "connected" else "disconnected" end)],
   ["not_authenticated", $r.not_authenticated, ($l.operstate == "DORMANT")],
   ["out_qlen", $r.out_qlen, ($l.txqlen // 0)],
   ["access_type", $r.access_type, (if flag($l; "LOOPBACK") then 1 elif flag($l; "POINTOPOINT") then 3 elif flag($l; "BROADCAST") then 2 else 4 end)],
   ["in_octets", $r.in_octets, $l.stats64.rx.bytes],
   ["in_nucast_pkts", $r.in_nucast_pkts, $l.stats64.rx.multicast],
   ["in_ucast_pkts", $r.in_ucast_pkts, ($l.stats64.rx.packets - $l.stats64.rx.multicast)],
   ["in_discards", $r.in_discards, $l.stats64.rx.dropped], ["in_errors", $r.in_errors, $l.stats64.rx.errors],
   ["in_unknown_protos", $r.in_unknown_protos, ($l.stats64.rx.nohandler // 0)],
   ["out_octets", $r.out_octets, $l.stats64.tx.bytes], ["out_ucast_pkts", $r.out_ucast_pkts, $l.stats64.tx.packets],
   ["out_discards", $r.out_discards, $l.stats64.tx.dropped], ["out_errors", $r.out_errors, $l.stats64.tx.errors]
 ][] | select(.[1] != .[2]) | "\($r.alias): \(.[0]) winnet \(.[1]|tojson) kernel \(.[2]|tojson)"
 end)'
ipifcmp='
def flag($l; $f): ($l.flags | index([$f])) != null;
.w as $w | .s as $s | ($k | map({key: (.ifindex|tostring), value: .}) | from_entries) as $K |
([$k[] | . as $l | select($s["ipv4/conf/\($l.ifname)/forwarding"] != null) | "\($l.ifname)/ipv4"] +
 [$k[] | . as $l | select($s["ipv6/conf/\($l.ifname)/disable_ipv6"] == 0) | "\($l.ifname)/ipv6"] | sort) as $want |
([$w[] | "\(.alias)/\(.family)"] | sort) as $got |
(if $want != $got then "rows: winnet has \($got - $want) extra, \($want - $got) missing" else empty end),
($w[] | . as $r | $K[$r.index|tostring] as $l | $r.family as $f | $l.ifname as $n |
 (flag($l; "LOOPBACK") or flag($l; "NOARP") | not) as $nd |
 [ ["forwarding", $r.forwarding, (if $f == "ipv6" then ($s["ipv6/conf/all/forwarding"] == 1 or
       ($s["ipv6/conf/\($n)/force_forwarding"] // 0) == 1) else $s["ipv4/conf/\($n)/forwarding"] == 1 end)],
   ["nl_mtu", $r.nl_mtu, (if $f == "ipv6" then $s["ipv6/conf/\($n)/mtu"] else $l.mtu end)],
   ["retransmit_time", $r.retransmit_time, $s["\($f)/neigh/\($n)/retrans_time_ms"]],
   ["base_reachable_time", $r.base_reachable_time, $s["\($f)/neigh/\($n)/base_reachable_time_ms"]],
   ["path_mtu_discovery_timeout", $r.path_mtu_discovery_timeout, $s["\($f)/route/mtu_expires"] * 1000],
   ["connected", $r.connected, (flag($l; "UP") and flag($l; "LOWER_UP") and $l.operstate != "DORMANT")],
   ["supports_neighbor_discovery", $r.supports_neighbor_discovery, $nd],
   ["use_neighbor_unreachability_detection", $r.use_neighbor_unreachability_detection, $nd],
   (if $f == "ipv6" then
     ["dad_transmits", $r.dad_transmits, (if $nd and (($s["ipv6/conf/\($n)/accept_dad"] > 0) or
       ($s["ipv6/conf/all/accept_dad"] > 0)) then $s["ipv6/conf/\($n)/dad_transmits"] else 0 end)],
     ["router_discovery", $r.router_discovery, ($s["ipv6/conf/\($n)/accept_ra"] as $ra |
       if $nd and ($ra == 2 or ($ra == 1 and $s["ipv6/conf/\($n)/forwarding"] == 0)) then "enabled" else "disabled" end)],
     ["supports_router_discovery", $r.supports_router_discovery, $nd],
     ["link_local_address_behavior", $r.link_local_address_behavior, (if $s["ipv6/conf/\($n)/addr_gen_mode"] == 1 or flag($l; "LOOPBACK") then 0 else 2 end)]
   else ["dad_transmits", $r.dad_transmits, 0], ["router_discovery", $r.router_discovery, "disabled"] end),
   ["zone_indices", $r.zone_indices, "0,\($l.ifindex),\($l.ifindex),\($l.ifindex),\($l.ifindex),1,1,1,1,1,1,1,1,1,0,0"]
 ][] | select(.[1] != .[2]) | "\($n)/\($f): \(.[0]) winnet \(.[1]|tojson) kernel \(.[2]|tojson)")'
addrcmp='
def near($x; $y): $x == $y or ($x != 4294967295 and $y != 4294967295 and (($x - $y) | fabs) <= 2);
.w as $w | [$k[] | .ifindex as $i | .addr_info[] | . + {ifindex: $i}] as $ka |
($w | map({key: "\(.index)/\(.address | sub("%.*$"; ""))", value: .}) | from_entries) as $W |
(if ($w|length) != ($ka|length) then "row count \($w|length), ip shows \($ka|length)" else empty end),
($ka[] | . as $x | "\($x.ifindex)/\($x.local)" as $key | $W[$key] as $r |
 if $r == null then "\($key): missing" else
 ([ ["prefix_length", $r.prefix_length, $x.prefixlen],
   ["dad_state", $r.dad_state, (if $x.dadfailed then "duplicate" elif $x.tentative then "tentative"
     elif $x.deprecated or $x.preferred_life_time == 0 then "deprecated" else "preferred" end)],
   ["skip_as_source", $r.skip_as_source, (($x.dadfailed // false) or (($x.tentative // false) and ($x.optimistic // false | not)))],
   ["scope_id", $r.scope_id, (if $x.family == "inet6" and $x.scope == "link" then $x.ifindex else 0 end)]
 ][] | select(.[1] != .[2]) | "\($key): \(.[0]) winnet \(.[1]|tojson) kernel \(.[2]|tojson)"),
 ([ ["valid_lifetime", $r.valid_lifetime, $x.valid_life_time], ["preferred_lifetime", $r.preferred_lifetime, $x.preferred_life_time]
 ][] | select(near(.[1]; .[2]) | not) | "\($key): \(.[0]) winnet \(.[1]) kernel \(.[2])")
 end)'
routecmp='
($k | map(tojson) | sort) as $K |
([$w[] | {dst: .destination, gw: (.next_hop | sub("%.*$"; "")), index, metric, protocol, loopback}] | map(tojson) | sort) as $W |
(($W - $K)[] | "winnet only: \(.)"), (($K - $W)[] | "kernel only: \(.)")'
routek='
def proto: {"kernel":2,"boot":3,"static":3,"unspec":3,"redirect":4,"ra":4,"dhcp":19,"bgp":14,"ospf":13,"rip":8,"isis":9,"eigrp":16}[.] // 1;
def norm($f): if . == "default" then (if $f == 6 then "::/0" else "0.0.0.0/0" end)
  elif test("/") then . else (if $f == 6 then "\(.)/128" else "\(.)/32" end) end;
[.[] | . as $r | $r.family as $f | ((.nexthops // [.])[] | . as $h |
  {dst: ($r.dst | norm($f)), gw: ($h.gateway // $h.via.host // (if $f == 6 then "::" else "0.0.0.0" end)),
   index: (if $h.dev then $x[$h.dev] else 1 end), metric: ($r.metric // 0),
   protocol: ($r.protocol | proto), loopback: ($r.type == "local")})]'
neighcmp='
def st: {"PERMANENT":"permanent","NOARP":"permanent","REACHABLE":"reachable","STALE":"stale","DELAY":"delay",
  "PROBE":"probe","FAILED":"unreachable","INCOMPLETE":"incomplete","NONE":"incomplete"}[(. // ["NONE"])[0]];
([$k[] | {address: .dst, index: $x[.dev], physical_address: (.lladdr // ""), state: (.state | st),
  is_router: has("router"), is_unreachable: ((.state // []) | index(["FAILED"]) != null)}] | map(tojson) | sort) as $K |
([$w[] | {address: (.address | sub("%.*$"; "")), index, physical_address, state, is_router, is_unreachable}] | map(tojson) | sort) as $W |
(($W - $K)[] | "winnet only: \(.)"), (($K - $W)[] | "kernel only: \(.)"),
# ReachabilityTime: the age of the last update for an unresolved entry, of the last
# confirmation otherwise (ip -s shows both in whole seconds).
($k[] | . as $e | ([$w[] | select((.address | sub("%.*$"; "")) == $e.dst and .index == $x[$e.dev])][0]) as $r |
 select($r != null) | (if $r.state == "incomplete" or $r.state == "unreachable" then $e.updated else $e.confirmed end) as $s |
 select(($r.reachability_time - $s * 1000 | fabs) > 2000) |
 "\($e.dst): reachability_time \($r.reachability_time) ms, kernel \(if $r.state == "incomplete" or $r.state == "unreachable" then "updated" else "confirmed" end) \($s) s")'
# Stack rows: ports under masters, and links over a lower device of the same
# namespace (iproute2 names a vxlan's lower device even when it is in another
# namespace, resolving its ifindex here: link_netnsid says it is not).
stackcmp='
([$k[] | select(.master) | "\(.master)>\(.ifname)"] +
 [$k[] | select(.link and (has("link_netnsid") | not) and .linkinfo.info_kind != "veth") | "\(.ifname)>\(.link)"] +
 [$k[] | select(.linkinfo.info_kind == "vxlan" and .linkinfo.info_data.link and (has("link_netnsid") | not)) |
   "\(.ifname)>\(.linkinfo.info_data.link)"] | sort) as $K |
([$w[] | "\(.higher)>\(.lower)"] | sort) as $W |
(($W - $K)[] | "winnet only: \(.)"), (($K - $W)[] | "kernel only: \(.)")'
# A redirect carries no MTU: PathMtu is then the interface MTU (docs/iphlp-tables.md).
pathcmp='
([$k[] | {destination: .dst, next_hop: (.gateway // (if .dst | test(":") then "::" else "0.0.0.0" end)),
  index: $x[.dev], path_mtu: ([.metrics[]? | .mtu // empty][0] // $m[.dev])}] | map(tojson) | sort) as $K |
([$w[] | {destination, next_hop: (.next_hop | sub("%.*$"; "")), index, path_mtu}] | map(tojson) | sort) as $W |
(($W - $K)[] | "winnet only: \(.)"), (($K - $W)[] | "kernel only: \(.)")'

ifmap() { ipj -n "$1" -j link show | jq 'map({key: .ifname, value: .ifindex}) | from_entries'; }
# /proc/sys/net conf, neigh and route values of a namespace as one object. Values
# read as numbers where they are; "path:value" splits at the first colon (Linux
# names cannot hold one).
sysjson() {
	sx "$1" 'cd /proc/sys/net && grep -r "" ipv4/conf ipv6/conf ipv4/neigh ipv6/neigh ipv4/route/mtu_expires ipv6/route/mtu_expires 2>/dev/null' |
		jq -R -s '[split("\n")[] | select(length > 0) | capture("^(?<k>[^:]*):(?<v>.*)$") |
			{key: (.k | gsub("[\u0001-\u001f\u007f]"; "?")), value: (.v | tonumber? // .)}] | from_entries'
}
# iproute2 writes control bytes of names and aliases into its JSON unescaped,
# which is invalid JSON: they become "?" before jq reads it, and so they do in
# winnet's (valid) JSON and in the sysctl paths, so that the names still match.
# (The sweep runs before any name or alias holds a newline.)
ipj() { ip "$@" | LC_ALL=C tr '\001-\011\013-\037\177' '?'; }
wj() { j "$@" | jq 'walk(if type == "string" then gsub("[\u0001-\u001f\u007f]"; "?") else . end)'; }
kroutes() {
	{ ipj -n "$1" -4 -j -d route show table all | jq '[.[] | .family = 4]'
	  ipj -n "$1" -6 -j -d route show table all | jq '[.[] | .family = 6]'; } | jq -s 'add'
}
# compare NAME NS: runs the comparator for table NAME in NS until it is clean,
# five times at most; the last run's lines are the failures.
compare() {
	name=$1 ns=$2 try=0
	while :; do
		case $name in
		interfaces) out=$(jq -rn --argjson w "$(wj "$ns" interfaces)" \
			--argjson k "$(ipj -n "$ns" -j -d -s link show)" "{w:\$w} | $ifcmp | select(length > 0)" 2>&1) ;;
		ipinterfaces) out=$(jq -rn --argjson w "$(wj "$ns" ipinterfaces)" \
			--argjson k "$(ipj -n "$ns" -j -d link show)" --argjson s "$(sysjson "$ns")" \
			"{w:\$w,s:\$s} | $ipifcmp" 2>&1) ;;
		addresses) out=$(jq -rn --argjson w "$(j "$ns" addresses)" --argjson k "$(ipj -n "$ns" -j addr show)" \
			"{w:\$w} | $addrcmp" 2>&1) ;;
		routes) out=$(jq -rn --argjson w "$(j "$ns" routes)" --argjson k "$(kroutes "$ns" |
			jq --argjson x "$(ifmap "$ns")" "$routek")" "{w:\$w} | $routecmp" 2>&1) ;;
		neighbors) out=$(jq -rn --argjson w "$(j "$ns" neighbors)" --argjson k "$(ip -n "$ns" -s -j neigh show nud all)" \
			--argjson x "$(ifmap "$ns")" "{w:\$w} | $neighcmp" 2>&1) ;;
		stack) out=$(jq -rn --argjson w "$(wj "$ns" stack)" \
			--argjson k "$(ipj -n "$ns" -j -d link show)" "$stackcmp" 2>&1) ;;
		paths) out=$(jq -rn --argjson w "$(j "$ns" paths)" --argjson x "$(ifmap "$ns")" \
			--argjson m "$(ipj -n "$ns" -j link show | jq 'map({key: .ifname, value: .mtu}) | from_entries')" \
			--argjson k "$({ ip -n "$ns" -4 -j route show cache; ip -n "$ns" -6 -j route show cache; } | jq -s add)" \
			"$pathcmp" 2>&1) ;;
		esac
		[ -z "$out" ] && return
		try=$((try + 1))
		[ $try -ge 5 ] && break
		sleep 0.3
	done
	echo "$out" | while IFS= read -r line; do echo "FAIL: $ns $name: $line"; done
	fails=$((fails + 1))
}
sleep 1 # let the optimistic address's DAD run and B's duplicate fail
for ns in "$a" "$b" "$c" "$t" "$h" "$g1" "$g2"; do
	for table in interfaces ipinterfaces addresses routes neighbors stack paths; do
		compare "$table" "$ns"
	done
done

# ---- the special cases, one by one ----
field() { j "$1" "$2" | jq -r "$3"; }
got=$(field "$a" interfaces '[.[] | select(.alias == "mvt0" or .alias == "ifb0" or .alias == "mq0" or .alias == "tn0") | .description] | join(",")')
[ "$got" = "MAC VLAN tap (macvtap),Intermediate Functional Block (ifb),TAP device,TUN device" ] || no "kind descriptions: $got"
got=$(field "$a" interfaces '.[] | select(.alias == "tn0") | "\(.type) \(.physical_address)"')
[ "$got" = "53 " ] || no "tun: type and address '$got', want '53 ' (IF_TYPE_PROP_VIRTUAL, no link layer)"
want=$(ip -n "$a" -j link show lw2 | jq -r '.[0].address')
got=$(field "$a" interfaces '.[] | select(.alias == "mvpt") | .physical_address')
[ "$got" = "$want" ] || no "passthru macvlan address $got, want its lower device's $want"
got=$(field "$b" interfaces '.[] | select(.alias == "mx0") | .description')
[ "$got" = "$long" ] || no "255-byte UTF-8 ifalias came back as '$got'"
# A name that is not UTF-8 has U+FFFD for its bad bytes; a renamed link keeps its row.
got=$(field "$b" interfaces '[.[] | .alias | select(. == "rn0new" or . == "rn0" or . == "nét0" or . == "bad\ufffd\ufffd")] | sort | join(",")')
[ "$got" = "bad��,nét0,rn0new" ] || no "names: $got"
got=$(field "$b" ipinterfaces '[.[] | select(.alias == "mn0" or .alias == "mx0") | "\(.alias)/\(.family)/\(.nl_mtu)"] | join(",")')
[ "$got" = "mx0/ipv4/65535,mx0/ipv6/65535,mn0/ipv4/68" ] || no "MTU 68/65535 rows: $got"
# Stacks: every macvlan mode and macvtap over its lower device, vxlan over its
# dev; not a veth's peer elsewhere, nor links whose lower device stayed behind.
got=$(field "$a" stack '[.[] | "\(.higher)>\(.lower)"] | sort | join(",")')
[ "$got" = "br0>p0,br0>p1,mvbridge>lw,mvprivate>lw,mvpt>lw2,mvt0>lwb,mvvepa>lw,vx0>xa" ] || no "stack in A: $got"
got=$(field "$b" stack 'length')
[ "$got" = 0 ] || no "stack in B has $got rows: moved vxlan/macvlan and a veth with its peer in A are no layering"
# Addresses: every DAD outcome.
got=$(field "$a" addresses '.[] | select(.address == "2001:db8:5::1") | "\(.dad_state) \(.skip_as_source)"')
[ "$got" = "tentative false" ] || no "optimistic address: $got, want tentative and usable as a source"
got=$(field "$b" addresses '.[] | select(.address == "2001:db8:1::1") | "\(.dad_state) \(.skip_as_source)"')
[ "$got" = "duplicate true" ] || no "DAD-failed address: $got"
got=$(field "$a" addresses '[.[] | select(.address == "2001:db8:2::6" or .address == "198.51.100.1") | .dad_state] | join(",")')
[ "$got" = "deprecated,deprecated" ] || no "preferred_lft 0: $got"
got=$(field "$a" addresses '.[] | select(.address == "2001:db8:2::7") | "\(.prefix_origin)/\(.suffix_origin)"')
[ "$got" = "dhcp/dhcp" ] || no "finite-lifetime address origin $got (docs/iphlp-tables.md: Dhcp)"
# Routes: no next hop means loopback; an IPv4 route via an IPv6 router.
got=$(field "$a" routes '[.[] | select(.destination | test("^203.0.113.(32|48|64|80)/28$")) | .index] | unique | join(",")')
[ "$got" = 1 ] || no "blackhole/unreachable/prohibit/throw routes on interfaces $got, want 1"
got=$(field "$a" routes '.[] | select(.destination == "203.0.113.112/28") | .next_hop')
case $got in fe80::1*) ;; *) no "route via inet6: next hop '$got'" ;; esac
got=$(field "$a" routes '[.[] | select(.destination == "2001:db8:a::/48") | .interface] | join(",")')
[ "$got" = "xa,p0b" ] || no "IPv6 multipath rows: $got"
# Neighbours: every state; proxies are no neighbours.
got=$(field "$a" neighbors '[.[] | select(.interface == "xa") | .state] | unique | join(",")')
for s in incomplete permanent reachable stale unreachable; do # probe passes too fast
	case ",$got," in *",$s,"*) ;; *) no "no $s neighbour on xa (got $got)" ;; esac
done
# A NONE entry is Incomplete and ages from its creation, not from the confirmation
# two base reachable times (60 s) before it that the kernel back-dates.
got=$(field "$a" neighbors '.[] | select(.address == "192.0.2.20") | "\(.state) \(.reachability_time < 30000)"')
[ "$got" = "incomplete true" ] || no "nud none entry: $got, want incomplete and a time from its last update"
got=$(field "$a" neighbors '[.[] | select(.address == "192.0.2.50" or .address == "2001:db8:1::50")] | length')
[ "$got" = 0 ] || no "proxy entries listed as neighbours"
got=$(field "$a" paths '[.[] | "\(.destination) \(.path_mtu)"] | sort | join(",")')
[ "$got" = "198.51.100.130 1280,2001:db8:9::2 1280" ] || no "paths: $got"
got=$(field "$h" paths '[.[] | "\(.destination) \(.next_hop) \(.path_mtu)"] | sort | join(",")')
[ "$got" = "2001:db8:77::1 $g2ll%2 1500,203.0.113.1 192.0.2.2 1500" ] ||
	no "redirect paths: $got (want G2 as next hop, the link MTU as path MTU)"
# C: per-link IPv6 settings, then IPv6 off for new links, then everywhere.
got=$(field "$c" ipinterfaces '.[] | select(.alias == "c1" and .family == "ipv6") | "\(.interface_identifier) \(.router_discovery)"')
[ "$got" = "281483566841860 enabled" ] || no "c1: token/accept_ra 2: $got"
got=$(field "$c" ipinterfaces '[.[] | select(.alias == "e0" or .alias == "e1") | .family] | join(",")')
[ "$got" = "ipv4,ipv4" ] || no "e0 (disable_ipv6) / e1 (MTU 1279) rows: $got"
sx "$c" 'echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6'
need ip -n "$c" link add f0 type veth peer name f1
got=$(field "$c" ipinterfaces '[.[] | select(.alias == "f0") | .family] | join(",")')
[ "$got" = ipv4 ] || no "link made under default.disable_ipv6 has rows $got"
sx "$c" 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6'
compare ipinterfaces "$c"
got=$(field "$c" ipinterfaces '[.[] | .family] | unique | join(",")')
[ "$got" = ipv4 ] || no "all.disable_ipv6: families $got"
"$bin" -n "$c" ipinterfaces -6 >/dev/null 2>&1 && no "ipinterfaces -6 succeeded with IPv6 off everywhere"
"$bin" -n "$c" ipinterfaces -6 2>&1 | grep -q ERROR_NOT_SUPPORTED || no "ipinterfaces -6 does not say ERROR_NOT_SUPPORTED"
got=$(field "$c" addresses '.[] | .address' | grep -c :)
[ "$got" = 0 ] || no "IPv6 addresses with IPv6 off: $got"

# ---- text output: control bytes must not reach the terminal or split a row ----
need ip -n "$b" link set mn0 alias "$(printf 'a\tb\nc\033[31md\302\233e')"
got=$("$bin" -n "$b" interfaces | wc -l)
want=$(($(field "$b" interfaces length) + 1))
[ "$got" = "$want" ] || no "text: $got lines for $want rows with the header: a row was split"
got=$("$bin" -n "$b" interfaces | grep ' mn0 ' | sed 's/.*  //')
[ "$got" = 'a\x09b\x0ac\x1b[31md\u009be' ] || no "text: alias shown as '$got'"
"$bin" -n "$b" interfaces | LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" && no "text: raw control bytes printed"
got=$("$bin" -n "$b" interfaces | grep -c 'del\\x7fy  *6 ')
[ "$got" = 1 ] || no "text: name with DEL not escaped"
got=$(field "$b" interfaces '.[] | select(.alias == "mn0") | .description')
[ "$got" = "$(printf 'a\tb\nc\033[31md\302\233e')" ] || no "JSON: alias not kept as it is"

echo "$fails failed"
[ "$fails" = 0 ]
