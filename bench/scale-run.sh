#!/usr/bin/env bash
# Filters an ARFF file of 10^6 rows x 10 probability columns (+ class) with
# ProbabilitiesToSigmoid under -Xmx64m in Weka's batch file mode (-i -o), and
# Weka's own weka.filters.AllFilter over the same file in the same run, for the
# wall-time ratio. Each command runs REPEAT times (default 3), alternated.
# Usage: bench/scale-run.sh [rows] ; needs the module built (run-jmh.sh builds it).
set -euo pipefail
cd "$(dirname "$0")"
ROWS=${1:-1000000}
REPEAT=${REPEAT:-3}
WORK=target/scale
mkdir -p "$WORK"
[ -f target/classpath.txt ] || mvn -B -q package -DskipTests
CP="target/classes:$(cat target/classpath.txt)"
DATA="$WORK/probabilities-$ROWS.arff"
[ -f "$DATA" ] || java -cp "$CP" weka.classifiers.meta.softmaxtosigmoid.bench.ScaleData "$DATA" "$ROWS"
ls -l "$DATA"

run() {
  local label=$1
  shift
  /usr/bin/time -f "$label: %e s wall, %M KB max resident" java -Xmx64m -cp "$CP" "$@"

}

for r in $(seq 1 "$REPEAT"); do
  run "AllFilter run $r" weka.filters.AllFilter -i "$DATA" -o "$WORK/all.arff" -c last
  run "ProbabilitiesToSigmoid run $r" weka.filters.unsupervised.attribute.ProbabilitiesToSigmoid \
    -i "$DATA" -o "$WORK/sigmoid.arff" -c last
  run "ProbabilitiesToSigmoid -replace run $r" \
    weka.filters.unsupervised.attribute.ProbabilitiesToSigmoid \
    -i "$DATA" -o "$WORK/sigmoid-replace.arff" -c last -replace
done
wc -l "$WORK/all.arff" "$WORK/sigmoid.arff" "$WORK/sigmoid-replace.arff"
tail -n 1 "$WORK/sigmoid.arff"
