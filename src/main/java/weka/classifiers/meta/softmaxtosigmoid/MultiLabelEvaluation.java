/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.io.File;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.core.CommandlineRunnable;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Command-line evaluation of a {@link SoftmaxToSigmoid} model on MEKA multi-label test
 * data.
 *
 * <p>The model is trained on single-label data ({@code -t}, configured by {@code -W}) or
 * loaded from a file saved with Weka's {@code -d} option ({@code -l}). The test file
 * ({@code -T}) is in MEKA's format: its label attributes are named after the class
 * values, and its other attributes are matched to the training attributes by name.
 * The output lists the metrics of {@link MultiLabelMetrics}, a per-class calibration
 * table and, for the conformal rule, the coverage of the label sets.
 */
public final class MultiLabelEvaluation implements CommandlineRunnable {

  /** Creates the tool; weka.Run needs a public constructor to find it. */
  public MultiLabelEvaluation() {
  }

  @Override
  public void preExecution() {
  }

  /**
   * Runs the evaluation for weka.Run and prints the report to standard output.
   * Errors are printed to standard error without a stack trace, and the JVM is left
   * running for weka.Run.
   *
   * @param toRun this object
   * @param options the options described by {@link #usage()}
   */
  @Override
  public void run(Object toRun, String[] options) {
    ToolCommandLine.run(MultiLabelEvaluation::evaluate, options);
  }

  @Override
  public void postExecution() {
  }

  /**
   * Runs the evaluation and prints the report to standard output. Errors are printed to
   * standard error with exit status 1.
   *
   * @param args the options; -h lists them
   */
  public static void main(String[] args) {
    ToolCommandLine.runAsMain(MultiLabelEvaluation::evaluate, args);
  }

  /** @return the option list for -h */
  public static String usage() {
    return "Usage: java " + MultiLabelEvaluation.class.getName() + " <options>\n\n"
      + "-T <file>\n\tMEKA multi-label test data (relation name '<name>: -C L'); the label\n"
      + "\tattributes are named after the class values, the other attributes after\n"
      + "\tthe training attributes.\n"
      + "-t <file>\n\tSingle-label training data, needed with -W.\n"
      + "-c <index>\n\tClass attribute of the training data: a 1-based index, 'first' or\n"
      + "\t'last'.\n\t(default: last)\n"
      + "-W \"<spec>\"\n\tThe SoftmaxToSigmoid to train: its class name and options, or only\n"
      + "\tits options.\n\t(default: " + SoftmaxToSigmoid.class.getName() + " with default options)\n"
      + "-l <file>\n\tA trained SoftmaxToSigmoid saved with Weka's -d option, instead of -W.\n"
      + "\tWith -l, -t is read only for its header, when the model file has none.\n"
      + "-png <file>\n\tWrite a reliability diagram of the test scores to this PNG file.\n"
      + "-o\n\tOmit the model description from the output.\n"
      + "-h\n\tPrint this list.\n";
  }

  /**
   * Trains or loads the model, evaluates it on the test data and returns the report.
   *
   * @param args the options described by {@link #usage()}; not modified
   * @return the report text, or the usage text for -h
   * @throws Exception if an option is invalid, a file is missing or unreadable, the
   *           test data do not match the training header, training fails, or the
   *           PNG file cannot be written
   */
  public static String evaluate(String[] args) throws Exception {
    String[] options = args.clone();
    if (Utils.getFlag('h', options) || Utils.getFlag("help", options)) {
      return usage();
    }
    String testPath = Utils.getOption('T', options);
    String trainPath = Utils.getOption('t', options);
    String classIndex = Utils.getOption('c', options);
    String spec = Utils.getOption('W', options);
    String modelPath = Utils.getOption('l', options);
    String pngPath = Utils.getOption("png", options);
    boolean omitModel = Utils.getFlag('o', options);
    Utils.checkForRemainingOptions(options);

    if (testPath.isEmpty()) {
      throw new IllegalArgumentException("Option -T is missing; give the MEKA multi-label "
        + "test data as -T <file.arff>.");
    }
    if (!modelPath.isEmpty() && !spec.isEmpty()) {
      throw new IllegalArgumentException("Options -l and -W exclude each other; load a "
        + "model with -l or train one with -W and -t.");
    }
    if (!spec.isEmpty() && trainPath.isEmpty()) {
      throw new IllegalArgumentException("Option -W needs training data; give "
        + "-t <train.arff>.");
    }
    if (modelPath.isEmpty() && trainPath.isEmpty()) {
      throw new IllegalArgumentException("Neither -t nor -l is given; train a model on "
        + "-t <train.arff> or load one with -l <model file>.");
    }

    File pngFile = pngPath.isEmpty() ? null : ToolCommandLine.outputFile("-png", pngPath);

    SoftmaxToSigmoid model;
    Instances header;
    if (!modelPath.isEmpty()) {
      SerializedModels.SavedModel<SoftmaxToSigmoid> saved = loadModel(modelPath);
      model = saved.model;
      header = saved.header != null ? saved.header
        : new Instances(loadTraining(trainPath, classIndex, modelPath), 0);
    } else {
      Instances train = loadTraining(trainPath, classIndex, null);
      model = configuredModel(spec);
      model.buildClassifier(train);
      header = new Instances(train, 0);
    }

    Instances testData = loadTest(testPath);
    CalibrationFile test = CalibrationFile.map(testData, header, testPath, "test file");
    MultiLabelMetrics metrics = score(model, test);
    if (pngFile != null) {
      String title = "Reliability of the sigmoid scores on " + new File(testPath).getName();
      ToolCommandLine.writePng("-png", ReliabilityDiagram.draw(metrics, title), pngFile);
    }

    String[] classNames = new String[header.numClasses()];
    for (int k = 0; k < classNames.length; k++) {
      classNames[k] = header.classAttribute().value(k);
    }
    StringBuilder report = new StringBuilder();
    if (!omitModel) {
      report.append("=== Classifier model ===\n\n").append(model).append('\n');
    }
    MultiLabelReport.append(report, model, testPath, test, metrics, classNames, pngPath);
    return report.toString();
  }

  /**
   * Computes scores and label sets for every test row.
   */
  private static MultiLabelMetrics score(SoftmaxToSigmoid model, CalibrationFile test)
    throws Exception {
    Instances instances = test.instances();
    int n = instances.numInstances();
    if (n == 0) {
      throw new IllegalArgumentException("The test data have no row with all labels "
        + "present, so there is nothing to evaluate.");
    }
    double[][] scores = new double[n][];
    double[][] sets = new double[n][];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      Instance instance = instances.instance(i);
      scores[i] = model.sigmoidScores(instance);
      sets[i] = model.labelSetFromScores(scores[i]);
      weights[i] = instance.weight();
    }
    return new MultiLabelMetrics(scores, sets, test.targets(), weights);
  }

  /**
   * Creates the model from a -W specification: a class name with options, or options
   * of SoftmaxToSigmoid only.
   */
  private static SoftmaxToSigmoid configuredModel(String spec) throws Exception {
    String[] parts = Utils.splitOptions(spec);
    if (parts.length == 0 || parts[0].startsWith("-")) {
      SoftmaxToSigmoid model = new SoftmaxToSigmoid();
      model.setOptions(parts);
      return model;
    }
    String className = parts[0];
    parts[0] = "";
    Classifier classifier;
    try {
      classifier = AbstractClassifier.forName(className, parts);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("Option -W: class '" + e.getMessage() + "' not "
        + "found. Give " + SoftmaxToSigmoid.class.getName() + " with its options, or only "
        + "its options, for example -W \"-W weka.classifiers.trees.RandomForest\".", e);
    }
    if (!(classifier instanceof SoftmaxToSigmoid)) {
      throw new IllegalArgumentException("Option -W names " + className + ", which is not "
        + "a SoftmaxToSigmoid; give " + SoftmaxToSigmoid.class.getName()
        + " with its options, or only its options.");
    }
    return (SoftmaxToSigmoid) classifier;
  }

  /**
   * Reads a trained model file written by Weka's -d option, with the training header
   * that follows the model when the file has one.
   *
   * @throws IllegalArgumentException naming -l, the file and the fix if the file cannot
   *           be used
   */
  private static SerializedModels.SavedModel<SoftmaxToSigmoid> loadModel(String path) {
    try {
      return SoftmaxToSigmoid.readModelWithHeader(new File(path));
    } catch (WekaException e) {
      throw new IllegalArgumentException("Option -l: " + e.getMessage(), e);
    }
  }

  /**
   * Loads single-label training data and sets its class.
   *
   * @param modelPath the model file whose header is missing, or null when training
   */
  private static Instances loadTraining(String path, String classIndex, String modelPath)
    throws Exception {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("Model file '" + modelPath + "' has no training "
        + "header; give the training data with -t so that the test attributes can be "
        + "matched by name.");
    }
    if (!new File(path).isFile()) {
      throw new IllegalArgumentException("Training file '" + path + "' not found; give an "
        + "existing ARFF file with -t.");
    }
    Instances data = DataSource.read(path);
    data.setClassIndex(classIndex(data, classIndex, path));
    return data;
  }

  private static int classIndex(Instances data, String value, String path) {
    int numAttributes = data.numAttributes();
    if (value.isEmpty() || value.equalsIgnoreCase("last")) {
      return numAttributes - 1;
    }
    if (value.equalsIgnoreCase("first")) {
      return 0;
    }
    try {
      int index = Integer.parseInt(value);
      if (index >= 1 && index <= numAttributes) {
        return index - 1;
      }
    } catch (NumberFormatException e) {
      // Reported below with the valid values.
    }
    throw new IllegalArgumentException("Option -c is '" + value + "', but training file '"
      + path + "' has " + numAttributes + " attributes; give an index from 1 to "
      + numAttributes + ", 'first' or 'last'.");
  }

  private static Instances loadTest(String path) throws Exception {
    if (!new File(path).isFile()) {
      throw new IllegalArgumentException("Test file '" + path + "' not found; give an "
        + "existing MEKA ARFF file with -T.");
    }
    Instances data = DataSource.read(path);
    if (!MekaFormat.isMultiLabel(data)) {
      throw new IllegalArgumentException("Test file '" + path + "' is not MEKA multi-label "
        + "data: its relation name '" + data.relationName() + "' has no '-C L'; name the "
        + "relation '<name>: -C L' with the L label attributes first.");
    }
    return data;
  }
}
