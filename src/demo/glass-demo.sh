#!/usr/bin/env bash
# Builds the package and runs SoftmaxToSigmoid on glass.arff: the evaluation on a
# held-out third, the model description, and the sigmoid scores and label sets of
# the first test instances. Output files go to target/demo/.
set -euo pipefail
cd "$(dirname "$0")/../.."

mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.includeScope=provided \
  -Dmdep.outputFile=target/demo-classpath.txt >/dev/null
# Weka's class discovery reads every class-path entry as a jar, so keep only jars.
classpath="target/softmaxToSigmoid.jar:$(tr ':' '\n' < target/demo-classpath.txt \
  | grep '\.jar$' | paste -sd: -)"
out=target/demo
mkdir -p "$out"

run_weka() {
  java -Djava.awt.headless=true -cp "$classpath" "$@"
}

# A seeded random two-thirds / one-third split of glass.arff.
run_weka weka.filters.unsupervised.instance.Randomize -S 1 -i data/glass.arff -o "$out/shuffled.arff"
run_weka weka.filters.unsupervised.instance.RemovePercentage -P 34 -i "$out/shuffled.arff" -o "$out/train.arff"
run_weka weka.filters.unsupervised.instance.RemovePercentage -P 34 -V -i "$out/shuffled.arff" -o "$out/test.arff"

echo "=== SoftmaxToSigmoid with RandomForest, trained on 2/3 of glass, tested on 1/3 ==="
run_weka weka.classifiers.meta.SoftmaxToSigmoid -t "$out/train.arff" -T "$out/test.arff" \
  -d "$out/glass.model" -W weka.classifiers.trees.RandomForest

echo
echo "=== Sigmoid scores and label sets (threshold 0.5) of the first 5 test instances ==="
run_weka weka.filters.supervised.attribute.AddSigmoidScores -serialized "$out/glass.model" \
  -labels -i "$out/test.arff" -o "$out/test-scored.arff" -c last
# Keep the true class, the 7 scores and the 7 labels: attributes 10 to 24.
run_weka weka.filters.unsupervised.attribute.Remove -V -R 10-24 -i "$out/test-scored.arff" \
  -o "$out/test-scores-only.arff"
run_weka weka.core.converters.CSVSaver -i "$out/test-scores-only.arff" -o "$out/test-scores.csv"
head -n 6 "$out/test-scores.csv"
echo
echo "All scores: $out/test-scored.arff"
