#!/usr/bin/env bash
# Seed 001 (issue 13) speed floors, Diffuson (JMH KineticBench) and its NumPy peer (src/test/python/seed001_peer.py)
# side by side in one run, with the 1-minute load average before and after each. Raw output: target/seed001-bench/.
#   bench/run-seed001.sh                    # JMH sample mode (mean and fastest call): 1 fork, 5 × 2 s warm-up, 5 × 2 s per benchmark
#   JMH_ARGS="-f 1 -wi 1 -i 3" bench/run-seed001.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/seed001-bench
mkdir -p "$OUT"
PY=/usr/bin/python3
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 5 -w 2 -i 5 -r 2 -bm sample"}
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "JDK: $(java -version 2>&1 | head -1); cores: $(nproc)" | tee "$OUT/summary.txt"
echo "load before JMH: $(load)" | tee -a "$OUT/summary.txt"
mvn -B -o -q -Pbench test-compile exec:exec -Dbench.args="KineticBench $JMH_ARGS" >"$OUT/jmh.log" 2>&1
cp target/jmh-results.txt "$OUT/jmh-results.txt"
echo "load after JMH / before peer: $(load)" | tee -a "$OUT/summary.txt"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" src/test/python/seed001_peer.py >"$OUT/peer.txt"
echo "load after peer: $(load)" | tee -a "$OUT/summary.txt"
cat "$OUT/jmh-results.txt" "$OUT/peer.txt" | tee -a "$OUT/summary.txt"
