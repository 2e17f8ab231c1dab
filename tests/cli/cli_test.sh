#!/bin/sh
# cli_test.sh WINNET VERSION - checks the CLI's global options. The namespace part
# needs root (ip netns add); without it that part is skipped, the rest still runs.
set -u
bin=$1 version=$2
fails=0 passes=0
ok() { passes=$((passes + 1)); }
no() { echo "FAIL: $*"; fails=$((fails + 1)); }

out=$("$bin" --version) && [ "$out" = "winnet $version" ] && ok || no "--version printed '$out'"
"$bin" --help | grep -q '^commands' && ok || no "--help lists no commands"
"$bin" --help | grep -q -- '--json' && ok || no "--help does not mention --json"
"$bin" info --help | grep -q 'usage: winnet' && ok || no "info --help"
"$bin" no-such-command >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] && ok || no "unknown command exit $rc, want 2"
"$bin" no-such-command 2>&1 | grep -q "unknown command 'no-such-command'" && ok || no "unknown command not named"
"$bin" -n >/dev/null 2>&1 && no "-n without a name succeeded" || ok
# -4/-6 and the other options are parsed by shared code: an unknown one is named and exits 2.
for cmd in ipinterfaces routes neighbors paths addresses watch; do
	"$bin" $cmd -4 -x >/dev/null 2>&1; rc=$?
	[ "$rc" = 2 ] && ok || no "$cmd -4 -x exit $rc, want 2"
	"$bin" $cmd -4 -x 2>&1 | grep -q "$cmd: unknown \(argument\|option\) '-x'" && ok || no "$cmd -x not named"
done
"$bin" watch --count >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] && ok || no "watch --count without a number exit $rc, want 2"
if command -v jq >/dev/null; then
	"$bin" --json info | jq -e '.[0].version == "'"$version"'"' >/dev/null && ok || no "--json info is not the expected JSON"
	"$bin" info --json | jq -e 'length == 1' >/dev/null && ok || no "--json after the command"
else
	echo "note: jq missing, JSON checks skipped"
fi
"$bin" -n winnet-no-such-ns info >/dev/null 2>&1 && no "-n with a missing namespace succeeded" || ok

if [ "$(id -u)" = 0 ] && ip netns add "winnet-cli-$$" 2>/dev/null; then
	trap 'ip netns del "winnet-cli-$$" 2>/dev/null' EXIT
	host_ns=$(readlink /proc/self/ns/net)
	in_ns=$(ip netns exec "winnet-cli-$$" readlink /proc/self/ns/net)
	got=$("$bin" -n "winnet-cli-$$" --json info | jq -r '.[0].netns')
	[ "$got" = "winnet-cli-$$" ] && ok || no "-n did not report the namespace: $got"
	[ "$host_ns" != "$in_ns" ] && ok || no "namespace not distinct"
	got=$("$bin" -n "winnet-cli-$$" --json info | jq -r '.[0].netns_id')
	[ "$got" = "$in_ns" ] && ok || no "-n did not enter the namespace: read $got, want $in_ns"
else
	echo "note: not root or no netns support: -n NETNS part skipped"
fi
echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
