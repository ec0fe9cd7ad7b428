# Shared set-up of the bench/run-*.sh scripts; each sources it after `cd` to the repository root.
PY=/usr/bin/python3          # Debian's Python, with python3-numpy / python3-scipy (the peers)
JAVA=${JAVA:-java}
# the 1-, 5- and 15-minute load averages: the machine is shared, so every timing is reported with them
load() { cut -d' ' -f1-3 /proc/loadavg; }
# the 1-minute load average alone (for tables)
load1() { cut -d' ' -f1 /proc/loadavg; }
# need_python MODULE: stop with the apt command if Debian's python3-MODULE is missing
need_python() { "$PY" -c "import $1" 2>/dev/null || { echo "needs Debian python3-$1: apt-get install python3-$1" >&2; exit 1; }; }
# test_classpath DIR: compiles the tests and sets CP to the test classpath (written to DIR/cp.txt)
test_classpath() {
  mvn -B -o -q test-compile
  mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$1/cp.txt" -Dmdep.includeScope=test >/dev/null
  CP="target/test-classes:target/classes:$(cat "$1/cp.txt")"
}
# jmh_bench BENCHMARK "JMH ARGS" DIR: runs JMH through the bench profile; log and results into DIR
jmh_bench() {
  mvn -B -o -q -Pbench test-compile exec:exec -Dbench.args="$1 $2" >"$3/jmh.log" 2>&1
  cp target/jmh-results.txt "$3/jmh-results.txt"
}
# peer ARGS...: a peer on one thread, with OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for it only (see the env notes)
peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$@"; }
