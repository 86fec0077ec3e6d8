package weka.classifiers.meta.softmaxtosigmoid.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Times the base RandomForest and the wrapping SoftmaxToSigmoid in one JVM, in
 * alternating blocks over the same 2,000 LetterRecognition test instances, with the
 * model and data of {@link PredictionBenchmark}.
 *
 * <p>JMH measures the two methods in separate forks, and on the build machine the mean of a
 * fork varied by about 20 % for the same method, more than the wrapper adds. Here both
 * paths share one compiled tree code and one heap, so each block pair gives a ratio
 * free of that variance. The order within a pair alternates to cancel drift.
 *
 * <p>Usage: {@code PairedPredictionTiming [rounds] [warm-up rounds]} (default 30 and
 * 10), with {@code -Dbench.letter=<arff>} as for the JMH benchmark. Prints each
 * measured pair and the median of the ratios.
 */
public final class PairedPredictionTiming {

  private PairedPredictionTiming() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    PredictionBenchmark benchmark = new PredictionBenchmark();
    benchmark.setUp();

    int block = PredictionBenchmark.NUM_TEST;
    double[] ratios = new double[rounds];
    double sink = 0;

    for (int round = -warmUp; round < rounds; round++) {
      boolean baseFirst = (round & 1) == 0;
      long baseNanos = 0;
      long wrappedNanos = 0;
      for (int part = 0; part < 2; part++) {
        boolean base = baseFirst == (part == 0);
        long start = System.nanoTime();
        for (int i = 0; i < block; i++) {
          double[] distribution = base ? benchmark.baseRandomForest()
            : benchmark.softmaxToSigmoid();
          sink += distribution[0];
        }
        long elapsed = System.nanoTime() - start;
        if (base) {
          baseNanos = elapsed;
        } else {
          wrappedNanos = elapsed;
        }
      }

      if (round >= 0) {
        ratios[round] = (double) wrappedNanos / baseNanos;
        System.out.println(String.format(Locale.ROOT,
          "round %d: base %.1f us, wrapped %.1f us per instance, ratio %.3f", round + 1,
          baseNanos / 1e3 / block, wrappedNanos / 1e3 / block, ratios[round]));
      }
    }

    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    double median = rounds % 2 == 1 ? sorted[rounds / 2]
      : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
    System.out.println(String.format(Locale.ROOT,
      "median ratio wrapped / base over %d rounds: %.3f (min %.3f, max %.3f; checksum %.3f)",
      rounds, median, sorted[0], sorted[rounds - 1], sink));
  }
}
