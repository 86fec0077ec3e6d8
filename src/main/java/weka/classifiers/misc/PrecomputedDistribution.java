/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.misc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.meta.softmaxtosigmoid.ProbabilityColumns;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;

/**
 * Classifier whose class distribution is read from probability attributes of
 * the instance itself, for example the predictions of another toolkit.
 *
 * <p>Training only matches the columns to the class values by name
 * ({@link ProbabilityColumns}); no model is learnt. Prediction returns the
 * column values in class order as found: a missing value becomes NaN, and a
 * negative or unnormalised row is not corrected, so that a wrapping
 * SoftmaxToSigmoid reports such an instance as having no prediction.
 */
public class PrecomputedDistribution extends AbstractClassifier
  implements WeightedInstancesHandler {

  private static final long serialVersionUID = -2298563381512410718L;

  private String m_AttributeIndices = "";

  private String m_Prefix = ProbabilityColumns.DEFAULT_PREFIX;

  private String m_ClassValues = "";

  /** Trained state: per class, the attribute index of its probability column. */
  private int[] m_Columns;

  /** Trained state: per class, the name of its probability column. */
  private String[] m_ColumnNames;

  /** Trained state: the class values, in class order. */
  private String[] m_ClassNames;

  /**
   * Describes the classifier for the Explorer.
   *
   * @return the description
   */
  public String globalInfo() {
    return "Predicts the class distribution stored in probability attributes of each "
      + "instance, for example predict_proba output of another toolkit, so that "
      + "SoftmaxToSigmoid can calibrate it and AddSigmoidScores can score it.\n\n"
      + "Columns are matched to class values by name, as in ProbabilitiesToSigmoid: by "
      + "default the attribute <prefix><class value> for each class value; with -R each "
      + "selected column must be named <class value> or <prefix><class value>, or its "
      + "class is given with -class-values. Training learns nothing. The distribution is "
      + "returned as found, so a missing value gives NaN and a wrapping SoftmaxToSigmoid "
      + "reports no prediction for that instance.";
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enableAllAttributes();
    result.enable(Capability.MISSING_VALUES);
    result.enable(Capability.NOMINAL_CLASS);
    result.enable(Capability.BINARY_CLASS);
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.setMinimumNumberInstances(0);
    return result;
  }

  // ------------------------------------------------------------------ options

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<Option>();
    options.add(new Option("\tProbability columns (1-based range, 'first' and 'last' "
      + "allowed).\n\tEach must be named <class value> or <prefix><class value>, unless "
      + "-class-values\n\tgives its class.\n\t(default: the attributes <prefix><class value>)",
      "R", 1, "-R <range>"));
    options.add(new Option("\tName prefix of the probability columns.\n\t(default: "
      + ProbabilityColumns.DEFAULT_PREFIX + ")", "prefix", 1, "-prefix <text>"));
    options.add(new Option("\tComma-separated class value of each -R column, in column "
      + "order.", "class-values", 1, "-class-values <v1,v2,...>"));
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setAttributeIndices(Utils.getOption('R', options));
    // An empty -prefix is a valid prefix, so presence and not emptiness selects the default.
    boolean hasPrefix = Utils.getOptionPos("prefix", options) >= 0;
    String prefix = Utils.getOption("prefix", options);
    setPrefix(hasPrefix ? prefix : ProbabilityColumns.DEFAULT_PREFIX);
    setClassValues(Utils.getOption("class-values", options));
    super.setOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<String>();
    if (!m_AttributeIndices.isEmpty()) {
      options.add("-R");
      options.add(m_AttributeIndices);
    }
    options.add("-prefix");
    options.add(m_Prefix);
    if (!m_ClassValues.isEmpty()) {
      options.add("-class-values");
      options.add(m_ClassValues);
    }
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  /** @return the tip text of the attributeIndices property */
  public String attributeIndicesTipText() {
    return "The probability columns as a 1-based range such as 2-4; empty selects the "
      + "attributes <prefix><class value>. Each selected column must be named <class value> "
      + "or <prefix><class value>, unless classValues gives its class.";
  }

  /** @return the range of probability columns, empty for name matching with the prefix */
  public String getAttributeIndices() {
    return m_AttributeIndices;
  }

  /** @param value a 1-based range, or empty */
  public void setAttributeIndices(String value) {
    String range = value == null ? "" : value.trim();
    if (!range.isEmpty()) {
      ProbabilityColumns.checkRange(range);
    }
    m_AttributeIndices = range;
  }

  /** @return the tip text of the prefix property */
  public String prefixTipText() {
    return "The name prefix of the probability columns: the column of class value v is "
      + "named prefix + v. The default matches Weka's AddClassification.";
  }

  /** @return the column name prefix */
  public String getPrefix() {
    return m_Prefix;
  }

  /** @param value the column name prefix, possibly empty */
  public void setPrefix(String value) {
    m_Prefix = value == null ? "" : value;
  }

  /** @return the tip text of the classValues property */
  public String classValuesTipText() {
    return "The class value of each column selected by attributeIndices, comma-separated in "
      + "column order. Needed only when the columns are not named after the class values.";
  }

  /** @return the comma-separated class values */
  public String getClassValues() {
    return m_ClassValues;
  }

  /** @param value comma-separated class values, or empty */
  public void setClassValues(String value) {
    m_ClassValues = value == null ? "" : value.trim();
  }

  // ----------------------------------------------------------------- training

  /**
   * Matches the probability columns to the class values of the data.
   *
   * @throws IllegalArgumentException naming the option or column when the columns
   *           cannot be matched
   */
  @Override
  public void buildClassifier(Instances data) throws Exception {
    getCapabilities().testWithFail(data);
    String[] attributeNames = new String[data.numAttributes()];
    for (int j = 0; j < attributeNames.length; j++) {
      attributeNames[j] = data.attribute(j).name();
    }
    Attribute classAttribute = data.classAttribute();
    String[] classNames = new String[classAttribute.numValues()];
    for (int k = 0; k < classNames.length; k++) {
      classNames[k] = classAttribute.value(k);
    }

    String[] listed = ProbabilityColumns.splitList(m_ClassValues);
    if (m_AttributeIndices.isEmpty()) {
      if (listed.length > 0) {
        throw new IllegalArgumentException("Option -class-values gives the class of each "
          + "column selected with -R; select the columns with -R, or leave -class-values out.");
      }
      m_Columns = ProbabilityColumns.byPrefix(attributeNames, classNames, m_Prefix);
    } else {
      int[] selected = ProbabilityColumns.selectRange(m_AttributeIndices,
        data.numAttributes());
      ProbabilityColumns.checkClassNotSelected(selected, data.classIndex(),
        data.classAttribute().name());
      m_Columns = listed.length > 0
        ? ProbabilityColumns.byListedClasses(attributeNames, selected, listed, classNames,
          m_Prefix)
        : ProbabilityColumns.byName(attributeNames, selected, classNames, m_Prefix);
    }

    m_ClassNames = classNames;
    m_ColumnNames = new String[m_Columns.length];
    for (int k = 0; k < m_Columns.length; k++) {
      Attribute column = data.attribute(m_Columns[k]);
      if (m_Columns[k] == data.classIndex() || !column.isNumeric()) {
        m_Columns = null;
        throw new IllegalArgumentException("Probability column " + (column.index() + 1) + " '"
          + column.name() + "' must be a numeric attribute other than the class, found "
          + Attribute.typeToString(column) + (column.index() == data.classIndex()
            ? " (the class)" : "") + ".");
      }
      m_ColumnNames[k] = column.name();
    }
  }

  /**
   * Returns the probability columns of the instance in class order, as found.
   *
   * @throws WekaException if the classifier has not been built, or the instance's
   *           header names another attribute at a probability column's index
   */
  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    if (m_Columns == null) {
      throw new WekaException("PrecomputedDistribution has not been built; call "
        + "buildClassifier first.");
    }
    double[] result = new double[m_Columns.length];
    Instances header = instance.dataset();
    for (int k = 0; k < m_Columns.length; k++) {
      if (header != null && !header.attribute(m_Columns[k]).name().equals(m_ColumnNames[k])) {
        throw new WekaException("Attribute " + (m_Columns[k] + 1) + " of the instance is '"
          + header.attribute(m_Columns[k]).name() + "', but the probability column of class "
          + "value '" + m_ClassNames[k] + "' was '" + m_ColumnNames[k] + "' in the training "
          + "data. Give instances with the training header.");
      }
      result[k] = instance.value(m_Columns[k]);
    }
    return result;
  }

  @Override
  public String toString() {
    if (m_Columns == null) {
      return "PrecomputedDistribution: no model built yet.";
    }
    StringBuilder text = new StringBuilder("PrecomputedDistribution: the class distribution "
      + "is read from the columns\n");
    for (int k = 0; k < m_ColumnNames.length; k++) {
      text.append("  ").append(m_ClassNames[k]).append(": ").append(m_ColumnNames[k])
        .append('\n');
    }
    return text.toString();
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  /**
   * Runs the classifier from the command line.
   *
   * @param args the options; -h lists them
   */
  public static void main(String[] args) {
    runClassifier(new PrecomputedDistribution(), args);
  }
}
