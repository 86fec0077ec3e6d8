package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.Evaluation;
import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Runs the multi-label evaluation tool end to end on small files written by the test:
 * single-label training data with classes a, b, c and a MEKA test file whose labels are
 * named a, b, c.
 */
class MultiLabelEvaluationTest {

  private static final String BASE = "-W weka.classifiers.bayes.NaiveBayes";

  @TempDir
  Path folder;

  /**
   * Writes 90 training rows: class a near (0, 0), b near (3, 0), c near (0, 3), with
   * unit Gaussian noise, seed 1.
   */
  private File trainingFile() throws IOException {
    StringBuilder text = new StringBuilder("@relation train\n@attribute x1 numeric\n"
      + "@attribute x2 numeric\n@attribute cls {a,b,c}\n@data\n");
    Random random = new Random(1);
    String[] classes = {"a", "b", "c"};
    for (int i = 0; i < 90; i++) {
      int k = i % 3;
      text.append(point(random, k)).append(',').append(classes[k]).append('\n');
    }
    return write("train.arff", text.toString());
  }

  /**
   * Writes 40 MEKA test rows (labels a, b, c first, then x2 and x1 in another order than
   * in training). Every row has its cluster's label, and every fourth row also the next
   * label.
   */
  private File testFile() throws IOException {
    StringBuilder text = new StringBuilder("@relation 'test: -C 3'\n@attribute a {0,1}\n"
      + "@attribute b {0,1}\n@attribute c {0,1}\n@attribute x2 numeric\n"
      + "@attribute x1 numeric\n@data\n");
    Random random = new Random(2);
    for (int i = 0; i < 40; i++) {
      int k = i % 3;
      int[] labels = new int[3];
      labels[k] = 1;
      if (i % 4 == 0) {
        labels[(k + 1) % 3] = 1;
      }
      String[] xy = point(random, k).split(",");
      text.append(labels[0]).append(',').append(labels[1]).append(',').append(labels[2])
        .append(',').append(xy[1]).append(',').append(xy[0]).append('\n');
    }
    return write("test.arff", text.toString());
  }

  private static String point(Random random, int k) {
    double x1 = (k == 1 ? 3 : 0) + random.nextGaussian();
    double x2 = (k == 2 ? 3 : 0) + random.nextGaussian();
    return String.format(Locale.ROOT, "%.4f,%.4f", x1, x2);
  }

  private File write(String name, String text) throws IOException {
    Path path = folder.resolve(name);
    Files.write(path, text.getBytes(StandardCharsets.UTF_8));
    return path.toFile();
  }

  private static String valueOf(String report, String metric) {
    for (String line : report.split("\n")) {
      if (line.startsWith(metric + "  ")) {
        return line.substring(40).trim();
      }
    }
    throw new AssertionError("No line '" + metric + "' in:\n" + report);
  }

  @Test
  void trainedModelReport() throws Exception {
    File png = folder.resolve("reliability.png").toFile();
    String report = MultiLabelEvaluation.evaluate(new String[] {"-t",
      trainingFile().getPath(), "-T", testFile().getPath(), "-W",
      "weka.classifiers.meta.SoftmaxToSigmoid -calibrator shared " + BASE, "-png",
      png.getPath()});

    assertTrue(report.contains("=== Classifier model ==="), report);
    assertTrue(report.contains("=== Multi-label evaluation on test data ==="), report);
    assertEquals("40", valueOf(report, "Instances evaluated"));
    assertEquals("0", valueOf(report, "Instances without prediction"));
    assertEquals("3", valueOf(report, "Classes"));
    // 40 rows with one label each, plus a second label on rows 0, 4, ..., 36.
    assertEquals("1.2500", valueOf(report, "True cardinality"));
    for (String metric : new String[] {"Hamming loss", "Example-based F1",
      "Micro-averaged F1", "Macro-averaged F1", "Jaccard index", "Subset accuracy",
      "Brier score per label", "Expected calibration error", "Classwise calibration error",
      "Coverage (a true label in the set)"}) {
      double value = Double.parseDouble(valueOf(report, metric));
      assertTrue(value >= 0, metric + " = " + value);
      assertTrue(value <= 1, metric + " = " + value);
    }
    assertTrue(report.contains("The log loss clips scores to [1e-15, 1 - 1e-15]"), report);
    assertTrue(report.contains("=== Per-class results ==="), report);
    // Label a: the 14 rows 0, 3, ..., 39 of cluster a, and rows 8, 20, 32 of cluster c.
    assertTrue(report.matches("(?s).*\na +17 +\\d\\.\\d{4} .*"), report);
    assertFalse(report.contains("=== Conformal label sets"), report);
    assertFalse(report.contains("NaN"), report);

    BufferedImage image = ImageIO.read(png);
    assertEquals(ReliabilityDiagram.WIDTH, image.getWidth());
    assertEquals(ReliabilityDiagram.HEIGHT, image.getHeight());
  }

  @Test
  void conformalRuleReportsCoverage() throws Exception {
    String report = MultiLabelEvaluation.evaluate(new String[] {"-t",
      trainingFile().getPath(), "-T", testFile().getPath(), "-o", "-W",
      "-threshold-rule conformal -alpha 0.2 " + BASE});
    assertFalse(report.contains("=== Classifier model ==="), report);
    assertTrue(report.contains("=== Conformal label sets (alpha = 0.2) ==="), report);
    assertTrue(report.contains("(target at least 0.8000)"), report);
    assertEquals(valueOf(report, "Mean set size"),
      valueOf(report.substring(report.indexOf("=== Conformal")), "Mean set size"));
  }

  @Test
  void savedModelGivesSameMetrics() throws Exception {
    File train = trainingFile();
    File test = testFile();
    File model = folder.resolve("model.bin").toFile();
    String spec = "-calibrator per-class " + BASE;
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    Evaluation.evaluateModel(classifier, Utils.splitOptions("-t " + train.getPath()
      + " -no-cv -d " + model.getPath() + " " + spec));

    String trained = MultiLabelEvaluation.evaluate(new String[] {"-t", train.getPath(), "-T",
      test.getPath(), "-o", "-W", spec});
    String loaded = MultiLabelEvaluation.evaluate(new String[] {"-l", model.getPath(), "-T",
      test.getPath(), "-o"});
    assertEquals(trained, loaded);
  }

  @Test
  void modelWithoutHeaderNeedsTrainingFile() throws Exception {
    File train = trainingFile();
    File test = testFile();
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions(BASE));
    Instances data = DataSource.read(train.getPath());
    data.setClassIndex(data.numAttributes() - 1);
    classifier.buildClassifier(data);
    File model = folder.resolve("bare.model").toFile();
    SerializationHelper.write(model.getPath(), classifier);

    String report = MultiLabelEvaluation.evaluate(new String[] {"-l", model.getPath(), "-t",
      train.getPath(), "-T", test.getPath(), "-o"});
    assertEquals("40", valueOf(report, "Instances evaluated"));
    Exception error = assertThrows(IllegalArgumentException.class,
      () -> MultiLabelEvaluation.evaluate(new String[] {"-l", model.getPath(), "-T",
        test.getPath()}));
    assertEquals("Model file '" + model.getPath() + "' has no training header; give the "
      + "training data with -t so that the test attributes can be matched by name.",
      error.getMessage());
  }

  @Test
  void missingTestFileIsReported() throws Exception {
    String absent = folder.resolve("absent.arff").toString();
    Exception error = assertThrows(IllegalArgumentException.class,
      () -> MultiLabelEvaluation.evaluate(new String[] {"-t", trainingFile().getPath(), "-T",
        absent, "-W", BASE}));
    assertEquals("Test file '" + absent + "' not found; give an existing MEKA ARFF file "
      + "with -T.", error.getMessage());
  }

  @Test
  void labelNotNamedAfterClassIsReported() throws Exception {
    File test = write("bad.arff", "@relation 'bad: -C 3'\n@attribute a {0,1}\n"
      + "@attribute b {0,1}\n@attribute q {0,1}\n@attribute x1 numeric\n"
      + "@attribute x2 numeric\n@data\n1,0,0,0.1,0.2\n");
    Exception error = assertThrows(IllegalArgumentException.class,
      () -> MultiLabelEvaluation.evaluate(new String[] {"-t", trainingFile().getPath(), "-T",
        test.getPath(), "-W", BASE}));
    assertEquals("Label attribute 'q' of test file '" + test.getPath() + "' is not a value "
      + "of class attribute 'cls'; MEKA labels must be named after the class values.",
      error.getMessage());
  }

  @Test
  void invalidOptionsAreReported() throws Exception {
    String train = trainingFile().getPath();
    String test = testFile().getPath();
    File single = write("single.arff", "@relation single\n@attribute x1 numeric\n"
      + "@attribute x2 numeric\n@attribute cls {a,b,c}\n@data\n0,0,a\n");
    String absentModel = folder.resolve("absent.model").toString();
    String[][] cases = {
      {"Option -T is missing; give the MEKA multi-label test data as -T <file.arff>.",
        "-t", train},
      {"Neither -t nor -l is given; train a model on -t <train.arff> or load one with "
        + "-l <model file>.", "-T", test},
      {"Option -W needs training data; give -t <train.arff>.", "-T", test, "-W", BASE},
      {"Options -l and -W exclude each other; load a model with -l or train one with -W "
        + "and -t.", "-T", test, "-l", absentModel, "-W", BASE},
      {"Option -W names weka.classifiers.bayes.NaiveBayes, which is not a SoftmaxToSigmoid; "
        + "give weka.classifiers.meta.SoftmaxToSigmoid with its options, or only its "
        + "options.", "-t", train, "-T", test, "-W", "weka.classifiers.bayes.NaiveBayes"},
      {"Option -l: Model file '" + absentModel + "' not found; give the path of a model "
        + "saved with -d.", "-T", test, "-l", absentModel},
      {"Option -c is '7', but training file '" + train + "' has 3 attributes; give an index "
        + "from 1 to 3, 'first' or 'last'.", "-t", train, "-c", "7", "-T", test},
      {"Test file '" + single.getPath() + "' is not MEKA multi-label data: its relation name "
        + "'single' has no '-C L'; name the relation '<name>: -C L' with the L label "
        + "attributes first.", "-t", train, "-T", single.getPath(), "-W", BASE},
    };
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
      Exception error = assertThrows(IllegalArgumentException.class,
        () -> MultiLabelEvaluation.evaluate(args), String.join(" ", args));
      assertEquals(c[0], error.getMessage());
    }
  }

  @Test
  void unusableModelFileIsReported() throws Exception {
    String test = testFile().getPath();
    File text = write("text.model", "not a model\n");
    File string = folder.resolve("string.model").toFile();
    SerializationHelper.write(string.getPath(), "a string");
    String[][] cases = {
      // "no" is the byte pair 6E 6F.
      {"Option -l: Model file '" + text + "' is not a serialized Java object (it starts "
        + "with the bytes 6E6F, not ACED); give a model saved by Weka with -d.",
        text.getPath()},
      {"Option -l: Model file '" + string + "' contains a java.lang.String, not a "
        + "weka.classifiers.meta.SoftmaxToSigmoid; give a file saved by SoftmaxToSigmoid "
        + "with -d.", string.getPath()},
    };
    for (String[] c : cases) {
      Exception error = assertThrows(IllegalArgumentException.class,
        () -> MultiLabelEvaluation.evaluate(new String[] {"-l", c[1], "-T", test}), c[1]);
      assertEquals(c[0], error.getMessage());
    }
  }

  @Test
  void unknownClassifierIsReported() throws Exception {
    String train = trainingFile().getPath();
    String test = testFile().getPath();
    String[][] cases = {
      {"Option -W: class 'weka.classifiers.trees.NoSuch' not found. Give "
        + "weka.classifiers.meta.SoftmaxToSigmoid with its options, or only its options, for "
        + "example -W \"-W weka.classifiers.trees.RandomForest\".",
        "weka.classifiers.trees.NoSuch"},
      // The -W inside the specification is the base classifier of SoftmaxToSigmoid.
      {"Option -W: classifier class 'weka.classifiers.trees.NoSuch' not found. Give the full "
        + "class name, for example weka.classifiers.trees.RandomForest, and install the "
        + "package that provides it.", "-W weka.classifiers.trees.NoSuch"},
    };
    for (String[] c : cases) {
      Exception error = assertThrows(IllegalArgumentException.class,
        () -> MultiLabelEvaluation.evaluate(new String[] {"-t", train, "-T", test, "-W", c[1]}),
        c[1]);
      assertEquals(c[0], error.getMessage());
    }
  }

  @Test
  void missingPngFolderIsReported() throws Exception {
    File absentFolder = folder.resolve("absent").toFile();
    String png = new File(absentFolder, "reliability.png").getPath();

    Exception error = assertThrows(IllegalArgumentException.class,
      () -> MultiLabelEvaluation.evaluate(new String[] {"-t", trainingFile().getPath(), "-T",
        testFile().getPath(), "-W", BASE, "-png", png}));

    assertEquals("Option -png: folder '" + absentFolder + "' not found; create it or give a "
      + "path in an existing folder.", error.getMessage());
  }

  /** Runs the tool as weka.Run does and returns what it printed to standard error. */
  private static String standardErrorOfRun(String... options) {
    MultiLabelEvaluation tool = new MultiLabelEvaluation();
    return StandardError.of(() -> tool.run(tool, options));
  }

  @Test
  void runPrintsErrorWithoutStackTrace() throws Exception {
    String output = standardErrorOfRun("-t", trainingFile().getPath());

    String[] lines = output.split("\n");
    assertEquals(2, lines.length, output);
    assertEquals("Error: Option -T is missing; give the MEKA multi-label test data as "
      + "-T <file.arff>.", lines[0]);
    assertEquals("Run with -h for the list of options.", lines[1]);
    assertFalse(output.contains("\tat "), output);
  }

  @Test
  void unknownOptionIsRejected() throws Exception {
    Exception error = assertThrows(Exception.class,
      () -> MultiLabelEvaluation.evaluate(new String[] {"-T", "x.arff", "-bogus"}));
    assertTrue(error.getMessage().contains("-bogus"), error.getMessage());
  }

  @Test
  void helpListsOptions() throws Exception {
    String help = MultiLabelEvaluation.evaluate(new String[] {"-h"});
    for (String option : new String[] {"-T <file>", "-t <file>", "-c <index>", "-W \"<spec>\"",
      "-l <file>", "-png <file>", "-o"}) {
      assertTrue(help.contains(option), option + " in\n" + help);
    }
  }
}
