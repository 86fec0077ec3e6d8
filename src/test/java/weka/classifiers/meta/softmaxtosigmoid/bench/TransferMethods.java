package weka.classifiers.meta.softmaxtosigmoid.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.classifiers.meta.softmaxtosigmoid.CalibrationData;
import weka.classifiers.meta.softmaxtosigmoid.CalibrationMap;
import weka.classifiers.meta.softmaxtosigmoid.Calibrator;
import weka.classifiers.meta.softmaxtosigmoid.Gauge;
import weka.classifiers.meta.softmaxtosigmoid.LabelSetRule;
import weka.classifiers.meta.softmaxtosigmoid.LogisticMath;
import weka.classifiers.meta.softmaxtosigmoid.MultiLabelMetrics;
import weka.classifiers.meta.softmaxtosigmoid.SoftmaxInversion;
import weka.classifiers.meta.softmaxtosigmoid.ThresholdRule;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The methods compared by the transfer benchmark. Every method yields test scores and
 * test label sets, from which {@link MultiLabelMetrics} computes the row.
 *
 * <p>Baselines use the base distribution y: {@code top1} (scores y, the top class as
 * set), {@code softmax_raw} (scores y, threshold 0.5), {@code softmax_tuned} (scores y,
 * the one threshold that maximises example F1 on the calibration part), {@code minmax}
 * ({@code (y - min y) / (max y - min y)} per row, threshold 0.5), and the uncalibrated
 * gauges {@code unit} and {@code centered} (threshold 0.5). Each calibrator is fitted on
 * the calibration part against the projected single labels ({@code _sl}) and against the
 * true label sets ({@code _ml}), then thresholded at 0.5. The label-set rules are applied
 * to the {@code _ml} calibrator with the lowest Brier score in a 5-fold cross-validation
 * on the calibration part, so that the test part plays no role in the choice.
 * {@code binary_relevance} trains one base model per label on the true training labels.
 */
final class TransferMethods {

  /** Miscoverage level of the conformal rows. */
  static final double ALPHA = 0.1;

  /** Share of the calibration part that the conformal rule keeps for its threshold. */
  static final double CONFORMAL_FRACTION = 0.5;

  private static final int SELECTION_FOLDS = 5;

  /** Minimum positives and negatives per class of SoftmaxToSigmoid's per-class fit. */
  private static final double PER_CLASS_MINIMUM = new SoftmaxToSigmoid().getPerClassMinimum();

  private final TransferData m_data;

  private final TransferBenchmark.Settings m_settings;

  private final Classifier m_template;

  private final PrintStream m_log;

  private final int m_numClasses;

  private final double[] m_calibrationWeights;

  private final double[] m_testWeights;

  /** A calibrator with its target option, as fitted by a calibrated method. */
  private static final class Variant {

    final String name;

    final Calibrator calibrator;

    final boolean plattTargets;

    Variant(String name, Calibrator calibrator, boolean plattTargets) {
      this.name = name;
      this.calibrator = calibrator;
      this.plattTargets = plattTargets;
    }
  }

  private static final Variant[] VARIANTS = {
    new Variant("offset", Calibrator.OFFSET, false),
    new Variant("shared", Calibrator.SHARED, false),
    new Variant("per_class", Calibrator.PER_CLASS, false),
    new Variant("isotonic", Calibrator.ISOTONIC, false),
    new Variant("shared_platt", Calibrator.SHARED, true),
  };

  TransferMethods(TransferData data, TransferBenchmark.Settings settings, Classifier template,
    PrintStream log) {
    m_data = data;
    m_settings = settings;
    m_template = template;
    m_log = log;
    m_numClasses = data.labelNames.length;
    m_calibrationWeights = weights(data.calibration);
    m_testWeights = weights(data.test);
  }

  /**
   * Trains the base model and runs every method.
   *
   * @return the rows in the order of the class comment
   * @throws Exception if a base model cannot be trained or fails to predict
   */
  List<TransferBenchmark.Row> runAll() throws Exception {
    Classifier base = AbstractClassifier.makeCopy(m_template);
    base.buildClassifier(m_data.train);
    double[][] calibrationY = predict(base, m_data.calibration);
    double[][] testY = predict(base, m_data.test);
    m_log.printf(Locale.ROOT, "base distributions with an exact 0: %d of %d calibration rows, "
      + "%d of %d test rows%n", countWithZero(calibrationY), calibrationY.length,
      countWithZero(testY), testY.length);

    List<TransferBenchmark.Row> rows = new ArrayList<TransferBenchmark.Row>();
    addBaselines(rows, calibrationY, testY);

    SoftmaxInversion inversion = inversion(m_settings.gauge);
    double[][] calibrationLogits = logits(inversion, calibrationY);
    double[][] testLogits = logits(inversion, testY);
    CalibrationData singleLabel = calibrationData(calibrationLogits, true);
    CalibrationData multiLabel = calibrationData(calibrationLogits, false);
    for (Variant variant : VARIANTS) {
      for (boolean isMultiLabel : new boolean[] {false, true}) {
        String name = variant.name + (isMultiLabel ? "_ml" : "_sl");
        CalibrationMap map = fit(variant, isMultiLabel ? multiLabel : singleLabel, name);
        double[][] scores = scores(map, testLogits);
        rows.add(row(name, scores, threshold(scores, 0.5)));
      }
    }

    Variant best = selectBest(multiLabel);
    addRules(rows, best, multiLabel, testLogits);
    rows.add(binaryRelevance());
    return rows;
  }

  private void addBaselines(List<TransferBenchmark.Row> rows, double[][] calibrationY,
    double[][] testY) {
    double[][] testScores = validScores(testY);
    rows.add(row("top1", testScores,
      apply(LabelSetRule.topK(m_numClasses, 1, false), testScores)));
    rows.add(row("softmax_raw", testScores, threshold(testScores, 0.5)));
    double tuned = tunedThreshold(validScores(calibrationY), m_data.calibrationTruth,
      m_calibrationWeights);
    m_log.printf(Locale.ROOT, "softmax_tuned: threshold %.6f%n", tuned);
    rows.add(row("softmax_tuned", testScores, threshold(testScores, tuned)));
    double[][] minMax = minMax(testScores);
    rows.add(row("minmax", minMax, threshold(minMax, 0.5)));
    for (Gauge gauge : new Gauge[] {Gauge.UNIT, Gauge.CENTERED}) {
      double[][] scores = scores(null, logits(inversion(gauge), testY));
      rows.add(row(gauge.spelling(), scores, threshold(scores, 0.5)));
    }
  }

  /**
   * Adds the label-set rules applied to the chosen multi-label calibrator. The conformal
   * row refits the calibrator on one part of the calibration rows and sets its threshold
   * on the other part, as SoftmaxToSigmoid does, so that the coverage guarantee holds.
   */
  private void addRules(List<TransferBenchmark.Row> rows, Variant best, CalibrationData data,
    double[][] testLogits) {
    String prefix = best.name + "_ml+";
    List<String> warnings = new ArrayList<String>();
    CalibrationMap map = fit(best, data, best.name + "_ml");
    double[][] calibrationScores = scores(map, data.logits());
    double[][] testScores = scores(map, testLogits);
    double[][] targets = data.targets();
    double[] weights = data.weights();

    LabelSetRule perClass = LabelSetRule.fitPerClassF1(calibrationScores, targets, weights,
      0.5, false, m_data.labelNames, warnings);
    rows.add(row(prefix + "per_class_f1", testScores, apply(perClass, testScores)));
    LabelSetRule cardinality = LabelSetRule.fitCardinality(calibrationScores, targets,
      weights, Double.NaN, false);
    rows.add(row(prefix + "cardinality", testScores, apply(cardinality, testScores)));
    for (int k = 1; k <= 2; k++) {
      rows.add(row(prefix + "top" + k, testScores,
        apply(LabelSetRule.topK(m_numClasses, k, false), testScores)));
    }

    CalibrationData[] parts = splitRows(data, CONFORMAL_FRACTION, m_settings.seed);
    if (parts[0].numRows() == 0 || parts[1].numRows() == 0) {
      warnings.add("The calibration part of " + data.numRows() + " rows is too small to "
        + "split, so the conformal threshold was fitted on the calibrator's own rows.");
      parts = new CalibrationData[] {data, data};
    }
    CalibrationMap conformalMap = fit(best, parts[0], prefix + "conformal");
    double[][] ruleScores = scores(conformalMap, parts[1].logits());
    LabelSetRule conformal = LabelSetRule.fitConformal(ruleScores, parts[1].targets(),
      parts[1].weights(), ALPHA, false, warnings);
    m_log.printf(Locale.ROOT, "%sconformal: threshold %.6f on %d rows%n", prefix,
      conformal.threshold(0), parts[1].numRows());
    double[][] conformalScores = scores(conformalMap, testLogits);
    rows.add(row(prefix + "conformal", conformalScores, apply(conformal, conformalScores)));
    logWarnings(prefix + "rules", warnings);
  }

  /**
   * Picks the multi-label calibrator with the lowest Brier score over (instance, class)
   * pairs in a k-fold cross-validation on the calibration rows, k = min(5, rows).
   */
  private Variant selectBest(CalibrationData data) {
    int n = data.numRows();
    int folds = Math.min(SELECTION_FOLDS, n);
    List<Integer> order = new ArrayList<Integer>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(m_settings.seed));

    Variant best = VARIANTS[0];
    double bestBrier = Double.POSITIVE_INFINITY;
    StringBuilder summary = new StringBuilder();
    for (Variant variant : VARIANTS) {
      double brier = folds < 2 ? Double.NaN : crossValidatedBrier(variant, data, order, folds);
      summary.append(String.format(Locale.ROOT, " %s_ml %.5f", variant.name, brier));
      if (brier < bestBrier) {
        bestBrier = brier;
        best = variant;
      }
    }
    m_log.printf(Locale.ROOT, "%d-fold Brier on the calibration part:%s; rules use %s_ml%n",
      folds, summary, best.name);
    return best;
  }

  private double crossValidatedBrier(Variant variant, CalibrationData data, List<Integer> order,
    int folds) {
    double sum = 0;
    double weight = 0;
    for (int fold = 0; fold < folds; fold++) {
      List<Integer> fitRows = new ArrayList<Integer>();
      List<Integer> heldOut = new ArrayList<Integer>();
      for (int position = 0; position < order.size(); position++) {
        (position % folds == fold ? heldOut : fitRows).add(order.get(position));
      }
      Calibrator.Settings settings = new Calibrator.Settings(m_settings.ridge,
        variant.plattTargets, PER_CLASS_MINIMUM);
      CalibrationMap map = variant.calibrator.fit(data.subset(toArray(fitRows)), settings,
        m_data.labelNames, new ArrayList<String>());
      for (int i : heldOut) {
        for (int k = 0; k < m_numClasses; k++) {
          double score = LogisticMath.sigmoid(map.calibratedLogit(k, data.logit(i, k)));
          double error = score - data.target(i, k);
          sum += data.weight(i) * error * error;
        }
        weight += data.weight(i) * m_numClasses;
      }
    }
    return sum / weight;
  }

  /** Trains one base model per label on the true labels of the training rows. */
  private TransferBenchmark.Row binaryRelevance() throws Exception {
    int n = m_data.test.numInstances();
    double[][] scores = new double[n][m_numClasses];
    for (int k = 0; k < m_numClasses; k++) {
      Instances train = binaryCopy(m_data.train, m_data.trainTruth, k);
      Instances test = binaryCopy(m_data.test, null, k);
      Classifier model = AbstractClassifier.makeCopy(m_template);
      model.buildClassifier(train);
      for (int i = 0; i < n; i++) {
        double[] distribution = model.distributionForInstance(test.instance(i));
        double sum = distribution[0] + distribution[1];
        scores[i][k] = sum > 0 && !Double.isNaN(sum) ? distribution[1] / sum : Double.NaN;
      }
    }
    for (double[] row : scores) {
      if (hasNaN(row)) {
        Arrays.fill(row, Double.NaN);
      }
    }
    return row("binary_relevance", scores, threshold(scores, 0.5));
  }

  /**
   * Copies single-label rows with the class replaced by a {0,1} attribute for one label.
   *
   * @param truth the true labels, or null to leave the class missing
   */
  private static Instances binaryCopy(Instances rows, double[][] truth, int label) {
    Instances result = new Instances(rows);
    result.setClassIndex(-1);
    result.deleteAttributeAt(result.numAttributes() - 1);
    result.insertAttributeAt(new Attribute("has_label", Arrays.asList("0", "1")),
      result.numAttributes());
    result.setClassIndex(result.numAttributes() - 1);
    for (int i = 0; i < result.numInstances(); i++) {
      if (truth == null) {
        result.instance(i).setClassMissing();
      } else {
        result.instance(i).setClassValue(truth[i][label]);
      }
    }
    return result;
  }

  private CalibrationMap fit(Variant variant, CalibrationData data, String name) {
    List<String> warnings = new ArrayList<String>();
    Calibrator.Settings settings = new Calibrator.Settings(m_settings.ridge,
      variant.plattTargets, PER_CLASS_MINIMUM);
    CalibrationMap map = variant.calibrator.fit(data, settings, m_data.labelNames, warnings);
    logWarnings(name, warnings);
    return map;
  }

  private void logWarnings(String name, List<String> warnings) {
    for (String warning : warnings) {
      m_log.println("  warning (" + name + "): " + warning);
    }
  }

  /**
   * Builds the calibration set from the rows with valid logits.
   *
   * @param singleLabel true for the projected single labels, false for the true sets
   */
  private CalibrationData calibrationData(double[][] logits, boolean singleLabel) {
    CalibrationData result = new CalibrationData(m_numClasses);
    for (int i = 0; i < logits.length; i++) {
      if (logits[i] == null) {
        continue;
      }
      if (singleLabel) {
        result.addSingleLabel(logits[i], (int) m_data.calibration.instance(i).classValue(),
          m_calibrationWeights[i]);
      } else {
        result.add(logits[i], m_data.calibrationTruth[i], m_calibrationWeights[i]);
      }
    }
    return result;
  }

  private SoftmaxInversion inversion(Gauge gauge) {
    return new SoftmaxInversion(gauge, m_numClasses - 1, 0, m_settings.smoothing,
      m_data.labelNames);
  }

  /** Inverts each distribution; a row without valid logits is null. */
  private static double[][] logits(SoftmaxInversion inversion, double[][] distributions) {
    double[][] result = new double[distributions.length][];
    for (int i = 0; i < distributions.length; i++) {
      result[i] = inversion.logits(distributions[i]);
    }
    return result;
  }

  /**
   * Computes sigmoid scores of calibrated logits; a null map means no calibration, and a
   * null row of logits gives NaN scores.
   */
  private double[][] scores(CalibrationMap map, double[][] logits) {
    double[][] result = new double[logits.length][m_numClasses];
    for (int i = 0; i < logits.length; i++) {
      for (int k = 0; k < m_numClasses; k++) {
        if (logits[i] == null) {
          result[i][k] = Double.NaN;
        } else {
          double z = map == null ? logits[i][k] : map.calibratedLogit(k, logits[i][k]);
          result[i][k] = LogisticMath.sigmoid(z);
        }
      }
    }
    return result;
  }

  /** Returns the base distributions as scores, NaN for a row that is not a distribution. */
  private double[][] validScores(double[][] distributions) {
    SoftmaxInversion check = inversion(Gauge.UNIT);
    double[][] result = new double[distributions.length][];
    for (int i = 0; i < distributions.length; i++) {
      result[i] = check.normalize(distributions[i]);
      if (result[i] == null) {
        result[i] = new double[m_numClasses];
        Arrays.fill(result[i], Double.NaN);
      }
    }
    return result;
  }

  /**
   * Rescales each row to {@code (y_k - min y) / (max y - min y)}. A constant row carries
   * no ranking and gets 0.5 for every class.
   */
  private static double[][] minMax(double[][] scores) {
    double[][] result = new double[scores.length][];
    for (int i = 0; i < scores.length; i++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double value : scores[i]) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      result[i] = new double[scores[i].length];
      for (int k = 0; k < scores[i].length; k++) {
        result[i][k] = max > min ? (scores[i][k] - min) / (max - min)
          : hasNaN(scores[i]) ? Double.NaN : 0.5;
      }
    }
    return result;
  }

  /**
   * Finds the single threshold that maximises example-based F1 of
   * {@code {k : s_k >= t}} on the calibration rows. Candidates are the distinct scores;
   * the result lies midway between the best candidate and the next lower score, and on
   * ties the higher threshold wins.
   */
  static double tunedThreshold(double[][] scores, double[][] truth, double[] weights) {
    List<Double> candidates = new ArrayList<Double>();
    for (double[] row : scores) {
      for (double value : row) {
        if (!Double.isNaN(value)) {
          candidates.add(value);
        }
      }
    }
    if (candidates.isEmpty()) {
      return 0.5;
    }
    Collections.sort(candidates, Collections.reverseOrder());
    double[] distinct = candidates.stream().distinct().mapToDouble(Double::doubleValue)
      .toArray();
    int best = 0;
    double bestF1 = -1;
    for (int c = 0; c < distinct.length; c++) {
      double f1 = new MultiLabelMetrics(scores, threshold(scores, distinct[c]), truth, weights)
        .exampleF1();
      if (f1 > bestF1) {
        bestF1 = f1;
        best = c;
      }
    }
    return best + 1 < distinct.length ? (distinct[best] + distinct[best + 1]) / 2
      : distinct[best];
  }

  static double[][] threshold(double[][] scores, double threshold) {
    return apply(LabelSetRule.uniform(ThresholdRule.FIXED, scores.length == 0 ? 1
      : scores[0].length, threshold, false), scores);
  }

  private static double[][] apply(LabelSetRule rule, double[][] scores) {
    double[][] result = new double[scores.length][];
    for (int i = 0; i < scores.length; i++) {
      result[i] = rule.apply(scores[i]);
    }
    return result;
  }

  private TransferBenchmark.Row row(String name, double[][] scores, double[][] sets) {
    return new TransferBenchmark.Row(name,
      new MultiLabelMetrics(scores, sets, m_data.testTruth, m_testWeights));
  }

  /**
   * Splits rows at random as SoftmaxToSigmoid splits its calibration set for the conformal
   * rule: {@code round(fraction * n)} shuffled rows go to the second part.
   */
  static CalibrationData[] splitRows(CalibrationData data, double fraction, long seed) {
    int n = data.numRows();
    List<Integer> order = new ArrayList<Integer>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int second = (int) Math.round(fraction * n);
    return new CalibrationData[] {data.subset(toArray(order.subList(second, n))),
      data.subset(toArray(order.subList(0, second)))};
  }

  private static int[] toArray(List<Integer> values) {
    int[] result = new int[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = values.get(i);
    }
    return result;
  }

  private static double[][] predict(Classifier model, Instances rows) throws Exception {
    double[][] result = new double[rows.numInstances()][];
    for (int i = 0; i < rows.numInstances(); i++) {
      result[i] = model.distributionForInstance(rows.instance(i));
    }
    return result;
  }

  private static double[] weights(Instances rows) {
    double[] result = new double[rows.numInstances()];
    for (int i = 0; i < result.length; i++) {
      result[i] = rows.instance(i).weight();
    }
    return result;
  }

  private static int countWithZero(double[][] distributions) {
    int count = 0;
    for (double[] distribution : distributions) {
      count += SoftmaxInversion.hasZero(distribution) ? 1 : 0;
    }
    return count;
  }

  private static boolean hasNaN(double[] values) {
    for (double value : values) {
      if (Double.isNaN(value)) {
        return true;
      }
    }
    return false;
  }
}
