/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

/**
 * Rule that fixes the additive constant left free when a softmax is inverted.
 *
 * <p>A softmax output {@code y_k = exp(x_k) / Z} determines the logits only up
 * to {@code x_k = ln y_k + ln Z}. A gauge chooses {@code ln Z} as a function
 * {@code c(y)} of the distribution itself, giving {@code x_k = ln y_k + c(y)}.
 * The one-vs-rest rule needs no constant: it reads each {@code y_k} as a
 * binary probability and takes {@code x_k = ln y_k - ln(1 - y_k)}.
 */
public enum Gauge {

  /** {@code c(y) = -(1/K) sum_j ln y_j}: logits sum to 0, uniform y gives scores 0.5. */
  CENTERED("centered", "logits sum to 0, so ln Z is minus the mean log-probability"),

  /** {@code c(y) = -ln y_r}: class r has logit 0, as the baseline of a multinomial logit model. */
  REFERENCE("reference", "the reference class has logit 0"),

  /** {@code c(y) = -max_j ln y_j}: the top class has logit 0. */
  MAXIMUM("maximum", "the top class has logit 0"),

  /** {@code c(y) = 0}, that is Z = 1: scores are {@code y/(1+y)}, never above 0.5. */
  UNIT("unit", "Z = 1, so every score is y/(1+y) and at most 0.5"),

  /** {@code c(y) = ln Z} for a number given by the user. */
  FIXED("fixed", "ln Z is a given number"),

  /** {@code x_k = ln y_k - ln(1 - y_k)}: each class probability read as a binary one. */
  ONE_VS_REST("one-vs-rest", "x = ln y - ln(1 - y), so uncalibrated scores equal y");

  private final String m_spelling;

  private final String m_description;

  Gauge(String spelling, String description) {
    m_spelling = spelling;
    m_description = description;
  }

  /** @return the command-line spelling, for example {@code one-vs-rest} */
  public String spelling() {
    return m_spelling;
  }

  /** @return a short description of the rule for help texts and model output */
  public String description() {
    return m_description;
  }

  /**
   * Finds a gauge by its command-line spelling.
   *
   * @param spelling the spelling, case-insensitive
   * @return the gauge
   * @throws IllegalArgumentException naming the valid spellings if none matches
   */
  public static Gauge forSpelling(String spelling) {
    for (Gauge gauge : values()) {
      if (gauge.m_spelling.equalsIgnoreCase(spelling.trim())) {
        return gauge;
      }
    }
    throw new IllegalArgumentException("Unknown gauge '" + spelling
      + "'; use one of " + spellings(values()) + ".");
  }

  /**
   * Resolves the reference class of the reference gauge.
   *
   * @param reference a class value, a 1-based index, 'first' or 'last' (case-insensitive)
   * @param classNames the class values in order
   * @return the 0-based index of the reference class
   * @throws IllegalArgumentException naming the value and the accepted forms if none matches
   */
  public static int referenceIndex(String reference, String[] classNames) {
    if (reference.equalsIgnoreCase("last")) {
      return classNames.length - 1;
    }
    if (reference.equalsIgnoreCase("first")) {
      return 0;
    }
    int byName = java.util.Arrays.asList(classNames).indexOf(reference);
    if (byName >= 0) {
      return byName;
    }
    try {
      int index = Integer.parseInt(reference);
      if (index >= 1 && index <= classNames.length) {
        return index - 1;
      }
    } catch (NumberFormatException e) {
      // Neither a class value nor a number: reported below.
    }
    throw new IllegalArgumentException("Option -reference-class: '" + reference
      + "' is neither a class value {" + String.join(",", classNames) + "} nor an index "
      + "from 1 to " + classNames.length + "; use one of those, 'first' or 'last'.");
  }

  static String spellings(Enum<?>[] values) {
    StringBuilder result = new StringBuilder();
    for (Enum<?> value : values) {
      if (result.length() > 0) {
        result.append(", ");
      }
      result.append(value.toString());
    }
    return result.toString();
  }

  @Override
  public String toString() {
    return m_spelling;
  }
}
