#!/usr/bin/env bash
# Seed 003 (usadel) speed floors, Diffuson (JMH UsadelBench) and its scipy peer (src/test/python/usadel_sns_peer.py,
# scipy.integrate.solve_bvp) back to back in one run, with the 1-minute load average before and after.
#   bench/run-usadel.sh            # JMH sample mode for the five UsadelBench workflows, then the peers (SNS DOS, NS
#                                  # Keldysh conductance), then CPU times
# Raw output: target/usadel-bench/. Equal accuracy: both SNS DOS curves against scipy at tol = 1e-8 (printed).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
OUT=target/usadel-bench
mkdir -p "$OUT"
need_python scipy
test_classpath "$OUT"
echo "load before: $(load)"
"$JAVA" -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main 'UsadelBench\.' -bm sample -tu ms -wi 3 -i 5 -w 2 -r 2 -f 1 \
  -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.log" | grep -E '^UsadelBench|p0.00|Benchmark'
echo "== nsConductance pinned to one core (taskset -c 0)"
taskset -c 0 "$JAVA" -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main 'UsadelBench\.nsConductance' -bm sample -tu ms \
  -wi 3 -i 5 -w 2 -r 2 -f 1 | tee "$OUT/jmh-ns-1core.log" | grep -E '^UsadelBench|p0.00'
echo "load between: $(load)"
(peer "$JAVA" -cp "$CP" org.diffuson.bench.UsadelBench csv "$OUT/diffuson-dos.csv" && \
  peer "$PY" src/test/python/usadel_sns_peer.py 1e-6 10 --compare="$OUT/diffuson-dos.csv") | tee "$OUT/peer.log"
(peer "$JAVA" -cp "$CP" org.diffuson.bench.UsadelBench ns-csv "$OUT/diffuson-ns.csv" && \
  peer "$PY" src/test/python/usadel_ns_kinetic_peer.py 1e-6 3 --compare="$OUT/diffuson-ns.csv") | tee -a "$OUT/peer.log"
"$JAVA" -cp "$CP" org.diffuson.bench.UsadelBench cpu 10 | tee "$OUT/cpu.log"
echo "load after: $(load)"
