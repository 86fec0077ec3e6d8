/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.WekaException;

/**
 * Reads a model saved by Weka's {@code -d} option (Java serialization, optionally
 * gzip-compressed, possibly followed by the training header). A missing, empty,
 * damaged, truncated or incompatible file, or one with another class, gets a
 * message that names the file and what to do.
 *
 * <p>Classes are resolved through {@link SerializationHelper}, so models whose base
 * classifier comes from another installed Weka package load as they do in Weka.
 */
public final class SerializedModels {

  /** First two bytes of a Java serialization stream. */
  private static final int SERIALIZATION_MAGIC = 0xACED;

  /** First two bytes of a gzip stream. */
  private static final int GZIP_MAGIC = 0x1F8B;

  private SerializedModels() {
  }

  /**
   * A model read from a file, with the training header that Weka's {@code -d} option
   * writes after the model when it has one.
   *
   * @param <T> the class of the model
   */
  public static final class SavedModel<T> {

    /** The model, the first object of the file. */
    public final T model;

    /** The training header (attributes without rows), or null if the file has none. */
    public final Instances header;

    SavedModel(T model, Instances header) {
      this.model = model;
      this.header = header;
    }
  }

  /**
   * Reads the first object of a model file and checks its class.
   *
   * @param file the model file
   * @param type the expected class of the model
   * @param <T> the expected class
   * @return the model
   * @throws WekaException if the file is missing, empty, not a serialized Java object,
   *           damaged, needs a class that is not on the class path, was written by an
   *           incompatible release of a class, or holds an object of another class
   */
  public static <T> T read(File file, Class<T> type) throws WekaException {
    return read(file, type, false).model;
  }

  /**
   * Reads a model as {@link #read(File, Class)} does, and the training header after it.
   *
   * @param file the model file
   * @param type the expected class of the model
   * @param <T> the expected class
   * @return the model, and the header or null when the model is the only object
   * @throws WekaException for the problems listed at {@link #read(File, Class)}, and if
   *           the data after the model are damaged
   */
  public static <T> SavedModel<T> readWithHeader(File file, Class<T> type)
    throws WekaException {
    return read(file, type, true);
  }

  private static <T> SavedModel<T> read(File file, Class<T> type, boolean withHeader)
    throws WekaException {
    String name = "Model file '" + file.getPath() + "'";
    if (!file.isFile()) {
      throw new WekaException(name + " not found; give the path of a model saved with -d.");
    }
    if (file.length() < 4) {
      throw new WekaException(name + " has " + file.length() + " bytes, too few for a "
        + "model; save the model again with -d.");
    }
    Object model;
    Instances header = null;
    try (InputStream in = open(file, name)) {
      ObjectInputStream objects = SerializationHelper.getObjectInputStream(in);
      model = objects.readObject();
      if (withHeader) {
        header = readHeader(objects);
      }
    } catch (ClassNotFoundException e) {
      throw new WekaException(name + " needs a class that is not on the class path ("
        + e.getMessage() + "); install the Weka package that provides it.", e);
    } catch (InvalidClassException e) {
      throw new WekaException(name + " was written by a release of " + e.classname
        + " that this release cannot read (" + e.getMessage() + "); train and save the "
        + "model again with this release.", e);
    } catch (EOFException e) {
      throw new WekaException(name + " ends too early, so it is truncated; save the model "
        + "again with -d.", e);
    } catch (ObjectStreamException e) {
      throw new WekaException(name + " is damaged (" + e + "); save the model again "
        + "with -d.", e);
    } catch (IOException e) {
      throw new WekaException(name + " could not be read: " + e.getMessage(), e);
    }
    if (!type.isInstance(model)) {
      throw new WekaException(name + " contains a "
        + (model == null ? "null reference" : model.getClass().getName()) + ", not a "
        + type.getName() + "; give a file saved by " + type.getSimpleName() + " with -d.");
    }
    return new SavedModel<T>(type.cast(model), header);
  }

  /**
   * Reads the object after the model, which Weka's -d option writes when it has the
   * training header.
   *
   * @return the header, or null at the end of the file or for an object of another class
   */
  private static Instances readHeader(ObjectInputStream objects)
    throws IOException, ClassNotFoundException {
    Object next;
    try {
      next = objects.readObject();
    } catch (EOFException e) {
      return null;
    }
    return next instanceof Instances ? (Instances) next : null;
  }

  /**
   * Opens a file after checking its first two bytes: a serialization stream is read
   * as it is, a gzip stream is decompressed, anything else is rejected.
   */
  private static InputStream open(File file, String name) throws IOException, WekaException {
    InputStream in = new BufferedInputStream(new FileInputStream(file));
    in.mark(2);
    int magic = (in.read() << 8) | in.read();
    in.reset();
    if (magic == SERIALIZATION_MAGIC) {
      return in;
    }
    if (magic == GZIP_MAGIC) {
      return new BufferedInputStream(new GZIPInputStream(in));
    }
    in.close();
    throw new WekaException(String.format(Locale.ROOT, "%s is not a serialized Java object "
      + "(it starts with the bytes %04X, not ACED); give a model saved by Weka with -d.",
      name, magic));
  }
}
