#!/usr/bin/env bash
# Seed 001 (issue 13) speed floors, Diffuson (JMH KineticBench) and its NumPy peer (src/test/python/seed001_peer.py)
# side by side in one run, with the 1-minute load average before and after each. Raw output: target/seed001-bench/.
#   bench/run-seed001.sh                    # JMH sample mode (mean and fastest call): 1 fork, 5 × 2 s warm-up, 5 × 2 s per benchmark
#   JMH_ARGS="-f 1 -wi 1 -i 3" bench/run-seed001.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
OUT=target/seed001-bench
mkdir -p "$OUT"
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 5 -w 2 -i 5 -r 2 -bm sample"}
echo "JDK: $(java -version 2>&1 | head -1); cores: $(nproc)" | tee "$OUT/summary.txt"
echo "load before JMH: $(load)" | tee -a "$OUT/summary.txt"
jmh_bench KineticBench "$JMH_ARGS" "$OUT"
echo "load after JMH / before peer: $(load)" | tee -a "$OUT/summary.txt"
peer "$PY" src/test/python/seed001_peer.py >"$OUT/peer.txt"
echo "load after peer: $(load)" | tee -a "$OUT/summary.txt"
cat "$OUT/jmh-results.txt" "$OUT/peer.txt" | tee -a "$OUT/summary.txt"
