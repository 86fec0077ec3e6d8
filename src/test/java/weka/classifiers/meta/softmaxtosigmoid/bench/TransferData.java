package weka.classifiers.meta.softmaxtosigmoid.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import weka.classifiers.meta.softmaxtosigmoid.MekaFormat;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Multi-label data split for the transfer benchmark, with the training part projected
 * to single labels.
 *
 * <p>Steps, for seed N: rows with a missing label or with no label are removed; the
 * rest are shuffled with {@code new Random(N)} and split into 60 % training, 15 %
 * calibration and 25 % test (each part's size rounded, the test part taking the
 * remainder). The same random stream then picks, for each training and each calibration
 * row in that order, one of its labels uniformly: the projected single label. The
 * single-label header has the non-label attributes followed by a nominal class whose
 * values are the label names.
 */
final class TransferData {

  /** Share of the usable rows in the training part. */
  static final double TRAIN_FRACTION = 0.60;

  /** Share of the usable rows in the calibration part. */
  static final double CALIBRATION_FRACTION = 0.15;

  final String[] labelNames;

  /** Single-label header: the features, then the class with one value per label. */
  final Instances header;

  /** Training rows with their projected single label as class. */
  final Instances train;

  /** True labels of the training rows, for binary relevance. */
  final double[][] trainTruth;

  /** Calibration rows with their projected single label as class. */
  final Instances calibration;

  final double[][] calibrationTruth;

  /** Test rows, class missing. */
  final Instances test;

  final double[][] testTruth;

  /** Rows removed because a label value is missing. */
  final int rowsWithMissingLabel;

  /** Rows removed because they have no label. */
  final int rowsWithoutLabel;

  private TransferData(String[] labelNames, Instances header, Instances train,
    double[][] trainTruth, Instances calibration, double[][] calibrationTruth, Instances test,
    double[][] testTruth, int rowsWithMissingLabel, int rowsWithoutLabel) {
    this.labelNames = labelNames;
    this.header = header;
    this.train = train;
    this.trainTruth = trainTruth;
    this.calibration = calibration;
    this.calibrationTruth = calibrationTruth;
    this.test = test;
    this.testTruth = testTruth;
    this.rowsWithMissingLabel = rowsWithMissingLabel;
    this.rowsWithoutLabel = rowsWithoutLabel;
  }

  /**
   * Reads a MEKA file and splits it.
   *
   * @param file the MEKA ARFF file
   * @param seed the seed of the shuffle and the projection
   * @return the split data
   * @throws Exception if the file is missing or unreadable, is not MEKA data with at
   *           least 2 labels, or has too few labelled rows for three non-empty parts
   */
  static TransferData read(File file, long seed) throws Exception {
    if (!file.isFile()) {
      throw new IllegalArgumentException("MEKA file '" + file.getPath() + "' not found; give "
        + "an existing ARFF file whose relation name contains -C L.");
    }
    Instances data = DataSource.read(file.getPath());
    if (!MekaFormat.isMultiLabel(data)) {
      throw new IllegalArgumentException("File '" + file.getPath() + "' is not MEKA "
        + "multi-label data: its relation name '" + data.relationName() + "' has no '-C L'.");
    }
    int[] labels = MekaFormat.labelIndices(data);
    if (labels.length < 2) {
      throw new IllegalArgumentException("File '" + file.getPath() + "' has " + labels.length
        + " label; the transfer benchmark needs at least 2, because a softmax over one "
        + "class carries no information.");
    }
    return split(data, labels, seed, file.getPath());
  }

  private static TransferData split(Instances data, int[] labels, long seed, String source) {
    int numLabels = labels.length;
    String[] labelNames = new String[numLabels];
    for (int k = 0; k < numLabels; k++) {
      labelNames[k] = data.attribute(labels[k]).name();
    }
    boolean[] isLabel = new boolean[data.numAttributes()];
    for (int index : labels) {
      isLabel[index] = true;
    }
    Instances header = singleLabelHeader(data, isLabel, labelNames);

    List<Integer> usable = new ArrayList<Integer>();
    List<double[]> truth = new ArrayList<double[]>();
    int missing = 0;
    int unlabelled = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      double[] row = new double[numLabels];
      double count = 0;
      for (int k = 0; k < numLabels; k++) {
        row[k] = MekaFormat.labelValue(data, i, labels[k]);
        count += row[k];
      }
      if (Double.isNaN(count)) {
        missing++;
      } else if (count == 0) {
        unlabelled++;
      } else {
        usable.add(i);
        truth.add(row);
      }
    }

    int n = usable.size();
    int numTrain = (int) Math.round(TRAIN_FRACTION * n);
    int numCalibration = (int) Math.round(CALIBRATION_FRACTION * n);
    if (numTrain == 0 || numCalibration == 0 || n - numTrain - numCalibration == 0) {
      throw new IllegalArgumentException("File '" + source + "' has " + n + " rows with at "
        + "least one label; the 60/15/25 split needs at least 7 so that no part is empty.");
    }
    List<Integer> order = new ArrayList<Integer>();
    for (int r = 0; r < n; r++) {
      order.add(r);
    }
    Random random = new Random(seed);
    Collections.shuffle(order, random);

    Part train = new Part(header, numTrain);
    Part calibration = new Part(header, numCalibration);
    Part test = new Part(header, n - numTrain - numCalibration);
    for (int position = 0; position < n; position++) {
      int r = order.get(position);
      Part part = position < numTrain ? train
        : position < numTrain + numCalibration ? calibration : test;
      double projected = part == test ? weka.core.Utils.missingValue()
        : projectedLabel(truth.get(r), random);
      part.add(data.instance(usable.get(r)), isLabel, projected, truth.get(r));
    }
    return new TransferData(labelNames, header, train.rows, train.truth(), calibration.rows,
      calibration.truth(), test.rows, test.truth(), missing, unlabelled);
  }

  /** Picks one of the row's labels uniformly. */
  private static int projectedLabel(double[] truth, Random random) {
    List<Integer> present = new ArrayList<Integer>();
    for (int k = 0; k < truth.length; k++) {
      if (truth[k] == 1) {
        present.add(k);
      }
    }
    return present.get(random.nextInt(present.size()));
  }

  private static Instances singleLabelHeader(Instances data, boolean[] isLabel,
    String[] labelNames) {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    List<String> names = new ArrayList<String>();
    for (int j = 0; j < data.numAttributes(); j++) {
      if (!isLabel[j]) {
        attributes.add((Attribute) data.attribute(j).copy());
        names.add(data.attribute(j).name());
      }
    }
    String className = "label";
    while (names.contains(className)) {
      className += "_";
    }
    List<String> values = new ArrayList<String>();
    Collections.addAll(values, labelNames);
    attributes.add(new Attribute(className, values));
    Instances header = new Instances(data.relationName().replaceAll("-C\\s+-?\\d+", "")
      .replace(":", "").trim() + "-single-label", attributes, 0);
    header.setClassIndex(header.numAttributes() - 1);
    return header;
  }

  /** Rows of one part, in the single-label header, and their true labels. */
  private static final class Part {

    final Instances rows;

    final List<double[]> truthRows = new ArrayList<double[]>();

    Part(Instances header, int capacity) {
      rows = new Instances(header, capacity);
    }

    void add(Instance original, boolean[] isLabel, double projected, double[] truth) {
      double[] values = new double[rows.numAttributes()];
      int j = 0;
      for (int a = 0; a < original.numAttributes(); a++) {
        if (!isLabel[a]) {
          values[j++] = original.value(a);
        }
      }
      values[j] = projected;
      rows.add(new DenseInstance(original.weight(), values));
      truthRows.add(truth);
    }

    double[][] truth() {
      return truthRows.toArray(new double[0][]);
    }
  }
}
