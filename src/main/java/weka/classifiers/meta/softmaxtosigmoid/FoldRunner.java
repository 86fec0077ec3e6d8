/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Trains one copy of a base classifier per cross-validation fold and predicts
 * the fold's test part, on up to {@code numSlots} threads at once.
 *
 * <p>Every fold gets its own copy of the template and its own data, and the
 * results are returned in fold order, so the outcome does not depend on the
 * number of slots.
 */
final class FoldRunner {

  private FoldRunner() {
  }

  /**
   * Trains and predicts every fold.
   *
   * @param template the untrained base classifier
   * @param trainFolds the training part of each fold
   * @param testFolds the test part of each fold
   * @param numSlots the number of folds processed at once, at least 1
   * @return per fold, the distributions of its test instances in order
   * @throws Exception the first exception a fold raised
   */
  static List<List<double[]>> predictFolds(final Classifier template,
    final Instances[] trainFolds, final Instances[] testFolds, int numSlots) throws Exception {
    // Copies are made on the calling thread: copying by serialization is not safe while
    // another thread trains a copy of the same object.
    final Classifier[] models = AbstractClassifier.makeCopies(template, trainFolds.length);
    List<Callable<List<double[]>>> tasks = new ArrayList<Callable<List<double[]>>>();
    for (int fold = 0; fold < trainFolds.length; fold++) {
      final int f = fold;
      tasks.add(new Callable<List<double[]>>() {
        @Override
        public List<double[]> call() throws Exception {
          models[f].buildClassifier(trainFolds[f]);
          return CalibrationPredictions.predict(models[f], testFolds[f]);
        }
      });
    }

    List<List<double[]>> result = new ArrayList<List<double[]>>();
    if (numSlots <= 1 || tasks.size() == 1) {
      for (Callable<List<double[]>> task : tasks) {
        result.add(task.call());
      }
      return result;
    }
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(numSlots, tasks.size()));
    try {
      List<Future<List<double[]>>> futures = executor.invokeAll(tasks);
      for (Future<List<double[]>> future : futures) {
        result.add(future.get());
      }
      return result;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw e;
    } finally {
      executor.shutdownNow();
    }
  }
}
