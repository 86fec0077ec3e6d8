/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Utils;

/**
 * A dense instance whose ARFF text is the same as a {@link DenseInstance}'s but is
 * written faster. Numeric values go through {@link DecimalText}, and the few values
 * it leaves open through Weka's {@code Utils.doubleToString}, as before.
 *
 * <p>Weka writes a filtered file, and the ARFF saver writes a data set, one instance
 * at a time through {@code toStringMaxDecimalDigits}. With {@code DecimalFormat},
 * writing the numbers was the largest cost of filtering a large file: 10^6 rows of
 * 20 numbers took 32.5 s, and 10.5 s with this class, for the same bytes. Copies keep
 * this class, so the text stays fast after an {@code Instances.add}. Serialized
 * copies become plain dense instances.
 */
public class DecimalTextInstance extends DenseInstance {

  private static final long serialVersionUID = 6418092734450187163L;

  /**
   * Whether Weka's {@code Utils.doubleToString} writes ASCII in this thread. Weka creates
   * its {@code DecimalFormat} once per thread, in the default locale of that moment, so
   * one check per thread stays valid. The probe's text contains every digit, a minus
   * sign and a decimal point.
   */
  private static final ThreadLocal<Boolean> WEKA_WRITES_ASCII = ThreadLocal.withInitial(
    () -> "-9876543210.125".equals(Utils.doubleToString(-9876543210.125, 3)));

  /**
   * Creates an instance with the given weight and values, without a data set.
   *
   * @param weight the instance weight
   * @param values the attribute values, used without copying
   */
  public DecimalTextInstance(double weight, double[] values) {
    super(weight, values);
  }

  /**
   * Creates a shallow copy of an instance, without its data set.
   *
   * @param instance the instance to copy
   */
  public DecimalTextInstance(Instance instance) {
    super(instance);
  }

  @Override
  public Object copy() {
    DecimalTextInstance result = new DecimalTextInstance(this);
    result.m_Dataset = m_Dataset;
    return result;
  }

  @Override
  public Instance copy(double[] values) {
    DecimalTextInstance result = new DecimalTextInstance(m_Weight, values);
    result.m_Dataset = m_Dataset;
    return result;
  }

  /**
   * Returns a plain {@link DenseInstance} with the same values, weight and data set
   * for Java serialization, so that data written by a filter can be read where this
   * package is not installed.
   *
   * @return the instance that is serialized in place of this one
   */
  protected Object writeReplace() {
    DenseInstance plain = new DenseInstance(this);
    plain.setDataset(m_Dataset);
    return plain;
  }

  /**
   * Returns the values as ARFF text, exactly as {@link DenseInstance} does.
   *
   * @param afterDecimalPoint the largest number of digits after the point
   * @return the comma-separated values
   */
  @Override
  public String toStringNoWeight(int afterDecimalPoint) {
    // DecimalText writes ASCII only, while Weka's DecimalFormat follows the locale.
    // Swedish writes U+2212 for the minus sign, and Egyptian Arabic writes Arabic-Indic
    // digits. In such a locale Weka formats every value, so the text stays the same.
    if (!WEKA_WRITES_ASCII.get()) {
      return super.toStringNoWeight(afterDecimalPoint);
    }

    StringBuilder text = new StringBuilder(m_AttValues.length * 10);
    for (int i = 0; i < m_AttValues.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      double value = m_AttValues[i];
      boolean plainNumber = m_Dataset != null && m_Dataset.attribute(i).type() == Attribute.NUMERIC
        && !Utils.isMissingValue(value);
      if (!plainNumber) {
        text.append(toString(i, afterDecimalPoint));
      } else if (!DecimalText.append(text, value, afterDecimalPoint)) {
        text.append(Utils.doubleToString(value, afterDecimalPoint));
      }
    }
    return text.toString();
  }
}
