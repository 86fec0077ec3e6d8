package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * The per-row work of ProbabilitiesToSigmoid, {@link ProbabilityConversion#convert}, shares
 * one conversion between threads: 8 threads must reproduce a sequential run bit for bit.
 */
class ConcurrentConversionTest {

  private static final int ROWS = 20000;

  private static final int CLASSES = 5;

  private static double[][] rows() {
    Random random = new Random(7);
    double[][] result = new double[ROWS][CLASSES];
    for (int i = 0; i < ROWS; i++) {
      double sum = 0;
      for (int k = 0; k < CLASSES; k++) {
        result[i][k] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
        sum += result[i][k];
      }
      for (int k = 0; k < CLASSES; k++) {
        result[i][k] = sum > 0 ? result[i][k] / sum : 1.0 / CLASSES;
      }
    }
    return result;
  }

  /** Converts rows from..to-1; each row's logits, scores and labels follow one another. */
  private static double[][] convert(ProbabilityConversion conversion, double[][] rows, int from,
    int to) {
    double[][] result = new double[to - from][3 * CLASSES];
    for (int i = from; i < to; i++) {
      double[] logits = new double[CLASSES];
      double[] scores = new double[CLASSES];
      double[] labels = new double[CLASSES];
      conversion.convert(rows[i], i + 1, logits, scores, labels);
      System.arraycopy(logits, 0, result[i - from], 0, CLASSES);
      System.arraycopy(scores, 0, result[i - from], CLASSES, CLASSES);
      System.arraycopy(labels, 0, result[i - from], 2 * CLASSES, CLASSES);
    }
    return result;
  }

  @Test
  void eightThreadsMatchSequentialRun() throws Exception {
    String[] names = {"a", "b", "c", "d", "e"};
    double[] scales = {1.5, 0.8, 1.1, 2.0, 0.6};
    double[] offsets = {-1, 0.3, 0, -0.2, 0.9};
    ProbabilityConversion conversion = ProbabilityConversion.forDistributions(
      new SoftmaxInversion(Gauge.CENTERED, 0, 0, 1e-4, names),
      LinearCalibration.perClass(scales, offsets),
      LabelSetRule.uniform(ThresholdRule.FIXED, CLASSES, 0.5, true), names, 1e-3, false);
    double[][] rows = rows();
    double[][] sequential = convert(conversion, rows, 0, ROWS);

    int threads = 8;
    int chunk = ROWS / threads;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<double[][]>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int from = t * chunk;
        int to = t == threads - 1 ? ROWS : from + chunk;
        tasks.add(() -> convert(conversion, rows, from, to));
      }
      List<Future<double[][]>> futures = executor.invokeAll(tasks);
      int row = 0;
      for (Future<double[][]> future : futures) {
        for (double[] converted : future.get()) {
          assertArrayEquals(sequential[row], converted, 0.0, "row " + (row + 1));
          row++;
        }
      }
      assertEquals(ROWS, row);
    } finally {
      executor.shutdownNow();
    }
  }
}
