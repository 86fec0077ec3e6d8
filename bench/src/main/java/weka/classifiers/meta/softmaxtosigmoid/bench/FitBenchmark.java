package weka.classifiers.meta.softmaxtosigmoid.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import weka.classifiers.meta.softmaxtosigmoid.CalibrationData;
import weka.classifiers.meta.softmaxtosigmoid.CalibrationMap;
import weka.classifiers.meta.softmaxtosigmoid.Calibrator;
import weka.classifiers.meta.softmaxtosigmoid.Gauge;
import weka.classifiers.meta.softmaxtosigmoid.LogisticFit;
import weka.classifiers.meta.softmaxtosigmoid.SoftmaxInversion;

/**
 * Calibration fits on a calibration set of 10^4, 10^5 and 10^6 (instance, class)
 * pairs with K = 10 classes, and one evaluation of the negative log-likelihood
 * over the same pairs, whose time is the unit of the fit-cost ratio.
 *
 * <p>The base distributions are softmax outputs of Gaussian logits whose true
 * class has its logit raised by 2, inverted under the centered gauge with
 * smoothing 1e-4, as SoftmaxToSigmoid does before fitting.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FitBenchmark {

  private static final int NUM_CLASSES = 10;

  @Param({"10000", "100000", "1000000"})
  public int pairs;

  private CalibrationData m_data;

  private String[] m_classNames;

  private double[][] m_flatPairs;

  private Calibrator.Settings m_settings;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    m_classNames = new String[NUM_CLASSES];
    for (int k = 0; k < NUM_CLASSES; k++) {
      m_classNames[k] = "c" + k;
    }
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.CENTERED, NUM_CLASSES - 1, 0,
      1e-4, m_classNames);
    m_data = new CalibrationData(NUM_CLASSES);
    for (int i = 0; i < pairs / NUM_CLASSES; i++) {
      int label = random.nextInt(NUM_CLASSES);
      double[] y = new double[NUM_CLASSES];
      double sum = 0;
      for (int k = 0; k < NUM_CLASSES; k++) {
        y[k] = Math.exp(1.5 * random.nextGaussian() + (k == label ? 2 : 0));
        sum += y[k];
      }
      for (int k = 0; k < NUM_CLASSES; k++) {
        y[k] /= sum;
      }
      m_data.addSingleLabel(inversion.logits(y), label, 1);
    }
    m_flatPairs = m_data.pairs();
    m_settings = new Calibrator.Settings(1e-2, false, 5);
  }

  private CalibrationMap fit(Calibrator calibrator) {
    List<String> warnings = new ArrayList<String>();
    return calibrator.fit(m_data, m_settings, m_classNames, warnings);
  }

  @Benchmark
  public CalibrationMap sharedFit() {
    return fit(Calibrator.SHARED);
  }

  @Benchmark
  public CalibrationMap perClassFit() {
    return fit(Calibrator.PER_CLASS);
  }

  @Benchmark
  public CalibrationMap isotonicFit() {
    return fit(Calibrator.ISOTONIC);
  }

  @Benchmark
  public double negativeLogLikelihood() {
    return LogisticFit.negativeLogLikelihood(m_flatPairs[0], m_flatPairs[1], m_flatPairs[2],
      1, 0);
  }
}
