package weka.classifiers.meta.softmaxtosigmoid.bench;

import java.util.Locale;

import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Wall time of SoftmaxToSigmoid.buildClassifier with 5-fold internal
 * cross-validation of RandomForest (100 trees) on LetterRecognition, with 1 and
 * with 2 execution slots, alternated so that both see the same machine state.
 *
 * <p>Usage: {@code SlotTiming <arff file> [repetitions]}; prints one line per run
 * and the ratio of the median times.
 */
public final class SlotTiming {

  private SlotTiming() {
  }

  public static void main(String[] args) throws Exception {
    Instances data = DataSource.read(args[0]);
    data.setClassIndex(data.numAttributes() - 1);
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    double[][] seconds = new double[2][repetitions];
    for (int r = 0; r < repetitions; r++) {
      for (int slots = 1; slots <= 2; slots++) {
        SoftmaxToSigmoid model = new SoftmaxToSigmoid();
        model.setOptions(Utils.splitOptions("-folds 5 -num-slots " + slots
          + " -W weka.classifiers.trees.RandomForest"));
        long start = System.nanoTime();
        model.buildClassifier(data);
        seconds[slots - 1][r] = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "run %d, %d slot(s): %.2f s", r + 1,
          slots, seconds[slots - 1][r]));
      }
    }
    double oneSlot = median(seconds[0]);
    double twoSlots = median(seconds[1]);
    System.out.println(String.format(Locale.ROOT, "median 1 slot %.2f s, 2 slots %.2f s, "
      + "ratio %.3f", oneSlot, twoSlots, twoSlots / oneSlot));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
