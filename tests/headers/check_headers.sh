#!/bin/sh
# check_headers.sh - every public header in include/winnet/ must compile on its own,
# in C11 and in C++17, with -Wall -Wextra -Wpedantic -Werror, and survive being
# included twice. Headers are found by glob, so new ones are checked automatically.
#
# usage: check_headers.sh SOURCE_DIR [C_COMPILER] [CXX_COMPILER] [WORK_DIR]
# exit: 0 all compile, 1 otherwise (each failure printed with its diagnostics).

set -u

src=${1:?usage: check_headers.sh SOURCE_DIR [C_COMPILER] [CXX_COMPILER] [WORK_DIR]}
cc=${2:-${CC:-cc}}
cxx=${3:-${CXX:-c++}}
work=${4:-}
if [ -z "$work" ]; then
        work=$(mktemp -d "${TMPDIR:-/tmp}/winnet-headers.XXXXXX") || exit 1
        trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work" || exit 1
inc=$src/include/winnet
flags="-Wall -Wextra -Wpedantic -Werror"

failed=0
checked=0
for h in "$inc"/*.h; do
        [ -f "$h" ] || continue
        name=$(basename "$h")
        # A declaration after the includes keeps a header with only macros from
        # making an empty translation unit (itself a -Wpedantic error).
        printf '#include "%s"\n#include "%s"\ntypedef int winnet_header_check;\n' \
                "$name" "$name" >"$work/check.c"
        cp "$work/check.c" "$work/check.cpp"
        for lang in c11 c++17; do
                if [ $lang = c11 ]; then
                        set -- "$cc" -std=c11 -x c "$work/check.c"
                else
                        set -- "$cxx" -std=c++17 -x c++ "$work/check.cpp"
                fi
                checked=$((checked + 1))
                if ! "$@" $flags -I"$inc" -fsyntax-only 2>"$work/err"; then
                        echo "FAIL: $name alone in $lang:"
                        sed 's/^/    /' "$work/err"
                        failed=$((failed + 1))
                fi
        done
done

if [ $checked -eq 0 ]; then
        echo "FAIL: no headers found in $inc"
        exit 1
fi
echo "$checked header compilations, $failed failed"
[ $failed -eq 0 ]
