package weka.classifiers.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.Evaluation;
import weka.classifiers.trees.J48;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Utils;

/**
 * Option handling as Weka's tools use it: getOptions and setOptions round trips, quoting
 * on a command line, unknown options and invalid values, and the Evaluation command line.
 */
class OptionRoundTripTest {

  @TempDir
  Path folder;

  /** Returns every option of the classifier and its superclasses at a non-default value. */
  private String[] nonDefaultOptions() {
    String calibrationFile = new File(folder.toFile(), "dir with space/cal.arff").getPath();
    return new String[] {"-gauge", "reference", "-reference-class", "b", "-log-z", "1.5",
      "-smoothing", "1.0E-6", "-calibrator", "per-class", "-platt-targets",
      "-per-class-minimum", "3.0", "-ridge", "0.05", "-calibration-source", "file",
      "-calibration-file", calibrationFile, "-folds", "7", "-holdout-fraction", "0.25",
      "-num-slots", "2", "-threshold-rule", "conformal", "-threshold", "0.4",
      "-cardinality", "1.5", "-top-k", "2", "-alpha", "0.2", "-conformal-fraction", "0.4",
      "-keep-top", "-base-distribution", "-S", "42", "-output-debug-info",
      "-do-not-check-capabilities", "-num-decimal-places", "4", "-batch-size", "50",
      "-W", "weka.classifiers.trees.J48", "--", "-C", "0.1", "-M", "3"};
  }

  private static SoftmaxToSigmoid fromOptions(String[] options) throws Exception {
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(options.clone());
    return classifier;
  }

  @Test
  void everyOptionSurvivesRoundTrip() throws Exception {
    SoftmaxToSigmoid first = fromOptions(nonDefaultOptions());
    String[] options = first.getOptions();
    SoftmaxToSigmoid second = fromOptions(options);
    assertArrayEquals(options, second.getOptions());

    assertEquals("reference", second.getGauge().getSelectedTag().getIDStr());
    assertEquals("b", second.getReferenceClass());
    assertEquals(1.5, second.getLogZ(), 0.0);
    assertEquals(1e-6, second.getSmoothing(), 0.0);
    assertEquals("per-class", second.getCalibrator().getSelectedTag().getIDStr());
    assertTrue(second.getPlattTargets());
    assertEquals(3.0, second.getPerClassMinimum(), 0.0);
    assertEquals(0.05, second.getRidge(), 0.0);
    assertEquals("file", second.getCalibrationSource().getSelectedTag().getIDStr());
    assertEquals(new File(folder.toFile(), "dir with space/cal.arff"),
      second.getCalibrationFile());
    assertEquals(7, second.getFolds());
    assertEquals(0.25, second.getHoldoutFraction(), 0.0);
    assertEquals(2, second.getNumExecutionSlots());
    assertEquals("conformal", second.getThresholdRule().getSelectedTag().getIDStr());
    assertEquals(0.4, second.getThreshold(), 0.0);
    assertEquals(1.5, second.getCardinality(), 0.0);
    assertEquals(2, second.getTopK());
    assertEquals(0.2, second.getAlpha(), 0.0);
    assertEquals(0.4, second.getConformalFraction(), 0.0);
    assertTrue(second.getKeepTop());
    assertTrue(second.getOutputBaseDistribution());
    assertEquals(42, second.getSeed());
    assertTrue(second.getDebug());
    assertTrue(second.getDoNotCheckCapabilities());
    assertEquals(4, second.getNumDecimalPlaces());
    assertEquals("50", second.getBatchSize());

    // J48's -C and -M follow "--", so they reach J48 and no option of the meta-classifier.
    J48 base = (J48) second.getClassifier();
    assertEquals(0.1f, base.getConfidenceFactor(), 0.0f);
    assertEquals(3, base.getMinNumObj());
  }

  @Test
  void commandLineQuotingKeepsPathWithSpace() throws Exception {
    // The Explorer and the command line pass options as one string: joinOptions quotes the
    // path with spaces and splitOptions restores it.
    String[] options = fromOptions(nonDefaultOptions()).getOptions();
    String line = Utils.joinOptions(options);
    assertTrue(line.contains("\"" + new File(folder.toFile(), "dir with space/cal.arff").getPath()
      + "\""), line);
    assertArrayEquals(options, fromOptions(Utils.splitOptions(line)).getOptions());
  }

  @Test
  void defaultOptionsSurviveRoundTrip() throws Exception {
    String[] options = new SoftmaxToSigmoid().getOptions();
    assertArrayEquals(options, fromOptions(options).getOptions());
  }

  @Test
  void unknownOptionIsReported() {
    Exception error = assertThrows(Exception.class,
      () -> fromOptions(new String[] {"-Q", "1"}));
    assertTrue(error.getMessage().startsWith("Illegal options: -Q 1"), error.getMessage());
  }

  @Test
  void invalidValuesNameOptionAndValue() {
    // Each invalid value is rejected with a message that contains the option and the value.
    String[][] cases = {
      {"-gauge foo", "Unknown gauge 'foo'; use one of centered, reference, maximum, unit, "
        + "fixed, one-vs-rest."},
      {"-calibrator platt", "Unknown calibrator 'platt'"},
      {"-calibration-source web", "Unknown calibration source 'web'"},
      {"-threshold-rule best", "Unknown threshold rule 'best'"},
      {"-folds x", "Option -folds expects a whole number, found 'x'."},
      {"-folds 1", "Option -folds must be at least 2, found 1."},
      {"-smoothing -1e-3", "Option -smoothing must be a finite number >= 0, found -0.001"},
      {"-smoothing NaN", "Option -smoothing must be a finite number >= 0, found NaN"},
      {"-ridge Infinity", "Option -ridge must be a finite number >= 0, found Infinity"},
      {"-threshold 1.5", "Option -threshold must lie in [0, 1], found 1.5."},
      {"-top-k 0", "Option -top-k must be at least 1, found 0."},
      {"-W weka.classifiers.trees.NoSuch", "Option -W: classifier class "
        + "'weka.classifiers.trees.NoSuch' not found. Give the full class name"},
      {"-alpha 1", "Option -alpha must lie strictly between 0 and 1, found 1.0"},
      {"-holdout-fraction 0", "Option -holdout-fraction must lie strictly between 0 and 1, "
        + "found 0.0"},
      {"-conformal-fraction 2", "Option -conformal-fraction must lie strictly between 0 and 1"},
      {"-num-slots 0", "Option -num-slots must be at least 1, found 0."},
      {"-log-z NaN", "Option -log-z must be a finite number, found NaN."},
      {"-cardinality -1", "Option -cardinality must be a finite number >= 0, found -1.0"},
      {"-per-class-minimum -2", "Option -per-class-minimum must be a finite number >= 0, "
        + "found -2.0."},
    };
    for (String[] c : cases) {
      Exception error = assertThrows(Exception.class,
        () -> fromOptions(Utils.splitOptions(c[0])), c[0]);
      assertTrue(error.getMessage().startsWith(c[1]), c[0] + ": " + error.getMessage());
    }
  }

  @Test
  void evaluationCommandLineRuns() throws Exception {
    // Training and test files, the base after -W and its own options after "--".
    Instances glass = TestData.load(new File("data/glass.arff"));
    glass.randomize(new Random(1));
    int trainSize = 150;
    File train = new File(folder.toFile(), "train.arff");
    File test = new File(folder.toFile(), "test.arff");
    Files.writeString(train.toPath(), new Instances(glass, 0, trainSize).toString());
    Files.writeString(test.toPath(), new Instances(glass, trainSize,
      glass.numInstances() - trainSize).toString());

    String output = Evaluation.evaluateModel(new SoftmaxToSigmoid(), new String[] {"-t",
      train.getPath(), "-T", test.getPath(), "-W", "weka.classifiers.trees.J48", "--", "-C",
      "0.1"});
    assertTrue(output.contains("Base classifier:    weka.classifiers.trees.J48 -C 0.1 -M 2"),
      output);
    assertTrue(output.contains("=== Error on test data ==="), output);
    assertTrue(output.contains("Correctly Classified Instances"), output);
    assertFalse(output.contains("Illegal options"), output);
  }

  @Test
  void optionNamesAvoidEvaluationOptions() throws Exception {
    // Evaluation.evaluateModel reads its own options first, so a classifier option with
    // the same name never reaches setOptions. A classifier option "-k 2", for example,
    // would become Evaluation's statistics flag -k and a stray "2". The help text that -h
    // raises lists Evaluation's names.
    Exception help = assertThrows(Exception.class,
      () -> Evaluation.evaluateModel(new SoftmaxToSigmoid(), new String[] {"-h"}));
    String text = help.getMessage();
    int general = text.indexOf("General options:");
    int specific = text.indexOf("Options specific to");
    assertTrue(general >= 0, text);
    assertTrue(specific > general, text);
    Set<String> evaluationNames = new HashSet<>();
    Matcher name = Pattern.compile("(?m)^-([A-Za-z][\\w-]*)").matcher(
      text.substring(general, specific));
    while (name.find()) {
      evaluationNames.add(name.group(1));
    }
    assertTrue(evaluationNames.contains("t"), evaluationNames.toString());
    assertTrue(evaluationNames.contains("k"), evaluationNames.toString());

    for (Option option : Collections.list(new SoftmaxToSigmoid().listOptions())) {
      assertFalse(evaluationNames.contains(option.name()),
        "-" + option.name() + " is also an option of Weka's Evaluation");
    }
  }

  @Test
  void topKRuleRunsFromEvaluationCommandLine() throws Exception {
    // Glass has 7 classes, so k = 2 labels every row with exactly 2 of them.
    File glass = new File("data/glass.arff");
    String output = Evaluation.evaluateModel(new SoftmaxToSigmoid(), new String[] {"-t",
      glass.getPath(), "-no-cv", "-threshold-rule", "top-k", "-top-k", "2", "-calibrator",
      "none", "-W", "weka.classifiers.trees.J48"});
    assertTrue(output.contains("Correctly Classified Instances"), output);
    assertFalse(output.contains("Illegal options"), output);

    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions("-threshold-rule top-k -top-k 2 -calibrator none "
      + "-W weka.classifiers.trees.J48"));
    Instances data = TestData.load(glass);
    classifier.buildClassifier(data);
    for (int i = 0; i < 10; i++) {
      double labels = Arrays.stream(classifier.labelSet(data.instance(i))).sum();
      assertEquals(2.0, labels, 0.0, "labels of instance " + i);
    }
  }
}
