/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * Base distributions for a calibration set, together with the base model
 * that will score new instances.
 *
 * <p>Unlike the rest of this package this class uses Weka's data classes,
 * because it trains base classifiers. The training data must not contain
 * instances with a missing class.
 */
public final class CalibrationPredictions {

  private final Classifier m_model;

  private final Instances m_instances;

  private final List<double[]> m_distributions;

  private final double[][] m_targets;

  private final String m_description;

  private CalibrationPredictions(Classifier model, Instances instances,
    List<double[]> distributions, double[][] targets, String description) {
    m_model = model;
    m_instances = instances;
    m_distributions = distributions;
    m_targets = targets;
    m_description = description;
  }

  private CalibrationPredictions(Classifier model, Instances instances,
    List<double[]> distributions, String description) {
    this(model, instances, distributions, oneHotTargets(instances), description);
  }

  private static double[][] oneHotTargets(Instances instances) {
    double[][] result = new double[instances.numInstances()][instances.numClasses()];
    for (int i = 0; i < result.length; i++) {
      result[i][(int) instances.instance(i).classValue()] = 1;
    }
    return result;
  }

  /** @return the trained base model used for scoring */
  public Classifier model() {
    return m_model;
  }

  /** @return the calibration instances, with their classes and weights */
  public Instances instances() {
    return m_instances;
  }

  /**
   * @param index the 0-based calibration instance
   * @return the base distribution predicted for it
   */
  public double[] distribution(int index) {
    return m_distributions.get(index);
  }

  /**
   * @param index the 0-based calibration instance
   * @return its targets, one 0/1 value per class
   */
  public double[] targets(int index) {
    return m_targets[index];
  }

  /** @return how the calibration set was made, for the model output */
  public String description() {
    return m_description;
  }

  /**
   * Collects calibration predictions from the given source.
   *
   * @param source the source
   * @param template the untrained base classifier, copied for every model
   * @param data the training data, without missing classes
   * @param folds the number of folds for cross-validation
   * @param holdoutFraction the held-out fraction for the hold-out source
   * @param seed the random seed
   * @param numSlots the number of fold models trained at once, at least 1
   * @param file the calibration file for {@link CalibrationSource#FILE}, otherwise unused
   * @param warnings receives one sentence per problem found
   * @return the predictions and the scoring model
   * @throws Exception if a base classifier cannot be copied or trained, or the file
   *           cannot be read or mapped
   */
  public static CalibrationPredictions collect(CalibrationSource source,
    Classifier template, Instances data, int folds, double holdoutFraction, long seed,
    int numSlots, java.io.File file, List<String> warnings) throws Exception {
    switch (source) {
      case CROSS_VALIDATION:
        return crossValidation(template, data, folds, seed, numSlots, warnings);
      case HOLDOUT:
        return holdout(template, data, holdoutFraction, seed, warnings);
      case FILE:
        return fromFile(template, data, file, warnings);
      default:
        return training(template, data, warnings);
    }
  }

  /**
   * Trains the scoring model on all training data and predicts the rows of a
   * calibration file, mapped onto the training header by name.
   */
  static CalibrationPredictions fromFile(Classifier template, Instances data, java.io.File file,
    List<String> warnings) throws Exception {
    CalibrationFile calibration = CalibrationFile.read(file, new Instances(data, 0));
    if (calibration.rowsWithoutTarget() > 0) {
      warnings.add(calibration.rowsWithoutTarget() + " rows of calibration file '"
        + file.getPath() + "' have a missing class or label and were left out of calibration.");
    }
    Classifier model = AbstractClassifier.makeCopy(template);
    model.buildClassifier(data);
    Instances instances = calibration.instances();
    return new CalibrationPredictions(model, instances, predict(model, instances),
      calibration.targets(), (calibration.isMultiLabel() ? "MEKA multi-label" : "single-label")
        + " file '" + file.getPath() + "', " + sizeOf(instances)
        + "; the scoring model is trained on all " + data.numInstances()
        + " training instances");
  }

  /**
   * Trains the base model on all data and predicts the same data.
   */
  static CalibrationPredictions training(Classifier template, Instances data,
    List<String> warnings) throws Exception {
    Classifier model = AbstractClassifier.makeCopy(template);
    model.buildClassifier(data);
    warnings.add("The calibration set is the training data itself (resubstitution): "
      + "the base model is more confident there than on new data, so the fitted scores "
      + "are likely overconfident; prefer -calibration-source cv.");
    return new CalibrationPredictions(model, data, predict(model, data),
      "the training data (resubstitution), " + sizeOf(data));
  }

  /**
   * Pools the out-of-fold predictions of a stratified cross-validation and
   * trains the scoring model on all data.
   */
  static CalibrationPredictions crossValidation(Classifier template, Instances data,
    int folds, long seed, int numSlots, List<String> warnings) throws Exception {
    int numInstances = data.numInstances();
    if (numInstances < 2) {
      warnings.add("Cross-validation needs at least 2 instances, found " + numInstances
        + ", so the training data were used for calibration.");
      return training(template, data, warnings);
    }
    int usedFolds = folds;
    if (folds > numInstances) {
      usedFolds = numInstances;
      warnings.add("Only " + numInstances + " training instances for " + folds
        + " folds, so " + usedFolds + " folds were used.");
    }
    warnAboutRareClasses(data, usedFolds, warnings);

    Random random = new Random(seed);
    Instances shuffled = new Instances(data);
    shuffled.randomize(random);
    shuffled.stratify(usedFolds);

    Instances[] trainFolds = new Instances[usedFolds];
    Instances[] testFolds = new Instances[usedFolds];
    for (int fold = 0; fold < usedFolds; fold++) {
      trainFolds[fold] = shuffled.trainCV(usedFolds, fold, random);
      testFolds[fold] = shuffled.testCV(usedFolds, fold);
      checkPositiveWeight(trainFolds[fold], "The training part of fold " + (fold + 1) + " of "
        + usedFolds, data, "use fewer folds or -calibration-source training");
    }
    FoldRunner.Result foldResult =
      FoldRunner.run(template, trainFolds, testFolds, data, numSlots);
    List<List<double[]>> foldPredictions = foldResult.predictions;

    Instances pooled = new Instances(data, numInstances);
    List<double[]> distributions = new ArrayList<double[]>(numInstances);
    for (int fold = 0; fold < usedFolds; fold++) {
      for (int i = 0; i < testFolds[fold].numInstances(); i++) {
        pooled.add(testFolds[fold].instance(i));
      }
      distributions.addAll(foldPredictions.get(fold));
    }

    return new CalibrationPredictions(foldResult.finalModel, pooled, distributions,
      "out-of-fold predictions of " + usedFolds + "-fold stratified cross-validation (seed "
        + seed + "), " + sizeOf(pooled) + "; the scoring model is trained on all "
        + numInstances + " training instances");
  }

  /**
   * Holds out a stratified fraction, trains the scoring model on the rest and
   * predicts the held-out part.
   */
  static CalibrationPredictions holdout(Classifier template, Instances data,
    double fraction, long seed, List<String> warnings) throws Exception {
    Instances[] parts = stratifiedSplit(data, fraction, new Random(seed));
    Instances train = parts[0];
    Instances heldOut = parts[1];
    if (train.numInstances() == 0 || heldOut.numInstances() == 0) {
      warnings.add("A hold-out fraction of " + fraction + " of " + data.numInstances()
        + " instances leaves one part empty, so the training data were used for calibration.");
      return training(template, data, warnings);
    }
    checkPositiveWeight(train, "The training part of the hold-out split", data,
      "use -calibration-source cv or training");
    Classifier model = AbstractClassifier.makeCopy(template);
    model.buildClassifier(train);
    return new CalibrationPredictions(model, heldOut, predict(model, heldOut),
      "a stratified hold-out of " + sizeOf(heldOut) + " (seed " + seed
        + "); the scoring model is trained on the other " + train.numInstances()
        + " instances");
  }

  /**
   * Splits data so that each class contributes {@code round(fraction * n_c)} of
   * its {@code n_c} instances, chosen at random, to the second part.
   *
   * @return {rest, held out}, both with the header of data
   */
  static Instances[] stratifiedSplit(Instances data, double fraction, Random random) {
    int numClasses = data.numClasses();
    List<List<Instance>> byClass = new ArrayList<List<Instance>>();
    for (int k = 0; k < numClasses; k++) {
      byClass.add(new ArrayList<Instance>());
    }
    for (Instance instance : data) {
      byClass.get((int) instance.classValue()).add(instance);
    }
    Instances rest = new Instances(data, data.numInstances());
    Instances heldOut = new Instances(data, data.numInstances());
    for (List<Instance> members : byClass) {
      java.util.Collections.shuffle(members, random);
      long take = Math.round(fraction * members.size());
      for (int i = 0; i < members.size(); i++) {
        (i < take ? heldOut : rest).add(members.get(i));
      }
    }
    return new Instances[] {rest, heldOut};
  }

  /**
   * Rejects a training part whose weights are all 0, which base classifiers such as
   * RandomForest cannot train on: Weka's Utils.normalize fails inside them with "Sum is
   * zero".
   */
  private static void checkPositiveWeight(Instances part, String name, Instances data,
    String fix) throws WekaException {
    if (part.numInstances() > 0 && part.sumOfWeights() > 0) {
      return;
    }
    int positive = 0;
    for (Instance instance : data) {
      positive += instance.weight() > 0 ? 1 : 0;
    }
    throw new WekaException(name + " has total weight 0, because only " + positive + " of "
      + data.numInstances() + " training instances have a positive weight; " + fix
      + ", or give more instances a positive weight.");
  }

  static List<double[]> predict(Classifier model, Instances data) throws Exception {
    List<double[]> result = new ArrayList<double[]>(data.numInstances());
    for (Instance instance : data) {
      result.add(model.distributionForInstance(instance));
    }
    return result;
  }

  private static void warnAboutRareClasses(Instances data, int folds, List<String> warnings) {
    int[] counts = new int[data.numClasses()];
    for (Instance instance : data) {
      counts[(int) instance.classValue()]++;
    }
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > 0 && counts[k] < folds) {
        warnings.add("Class '" + data.classAttribute().value(k) + "' has " + counts[k]
          + (counts[k] == 1 ? " instance" : " instances") + ", fewer than the " + folds
          + " folds, so some fold models never see it; calibration for '"
          + data.classAttribute().value(k) + "' is unreliable.");
      }
    }
  }

  private static String sizeOf(Instances data) {
    return data.numInstances() + " instances (total weight "
      + weka.core.Utils.doubleToString(data.sumOfWeights(), 6) + ")";
  }
}
