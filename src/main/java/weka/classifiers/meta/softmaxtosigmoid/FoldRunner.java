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
 * the fold's test part, and one more copy on all data, on up to
 * {@code numSlots} threads at once.
 *
 * <p>Every fold gets its own copy of the template and its own data, and the
 * results are returned in fold order, so the outcome does not depend on the
 * number of slots.
 */
final class FoldRunner {

  private FoldRunner() {
  }

  /** Predictions of every fold and the model trained on all data. */
  static final class Result {

    /** Per fold, the distributions of its test instances in order. */
    final List<List<double[]>> predictions;

    /** The base classifier trained on all training data. */
    final Classifier finalModel;

    Result(List<List<double[]>> predictions, Classifier finalModel) {
      this.predictions = predictions;
      this.finalModel = finalModel;
    }
  }

  /**
   * Trains and predicts every fold, and trains the final model on all data as one
   * more task, so that it too runs in parallel with the folds.
   *
   * @param template the untrained base classifier
   * @param trainFolds the training part of each fold
   * @param testFolds the test part of each fold
   * @param all the full training data for the final model
   * @param numSlots the number of tasks processed at once, at least 1
   * @return the fold predictions and the final model
   * @throws Exception the first exception a task raised
   */
  static Result run(final Classifier template, final Instances[] trainFolds,
    final Instances[] testFolds, final Instances all, int numSlots) throws Exception {
    // Copies are made on the calling thread: copying by serialization is not safe while
    // another thread trains a copy of the same object.
    final Classifier[] models = AbstractClassifier.makeCopies(template, trainFolds.length + 1);
    final int last = trainFolds.length;
    List<Callable<List<double[]>>> tasks = new ArrayList<Callable<List<double[]>>>();
    // The final model is the largest task, so it is queued first.
    tasks.add(new Callable<List<double[]>>() {
      @Override
      public List<double[]> call() throws Exception {
        models[last].buildClassifier(all);
        return new ArrayList<double[]>();
      }
    });
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

    List<List<double[]>> results = execute(tasks, numSlots);
    return new Result(results.subList(1, results.size()), models[last]);
  }

  private static List<List<double[]>> execute(List<Callable<List<double[]>>> tasks,
    int numSlots) throws Exception {
    List<List<double[]>> result = new ArrayList<List<double[]>>();
    if (numSlots <= 1) {
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
