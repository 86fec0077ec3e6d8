package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import weka.core.Utils;

/**
 * Every expected string here comes from Weka's own Utils.doubleToString, so the
 * comparison is exact: one character of difference fails.
 */
class DecimalTextTest {

  private static String written(double value, int digits) {
    StringBuilder text = new StringBuilder();
    if (!DecimalText.append(text, value, digits)) {
      assertEquals(0, text.length(), "nothing may be appended when append returns false");
      return Utils.doubleToString(value, digits);
    }
    return text.toString();
  }

  @Test
  void randomValuesOfEveryMagnitudeMatchWeka() {
    Random random = new Random(20261204L);
    int handled = 0;
    int total = 400_000;
    for (int n = 0; n < total; n++) {
      double value = random.nextDouble() * Math.pow(10, random.nextInt(24) - 12);
      if (random.nextBoolean()) {
        value = -value;
      }
      int digits = random.nextInt(DecimalText.MAX_FRACTION_DIGITS + 1);
      StringBuilder text = new StringBuilder();
      if (DecimalText.append(text, value, digits)) {
        handled++;
        assertEquals(Utils.doubleToString(value, digits), text.toString(),
          "value " + value + " with " + digits + " digits");
      }
    }
    // Every value below 1e9 that is not within one ulp of a tie and does not round
    // to -0 is handled: about 21/24 of the magnitudes drawn, minus the negatives
    // that round to 0. 70 % is a floor well under that share.
    assertTrue(handled > 0.7 * total, "handled only " + handled + " of " + total);
  }

  @Test
  void sixDigitScoresAndLogitsMatchWeka() {
    // The values the filters write: sigmoid scores in (0, 1) and logits in (-40, 40).
    Random random = new Random(7L);
    for (int n = 0; n < 300_000; n++) {
      double logit = (random.nextDouble() - 0.5) * 80;
      double score = LogisticMath.sigmoid(logit);
      assertEquals(Utils.doubleToString(logit, 6), written(logit, 6), "logit " + logit);
      assertEquals(Utils.doubleToString(score, 6), written(score, 6), "score " + score);
    }
  }

  @Test
  void valuesNearHalfwayMatchWeka() {
    // k/10^6 + 5e-7 lies on or next to a tie at 6 digits. Its neighbours one and two
    // ulps away are rounded by their binary value, as DecimalFormat rounds them.
    for (int k = 0; k < 100_000; k++) {
      double tie = k / 1e6 + 5e-7;
      for (double value : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie),
        Math.nextUp(Math.nextUp(tie)), Math.nextDown(Math.nextDown(tie)), -tie}) {
        assertEquals(Utils.doubleToString(value, 6), written(value, 6), "value " + value);
      }
    }
    // Exact binary ties round up: 0.125 -> 0.13, 2.5 -> 3, -2.5 -> -3.
    assertEquals("0.13", written(0.125, 2));
    assertEquals("3", written(2.5, 0));
    assertEquals("-3", written(-2.5, 0));
    // 0.15 is 0.1499999999999999944... in binary, so it rounds down.
    assertEquals("0.1", written(0.15, 1));
  }

  @Test
  void integersAndTrailingZerosAreWrittenShort() {
    assertEquals("1", written(1.0, 6));
    assertEquals("0", written(0.0, 6));
    assertEquals("0.5", written(0.5, 6));
    assertEquals("0.000001", written(1e-6, 6));
    assertEquals("0.00001", written(0.0000104, 6));
    assertEquals("123456789.123", written(123456789.123, 3));
    assertEquals("-7.25", written(-7.25, 6));
  }

  @Test
  void casesLeftToDecimalFormatAppendNothing() {
    for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, -0.0, -1e-9, 1e9, -3e15}) {
      StringBuilder text = new StringBuilder("x");
      assertFalse(DecimalText.append(text, value, 6), "value " + value);
      assertEquals("x", text.toString(), "value " + value);
    }
    StringBuilder text = new StringBuilder();
    assertFalse(DecimalText.append(text, 0.5, -1));
    assertFalse(DecimalText.append(text, 0.5, DecimalText.MAX_FRACTION_DIGITS + 1));
    assertEquals("", text.toString());
  }
}
