package weka.classifiers.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import weka.classifiers.meta.softmaxtosigmoid.AttributeDistributionClassifier;
import weka.classifiers.meta.softmaxtosigmoid.Gauge;
import weka.classifiers.meta.softmaxtosigmoid.SoftmaxInversion;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Where the mathematics makes two gauges give the same calibrated scores, and where it
 * does not.
 *
 * <p>The gauges other than one-vs-rest differ by a constant per row: {@code x^G1_k -
 * x^G2_k = c1(y') - c2(y')}. A calibration map cannot absorb a constant that changes from
 * row to row, so centered, reference and maximum gauges give different calibrated scores
 * in general, and so do the normalised scores of distributionForInstance. They keep the
 * same ranking within a row, which ScoreFuzzTest checks on a million rows. Two relations
 * are exact:
 * <ul>
 * <li>The fixed gauge is the unit gauge shifted by the same ln Z in every row, and
 * {@code a (x + L) + b = a x + (b + a L)} is the same affine family, so with a plain
 * maximum-likelihood fit (ridge 0) the offset, shared and per-class calibrators give the
 * same calibrated logits. The isotonic map uses only the order of the logits, which the
 * shift keeps.</li>
 * <li>For K = 2, {@code y'_2 = 1 - y'_1}, so the one-vs-rest logit {@code ln y'_1 -
 * ln(1 - y'_1)} is twice the centered logit {@code (ln y'_1 - ln y'_2) / 2}. The shared
 * fit absorbs the factor 2 in its scale, and the isotonic map keeps the same order.</li>
 * </ul>
 */
class GaugeRelationsTest {

  /** 60 rows over 3 classes with noisy labels, so no calibration fit is separable. */
  private static Instances noisyRows(int numClasses, long seed) {
    StringBuilder text = new StringBuilder("@relation noisy\n");
    StringBuilder classes = new StringBuilder();
    for (int k = 0; k < numClasses; k++) {
      text.append("@attribute p").append(k + 1).append(" numeric\n");
      classes.append(k == 0 ? "" : ",").append("c").append(k + 1);
    }
    text.append("@attribute cls {").append(classes).append("}\n@data\n");
    Random random = new Random(seed);
    for (int i = 0; i < 60; i++) {
      double[] y = new double[numClasses];
      double sum = 0;
      for (int k = 0; k < numClasses; k++) {
        y[k] = 0.05 - Math.log(1 - random.nextDouble());
        sum += y[k];
      }
      double u = random.nextDouble() * sum;
      int label = numClasses - 1;
      for (int k = 0; k < numClasses; k++) {
        text.append(y[k] / sum).append(',');
        if (u >= 0 && u < y[k]) {
          label = k;
        }
        u -= y[k];
      }
      text.append("c").append(label + 1).append('\n');
    }
    return TestData.arff(text.toString());
  }

  private static SoftmaxToSigmoid trained(String options, Instances data) throws Exception {
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions(options + " -calibration-source training"));
    classifier.setClassifier(new AttributeDistributionClassifier());
    classifier.buildClassifier(data);
    return classifier;
  }

  @Test
  void fixedGaugeFitsLikeUnitGauge() throws Exception {
    // Newton's steps stop below 1e-10 relative change, so the two fits agree to about 1e-9
    // in the parameters; 1e-7 on the scores leaves room for that.
    Instances data = noisyRows(3, 1);
    for (String calibrator : new String[] {"offset", "shared", "per-class", "isotonic"}) {
      String options = "-calibrator " + calibrator + " -ridge 0 -per-class-minimum 5";
      SoftmaxToSigmoid unit = trained(options + " -gauge unit", data);
      SoftmaxToSigmoid fixed = trained(options + " -gauge fixed -log-z 2.5", data);
      for (Instance instance : data) {
        assertArrayEquals(unit.sigmoidScores(instance), fixed.sigmoidScores(instance), 1e-7,
          calibrator);
      }
    }
  }

  @Test
  void fixedGaugeWithoutCalibrationDiffersFromUnit() throws Exception {
    // Without a fit nothing absorbs ln Z: unit scores are y/(1+y), fixed ones y/(y+e^-2.5).
    Instances data = noisyRows(3, 1);
    Instance first = data.instance(0);
    double[] unit = trained("-calibrator none -gauge unit", data).sigmoidScores(first);
    double[] fixed = trained("-calibrator none -gauge fixed -log-z 2.5", data)
      .sigmoidScores(first);
    for (int k = 0; k < 3; k++) {
      assertTrue(fixed[k] > unit[k] + 0.1, "class " + (k + 1) + ": " + fixed[k] + " vs "
        + unit[k]);
    }
  }

  @Test
  void binaryOneVsRestIsTwiceCentered() {
    // For K = 2 the one-vs-rest logit is exactly twice the centered one, up to rounding.
    SoftmaxInversion oneVsRest = new SoftmaxInversion(Gauge.ONE_VS_REST, 1, 0, 1e-4,
      new String[] {"c1", "c2"});
    SoftmaxInversion centered = new SoftmaxInversion(Gauge.CENTERED, 1, 0, 1e-4,
      new String[] {"c1", "c2"});
    for (double p : new double[] {1e-9, 0.1, 0.5, 0.73, 1}) {
      double[] y = {p, 1 - p};
      double[] twice = centered.logits(y);
      double[] logits = oneVsRest.logits(y);
      for (int k = 0; k < 2; k++) {
        assertEquals(2 * twice[k], logits[k], 1e-12 * (1 + Math.abs(logits[k])), "p = " + p);
      }
    }
  }

  @Test
  void binaryOneVsRestFitsLikeCentered() throws Exception {
    // The shared fit halves its scale and the isotonic map ignores the factor, so both
    // give the same scores; the offset calibrator keeps a = 1 and cannot absorb it.
    Instances data = noisyRows(2, 2);
    for (String calibrator : new String[] {"shared", "isotonic"}) {
      String options = "-calibrator " + calibrator + " -ridge 0";
      SoftmaxToSigmoid oneVsRest = trained(options + " -gauge one-vs-rest", data);
      SoftmaxToSigmoid centered = trained(options + " -gauge centered", data);
      for (Instance instance : data) {
        assertArrayEquals(centered.sigmoidScores(instance), oneVsRest.sigmoidScores(instance),
          1e-7, calibrator);
      }
    }
    SoftmaxToSigmoid oneVsRest = trained("-calibrator offset -ridge 0 -gauge one-vs-rest", data);
    SoftmaxToSigmoid centered = trained("-calibrator offset -ridge 0 -gauge centered", data);
    double difference = 0;
    for (Instance instance : data) {
      difference = Math.max(difference, Math.abs(centered.sigmoidScores(instance)[0]
        - oneVsRest.sigmoidScores(instance)[0]));
    }
    assertTrue(difference > 1e-3, "offset fits differ by " + difference);
  }

  @Test
  void normalisedScoresDependOnGaugeButNotRanking() throws Exception {
    // y = (0.4, 0.3, 0.2, 0.1) without calibration or smoothing: centered scores (0.643774, 0.575444,
    // 0.474680, 0.311200) and maximum scores (0.5, 0.428571, 0.333333, 0.2), so the
    // normalised distributions differ (0.321069 against 0.342020 for class 1) while the
    // order of the classes, and so every top-k label set, is the same in every gauge.
    Instances data = TestData.arff("@relation g\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute p3 numeric\n@attribute p4 numeric\n@attribute cls {a,b,c,d}\n@data\n"
      + "0.4,0.3,0.2,0.1,a\n");
    Instance row = data.instance(0);
    double[] centered = trained("-calibrator none -smoothing 0 -gauge centered", data)
      .distributionForInstance(row);
    double[] maximum = trained("-calibrator none -smoothing 0 -gauge maximum", data)
      .distributionForInstance(row);
    assertEquals(0.321069, centered[0], 1e-6);
    assertEquals(0.342020, maximum[0], 1e-6);

    for (Gauge gauge : Gauge.values()) {
      for (int k = 1; k <= 4; k++) {
        SoftmaxToSigmoid classifier = trained("-calibrator none -gauge " + gauge
          + " -threshold-rule top-k -top-k " + k, data);
        double[] expected = new double[4];
        for (int j = 0; j < k; j++) {
          expected[j] = 1;
        }
        assertArrayEquals(expected, classifier.labelSet(row), 0.0, gauge + ", k = " + k);
      }
    }
  }
}
