#!/usr/bin/env bash
# Runs the JMH benchmarks and writes the results to target/jmh-results.txt (see README "Benchmarks").
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main "${@:-CoreBench}" -rf text -rff target/jmh-results.txt
cat target/jmh-results.txt
