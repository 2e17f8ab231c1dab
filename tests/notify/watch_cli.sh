#!/bin/sh
# watch_cli.sh WINNET - `winnet watch` in a namespace of its own: JSON lines for
# a veth pair created and deleted, --count stops it, SIGTERM ends it with 0.
set -u
WINNET=$1
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for a network namespace"; exit 77; }
command -v ip >/dev/null || { echo "SKIP: iproute2 missing"; exit 77; }
NS=wnt-watch-$$
ip netns add "$NS" || { echo "SKIP: cannot create a namespace"; exit 77; }
OUT=$(mktemp)
trap 'ip netns del "$NS" 2>/dev/null; rm -f "$OUT"' EXIT
fail() { echo "FAIL: $*"; cat "$OUT"; exit 1; }

"$WINNET" -n "$NS" --json watch -4 --count 4 --timeout 20 >"$OUT" &
PID=$!
for i in $(seq 50); do grep -q '"kind":"route"' "$OUT" && break; sleep 0.1; done
ip -n "$NS" link add wva type veth peer name wvb
ip -n "$NS" link del wva
wait $PID || fail "watch exited with $?"
[ "$(grep -c '"event":"add","kind":"interface","family":"inet"' "$OUT")" = 2 ] || fail "two adds"
[ "$(grep -c '"event":"delete","kind":"interface","family":"inet"' "$OUT")" = 2 ] || fail "two deletes"
grep -q '"ifname":"wva"' "$OUT" || fail "ifname"
grep -q inet6 "$OUT" && fail "-4 let IPv6 through"

"$WINNET" -n "$NS" watch >"$OUT" &
PID=$!
for i in $(seq 50); do grep -q 'initial route' "$OUT" && break; sleep 0.1; done
kill -TERM $PID
wait $PID || fail "SIGTERM: exit $?"
echo "PASS"
