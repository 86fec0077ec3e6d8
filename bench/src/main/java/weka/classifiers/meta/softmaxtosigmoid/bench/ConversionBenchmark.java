package weka.classifiers.meta.softmaxtosigmoid.bench;

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

import weka.classifiers.meta.softmaxtosigmoid.Gauge;
import weka.classifiers.meta.softmaxtosigmoid.LabelSetRule;
import weka.classifiers.meta.softmaxtosigmoid.LinearCalibration;
import weka.classifiers.meta.softmaxtosigmoid.ProbabilityConversion;
import weka.classifiers.meta.softmaxtosigmoid.SoftmaxInversion;
import weka.classifiers.meta.softmaxtosigmoid.ThresholdRule;

/**
 * Time to convert one row of K class probabilities: the sum check, smoothing,
 * centered gauge, shared calibration, sigmoid and fixed-threshold label set,
 * as ProbabilitiesToSigmoid does per instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConversionBenchmark {

  private static final int ROWS = 1024;

  @Param({"2", "10", "26", "100"})
  public int numClasses;

  private double[][] m_rows;

  private ProbabilityConversion m_conversion;

  private double[] m_logits;

  private double[] m_scores;

  private double[] m_labels;

  private int m_next;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    m_rows = new double[ROWS][numClasses];
    for (double[] row : m_rows) {
      double sum = 0;
      for (int k = 0; k < numClasses; k++) {
        row[k] = Math.exp(2 * random.nextGaussian());
        sum += row[k];
      }
      for (int k = 0; k < numClasses; k++) {
        row[k] /= sum;
      }
    }
    String[] names = new String[numClasses];
    for (int k = 0; k < numClasses; k++) {
      names[k] = "c" + k;
    }
    SoftmaxInversion inversion = new SoftmaxInversion(Gauge.CENTERED, numClasses - 1, 0, 1e-4,
      names);
    m_conversion = ProbabilityConversion.forDistributions(inversion,
      LinearCalibration.shared(numClasses, 1.3, -0.2),
      LabelSetRule.uniform(ThresholdRule.FIXED, numClasses, 0.5, false), names, 1e-3, false);
    m_logits = new double[numClasses];
    m_scores = new double[numClasses];
    m_labels = new double[numClasses];
  }

  @Benchmark
  public double convertRow() {
    double[] row = m_rows[m_next];
    m_next = (m_next + 1) & (ROWS - 1);
    m_conversion.convert(row, 1, m_logits, m_scores, m_labels);
    return m_scores[0] + m_labels[0];
  }
}
