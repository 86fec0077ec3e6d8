package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weka.filters.unsupervised.attribute.ProbabilityTables.arff;
import static weka.filters.unsupervised.attribute.ProbabilityTables.csv;
import static weka.filters.unsupervised.attribute.ProbabilityTables.filter;
import static weka.filters.unsupervised.attribute.ProbabilityTables.row;

import java.io.File;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.classifiers.misc.PrecomputedDistribution;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

class ProbabilitiesToSigmoidBehaviourTest {

  private static final double EXACT = 1e-12;

  @TempDir
  File directory;

  private static Instances threeClasses(String rows) {
    return arff("@relation three\n@attribute x numeric\n@attribute distribution_a numeric\n"
      + "@attribute distribution_b numeric\n@attribute distribution_c numeric\n"
      + "@attribute cls {a,b,c}\n@data\n" + rows);
  }

  private static Instances twoClasses(String rows) {
    return arff("@relation two\n@attribute distribution_a numeric\n"
      + "@attribute distribution_b numeric\n@attribute cls {a,b}\n@data\n" + rows);
  }

  private static IllegalArgumentException rejected(String options, Instances data) {
    return assertThrows(IllegalArgumentException.class, () -> filter(options, data));
  }

  // ------------------------------------------------------- mapping by name

  @Test
  void csvColumnsInOtherOrderMapByName() throws Exception {
    // The class declares {won,nowin}; the CSV has the columns nowin,won. Max gauge:
    // s_k = y_k / (y_k + max y), so row 1, y = (won 0.1, nowin 0.9), gives (0.1, 0.5).
    Instances data = csv(directory, "nowin,won,outcome\n0.9,0.1,nowin\n0.2,0.8,won\n",
      "-L last:won,nowin");
    data.setClassIndex(2);
    assertEquals("won", data.classAttribute().value(0));

    Instances result = filter("-R 1-2 -gauge maximum -smoothing 0", data);

    assertArrayEquals(new double[] {0.1, 0.5}, row(result, 0, "score_won", "score_nowin"),
      EXACT);
    assertArrayEquals(new double[] {0.5, 0.2}, row(result, 1, "score_won", "score_nowin"),
      EXACT);
    assertEquals("score_won", result.attribute(3).name());
    assertEquals("score_nowin", result.attribute(4).name());
  }

  @Test
  void numericLookingLabelsMapByName() throws Exception {
    // Class {0,1,2,10}; the CSV columns are in string order 0,1,10,2, so y('10') = 0.3 and
    // y('2') = 0.4. Max gauge: (0.1/0.5, 0.2/0.6, 0.4/0.8, 0.3/0.7).
    Instances data = csv(directory, "0,1,10,2,label\n0.1,0.2,0.3,0.4,2\n",
      "-N last -L last:0,1,2,10");
    data.setClassIndex(4);
    assertEquals("10", data.classAttribute().value(3));

    Instances result = filter("-R 1-4 -gauge maximum -smoothing 0", data);

    assertArrayEquals(new double[] {0.2, 1.0 / 3, 0.5, 3.0 / 7},
      row(result, 0, "score_0", "score_1", "score_2", "score_10"), EXACT);
  }

  @Test
  void emptyPrefixMatchesPlainClassNames() throws Exception {
    Instances data = csv(directory, "0,1,10,2,label\n0.1,0.2,0.3,0.4,2\n",
      "-N last -L last:0,1,2,10");
    data.setClassIndex(4);

    Instances result = filter("-prefix \"\" -gauge maximum -smoothing 0", data);

    assertArrayEquals(new double[] {0.2, 1.0 / 3, 0.5, 3.0 / 7},
      row(result, 0, "score_0", "score_1", "score_2", "score_10"), EXACT);
  }

  @Test
  void rangeWithClassColumnIsRejected() throws Exception {
    Instances data = csv(directory, "species,a,b\na,0.7,0.3\nb,0.2,0.8\n", "");
    data.setClassIndex(0);

    IllegalArgumentException error = rejected("-R 1-3", data);

    assertEquals("Option -R selects column 1 'species', which is the class attribute. Select "
      + "only the probability columns.", error.getMessage());
  }

  @Test
  void numberNamedColumnsAreRejected() throws Exception {
    // Read without -H, the first row of a headerless file becomes the column names: the
    // filter must stop instead of converting the remaining rows one short.
    Instances data = csv(directory, "0.7,0.2,0.1\n0.1,0.8,0.1\n0.3,0.3,0.4\n", "");
    assertEquals(2, data.numInstances());

    IllegalArgumentException error = rejected("-R 1-3 -class-values a,b,c", data);

    assertEquals("The probability columns {'0.7', '0.2', '0.1'} (option -R) are named with "
      + "numbers, so the file probably has no header row and its first row of values became "
      + "the column names. Add a header row, or convert the file first with "
      + "'java weka.core.converters.CSVLoader file.csv -H > file.arff', which names the "
      + "columns att1, att2 and so on.", error.getMessage());
  }

  @Test
  void headerlessCsvNeedsClassValues() throws Exception {
    Instances data = csv(directory, "0.9,0.1\n0.2,0.8\n", "-H");

    IllegalArgumentException error = rejected("-R first-last", data);
    assertEquals("The probability columns are matched to class values by name, but no class "
      + "attribute is set. Set a nominal class (with -c on the command line), or name each "
      + "column's class with -class-values.",
      error.getMessage());

    Instances result = filter("-R first-last -class-values nowin,won -gauge maximum "
      + "-smoothing 0", data);
    assertArrayEquals(new double[] {0.5, 0.1}, row(result, 0, "score_nowin", "score_won"),
      EXACT);
  }

  @Test
  void classValuesContradictingNamesAreRejected() throws Exception {
    Instances data = csv(directory, "nowin,won\n0.9,0.1\n", "");

    IllegalArgumentException error = rejected("-R 1-2 -class-values won,nowin", data);

    assertEquals("Option -class-values maps column 1 'nowin' to class value 'won', but the "
      + "column is named after class value 'nowin'. Correct the order of -class-values, or "
      + "leave it out to match the columns by name.", error.getMessage());
  }

  @Test
  void classValuesWithoutRangeAreRejected() {
    Instances data = twoClasses("0.8,0.2,a\n");

    IllegalArgumentException error = rejected("-class-values b,a", data);

    assertEquals("Option -class-values gives the class of each column selected with -R, and "
      + "the class values are already known from the nominal class 'cls'. Select the columns "
      + "with -R, or leave -class-values out.", error.getMessage());
  }

  @Test
  void classValuesWithoutClassListTheClasses() throws Exception {
    Instances data = arff("@relation r\n@attribute distribution_x numeric\n"
      + "@attribute distribution_y numeric\n@data\n0.8,0.2\n");

    Instances result = filter("-class-values y,x -gauge maximum -smoothing 0", data);

    // Max gauge: s = y / (y + max y), so y = 0.2 gives 0.2 / 1.0 and the top class 0.5.
    assertEquals("score_y", result.attribute(2).name());
    assertArrayEquals(new double[] {0.2, 0.5}, row(result, 0, "score_y", "score_x"), EXACT);
  }

  @Test
  void csvClassMissingValueExplainsCause() throws Exception {
    // The CSV loader declares only the class values it reads, so a file without a
    // 'virginica' row gets a class {setosa, versicolor} while -R selects three columns.
    Instances data = csv(directory, "label,setosa,versicolor,virginica\n"
      + "setosa,0.8,0.1,0.1\nversicolor,0.1,0.7,0.2\n", "");
    data.setClassIndex(0);

    IllegalArgumentException byName = rejected("-R 2-4", data);
    IllegalArgumentException listed = rejected("-R 2-4 -class-values setosa,versicolor,virginica",
      data);

    String hint = "Option -R selects 3 columns but the class has only 2 values. A nominal "
      + "class read from a CSV file has only the values that occur in it, so declare every "
      + "class value, in an ARFF header or with Weka's filter "
      + "weka.filters.unsupervised.attribute.AddValues.";
    assertEquals("Probability column 4 'virginica' (option -R) is not named after a class "
      + "value {'setosa', 'versicolor'} with or without the prefix 'distribution_'. " + hint
      + " Name the columns after the class values, or give each column's class with "
      + "-class-values.", byName.getMessage());
    assertEquals("Option -class-values: 'virginica' is not a class value {'setosa', "
      + "'versicolor'}. " + hint, listed.getMessage());
  }

  @Test
  void columnNamedAfterNoClassIsRejected() throws Exception {
    Instances data = csv(directory, "p1,p2,outcome\n0.9,0.1,won\n0.2,0.8,nowin\n", "");
    data.setClassIndex(2);

    IllegalArgumentException error = rejected("-R 1-2", data);

    assertEquals("Probability column 1 'p1' (option -R) is not named after a class value "
      + "{'won', 'nowin'} with or without the prefix 'distribution_'. Name the columns after "
      + "the class values, or give each column's class with -class-values.",
      error.getMessage());
  }

  @Test
  void missingPrefixedColumnIsNamed() {
    Instances data = arff("@relation r\n@attribute distribution_a numeric\n"
      + "@attribute cls {a,b}\n@data\n1,a\n");

    IllegalArgumentException error = rejected("", data);

    assertEquals("No probability column for class value 'b': expected an attribute named "
      + "'distribution_b'. Rename the columns to {'distribution_a', 'distribution_b'}, set "
      + "-prefix to their common prefix, or select them with -R.", error.getMessage());
  }

  @Test
  void singleProbabilityColumnIsRejected() {
    Instances unary = arff("@relation unary\n@attribute distribution_only numeric\n"
      + "@attribute cls {only}\n@data\n1,only\n1,only\n");

    IllegalArgumentException error = rejected("", unary);

    assertEquals("Need at least 2 probability columns, one per class value, found 1: "
      + "{'distribution_only'}. A single probability describes a binary problem: add the "
      + "column of the other class, for example 1 - p.", error.getMessage());
    assertTrue(error.getMessage().toLowerCase().contains("need at least 2 probability columns"));
  }

  @Test
  void rangeOfOneColumnIsRejected() {
    Instances data = twoClasses("0.5,0.5,a\n");

    IllegalArgumentException error = rejected("-R 1", data);

    assertTrue(error.getMessage().startsWith("Need at least 2 probability columns, one per "
      + "class value, found 1: {'distribution_a'}."), error.getMessage());
  }

  // --------------------------------------------------- row checks (E3, sums)

  @Test
  void independentProbabilitiesAreRejectedForSoftmaxGauges() {
    Instances data = threeClasses("1,0.9,0.8,0.1,a\n");

    IllegalArgumentException error = rejected("", data);

    assertEquals("Row 1 sums to 1.8; these look like independent per-label probabilities; "
      + "use -gauge one-vs-rest, or -renormalize to divide each row by its sum. Values: "
      + "distribution_a = 0.9, distribution_b = 0.8, distribution_c = 0.1.", error.getMessage());
  }

  @Test
  void oneVsRestReproducesIndependentProbabilities() throws Exception {
    // x = ln y - ln(1 - y), so sigmoid(x) = y; only rounding in log and exp remains.
    Instances data = threeClasses("1,0.9,0.8,0.1,a\n2,0.05,0.5,0.999,c\n");

    Instances result = filter("-gauge one-vs-rest -logits", data);

    assertArrayEquals(new double[] {0.9, 0.8, 0.1}, row(result, 0, "score_a", "score_b",
      "score_c"), EXACT);
    assertArrayEquals(new double[] {0.05, 0.5, 0.999}, row(result, 1, "score_a", "score_b",
      "score_c"), EXACT);
    assertEquals(Math.log(9), row(result, 0, "logit_a")[0], EXACT);
  }

  @Test
  void oneVsRestClampsZeroAndOne() throws Exception {
    // Floor f = eps / (1 + 2 eps) with eps = 1e-4, so 1 becomes 1 - f and 0 becomes f.
    Instances data = threeClasses("1,1,0,0.5,a\n");
    double floor = 1e-4 / (1 + 2e-4);

    Instances result = filter("-gauge one-vs-rest", data);

    assertArrayEquals(new double[] {1 - floor, floor, 0.5}, row(result, 0, "score_a",
      "score_b", "score_c"), EXACT);
  }

  @Test
  void oneVsRestRejectsProbabilityAboveOne() {
    Instances data = threeClasses("1,1.2,0.3,0.1,a\n");

    IllegalArgumentException error = rejected("-gauge one-vs-rest", data);

    assertEquals("Row 1, column 'distribution_a': probability 1.2 lies outside [0, 1]; an "
      + "independent per-label probability must lie in [0, 1]. Correct the data, or set "
      + "-renormalize to give such rows missing scores.", error.getMessage());
  }

  @Test
  void negativeProbabilityNamesRowColumnAndValue() {
    Instances data = twoClasses("0.5,0.5,a\n-0.1,1.1,b\n");

    IllegalArgumentException error = rejected("", data);

    assertEquals("Row 2, column 'distribution_a': probability -0.1 is negative; a class "
      + "probability must be finite and at least 0. Correct the data, or set -renormalize "
      + "to give such rows missing scores.", error.getMessage());
  }

  @Test
  void infiniteProbabilityIsRejected() throws Exception {
    Instances data = twoClasses("0.5,0.5,a\n");
    data.instance(0).setValue(1, Double.POSITIVE_INFINITY);

    IllegalArgumentException error = rejected("", data);

    assertTrue(error.getMessage().startsWith("Row 1, column 'distribution_b': probability "
      + "Infinity is not finite;"), error.getMessage());
  }

  @Test
  void sumBelowOneIsRejected() {
    Instances data = twoClasses("0.3,0.4,a\n");

    IllegalArgumentException error = rejected("", data);

    assertEquals("Row 1 sums to 0.7, not 1 within the tolerance 0.001 (-tolerance); check "
      + "that -R selects every class's column, or set -renormalize to divide each row by its "
      + "sum. Values: distribution_a = 0.3, distribution_b = 0.4.", error.getMessage());
  }

  @Test
  void roundedRowsPassTheDefaultTolerance() throws Exception {
    // Three classes printed with 6 decimals sum to 0.999999.
    Instances data = threeClasses("1,0.333333,0.333333,0.333333,a\n");

    Instances result = filter("", data);

    assertEquals(0.5, row(result, 0, "score_a")[0], EXACT);
  }

  @Test
  void renormalizeDividesBySumAndBlanksInvalidRows() throws Exception {
    // (0.3, 0.4) becomes (3/7, 4/7); the reference gauge on class b gives s_a = 3/7.
    Instances data = twoClasses("0.3,0.4,a\n-0.1,1.1,b\n0,0,a\n");

    Instances result = filter("-renormalize -gauge reference -reference-class b "
      + "-smoothing 0 -labels", data);

    assertEquals(3, result.numInstances());
    assertEquals(3.0 / 7, row(result, 0, "score_a")[0], EXACT);
    for (int i = 1; i < 3; i++) {
      for (double value : row(result, i, "score_a", "score_b", "label_a", "label_b")) {
        assertTrue(Utils.isMissingValue(value), "row " + (i + 1) + " should be missing");
      }
    }
  }

  @Test
  void missingProbabilityGivesMissingOutputs() throws Exception {
    Instances data = threeClasses("1,?,0.5,0.5,a\n2,0.2,0.3,0.5,b\n");

    Instances result = filter("-logits -labels", data);

    for (double value : row(result, 0, "score_a", "score_b", "score_c", "logit_a", "logit_b",
      "logit_c", "label_a", "label_b", "label_c")) {
      assertTrue(Utils.isMissingValue(value));
    }
    assertTrue(!Utils.isMissingValue(row(result, 1, "score_a")[0]));
  }

  // ----------------------------------------------------------- calibration

  @Test
  void perClassScalesFollowClassOrder() throws Exception {
    // Reference gauge on b, y = (0.8, 0.2): x = (ln 4, 0). a = (2, 1), b = (0, -1):
    // s_a = sigmoid(2 ln 4) = 16/17, s_b = sigmoid(-1).
    Instances data = twoClasses("0.8,0.2,a\n");

    Instances result = filter("-gauge reference -smoothing 0 -scales 2,1 -offsets 0,-1 "
      + "-logits -labels", data);

    assertArrayEquals(new double[] {16.0 / 17, 1 / (1 + Math.exp(1))},
      row(result, 0, "score_a", "score_b"), EXACT);
    assertArrayEquals(new double[] {2 * Math.log(4), -1}, row(result, 0, "logit_a",
      "logit_b"), EXACT);
    assertArrayEquals(new double[] {1, 0}, row(result, 0, "label_a", "label_b"));
  }

  @Test
  void sharedScaleAndOffsetApplyToEveryClass() throws Exception {
    Instances data = twoClasses("0.8,0.2,a\n");

    Instances result = filter("-gauge reference -smoothing 0 -scale 2 -offset 0.5", data);

    assertArrayEquals(new double[] {1 / (1 + Math.exp(-(2 * Math.log(4) + 0.5))),
      1 / (1 + Math.exp(-0.5))}, row(result, 0, "score_a", "score_b"), EXACT);
  }

  @Test
  void scaleListOfWrongLengthIsRejected() {
    Instances data = twoClasses("0.8,0.2,a\n");

    IllegalArgumentException error = rejected("-scales 1,2,3", data);

    assertEquals("Option -scales lists 3 numbers for 2 class values; give one per class "
      + "value, in the order a,b.", error.getMessage());
  }

  @Test
  void nonPositiveScaleIsRejected() {
    ProbabilitiesToSigmoid filter = new ProbabilitiesToSigmoid();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> filter.setOptions(new String[] {"-scale", "0"}));

    assertEquals("Option -scale: scale 0.0 must be finite and above 0, because a scale of 0 "
      + "or below would erase or invert the ranking of the classes.", error.getMessage());
  }

  @Test
  void unknownGaugeIsRejected() {
    ProbabilitiesToSigmoid filter = new ProbabilitiesToSigmoid();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> filter.setOptions(new String[] {"-gauge", "median"}));

    assertTrue(error.getMessage().startsWith("Unknown gauge 'median'"), error.getMessage());
  }

  @Test
  void modelFileCalibrationMatchesTheModel() throws Exception {
    // A SoftmaxToSigmoid over PrecomputedDistribution is fitted on rows that carry their own
    // distribution. The filter with -model must give the model's scores and labels, even
    // with the columns in another order and without the prefix.
    StringBuilder rows = new StringBuilder();
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 60; i++) {
      double[] y = {random.nextDouble() + 0.05, random.nextDouble() + 0.05,
        random.nextDouble() + 0.05};
      double sum = y[0] + y[1] + y[2];
      int label = random.nextDouble() < 0.7 ? argMax(y) : random.nextInt(3);
      rows.append(i).append(',').append(y[0] / sum).append(',').append(y[1] / sum).append(',')
        .append(y[2] / sum).append(',').append("abc".charAt(label)).append('\n');
    }
    Instances training = threeClasses(rows.toString());
    SoftmaxToSigmoid model = new SoftmaxToSigmoid();
    model.setOptions(Utils.splitOptions("-calibrator per-class -per-class-minimum 1 "
      + "-threshold-rule per-class-f1 -folds 3"));
    model.setClassifier(new PrecomputedDistribution());
    model.buildClassifier(training);
    File file = new File(directory, "model with space.bin");
    SerializationHelper.write(file.getPath(), model);

    StringBuilder reordered = new StringBuilder("c,a,b\n");
    for (int i = 0; i < training.numInstances(); i++) {
      double[] y = training.instance(i).toDoubleArray();
      reordered.append(y[3]).append(',').append(y[1]).append(',').append(y[2]).append('\n');
    }
    Instances columns = csv(directory, reordered.toString(), "");
    Instances result = filter("-R 1-3 -class-values c,a,b -model \"" + file.getPath()
      + "\" -labels", columns);

    for (int i = 0; i < training.numInstances(); i++) {
      double[] expectedScores = model.sigmoidScores(training.instance(i));
      assertArrayEquals(expectedScores, row(result, i, "score_a", "score_b", "score_c"), EXACT,
        "row " + (i + 1));
      assertArrayEquals(model.labelSetFromScores(expectedScores), row(result, i, "label_a",
        "label_b", "label_c"), "row " + (i + 1));
    }
  }

  @Test
  void modelWithOtherClassValuesIsRejected() throws Exception {
    SoftmaxToSigmoid model = new SoftmaxToSigmoid();
    model.setOptions(Utils.splitOptions("-calibrator none"));
    model.setClassifier(new PrecomputedDistribution());
    model.buildClassifier(twoClasses("0.8,0.2,a\n0.3,0.7,b\n"));
    File file = new File(directory, "model.bin");
    SerializationHelper.write(file.getPath(), model);

    IllegalArgumentException error = rejected("-model " + file.getPath(),
      threeClasses("1,0.2,0.3,0.5,a\n"));

    assertEquals("Option -model: the class 'cls' of the data has the values [a, b, c], but "
      + "the model in '" + file.getPath() + "' was trained with [a, b]. Give data with the "
      + "model's class values, or unset the class.", error.getMessage());
  }

  @Test
  void modelRowSumAdviceLeavesGaugeAlone() throws Exception {
    // -model replaces -gauge, so the advice for a row of independent per-label
    // probabilities must not be "-gauge one-vs-rest", even for a one-vs-rest model.
    SoftmaxToSigmoid model = new SoftmaxToSigmoid();
    model.setOptions(Utils.splitOptions("-gauge one-vs-rest -calibrator none"));
    model.setClassifier(new PrecomputedDistribution());
    model.buildClassifier(twoClasses("0.8,0.2,a\n0.3,0.7,b\n"));
    File file = new File(directory, "one-vs-rest.model");
    SerializationHelper.write(file.getPath(), model);

    IllegalArgumentException error = rejected("-model " + file.getPath(),
      twoClasses("0.9,0.2,a\n"));

    assertEquals("Row 1 sums to 1.1; these look like independent per-label probabilities, "
      + "but the calibration of the -model file was fitted to class distributions, which sum "
      + "to 1. Set -renormalize to divide each row by its sum, or leave out -model and "
      + "convert with -gauge one-vs-rest and -scale, -offset of your own. Values: "
      + "distribution_a = 0.9, distribution_b = 0.2.", error.getMessage());
  }

  @Test
  void missingModelFileIsNamed() {
    File file = new File(directory, "absent.model");

    Exception error = assertThrows(java.io.FileNotFoundException.class,
      () -> filter("-model " + file.getPath(), twoClasses("0.8,0.2,a\n")));

    assertEquals("Option -model: model file '" + file.getAbsolutePath() + "' not found. Give "
      + "a file that a SoftmaxToSigmoid was saved to with -d.", error.getMessage());
  }

  // ------------------------------------------------- layout, rows and weights

  @Test
  void everyRowAttributeAndWeightIsKept() throws Exception {
    Instances data = threeClasses("1,0.2,0.3,0.5,a,{3}\n2,0.6,0.3,0.1,b\n3,?,0.5,0.5,c,{0.5}\n");

    Instances result = filter("-logits -labels", data);

    assertEquals(3, result.numInstances());
    assertEquals(5 + 9, result.numAttributes());
    assertEquals(4, result.classIndex());
    assertArrayEquals(new double[] {3, 1, 0.5}, new double[] {result.instance(0).weight(),
      result.instance(1).weight(), result.instance(2).weight()});
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 5; j++) {
        assertEquals(data.instance(i).value(j), result.instance(i).value(j), 0.0,
          "row " + (i + 1) + ", attribute " + (j + 1));
      }
    }
    assertEquals("label_c", result.attribute(13).name());
    assertTrue(result.attribute(13).isNominal());
  }

  @Test
  void replaceRemovesProbabilityColumns() throws Exception {
    Instances data = threeClasses("1,0.2,0.3,0.5,a\n");

    Instances result = filter("-replace", data);

    assertEquals(Arrays.asList("x", "cls", "score_a", "score_b", "score_c"),
      names(result));
    assertEquals(1, result.classIndex());
  }

  @Test
  void instanceIsOutputBeforeTheNextIsInput() throws Exception {
    Instances data = threeClasses("1,0.2,0.3,0.5,a\n2,0.6,0.3,0.1,b\n");
    ProbabilitiesToSigmoid filter = new ProbabilitiesToSigmoid();
    assertTrue(filter.setInputFormat(data));

    assertTrue(filter.input(data.instance(0)));
    assertNotNull(filter.output());
    assertNull(filter.output());
    assertTrue(filter.input(data.instance(1)));
    assertNotNull(filter.output());
  }

  @Test
  void rowNumbersRestartWithEachBatch() throws Exception {
    Instances good = threeClasses("1,0.2,0.3,0.5,a\n");
    Instances bad = threeClasses("1,0.2,0.3,0.6,a\n");
    ProbabilitiesToSigmoid filter = new ProbabilitiesToSigmoid();
    filter.setInputFormat(good);
    filter.input(good.instance(0));
    filter.batchFinished();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> filter.input(bad.instance(0)));

    assertTrue(error.getMessage().startsWith("Row 1 sums to 1.1;"), error.getMessage());
  }

  @Test
  void clashingOutputNameIsRejected() {
    Instances data = arff("@relation r\n@attribute score_a numeric\n"
      + "@attribute distribution_a numeric\n@attribute distribution_b numeric\n"
      + "@attribute cls {a,b}\n@data\n1,0.5,0.5,a\n");

    IllegalArgumentException error = rejected("", data);

    assertEquals("The output would have two attributes named 'score_a'. Rename or remove the "
      + "input attribute first, for example with "
      + "weka.filters.unsupervised.attribute.RenameAttribute, or set -replace if it is a "
      + "probability column.", error.getMessage());
  }

  @Test
  void nominalProbabilityColumnIsRejected() throws Exception {
    Instances data = arff("@relation r\n@attribute distribution_a {x,y}\n"
      + "@attribute distribution_b numeric\n@attribute cls {a,b}\n@data\nx,0.5,a\n");

    IllegalArgumentException error = rejected("", data);

    assertEquals("Probability column 1 'distribution_a' is nominal; probability columns must "
      + "be numeric.", error.getMessage());
  }

  // -------------------------------------------------------------- options

  @Test
  void optionsRoundTrip() throws Exception {
    ProbabilitiesToSigmoid filter = new ProbabilitiesToSigmoid();
    filter.setOptions(Utils.splitOptions("-R 2-4 -prefix p_ -class-values x,y,z "
      + "-gauge reference -reference-class y -log-z 1.5 -smoothing 0.01 -scale 2 -offset -1 "
      + "-scales 1,2,3 -offsets 0,0.5,1 -model \"some dir/model file.bin\" -replace -logits "
      + "-labels -threshold 0.3 -keep-top -tolerance 0.01 -renormalize -meka -keep-class"));
    String[] first = filter.getOptions();

    ProbabilitiesToSigmoid copy = new ProbabilitiesToSigmoid();
    copy.setOptions(first.clone());

    assertArrayEquals(first, copy.getOptions());
    assertEquals(new File("some dir/model file.bin"), copy.getModelFile());
    assertEquals("x,y,z", copy.getClassValues());
  }

  @Test
  void defaultOptionsRoundTrip() throws Exception {
    String[] first = new ProbabilitiesToSigmoid().getOptions();
    ProbabilitiesToSigmoid copy = new ProbabilitiesToSigmoid();

    copy.setOptions(first.clone());

    assertArrayEquals(first, copy.getOptions());
  }

  @Test
  void invalidRangeIsRejected() {
    ProbabilitiesToSigmoid filter = new ProbabilitiesToSigmoid();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> filter.setOptions(new String[] {"-R", "2-x"}));

    assertEquals("Option -R: '2-x' is not a valid range: use 1-based indices such as 2-4,7 "
      + "or first-last.", error.getMessage());
  }

  private static java.util.List<String> names(Instances data) {
    java.util.List<String> result = new java.util.ArrayList<String>();
    for (int j = 0; j < data.numAttributes(); j++) {
      result.add(data.attribute(j).name());
    }
    return result;
  }

  private static int argMax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }
}
