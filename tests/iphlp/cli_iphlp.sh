#!/bin/sh
# cli_iphlp.sh WINNET - `winnet interfaces` and `winnet ipinterfaces [-4|-6]` in a
# namespace of our own, text and --json, against `ip -j` and /proc/sys. Needs root
# and jq (exit 77 otherwise).
set -u
bin=$1
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for a network namespace"; exit 77; }
command -v jq >/dev/null || { echo "SKIP: jq missing"; exit 77; }
ns="wnt-cli-iphlp-$$"
ip netns add "$ns" || { echo "SKIP: cannot create a network namespace"; exit 77; }
trap 'ip netns del "$ns" 2>/dev/null' EXIT
ip -n "$ns" -batch - <<'EOB'
link set lo up
link add cv0 type veth peer name cv1
link set cv0 mtu 1400 up
link set cv1 up
EOB
ip netns exec "$ns" sh -c 'echo 1 > /proc/sys/net/ipv6/conf/cv1/disable_ipv6'
fails=0
no() { echo "FAIL: $*"; fails=$((fails + 1)); }

links=$(ip -n "$ns" -j link show | jq length)
got=$("$bin" -n "$ns" --json interfaces | jq length)
[ "$got" = "$links" ] || no "interfaces --json has $got rows, ip shows $links links"
got=$("$bin" -n "$ns" --json interfaces | jq -r '.[] | select(.alias == "cv0") | .mtu')
[ "$got" = 1400 ] || no "cv0 mtu $got, want 1400"
got=$("$bin" -n "$ns" --json interfaces | jq -r '.[] | select(.alias == "cv0") | .transmit_link_speed')
[ "$got" = 10000000000 ] || no "cv0 speed $got, want 10000000000 (veth reports 10G)"
"$bin" -n "$ns" interfaces | head -1 | grep -q '^index  *alias' || no "interfaces text header"
got=$("$bin" -n "$ns" --json ipinterfaces | jq length)
[ "$got" = 5 ] || no "ipinterfaces has $got rows, want 5 (lo, cv0 both families, cv1 IPv4)"
got=$("$bin" -n "$ns" --json ipinterfaces -6 | jq -r '[.[] | .family] | unique | join(",")')
[ "$got" = ipv6 ] || no "ipinterfaces -6 families: $got"
got=$("$bin" -n "$ns" --json ipinterfaces -4 | jq length)
[ "$got" = 3 ] || no "ipinterfaces -4 has $got rows, want 3"
got=$("$bin" -n "$ns" | grep -c ' cv1 ')
[ "$got" = 1 ] || no "default command shows cv1 $got times, want 1 (IPv4 only)"
"$bin" -n "$ns" ipinterfaces -x >/dev/null 2>&1 && no "ipinterfaces -x accepted"
# Text beyond ASCII comes out as UTF-8, in JSON and in the aligned table.
ip -n "$ns" link set cv1 alias "zürich ☃ uplink"
got=$("$bin" -n "$ns" --json interfaces | jq -r '.[] | select(.alias == "cv1") | .description')
[ "$got" = "zürich ☃ uplink" ] || no "cv1 description '$got', want the UTF-8 ifalias"
"$bin" -n "$ns" interfaces | grep -q 'zürich ☃ uplink' || no "interfaces text lost the UTF-8 alias"
echo "$fails failed"
[ "$fails" = 0 ]
