package weka.classifiers.meta.softmaxtosigmoid.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.evaluation.Evaluation;
import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.classifiers.trees.J48;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.filters.supervised.attribute.AddSigmoidScores;

/**
 * Sets every option of SoftmaxToSigmoid and AddSigmoidScores to a value other
 * than its default, and checks that getOptions and setOptions reproduce it, that
 * the base classifier keeps its own options, and that unknown options are
 * rejected.
 */
class OptionRoundTripTest {

  private static final String T1 = "@relation t1\n@attribute color {red,blue}\n"
    + "@attribute cls {a,b,c}\n@data\nred,a\nred,a\nblue,b\nblue,b\n";

  @TempDir
  Path folder;

  /** Returns every SoftmaxToSigmoid option set away from its default, and base J48 -C 0.1 -M 3. */
  private String[] nonDefaultClassifierOptions(File calibrationFile) {
    return new String[] {"-gauge", "reference", "-reference-class", "2", "-log-z", "1.5",
      "-smoothing", "0.001", "-calibrator", "per-class", "-platt-targets",
      "-per-class-minimum", "7.0", "-ridge", "0.05", "-calibration-source", "file",
      "-calibration-file", calibrationFile.getPath(), "-folds", "4", "-holdout-fraction",
      "0.25", "-num-slots", "2", "-threshold-rule", "conformal", "-threshold", "0.4",
      "-cardinality", "1.5", "-top-k", "2", "-alpha", "0.2", "-conformal-fraction", "0.4",
      "-keep-top", "-base-distribution", "-S", "7", "-W", J48.class.getName(),
      "-output-debug-info", "-do-not-check-capabilities", "-batch-size", "50",
      "-num-decimal-places", "4", "--", "-C", "0.1", "-M", "3"};
  }

  private File calibrationFileWithSpace() throws Exception {
    Path directory = Files.createDirectories(folder.resolve("calibration data"));
    Path file = directory.resolve("glass calibration.arff");
    Files.writeString(file, T1, StandardCharsets.UTF_8);
    return file.toFile();
  }

  @Test
  void classifierOptionsRoundTrip() throws Exception {
    File calibrationFile = calibrationFileWithSpace();
    SoftmaxToSigmoid first = new SoftmaxToSigmoid();
    first.setOptions(nonDefaultClassifierOptions(calibrationFile));
    String[] options = first.getOptions();

    SoftmaxToSigmoid second = new SoftmaxToSigmoid();
    second.setOptions(options.clone());

    assertArrayEquals(options, second.getOptions(), Utils.joinOptions(options));
  }

  @Test
  void classifierOptionsReachEveryProperty() throws Exception {
    File calibrationFile = calibrationFileWithSpace();
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(nonDefaultClassifierOptions(calibrationFile));

    assertEquals("reference", classifier.getGauge().getSelectedTag().getIDStr());
    assertEquals("2", classifier.getReferenceClass());
    assertEquals(1.5, classifier.getLogZ());
    assertEquals(0.001, classifier.getSmoothing());
    assertEquals("per-class", classifier.getCalibrator().getSelectedTag().getIDStr());
    assertTrue(classifier.getPlattTargets());
    assertEquals(7.0, classifier.getPerClassMinimum());
    assertEquals(0.05, classifier.getRidge());
    assertEquals("file", classifier.getCalibrationSource().getSelectedTag().getIDStr());
    assertEquals(calibrationFile, classifier.getCalibrationFile());
    assertEquals(4, classifier.getFolds());
    assertEquals(0.25, classifier.getHoldoutFraction());
    assertEquals(2, classifier.getNumExecutionSlots());
    assertEquals("conformal", classifier.getThresholdRule().getSelectedTag().getIDStr());
    assertEquals(0.4, classifier.getThreshold());
    assertEquals(1.5, classifier.getCardinality());
    assertEquals(2, classifier.getTopK());
    assertEquals(0.2, classifier.getAlpha());
    assertEquals(0.4, classifier.getConformalFraction());
    assertTrue(classifier.getKeepTop());
    assertTrue(classifier.getOutputBaseDistribution());
    assertEquals(7, classifier.getSeed());
    assertTrue(classifier.getDebug());
    assertTrue(classifier.getDoNotCheckCapabilities());
    assertEquals("50", classifier.getBatchSize());
    assertEquals(4, classifier.getNumDecimalPlaces());
  }

  @Test
  void baseClassifierKeepsItsOwnOptions() throws Exception {
    SoftmaxToSigmoid first = new SoftmaxToSigmoid();
    first.setOptions(nonDefaultClassifierOptions(calibrationFileWithSpace()));
    SoftmaxToSigmoid second = new SoftmaxToSigmoid();
    second.setOptions(first.getOptions());

    J48 base = assertInstanceOf(J48.class, second.getClassifier());
    assertEquals(0.1f, base.getConfidenceFactor());
    assertEquals(3, base.getMinNumObj());
    // -C and -M belong to J48 only; SoftmaxToSigmoid has no options of those names.
    assertEquals(1, countOccurrences(second.getOptions(), "-C"));
  }

  private static int countOccurrences(String[] options, String option) {
    int count = 0;
    for (String value : options) {
      if (value.equals(option)) {
        count++;
      }
    }
    return count;
  }

  @Test
  void unknownClassifierOptionIsRejected() {
    Exception error = assertThrows(Exception.class,
      () -> new SoftmaxToSigmoid().setOptions(new String[] {"-Q", "1"}));

    assertEquals("Illegal options: -Q 1 ", error.getMessage());
  }

  @Test
  void commandLineWithBaseOptionsRuns() throws Exception {
    Path train = folder.resolve("t1.arff");
    Files.writeString(train, T1, StandardCharsets.UTF_8);

    String output = Evaluation.evaluateModel(new SoftmaxToSigmoid(), new String[] {"-t",
      train.toString(), "-T", train.toString(), "-calibration-source", "training", "-W",
      J48.class.getName(), "--", "-C", "0.1"});

    assertTrue(output.contains("=== Error on test data ==="), output);
    assertTrue(output.contains("J48 -C 0.1 -M 2"), output);
  }

  /** Returns every AddSigmoidScores option away from its default; the model path has a space. */
  private String[] nonDefaultFilterOptions(File modelFile, File calibrationFile) {
    String classifier = SoftmaxToSigmoid.class.getName() + " "
      + Utils.joinOptions(nonDefaultClassifierOptions(calibrationFile));
    return new String[] {"-W", classifier, "-serialized", modelFile.getPath(), "-logits",
      "-labels", "-output-debug-info", "-do-not-check-capabilities"};
  }

  private File modelFileWithSpace() throws Exception {
    Path directory = Files.createDirectories(folder.resolve("saved models"));
    File file = directory.resolve("t1 model.model").toFile();
    SerializationHelper.write(file.getPath(), new SoftmaxToSigmoid());
    return file;
  }

  @Test
  void filterOptionsRoundTrip() throws Exception {
    AddSigmoidScores first = new AddSigmoidScores();
    first.setOptions(nonDefaultFilterOptions(modelFileWithSpace(), calibrationFileWithSpace()));
    String[] options = first.getOptions();

    AddSigmoidScores second = new AddSigmoidScores();
    second.setOptions(options.clone());

    assertArrayEquals(options, second.getOptions(), Utils.joinOptions(options));
    assertTrue(second.getOutputLogits());
    assertTrue(second.getOutputLabels());
    assertTrue(second.getDebug());
    assertTrue(second.getDoNotCheckCapabilities());
  }

  @Test
  void filterClassifierSpecificationSurvivesQuoting() throws Exception {
    File calibrationFile = calibrationFileWithSpace();
    AddSigmoidScores first = new AddSigmoidScores();
    first.setOptions(nonDefaultFilterOptions(modelFileWithSpace(), calibrationFile));
    AddSigmoidScores second = new AddSigmoidScores();
    second.setOptions(first.getOptions());

    SoftmaxToSigmoid classifier = assertInstanceOf(SoftmaxToSigmoid.class,
      second.getClassifier());
    assertEquals(calibrationFile, classifier.getCalibrationFile());
    assertEquals("conformal", classifier.getThresholdRule().getSelectedTag().getIDStr());
    J48 base = assertInstanceOf(J48.class, classifier.getClassifier());
    assertEquals(0.1f, base.getConfidenceFactor());
    assertEquals(3, base.getMinNumObj());
  }

  @Test
  void unknownFilterOptionIsRejected() {
    Exception error = assertThrows(Exception.class,
      () -> new AddSigmoidScores().setOptions(new String[] {"-Q", "1"}));

    assertEquals("Illegal options: -Q 1 ", error.getMessage());
  }
}
