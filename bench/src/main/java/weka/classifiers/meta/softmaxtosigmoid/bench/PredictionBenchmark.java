package weka.classifiers.meta.softmaxtosigmoid.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import weka.classifiers.Classifier;
import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.classifiers.meta.softmaxtosigmoid.LogisticMath;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * distributionForInstance of a trained SoftmaxToSigmoid next to that of its own
 * trained base RandomForest (100 trees, Weka's default) on LetterRecognition,
 * 26 classes. Both read the same test instances in the same order, so the ratio
 * of the two scores estimates the overhead of the gauge, calibration and sigmoid,
 * within the fork-to-fork variance of the JIT-compiled tree code.
 *
 * <p>The data file comes from the system property {@code bench.letter}
 * (default {@code ../../shared/data/uci/mlbench-LetterRecognition.arff}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PredictionBenchmark {

  /** Number of held-out instances that the methods predict in turn. */
  static final int NUM_TEST = 2000;

  private SoftmaxToSigmoid m_wrapped;

  private Classifier m_base;

  private Instance[] m_test;

  /** The base distribution of each test instance, for the overhead alone. */
  private double[][] m_baseDistributions;

  private int m_next;

  @Setup
  public void setUp() throws Exception {
    String path = System.getProperty("bench.letter",
      "../../shared/data/uci/mlbench-LetterRecognition.arff");
    Instances data = DataSource.read(path);
    data.setClassIndex(data.numAttributes() - 1);
    data.randomize(new Random(1));
    Instances train = new Instances(data, 0, data.numInstances() - NUM_TEST);
    Instances test = new Instances(data, data.numInstances() - NUM_TEST, NUM_TEST);

    m_wrapped = new SoftmaxToSigmoid();
    m_wrapped.setOptions(Utils.splitOptions("-calibration-source holdout -calibrator shared "
      + "-W weka.classifiers.trees.RandomForest"));
    m_wrapped.buildClassifier(train);
    m_base = m_wrapped.getClassifier();
    m_test = test.toArray(new Instance[0]);
    m_baseDistributions = new double[m_test.length][];
    for (int i = 0; i < m_test.length; i++) {
      m_baseDistributions[i] = m_base.distributionForInstance(m_test[i]);
    }
    if (Boolean.parseBoolean(System.getProperty("bench.warmBoth", "true"))) {
      warmBothPaths();
    }
  }

  /**
   * Calls the base model and the wrapper on every test instance, alternately, before
   * JMH's own warm-up, so that both methods start from the same profile.
   * {@code -Dbench.warmBoth=false} skips it. NOTE: fork means still varied from 118 to
   * 145 us for the base alone, so compare means over many forks or use
   * {@link PairedPredictionTiming}.
   */
  private void warmBothPaths() throws Exception {
    for (int round = 0; round < 5; round++) {
      for (Instance instance : m_test) {
        m_base.distributionForInstance(instance);
        m_wrapped.distributionForInstance(instance);
      }
    }
  }

  private Instance nextInstance() {
    Instance instance = m_test[m_next];
    m_next = m_next + 1 == m_test.length ? 0 : m_next + 1;
    return instance;
  }

  @Benchmark
  public double[] baseRandomForest() throws Exception {
    return m_base.distributionForInstance(nextInstance());
  }

  @Benchmark
  public double[] softmaxToSigmoid() throws Exception {
    return m_wrapped.distributionForInstance(nextInstance());
  }

  /**
   * Runs the steps distributionForInstance takes after the base call (inversion,
   * calibration, sigmoid and normalisation) on stored base distributions. Its time
   * is the overhead alone, free of the base model's variance.
   */
  @Benchmark
  public double[] overheadOnly() throws Exception {
    double[] base = m_baseDistributions[m_next];
    m_next = m_next + 1 == m_test.length ? 0 : m_next + 1;
    return m_wrapped.distributionForBaseDistribution(base);
  }

  /**
   * Runs the same steps with the log-space normalisation (log-sigmoid, then softmax)
   * that distributionForInstance once used for every instance and now keeps for scores
   * near underflow. It costs two more exponentials and a logarithm per class, and
   * this method measures what the direct division saves.
   */
  @Benchmark
  public double[] overheadLogSpaceNormalisation() throws Exception {
    double[] base = m_baseDistributions[m_next];
    m_next = m_next + 1 == m_test.length ? 0 : m_next + 1;
    double[] logits = m_wrapped.logitsForDistribution(base);
    double[] logScores = new double[logits.length];
    for (int k = 0; k < logits.length; k++) {
      logScores[k] = LogisticMath.logSigmoid(logits[k]);
    }
    return LogisticMath.softmax(logScores);
  }
}
