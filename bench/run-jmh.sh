#!/usr/bin/env bash
# Builds the benchmark module and runs the JMH benchmarks in one JVM fork each.
# Usage: bench/run-jmh.sh [benchmark name patterns]
#   JMH_OPTIONS replaces the default run lengths "-f 1 -wi 3 -w 1s -i 5 -r 1s".
# Results: the console table and bench/target/jmh.json.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q package -DskipTests
JMH_OPTIONS=${JMH_OPTIONS:-"-f 1 -wi 3 -w 1s -i 5 -r 1s"}
# shellcheck disable=SC2086
exec java -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main \
  $JMH_OPTIONS -rf json -rff target/jmh.json "$@"
