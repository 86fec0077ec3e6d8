/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.Locale;

import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.core.Utils;

/**
 * Text report of a multi-label evaluation, laid out the way Weka's own evaluation
 * output is: section headers between {@code ===}, one metric per line with its value
 * aligned, and a table per class.
 */
final class MultiLabelReport {

  private static final String LINE = "%-40s%s%n";

  private MultiLabelReport() {
  }

  /**
   * Appends the evaluation sections to a report.
   *
   * @param report the text to append to
   * @param model the evaluated model
   * @param testPath the test file, as given
   * @param test the mapped test rows and their targets
   * @param metrics the metrics of the test rows
   * @param classNames the class names in score order
   * @param pngPath the reliability diagram written, or empty
   */
  static void append(StringBuilder report, SoftmaxToSigmoid model, String testPath,
    CalibrationFile test, MultiLabelMetrics metrics, String[] classNames, String pngPath) {
    report.append("=== Multi-label evaluation on test data ===\n\n");
    line(report, "Scheme", Utils.toCommandLine(model));
    line(report, "Test file", testPath);
    line(report, "Instances evaluated", Integer.toString(metrics.numInstances()));
    line(report, "Instances without prediction", metrics.numWithoutPrediction()
      + (metrics.numWithoutPrediction() > 0 ? " (left out of every metric)" : ""));
    line(report, "Rows with a missing label", test.rowsWithoutTarget()
      + (test.rowsWithoutTarget() > 0 ? " (left out of every metric)" : ""));
    line(report, "Classes", Integer.toString(metrics.numClasses()));
    report.append('\n');

    line(report, "Hamming loss", format(metrics.hammingLoss()));
    line(report, "Example-based F1", format(metrics.exampleF1()));
    line(report, "Micro-averaged F1", format(metrics.microF1()));
    line(report, "Macro-averaged F1", format(metrics.macroF1()));
    line(report, "Jaccard index", format(metrics.jaccardIndex()));
    line(report, "Subset accuracy", format(metrics.subsetAccuracy()));
    line(report, "Mean set size", format(metrics.meanSetSize()));
    line(report, "True cardinality", format(metrics.trueCardinality()));
    line(report, "Coverage (a true label in the set)", formatCoverage(metrics.coverage()));
    line(report, "Brier score per label", format(metrics.brierScore()));
    line(report, "Log loss per label (nats)", format(metrics.logLoss()));
    line(report, "Expected calibration error", format(metrics.expectedCalibrationError()));
    line(report, "Classwise calibration error", format(metrics.classwiseCalibrationError()));
    report.append(String.format(Locale.ROOT, "%nThe log loss clips scores to [%.0e, 1 - %.0e]; "
      + "both calibration errors use %d equal-width bins.%n", MultiLabelMetrics.LOG_LOSS_CLIP,
      MultiLabelMetrics.LOG_LOSS_CLIP, MultiLabelMetrics.NUM_BINS));
    report.append("F1 and the Jaccard index count an empty set with no true label as 1.\n");
    if (!pngPath.isEmpty()) {
      report.append("Reliability diagram written to ").append(pngPath).append('\n');
    }
    report.append('\n');

    appendClassTable(report, metrics, classNames);

    LabelSetRule rule = model.getLabelSetRule();
    if (rule != null && rule.rule() == ThresholdRule.CONFORMAL) {
      double alpha = model.getAlpha();
      report.append(String.format(Locale.ROOT, "=== Conformal label sets (alpha = %s) ===%n%n",
        Utils.doubleToString(alpha, 6)));
      line(report, "Coverage", formatCoverage(metrics.coverage()) + " (target at least "
        + format(1 - alpha) + ")");
      line(report, "Mean set size", format(metrics.meanSetSize()));
      double threshold = rule.threshold(0);
      line(report, "Score threshold", threshold == Double.NEGATIVE_INFINITY
        ? "none (too few calibration rows, so every class is a label)" : format(threshold));
      report.append('\n');
    }
  }

  private static void appendClassTable(StringBuilder report, MultiLabelMetrics metrics,
    String[] classNames) {
    int nameWidth = "Class".length();
    for (String name : classNames) {
      nameWidth = Math.max(nameWidth, name.length());
    }
    String row = "%-" + nameWidth + "s %10s %8s %9s %8s %8s%n";
    report.append("=== Per-class results ===\n\n");
    report.append(String.format(Locale.ROOT, row, "Class", "Positives", "Brier", "Log loss",
      "ECE", "F1"));
    for (int k = 0; k < classNames.length; k++) {
      report.append(String.format(Locale.ROOT, row, classNames[k],
        Utils.doubleToString(metrics.positiveWeight(k), 2), format(metrics.brierScore(k)),
        format(metrics.logLoss(k)), format(metrics.expectedCalibrationError(k)),
        format(metrics.classF1(k))));
    }
    report.append('\n');
  }

  private static void line(StringBuilder report, String name, String value) {
    report.append(String.format(Locale.ROOT, LINE, name, value));
  }

  private static String formatCoverage(double coverage) {
    return Double.isNaN(coverage) ? "undefined (no instance has a true label)"
      : format(coverage);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
