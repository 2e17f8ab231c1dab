#!/bin/sh
# run.sh BUILD_DIR - runs every benchmark executable (BUILD_DIR/bench/**/bench_*) and
# writes the report into $WINNET_RESULTS (default results/): bench.md, a Markdown
# table of every comparison and its ratio; bench.csv, the same rows for tools; and
# the plots of bench/plot.sh (PNG, gnuplot). Benchmarks that need root make their
# own namespaces, and say so and skip without it. Each benchmark gets at most
# $WINNET_BENCH_TIMEOUT seconds (default 600); one that runs over is reported and
# the others still run.
set -eu
build=${1:-build}
out=${WINNET_RESULTS:-results}
limit=${WINNET_BENCH_TIMEOUT:-600}
mkdir -p "$out"
out=$(cd "$out" && pwd)
md="$out/bench.md"
csv="$out/bench.csv"
printf '# winnet benchmarks\n\n%s on %s, %s cores\n\n| benchmark | winnet | baseline | ratio |\n|---|---|---|---|\n' \
	"$(date -u +%Y-%m-%dT%H:%MZ)" "$(uname -r)" "$(nproc)" > "$md"
: > "$csv"
export WINNET_BENCH_MD="$md" WINNET_BENCH_CSV="$csv"
failed=""
for b in $(find "$build/bench" -maxdepth 2 -type f -name 'bench_*' -perm -u+x | sort); do
	name=$(basename "$b")
	echo "== $name"
	start=$(date +%s)
	if ! timeout "$limit" "$b"; then
		failed="$failed $name"
		echo "$name: failed or ran over ${limit}s"
	fi
	echo "($name: $(($(date +%s) - start)) s)"
done
sh "$(dirname "$0")/plot.sh" "$out"
echo "wrote $md"
if [ -n "$failed" ]; then
	printf '\nNot complete:%s (failed or over %s s).\n' "$failed" "$limit" >> "$md"
	echo "not complete:$failed"
	exit 1
fi
