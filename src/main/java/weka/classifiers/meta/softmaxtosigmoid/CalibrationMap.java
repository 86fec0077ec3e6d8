/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.io.Serializable;

/**
 * Fitted map from a gauge logit of one class to a calibrated logit, whose
 * sigmoid is the class score.
 */
public interface CalibrationMap extends Serializable {

  /**
   * Maps a logit.
   *
   * @param classIndex the 0-based class
   * @param logit the gauge logit, possibly infinite
   * @return the calibrated logit, possibly infinite, never NaN for a non-NaN input
   */
  double calibratedLogit(int classIndex, double logit);

  /**
   * Describes the map's parameters for the model output.
   *
   * @param classNames the class names
   * @return one or more lines of text
   */
  String describe(String[] classNames);
}
