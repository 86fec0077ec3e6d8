package weka.classifiers.meta.softmaxtosigmoid.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the transfer benchmark on small MEKA files written by the test, with
 * fast base classifiers. The full runs on real data are started by bench/run-transfer.
 */
class TransferBenchmarkTest {

  @TempDir
  Path folder;

  /**
   * Writes a MEKA file: numLabels {0,1} labels (first, or last when labelsLast), a
   * numeric and a nominal feature, and rows whose labels follow the features with noise,
   * seed 3. Row 0 has no label and row 1 a missing label, so both are removed.
   */
  private File mekaFile(String name, int numLabels, int rows, boolean labelsLast)
    throws IOException {
    StringBuilder labels = new StringBuilder();
    for (int k = 0; k < numLabels; k++) {
      labels.append("@attribute L").append(k).append(" {0,1}\n");
    }
    String features = "@attribute x numeric\n@attribute colour {red,green,blue}\n";
    StringBuilder text = new StringBuilder("@relation '" + name + ": -C "
      + (labelsLast ? -numLabels : numLabels) + "'\n");
    text.append(labelsLast ? features + labels : labels + features).append("@data\n");
    Random random = new Random(3);
    String[] colours = {"red", "green", "blue"};
    for (int i = 0; i < rows; i++) {
      double x = random.nextGaussian() * 2;
      int colour = random.nextInt(3);
      String[] label = new String[numLabels];
      for (int k = 0; k < numLabels; k++) {
        boolean on = (k == colour % numLabels) || (x > k - 1 && random.nextDouble() < 0.3);
        label[k] = on ? "1" : "0";
        if (i == 0) {
          label[k] = "0";
        } else if (i == 1 && k == 0) {
          label[k] = "?";
        }
      }
      String featureValues = String.format(Locale.ROOT, "%.4f,%s", x, colours[colour]);
      String labelValues = String.join(",", label);
      text.append(labelsLast ? featureValues + "," + labelValues
        : labelValues + "," + featureValues).append('\n');
    }
    Path path = folder.resolve(name + ".arff");
    Files.write(path, text.toString().getBytes(StandardCharsets.UTF_8));
    return path.toFile();
  }

  private static List<String> expectedMethods(String best, int numLabels) {
    List<String> methods = new ArrayList<String>(Arrays.asList("top1", "softmax_raw",
      "softmax_tuned", "minmax", "unit", "centered"));
    for (String calibrator : new String[] {"offset", "shared", "per_class", "isotonic",
      "shared_platt"}) {
      methods.add(calibrator + "_sl");
      methods.add(calibrator + "_ml");
    }
    for (String rule : new String[] {"per_class_f1", "cardinality", "top1", "top2",
      "conformal"}) {
      methods.add(best + "+" + rule);
    }
    methods.add("binary_relevance");
    return methods;
  }

  /** Runs the benchmark through its command line and returns the CSV lines. */
  private List<String> runBenchmark(String... args) throws Exception {
    TransferBenchmark.Settings settings = TransferBenchmark.parse(args);
    PrintStream log = new PrintStream(new java.io.ByteArrayOutputStream(), true, "UTF-8");
    List<TransferBenchmark.Row> rows = TransferBenchmark.run(settings, log);
    TransferBenchmark.write(settings, rows);
    return Files.readAllLines(settings.output.toPath(), StandardCharsets.UTF_8);
  }

  private static void checkRows(List<String> lines, String dataset, String base,
    int numLabels) {
    assertEquals(TransferBenchmark.CSV_HEADER, lines.get(0));
    List<String> methods = new ArrayList<String>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      assertEquals(13, fields.length, line);
      assertEquals(dataset, fields[0], line);
      assertEquals(base, fields[1], line);
      methods.add(fields[2]);
      for (int column = 3; column < fields.length; column++) {
        double value = Double.parseDouble(fields[column]);
        assertTrue(Double.isFinite(value), line);
        assertTrue(value >= 0, line);
      }
      assertTrue(Double.parseDouble(fields[3]) <= 1, "brier " + line);
      assertTrue(Double.parseDouble(fields[10]) <= numLabels, "mean set size " + line);
      assertTrue(Double.parseDouble(fields[12]) <= 1, "coverage " + line);
    }
    String rulePrefix = methods.get(16).substring(0, methods.get(16).indexOf('+'));
    assertEquals(expectedMethods(rulePrefix, numLabels), methods);
    assertTrue(methods.get(20).contains("conformal"), methods.get(20));
  }

  @Test
  void benchmarkRunsOnThreeLabels() throws Exception {
    File meka = mekaFile("three", 3, 120, false);
    File csv = folder.resolve("out/three.csv").toFile();
    List<String> lines = runBenchmark("--seed", "2", "--base",
      "weka.classifiers.bayes.NaiveBayes", meka.getPath(), csv.getPath());
    checkRows(lines, "three", "NaiveBayes", 3);
  }

  @Test
  void benchmarkRunsWithLabelsLast() throws Exception {
    File meka = mekaFile("last", 4, 90, true);
    File csv = folder.resolve("last.csv").toFile();
    List<String> lines = runBenchmark("--base", "weka.classifiers.trees.RandomForest -I 5",
      "--gauge", "one-vs-rest", "--smoothing", "0.01", meka.getPath(), csv.getPath());
    checkRows(lines, "last", "RandomForest -I 5", 4);
  }

  @Test
  void benchmarkRunsOnTwoLabels() throws Exception {
    File meka = mekaFile("two", 2, 40, false);
    File csv = folder.resolve("two.csv").toFile();
    List<String> lines = runBenchmark("--base", "weka.classifiers.trees.J48", meka.getPath(),
      csv.getPath());
    checkRows(lines, "two", "J48", 2);
  }

  @Test
  void splitProjectsOntoTrueLabels() throws Exception {
    TransferData data = TransferData.read(mekaFile("split", 3, 102, false), 1);
    // Rows 0 (no label) and 1 (missing label) are removed, leaving 100: 60, 15 and 25.
    assertEquals(1, data.rowsWithoutLabel);
    assertEquals(1, data.rowsWithMissingLabel);
    assertEquals(60, data.train.numInstances());
    assertEquals(15, data.calibration.numInstances());
    assertEquals(25, data.test.numInstances());
    assertEquals(Arrays.asList("L0", "L1", "L2"), Arrays.asList(data.labelNames));
    for (int i = 0; i < data.train.numInstances(); i++) {
      int projected = (int) data.train.instance(i).classValue();
      assertEquals(1.0, data.trainTruth[i][projected], "training row " + i);
    }
    for (int i = 0; i < data.test.numInstances(); i++) {
      assertTrue(data.test.instance(i).classIsMissing(), "test row " + i);
    }
  }

  @Test
  void tunedThresholdMaximisesExampleF1() {
    // Candidates 0.6, 0.4, 0.35, 0.3 give example F1 (2/3 + 0)/2, (2/3 + 1)/2,
    // (2/3 + 2/3)/2 and (1 + 2/3)/2. The tie 5/6 goes to the higher 0.4, and the
    // threshold lies midway to the next score 0.35.
    double[][] scores = {{0.6, 0.3}, {0.4, 0.35}};
    double[][] truth = {{1, 1}, {1, 0}};
    assertEquals(0.375, TransferMethods.tunedThreshold(scores, truth, null), 1e-12);
  }

  @Test
  void invalidInputIsRejected() throws Exception {
    File one = mekaFile("one", 1, 20, false);
    String absent = folder.resolve("absent.arff").toString();
    String csv = folder.resolve("x.csv").toString();
    Object[][] cases = {
      {new String[] {one.getPath(), csv}, "File '" + one.getPath() + "' has 1 label; the "
        + "transfer benchmark needs at least 2, because a softmax over one class carries no "
        + "information."},
      {new String[] {absent, csv}, "MEKA file '" + absent + "' not found; give an existing "
        + "ARFF file whose relation name contains -C L."},
      {new String[] {"--seed", "x", absent, csv}, "Option --seed must be an integer, found "
        + "'x'."},
      {new String[] {absent}, "Expected a MEKA file and an output CSV file, found 1 file "
        + "names [" + absent + "]."},
      {new String[] {"--gauge", "fixed", absent, csv}, "Gauge 'fixed' needs a value the "
        + "benchmark does not set; use one of centered, maximum, unit, one-vs-rest."},
    };
    for (Object[] c : cases) {
      Exception error = assertThrows(IllegalArgumentException.class,
        () -> runBenchmark((String[]) c[0]));
      assertEquals(c[1], error.getMessage());
    }
  }
}
