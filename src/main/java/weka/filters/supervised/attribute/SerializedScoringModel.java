/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.filters.supervised.attribute;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.zip.GZIPInputStream;

import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.WekaException;

/**
 * Trained SoftmaxToSigmoid read from a Weka model file, with the training
 * header when the file stores one.
 *
 * <p>The file layout is the one Weka's {@code -d} option writes: a Java
 * serialization stream that contains the classifier, optionally followed by the
 * training header as an {@link Instances} object without rows. A name ending
 * in {@code .gz} is read as gzip-compressed, as Weka writes it.
 * NOTE: Weka's XML and KOML model files ({@code .xml}, {@code .koml}) are not
 * supported, and reading them fails with an error naming the file.
 */
final class SerializedScoringModel {

  private final File m_File;

  private final SoftmaxToSigmoid m_Model;

  /** Training header stored after the model, or null when the file has none. */
  private final Instances m_Header;

  private SerializedScoringModel(File file, SoftmaxToSigmoid model, Instances header) {
    m_File = file;
    m_Model = model;
    m_Header = header;
  }

  /** @return the trained model */
  SoftmaxToSigmoid model() {
    return m_Model;
  }

  /** @return the training header, or null when the file stores none */
  Instances header() {
    return m_Header;
  }

  /**
   * Reads a trained SoftmaxToSigmoid and the optional training header.
   *
   * @param file the model file
   * @return the model and header
   * @throws FileNotFoundException if the file does not exist or is a directory
   * @throws WekaException if the file cannot be deserialized, or contains
   *           another classifier, an untrained model, or something other than
   *           a header after the model
   */
  static SerializedScoringModel read(File file) throws Exception {
    String path = file.getAbsolutePath();
    if (!file.isFile()) {
      throw new FileNotFoundException("Serialized model file '" + path + "' not found. Give "
        + "the file a SoftmaxToSigmoid was saved to with -d.");
    }

    Object model;
    Object header = null;
    try (ObjectInputStream in = SerializationHelper.getObjectInputStream(open(file))) {
      model = in.readObject();
      try {
        header = in.readObject();
      } catch (EOFException e) {
        // The training header is optional: the stream ends after the model.
        header = null;
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new WekaException("Cannot read a serialized model from '" + path + "': " + e
        + ". Give a binary model file saved with -d by "
        + SoftmaxToSigmoid.class.getName() + ".", e);
    }

    if (!(model instanceof SoftmaxToSigmoid)) {
      throw new WekaException("Serialized model file '" + path + "' contains a "
        + className(model) + ", but AddSigmoidScores needs a trained "
        + SoftmaxToSigmoid.class.getName() + ". Save one with -d, or train one with -W.");
    }
    SoftmaxToSigmoid softmaxModel = (SoftmaxToSigmoid) model;
    if (softmaxModel.getTrainedClassAttribute() == null) {
      throw new WekaException("The SoftmaxToSigmoid in '" + path + "' has not been trained. "
        + "Save a model after training it (option -d).");
    }
    if (header != null && !(header instanceof Instances)) {
      throw new WekaException("Serialized model file '" + path + "' contains a "
        + className(header) + " after the model, where Weka stores the training header ("
        + Instances.class.getName() + "). Save the model with -d.");
    }
    return new SerializedScoringModel(file, softmaxModel, (Instances) header);
  }

  private static InputStream open(File file) throws IOException {
    InputStream stream = new BufferedInputStream(new FileInputStream(file));
    if (file.getName().endsWith(".gz")) {
      return new GZIPInputStream(stream);
    }
    return stream;
  }

  private static String className(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }

  /**
   * Checks that data can be scored by the model: against the training header
   * when the file stores one, otherwise against the class values the model
   * was trained with, compared by name and position.
   *
   * @param data the data, with the class attribute set
   * @throws WekaException naming the first difference
   */
  void checkCompatible(Instances data) throws WekaException {
    String path = m_File.getAbsolutePath();
    if (m_Header != null) {
      String difference = headerDifference(m_Header, data);
      if (difference != null) {
        throw new WekaException("The data do not match the training header stored with the "
          + "model in '" + path + "': " + difference + ". Give data with the attributes the "
          + "model was trained on, in the same order.");
      }
      return;
    }

    String difference = classDifference(m_Model.getTrainedClassAttribute(),
      data.classAttribute());
    if (difference != null) {
      throw new WekaException("The class attribute '" + data.classAttribute().name()
        + "' of the data does not match the model in '" + path + "': " + difference
        + ". Give data whose class has the values the model was trained with, in the "
        + "same order.");
    }
  }

  /**
   * Describes the first difference between a training header and data, or
   * returns null when they match.
   */
  static String headerDifference(Instances training, Instances data) {
    if (training.numAttributes() != data.numAttributes()) {
      return "the training header has " + training.numAttributes() + " attributes, the data "
        + data.numAttributes();
    }
    for (int j = 0; j < training.numAttributes(); j++) {
      Attribute trained = training.attribute(j);
      Attribute dataAttribute = data.attribute(j);
      String difference = trained.equalsMsg(dataAttribute);
      if (difference != null && sameValuesReordered(trained, dataAttribute)) {
        return "the values of nominal attribute " + (j + 1) + " '" + trained.name() + "' are "
          + values(trained) + " in the training header but " + values(dataAttribute)
          + " in the data, the same values in another order (a CSV file declares values in "
          + "the order they first occur, so declare them in the training order, for example "
          + "with an ARFF header or the -L option of weka.core.converters.CSVLoader)";
      }
      if (difference != null) {
        return "attribute " + (j + 1) + " is '" + trained.name() + "' in the training header "
          + "and '" + dataAttribute.name() + "' in the data (" + difference + ")";
      }
    }
    if (training.classIndex() != data.classIndex()) {
      return "the class is " + describeClass(training) + " in the training header but "
        + describeClass(data) + " in the data";
    }
    return null;
  }

  /** Tells whether two nominal attributes of one name have the same values in other orders. */
  private static boolean sameValuesReordered(Attribute trained, Attribute data) {
    if (!trained.isNominal() || !data.isNominal() || !trained.name().equals(data.name())
      || trained.numValues() != data.numValues()) {
      return false;
    }
    for (int k = 0; k < trained.numValues(); k++) {
      if (data.indexOfValue(trained.value(k)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String values(Attribute attribute) {
    StringBuilder text = new StringBuilder("{");
    for (int k = 0; k < attribute.numValues(); k++) {
      text.append(k == 0 ? "" : ", ").append(attribute.value(k));
    }
    return text.append('}').toString();
  }

  private static String describeClass(Instances data) {
    if (data.classIndex() < 0) {
      return "not set";
    }
    return "attribute " + (data.classIndex() + 1) + " ('" + data.classAttribute().name() + "')";
  }

  /**
   * Describes the first difference between the class values of the model and
   * of the data, or returns null when they are the same values in the same order.
   */
  static String classDifference(Attribute trained, Attribute dataClass) {
    if (!dataClass.isNominal()) {
      return "the model needs a nominal class, but the data's class is "
        + Attribute.typeToString(dataClass);
    }
    if (trained.numValues() != dataClass.numValues()) {
      return "the model was trained with " + trained.numValues() + " class values, the data "
        + "declare " + dataClass.numValues();
    }
    for (int k = 0; k < trained.numValues(); k++) {
      if (!trained.value(k).equals(dataClass.value(k))) {
        return "class value " + (k + 1) + " is '" + trained.value(k) + "' in the model and '"
          + dataClass.value(k) + "' in the data";
      }
    }
    return null;
  }
}
