package weka.classifiers.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import weka.classifiers.meta.softmaxtosigmoid.AttributeDistributionClassifier;
import weka.classifiers.meta.softmaxtosigmoid.CalibrationData;
import weka.classifiers.meta.softmaxtosigmoid.CalibrationMap;
import weka.classifiers.meta.softmaxtosigmoid.Calibrator;
import weka.classifiers.meta.softmaxtosigmoid.Gauge;
import weka.classifiers.meta.softmaxtosigmoid.IsotonicCalibration;
import weka.classifiers.meta.softmaxtosigmoid.LabelSets;
import weka.classifiers.meta.softmaxtosigmoid.LinearCalibration;
import weka.classifiers.meta.softmaxtosigmoid.LogisticMath;
import weka.classifiers.meta.softmaxtosigmoid.SoftmaxInversion;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Property tests on a million generated base distributions, for every gauge, three
 * smoothings and nine calibration maps (hand-made ones with extreme parameters and maps
 * fitted on small calibration sets), plus trained meta-classifiers on a further sample.
 *
 * <p>The properties, for a row y over K classes:
 * <ol>
 * <li>Every logit, score and label is missing exactly when y is no prediction, that is
 * when y has a NaN, an infinite or a negative entry, or no entry above 0.</li>
 * <li>With smoothing 0, the centered gauge rejects a row with a zero probability after
 * normalisation, and the reference gauge a row whose reference class is zero. The
 * message names the class and the gauge. Every other valid row is scored.</li>
 * <li>Every score is in [0, 1], and no score or calibrated logit is NaN. A calibrated
 * logit may be infinite when smoothing is 0 or an isotonic step is 0 or 1, but with
 * smoothing above 0 every gauge logit is finite. A label is 1 exactly when the score is
 * at least 0.5.</li>
 * <li>Within a row, the gauge logit is {@code x_k = f(y'_k) + c(y')} with one c for every
 * class and an increasing f ({@code ln}, or {@code ln p - ln(1 - p)} for one-vs-rest),
 * and {@code y'} increases with y. A map shared by all classes with {@code a > 0} is
 * increasing too. So y_j < y_k gives z_j <= z_k, and y_j = y_k gives z_j = z_k exactly.
 * The gauges differ by a constant per row (one-vs-rest by another increasing f), so the
 * ranking of the classes within a row is the same under every gauge. The normalised
 * scores are not, as GaugeRelationsTest shows.</li>
 * <li>Raising one raw entry y_k with the others fixed never lowers x_k, in any gauge,
 * because ln y'_k rises and every other ln y'_j falls or stays. Centered: x_k rises by
 * at least (1 - 1/K) of the rise of ln y'_k. Reference: ln y'_r falls, and x_r = 0
 * stays. Maximum: x_k rises until it becomes the maximum, then stays 0. Every map, per
 * class included, is non-decreasing in x_k, so z_k never falls. Rounding can lower x_k
 * by a few units in the last place, so x is compared with a tolerance of
 * 1e-12 (1 + |x|), and the map is checked exactly on the computed x.</li>
 * <li>Multiplying a row by a power of two, inside the normal range, changes no score
 * bit, because the scaling is exact and cancels in the normalisation.</li>
 * </ol>
 */
class ScoreFuzzTest {

  private static final Logger LOGGER = Logger.getLogger(ScoreFuzzTest.class.getName());

  private static final int CORE_ROWS = 1_000_000;

  private static final int MODEL_ROWS_PER_CONFIGURATION = 250;

  private static final long SEED = 20240611L;

  private static final double[] SMOOTHINGS = {0, 1e-12, 1e-4};

  private static final int[] FITTED_SIZES = {2, 3, 5, 10, 40, 200};

  private static final double LOG_Z = 2.5;

  private static final Gauge[] GAUGES = Gauge.values();

  private static final Pattern REJECTION = Pattern.compile("Class 'c\\d+' has probability 0");

  /** Calibration maps: the identity, hand-made maps and maps fitted on a small calibration set. */
  enum MapFamily {
    NONE, HAND_OFFSET, HAND_SHARED, HAND_PER_CLASS, HAND_ISOTONIC, FITTED_OFFSET,
    FITTED_SHARED, FITTED_PER_CLASS, FITTED_ISOTONIC;

    boolean fitted() {
      return name().startsWith("FITTED");
    }
  }

  private static final MapFamily[] FAMILIES = MapFamily.values();

  /** One gauge with one map, for one K and one smoothing. */
  private static final class Pipeline {
    final SoftmaxInversion inversion;
    final CalibrationMap map;
    final boolean sharedLinear;
    final String description;

    Pipeline(SoftmaxInversion inversion, CalibrationMap map, String description) {
      this.inversion = inversion;
      this.map = map;
      this.sharedLinear = map instanceof LinearCalibration && ((LinearCalibration) map).isShared();
      this.description = description;
    }
  }

  /** Counts what the run covered, for the log. */
  private static final class Counts {
    long rows;
    long validRows;
    long scoredPairs;
    long rejectedPairs;
    long monotoneChecks;
    long scalingChecks;
    long cpuNanos;
  }

  private final Map<Integer, Pipeline> m_pipelines = new ConcurrentHashMap<>();

  private final Map<Integer, CalibrationMap[]> m_handMaps = new ConcurrentHashMap<>();

  private final Map<String, CalibrationMap> m_fittedMaps = new ConcurrentHashMap<>();

  static String[] names(int numClasses) {
    String[] result = new String[numClasses];
    for (int k = 0; k < numClasses; k++) {
      result[k] = "c" + (k + 1);
    }
    return result;
  }

  /** Reference class: the first for even K, the last for odd K, so both ends are used. */
  static int referenceIndex(int numClasses) {
    return numClasses % 2 == 0 ? 0 : numClasses - 1;
  }

  private Pipeline pipeline(int numClasses, Gauge gauge, int smoothingIndex, MapFamily family) {
    int key = ((numClasses * GAUGES.length + gauge.ordinal()) * SMOOTHINGS.length
      + smoothingIndex) * FAMILIES.length + family.ordinal();
    Pipeline result = m_pipelines.get(key);
    if (result == null) {
      double smoothing = SMOOTHINGS[smoothingIndex];
      SoftmaxInversion inversion = new SoftmaxInversion(gauge, referenceIndex(numClasses),
        LOG_Z, smoothing, names(numClasses));
      CalibrationMap map = family.fitted() ? fittedMap(numClasses, gauge, family)
        : handMaps(numClasses)[family.ordinal()];
      result = new Pipeline(inversion, map, "K = " + numClasses + ", gauge " + gauge
        + ", smoothing " + smoothing + ", map " + family);
      Pipeline previous = m_pipelines.putIfAbsent(key, result);
      result = previous == null ? result : previous;
    }
    return result;
  }

  /**
   * Hand-made maps for K classes, including the extreme scales 100 and 1e-3,
   * offsets of +-50, and an isotonic map with steps of exactly 0 and 1.
   */
  private CalibrationMap[] handMaps(int numClasses) {
    return m_handMaps.computeIfAbsent(numClasses, k -> {
      Random random = new Random(SEED + k);
      double[] offsets = {-50, -3, 0.7, 50};
      double[] scales = {100, 1e-3, 2.5, 0.4};
      double[] perClassScales = new double[k];
      double[] perClassOffsets = new double[k];
      for (int c = 0; c < k; c++) {
        perClassScales[c] = Math.pow(10, -3 + 5 * random.nextDouble());
        perClassOffsets[c] = -20 + 40 * random.nextDouble();
      }
      CalibrationMap[] maps = new CalibrationMap[FAMILIES.length];
      maps[MapFamily.NONE.ordinal()] = LinearCalibration.identity(k);
      maps[MapFamily.HAND_OFFSET.ordinal()] =
        LinearCalibration.shared(k, 1, offsets[random.nextInt(offsets.length)]);
      maps[MapFamily.HAND_SHARED.ordinal()] = LinearCalibration.shared(k,
        scales[random.nextInt(scales.length)], offsets[random.nextInt(offsets.length)]);
      maps[MapFamily.HAND_PER_CLASS.ordinal()] =
        LinearCalibration.perClass(perClassScales, perClassOffsets);
      maps[MapFamily.HAND_ISOTONIC.ordinal()] = stepIsotonic(k);
      return maps;
    });
  }

  /**
   * Fits an isotonic map whose class-c steps start at -5, -1, 0, 1, 5 (shifted by 0.1 c) with
   * values 0, 0, 0.5, 1, 1: PAV keeps them as they are, because they never decrease.
   */
  private static IsotonicCalibration stepIsotonic(int numClasses) {
    double[] starts = {-5, -1, 0, 1, 5};
    double[] values = {0, 0, 0.5, 1, 1};
    CalibrationData data = new CalibrationData(numClasses);
    for (int i = 0; i < starts.length; i++) {
      double[] logits = new double[numClasses];
      double[] targets = new double[numClasses];
      for (int c = 0; c < numClasses; c++) {
        logits[c] = starts[i] + 0.1 * c;
        targets[c] = values[i];
      }
      data.add(logits, targets, 1);
    }
    return IsotonicCalibration.fit(data, data.targets());
  }

  /**
   * Returns a map fitted on 60 + K calibration rows: Dirichlet(1) distributions without
   * zeros, each labelled with a class drawn from the distribution itself, so the fit is a
   * real one. The logits use smoothing 1e-4; a fitted map is a set of numbers, so the
   * rows scored with other smoothings use it as well, which keeps the fits few.
   */
  private CalibrationMap fittedMap(int numClasses, Gauge gauge, MapFamily family) {
    String key = numClasses + "/" + gauge + "/" + family;
    return m_fittedMaps.computeIfAbsent(key, k -> fit(numClasses, gauge, family));
  }

  private static CalibrationMap fit(int numClasses, Gauge gauge, MapFamily family) {
    SoftmaxInversion inversion = new SoftmaxInversion(gauge, referenceIndex(numClasses),
      LOG_Z, 1e-4, names(numClasses));
    Random random = new Random(SEED * 31 + numClasses);
    CalibrationData data = new CalibrationData(numClasses);
    for (int i = 0; i < 60 + numClasses; i++) {
      double[] y = new double[numClasses];
      double sum = 0;
      for (int k = 0; k < numClasses; k++) {
        y[k] = -Math.log(1 - random.nextDouble()) + 1e-9;
        sum += y[k];
      }
      double u = random.nextDouble() * sum;
      int label = numClasses - 1;
      for (int k = 0; k < numClasses; k++) {
        u -= y[k];
        if (u < 0) {
          label = k;
          break;
        }
      }
      data.addSingleLabel(inversion.logits(y), label, 1);
    }
    Calibrator calibrator;
    switch (family) {
      case FITTED_OFFSET:
        calibrator = Calibrator.OFFSET;
        break;
      case FITTED_SHARED:
        calibrator = Calibrator.SHARED;
        break;
      case FITTED_PER_CLASS:
        calibrator = Calibrator.PER_CLASS;
        break;
      default:
        calibrator = Calibrator.ISOTONIC;
    }
    return calibrator.fit(data, new Calibrator.Settings(SoftmaxToSigmoid.DEFAULT_RIDGE, false, 5),
      names(numClasses), new ArrayList<>());
  }

  /** Returns the largest K with fitted maps that is at most the given K. */
  private static int fittedSize(int numClasses) {
    int result = FITTED_SIZES[0];
    for (int size : FITTED_SIZES) {
      if (size <= numClasses) {
        result = size;
      }
    }
    return result;
  }

  private static void check(boolean condition, String property, double[] y, String where) {
    if (!condition) {
      fail(property + " fails for y = " + Arrays.toString(y) + " with " + where);
    }
  }

  /** Tells whether the gauge needs the logarithm of a zero probability (smoothing 0 only). */
  private static boolean expectsRejection(SoftmaxInversion inversion, double[] y) {
    if (inversion.smoothing() > 0) {
      return false;
    }
    double[] p = inversion.normalize(y);
    if (inversion.gauge() == Gauge.REFERENCE) {
      return p[inversion.referenceIndex()] == 0;
    }
    if (inversion.gauge() != Gauge.CENTERED) {
      return false;
    }
    for (double value : p) {
      if (value == 0) {
        return true;
      }
    }
    return false;
  }

  private static double[] calibrated(CalibrationMap map, double[] logits) {
    double[] result = new double[logits.length];
    for (int k = 0; k < logits.length; k++) {
      result[k] = map.calibratedLogit(k, logits[k]);
    }
    return result;
  }

  /**
   * Scores one row with one pipeline and checks properties 1 to 4.
   *
   * @return the calibrated logits, or null if the row is missing or rejected
   */
  private static double[] scoreAndCheck(double[] y, boolean valid, Pipeline pipeline,
    Counts counts) {
    SoftmaxInversion inversion = pipeline.inversion;
    String where = pipeline.description;
    boolean rejection = valid && expectsRejection(inversion, y);
    double[] logits;
    try {
      logits = inversion.logits(y);
    } catch (IllegalArgumentException e) {
      check(rejection, "no rejection of a scorable row", y, where);
      check(e.getMessage().contains(inversion.gauge().toString()),
        "rejection names the gauge", y, where);
      check(REJECTION.matcher(e.getMessage()).lookingAt(), "rejection names the class", y,
        where);
      counts.rejectedPairs++;
      return null;
    }
    check(!rejection, "rejection of a zero probability", y, where);
    if (!valid) {
      check(logits == null, "missing logits for an invalid row", y, where);
      return null;
    }
    check(logits != null, "logits for a valid row", y, where);

    double[] z = calibrated(pipeline.map, logits);
    double[] scores = SoftmaxToSigmoid.scoresFromLogits(z);
    double[] labels = LabelSets.threshold(scores, 0.5, false);
    for (int k = 0; k < y.length; k++) {
      check(!Double.isNaN(logits[k]), "gauge logit not NaN", y, where);
      check(inversion.smoothing() == 0 || Double.isFinite(logits[k]),
        "finite gauge logit with smoothing", y, where);
      check(!Double.isNaN(z[k]), "calibrated logit not NaN", y, where);
      check(scores[k] >= 0 && scores[k] <= 1, "score in [0, 1]", y, where);
      check(labels[k] == (scores[k] >= 0.5 ? 1 : 0), "label 1 exactly at score >= 0.5", y,
        where);
    }
    if (pipeline.sharedLinear) {
      checkRowOrder(y, inversion.normalize(y), z, scores, where);
    }
    counts.scoredPairs++;
    return z;
  }

  /** Property 4: within a row, a shared map keeps the order of the raw entries. */
  private static void checkRowOrder(double[] y, double[] p, double[] z, double[] scores,
    String where) {
    int[] order = ascendingOrder(p);
    for (int position = 1; position < order.length; position++) {
      int lower = order[position - 1];
      int higher = order[position];
      if (p[lower] == p[higher]) {
        check(z[lower] == z[higher], "equal logits for equal entries", y, where);
        check(scores[lower] == scores[higher], "equal scores for equal entries", y, where);
      } else {
        check(z[lower] <= z[higher], "logit order follows the entries", y, where);
        // The two branches of the sigmoid may differ by one unit in the last place at 0.5.
        check(scores[lower] <= scores[higher] + 1e-15, "score order follows the entries", y,
          where);
      }
    }
  }

  /** Returns the indices of p in ascending order of p, by insertion sort (K is small). */
  private static int[] ascendingOrder(double[] p) {
    int[] order = new int[p.length];
    for (int k = 0; k < p.length; k++) {
      int position = k;
      while (position > 0 && p[order[position - 1]] > p[k]) {
        order[position] = order[position - 1];
        position--;
      }
      order[position] = k;
    }
    return order;
  }

  /** Property 5: raising y_k with the other entries fixed never lowers x_k or z_k. */
  private static void checkRaisingOneEntry(double[] y, int k, Pipeline pipeline, Counts counts) {
    double max = 0;
    for (double value : y) {
      max = Math.max(max, value);
    }
    double[] raised = y.clone();
    raised[k] = y[k] + Math.max(y[k], 1e-3 * max);
    if (Double.isInfinite(raised[k])) {
      return;
    }
    double[] before;
    double[] after;
    try {
      before = pipeline.inversion.logits(y);
      after = pipeline.inversion.logits(raised);
    } catch (IllegalArgumentException e) {
      // A subnormal entry can fall to 0 when the sum grows; property 2 covers that.
      return;
    }
    String where = pipeline.description;
    double tolerance = Double.isInfinite(before[k]) ? 0 : 1e-12 * (1 + Math.abs(before[k]));
    check(after[k] >= before[k] - tolerance, "raising an entry never lowers its gauge logit", y,
      where);
    if (after[k] >= before[k]) {
      check(pipeline.map.calibratedLogit(k, after[k]) >= pipeline.map.calibratedLogit(k, before[k]),
        "raising an entry never lowers its calibrated logit", y, where);
    }
    counts.monotoneChecks++;
  }

  /** Property 6: scaling a row by 2^m inside the normal range changes no score bit. */
  private static void checkPowerOfTwoScaling(double[] y, int exponent, Pipeline pipeline,
    double[] z, Counts counts) {
    double scale = Math.scalb(1.0, exponent);
    double sum = 0;
    for (double value : y) {
      if (value != 0 && (value < Double.MIN_NORMAL || value * scale < Double.MIN_NORMAL)) {
        return;
      }
      sum += value;
    }
    if (!(sum * scale < 1e300) || !(sum < 1e300)) {
      return;
    }
    double[] scaled = new double[y.length];
    for (int k = 0; k < y.length; k++) {
      scaled[k] = y[k] * scale;
    }
    double[] zScaled = calibrated(pipeline.map, pipeline.inversion.logits(scaled));
    for (int k = 0; k < y.length; k++) {
      check(Double.doubleToLongBits(zScaled[k]) == Double.doubleToLongBits(z[k]),
        "scaling by a power of two keeps every logit", y, pipeline.description);
    }
    counts.scalingChecks++;
  }

  /** Runs one seeded chunk of the million rows; chunks are independent of the thread count. */
  private Counts runChunk(int chunk, int numRows) {
    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    FuzzedDistributions generator = new FuzzedDistributions(SEED + 1000 + chunk);
    Counts counts = new Counts();
    for (int i = 0; i < numRows; i++) {
      MapFamily family = FAMILIES[i % FAMILIES.length];
      int smoothingIndex = (i / FAMILIES.length) % SMOOTHINGS.length;
      int numClasses = generator.nextNumClasses();
      if (family.fitted()) {
        numClasses = fittedSize(numClasses);
      }
      double[] y = generator.next(numClasses);
      boolean valid = FuzzedDistributions.isValid(y);
      counts.rows++;
      counts.validRows += valid ? 1 : 0;

      Gauge extraChecks = GAUGES[i % GAUGES.length];
      for (Gauge gauge : GAUGES) {
        Pipeline pipeline = pipeline(numClasses, gauge, smoothingIndex, family);
        double[] z = scoreAndCheck(y, valid, pipeline, counts);
        if (z != null && gauge == extraChecks) {
          checkRaisingOneEntry(y, generator.nextIndex(numClasses), pipeline, counts);
          checkPowerOfTwoScaling(y, generator.nextIndex(121) - 60, pipeline, z, counts);
        }
      }
    }
    counts.cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
    return counts;
  }

  @Test
  void millionRowsKeepScoreInvariants() throws Exception {
    long start = System.nanoTime();
    int numChunks = 8;
    ExecutorService executor = Executors.newFixedThreadPool(
      Math.min(numChunks, Runtime.getRuntime().availableProcessors()));
    List<Future<Counts>> futures = new ArrayList<>();
    for (int chunk = 0; chunk < numChunks; chunk++) {
      final int c = chunk;
      futures.add(executor.submit(() -> runChunk(c, CORE_ROWS / numChunks)));
    }

    Counts total = new Counts();
    try {
      for (Future<Counts> future : futures) {
        Counts counts = future.get();
        total.rows += counts.rows;
        total.validRows += counts.validRows;
        total.scoredPairs += counts.scoredPairs;
        total.rejectedPairs += counts.rejectedPairs;
        total.monotoneChecks += counts.monotoneChecks;
        total.scalingChecks += counts.scalingChecks;
        total.cpuNanos += counts.cpuNanos;
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError) {
        throw (AssertionError) e.getCause();
      }
      throw e;
    } finally {
      executor.shutdownNow();
    }

    double seconds = (System.nanoTime() - start) / 1e9;
    LOGGER.info(String.format("%d rows (%d valid), %d scored (row, gauge) pairs, %d rejected, "
      + "%d monotonicity and %d scaling checks, %d pipelines, in %.1f s (%.1f s CPU)",
      total.rows, total.validRows, total.scoredPairs, total.rejectedPairs,
      total.monotoneChecks, total.scalingChecks, m_pipelines.size(), seconds,
      total.cpuNanos / 1e9));
    assertEquals(CORE_ROWS, total.rows);
    assertTrue(total.rejectedPairs > 0, "the run reaches the smoothing-0 rejections");
    assertTrue(total.validRows < total.rows, "the run reaches invalid rows");
  }

  // ------------------------------------------------------------ trained models

  /** Header with K numeric attributes p1..pK, read by the stub base, and a class. */
  private static Instances header(int numClasses) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int k = 0; k < numClasses; k++) {
      attributes.add(new Attribute("p" + (k + 1)));
    }
    attributes.add(new Attribute("cls", Arrays.asList(names(numClasses))));
    Instances data = new Instances("fuzz", attributes, 0);
    data.setClassIndex(numClasses);
    return data;
  }

  private static Instance row(Instances header, double[] y, double classValue) {
    double[] values = Arrays.copyOf(y, y.length + 1);
    values[y.length] = classValue;
    Instance instance = new DenseInstance(1, values);
    instance.setDataset(header);
    return instance;
  }

  /** 40 training rows without zeros, labelled from their own distribution. */
  private static Instances trainingData(int numClasses, Random random) {
    Instances data = header(numClasses);
    for (int i = 0; i < 40; i++) {
      double[] y = new double[numClasses];
      double sum = 0;
      for (int k = 0; k < numClasses; k++) {
        y[k] = -Math.log(1 - random.nextDouble()) + 1e-9;
        sum += y[k];
      }
      int label = i % numClasses;
      double u = random.nextDouble() * sum;
      for (int k = 0; k < numClasses; k++) {
        u -= y[k];
        if (u < 0) {
          label = k;
          break;
        }
      }
      data.add(row(data, y, label));
    }
    return data;
  }

  @Test
  void trainedModelsKeepScoreInvariants() throws Exception {
    // Every gauge x calibrator x smoothing for K = 2, 3, 7 and 30, trained through the
    // meta-classifier with the stub base, which returns the row itself as distribution.
    int[] sizes = {2, 3, 7, 30};
    String[] calibrators = {"none", "offset", "shared", "per-class", "isotonic"};
    FuzzedDistributions generator = new FuzzedDistributions(SEED + 1);
    Random random = new Random(SEED + 2);

    long rows = 0;
    long rejected = 0;
    long allScoresZero = 0;
    for (int numClasses : sizes) {
      Instances training = trainingData(numClasses, random);
      for (Gauge gauge : GAUGES) {
        for (String calibrator : calibrators) {
          for (double smoothing : new double[] {0, 1e-4}) {
            SoftmaxToSigmoid model = new SoftmaxToSigmoid();
            model.setOptions(Utils.splitOptions("-gauge " + gauge + " -calibrator "
              + calibrator + " -smoothing " + smoothing + " -calibration-source training"
              + " -reference-class " + (referenceIndex(numClasses) + 1) + " -log-z " + LOG_Z));
            model.setClassifier(new AttributeDistributionClassifier());
            model.buildClassifier(training);
            String where = gauge + "/" + calibrator + "/" + smoothing + "/K=" + numClasses;
            for (int i = 0; i < MODEL_ROWS_PER_CONFIGURATION; i++) {
              double[] y = generator.next(numClasses);
              rows++;
              Outcome outcome = checkModel(model, training, y, where);
              rejected += outcome == Outcome.REJECTED ? 1 : 0;
              allScoresZero += outcome == Outcome.ALL_SCORES_ZERO ? 1 : 0;
            }
          }
        }
      }
    }

    LOGGER.info(rows + " rows scored by trained models, " + rejected + " rejected, "
      + allScoresZero + " with every score exactly 0");
    assertTrue(rejected > 0, "the run reaches the smoothing-0 rejections");
    assertTrue(allScoresZero > 0, "the run reaches rows whose isotonic scores are all 0");
  }

  /** What a trained model did with a row. */
  private enum Outcome { REJECTED, MISSING, SCORED, ALL_SCORES_ZERO }

  /** Checks the model's logits, scores, label set and distribution for one row. */
  private static Outcome checkModel(SoftmaxToSigmoid model, Instances header, double[] y,
    String where) throws Exception {
    boolean valid = FuzzedDistributions.isValid(y);
    Instance instance = row(header, y, Utils.missingValue());
    boolean rejection = valid && expectsRejection(model.getInversion(), y);
    double[] z;
    try {
      z = model.logits(instance);
    } catch (weka.core.WekaException e) {
      check(rejection, "no rejection of a scorable row", y, where);
      check(e.getMessage().startsWith("Instance "), "rejection names the instance", y, where);
      return Outcome.REJECTED;
    }
    check(!rejection, "rejection of a zero probability", y, where);
    double[] scores = SoftmaxToSigmoid.scoresFromLogits(z);
    double[] labels = model.labelSetFromScores(scores);
    double[] distribution = model.distributionForInstance(instance);
    if (!valid) {
      for (int k = 0; k < y.length; k++) {
        check(Double.isNaN(z[k]), "missing logit for an invalid row", y, where);
        check(Double.isNaN(scores[k]), "missing score for an invalid row", y, where);
        check(Double.isNaN(labels[k]), "missing label for an invalid row", y, where);
        check(distribution[k] == 0, "zero distribution for an invalid row", y, where);
      }
      check(Utils.isMissingValue(model.classifyInstance(instance)),
        "missing class for an invalid row", y, where);
      return Outcome.MISSING;
    }
    double sum = 0;
    double maxLogit = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < y.length; k++) {
      check(!Double.isNaN(z[k]), "calibrated logit not NaN", y, where);
      check(scores[k] >= 0 && scores[k] <= 1, "score in [0, 1]", y, where);
      check(labels[k] == 0 || labels[k] == 1, "label 0 or 1", y, where);
      check(distribution[k] >= 0 && distribution[k] <= 1, "distribution entry in [0, 1]", y,
        where);
      sum += distribution[k];
      maxLogit = Math.max(maxLogit, z[k]);
    }
    check(Math.abs(sum - 1) < 1e-12, "distribution sums to 1", y, where);
    if (maxLogit == Double.NEGATIVE_INFINITY) {
      SoftmaxInversion inversion = model.getInversion();
      check(Arrays.equals(distribution, inversion.smooth(inversion.normalize(y))),
        "scores of exactly 0 give the smoothed base distribution", y, where);
      return Outcome.ALL_SCORES_ZERO;
    }
    return Outcome.SCORED;
  }
}
