package weka.classifiers.meta.softmaxtosigmoid.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.classifiers.meta.softmaxtosigmoid.Gauge;
import weka.classifiers.meta.softmaxtosigmoid.MultiLabelMetrics;
import weka.core.Utils;

/**
 * Transfer benchmark. It trains a base classifier on a single-label projection of MEKA
 * multi-label data and turns the base distributions into sigmoid scores and label sets
 * by every method of the package and by baselines. It writes one CSV row of test
 * metrics per method.
 *
 * <p>Usage: {@code TransferBenchmark [--seed N] [--base "<classifier spec>"]
 * [--gauge g] [--smoothing eps] [--ridge lambda] <MEKA.arff> <out.csv>}. The protocol is
 * described in {@link TransferData} and {@link TransferMethods}, and in bench/README.md.
 */
public final class TransferBenchmark {

  /** CSV header, one column per metric. */
  public static final String CSV_HEADER = "dataset,base,method,brier,log_loss,ece,hamming,"
    + "example_f1,micro_f1,macro_f1,mean_set_size,true_cardinality,coverage";

  private TransferBenchmark() {
  }

  /** Settings of one run. */
  static final class Settings {

    long seed = 1;

    String base = "weka.classifiers.trees.RandomForest";

    Gauge gauge = SoftmaxToSigmoid.DEFAULT_GAUGE;

    double smoothing = SoftmaxToSigmoid.DEFAULT_SMOOTHING;

    double ridge = SoftmaxToSigmoid.DEFAULT_RIDGE;

    File input;

    File output;
  }

  /** One CSV row: a method's metrics on the test part. */
  static final class Row {

    final String method;

    final MultiLabelMetrics metrics;

    Row(String method, MultiLabelMetrics metrics) {
      this.method = method;
      this.metrics = metrics;
    }
  }

  /**
   * Runs the benchmark from the command line.
   *
   * @param args the options and the two file names
   */
  public static void main(String[] args) {
    try {
      Settings settings = parse(args);
      List<Row> rows = run(settings, System.err);
      write(settings, rows);
      printTable(rows, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("Error: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("Error: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  static String usage() {
    return "Usage: run-transfer [--seed N] [--base \"<classifier spec>\"] [--gauge <gauge>] "
      + "[--smoothing <eps>] [--ridge <lambda>] <MEKA.arff> <out.csv>\n"
      + "  --seed       seed of the split and the single-label projection (default 1)\n"
      + "  --base       Weka classifier and options (default weka.classifiers.trees.RandomForest)\n"
      + "  --gauge      gauge of the calibrated methods: " + spellings() + " (default centered)\n"
      + "  --smoothing  eps of y' = (y + eps) / (1 + K eps) (default "
      + SoftmaxToSigmoid.DEFAULT_SMOOTHING + ")\n"
      + "  --ridge      prior strength of the calibration fits (default "
      + SoftmaxToSigmoid.DEFAULT_RIDGE + ")";
  }

  private static String spellings() {
    StringBuilder result = new StringBuilder();
    for (Gauge gauge : Gauge.values()) {
      if (gauge != Gauge.FIXED && gauge != Gauge.REFERENCE) {
        result.append(result.length() == 0 ? "" : ", ").append(gauge);
      }
    }
    return result.toString();
  }

  /**
   * Parses the command line.
   *
   * @param args the options and the two file names
   * @return the settings
   * @throws IllegalArgumentException naming the invalid option or the missing file name
   */
  static Settings parse(String[] args) {
    Settings settings = new Settings();
    List<String> files = new ArrayList<String>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        files.add(arg);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + arg + " needs a value.");
      }
      String value = args[++i];
      switch (arg) {
        case "--seed":
          settings.seed = parseLong(arg, value);
          break;
        case "--base":
          settings.base = value;
          break;
        case "--gauge":
          settings.gauge = Gauge.forSpelling(value);
          if (settings.gauge == Gauge.FIXED || settings.gauge == Gauge.REFERENCE) {
            throw new IllegalArgumentException("Gauge '" + value + "' needs a value the "
              + "benchmark does not set; use one of " + spellings() + ".");
          }
          break;
        case "--smoothing":
          settings.smoothing = parseDouble(arg, value);
          break;
        case "--ridge":
          settings.ridge = parseDouble(arg, value);
          break;
        default:
          throw new IllegalArgumentException("Unknown option " + arg + ".");
      }
    }
    if (files.size() != 2) {
      throw new IllegalArgumentException("Expected a MEKA file and an output CSV file, found "
        + files.size() + " file names " + files + ".");
    }
    settings.input = new File(files.get(0));
    settings.output = new File(files.get(1));
    return settings;
  }

  private static long parseLong(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Option " + option + " must be an integer, found '"
        + value + "'.", e);
    }
  }

  private static double parseDouble(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Option " + option + " must be a number, found '"
        + value + "'.", e);
    }
  }

  /**
   * Runs every method on one data set.
   *
   * @param settings the run settings
   * @param log receives progress lines and fit warnings
   * @return one row per method, in a fixed order
   * @throws Exception if the data cannot be read or a classifier fails
   */
  static List<Row> run(Settings settings, PrintStream log) throws Exception {
    long start = System.nanoTime();
    TransferData data = TransferData.read(settings.input, settings.seed);
    log.printf(Locale.ROOT, "%s: %d train, %d calibration, %d test rows, %d labels; %d rows "
      + "without a label and %d with a missing label removed%n", settings.input.getName(),
      data.train.numInstances(), data.calibration.numInstances(), data.test.numInstances(),
      data.labelNames.length, data.rowsWithoutLabel, data.rowsWithMissingLabel);

    Classifier base = baseClassifier(settings.base);
    TransferMethods methods = new TransferMethods(data, settings, base, log);
    List<Row> rows = methods.runAll();
    log.printf(Locale.ROOT, "%s with %s, seed %d: %.1f s%n", settings.input.getName(),
      baseName(settings.base), settings.seed, (System.nanoTime() - start) / 1e9);
    return rows;
  }

  /** Creates the untrained base classifier from its specification. */
  static Classifier baseClassifier(String spec) throws Exception {
    String[] parts = Utils.splitOptions(spec);
    if (parts.length == 0) {
      throw new IllegalArgumentException("Option --base is empty; give a classifier class "
        + "name and its options.");
    }
    String className = parts[0];
    parts[0] = "";
    return AbstractClassifier.forName(className, parts);
  }

  /** Returns the short name written to the base column: the simple class name and options. */
  static String baseName(String spec) throws Exception {
    String[] parts = Utils.splitOptions(spec);
    String className = parts[0];
    parts[0] = "";
    String options = Utils.joinOptions(parts).trim();
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return options.isEmpty() ? simple : simple + " " + options;
  }

  /** Writes the CSV file. */
  static void write(Settings settings, List<Row> rows) throws Exception {
    String dataset = settings.input.getName().replaceAll("\\.arff$", "");
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (Row row : rows) {
      MultiLabelMetrics m = row.metrics;
      csv.append(csvField(dataset)).append(',').append(csvField(baseName(settings.base)))
        .append(',').append(csvField(row.method));
      double[] values = {m.brierScore(), m.logLoss(), m.expectedCalibrationError(),
        m.hammingLoss(), m.exampleF1(), m.microF1(), m.macroF1(), m.meanSetSize(),
        m.trueCardinality(), m.coverage()};
      for (double value : values) {
        csv.append(',').append(String.format(Locale.ROOT, "%.6f", value));
      }
      csv.append('\n');
    }
    writeText(settings.output, csv.toString());
  }

  private static void writeText(File file, String text) throws IOException {
    File parent = file.getAbsoluteFile().getParentFile();
    if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
      throw new IOException("Cannot create the directory " + parent + " for " + file + ".");
    }
    Files.write(file.toPath(), text.getBytes(StandardCharsets.UTF_8));
  }

  private static String csvField(String value) {
    if (value.contains(",") || value.contains("\"")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** Prints the rows as an aligned table. */
  static void printTable(List<Row> rows, PrintStream out) {
    String format = "%-28s %7s %8s %7s %7s %7s %7s %7s %7s %7s%n";
    out.printf(Locale.ROOT, format, "method", "brier", "log_loss", "ece", "hamming", "ex_f1",
      "mic_f1", "mac_f1", "size", "cover");
    for (Row row : rows) {
      MultiLabelMetrics m = row.metrics;
      out.printf(Locale.ROOT, format, row.method, f(m.brierScore()), f(m.logLoss()),
        f(m.expectedCalibrationError()), f(m.hammingLoss()), f(m.exampleF1()), f(m.microF1()),
        f(m.macroF1()), f(m.meanSetSize()), f(m.coverage()));
    }
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
