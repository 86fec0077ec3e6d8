/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Calibration data read from a file and mapped onto the training header by
 * attribute and value names, never by position.
 *
 * <p>Two formats are accepted. A single-label file has the training attributes,
 * class included; its nominal values, class values included, may be declared in
 * another order. A MEKA multi-label file (relation name {@code <name>: -C L})
 * has one 0/1 label attribute per class value, named after it, and the training
 * attributes other than the class. Each row then gives one target per class, so
 * an instance may have several labels or none.
 */
public final class CalibrationFile {

  private final Instances m_instances;

  private final double[][] m_targets;

  private final boolean m_multiLabel;

  private final int m_rowsWithoutTarget;

  private CalibrationFile(Instances instances, double[][] targets, boolean multiLabel,
    int rowsWithoutTarget) {
    m_instances = instances;
    m_targets = targets;
    m_multiLabel = multiLabel;
    m_rowsWithoutTarget = rowsWithoutTarget;
  }

  /** @return the number of file rows left out because their class or a label is missing */
  public int rowsWithoutTarget() {
    return m_rowsWithoutTarget;
  }

  /** @return the rows in the training header, class missing for multi-label files */
  public Instances instances() {
    return m_instances;
  }

  /** @return per row, one 0/1 target per class value */
  public double[][] targets() {
    return m_targets;
  }

  /** @return true if the file is MEKA multi-label data */
  public boolean isMultiLabel() {
    return m_multiLabel;
  }

  /**
   * Reads a calibration file.
   *
   * @param file the ARFF (or other Weka-readable) file
   * @param header the training header with its class set
   * @return the mapped rows and targets
   * @throws Exception if the file cannot be read, or an attribute, value or label does not
   *           match the training header; the message names it
   */
  public static CalibrationFile read(File file, Instances header) throws Exception {
    if (!file.isFile()) {
      throw new IllegalArgumentException("Calibration file '" + file.getPath() + "' not "
        + "found; set -calibration-file to an existing ARFF file.");
    }
    Instances data = DataSource.read(file.getPath());
    return map(data, header, file.getPath());
  }

  /**
   * Maps loaded calibration data onto the training header.
   *
   * @param data the calibration data as read
   * @param header the training header with its class set
   * @param source the file name, for messages
   * @return the mapped rows and targets
   */
  public static CalibrationFile map(Instances data, Instances header, String source) {
    return map(data, header, source, "calibration file");
  }

  /**
   * Maps loaded data onto the training header. Error messages name the file by its role,
   * so that a test file is not reported as a calibration file.
   *
   * @param data the data as read
   * @param header the training header with its class set
   * @param source the file name, for messages
   * @param role what the file is, in lower case, for messages, for example "test file"
   * @return the mapped rows and targets
   */
  public static CalibrationFile map(Instances data, Instances header, String source,
    String role) {
    String fileDescription = role + " '" + source + "'";
    if (MekaFormat.isMultiLabel(data)) {
      return mapMultiLabel(data, header, fileDescription);
    }
    return mapSingleLabel(data, header, fileDescription);
  }

  private static CalibrationFile mapSingleLabel(Instances data, Instances header,
    String fileDescription) {
    Attribute classAttribute = header.classAttribute();
    Attribute fileClass = data.attribute(classAttribute.name());
    if (fileClass == null) {
      throw new IllegalArgumentException(capitalize(fileDescription) + " has no class "
        + "attribute '" + classAttribute.name() + "'; give the training header, or MEKA "
        + "multi-label data whose relation name contains -C L.");
    }
    int[] columns = matchColumns(data, header, fileDescription, true);
    Instances mapped = new Instances(header, data.numInstances());
    double[][] targets = new double[data.numInstances()][];
    List<Instance> rows = new ArrayList<Instance>();
    int numClasses = classAttribute.numValues();
    for (int i = 0; i < data.numInstances(); i++) {
      Instance instance = mapRow(data, i, mapped, columns, fileDescription);
      if (!instance.classIsMissing()) {
        targets[i] = new double[numClasses];
        targets[i][(int) instance.classValue()] = 1;
      }
      rows.add(instance);
    }
    return withoutMissingTargets(mapped, rows, targets, false);
  }

  private static CalibrationFile mapMultiLabel(Instances data, Instances header,
    String fileDescription) {
    Attribute classAttribute = header.classAttribute();
    int[] labels = MekaFormat.labelIndices(data);
    int numClasses = classAttribute.numValues();
    int[] labelOfClass = new int[numClasses];
    java.util.Arrays.fill(labelOfClass, -1);
    for (int labelIndex : labels) {
      String name = data.attribute(labelIndex).name();
      int k = classAttribute.indexOfValue(name);
      if (k < 0) {
        throw new IllegalArgumentException("Label attribute '" + name + "' of "
          + fileDescription + " is not a value of class attribute '"
          + classAttribute.name() + "'; MEKA labels must be named after the class values.");
      }
      labelOfClass[k] = labelIndex;
    }
    for (int k = 0; k < numClasses; k++) {
      if (labelOfClass[k] < 0) {
        String value = classAttribute.value(k);
        // An attribute of that name outside the -C L labels is a feature for MEKA.
        boolean outsideLabels = data.attribute(value) != null;
        throw new IllegalArgumentException("Class value '" + value + "' has no label "
          + "attribute in " + fileDescription + (outsideLabels ? ": attribute '" + value
          + "' exists, but it is not one of the " + labels.length + " label attributes that "
          + "-C in the relation name declares. Raise the label count of -C, or move the "
          + "attribute among the labels." : "; add a {0,1} label attribute of that name."));
      }
    }
    int[] columns = matchColumns(data, header, fileDescription, false);
    Instances mapped = new Instances(header, data.numInstances());
    List<Instance> rows = new ArrayList<Instance>();
    double[][] targets = new double[data.numInstances()][numClasses];
    for (int i = 0; i < data.numInstances(); i++) {
      rows.add(mapRow(data, i, mapped, columns, fileDescription));
      for (int k = 0; k < numClasses; k++) {
        targets[i][k] = MekaFormat.labelValue(data, i, labelOfClass[k]);
        if (Double.isNaN(targets[i][k])) {
          targets[i] = null;
          break;
        }
      }
    }
    return withoutMissingTargets(mapped, rows, targets, true);
  }

  /** Keeps the rows that have targets; rows without one cannot calibrate and are counted. */
  private static CalibrationFile withoutMissingTargets(Instances mapped, List<Instance> rows,
    double[][] targets, boolean multiLabel) {
    List<double[]> kept = new ArrayList<double[]>();
    for (int i = 0; i < rows.size(); i++) {
      if (targets[i] != null) {
        mapped.add(rows.get(i));
        kept.add(targets[i]);
      }
    }
    return new CalibrationFile(mapped, kept.toArray(new double[0][]), multiLabel,
      rows.size() - kept.size());
  }

  /**
   * Finds, for each training attribute, the file attribute of the same name and type.
   *
   * @return per training attribute, the file column, or -1 for the class of multi-label data
   */
  private static int[] matchColumns(Instances data, Instances header, String fileDescription,
    boolean withClass) {
    int[] columns = new int[header.numAttributes()];
    List<String> used = new ArrayList<String>();
    for (int j = 0; j < header.numAttributes(); j++) {
      Attribute wanted = header.attribute(j);
      if (j == header.classIndex() && !withClass) {
        columns[j] = -1;
        continue;
      }
      Attribute found = data.attribute(wanted.name());
      if (found == null) {
        throw new IllegalArgumentException(capitalize(fileDescription) + " has no "
          + "attribute '" + wanted.name() + "', which the training data have.");
      }
      if (found.type() != wanted.type()) {
        throw new IllegalArgumentException("Attribute '" + wanted.name() + "' is "
          + Attribute.typeToString(found) + " in " + fileDescription + " but "
          + Attribute.typeToString(wanted) + " in the training data.");
      }
      columns[j] = found.index();
      used.add(found.name());
    }
    int labelsFrom = 0;
    int labelsTo = 0;
    if (!withClass) {
      int[] labels = MekaFormat.labelIndices(data);
      labelsFrom = labels[0];
      labelsTo = labels[labels.length - 1] + 1;
    }
    for (int j = 0; j < data.numAttributes(); j++) {
      boolean isLabel = j >= labelsFrom && j < labelsTo;
      if (!isLabel && !used.contains(data.attribute(j).name())) {
        throw new IllegalArgumentException("Attribute '" + data.attribute(j).name()
          + "' of " + fileDescription + " is not in the training data; remove it "
          + "or train with it.");
      }
    }
    return columns;
  }

  private static Instance mapRow(Instances data, int row, Instances mapped, int[] columns,
    String fileDescription) {
    Instance original = data.instance(row);
    double[] values = new double[mapped.numAttributes()];
    for (int j = 0; j < mapped.numAttributes(); j++) {
      int column = columns[j];
      if (column < 0 || original.isMissing(column)) {
        values[j] = Utils.missingValue();
        continue;
      }
      Attribute target = mapped.attribute(j);
      Attribute from = data.attribute(column);
      if (target.isNominal()) {
        String value = from.value((int) original.value(column));
        int index = target.indexOfValue(value);
        if (index < 0) {
          throw new IllegalArgumentException("Value '" + value + "' of attribute '"
            + target.name() + "' in row " + (row + 1) + " of " + fileDescription
            + " is not declared in the training data.");
        }
        values[j] = index;
      } else if (target.isString()) {
        values[j] = target.addStringValue(from.value((int) original.value(column)));
      } else if (target.isRelationValued()) {
        values[j] = target.addRelation(from.relation((int) original.value(column)));
      } else {
        values[j] = original.value(column);
      }
    }
    Instance result = new DenseInstance(original.weight(), values);
    result.setDataset(mapped);
    return result;
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
