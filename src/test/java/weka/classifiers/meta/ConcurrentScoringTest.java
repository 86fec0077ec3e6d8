package weka.classifiers.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import weka.classifiers.trees.RandomForest;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * One trained model scored from 8 threads at once gives the same bits as a sequential run.
 *
 * <p>The base is RandomForest: in the Weka 3.8 source (read at the 3.8 branch of the
 * Waikato/weka-3.8 repository), Bagging.distributionForInstance and
 * RandomTree.distributionForInstance only read the trained trees and allocate their own
 * arrays, so prediction is safe from several threads. The meta-classifier's trained state
 * (inversion, calibration map, label-set rule) is immutable.
 */
class ConcurrentScoringTest {

  private static final int THREADS = 8;

  private static final int ROUNDS = 3;

  /** Returns every output of the model for one instance, as raw bits. */
  private static long[] outputs(SoftmaxToSigmoid model, Instance instance) throws Exception {
    double[][] parts = {model.distributionForInstance(instance), model.sigmoidScores(instance),
      model.logits(instance), model.labelSet(instance)};
    List<Long> bits = new ArrayList<>();
    for (double[] part : parts) {
      for (double value : part) {
        bits.add(Double.doubleToRawLongBits(value));
      }
    }
    return bits.stream().mapToLong(Long::longValue).toArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-calibrator isotonic -threshold-rule per-class-f1",
    "-calibrator per-class -threshold-rule conformal -keep-top"})
  void eightThreadsMatchSequentialBits(String options) throws Exception {
    Instances glass = TestData.load(new File("data/glass.arff"));
    SoftmaxToSigmoid model = new SoftmaxToSigmoid();
    model.setOptions(Utils.splitOptions("-folds 3 " + options));
    RandomForest forest = new RandomForest();
    forest.setNumIterations(30);
    model.setClassifier(forest);
    model.buildClassifier(glass);

    long[][] expected = new long[glass.numInstances()][];
    for (int i = 0; i < glass.numInstances(); i++) {
      expected[i] = outputs(model, glass.instance(i));
    }

    // Each thread starts at another instance, so the threads score different instances at
    // the same moment, and all start together behind the latch.
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    List<Future<long[][]>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      final int offset = t * glass.numInstances() / THREADS;
      futures.add(executor.submit((Callable<long[][]>) () -> {
        start.await();
        long[][] result = new long[glass.numInstances()][];
        for (int round = 0; round < ROUNDS; round++) {
          for (int j = 0; j < glass.numInstances(); j++) {
            int i = (offset + j) % glass.numInstances();
            result[i] = outputs(model, glass.instance(i));
          }
        }
        return result;
      }));
    }
    start.countDown();
    try {
      for (int t = 0; t < THREADS; t++) {
        long[][] actual = futures.get(t).get();
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i].length, actual[i].length, "instance " + (i + 1));
          for (int k = 0; k < expected[i].length; k++) {
            assertEquals(expected[i][k], actual[i][k], "thread " + t + ", instance " + (i + 1)
              + ", output " + k);
          }
        }
      }
    } finally {
      executor.shutdownNow();
    }
  }
}
