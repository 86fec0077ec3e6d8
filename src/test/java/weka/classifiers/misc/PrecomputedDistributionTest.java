package weka.classifiers.misc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * Tests for PrecomputedDistribution.
 *
 * <p>Weka's AbstractClassifierTest is not used: its generated data sets have no
 * probability columns named after the class values, so every build would fail
 * and the harness would only report that the classifier handles none of the
 * capabilities it declares. The generic contract that can pass meaningfully
 * (serialVersionUID, options, tip texts) is checked here with Weka's own
 * CheckOptionHandler and CheckGOE.
 */
class PrecomputedDistributionTest {

  private static Instances arff(String text) {
    try {
      Instances data = new Instances(new StringReader(text));
      data.setClass(data.attribute("cls"));
      return data;
    } catch (IOException e) {
      throw new IllegalArgumentException("Invalid test ARFF: " + e.getMessage(), e);
    }
  }

  private static final String HEADER = "@relation p\n@attribute x numeric\n"
    + "@attribute distribution_c numeric\n@attribute distribution_a numeric\n"
    + "@attribute distribution_b numeric\n@attribute cls {a,b,c}\n@data\n";

  private static PrecomputedDistribution built(String options, Instances data)
    throws Exception {
    PrecomputedDistribution classifier = new PrecomputedDistribution();
    classifier.setOptions(Utils.splitOptions(options));
    classifier.buildClassifier(data);
    return classifier;
  }

  @Test
  void prefixColumnsGiveClassOrder() throws Exception {
    Instances data = arff(HEADER + "1,0.1,0.7,0.2,a\n");

    PrecomputedDistribution classifier = built("", data);

    assertArrayEquals(new double[] {0.7, 0.2, 0.1},
      classifier.distributionForInstance(data.instance(0)));
    assertEquals(0, classifier.classifyInstance(data.instance(0)), 0.0);
  }

  @Test
  void rangeWithClassColumnIsRejected() {
    Instances data = arff("@relation p\n@attribute cls {a,b}\n@attribute a numeric\n"
      + "@attribute b numeric\n@data\na,0.7,0.3\n");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> built("-R 1-3", data));

    assertEquals("Option -R selects column 1 'cls', which is the class attribute. Select "
      + "only the probability columns.", error.getMessage());
  }

  @Test
  void rangeColumnsMatchByName() throws Exception {
    Instances data = arff("@relation p\n@attribute b numeric\n@attribute a numeric\n"
      + "@attribute cls {a,b}\n@data\n0.3,0.7,a\n");

    PrecomputedDistribution classifier = built("-R 1-2", data);

    assertArrayEquals(new double[] {0.7, 0.3},
      classifier.distributionForInstance(data.instance(0)));
  }

  @Test
  void listedClassesMapUnnamedColumns() throws Exception {
    Instances data = arff("@relation p\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute cls {a,b}\n@data\n0.3,0.7,a\n");

    PrecomputedDistribution classifier = built("-R 1-2 -class-values b,a", data);

    assertArrayEquals(new double[] {0.7, 0.3},
      classifier.distributionForInstance(data.instance(0)));
  }

  @Test
  void invalidRowsAreReturnedAsFound() throws Exception {
    Instances data = arff(HEADER + "1,?,0.7,0.2,a\n2,0.5,-0.5,1,b\n");

    PrecomputedDistribution classifier = built("", data);

    double[] missing = classifier.distributionForInstance(data.instance(0));
    assertTrue(Double.isNaN(missing[2]));
    assertEquals(0.7, missing[0], 0.0);
    assertArrayEquals(new double[] {-0.5, 1, 0.5},
      classifier.distributionForInstance(data.instance(1)));
  }

  @Test
  void wrappedInvalidRowHasNoPrediction() throws Exception {
    // The NaN row gets Weka's "no prediction" (all zeros) from SoftmaxToSigmoid, and its
    // scores are missing; the valid rows calibrate as usual.
    StringBuilder rows = new StringBuilder(HEADER);
    for (int i = 0; i < 10; i++) {
      rows.append(i).append(",0.1,0.7,0.2,a\n").append(i).append(",0.2,0.1,0.7,b\n")
        .append(i).append(",0.6,0.2,0.2,c\n");
    }
    rows.append("99,?,0.5,0.5,a\n");
    Instances data = arff(rows.toString());
    SoftmaxToSigmoid model = new SoftmaxToSigmoid();
    model.setClassifier(new PrecomputedDistribution());
    model.setFolds(3);

    model.buildClassifier(data);

    double[] none = model.distributionForInstance(data.lastInstance());
    assertArrayEquals(new double[] {0, 0, 0}, none);
    assertTrue(Utils.isMissingValue(model.classifyInstance(data.lastInstance())));
    assertTrue(Utils.isMissingValue(model.sigmoidScores(data.lastInstance())[0]));
    assertEquals(0, model.classifyInstance(data.instance(0)), 0.0);
  }

  @Test
  void otherHeaderAtPredictionIsRejected() throws Exception {
    Instances training = arff(HEADER + "1,0.1,0.7,0.2,a\n");
    Instances other = arff("@relation p\n@attribute x numeric\n@attribute q numeric\n"
      + "@attribute distribution_a numeric\n@attribute distribution_b numeric\n"
      + "@attribute cls {a,b,c}\n@data\n1,0.1,0.7,0.2,a\n");
    PrecomputedDistribution classifier = built("", training);

    Exception error = assertThrows(Exception.class,
      () -> classifier.distributionForInstance(other.instance(0)));

    assertEquals("Attribute 2 of the instance is 'q', but the probability column of class "
      + "value 'c' was 'distribution_c' in the training data. Give instances with the training "
      + "header.", error.getMessage());
  }

  @Test
  void unaryClassIsRejectedThroughCapabilities() {
    Instances unary = arff("@relation u\n@attribute distribution_only numeric\n"
      + "@attribute cls {only}\n@data\n1,only\n");

    Exception error = assertThrows(Exception.class, () -> built("", unary));

    assertTrue(error.getMessage().contains("Cannot handle unary class!"), error.getMessage());
  }

  @Test
  void rangeOfOneColumnIsRejected() {
    Instances data = arff(HEADER + "1,0.1,0.7,0.2,a\n");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> built("-R 2", data));

    assertTrue(error.getMessage().startsWith("Need at least 2 probability columns, one per "
      + "class value, found 1: {'distribution_c'}."), error.getMessage());
  }

  @Test
  void nominalColumnIsRejected() {
    Instances data = arff("@relation p\n@attribute distribution_a {x}\n"
      + "@attribute distribution_b numeric\n@attribute cls {a,b}\n@data\nx,0.5,a\n");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> built("", data));

    assertEquals("Probability column 1 'distribution_a' must be a numeric attribute other "
      + "than the class, found nominal.", error.getMessage());
  }

  @Test
  void untrainedClassifierRejectsPrediction() {
    Instances data = arff(HEADER + "1,0.1,0.7,0.2,a\n");

    Exception error = assertThrows(Exception.class,
      () -> new PrecomputedDistribution().distributionForInstance(data.instance(0)));

    assertEquals("PrecomputedDistribution has not been built; call buildClassifier first.",
      error.getMessage());
  }

  @Test
  void optionsRoundTrip() throws Exception {
    PrecomputedDistribution classifier = new PrecomputedDistribution();
    classifier.setOptions(Utils.splitOptions("-R 2-4 -prefix \"\" -class-values x,y,z "
      + "-batch-size 50 -num-decimal-places 4"));
    String[] first = classifier.getOptions();

    PrecomputedDistribution copy = new PrecomputedDistribution();
    copy.setOptions(first.clone());

    assertArrayEquals(first, copy.getOptions());
    assertEquals("", copy.getPrefix());
  }

  @Test
  void unknownOptionIsRejected() {
    Exception error = assertThrows(Exception.class,
      () -> new PrecomputedDistribution().setOptions(new String[] {"-Q", "1"}));

    assertTrue(error.getMessage().contains("Illegal options: -Q 1"), error.getMessage());
  }

  @Test
  void wekaOptionAndPropertyChecksPass() {
    CheckOptionHandler options = new CheckOptionHandler();
    options.setOptionHandler(new PrecomputedDistribution());
    options.setUserOptions(new String[] {"-R", "1-3", "-prefix", "p_"});
    options.setSilent(true);
    assertTrue(options.checkListOptions());
    assertTrue(options.checkSetOptions());
    assertTrue(options.checkDefaultOptions());
    assertTrue(options.checkRemainingOptions());
    assertTrue(options.checkCanonicalUserOptions());
    assertTrue(options.checkResettingOptions());

    CheckGOE properties = new CheckGOE();
    properties.setObject(new PrecomputedDistribution());
    properties.setSilent(true);
    assertTrue(properties.checkGlobalInfo());
    assertTrue(properties.checkToolTips());
  }

  @Test
  void serialVersionUIDIsDeclared() {
    assertFalse(SerializationHelper.needsUID(PrecomputedDistribution.class));
  }
}
