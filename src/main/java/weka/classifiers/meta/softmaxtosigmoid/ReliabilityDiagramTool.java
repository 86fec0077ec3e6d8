/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.io.File;
import java.util.List;
import java.util.Random;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.meta.softmaxtosigmoid.PredictionReliability.Mode;
import weka.core.CommandlineRunnable;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Command-line reliability diagram of any classifier's predicted class probabilities,
 * written as a PNG file: the diagram of the Explorer plugin
 * {@code weka.gui.visualize.plugins.ReliabilityDiagramPlugin}.
 *
 * <p>The predictions come from a test file ({@code -T}) or, without one, from a
 * cross-validation on the training file ({@code -x}, {@code -s}), collected by Weka's
 * {@link Evaluation}.
 */
public final class ReliabilityDiagramTool implements CommandlineRunnable {

  /** Creates the tool; weka.Run needs a public constructor to find it. */
  public ReliabilityDiagramTool() {
  }

  @Override
  public void preExecution() {
  }

  /**
   * Writes the diagram for weka.Run and prints the summary to standard output.
   * Errors are printed to standard error without a stack trace, and the JVM is left
   * running for weka.Run.
   *
   * @param toRun this object
   * @param options the options described by {@link #usage()}
   */
  @Override
  public void run(Object toRun, String[] options) {
    ToolCommandLine.run(ReliabilityDiagramTool::writeDiagram, options);
  }

  @Override
  public void postExecution() {
  }

  /**
   * Writes the diagram and prints the summary. Errors are printed to standard error
   * with exit status 1.
   *
   * @param args the options; -h lists them
   */
  public static void main(String[] args) {
    ToolCommandLine.runAsMain(ReliabilityDiagramTool::writeDiagram, args);
  }

  /** @return the option list for -h */
  public static String usage() {
    return "Usage: java " + ReliabilityDiagramTool.class.getName() + " <options>"
      + " [-- <classifier options>]\n\n"
      + "-t <file>\n\tTraining data.\n"
      + "-T <file>\n\tTest data; without it the predictions come from cross-validation\n"
      + "\ton the training data.\n"
      + "-c <index>\n\tClass attribute: a 1-based index, 'first' or 'last'.\n"
      + "\t(default: last)\n"
      + "-x <folds>\n\tFolds of the cross-validation, at least 2; only without -T.\n"
      + "\t(default: 10)\n"
      + "-s <seed>\n\tSeed of the cross-validation.\n\t(default: 1)\n"
      + "-W <class>\n\tThe classifier; its options follow '--'.\n"
      + "-per-class\n\tOne curve per class: probability of the class against whether it is\n"
      + "\tthe actual class (the default).\n"
      + "-top\n\tOne curve: probability of the predicted class against whether the\n"
      + "\tprediction is correct.\n"
      + "-png <file>\n\tThe PNG file to write, " + ReliabilityDiagram.WIDTH + " x "
      + ReliabilityDiagram.HEIGHT + " pixels.\n"
      + "-h\n\tPrint this list.\n";
  }

  /**
   * Collects the predictions, writes the diagram and returns the summary.
   *
   * @param args the options described by {@link #usage()}; not modified
   * @return the summary text with the error of each curve, or the usage text for -h
   * @throws Exception if an option is invalid, a file is missing or unreadable, the class
   *           is not nominal, training fails, no prediction can be drawn, or the PNG
   *           file cannot be written
   */
  public static String writeDiagram(String[] args) throws Exception {
    String[] options = args.clone();
    if (Utils.getFlag('h', options) || Utils.getFlag("help", options)) {
      return usage();
    }
    String[] classifierOptions = Utils.partitionOptions(options);
    String trainPath = Utils.getOption('t', options);
    String testPath = Utils.getOption('T', options);
    String classIndex = Utils.getOption('c', options);
    String foldsText = Utils.getOption('x', options);
    String seedText = Utils.getOption('s', options);
    String classifierName = Utils.getOption('W', options);
    boolean perClass = Utils.getFlag("per-class", options);
    boolean top = Utils.getFlag("top", options);
    String pngPath = Utils.getOption("png", options);
    Utils.checkForRemainingOptions(options);

    if (trainPath.isEmpty()) {
      throw new IllegalArgumentException("Option -t is missing; give the training data as "
        + "-t <train.arff>.");
    }
    if (classifierName.isEmpty()) {
      throw new IllegalArgumentException("Option -W is missing; give the classifier, for "
        + "example -W weka.classifiers.trees.J48.");
    }
    if (pngPath.isEmpty()) {
      throw new IllegalArgumentException("Option -png is missing; give the output file as "
        + "-png <diagram.png>.");
    }
    if (perClass && top) {
      throw new IllegalArgumentException("Options -per-class and -top exclude each other; "
        + "give one of them.");
    }
    if (!testPath.isEmpty() && !foldsText.isEmpty()) {
      throw new IllegalArgumentException("Options -T and -x exclude each other; test on a "
        + "file or cross-validate.");
    }
    int folds = parseInt("-x", foldsText, 10);
    if (folds < 2) {
      throw new IllegalArgumentException("Option -x is " + folds + "; cross-validation needs "
        + "at least 2 folds.");
    }
    int seed = parseInt("-s", seedText, 1);
    File pngFile = ToolCommandLine.outputFile("-png", pngPath);
    Mode mode = top ? Mode.TOP_CLASS : Mode.PER_CLASS;

    Instances train = load(trainPath, classIndex);
    if (!train.classAttribute().isNominal()) {
      throw new IllegalArgumentException("Class attribute '" + train.classAttribute().name()
        + "' of '" + trainPath + "' is not nominal; choose a nominal class with -c.");
    }
    Classifier classifier;
    try {
      classifier = AbstractClassifier.forName(classifierName, classifierOptions);
    } catch (ClassNotFoundException e) {
      // Weka's message is the bare name of the missing class, which may be a classifier
      // named in the options after '--'.
      throw ToolCommandLine.classifierNotFound(e.getMessage(), e);
    }
    Evaluation evaluation = new Evaluation(train);
    String source;
    if (testPath.isEmpty()) {
      evaluation.crossValidateModel(classifier, train, folds, new Random(seed));
      source = folds + "-fold cross-validation of " + new File(trainPath).getName();
    } else {
      Instances test = load(testPath, classIndex);
      if (!train.equalHeaders(test)) {
        throw new IllegalArgumentException("Test data '" + testPath + "' do not match the "
          + "training data: " + train.equalHeadersMsg(test));
      }
      classifier.buildClassifier(train);
      evaluation.evaluateModel(classifier, test);
      source = new File(testPath).getName();
    }

    PredictionReliability reliability =
      new PredictionReliability(evaluation.predictions(), train.classAttribute());
    String title = classifier.getClass().getSimpleName() + " on " + source;
    ToolCommandLine.writePng("-png", reliability.draw(mode, title), pngFile);

    StringBuilder text = new StringBuilder();
    text.append(title).append('\n');
    List<String> summary = reliability.summary(reliability.curves(mode), mode);
    for (String line : summary) {
      text.append(line).append('\n');
    }
    text.append("Diagram written to ").append(pngPath).append('\n');
    return text.toString();
  }

  private static int parseInt(String option, String text, int defaultValue) {
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Option " + option + " is '" + text + "'; give a "
        + "whole number.", e);
    }
  }

  private static Instances load(String path, String classIndex) throws Exception {
    if (!new File(path).isFile()) {
      throw new IllegalArgumentException("Data file '" + path + "' not found.");
    }
    Instances data = DataSource.read(path);
    if (classIndex.isEmpty() || classIndex.equals("last")) {
      data.setClassIndex(data.numAttributes() - 1);
    } else if (classIndex.equals("first")) {
      data.setClassIndex(0);
    } else {
      int index = parseInt("-c", classIndex, 0);
      if (index < 1 || index > data.numAttributes()) {
        throw new IllegalArgumentException("Option -c is " + index + "; '" + path + "' has "
          + data.numAttributes() + " attributes, so give 1 to " + data.numAttributes() + ".");
      }
      data.setClassIndex(index - 1);
    }
    return data;
  }
}
