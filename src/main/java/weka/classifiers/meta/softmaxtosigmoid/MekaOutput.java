/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import weka.core.Attribute;
import weka.core.Instances;

/**
 * Writes MEKA's multi-label ARFF layout: the L label attributes first, each
 * nominal {0,1} and named after a class value, then the feature attributes, and
 * the relation name {@code '<name>: -C L'}, from which MEKA reads L.
 *
 * <p>A colon in the original relation name is replaced by an underscore,
 * because MEKA reads its options from the text after the first colon. The
 * value of a label attribute is its nominal index, so the labels 0 and 1 of a
 * {@link LabelSetRule} can be stored as they are, and NaN stays missing.
 * The class index of the header is left unset: MEKA sets it to L when it
 * loads the data ({@code meka.core.MLUtils.prepareData}).
 */
public final class MekaOutput {

  private MekaOutput() {
  }

  /**
   * Builds the MEKA relation name.
   *
   * @param name the original relation name
   * @param numLabels the number of labels L
   * @return {@code name: -C L}, with every colon of name replaced by an underscore
   */
  public static String relationName(String name, int numLabels) {
    return name.replace(':', '_') + ": -C " + numLabels;
  }

  /**
   * Builds the MEKA header: label attributes named by the class values, then copies of
   * the feature attributes.
   *
   * @param relationName the original relation name
   * @param classNames the class values, one label each, in label order
   * @param features the feature attributes in output order; they are copied
   * @return an empty data set with the MEKA relation name and no class index
   * @throws IllegalArgumentException if a class value is also a feature's name, or two
   *           attributes would share a name
   */
  public static Instances header(String relationName, String[] classNames,
    List<Attribute> features) {
    List<String> labelValues = Arrays.asList("0", "1");
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    Set<String> names = new HashSet<String>();
    for (String className : classNames) {
      addUnique(attributes, names, new Attribute(className, labelValues));
    }
    for (Attribute feature : features) {
      addUnique(attributes, names, (Attribute) feature.copy());
    }
    return new Instances(relationName(relationName, classNames.length), attributes, 0);
  }

  private static void addUnique(List<Attribute> attributes, Set<String> names,
    Attribute attribute) {
    if (!names.add(attribute.name())) {
      throw new IllegalArgumentException("The MEKA output would have two attributes named '"
        + attribute.name() + "': MEKA names each label attribute after its class value. "
        + "Rename or remove the input attribute first, for example with "
        + "weka.filters.unsupervised.attribute.RenameAttribute.");
    }
    attributes.add(attribute);
  }
}
