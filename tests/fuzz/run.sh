#!/bin/sh
# run.sh BUILD_DIR SECONDS TARGET... - runs each libFuzzer target for SECONDS from
# its committed seeds (tests/fuzz/corpus/<t>, read only) plus the inputs earlier
# runs found (BUILD_DIR/corpus/<t>), and prints executions, executions per second
# and the outcome per target. A crash, leak, timeout or sanitizer report fails the
# run; its input is in BUILD_DIR/artifacts/ (re-run it with the binary, or with
# replay_<t> of a normal build under gdb).
set -u
build=$1
secs=$2
shift 2
src=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/artifacts"
summary="$build/fuzz-summary.txt"
: > "$summary"
failed=0
passed=0
for t in "$@"; do
	mkdir -p "$build/corpus/$t"
	log="$build/fuzz-$t.log"
	echo "== fuzz_$t for ${secs}s"
	"$build/tests/fuzz/fuzz_$t" -max_total_time="$secs" -max_len=16384 -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" \
		"$build/corpus/$t" "$src/corpus/$t" > "$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
	if [ "$rc" -eq 0 ]; then
		verdict=clean
		passed=$((passed + 1))
	else
		verdict="FAILED (exit $rc; see $log)"
		failed=$((failed + 1))
		grep -E 'ERROR|runtime error|SUMMARY|^fuzz_|^nl_apis' "$log" | head -5
	fi
	printf '%-16s %10s execs %7s/s  %s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$cov" \
		"$verdict" | tee -a "$summary"
done
# The plain closing line CI reads: one target per test.
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
