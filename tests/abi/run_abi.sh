#!/bin/sh
# run_abi.sh - the ABI test: sizeof, offsetof and bitfield positions of every public
# struct in winnet's headers must equal those of mingw-w64's headers (Windows x64).
# Compiles probe.c with both compilers to assembly and compares the numbers.
#
# usage: run_abi.sh SOURCE_DIR [HOST_CC] [MINGW_CC] [WORK_DIR]
# exit: 0 all equal, 1 differences (each one named), 77 skipped (no mingw compiler).
#
# To cover more headers: add a NAME.list of S/F/B entries next to this script and a
# line below that appends it when its header exists (as for lm.list), plus its
# #include in probe.c under both branches.

set -u

src=${1:?usage: run_abi.sh SOURCE_DIR [HOST_CC] [MINGW_CC] [WORK_DIR]}
host_cc=${2:-${CC:-cc}}
mingw_cc=${3:-x86_64-w64-mingw32-gcc}
work=${4:-}
if [ -z "$work" ]; then
        work=$(mktemp -d "${TMPDIR:-/tmp}/winnet-abi.XXXXXX") || exit 1
        trap 'rm -rf "$work"' EXIT
fi
here=$src/tests/abi
inc=$src/include/winnet

if ! command -v "$mingw_cc" >/dev/null 2>&1; then
        echo "SKIP: $mingw_cc not found (install mingw-w64, Debian: gcc-mingw-w64-x86-64)"
        exit 77
fi
mkdir -p "$work" || exit 1

# The entry list: one entry per line, so that an entry which does not compile on
# one side can be blanked out (keeping line numbers) and reported.
cat "$here/net.list" >"$work/probe_entries.h" || exit 1
lm_flag=
if [ -f "$inc/lm.h" ]; then
        cat "$here/lm.list" >>"$work/probe_entries.h"
        lm_flag=-DWINNET_PROBE_LM
        echo "covering: IP Helper/NETIO, Winsock, GUID, LAN Manager structs"
else
        echo "covering: IP Helper/NETIO, Winsock, GUID (no include/winnet/lm.h: LAN Manager structs skipped)"
fi

dropped=$work/dropped.txt
: >"$dropped"

# compile SIDE CC ARGS... : writes $work/SIDE.s; blanks out list lines that fail.
compile()
{
        side=$1
        shift
        tries=0
        while :; do
                if "$@" -std=c11 -O2 -S $lm_flag -I"$work" "$here/probe.c" -o "$work/$side.s" \
                        2>"$work/$side.err"; then
                        return 0
                fi
                lines=$(sed -n 's/.*probe_entries\.h:\([0-9][0-9]*\):.*/\1/p' "$work/$side.err" | sort -un)
                tries=$((tries + 1))
                if [ -z "$lines" ] || [ $tries -gt 50 ]; then
                        echo "FAIL: the $side probe does not compile:"
                        cat "$work/$side.err"
                        return 1
                fi
                for l in $lines; do
                        entry=$(sed -n "${l}p" "$work/probe_entries.h")
                        # the last error message before this line's first mention
                        why=$(awk -v l="probe_entries.h:$l:" '
                                /error:/ { e = $0; sub(/.*error: /, "", e) }
                                index($0, l) { print e; exit }' "$work/$side.err")
                        echo "$entry: does not compile against the $side headers ($why)" >>"$dropped"
                        sed -i "${l}s/.*//" "$work/probe_entries.h"
                done
        done
}

compile mingw "$mingw_cc" || exit 1
compile ours "$host_cc" -I"$inc" || exit 1

extract()
{
        sed -n 's/.*# WINNET_PROBE \([a-z]*\) \([^ ]*\) \(-\{0,1\}[0-9][0-9]*\).*/\1 \2 \3/p' "$1"
}
extract "$work/mingw.s" >"$work/mingw.txt"
extract "$work/ours.s" >"$work/ours.txt"

status=0
if [ -s "$dropped" ]; then
        cat "$dropped"
        status=1
fi

# Join by "kind name" and name every difference.
awk '
        NR == FNR { mingw[$1 " " $2] = $3; order[++n] = $1 " " $2; next }
        { ours[$1 " " $2] = $3 }
        END {
                bad = 0
                for (i = 1; i <= n; i++) {
                        k = order[i]
                        split(k, p, " ")
                        what = p[1] == "size" ? "sizeof(" p[2] ")" : \
                               p[1] == "bit" ? p[2] " (bit)" : p[2]
                        if (!(k in ours)) {
                                print what ": missing in ours, mingw " mingw[k]; bad++
                        } else if (ours[k] != mingw[k]) {
                                print what ": ours " ours[k] ", mingw " mingw[k]; bad++
                        }
                }
                for (k in ours)
                        if (!(k in mingw)) { print k ": missing in mingw, ours " ours[k]; bad++ }
                printf "%d entries compared, %d differences\n", n, bad
                exit bad ? 1 : 0
        }' "$work/mingw.txt" "$work/ours.txt" || status=1

if [ "$(wc -l <"$work/mingw.txt")" -lt 100 ]; then
        echo "FAIL: only $(wc -l <"$work/mingw.txt") values extracted from the mingw probe"
        status=1
fi
[ $status -eq 0 ] && echo "PASS: layouts equal mingw-w64's"
exit $status
