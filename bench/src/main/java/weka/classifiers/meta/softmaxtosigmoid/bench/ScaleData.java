package weka.classifiers.meta.softmaxtosigmoid.bench;

import java.io.BufferedWriter;
import java.io.FileWriter;
import java.io.IOException;
import java.util.Locale;
import java.util.Random;

/**
 * Writes an ARFF file of n rows with 10 probability columns distribution_c0 ..
 * distribution_c9 (softmax of Gaussian logits, 6 decimals, each row summing to 1
 * within 5e-6) and a nominal class.
 *
 * <p>Usage: {@code ScaleData <output.arff> <rows>}.
 */
public final class ScaleData {

  private static final int NUM_CLASSES = 10;

  private ScaleData() {
  }

  public static void main(String[] args) throws IOException {
    long rows = Long.parseLong(args[1]);
    Random random = new Random(1);
    try (BufferedWriter out = new BufferedWriter(new FileWriter(args[0]), 1 << 20)) {
      out.write("@relation scale\n\n");
      StringBuilder classValues = new StringBuilder();
      for (int k = 0; k < NUM_CLASSES; k++) {
        out.write("@attribute distribution_c" + k + " numeric\n");
        classValues.append(k == 0 ? "" : ",").append('c').append(k);
      }
      out.write("@attribute cls {" + classValues + "}\n\n@data\n");
      double[] y = new double[NUM_CLASSES];
      StringBuilder line = new StringBuilder();
      for (long i = 0; i < rows; i++) {
        int label = random.nextInt(NUM_CLASSES);
        double sum = 0;
        for (int k = 0; k < NUM_CLASSES; k++) {
          y[k] = Math.exp(1.5 * random.nextGaussian() + (k == label ? 2 : 0));
          sum += y[k];
        }
        line.setLength(0);
        for (int k = 0; k < NUM_CLASSES; k++) {
          line.append(String.format(Locale.ROOT, "%.6f", y[k] / sum)).append(',');
        }
        line.append('c').append(label).append('\n');
        out.write(line.toString());
      }
    }
  }
}
