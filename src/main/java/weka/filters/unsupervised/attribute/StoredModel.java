/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.filters.unsupervised.attribute;

import java.io.File;
import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.WekaException;

/**
 * Reads the trained SoftmaxToSigmoid whose calibration ProbabilitiesToSigmoid
 * applies, and checks it against the data.
 *
 * <p>The file is the one Weka's {@code -d} option writes: the first object of a
 * Java serialization stream; a training header stored after it is not needed,
 * because the columns are matched to the model's class values by name.
 */
final class StoredModel {

  private StoredModel() {
  }

  /**
   * Reads a trained SoftmaxToSigmoid.
   *
   * @param file the model file
   * @return the model
   * @throws FileNotFoundException if the file does not exist
   * @throws WekaException if the file holds no trained SoftmaxToSigmoid
   */
  static SoftmaxToSigmoid read(File file) throws Exception {
    String path = file.getAbsolutePath();
    if (!file.isFile()) {
      throw new FileNotFoundException("Option -model: model file '" + path + "' not found. "
        + "Give a file that a SoftmaxToSigmoid was saved to with -d.");
    }
    Object model;
    try {
      model = SerializationHelper.read(file.getPath());
    } catch (Exception e) {
      throw new WekaException("Option -model: cannot read a serialized model from '" + path
        + "': " + e + ". Give a binary model file saved with -d by "
        + SoftmaxToSigmoid.class.getName() + ".", e);
    }
    if (!(model instanceof SoftmaxToSigmoid)) {
      throw new WekaException("Option -model: file '" + path + "' contains a "
        + (model == null ? "null" : model.getClass().getName()) + ", not a trained "
        + SoftmaxToSigmoid.class.getName() + ". Save one with -d.");
    }
    SoftmaxToSigmoid result = (SoftmaxToSigmoid) model;
    if (result.getInversion() == null) {
      throw new WekaException("Option -model: the SoftmaxToSigmoid in '" + path + "' has "
        + "not been trained. Save a model after training it (option -d).");
    }
    return result;
  }

  /**
   * Checks that a nominal class of the data has the model's class values, in any order.
   *
   * @param data the data
   * @param modelClassNames the model's class values
   * @param file the model file, for the message
   * @throws IllegalArgumentException naming both value sets if they differ
   */
  static void checkClassValues(Instances data, String[] modelClassNames, File file) {
    if (data.classIndex() < 0 || !data.classAttribute().isNominal()) {
      return;
    }
    Attribute classAttribute = data.classAttribute();
    // The list keeps the declared order for the message, and the sets ignore order.
    List<String> dataValues = new ArrayList<String>();
    for (int k = 0; k < classAttribute.numValues(); k++) {
      dataValues.add(classAttribute.value(k));
    }
    if (!new HashSet<String>(dataValues).equals(
      new HashSet<String>(Arrays.asList(modelClassNames)))) {
      throw new IllegalArgumentException("Option -model: the class '" + classAttribute.name()
        + "' of the data has the values " + dataValues + ", but the model in '"
        + file.getPath() + "' was trained with " + Arrays.toString(modelClassNames)
        + ". Give data with the model's class values, or unset the class.");
    }
  }
}
