#!/usr/bin/env bash
# Seed 004 (issue 15) speed floors: JMH GaugeBench (kernels at one (q, ω), β over 100 points, 200-point wall profile,
# and the k-grid kernels), with the 1-minute load average before and after. Raw output: target/seed004-bench/.
#   bench/run-seed004.sh                              # 1 fork, 3 × 2 s warm-up, 5 × 2 s per benchmark, sample mode
#   JMH_ARGS="-f 1 -wi 1 -i 3" bench/run-seed004.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
OUT=target/seed004-bench
mkdir -p "$OUT"
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 3 -w 2 -i 5 -r 2 -bm sample"}
echo "JDK: $(java -version 2>&1 | head -1); cores: $(nproc); $(date -u +%FT%TZ)" | tee "$OUT/summary.txt"
echo "load before JMH: $(load)" | tee -a "$OUT/summary.txt"
jmh_bench GaugeBench "$JMH_ARGS" "$OUT"
echo "load after JMH: $(load)" | tee -a "$OUT/summary.txt"
cat "$OUT/jmh-results.txt" | tee -a "$OUT/summary.txt"
