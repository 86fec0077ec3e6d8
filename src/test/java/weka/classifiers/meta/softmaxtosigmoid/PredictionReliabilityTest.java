package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.NumericPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.classifiers.meta.softmaxtosigmoid.PredictionReliability.Mode;
import weka.core.Attribute;
import weka.core.Utils;

/** Builds reliability pairs from hand-made predictions of a three-class problem. */
class PredictionReliabilityTest {

  private static final double TOLERANCE = 1e-12;

  private static final Attribute CLASS = new Attribute("class", Arrays.asList("a", "b", "c"));

  /**
   * Six predictions: three usable ones with weights 1, 2 and 0.5, one with a missing
   * actual class, one with an all-zero distribution and one with a NaN probability.
   */
  private static List<Prediction> predictions() {
    List<Prediction> predictions = new ArrayList<>();
    predictions.add(new NominalPrediction(0, new double[] {0.7, 0.2, 0.1}, 1));
    predictions.add(new NominalPrediction(1, new double[] {0.5, 0.3, 0.2}, 2));
    predictions.add(new NominalPrediction(Utils.missingValue(), new double[] {0.2, 0.3, 0.5}, 1));
    predictions.add(new NominalPrediction(2, new double[] {0, 0, 0}, 1));
    predictions.add(new NominalPrediction(2, new double[] {0.1, 0.1, 0.8}, 0.5));
    predictions.add(new NominalPrediction(0, new double[] {Double.NaN, 0.5, 0.5}, 1));
    return predictions;
  }

  @Test
  void leftOutPredictionsAreCounted() {
    PredictionReliability reliability = new PredictionReliability(predictions(), CLASS);

    assertEquals(6, reliability.numPredictions());
    assertEquals(3, reliability.numUsed());
    assertEquals(1, reliability.numMissingActual());
    assertEquals(2, reliability.numWithoutDistribution());
    assertEquals(3.5, reliability.totalWeight(), TOLERANCE);
    String summary = reliability.summary(reliability.curves(Mode.TOP_CLASS), Mode.TOP_CLASS)
      .get(0);
    assertTrue(summary.contains("1 with a missing actual class"), summary);
    assertTrue(summary.contains("2 with an all-zero or non-finite distribution"), summary);
  }

  @Test
  void classPairsAreOneVsRest() {
    PredictionReliability reliability = new PredictionReliability(predictions(), CLASS);

    double[][] first = reliability.classPairs(0);
    assertArrayEquals(new double[] {0.7, 0.5, 0.1}, first[0], TOLERANCE);
    assertArrayEquals(new double[] {1, 0, 0}, first[1], TOLERANCE);
    assertArrayEquals(new double[] {1, 2, 0.5}, first[2], TOLERANCE);

    double[][] third = reliability.classPairs(2);
    assertArrayEquals(new double[] {0.1, 0.2, 0.8}, third[0], TOLERANCE);
    assertArrayEquals(new double[] {0, 0, 1}, third[1], TOLERANCE);
  }

  @Test
  void topClassPairsScoreCorrectness() {
    PredictionReliability reliability = new PredictionReliability(predictions(), CLASS);

    double[][] top = reliability.topClassPairs();
    // Prediction 2 puts 0.5 on class a but its actual class is b.
    assertArrayEquals(new double[] {0.7, 0.5, 0.8}, top[0], TOLERANCE);
    assertArrayEquals(new double[] {1, 0, 1}, top[1], TOLERANCE);
    assertArrayEquals(new double[] {1, 2, 0.5}, top[2], TOLERANCE);
  }

  @Test
  void weightedErrorsMatchHandValues() {
    PredictionReliability reliability = new PredictionReliability(predictions(), CLASS);

    // Top class: bins 5, 7, 8 with weights 2, 1, 0.5 and gaps 0.5, 0.3, 0.2, so
    // ECE = (2 * 0.5 + 1 * 0.3 + 0.5 * 0.2) / 3.5 = 0.4.
    List<ReliabilityDiagram.Curve> top = reliability.curves(Mode.TOP_CLASS);
    assertEquals(1, top.size());
    assertEquals(0.4, top.get(0).expectedCalibrationError, TOLERANCE);

    // Class a: bins 1, 5, 7 with weights 0.5, 2, 1 and gaps 0.1, 0.5, 0.3, so
    // ECE = (0.05 + 1 + 0.3) / 3.5.
    List<ReliabilityDiagram.Curve> perClass = reliability.curves(Mode.PER_CLASS);
    assertEquals(3, perClass.size());
    assertEquals("a", perClass.get(0).name);
    assertEquals(1.35 / 3.5, perClass.get(0).expectedCalibrationError, TOLERANCE);
    assertEquals(2, perClass.get(0).bins[5].weight, TOLERANCE);
  }

  @Test
  void zeroWeightsAreRejected() {
    List<Prediction> predictions = new ArrayList<>();
    predictions.add(new NominalPrediction(0, new double[] {0.6, 0.4, 0}, 0));
    predictions.add(new NominalPrediction(Utils.missingValue(), new double[] {0.6, 0.4, 0}, 1));
    PredictionReliability reliability = new PredictionReliability(predictions, CLASS);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> reliability.curves(Mode.PER_CLASS));
    assertTrue(error.getMessage().contains("None of the 2 predictions"), error.getMessage());
  }

  @Test
  void invalidPredictionsAreRejected() {
    List<Prediction> numeric = new ArrayList<>();
    numeric.add(new NumericPrediction(1, 2));
    assertThrows(IllegalArgumentException.class, () -> new PredictionReliability(numeric, CLASS));

    List<Prediction> shortDistribution = new ArrayList<>();
    shortDistribution.add(new NominalPrediction(0, new double[] {0.5, 0.5}, 1));
    assertThrows(IllegalArgumentException.class,
      () -> new PredictionReliability(shortDistribution, CLASS));

    List<Prediction> negativeWeight = new ArrayList<>();
    negativeWeight.add(new NominalPrediction(0, new double[] {0.5, 0.5, 0}, -1));
    assertThrows(IllegalArgumentException.class,
      () -> new PredictionReliability(negativeWeight, CLASS));

    assertThrows(IllegalArgumentException.class,
      () -> new PredictionReliability(new ArrayList<>(), new Attribute("numeric")));
  }

  @Test
  void diagramHasFixedSize() {
    PredictionReliability reliability = new PredictionReliability(predictions(), CLASS);

    for (Mode mode : Mode.values()) {
      BufferedImage image = reliability.draw(mode, "three classes");
      assertEquals(ReliabilityDiagram.WIDTH, image.getWidth(), mode.name());
      assertEquals(ReliabilityDiagram.HEIGHT, image.getHeight(), mode.name());
    }
  }
}
