/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.filters.supervised.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.classifiers.meta.softmaxtosigmoid.AttributeDistributionClassifier;
import weka.classifiers.trees.J48;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.SparseInstance;
import weka.core.Utils;
import weka.core.WekaException;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;

/**
 * Behaviour of AddSigmoidScores: exact scores from a stub base classifier,
 * missing rows, preserved data, model files, options and batch mode.
 *
 * <p>The stub base {@link AttributeDistributionClassifier} returns the values
 * of the first K numeric attributes as its distribution, so each row states
 * the distribution y it is scored from. With {@code -calibrator none} the score
 * is {@code sigmoid(ln y_i + c(y))}, that is {@code y_i / (y_i + R)} with R the
 * geometric mean of y (centered gauge), {@code max y} (maximum gauge) or 1
 * (unit gauge).
 */
class AddSigmoidScoresBehaviourTest {

  private static final String STUB = AttributeDistributionClassifier.class.getName();

  /** Uncalibrated scores from the stub base, without smoothing; the gauge is added. */
  private static final String UNCALIBRATED_WITHOUT_GAUGE = "weka.classifiers.meta.SoftmaxToSigmoid "
    + "-calibrator none -smoothing 0";

  /** Uncalibrated scores from the stub base under the centered gauge, without smoothing. */
  private static final String UNCALIBRATED = UNCALIBRATED_WITHOUT_GAUGE + " -gauge centered";

  /** The deterministic J48 model of the harness test: 3-fold CV with the fixed seed 1. */
  private static final String J48_MODEL = AddSigmoidScoresTest.CLASSIFIER_SPECIFICATION;

  // ------------------------------------------------------------------ helpers

  /**
   * Creates data with numeric attributes p1..pK (the stub's distribution) and
   * the class {@code cls} with the given values, last.
   */
  private static Instances distributionData(String relation, String[] classValues,
    double[][] rows) {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    for (int k = 0; k < classValues.length; k++) {
      attributes.add(new Attribute("p" + (k + 1)));
    }
    attributes.add(new Attribute("cls", Arrays.asList(classValues)));
    Instances data = new Instances(relation, attributes, rows.length);
    data.setClassIndex(classValues.length);
    for (double[] row : rows) {
      double[] values = Arrays.copyOf(row, classValues.length + 1);
      values[classValues.length] = 0;
      data.add(new DenseInstance(1, values));
    }
    return data;
  }

  private static AddSigmoidScores filter(String... options) throws Exception {
    AddSigmoidScores result = new AddSigmoidScores();
    result.setOptions(options);
    return result;
  }

  private static Instances runFilter(AddSigmoidScores filter, Instances data) throws Exception {
    filter.setInputFormat(data);
    return Filter.useFilter(data, filter);
  }

  private static double[] appendedValues(Instance row, int from, int count) {
    double[] result = new double[count];
    for (int k = 0; k < count; k++) {
      result[k] = row.value(from + k);
    }
    return result;
  }

  private static Instances glass() throws Exception {
    Instances data = DataSource.read(Paths.get("data", "glass.arff").toString());
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  /** Splits data into even rows (index 0) and odd rows (index 1), in order. */
  private static Instances[] evenAndOddRows(Instances data) {
    Instances even = new Instances(data, 0);
    Instances odd = new Instances(data, 0);
    for (int i = 0; i < data.numInstances(); i++) {
      (i % 2 == 0 ? even : odd).add(data.instance(i));
    }
    return new Instances[] {even, odd};
  }

  private static SoftmaxToSigmoid trainedJ48Model(Instances data) throws Exception {
    SoftmaxToSigmoid model = AddSigmoidScores.classifierFromSpecification(J48_MODEL);
    model.buildClassifier(data);
    return model;
  }

  // ---------------------------------------------- exact scores (stub base, K = 4)

  /**
   * y = (0.4, 0.3, 0.2, 0.1), no calibration, no smoothing, threshold 0.5.
   * The table scores are rounded to 6 digits, so the tolerance is 1e-6. The
   * same scores are also derived below as y_i / (y_i + R), to 1e-12. Labels
   * use s >= 0.5, so the maximum gauge's exact 0.5 for the top class (logit
   * ln 0.4 - ln 0.4 = 0) is a label.
   */
  @ParameterizedTest
  @ValueSource(strings = {"centered", "maximum", "unit"})
  void gaugeTableScoresAndLabels(String gauge) throws Exception {
    double[] y = {0.4, 0.3, 0.2, 0.1};
    double[] tableScores;
    double[] tableLabels;
    double reference;
    switch (gauge) {
      case "centered":
        tableScores = new double[] {0.643774, 0.575444, 0.474680, 0.311200};
        tableLabels = new double[] {1, 1, 0, 0};
        reference = Math.pow(0.4 * 0.3 * 0.2 * 0.1, 0.25);
        break;
      case "maximum":
        tableScores = new double[] {0.5, 0.428571, 0.333333, 0.2};
        tableLabels = new double[] {1, 0, 0, 0};
        reference = 0.4;
        break;
      default:
        tableScores = new double[] {0.285714, 0.230769, 0.166667, 0.090909};
        tableLabels = new double[] {0, 0, 0, 0};
        reference = 1;
        break;
    }
    Instances data = distributionData("g1", new String[] {"a", "b", "c", "d"},
      new double[][] {y});
    AddSigmoidScores filter = filter("-W", UNCALIBRATED_WITHOUT_GAUGE + " -gauge " + gauge + " -W " + STUB,
      "-logits", "-labels");

    Instance row = runFilter(filter, data).instance(0);

    double[] scores = appendedValues(row, 5, 4);
    double[] logits = appendedValues(row, 9, 4);
    double[] labels = appendedValues(row, 13, 4);
    assertArrayEquals(tableScores, scores, 1e-6, "scores against the table");
    for (int k = 0; k < 4; k++) {
      assertEquals(y[k] / (y[k] + reference), scores[k], 1e-12, "score of class " + k);
      assertEquals(Math.log(y[k]) - Math.log(reference), logits[k], 1e-12, "logit of class " + k);
    }
    assertArrayEquals(tableLabels, labels, "labels with s >= 0.5");
  }

  /**
   * Uniform y under the centered gauge: every logit is exactly 0, every score
   * 0.5 and, with s >= 0.5, every label 1.
   */
  @Test
  void uniformDistributionIsLabelledAtThreshold() throws Exception {
    double third = 1.0 / 3;
    Instances data = distributionData("uniform", new String[] {"a", "b", "c"},
      new double[][] {{third, third, third}});
    AddSigmoidScores filter = filter("-W", UNCALIBRATED + " -W " + STUB,
      "-labels");

    Instance row = runFilter(filter, data).instance(0);

    assertArrayEquals(new double[] {0.5, 0.5, 0.5}, appendedValues(row, 4, 3), 0);
    assertArrayEquals(new double[] {1, 1, 1}, appendedValues(row, 7, 3), 0);
  }

  // ------------------------------------------------ rows without a distribution

  /**
   * Rows (0,0,0), (NaN,NaN,NaN) and (0.2,NaN,0.8) have no valid distribution:
   * every score, logit and label is missing, never 0.5 and never a 0 label
   * from comparing NaN with the threshold. The valid row (0.2, 0.3, 0.5) in the
   * same batch is scored, which shows the missing values are per row.
   */
  @Test
  void invalidDistributionsGiveMissingRows() throws Exception {
    double nan = Double.NaN;
    Instances data = distributionData("b2", new String[] {"a", "b", "c"}, new double[][] {
      {0, 0, 0}, {nan, nan, nan}, {0.2, nan, 0.8}, {0.2, 0.3, 0.5}});
    AddSigmoidScores filter = filter("-W", UNCALIBRATED + " -W " + STUB, "-logits", "-labels");

    Instances result = runFilter(filter, data);

    for (int i = 0; i < 3; i++) {
      Instance row = result.instance(i);
      for (int j = 4; j < 13; j++) {
        assertTrue(row.isMissing(j), "row " + (i + 1) + ", attribute "
          + result.attribute(j).name() + " should be missing, found " + row.value(j));
      }
    }
    Instance valid = result.instance(3);
    for (int j = 4; j < 13; j++) {
      assertFalse(valid.isMissing(j), "valid row, attribute " + result.attribute(j).name());
    }
  }

  // ------------------------------------------------- number of classes (K = 3)

  /**
   * Six rows, two per class a, b, c, are scored by OneR through internal
   * cross-validation with 2, 3 or 6 folds. K comes from the header and not
   * from the folds, so the output always has 3 score and 3 label attributes.
   */
  @ParameterizedTest
  @ValueSource(ints = {2, 3, 6})
  void threeClassesWhateverTheFolds(int folds) throws Exception {
    Instances data = xData(new double[] {1.0, 1.1, 2.0, 2.1, 3.0, 3.1},
      new String[] {"a", "a", "b", "b", "c", "c"});
    AddSigmoidScores filter = filter("-W", "weka.classifiers.meta.SoftmaxToSigmoid "
      + "-calibration-source cv -folds " + folds + " -W weka.classifiers.rules.OneR -- -B 1",
      "-labels");

    Instances result = runFilter(filter, data);

    assertThreeScoresAndLabels(result);
  }

  /** Class c is declared but absent from the first batch: it still gets its attributes. */
  @Test
  void absentClassKeepsItsAttributes() throws Exception {
    Instances data = xData(new double[] {1.0, 1.1, 1.2, 2.0, 2.1, 2.2},
      new String[] {"a", "a", "a", "b", "b", "b"});
    AddSigmoidScores filter = filter("-W", "weka.classifiers.meta.SoftmaxToSigmoid "
      + "-calibration-source cv -folds 3 -W weka.classifiers.rules.OneR -- -B 1", "-labels");

    Instances result = runFilter(filter, data);

    assertThreeScoresAndLabels(result);
  }

  private static Instances xData(double[] xs, String[] classes) {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    attributes.add(new Attribute("x"));
    attributes.add(new Attribute("cls", Arrays.asList("a", "b", "c")));
    Instances data = new Instances("d2", attributes, xs.length);
    data.setClassIndex(1);
    for (int i = 0; i < xs.length; i++) {
      data.add(new DenseInstance(1, new double[] {xs[i],
        data.classAttribute().indexOfValue(classes[i])}));
    }
    return data;
  }

  private static void assertThreeScoresAndLabels(Instances result) {
    String[] names = {"x", "cls", "score_a", "score_b", "score_c", "label_a", "label_b",
      "label_c"};
    assertEquals(names.length, result.numAttributes());
    for (int j = 0; j < names.length; j++) {
      assertEquals(names[j], result.attribute(j).name());
    }
    for (Instance row : result) {
      for (int j = 2; j < 5; j++) {
        double score = row.value(j);
        assertTrue(score >= 0, "score at least 0, found " + score);
        assertTrue(score <= 1, "score at most 1, found " + score);
      }
      for (int j = 5; j < 8; j++) {
        double label = row.value(j);
        assertTrue(label == 0 || label == 1, "label 0 or 1, found " + label);
      }
    }
  }

  // ------------------------------------------------------ data kept unchanged

  /**
   * Rows, weights (one row of weight 2), sparse rows, attribute names and
   * types, class index and relation name survive. Weka's Filter appends the
   * filter's class name and options to the relation name, so the input name
   * is checked as its prefix. Scores use the centered gauge with K = 2:
   * y_1 / (y_1 + sqrt(y_1 y_2)) = sqrt(y_1) / (sqrt(y_1) + sqrt(y_2)).
   */
  @Test
  void inputRowsWeightsAndHeaderAreKept() throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    attributes.add(new Attribute("p1"));
    attributes.add(new Attribute("cls", Arrays.asList("yes", "no")));
    attributes.add(new Attribute("p2"));
    attributes.add(new Attribute("tag", Arrays.asList("x", "y")));
    Instances data = new Instances("kept", attributes, 3);
    data.setClassIndex(1);
    data.add(new DenseInstance(1, new double[] {0.7, 0, 0.3, 1}));
    data.add(new DenseInstance(2, new double[] {0.4, 1, 0.6, 0}));
    data.add(new SparseInstance(0.5, new double[] {0.25, 0, 0.75, 0}));
    Instances original = new Instances(data);
    AddSigmoidScores filter = filter("-W", UNCALIBRATED + " -W " + STUB);

    Instances result = runFilter(filter, data);

    assertTrue(result.relationName().startsWith("kept-"), result.relationName());
    assertEquals(1, result.classIndex());
    assertEquals(6, result.numAttributes());
    for (int j = 0; j < 4; j++) {
      assertEquals(original.attribute(j), result.attribute(j), "attribute " + (j + 1));
    }
    assertEquals(original.numInstances(), result.numInstances());
    for (int i = 0; i < original.numInstances(); i++) {
      Instance in = original.instance(i);
      Instance out = result.instance(i);
      assertEquals(in.weight(), out.weight(), 0, "weight of row " + (i + 1));
      assertEquals(in instanceof SparseInstance, out instanceof SparseInstance,
        "sparseness of row " + (i + 1));
      for (int j = 0; j < 4; j++) {
        assertEquals(in.value(j), out.value(j), 0, "row " + (i + 1) + ", attribute " + (j + 1));
      }
      double root1 = Math.sqrt(in.value(0));
      double root2 = Math.sqrt(in.value(2));
      assertEquals(root1 / (root1 + root2), out.value(4), 1e-12, "score_yes of row " + (i + 1));
      assertEquals(root2 / (root1 + root2), out.value(5), 1e-12, "score_no of row " + (i + 1));
    }
    assertTrue(original.equalHeaders(data), "input header unchanged");
  }

  /** Stub base that also accepts string attributes, which it ignores. */
  public static class StringTolerantDistributionClassifier
    extends AttributeDistributionClassifier {

    private static final long serialVersionUID = 3079210561245563478L;

    @Override
    public Capabilities getCapabilities() {
      Capabilities result = super.getCapabilities();
      result.enable(Capability.STRING_ATTRIBUTES);
      return result;
    }
  }

  /**
   * String values are stored per dataset, so the filter must copy them into
   * its output format. Values of both batches must read back unchanged, as
   * must strings first seen in the second batch and a missing string.
   */
  @Test
  void stringValuesAreKeptInEveryBatch() throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    attributes.add(new Attribute("note", (List<String>) null));
    attributes.add(new Attribute("p1"));
    attributes.add(new Attribute("p2"));
    attributes.add(new Attribute("cls", Arrays.asList("yes", "no")));
    Instances first = new Instances("strings", attributes, 3);
    first.setClassIndex(3);
    Instances second = new Instances(first, 2);
    addNoteRow(first, "alpha", 0.6, 0.4);
    addNoteRow(first, "beta gamma", 0.5, 0.5);
    addNoteRow(first, null, 0.1, 0.9);
    addNoteRow(second, "delta, with a comma", 0.3, 0.7);
    addNoteRow(second, "alpha", 0.2, 0.8);
    AddSigmoidScores filter = filter("-W", UNCALIBRATED + " -W "
      + StringTolerantDistributionClassifier.class.getName());

    Instances firstResult = runFilter(filter, first);
    Instances secondResult = Filter.useFilter(second, filter);

    assertEquals("alpha", firstResult.instance(0).stringValue(0));
    assertEquals("beta gamma", firstResult.instance(1).stringValue(0));
    assertTrue(firstResult.instance(2).isMissing(0), "missing string stays missing");
    assertEquals("delta, with a comma", secondResult.instance(0).stringValue(0));
    assertEquals("alpha", secondResult.instance(1).stringValue(0));
    assertEquals(0.6 / (0.6 + Math.sqrt(0.6 * 0.4)), firstResult.instance(0).value(4), 1e-12);
    assertEquals(0.2 / (0.2 + Math.sqrt(0.2 * 0.8)), secondResult.instance(1).value(4), 1e-12);
  }

  private static void addNoteRow(Instances data, String note, double p1, double p2) {
    double noteValue = note == null ? Utils.missingValue()
      : data.attribute(0).addStringValue(note);
    data.add(new DenseInstance(1, new double[] {noteValue, p1, p2, 0}));
  }

  // ----------------------------------------------------------- model training

  /**
   * The model is trained on the first batch only: scores of a later batch are
   * bit-identical to those of a separately trained model on the first batch.
   */
  @Test
  void laterBatchesUseFirstBatchModel() throws Exception {
    Instances[] halves = evenAndOddRows(glass());
    SoftmaxToSigmoid expectedModel = trainedJ48Model(halves[0]);
    AddSigmoidScores filter = filter("-W", J48_MODEL);

    runFilter(filter, halves[0]);
    Instances second = Filter.useFilter(halves[1], filter);

    int numInput = halves[1].numAttributes();
    int numClasses = halves[1].numClasses();
    for (int i = 0; i < halves[1].numInstances(); i++) {
      double[] expected = expectedModel.sigmoidScores(halves[1].instance(i));
      assertArrayEquals(expected, appendedValues(second.instance(i), numInput, numClasses), 0,
        "scores of second-batch row " + (i + 1));
    }
  }

  /** An empty first batch leaves no model, so a later batch is rejected, not scored. */
  @Test
  void emptyFirstBatchRejectsLaterBatch() throws Exception {
    Instances data = distributionData("empty", new String[] {"a", "b"},
      new double[][] {{0.5, 0.5}});
    AddSigmoidScores filter = filter("-W", UNCALIBRATED + " -W " + STUB);
    filter.setInputFormat(data);
    filter.batchFinished();

    WekaException error = assertThrows(WekaException.class,
      () -> filter.input(data.instance(0)));

    assertEquals("AddSigmoidScores has no trained model because the first batch had no "
      + "instances. Give training data in the first batch.", error.getMessage());
  }

  /** A base classifier that fails to train makes the filter throw, naming the cause. */
  @Test
  void trainingFailureIsThrown() throws Exception {
    // The stub needs 3 numeric attributes for 3 classes and finds only 2.
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    attributes.add(new Attribute("p1"));
    attributes.add(new Attribute("p2"));
    attributes.add(new Attribute("cls", Arrays.asList("a", "b", "c")));
    Instances data = new Instances("untrainable", attributes, 1);
    data.setClassIndex(2);
    data.add(new DenseInstance(1, new double[] {0.5, 0.5, 0}));
    AddSigmoidScores filter = filter("-W", UNCALIBRATED + " -W " + STUB);
    filter.setInputFormat(data);

    WekaException error = assertThrows(WekaException.class,
      () -> Filter.useFilter(data, filter));

    assertEquals("Training SoftmaxToSigmoid with base " + STUB + " on the first batch of 1 "
      + "instances failed: Need 3 numeric attributes to read the distribution from, found 2.",
      error.getMessage());
  }

  // ---------------------------------------------------------------- model files

  /**
   * A model saved as Weka's -d does (model, then training header) and read
   * with -serialized gives scores, logits and labels bit-identical to the
   * saved model's own, both plain and gzip-compressed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"model.bin", "model.bin.gz"})
  void serializedModelGivesModelScores(String fileName, @TempDir Path directory)
    throws Exception {
    Instances[] halves = evenAndOddRows(glass());
    SoftmaxToSigmoid model = trainedJ48Model(halves[0]);
    File file = directory.resolve(fileName).toFile();
    Object[] contents = {model, new Instances(halves[0], 0)};
    if (fileName.endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(new FileOutputStream(file))) {
        SerializationHelper.writeAll(out, contents);
      }
    } else {
      SerializationHelper.writeAll(file.getPath(), contents);
    }
    AddSigmoidScores filter = filter("-serialized", file.getPath(), "-logits", "-labels");

    Instances result = runFilter(filter, halves[1]);

    int numInput = halves[1].numAttributes();
    int numClasses = halves[1].numClasses();
    for (int i = 0; i < halves[1].numInstances(); i++) {
      Instance input = halves[1].instance(i);
      Instance output = result.instance(i);
      double[] scores = model.sigmoidScores(input);
      assertArrayEquals(scores, appendedValues(output, numInput, numClasses), 0,
        "scores of row " + (i + 1));
      assertArrayEquals(model.logits(input),
        appendedValues(output, numInput + numClasses, numClasses), 0, "logits of row " + (i + 1));
      assertArrayEquals(model.labelSetFromScores(scores),
        appendedValues(output, numInput + 2 * numClasses, numClasses), 0,
        "labels of row " + (i + 1));
    }
  }

  /** The error names the attribute whose name differs from the stored training header. */
  @Test
  void headerMismatchNamesTheAttribute(@TempDir Path directory) throws Exception {
    Instances[] halves = evenAndOddRows(glass());
    SoftmaxToSigmoid model = trainedJ48Model(halves[0]);
    File file = directory.resolve("model.bin").toFile();
    SerializationHelper.writeAll(file.getPath(), new Object[] {model, new Instances(halves[0], 0)});
    Instances renamed = new Instances(halves[1]);
    renamed.renameAttribute(1, "Sodium");
    AddSigmoidScores filter = filter("-serialized", file.getPath());

    WekaException error = assertThrows(WekaException.class, () -> filter.setInputFormat(renamed));

    assertEquals("The data do not match the training header stored with the model in '"
      + file.getAbsolutePath() + "': attribute 2 is 'Na' in the training header and 'Sodium' "
      + "in the data (Names differ: Na != Sodium). Give data with the attributes the model "
      + "was trained on, in the same order.", error.getMessage());
  }

  /** Reordered nominal values get their own message, since the names agree. */
  @Test
  void reorderedValuesAreNamed(@TempDir Path directory) throws Exception {
    Instances[] halves = evenAndOddRows(glass());
    SoftmaxToSigmoid model = trainedJ48Model(halves[0]);
    File file = directory.resolve("model.bin").toFile();
    SerializationHelper.writeAll(file.getPath(), new Object[] {model, new Instances(halves[0], 0)});
    // SortLabels puts the class values of Type in alphabetical order.
    weka.filters.unsupervised.attribute.SortLabels sort =
      new weka.filters.unsupervised.attribute.SortLabels();
    sort.setAttributeIndices("last");
    sort.setInputFormat(halves[1]);
    Instances sorted = Filter.useFilter(halves[1], sort);
    AddSigmoidScores filter = filter("-serialized", file.getPath());

    WekaException error = assertThrows(WekaException.class, () -> filter.setInputFormat(sorted));

    assertTrue(error.getMessage().contains(": the values of nominal attribute 10 'Type' are "
      + "{build wind float, build wind non-float, vehic wind float, vehic wind non-float, "
      + "containers, tableware, headlamps} in the training header but {build wind float, "
      + "build wind non-float, containers, headlamps, tableware, vehic wind float, vehic wind "
      + "non-float} in the data, the same values in another order"), error.getMessage());
  }

  /** Without a stored header, the class values are compared by name and position. */
  @Test
  void modelWithoutHeaderChecksClassValues(@TempDir Path directory) throws Exception {
    Instances data = distributionData("no-header", new String[] {"a", "b", "c"},
      new double[][] {{0.2, 0.3, 0.5}});
    SoftmaxToSigmoid model = AddSigmoidScores.classifierFromSpecification(UNCALIBRATED + " -W "
      + STUB);
    model.buildClassifier(data);
    File file = directory.resolve("model.bin").toFile();
    SerializationHelper.write(file.getPath(), model);
    Instances reordered = distributionData("no-header", new String[] {"a", "c", "b"},
      new double[][] {{0.2, 0.3, 0.5}});

    Instances result = runFilter(filter("-serialized", file.getPath()), data);
    WekaException error = assertThrows(WekaException.class,
      () -> filter("-serialized", file.getPath()).setInputFormat(reordered));

    assertArrayEquals(model.sigmoidScores(data.instance(0)),
      appendedValues(result.instance(0), 4, 3), 0);
    assertEquals("The class attribute 'cls' of the data does not match the model in '"
      + file.getAbsolutePath() + "': class value 2 is 'b' in the model and 'c' in the data. "
      + "Give data whose class has the values the model was trained with, in the same order.",
      error.getMessage());
  }

  /** A model file that contains another classifier is rejected with its class name. */
  @Test
  void serializedOtherClassifierIsRejected(@TempDir Path directory) throws Exception {
    File file = directory.resolve("j48.model").toFile();
    SerializationHelper.write(file.getPath(), new J48());
    AddSigmoidScores filter = filter("-serialized", file.getPath());
    Instances data = distributionData("other", new String[] {"a", "b"},
      new double[][] {{0.5, 0.5}});

    WekaException error = assertThrows(WekaException.class, () -> filter.setInputFormat(data));

    assertEquals("Serialized model file '" + file.getAbsolutePath() + "' contains a "
      + "weka.classifiers.trees.J48, but AddSigmoidScores needs a trained "
      + "weka.classifiers.meta.SoftmaxToSigmoid. Save one with -d, or train one with -W.",
      error.getMessage());
  }

  /** A file that is not a Java serialization stream gives an error naming the file. */
  @Test
  void unreadableModelFileIsRejected(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("model.xml");
    Files.write(file, "<object/>".getBytes(StandardCharsets.UTF_8));
    AddSigmoidScores filter = filter("-serialized", file.toString());
    Instances data = distributionData("xml", new String[] {"a", "b"},
      new double[][] {{0.5, 0.5}});

    WekaException error = assertThrows(WekaException.class, () -> filter.setInputFormat(data));

    assertTrue(error.getMessage().startsWith("Cannot read a serialized model from '"
      + file.toAbsolutePath() + "': java.io.StreamCorruptedException"), error.getMessage());
  }

  /** A -serialized path that does not exist is rejected when the options are set. */
  @Test
  void missingModelFileIsRejected(@TempDir Path directory) {
    File missing = directory.resolve("absent.model").toFile();

    FileNotFoundException error = assertThrows(FileNotFoundException.class,
      () -> filter("-serialized", missing.getPath()));

    assertEquals("Option -serialized: model file '" + missing.getAbsolutePath() + "' not "
      + "found. Give the file a SoftmaxToSigmoid was saved to with -d.", error.getMessage());
  }

  // ------------------------------------------------------------------- options

  /** A -W classifier other than SoftmaxToSigmoid is rejected with a remedy. */
  @Test
  void otherClassifierSpecificationIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> filter("-W", "weka.classifiers.trees.J48 -C 0.1"));

    assertEquals("AddSigmoidScores needs a weka.classifiers.meta.SoftmaxToSigmoid as its "
      + "classifier, found weka.classifiers.trees.J48. Wrap that classifier, for example -W "
      + "\"weka.classifiers.meta.SoftmaxToSigmoid -W weka.classifiers.trees.J48\".",
      error.getMessage());
  }

  /** The property setter, used by the Explorer, rejects other classifiers too. */
  @Test
  void setClassifierRejectsOtherClassifier() {
    AddSigmoidScores filter = new AddSigmoidScores();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> filter.setClassifier(new J48()));

    assertTrue(error.getMessage().contains("found weka.classifiers.trees.J48"),
      error.getMessage());
    assertInstanceOf(SoftmaxToSigmoid.class, filter.getClassifier());
  }

  /** An unknown -W class name is reported as not found. */
  @Test
  void unknownClassifierClassIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> filter("-W", "weka.classifiers.meta.NoSuchClassifier"));

    assertEquals("Option -W: cannot create classifier 'weka.classifiers.meta.NoSuchClassifier' "
      + "(class not found). Give the full class name, for example "
      + "weka.classifiers.meta.SoftmaxToSigmoid.", error.getMessage());
  }

  /**
   * getOptions and setOptions round-trip a quoted -W specification whose
   * SoftmaxToSigmoid has its own -W and, after --, J48's -C 0.1, together with
   * a model path containing a space.
   */
  @Test
  void optionsRoundTripNestedSpecification(@TempDir Path directory) throws Exception {
    Path modelDirectory = Files.createDirectory(directory.resolve("model dir"));
    File file = modelDirectory.resolve("model.bin").toFile();
    SerializationHelper.write(file.getPath(), new SoftmaxToSigmoid());
    String specification = "weka.classifiers.meta.SoftmaxToSigmoid -calibrator none "
      + "-W weka.classifiers.trees.J48 -- -C 0.1";
    AddSigmoidScores first = filter("-W", specification, "-serialized", file.getPath(),
      "-logits", "-labels");

    String[] options = first.getOptions();
    AddSigmoidScores second = filter(options.clone());

    assertArrayEquals(options, second.getOptions());
    SoftmaxToSigmoid model = (SoftmaxToSigmoid) second.getClassifier();
    assertEquals("none", model.getCalibrator().getSelectedTag().getReadable());
    J48 base = (J48) model.getClassifier();
    assertEquals(0.1f, base.getConfidenceFactor(), 0);
    assertEquals(file.getPath(), second.getSerializedClassifierFile().getPath());
    assertTrue(second.getOutputLogits());
    assertTrue(second.getOutputLabels());
  }

  /** An option the filter does not know is reported as illegal. */
  @Test
  void unknownOptionIsRejected() {
    Exception error = assertThrows(Exception.class, () -> filter("-Q", "1"));

    assertEquals("Illegal options: -Q 1 ", error.getMessage());
  }

  /** Data without a class attribute are rejected: the appended names need the class values. */
  @Test
  void missingClassIsRejected() throws Exception {
    Instances data = distributionData("no-class", new String[] {"a", "b"},
      new double[][] {{0.5, 0.5}});
    data.setClassIndex(-1);
    AddSigmoidScores filter = filter("-W", UNCALIBRATED + " -W " + STUB);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> filter.setInputFormat(data));

    assertEquals("AddSigmoidScores needs a nominal class attribute, but the class of "
      + "relation 'no-class' is not set. Set it, for example with -c on the command line.",
      error.getMessage());
  }

  /** An input attribute that already has an output name, as after filtering twice, is rejected. */
  @Test
  void outputNameCollisionIsRejected() throws Exception {
    Instances data = distributionData("twice", new String[] {"a", "b"},
      new double[][] {{0.5, 0.5}});
    data.renameAttribute(0, "score_b");
    AddSigmoidScores filter = filter("-W", UNCALIBRATED + " -W " + STUB);
    filter.setInputFormat(data);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> Filter.useFilter(data, filter));

    assertEquals("Input attribute 'score_b' has the name of an attribute that "
      + "AddSigmoidScores appends. Rename or remove it first, for example with "
      + "weka.filters.unsupervised.attribute.Remove.", error.getMessage());
  }

  // ---------------------------------------------------------------- batch mode

  /**
   * Batch mode (-b) through main: the model is trained on the first file and
   * scores both. Weka writes 6 decimals to ARFF, so values are compared to
   * 1e-6 against a model trained on the first file as read back from disk.
   */
  @Test
  void batchModeScoresBothFiles(@TempDir Path directory) throws Exception {
    Instances[] halves = evenAndOddRows(glass());
    Path train = directory.resolve("train.arff");
    Path test = directory.resolve("test.arff");
    Path out1 = directory.resolve("out1.arff");
    Path out2 = directory.resolve("out2.arff");
    Files.write(train, halves[0].toString().getBytes(StandardCharsets.UTF_8));
    Files.write(test, halves[1].toString().getBytes(StandardCharsets.UTF_8));

    AddSigmoidScores.main(new String[] {"-b", "-i", train.toString(), "-o", out1.toString(),
      "-r", test.toString(), "-s", out2.toString(), "-c", "last", "-W", J48_MODEL, "-labels"});

    assertTrue(Files.isRegularFile(out1), "first output written");
    assertTrue(Files.isRegularFile(out2), "second output written");
    Instances trainData = DataSource.read(train.toString());
    trainData.setClassIndex(trainData.numAttributes() - 1);
    Instances testData = DataSource.read(test.toString());
    testData.setClassIndex(testData.numAttributes() - 1);
    SoftmaxToSigmoid expectedModel = trainedJ48Model(trainData);
    assertScoresMatch(expectedModel, trainData, DataSource.read(out1.toString()), "out1");
    assertScoresMatch(expectedModel, testData, DataSource.read(out2.toString()), "out2");
  }

  private static void assertScoresMatch(SoftmaxToSigmoid model, Instances input,
    Instances output, String fileName) throws Exception {
    int numInput = input.numAttributes();
    int numClasses = input.numClasses();
    assertEquals(input.numInstances(), output.numInstances(), fileName + " rows");
    assertEquals(numInput + 2 * numClasses, output.numAttributes(), fileName + " attributes");
    assertEquals("score_" + input.classAttribute().value(0), output.attribute(numInput).name());
    for (int i = 0; i < input.numInstances(); i++) {
      double[] scores = model.sigmoidScores(input.instance(i));
      assertArrayEquals(scores, appendedValues(output.instance(i), numInput, numClasses), 1e-6,
        fileName + " scores of row " + (i + 1));
      assertArrayEquals(model.labelSetFromScores(scores),
        appendedValues(output.instance(i), numInput + numClasses, numClasses), 0,
        fileName + " labels of row " + (i + 1));
    }
    assertNotEquals(0, output.numInstances());
  }
}
