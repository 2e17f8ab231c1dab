#!/bin/sh
# run.sh BUILD_DIR - runs every benchmark executable and writes results/bench.md
# (a Markdown table of ratios). Benchmarks that need root and namespaces say so.
set -eu
build=${1:-build}
out=${WINNET_RESULTS:-results}
mkdir -p "$out"
md="$out/bench.md"
printf '# winnet benchmarks\n\n%s on %s, %s cores\n\n| benchmark | winnet | baseline | ratio |\n|---|---|---|---|\n' \
	"$(date -u +%Y-%m-%dT%H:%MZ)" "$(uname -r)" "$(nproc)" > "$md"
export WINNET_BENCH_MD="$PWD/$md"
for b in $(find "$build/bench" -maxdepth 2 -type f -name 'bench_*' -perm -u+x | sort); do
	echo "== $(basename "$b")"
	"$b"
done
echo "wrote $md"
