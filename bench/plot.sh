#!/bin/sh
# plot.sh RESULTS_DIR - the plots of the benchmark report, from RESULTS_DIR/bench.csv
# (the rows bench/harness.c writes: "name",value,unit,"baseline",baseline_value,ratio):
#   iphlp_scale.png  time per call against the number of interfaces: GetIfTable2,
#                    GetIpInterfaceTable, the raw RTM_GETLINK dump and getifaddrs,
#                    from bench_iphlp's rows named "<call> @<interfaces>";
#   ndis_alloc.png   allocation throughput of the NDIS pools and NDIS memory
#                    against malloc and DPDK's rte_mempool, from bench_ndis and
#                    bench_ndis_dpdk ("x32" in a name: 32 allocations per operation).
# Appends links to the plots to RESULTS_DIR/bench.md. Needs gnuplot (gnuplot-nox).
set -eu
out=${1:-results}
csv="$out/bench.csv"
[ -s "$csv" ] || { echo "plot.sh: no $csv"; exit 0; }
command -v gnuplot > /dev/null || { echo "plot.sh: gnuplot is not installed; no plots"; exit 0; }

# Splits one CSV line into f[1..n], honouring double quotes (names hold commas).
split_awk='
function csvsplit(line, f,    n, i, c, q, cur) {
        n = 0; cur = ""; q = 0
        for (i = 1; i <= length(line); i++) {
                c = substr(line, i, 1)
                if (c == "\"") q = !q
                else if (c == "," && !q) { f[++n] = cur; cur = "" }
                else cur = cur c
        }
        f[++n] = cur
        return n
}'

# ---- time against interfaces: one row per interface count, microseconds ----
awk "$split_awk"'
{
        if (csvsplit($0, f) < 6 || f[3] != "ns" || f[1] !~ / @[0-9]+$/) next
        n = f[1]; sub(/.* @/, "", n); op = f[1]; sub(/ @[0-9]+$/, "", op)
        seen[n] = 1
        if (f[4] ~ /^raw RTM_GETLINK dump @/) raw[n] = f[5]
        if (f[4] ~ /^getifaddrs/) gia[n] = f[5]
        if (op == "GetIfTable2" && !(n in ift)) ift[n] = f[2]
        if (op ~ /^GetIpInterfaceTable/ && !(n in ipt)) ipt[n] = f[2]
}
END {
        for (n in seen)
                printf "%d %s %s %s %s\n", n, (n in ift) ? ift[n] / 1000 : "-",
                       (n in ipt) ? ipt[n] / 1000 : "-", (n in raw) ? raw[n] / 1000 : "-",
                       (n in gia) ? gia[n] / 1000 : "-"
}' "$csv" | sort -n > "$out/iphlp_scale.dat"

# ---- allocation throughput: million allocations per second ----
# One cluster per comparison row, so winnet and its baseline always come from the
# same run of the same benchmark.
awk "$split_awk"'
function rate(name, ns) { return (name ~ /x32/ ? 32 : 1) * 1000 / ns }
{
        if (csvsplit($0, f) < 6 || f[3] != "ns" || f[1] !~ /^(Ndis|NBL\+NB)/ || f[2] <= 0 ||
            f[5] <= 0)
                next
        label = f[1]
        gsub(/NdisAllocateNetBufferAndNetBufferList\+Free/, "NBL+NB", label)
        gsub(/NdisAllocateNetBuffer\+Free/, "NB", label)
        gsub(/NdisAllocateMemoryWithTagPriority\+NdisFreeMemory/, "memory", label)
        gsub(/producer\/consumer \(2 threads\)/, "2 threads", label)
        gsub(/,/, "", label)
        m = d = di = "-"
        if (f[4] ~ /^malloc/) { m = rate(f[1], f[5]); label = label " vs malloc" }
        else if (f[4] ~ /rte_mempool.*init/) { di = rate(f[1], f[5]); label = label " vs DPDK+init" }
        else if (f[4] ~ /rte_mempool/) { d = rate(f[1], f[5]); label = label " vs DPDK" }
        else next
        printf "\"%s\" %s %s %s %s\n", label, rate(f[1], f[2]), m, d, di
}' "$csv" > "$out/ndis_alloc.dat"

if [ -s "$out/iphlp_scale.dat" ]; then
	gnuplot <<EOF
set terminal pngcairo size 900,600 font ",11"
set output "$out/iphlp_scale.png"
set title "IP Helper tables: time per call against the number of interfaces"
set xlabel "interfaces (veth) in the namespace"
set ylabel "microseconds per call (median)"
set logscale xy
set grid
set key top left
set datafile missing "-"
plot "$out/iphlp_scale.dat" using 1:2 with linespoints lw 2 title "GetIfTable2", \
     "" using 1:3 with linespoints lw 2 title "GetIpInterfaceTable(AF\\\_UNSPEC)", \
     "" using 1:4 with linespoints lw 2 dt 2 title "raw RTM\\\_GETLINK dump (floor)", \
     "" using 1:5 with linespoints lw 2 dt 3 title "getifaddrs + freeifaddrs"
EOF
	echo "wrote $out/iphlp_scale.png"
fi
if [ -s "$out/ndis_alloc.dat" ]; then
	gnuplot <<EOF
set terminal pngcairo size 1200,700 font ",11"
set output "$out/ndis_alloc.png"
set title "NDIS allocation throughput (allocate + free; higher is better)"
set ylabel "million allocations per second"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set grid ytics
set key top right
set xtics rotate by 30 right noenhanced
set datafile missing "-"
set bmargin 11
set lmargin 14
plot "$out/ndis_alloc.dat" using 2:xtic(1) title "winnet" lc rgb "#7b2cbf", \
     "" using 3 title "glibc malloc + same init" lc rgb "#2a9d8f", \
     "" using 4 title "DPDK rte\\\_mempool get/put" lc rgb "#56b4e9", \
     "" using 5 title "DPDK rte\\\_mempool + same init" lc rgb "#e9c46a"
EOF
	echo "wrote $out/ndis_alloc.png"
fi
grep -q '^## Plots' "$out/bench.md" 2>/dev/null || {
	printf '\n## Plots\n\n'
	[ -f "$out/iphlp_scale.png" ] && printf '![time against interfaces](iphlp_scale.png)\n\n'
	[ -f "$out/ndis_alloc.png" ] && printf '![NDIS allocation throughput](ndis_alloc.png)\n'
} >> "$out/bench.md"
