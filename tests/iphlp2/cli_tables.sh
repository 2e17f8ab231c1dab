#!/bin/sh
# cli_tables.sh WINNET - `winnet addresses [--anycast|--multicast] [-4|-6]`,
# `routes`, `neighbors`, `stack` and `paths` in a namespace of our own, text and
# --json, against `ip -j`. Needs root and jq (exit 77 otherwise).
set -u
bin=$1
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for a network namespace"; exit 77; }
command -v jq >/dev/null || { echo "SKIP: jq missing"; exit 77; }
ns="wnt-cli-tables-$$"
ip netns add "$ns" || { echo "SKIP: cannot create a network namespace"; exit 77; }
trap 'ip netns del "$ns" 2>/dev/null' EXIT
ip -n "$ns" -batch - <<'EOB'
link set lo up
link add ct0 type veth peer name ct1
link add cbr type bridge
link set ct1 master cbr
link set ct0 up
link set ct1 up
addr add 198.51.100.2/24 dev ct0
addr add 2001:db8:c::2/64 dev ct0 nodad
route add 192.0.2.0/24 table 100 nexthop via 198.51.100.1 nexthop via 198.51.100.3
neigh add 198.51.100.7 lladdr 02:00:00:00:00:07 dev ct0 nud permanent
EOB
ip netns exec "$ns" sh -c 'echo 1 > /proc/sys/net/ipv6/conf/ct0/forwarding'
fails=0
no() { echo "FAIL: $*"; fails=$((fails + 1)); }
j() { "$bin" -n "$ns" --json "$@"; }

want=$(ip -n "$ns" -j addr show | jq '[.[].addr_info[]] | length')
got=$(j addresses | jq length)
[ "$got" = "$want" ] || no "addresses: $got rows, ip shows $want"
got=$(j addresses -4 | jq -r '.[] | select(.address == "198.51.100.2") | .prefix_length')
[ "$got" = 24 ] || no "addresses -4: 198.51.100.2 prefix $got"
got=$(j addresses -6 | jq -r '[.[] | .address | test(":")] | all')
[ "$got" = true ] || no "addresses -6 lists IPv4"
got=$(j addresses --anycast -6 | jq -r '[.[] | .address] | index("2001:db8:c::")')
[ "$got" != null ] || no "addresses --anycast lacks the subnet-router anycast 2001:db8:c::"
got=$(j addresses --multicast -4 | jq -r '[.[] | select(.address == "224.0.0.1")] | length')
[ "$got" -ge 2 ] || no "addresses --multicast -4: 224.0.0.1 on $got links"
got=$(j routes -4 | jq -r '[.[] | select(.destination == "192.0.2.0/24")] | length')
[ "$got" = 2 ] || no "routes: multipath 192.0.2.0/24 has $got rows, want 2"
got=$(j neighbors -4 | jq -r '.[] | select(.address == "198.51.100.7") | .state')
[ "$got" = permanent ] || no "neighbors: 198.51.100.7 is $got"
got=$(j stack | jq -r '.[] | "\(.higher)>\(.lower)"')
[ "$got" = "cbr>ct1" ] || no "stack: $got, want cbr>ct1"
got=$(j paths | jq length)
[ "$got" = 0 ] || no "paths: $got rows in a namespace without exceptions"
"$bin" -n "$ns" routes | head -1 | grep -q '^destination  *next_hop' || no "routes text header"
"$bin" -n "$ns" addresses | grep -q '198.51.100.2' || no "addresses text"
"$bin" -n "$ns" addresses --anycast --multicast >/dev/null 2>&1 && no "both --anycast and --multicast accepted"
"$bin" -n "$ns" routes -x >/dev/null 2>&1 && no "routes -x accepted"
echo "$fails failed"
[ "$fails" = 0 ]
