#!/usr/bin/env bash
# Diffuson (JMH, PeerBench) and its NumPy peers (bench/peers/) back to back, in one run, on one machine; writes the
# side-by-side table into BENCHMARKS.md (between the PEERS markers) and the raw results into target/peers/.
#   bench/run-peers.sh                 # every workflow
#   bench/run-peers.sh kubo-fs copt    # a subset: kubo-fs kubo-full copt-diffusion copt-pole (prefix match)
# Per workflow: JMH on both cores, JMH pinned to one core (taskset -c 0), then the peer (Debian /usr/bin/python3 +
# python3-numpy, single-threaded, OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for that command only), each best-of /
# average as stated; then JMH -prof gc for the allocation per workflow call. The load average is recorded before and
# after each pair: the machine is shared, so the ratio of two timings taken seconds apart is the fair figure.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ROOT=$(pwd)
OUT=target/peers
mkdir -p "$OUT"
need_python numpy
test_classpath "$OUT"
WANT=("$@")
[ ${#WANT[@]} -eq 0 ] && WANT=(kubo-fs kubo-full copt-diffusion copt-pole)

# workflow | JMH benchmark | JMH iterations | peer command
declare -A BENCH=([kubo-fs]=kuboFermiSurfaceCurve [kubo-full]=kuboFullCurve [copt-diffusion]=coptDiffusion [copt-pole]=coptPoleSearch)
declare -A ITERS=([kubo-fs]="-wi 10 -i 5 -w 1 -r 1" [kubo-full]="-wi 1 -i 3 -w 1 -r 1" [copt-diffusion]="-wi 3 -i 5 -w 1 -r 1" [copt-pole]="-wi 3 -i 5 -w 1 -r 1")
# the peers repeat enough to find an undisturbed call on a loaded machine
declare -A PEER=([kubo-fs]="kubo_curve.py --moments --grid 8,4,4 --time --repeat 20 --json"
                 [kubo-full]="kubo_curve.py --moments --full --grid 8,4,4 --time --repeat 2 --json"
                 [copt-diffusion]="copt_diffusion.py --workflow diffusion --grid 12,8,4 --time --repeat 50 --json"
                 [copt-pole]="copt_diffusion.py --workflow pole --muller --grid 10,16,4 --time --repeat 50 --json")

jmh() { # benchmark, iterations, cores, result file
  local pin=()
  [ "$3" = 1 ] && pin=(taskset -c 0)
  "${pin[@]}" "$JAVA" -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main "PeerBench\.$1\$" $2 -f 1 -rf json -rff "$4" >"$4.log" 2>&1
}

RES="$OUT/results.tsv"
: >"$RES"
for w in "${WANT[@]}"; do
  for key in "${!BENCH[@]}"; do
    [[ "$key" == "$w"* ]] || continue
    echo "== $key"
    l0=$(load1)
    jmh "${BENCH[$key]}" "${ITERS[$key]}" 2 "$OUT/$key-2core.json"
    jmh "${BENCH[$key]}" "${ITERS[$key]}" 1 "$OUT/$key-1core.json"
    (cd bench/peers && peer "$PY" ${PEER[$key]}) >"$OUT/$key-peer.json"
    l1=$(load1)
    "$PY" - "$key" "$OUT" "$l0" "$l1" "${PEER[$key]}" >>"$RES" <<'PYEOF'
import json, sys
key, out, l0, l1, peer = sys.argv[1:]
def score(f):
    r = json.load(open(f))[0]['primaryMetric']
    return r['scorePercentiles']['0.0'], r['score']
d2, e2 = score(f"{out}/{key}-2core.json")
d1, e1 = score(f"{out}/{key}-1core.json")
p = json.loads(open(f"{out}/{key}-peer.json").read().strip().splitlines()[-1])
print("\t".join(map(str, [key, d2, e2, d1, e1, p['best_ms'], l0, l1, peer])))
PYEOF
    tail -1 "$RES"
  done
done

# the Fermi-surface curve in CPU time on one core, both sides (the figure least disturbed by other processes):
# PeerBench cpu = best thread-CPU time of 1000 serial curves after 1000 warm-up curves; the peer's process_time best of 40
CPU="$OUT/kubo-fs-cpu.tsv"
rm -f "$CPU"
if grep -q '^kubo-fs' "$RES"; then
  echo "== kubo-fs CPU time (one core)"
  l0=$(load1)
  d=$("$JAVA" -cp "$CP" org.diffuson.bench.PeerBench cpu 1000 | tail -1)
  p=$(cd bench/peers && peer "$PY" kubo_curve.py --moments --grid 8,4,4 --time --cpu --repeat 40 --json | tail -1)
  printf '%s\t%s\t%s\t%s\n' "$d" "$p" "$l0" "$(load1)" >"$CPU"
  cat "$CPU"
fi

# allocation of the workflows just run (not the Fermi-sea curve: seconds per call, JMH -prof gc would take minutes)
GC=$(cut -f1 "$RES" | grep -v '^kubo-full$' | while read -r k; do printf '%s|' "${BENCH[$k]}"; done)
echo "== JMH -prof gc (both cores): ${GC%|}"
[ -n "$GC" ] && "$JAVA" -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main "PeerBench\\.(${GC%|})\$" \
  -wi 2 -i 3 -w 1 -r 1 -f 1 -prof gc -rf json -rff "$OUT/gc.json" >"$OUT/gc.log" 2>&1 || true

PEER_CMDS="$(for k in "${!PEER[@]}"; do printf '%s\t%s\n' "$k" "${PEER[$k]}"; done)" \
"$PY" - "$RES" "$OUT/gc.json" BENCHMARKS.md "$(nproc)" "$CPU" <<'PYEOF'
import json, sys, datetime, platform, subprocess, os
res, gcf, md, cores, cpuf = sys.argv[1:]
PEER_CMD = dict(l.split('\t', 1) for l in os.environ['PEER_CMDS'].splitlines() if '\t' in l)
names = {'kubo-fs': 'Kubo σ_xy(ξ) curve, 100 ξ, RA Fermi surface + q = 0 ladder (massive Dirac, on-shell Born)',
         'kubo-full': 'same curve, Středa I + II (RR term and Fermi sea)',
         'copt-diffusion': 'CoPt E = 0: SCBA + physical D_eff from the analytic q, ω expansion of the RA ladder (Σ′ linearised)',
         'copt-pole': 'CoPt E = 0: diffusion pole of det K(q, ω) at qℓ = 0.1 (secant from the expanded pole with Muller-checked stop, SCBA at complex ω)'}
gc = {}
try:
    for r in json.load(open(gcf)):
        b = r['benchmark'].split('.')[-1]
        sm = r.get('secondaryMetrics', {})
        sec = sm.get('gc.alloc.rate.norm') or sm.get('·gc.alloc.rate.norm')
        if sec: gc[b] = sec['score']
except Exception:
    pass
bench = {'kubo-fs': 'kuboFermiSurfaceCurve', 'kubo-full': 'kuboFullCurve', 'copt-diffusion': 'coptDiffusion', 'copt-pole': 'coptPoleSearch'}
rows = [l.rstrip('\n').split('\t') for l in open(res) if l.strip()]
now = datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M UTC')
lines = ['<!-- PEERS:BEGIN (written by bench/run-peers.sh) -->',
         f'Run {now}, {cores} cores, {platform.processor() or platform.machine()}; JDK: `{subprocess.run(["java","-version"],capture_output=True,text=True).stderr.splitlines()[0]}`; '
         'NumPy peer: Debian /usr/bin/python3 + python3-numpy, one thread. Times in ms per workflow call: the fastest call (JMH sample mode, p0; peer: best of its repeats), '
         'JMH mean in parentheses; ratios from the fastest calls (the least disturbed by other processes on both sides). '
         'Load: 1-minute load average before → after the pair (the machine is shared by 8 engineers; both sides ran back to back).',
         '',
         '| workflow | Diffuson 2 cores, fastest (mean) | Diffuson 1 core, fastest (mean) | NumPy peer, best | peer / Diffuson (2 cores) | peer / Diffuson (1 core) | 2-core speed-up | alloc / call | load |',
         '|---|---|---|---|---|---|---|---|---|']
for k, d2, e2, d1, e1, p, l0, l1, cmd in rows:
    d2, e2, d1, e1, p = map(float, (d2, e2, d1, e1, p))
    a = gc.get(bench[k])
    alloc = f'{a / 1e6:.2f} MB' if a is not None else 'n/a'
    lines.append(f'| {names[k]} | {d2:.3g} ({e2:.3g}) | {d1:.3g} ({e1:.3g}) | {p:.3g} | **{p / d2:.2f}×** | {p / d1:.2f}× | {d1 / d2:.2f}× | {alloc} | {l0} → {l1} |')
text = open(md).read() if os.path.exists(md) else '# Benchmarks\n\n'
b, e = '<!-- PEERS:BEGIN', '<!-- PEERS:END -->'
# a subset run keeps the other workflows' rows from the table it replaces, each marked with the run it came from
run = {r[0] for r in rows}
old_block = text[text.index(b):text.index(e)] if b in text and e in text else ''
old_date = next((l.split(',')[0][4:] for l in old_block.splitlines() if l.startswith('Run ')), None)
cmds = [r[8] for r in rows]
for k in names:
    row = None if k in run else next((l for l in old_block.splitlines() if l.startswith('| ' + names[k] + ' ')), None)
    if row:
        if not row.startswith('| ' + names[k] + ' (run ') and old_date:
            row = row.replace('| ' + names[k] + ' |', '| ' + names[k] + ' (run ' + old_date + ') |', 1)
        lines.append(row)
        cmds.append(PEER_CMD[k])
if os.path.exists(cpuf):
    d, p, c0, c1 = open(cpuf).read().rstrip('\n').split('\t')
    d, p = json.loads(d)['best_cpu_ms'], json.loads(p)['best_ms']
    lines += ['', f'Kubo Fermi-surface curve in CPU time on one core (the figure least disturbed by the load): Diffuson {d:.3g} ms '
              f'(`PeerBench cpu 1000`: best thread-CPU time of 1000 serial curves after 1000 warm-up curves), peer {p:.3g} ms '
              f'(`--cpu`: process time, best of 40): **{p / d:.2f}×**; load {c0} → {c1}.']
else:
    old_cpu = next((l for l in old_block.splitlines() if l.startswith('Kubo Fermi-surface curve in CPU time')), None)
    if old_cpu and 'kubo-fs' not in run: lines += ['', old_cpu + (f' (run {old_date})' if old_date and '(run ' not in old_cpu else '')]
lines += ['', 'Peer commands (in bench/peers/): ' + '; '.join(f'`{c}`' for c in cmds), '<!-- PEERS:END -->']
block = '\n'.join(lines) + '\n'
if b in text and e in text:
    text = text[:text.index(b)] + block + text[text.index(e) + len(e) + 1:]
else:
    text += '\n' + block
open(md, 'w').write(text)
print(block)
PYEOF
