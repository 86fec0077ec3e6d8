/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Vector;
import java.util.logging.Logger;

import weka.classifiers.Classifier;
import weka.classifiers.RandomizableSingleClassifierEnhancer;
import weka.classifiers.meta.softmaxtosigmoid.CalibrationData;
import weka.classifiers.meta.softmaxtosigmoid.CalibrationMap;
import weka.classifiers.meta.softmaxtosigmoid.CalibrationPredictions;
import weka.classifiers.meta.softmaxtosigmoid.CalibrationSource;
import weka.classifiers.meta.softmaxtosigmoid.Calibrator;
import weka.classifiers.meta.softmaxtosigmoid.Gauge;
import weka.classifiers.meta.softmaxtosigmoid.LabelSetRule;
import weka.classifiers.meta.softmaxtosigmoid.LabelSets;
import weka.classifiers.meta.softmaxtosigmoid.LinearCalibration;
import weka.classifiers.meta.softmaxtosigmoid.LogisticMath;
import weka.classifiers.meta.softmaxtosigmoid.SerializedModels;
import weka.classifiers.meta.softmaxtosigmoid.SoftmaxInversion;
import weka.classifiers.meta.softmaxtosigmoid.ThresholdRule;
import weka.classifiers.meta.softmaxtosigmoid.ToolCommandLine;
import weka.classifiers.trees.RandomForest;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;

/**
 * Meta-classifier that turns the class distribution of any classifier into
 * per-class sigmoid scores, logits and label sets.
 *
 * <p>For a base distribution {@code y} over K classes it computes, per instance:
 * the smoothed distribution {@code y'_k = (y_k + eps) / (1 + K eps)}; the logits
 * {@code x_k = ln y'_k + c(y')} under a {@link Gauge}; the calibrated logits
 * {@code a x_k + b} with a and b fitted on a calibration set by
 * {@link Calibrator}; the scores {@code s_k = sigmoid(a x_k + b)}; and the label
 * set {@code {k : s_k >= t}}. A base distribution with a NaN, an infinite or a
 * negative entry, or with sum 0, has no scores: every output is missing.
 *
 * <p>Prediction only reads the trained state, so one trained model can score
 * from several threads as long as the base classifier can.
 */
public class SoftmaxToSigmoid extends RandomizableSingleClassifierEnhancer
  implements WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 2907347702314427519L;

  private static final Logger LOGGER = Logger.getLogger(SoftmaxToSigmoid.class.getName());

  /** Gauges as a Weka drop-down, identified by their command-line spelling. */
  public static final Tag[] TAGS_GAUGE = tags(Gauge.values());

  /** Calibrators as a Weka drop-down. */
  public static final Tag[] TAGS_CALIBRATOR = tags(Calibrator.values());

  /** Calibration sources as a Weka drop-down. */
  public static final Tag[] TAGS_CALIBRATION_SOURCE = tags(CalibrationSource.values());

  /** Label-set rules as a Weka drop-down. */
  public static final Tag[] TAGS_THRESHOLD_RULE = tags(ThresholdRule.values());

  /**
   * Default smoothing eps. Under the one-vs-rest and unit gauges the transfer benchmark's
   * Brier scores moved by at most 0.0007 between eps = 1e-6 and 1e-3.
   */
  public static final double DEFAULT_SMOOTHING = 1e-4;

  /** Default prior strength lambda of the calibration fit. */
  public static final double DEFAULT_RIDGE = 1e-2;

  /**
   * Default gauge. In the transfer benchmark (RandomForest, MEKA Music and Scene)
   * one-vs-rest gave the lowest Brier score of every gauge, and the centered gauge
   * was worse than the uncalibrated distribution on Scene.
   */
  public static final Gauge DEFAULT_GAUGE = Gauge.ONE_VS_REST;

  /**
   * Default calibrator. Per-class Platt scaling had the lowest test Brier score of the
   * calibrators in all 12 gauge and smoothing settings of the same benchmark.
   */
  public static final Calibrator DEFAULT_CALIBRATOR = Calibrator.PER_CLASS;

  private Gauge m_Gauge = DEFAULT_GAUGE;

  private String m_ReferenceClass = "last";

  private double m_LogZ = 0;

  private double m_Smoothing = DEFAULT_SMOOTHING;

  private Calibrator m_Calibrator = DEFAULT_CALIBRATOR;

  private double m_Ridge = DEFAULT_RIDGE;

  private CalibrationSource m_CalibrationSource = CalibrationSource.CROSS_VALIDATION;

  private int m_Folds = 5;

  private double m_HoldoutFraction = 0.3;

  private double m_Threshold = 0.5;

  private boolean m_KeepTop = false;

  private boolean m_PlattTargets = false;

  private double m_PerClassMinimum = 5;

  private File m_CalibrationFile = new File("");

  private ThresholdRule m_ThresholdRule = ThresholdRule.FIXED;

  /** Target cardinality of the cardinality rule; 0 takes it from the calibration data. */
  private double m_Cardinality = 0;

  private int m_TopK = 1;

  private double m_Alpha = 0.1;

  private double m_ConformalFraction = 0.5;

  private int m_NumExecutionSlots = 1;

  private boolean m_OutputBaseDistribution = false;

  /** Trained state: the inversion of base distributions into logits. */
  private SoftmaxInversion m_Inversion;

  /** Trained state: the fitted calibration map. */
  private CalibrationMap m_Calibration;

  /** Trained state: the fitted label-set rule. */
  private LabelSetRule m_LabelSetRule;

  /** Trained state: the class attribute the model was trained with. */
  private Attribute m_ClassAttribute;

  /** Trained state: warnings found while training, shown by toString(). */
  private List<String> m_Warnings = new ArrayList<String>();

  /** Trained state: description of the calibration set. */
  private String m_CalibrationDescription;

  /** Trained state: whether base predictions were collected for calibration. */
  private boolean m_UsedCalibrationData;

  /** Trained state: calibration rows with a zero probability, and rows without a valid distribution. */
  private int m_FlooredRows;

  /** Trained state: calibration rows whose true class had probability 0. */
  private int m_FlooredTrueClassRows;

  private int m_InvalidRows;

  /** Trained state: weighted mean of the gauge constant c(y') over the calibration set. */
  private double m_MeanGaugeConstant = Double.NaN;

  /** Creates the meta-classifier with RandomForest as base. */
  public SoftmaxToSigmoid() {
    m_Classifier = new RandomForest();
  }

  private static Tag[] tags(Enum<?>[] values) {
    Tag[] result = new Tag[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = new Tag(i, values[i].toString(), values[i].toString(), false);
    }
    return result;
  }

  @Override
  protected String defaultClassifierString() {
    return RandomForest.class.getName();
  }

  /**
   * Describes the classifier for the Explorer.
   *
   * @return the description
   */
  public String globalInfo() {
    return "Turns the class distribution of any classifier into one independent sigmoid "
      + "score per class, so that each class can be thresholded on its own and an "
      + "ambiguous instance can receive several labels.\n\n"
      + "The distribution y is smoothed, inverted to logits x_k = ln y_k + c(y) under a "
      + "gauge (a softmax fixes logits only up to the constant c = ln Z), mapped by a "
      + "calibrator fitted on a calibration set, and passed through the sigmoid. The "
      + "calibrators are a shared offset b; a shared scale and offset a x_k + b, which is "
      + "temperature scaling (Guo et al. 2017) with an offset; a per-class a_k x_k + b_k, "
      + "which is Platt scaling (Platt 1999) per class; and a per-class isotonic step "
      + "function (Zadrozny and Elkan 2002). The calibration set is the out-of-fold "
      + "predictions of an internal cross-validation, a held-out part, a separate file "
      + "(single-label, or MEKA multi-label), or the training data.\n\n"
      + "The label set holds the classes whose score passes a threshold rule: a fixed "
      + "threshold, the k highest scores, per-class thresholds with the best F1, one "
      + "threshold that matches the mean number of labels, or a split-conformal threshold "
      + "(Vovk et al. 2005) whose label sets contain a true label with probability at least "
      + "1 - alpha when calibration and test data are exchangeable. "
      + "distributionForInstance returns the normalised scores, so Weka's evaluation "
      + "measures the calibrated model.\n\n"
      + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.INCOLLECTION);
    result.setValue(Field.AUTHOR, "John C. Platt");
    result.setValue(Field.TITLE, "Probabilistic Outputs for Support Vector Machines and "
      + "Comparisons to Regularized Likelihood Methods");
    result.setValue(Field.BOOKTITLE, "Advances in Large Margin Classifiers");
    result.setValue(Field.YEAR, "1999");
    result.setValue(Field.PAGES, "61-74");
    result.setValue(Field.PUBLISHER, "MIT Press");

    TechnicalInformation isotonic = result.add(Type.INPROCEEDINGS);
    isotonic.setValue(Field.AUTHOR, "Bianca Zadrozny and Charles Elkan");
    isotonic.setValue(Field.TITLE, "Transforming Classifier Scores into Accurate Multiclass "
      + "Probability Estimates");
    isotonic.setValue(Field.BOOKTITLE, "Proceedings of the Eighth ACM SIGKDD International "
      + "Conference on Knowledge Discovery and Data Mining");
    isotonic.setValue(Field.YEAR, "2002");
    isotonic.setValue(Field.PAGES, "694-699");

    TechnicalInformation temperature = result.add(Type.INPROCEEDINGS);
    temperature.setValue(Field.AUTHOR, "Chuan Guo and Geoff Pleiss and Yu Sun and "
      + "Kilian Q. Weinberger");
    temperature.setValue(Field.TITLE, "On Calibration of Modern Neural Networks");
    temperature.setValue(Field.BOOKTITLE, "Proceedings of the 34th International "
      + "Conference on Machine Learning");
    temperature.setValue(Field.YEAR, "2017");
    temperature.setValue(Field.PAGES, "1321-1330");

    TechnicalInformation conformal = result.add(Type.BOOK);
    conformal.setValue(Field.AUTHOR, "Vladimir Vovk and Alex Gammerman and Glenn Shafer");
    conformal.setValue(Field.TITLE, "Algorithmic Learning in a Random World");
    conformal.setValue(Field.PUBLISHER, "Springer");
    conformal.setValue(Field.ADDRESS, "New York");
    conformal.setValue(Field.YEAR, "2005");
    return result;
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    boolean nominal = result.handles(Capability.NOMINAL_CLASS);
    boolean binary = result.handles(Capability.BINARY_CLASS);
    result.disableAllClasses();
    result.disableAllClassDependencies();
    if (nominal) {
      result.enable(Capability.NOMINAL_CLASS);
    }
    if (binary) {
      result.enable(Capability.BINARY_CLASS);
    }
    result.enable(Capability.MISSING_CLASS_VALUES);
    return result;
  }

  // ------------------------------------------------------------------ options

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<Option>();
    options.add(new Option("\tGauge that fixes the softmax constant ln Z: "
      + spellings(TAGS_GAUGE) + ".\n\t(default: " + DEFAULT_GAUGE + ")", "gauge", 1,
      "-gauge <" + spellings(TAGS_GAUGE).replace(", ", "|") + ">"));
    options.add(new Option("\tReference class of the reference gauge: a 1-based index, "
      + "a class value, 'first' or 'last'.\n\t(default: last)", "reference-class", 1,
      "-reference-class <index or value>"));
    options.add(new Option("\tln Z of the fixed gauge.\n\t(default: 0)", "log-z", 1,
      "-log-z <number>"));
    options.add(new Option("\tSmoothing eps: y' = (y + eps) / (1 + K eps), so no probability "
      + "is below eps / (1 + K eps); 0 uses y as it is.\n\t(default: " + DEFAULT_SMOOTHING
      + ")", "smoothing", 1, "-smoothing <eps>"));
    options.add(new Option("\tCalibration map fitted on the calibration set: "
      + spellings(TAGS_CALIBRATOR) + ".\n\t(default: " + DEFAULT_CALIBRATOR + ")", "calibrator", 1,
      "-calibrator <" + spellings(TAGS_CALIBRATOR).replace(", ", "|") + ">"));
    options.add(new Option("\tFit against Platt's smoothed targets (P+1)/(P+2) and 1/(N+2) "
      + "per class instead of 0 and 1.", "platt-targets", 0, "-platt-targets"));
    options.add(new Option("\tWeighted number of positive and of negative calibration "
      + "examples a class needs for its own per-class fit; classes with fewer use the shared "
      + "fit.\n\t(default: 5)", "per-class-minimum", 1, "-per-class-minimum <n>"));
    options.add(new Option("\tStrength lambda of the Gaussian prior (a - 1)^2 + b^2 of the "
      + "calibration fit; 0 gives plain maximum likelihood.\n\t(default: " + DEFAULT_RIDGE
      + ")", "ridge", 1, "-ridge <lambda>"));
    options.add(new Option("\tSource of the calibration set: "
      + spellings(TAGS_CALIBRATION_SOURCE) + ".\n\t(default: cv)", "calibration-source", 1,
      "-calibration-source <" + spellings(TAGS_CALIBRATION_SOURCE).replace(", ", "|") + ">"));
    options.add(new Option("\tCalibration file for -calibration-source file: single-label "
      + "data with the training header, or MEKA multi-label data whose labels are named "
      + "after the class values.", "calibration-file", 1, "-calibration-file <path>"));
    options.add(new Option("\tNumber of folds of the internal cross-validation.\n"
      + "\t(default: 5)", "folds", 1, "-folds <n>"));
    options.add(new Option("\tFraction of the training data held out for calibration.\n"
      + "\t(default: 0.3)", "holdout-fraction", 1, "-holdout-fraction <f>"));
    options.add(new Option("\tNumber of fold models trained at once in the internal "
      + "cross-validation.\n\t(default: 1)", "num-slots", 1, "-num-slots <n>"));
    options.add(new Option("\tLabel-set rule: " + spellings(TAGS_THRESHOLD_RULE)
      + ".\n\t(default: fixed)", "threshold-rule", 1,
      "-threshold-rule <" + spellings(TAGS_THRESHOLD_RULE).replace(", ", "|") + ">"));
    options.add(new Option("\tScore threshold of the fixed rule: a class is a label when "
      + "its score is at or above it.\n\t(default: 0.5)", "threshold", 1,
      "-threshold <t>"));
    options.add(new Option("\tMean number of labels per instance for the cardinality rule; "
      + "0 takes it from the calibration data.\n\t(default: 0)", "cardinality", 1,
      "-cardinality <c>"));
    options.add(new Option("\tNumber of labels of the top-k rule. Not -k, which Weka's "
      + "evaluation takes for its information-theoretic statistics.\n\t(default: 1)", "top-k",
      1, "-top-k <k>"));
    options.add(new Option("\tMiscoverage level of the conformal rule: the set holds a "
      + "true label with probability at least 1 - alpha.\n\t(default: 0.1)", "alpha", 1,
      "-alpha <a>"));
    options.add(new Option("\tFraction of the calibration data set aside for the conformal "
      + "threshold and not used to fit the calibrator.\n\t(default: 0.5)",
      "conformal-fraction", 1, "-conformal-fraction <f>"));
    options.add(new Option("\tAlways include the top-scoring class in the label set.",
      "keep-top", 0, "-keep-top"));
    options.add(new Option("\tMake distributionForInstance return the base distribution "
      + "unchanged instead of the normalised scores.", "base-distribution", 0,
      "-base-distribution"));
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    String gauge = Utils.getOption("gauge", options);
    setGauge(new SelectedTag(gauge.isEmpty() ? DEFAULT_GAUGE.toString()
      : Gauge.forSpelling(gauge).toString(), TAGS_GAUGE));

    String reference = Utils.getOption("reference-class", options);
    setReferenceClass(reference.isEmpty() ? "last" : reference);

    String logZ = Utils.getOption("log-z", options);
    setLogZ(logZ.isEmpty() ? 0 : parseNumber("log-z", logZ));

    String smoothing = Utils.getOption("smoothing", options);
    setSmoothing(smoothing.isEmpty() ? DEFAULT_SMOOTHING : parseNumber("smoothing", smoothing));

    String calibrator = Utils.getOption("calibrator", options);
    setCalibrator(new SelectedTag(calibrator.isEmpty() ? DEFAULT_CALIBRATOR.toString()
      : Calibrator.forSpelling(calibrator).toString(), TAGS_CALIBRATOR));

    setPlattTargets(Utils.getFlag("platt-targets", options));

    String minimum = Utils.getOption("per-class-minimum", options);
    setPerClassMinimum(minimum.isEmpty() ? 5 : parseNumber("per-class-minimum", minimum));

    String ridge = Utils.getOption("ridge", options);
    setRidge(ridge.isEmpty() ? DEFAULT_RIDGE : parseNumber("ridge", ridge));

    String source = Utils.getOption("calibration-source", options);
    setCalibrationSource(new SelectedTag(source.isEmpty()
      ? CalibrationSource.CROSS_VALIDATION.toString()
      : CalibrationSource.forSpelling(source).toString(), TAGS_CALIBRATION_SOURCE));

    setCalibrationFile(new File(Utils.getOption("calibration-file", options)));

    String folds = Utils.getOption("folds", options);
    setFolds(folds.isEmpty() ? 5 : parseInteger("folds", folds));

    String fraction = Utils.getOption("holdout-fraction", options);
    setHoldoutFraction(fraction.isEmpty() ? 0.3 : parseNumber("holdout-fraction", fraction));

    String slots = Utils.getOption("num-slots", options);
    setNumExecutionSlots(slots.isEmpty() ? 1 : parseInteger("num-slots", slots));

    String rule = Utils.getOption("threshold-rule", options);
    setThresholdRule(new SelectedTag(rule.isEmpty() ? ThresholdRule.FIXED.toString()
      : ThresholdRule.forSpelling(rule).toString(), TAGS_THRESHOLD_RULE));

    String threshold = Utils.getOption("threshold", options);
    setThreshold(threshold.isEmpty() ? 0.5 : parseNumber("threshold", threshold));

    String cardinality = Utils.getOption("cardinality", options);
    setCardinality(cardinality.isEmpty() ? 0 : parseNumber("cardinality", cardinality));

    String topK = Utils.getOption("top-k", options);
    setTopK(topK.isEmpty() ? 1 : parseInteger("top-k", topK));

    String alpha = Utils.getOption("alpha", options);
    setAlpha(alpha.isEmpty() ? 0.1 : parseNumber("alpha", alpha));

    String conformalFraction = Utils.getOption("conformal-fraction", options);
    setConformalFraction(conformalFraction.isEmpty() ? 0.5
      : parseNumber("conformal-fraction", conformalFraction));

    setKeepTop(Utils.getFlag("keep-top", options));
    setOutputBaseDistribution(Utils.getFlag("base-distribution", options));

    try {
      super.setOptions(options);
    } catch (ClassNotFoundException e) {
      // Weka's message is the bare class name.
      throw ToolCommandLine.classifierNotFound(e.getMessage(), e);
    }
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<String>();
    options.add("-gauge");
    options.add(m_Gauge.toString());
    options.add("-reference-class");
    options.add(m_ReferenceClass);
    options.add("-log-z");
    options.add(Double.toString(m_LogZ));
    options.add("-smoothing");
    options.add(Double.toString(m_Smoothing));
    options.add("-calibrator");
    options.add(m_Calibrator.toString());
    if (m_PlattTargets) {
      options.add("-platt-targets");
    }
    options.add("-per-class-minimum");
    options.add(Double.toString(m_PerClassMinimum));
    options.add("-ridge");
    options.add(Double.toString(m_Ridge));
    options.add("-calibration-source");
    options.add(m_CalibrationSource.toString());
    if (!m_CalibrationFile.getPath().isEmpty()) {
      options.add("-calibration-file");
      options.add(m_CalibrationFile.getPath());
    }
    options.add("-folds");
    options.add(Integer.toString(m_Folds));
    options.add("-holdout-fraction");
    options.add(Double.toString(m_HoldoutFraction));
    options.add("-num-slots");
    options.add(Integer.toString(m_NumExecutionSlots));
    options.add("-threshold-rule");
    options.add(m_ThresholdRule.toString());
    options.add("-threshold");
    options.add(Double.toString(m_Threshold));
    options.add("-cardinality");
    options.add(Double.toString(m_Cardinality));
    options.add("-top-k");
    options.add(Integer.toString(m_TopK));
    options.add("-alpha");
    options.add(Double.toString(m_Alpha));
    options.add("-conformal-fraction");
    options.add(Double.toString(m_ConformalFraction));
    if (m_KeepTop) {
      options.add("-keep-top");
    }
    if (m_OutputBaseDistribution) {
      options.add("-base-distribution");
    }
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  private static double parseNumber(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Option -" + option + " expects a number, found '"
        + value + "'.");
    }
  }

  private static int parseInteger(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Option -" + option + " expects a whole number, "
        + "found '" + value + "'.");
    }
  }

  private static String spellings(Tag[] tags) {
    StringBuilder result = new StringBuilder();
    for (Tag tag : tags) {
      result.append(result.length() == 0 ? "" : ", ").append(tag.getIDStr());
    }
    return result.toString();
  }

  // --------------------------------------------------------------- properties

  // Each getter's OptionMetadata sets the property's place and tip text in Weka's property
  // sheet. It names no commandLineParamName, so Option.setOptionsForHierarchy, which
  // AbstractClassifier.setOptions calls, ignores it and listOptions/setOptions alone define
  // the command line.

  private static final String GAUGE_TIP_TEXT =
    "The rule that fixes the softmax constant ln Z when logits are recovered from "
    + "the distribution. centered: logits sum to 0; reference: the reference class has "
    + "logit 0; maximum: the top class has logit 0; unit: Z = 1 (scores at most 0.5); "
    + "fixed: ln Z is the logZ property; one-vs-rest: x = ln y - ln(1 - y).";

  /** @return the tip text of the gauge property */
  public String gaugeTipText() {
    return GAUGE_TIP_TEXT;
  }

  /** @return the selected gauge */
  @OptionMetadata(displayName = "gauge", description = GAUGE_TIP_TEXT,
    displayOrder = 1)
  public SelectedTag getGauge() {
    return new SelectedTag(m_Gauge.ordinal(), TAGS_GAUGE);
  }

  /** @param value the gauge to select */
  public void setGauge(SelectedTag value) {
    if (value.getTags() == TAGS_GAUGE) {
      m_Gauge = Gauge.values()[value.getSelectedTag().getID()];
    }
  }

  private static final String REFERENCE_CLASS_TIP_TEXT =
    "The class whose logit is 0 under the reference gauge: a 1-based index, a class "
    + "value, 'first' or 'last'. Used only by the reference gauge.";

  /** @return the tip text of the referenceClass property */
  public String referenceClassTipText() {
    return REFERENCE_CLASS_TIP_TEXT;
  }

  /** @return the reference class */
  @OptionMetadata(displayName = "referenceClass", description = REFERENCE_CLASS_TIP_TEXT,
    displayOrder = 2)
  public String getReferenceClass() {
    return m_ReferenceClass;
  }

  /** @param value a 1-based index, a class value, 'first' or 'last' */
  public void setReferenceClass(String value) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException("The reference class must not be empty; give a "
        + "1-based index, a class value, 'first' or 'last'.");
    }
    m_ReferenceClass = value.trim();
  }

  private static final String LOG_Z_TIP_TEXT =
    "The value of ln Z for the fixed gauge, so that x = ln y + ln Z. Used only by "
    + "the fixed gauge.";

  /** @return the tip text of the logZ property */
  public String logZTipText() {
    return LOG_Z_TIP_TEXT;
  }

  /** @return ln Z of the fixed gauge */
  @OptionMetadata(displayName = "logZ", description = LOG_Z_TIP_TEXT,
    displayOrder = 3)
  public double getLogZ() {
    return m_LogZ;
  }

  /** @param value ln Z of the fixed gauge, finite */
  public void setLogZ(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -log-z must be a finite number, found "
        + value + ".");
    }
    m_LogZ = value;
  }

  private static final String SMOOTHING_TIP_TEXT =
    "The smoothing eps added to every probability before the logarithm: "
    + "y' = (y + eps) / (1 + K eps). 0 keeps exact zeros, which the centered and "
    + "reference gauges cannot invert.";

  /** @return the tip text of the smoothing property */
  public String smoothingTipText() {
    return SMOOTHING_TIP_TEXT;
  }

  /** @return the smoothing eps */
  @OptionMetadata(displayName = "smoothing", description = SMOOTHING_TIP_TEXT,
    displayOrder = 4)
  public double getSmoothing() {
    return m_Smoothing;
  }

  /** @param value the smoothing eps, finite and at least 0 */
  public void setSmoothing(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -smoothing must be a finite number >= 0, "
        + "found " + value + "; use for example 1e-4.");
    }
    m_Smoothing = value;
  }

  private static final String CALIBRATOR_TIP_TEXT =
    "The calibration map fitted on the calibration set. none: a = 1, b = 0; offset: "
    + "s = sigmoid(x + b), which estimates ln Z; shared: s = sigmoid(a x + b) for all "
    + "classes; per-class: a_k and b_k per class (Platt scaling); isotonic: a monotone "
    + "step function per class.";

  /** @return the tip text of the calibrator property */
  public String calibratorTipText() {
    return CALIBRATOR_TIP_TEXT;
  }

  /** @return the selected calibrator */
  @OptionMetadata(displayName = "calibrator", description = CALIBRATOR_TIP_TEXT,
    displayOrder = 10)
  public SelectedTag getCalibrator() {
    return new SelectedTag(m_Calibrator.ordinal(), TAGS_CALIBRATOR);
  }

  /** @param value the calibrator to select */
  public void setCalibrator(SelectedTag value) {
    if (value.getTags() == TAGS_CALIBRATOR) {
      m_Calibrator = Calibrator.values()[value.getSelectedTag().getID()];
    }
  }

  private static final String RIDGE_TIP_TEXT =
    "The strength lambda of the Gaussian prior (lambda / 2)((a - 1)^2 + b^2) that keeps "
    + "the calibration fit finite on separable data. 0 gives plain maximum likelihood. Used "
    + "only by the offset, shared and per-class calibrators.";

  /** @return the tip text of the ridge property */
  public String ridgeTipText() {
    return RIDGE_TIP_TEXT;
  }

  /** @return the prior strength */
  @OptionMetadata(displayName = "ridge", description = RIDGE_TIP_TEXT,
    displayOrder = 11)
  public double getRidge() {
    return m_Ridge;
  }

  /** @param value the prior strength, finite and at least 0 */
  public void setRidge(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -ridge must be a finite number >= 0, found "
        + value + "; use for example " + DEFAULT_RIDGE + ".");
    }
    m_Ridge = value;
  }

  private static final String CALIBRATION_SOURCE_TIP_TEXT =
    "Where the base distributions for calibration come from. cv: out-of-fold "
    + "predictions of internal cross-validation, with the scoring model trained on all "
    + "data; holdout: a held-out part, with the scoring model trained on the rest; file: "
    + "the calibration file; training: the training data (biased). Not used when the "
    + "calibrator is none and the label-set rule is fixed or top-k, because those need no "
    + "calibration set.";

  /** @return the tip text of the calibrationSource property */
  public String calibrationSourceTipText() {
    return CALIBRATION_SOURCE_TIP_TEXT;
  }

  /** @return the selected calibration source */
  @OptionMetadata(displayName = "calibrationSource", description = CALIBRATION_SOURCE_TIP_TEXT,
    displayOrder = 20)
  public SelectedTag getCalibrationSource() {
    return new SelectedTag(m_CalibrationSource.ordinal(), TAGS_CALIBRATION_SOURCE);
  }

  /** @param value the calibration source to select */
  public void setCalibrationSource(SelectedTag value) {
    if (value.getTags() == TAGS_CALIBRATION_SOURCE) {
      m_CalibrationSource = CalibrationSource.values()[value.getSelectedTag().getID()];
    }
  }

  private static final String FOLDS_TIP_TEXT =
    "The number of folds of the internal cross-validation. Used only when the "
    + "calibration source is cv.";

  /** @return the tip text of the folds property */
  public String foldsTipText() {
    return FOLDS_TIP_TEXT;
  }

  /** @return the number of folds */
  @OptionMetadata(displayName = "folds", description = FOLDS_TIP_TEXT,
    displayOrder = 21)
  public int getFolds() {
    return m_Folds;
  }

  /** @param value the number of folds, at least 2 */
  public void setFolds(int value) {
    if (value < 2) {
      throw new IllegalArgumentException("Option -folds must be at least 2, found " + value
        + ".");
    }
    m_Folds = value;
  }

  private static final String HOLDOUT_FRACTION_TIP_TEXT =
    "The fraction of the training data held out for calibration, stratified by "
    + "class. Used only when the calibration source is holdout.";

  /** @return the tip text of the holdoutFraction property */
  public String holdoutFractionTipText() {
    return HOLDOUT_FRACTION_TIP_TEXT;
  }

  /** @return the hold-out fraction */
  @OptionMetadata(displayName = "holdoutFraction", description = HOLDOUT_FRACTION_TIP_TEXT,
    displayOrder = 22)
  public double getHoldoutFraction() {
    return m_HoldoutFraction;
  }

  /** @param value the hold-out fraction, strictly between 0 and 1 */
  public void setHoldoutFraction(double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException("Option -holdout-fraction must lie strictly "
        + "between 0 and 1, found " + value + "; use for example 0.3.");
    }
    m_HoldoutFraction = value;
  }

  private static final String THRESHOLD_TIP_TEXT =
    "The score at or above which a class is in the label set. Used by the fixed rule, "
    + "and by the per-class-f1 rule for classes without calibration positives.";

  /** @return the tip text of the threshold property */
  public String thresholdTipText() {
    return THRESHOLD_TIP_TEXT;
  }

  /** @return the threshold */
  @OptionMetadata(displayName = "threshold", description = THRESHOLD_TIP_TEXT,
    displayOrder = 31)
  public double getThreshold() {
    return m_Threshold;
  }

  /** @param value the threshold, in [0, 1] */
  public void setThreshold(double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("Option -threshold must lie in [0, 1], found "
        + value + ".");
    }
    m_Threshold = value;
  }

  private static final String PLATT_TARGETS_TIP_TEXT =
    "If true, the calibration fit uses Platt's smoothed targets (P+1)/(P+2) for "
    + "positives and 1/(N+2) for negatives of each class instead of 1 and 0. Not used by "
    + "the none calibrator.";

  /** @return the tip text of the plattTargets property */
  public String plattTargetsTipText() {
    return PLATT_TARGETS_TIP_TEXT;
  }

  /** @return whether Platt's smoothed targets are used */
  @OptionMetadata(displayName = "plattTargets", description = PLATT_TARGETS_TIP_TEXT,
    displayOrder = 12)
  public boolean getPlattTargets() {
    return m_PlattTargets;
  }

  /** @param value whether to use Platt's smoothed targets */
  public void setPlattTargets(boolean value) {
    m_PlattTargets = value;
  }

  private static final String PER_CLASS_MINIMUM_TIP_TEXT =
    "The weighted number of positive and of negative calibration examples that a "
    + "class needs for its own fit. Used only by the per-class calibrator; classes with "
    + "fewer use the shared fit.";

  /** @return the tip text of the perClassMinimum property */
  public String perClassMinimumTipText() {
    return PER_CLASS_MINIMUM_TIP_TEXT;
  }

  /** @return the per-class minimum */
  @OptionMetadata(displayName = "perClassMinimum", description = PER_CLASS_MINIMUM_TIP_TEXT,
    displayOrder = 13)
  public double getPerClassMinimum() {
    return m_PerClassMinimum;
  }

  /** @param value the per-class minimum, at least 0 */
  public void setPerClassMinimum(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -per-class-minimum must be a finite number "
        + ">= 0, found " + value + ".");
    }
    m_PerClassMinimum = value;
  }

  private static final String CALIBRATION_FILE_TIP_TEXT =
    "The calibration data file. Used only when the calibration source is file: "
    + "single-label data with the training header, or MEKA multi-label data whose label "
    + "attributes are named after the class values.";

  /** @return the tip text of the calibrationFile property */
  public String calibrationFileTipText() {
    return CALIBRATION_FILE_TIP_TEXT;
  }

  /** @return the calibration file */
  @OptionMetadata(displayName = "calibrationFile", description = CALIBRATION_FILE_TIP_TEXT,
    displayOrder = 23)
  public File getCalibrationFile() {
    return m_CalibrationFile;
  }

  /** @param value the calibration file */
  public void setCalibrationFile(File value) {
    m_CalibrationFile = value == null ? new File("") : value;
  }

  private static final String NUM_EXECUTION_SLOTS_TIP_TEXT =
    "The number of fold models of the internal cross-validation trained at once. "
    + "Used only when the calibration source is cv.";

  /** @return the tip text of the numExecutionSlots property */
  public String numExecutionSlotsTipText() {
    return NUM_EXECUTION_SLOTS_TIP_TEXT;
  }

  /** @return the number of execution slots */
  @OptionMetadata(displayName = "numExecutionSlots", description = NUM_EXECUTION_SLOTS_TIP_TEXT,
    displayOrder = 25)
  public int getNumExecutionSlots() {
    return m_NumExecutionSlots;
  }

  /** @param value the number of execution slots, at least 1 */
  public void setNumExecutionSlots(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("Option -num-slots must be at least 1, found "
        + value + ".");
    }
    m_NumExecutionSlots = value;
  }

  private static final String THRESHOLD_RULE_TIP_TEXT =
    "The rule that turns scores into a label set. fixed: the threshold property; "
    + "per-class-f1: per class, the threshold with the best F1 on the calibration data; "
    + "cardinality: one threshold matching the mean number of labels; top-k: the k "
    + "highest scores; conformal: a split-conformal threshold for level alpha.";

  /** @return the tip text of the thresholdRule property */
  public String thresholdRuleTipText() {
    return THRESHOLD_RULE_TIP_TEXT;
  }

  /** @return the selected label-set rule */
  @OptionMetadata(displayName = "thresholdRule", description = THRESHOLD_RULE_TIP_TEXT,
    displayOrder = 30)
  public SelectedTag getThresholdRule() {
    return new SelectedTag(m_ThresholdRule.ordinal(), TAGS_THRESHOLD_RULE);
  }

  /** @param value the label-set rule to select */
  public void setThresholdRule(SelectedTag value) {
    if (value.getTags() == TAGS_THRESHOLD_RULE) {
      m_ThresholdRule = ThresholdRule.values()[value.getSelectedTag().getID()];
    }
  }

  private static final String CARDINALITY_TIP_TEXT =
    "The mean number of labels per instance that the cardinality rule aims for; 0 "
    + "takes it from the calibration data. Used only by the cardinality rule.";

  /** @return the tip text of the cardinality property */
  public String cardinalityTipText() {
    return CARDINALITY_TIP_TEXT;
  }

  /** @return the target cardinality, 0 for the calibration data's */
  @OptionMetadata(displayName = "cardinality", description = CARDINALITY_TIP_TEXT,
    displayOrder = 33)
  public double getCardinality() {
    return m_Cardinality;
  }

  /** @param value the target cardinality, at least 0 */
  public void setCardinality(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -cardinality must be a finite number >= 0, "
        + "found " + value + "; 0 takes it from the calibration data.");
    }
    m_Cardinality = value;
  }

  private static final String TOP_K_TIP_TEXT =
    "The number of labels of the top-k rule. Used only by the top-k rule.";

  /** @return the tip text of the topK property */
  public String topKTipText() {
    return TOP_K_TIP_TEXT;
  }

  /** @return k of the top-k rule */
  @OptionMetadata(displayName = "topK", description = TOP_K_TIP_TEXT,
    displayOrder = 32)
  public int getTopK() {
    return m_TopK;
  }

  /** @param value k of the top-k rule, at least 1 */
  public void setTopK(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("Option -top-k must be at least 1, found " + value + ".");
    }
    m_TopK = value;
  }

  private static final String ALPHA_TIP_TEXT =
    "The miscoverage level alpha of the conformal rule: label sets hold a true label "
    + "with probability at least 1 - alpha. Used only by the conformal rule.";

  /** @return the tip text of the alpha property */
  public String alphaTipText() {
    return ALPHA_TIP_TEXT;
  }

  /** @return alpha of the conformal rule */
  @OptionMetadata(displayName = "alpha", description = ALPHA_TIP_TEXT,
    displayOrder = 34)
  public double getAlpha() {
    return m_Alpha;
  }

  /** @param value alpha, strictly between 0 and 1 */
  public void setAlpha(double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException("Option -alpha must lie strictly between 0 and 1, "
        + "found " + value + "; use for example 0.1.");
    }
    m_Alpha = value;
  }

  private static final String CONFORMAL_FRACTION_TIP_TEXT =
    "The fraction of the calibration data set aside for the conformal threshold; the "
    + "calibrator is fitted on the rest. Used only by the conformal rule.";

  /** @return the tip text of the conformalFraction property */
  public String conformalFractionTipText() {
    return CONFORMAL_FRACTION_TIP_TEXT;
  }

  /** @return the conformal fraction */
  @OptionMetadata(displayName = "conformalFraction", description = CONFORMAL_FRACTION_TIP_TEXT,
    displayOrder = 35)
  public double getConformalFraction() {
    return m_ConformalFraction;
  }

  /** @param value the conformal fraction, strictly between 0 and 1 */
  public void setConformalFraction(double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException("Option -conformal-fraction must lie strictly "
        + "between 0 and 1, found " + value + "; use for example 0.5.");
    }
    m_ConformalFraction = value;
  }

  private static final String KEEP_TOP_TIP_TEXT =
    "If true, the top-scoring class is always in the label set, so no set is empty.";

  /** @return the tip text of the keepTop property */
  public String keepTopTipText() {
    return KEEP_TOP_TIP_TEXT;
  }

  /** @return whether the top class is always a label */
  @OptionMetadata(displayName = "keepTop", description = KEEP_TOP_TIP_TEXT,
    displayOrder = 36)
  public boolean getKeepTop() {
    return m_KeepTop;
  }

  /** @param value whether the top class is always a label */
  public void setKeepTop(boolean value) {
    m_KeepTop = value;
  }

  private static final String OUTPUT_BASE_DISTRIBUTION_TIP_TEXT =
    "If true, distributionForInstance returns the base classifier's distribution "
    + "unchanged; otherwise it returns the calibrated scores divided by their sum.";

  /** @return the tip text of the outputBaseDistribution property */
  public String outputBaseDistributionTipText() {
    return OUTPUT_BASE_DISTRIBUTION_TIP_TEXT;
  }

  /** @return whether distributionForInstance returns the base distribution */
  @OptionMetadata(displayName = "outputBaseDistribution",
    description = OUTPUT_BASE_DISTRIBUTION_TIP_TEXT, displayOrder = 40)
  public boolean getOutputBaseDistribution() {
    return m_OutputBaseDistribution;
  }

  /** @param value whether distributionForInstance returns the base distribution */
  public void setOutputBaseDistribution(boolean value) {
    m_OutputBaseDistribution = value;
  }

  private static final String SEED_TIP_TEXT =
    "The seed of the random splits: the cross-validation folds, the hold-out part and the "
    + "part of the calibration set kept for the conformal rule. The base classifier has its "
    + "own seed option.";

  @Override
  public String seedTipText() {
    return SEED_TIP_TEXT;
  }

  /** Overridden only to place the seed next to the calibration-source options. */
  @Override
  @OptionMetadata(displayName = "seed", description = SEED_TIP_TEXT, displayOrder = 24)
  public int getSeed() {
    return super.getSeed();
  }

  private static final String CLASSIFIER_TIP_TEXT =
    "The base classifier whose class distribution is turned into sigmoid scores. Copies "
    + "of it produce the calibration predictions of the cv and holdout sources.";

  @Override
  public String classifierTipText() {
    return CLASSIFIER_TIP_TEXT;
  }

  /** Overridden only to place the base classifier after this classifier's own options. */
  @Override
  @OptionMetadata(displayName = "classifier", description = CLASSIFIER_TIP_TEXT,
    displayOrder = 50)
  public Classifier getClassifier() {
    return super.getClassifier();
  }

  // ----------------------------------------------------------------- training

  /**
   * Trains the base classifier and fits the calibration map and the label-set rule.
   * A build that fails leaves the model untrained, so a later prediction reports that
   * instead of using parts of an earlier model.
   */
  @Override
  public void buildClassifier(Instances data) throws Exception {
    try {
      build(data);
    } catch (Exception e) {
      m_Inversion = null;
      throw e;
    }
  }

  private void build(Instances data) throws Exception {
    getCapabilities().testWithFail(data);

    Instances train = new Instances(data);
    train.deleteWithMissingClass();
    checkWeights(train);
    m_ClassAttribute = (Attribute) data.classAttribute().copy();
    String[] classNames = classNames(m_ClassAttribute);
    int referenceIndex = Gauge.referenceIndex(m_ReferenceClass, classNames);
    m_Inversion = new SoftmaxInversion(m_Gauge, referenceIndex, m_LogZ,
      m_Smoothing, classNames);
    List<String> warnings = new ArrayList<String>();
    if (train.numInstances() < data.numInstances()) {
      warnings.add((data.numInstances() - train.numInstances()) + " training instances "
        + "with a missing class were left out of training and calibration.");
    }

    m_FlooredRows = 0;
    m_FlooredTrueClassRows = 0;
    m_InvalidRows = 0;
    m_MeanGaugeConstant = Double.NaN;
    if (m_CalibrationSource == CalibrationSource.FILE && m_CalibrationFile.getPath().isEmpty()) {
      throw new WekaException("Calibration source 'file' needs a file; set -calibration-file.");
    }
    if (m_ThresholdRule == ThresholdRule.CARDINALITY && m_Cardinality > classNames.length) {
      throw new WekaException("Option -cardinality is " + m_Cardinality + " but the class "
        + "attribute '" + m_ClassAttribute.name() + "' has only " + classNames.length
        + " values, so no instance can have that many labels; use 0 to take the mean from "
        + "the calibration data, or a number up to " + classNames.length + ".");
    }
    if (m_ThresholdRule == ThresholdRule.TOP_K && m_TopK > classNames.length) {
      throw new WekaException("Option -top-k is " + m_TopK + " but the class attribute '"
        + m_ClassAttribute.name() + "' has only " + classNames.length + " values; use a k "
        + "from 1 to " + classNames.length + ".");
    }

    boolean needsPredictions = m_Calibrator != Calibrator.NONE
      || m_ThresholdRule.needsCalibrationScores();
    m_UsedCalibrationData = needsPredictions;
    if (!needsPredictions) {
      m_Classifier.buildClassifier(train);
      m_Calibration = LinearCalibration.identity(classNames.length);
      m_LabelSetRule = fixedRule(classNames.length);
      m_CalibrationDescription = "none needed (calibrator none, " + m_ThresholdRule
        + " rule); the scoring model is trained on all " + train.numInstances() + " training instances";
    } else {
      CalibrationPredictions predictions = CalibrationPredictions.collect(m_CalibrationSource,
        m_Classifier, train, m_Folds, m_HoldoutFraction, getSeed(), m_NumExecutionSlots,
        m_CalibrationFile, warnings);
      m_Classifier = predictions.model();
      m_CalibrationDescription = predictions.description();
      CalibrationData calibrationData = calibrationData(predictions, warnings);
      fitCalibrationAndRule(calibrationData, classNames, warnings);
    }
    warnAboutThreshold(warnings);

    m_Warnings = warnings;
    for (String warning : warnings) {
      LOGGER.warning(warning);
    }
  }

  /**
   * Rejects weights that no base classifier or calibration fit can use: a negative,
   * infinite or NaN weight, or a total weight of 0 over instances with a class.
   */
  private static void checkWeights(Instances train) throws WekaException {
    for (int i = 0; i < train.numInstances(); i++) {
      double weight = train.instance(i).weight();
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new WekaException("Training instance " + (i + 1) + " (counting instances with "
          + "a class) has weight " + weight + "; instance weights must be finite and at least 0.");
      }
    }
    if (train.numInstances() > 0 && !(train.sumOfWeights() > 0)) {
      throw new WekaException("All " + train.numInstances() + " training instances with a "
        + "class have weight 0, so there is nothing to learn from; give at least one "
        + "instance a positive weight.");
    }
  }

  /**
   * Fits the calibration map and the label-set rule. The conformal rule gets its own
   * random part of the calibration data, which the calibrator does not see, so that its
   * coverage guarantee holds.
   */
  private void fitCalibrationAndRule(CalibrationData all, String[] classNames,
    List<String> warnings) {
    CalibrationData fitPart = all;
    CalibrationData rulePart = all;
    if (m_ThresholdRule == ThresholdRule.CONFORMAL) {
      CalibrationData[] parts = splitRows(all, m_ConformalFraction, getSeed());
      if (parts[0].numRows() == 0 || parts[1].numRows() == 0) {
        warnings.add("The calibration set of " + all.numRows() + " rows is too small to set "
          + "a part aside for the conformal threshold, so the calibrator and the threshold "
          + "were fitted on the same rows and the coverage guarantee does not hold.");
      } else {
        fitPart = parts[0];
        rulePart = parts[1];
      }
    }
    Calibrator.Settings settings = new Calibrator.Settings(m_Ridge, m_PlattTargets,
      m_PerClassMinimum);
    m_Calibration = m_Calibrator.fit(fitPart, settings, classNames, warnings);
    m_LabelSetRule = fitRule(rulePart, classNames, warnings);
  }

  private LabelSetRule fitRule(CalibrationData data, String[] classNames,
    List<String> warnings) {
    double[][] logits = data.logits();
    double[][] scores = new double[logits.length][classNames.length];
    for (int i = 0; i < logits.length; i++) {
      for (int k = 0; k < classNames.length; k++) {
        scores[i][k] = LogisticMath.sigmoid(m_Calibration.calibratedLogit(k, logits[i][k]));
      }
    }
    switch (m_ThresholdRule) {
      case PER_CLASS_F1:
        return LabelSetRule.fitPerClassF1(scores, data.targets(), data.weights(), m_Threshold,
          m_KeepTop, classNames, warnings);
      case CARDINALITY:
        return LabelSetRule.fitCardinality(scores, data.targets(), data.weights(),
          m_Cardinality > 0 ? m_Cardinality : Double.NaN, m_KeepTop);
      case CONFORMAL:
        return LabelSetRule.fitConformal(scores, data.targets(), data.weights(), m_Alpha,
          m_KeepTop, warnings);
      default:
        return fixedRule(classNames.length);
    }
  }

  private LabelSetRule fixedRule(int numClasses) {
    if (m_ThresholdRule == ThresholdRule.TOP_K) {
      return LabelSetRule.topK(numClasses, m_TopK, m_KeepTop);
    }
    return LabelSetRule.uniform(ThresholdRule.FIXED, numClasses, m_Threshold, m_KeepTop);
  }

  /**
   * Splits the rows at random: {@code round(fraction * n)} rows go to the second part.
   *
   * @return {first part, second part}
   */
  private static CalibrationData[] splitRows(CalibrationData data, double fraction, long seed) {
    int n = data.numRows();
    List<Integer> order = new ArrayList<Integer>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int second = (int) Math.round(fraction * n);
    int[] firstRows = new int[n - second];
    int[] secondRows = new int[second];
    for (int i = 0; i < n; i++) {
      if (i < second) {
        secondRows[i] = order.get(i);
      } else {
        firstRows[i - second] = order.get(i);
      }
    }
    return new CalibrationData[] {data.subset(firstRows), data.subset(secondRows)};
  }

  private CalibrationData calibrationData(CalibrationPredictions predictions,
    List<String> warnings) throws WekaException {
    Instances instances = predictions.instances();
    CalibrationData result = new CalibrationData(m_ClassAttribute.numValues());
    double constantSum = 0;
    double constantWeight = 0;
    for (int i = 0; i < instances.numInstances(); i++) {
      Instance instance = instances.instance(i);
      double[] distribution = predictions.distribution(i);
      double[] logits;
      try {
        logits = m_Inversion.logits(distribution);
      } catch (IllegalArgumentException e) {
        throw new WekaException("Calibration instance " + (i + 1) + ": " + e.getMessage(), e);
      }
      if (logits == null) {
        m_InvalidRows++;
        continue;
      }
      double[] targets = predictions.targets(i);
      if (SoftmaxInversion.hasZero(distribution)) {
        m_FlooredRows++;
        for (int k = 0; k < targets.length; k++) {
          if (targets[k] > 0 && distribution[k] == 0) {
            m_FlooredTrueClassRows++;
            break;
          }
        }
      }
      checkFiniteLogits(logits, i);
      try {
        result.add(logits, targets, instance.weight());
      } catch (IllegalArgumentException e) {
        throw new WekaException("Calibration instance " + (i + 1) + ": " + e.getMessage(), e);
      }
      double constant = m_Inversion.logZ(distribution);
      if (!Double.isNaN(constant)) {
        constantSum += instance.weight() * constant;
        constantWeight += instance.weight();
      }
    }
    if (m_InvalidRows > 0) {
      warnings.add(m_InvalidRows + " of " + instances.numInstances() + " calibration "
        + "instances got no valid base distribution (NaN, negative or all zero) and were "
        + "left out of the calibration fit.");
    }
    m_MeanGaugeConstant = constantWeight > 0 ? constantSum / constantWeight : Double.NaN;
    return result;
  }

  /**
   * Rejects an infinite calibration logit, which smoothing 0 gives a probability of
   * exactly 0 (or 1 under the one-vs-rest gauge) and which no likelihood fit can use.
   */
  private void checkFiniteLogits(double[] logits, int row) throws WekaException {
    for (int k = 0; k < logits.length; k++) {
      if (Double.isInfinite(logits[k])) {
        throw new WekaException("Calibration instance " + (row + 1) + ": class '"
          + m_ClassAttribute.value(k) + "' has probability " + (logits[k] > 0 ? "1" : "0")
          + ", whose logit is infinite without smoothing; set the smoothing above 0 "
          + "(-smoothing, for example " + DEFAULT_SMOOTHING + ").");
      }
    }
  }

  private void warnAboutThreshold(List<String> warnings) {
    if (m_Gauge == Gauge.UNIT && m_Calibrator == Calibrator.NONE
      && m_ThresholdRule == ThresholdRule.FIXED && m_Threshold >= 0.5) {
      warnings.add("With the unit gauge and no calibration every score is y/(1+y), at most "
        + "0.5, so threshold " + m_Threshold + " labels only classes with probability 1; "
        + "choose the centered gauge, a calibrator or a lower threshold.");
    }
  }

  private static String[] classNames(Attribute classAttribute) {
    String[] result = new String[classAttribute.numValues()];
    for (int k = 0; k < result.length; k++) {
      result[k] = classAttribute.value(k);
    }
    return result;
  }

  // --------------------------------------------------------------- prediction

  /**
   * Computes the calibrated logits {@code a x_k + b} of a base distribution.
   *
   * @param distribution the base distribution, not modified
   * @return K calibrated logits, possibly infinite when smoothing is 0, or all
   *         NaN (Weka's missing value) if the distribution is not valid
   * @throws Exception if the model is not trained, or smoothing is 0 and the gauge needs
   *           the logarithm of a zero probability
   */
  public double[] logitsForDistribution(double[] distribution) throws Exception {
    checkTrained();
    int numClasses = m_ClassAttribute.numValues();
    double[] logits;
    try {
      logits = m_Inversion.logits(distribution);
    } catch (IllegalArgumentException e) {
      throw new WekaException(e.getMessage(), e);
    }
    double[] result = new double[numClasses];
    if (logits == null) {
      java.util.Arrays.fill(result, Utils.missingValue());
      return result;
    }
    for (int k = 0; k < numClasses; k++) {
      result[k] = m_Calibration.calibratedLogit(k, logits[k]);
    }
    return result;
  }

  /**
   * Computes the calibrated logits {@code a x_k + b} of an instance; their
   * sigmoids are {@link #sigmoidScores}.
   *
   * @param instance the instance
   * @return K calibrated logits, or all missing if the base gives no valid distribution
   * @throws Exception if the base classifier fails or the model is not trained
   */
  public double[] logits(Instance instance) throws Exception {
    checkTrained();
    return logitsForInstance(instance, m_Classifier.distributionForInstance(instance));
  }

  /**
   * Computes the calibrated logits of an instance's base distribution; an error names
   * the instance by its values, because Weka's evaluation reports only the message.
   */
  private double[] logitsForInstance(Instance instance, double[] distribution)
    throws Exception {
    try {
      return logitsForDistribution(distribution);
    } catch (WekaException e) {
      String values = instance.toString();
      if (values.length() > 80) {
        values = values.substring(0, 77) + "...";
      }
      throw new WekaException("Instance " + values + ": " + e.getMessage(), e);
    }
  }

  /**
   * Computes one sigmoid score per class, each an independent probability that
   * the class is a label of the instance.
   *
   * @param instance the instance
   * @return K scores in [0, 1], or all missing if the base gives no valid distribution
   * @throws Exception if the base classifier fails or the model is not trained
   */
  public double[] sigmoidScores(Instance instance) throws Exception {
    return scoresFromLogits(logits(instance));
  }

  /**
   * Computes the label set: 1 for each class whose score is at or above the
   * threshold (and for the top class with keepTop), 0 for the others.
   *
   * @param instance the instance
   * @return K entries of 0 or 1, or all missing if the base gives no valid distribution
   * @throws Exception if the base classifier fails or the model is not trained
   */
  public double[] labelSet(Instance instance) throws Exception {
    return labelSetFromScores(sigmoidScores(instance));
  }

  /**
   * Applies the label-set rule to scores.
   *
   * @param scores K scores, or all missing
   * @return K entries of 0 or 1, or all missing
   */
  public double[] labelSetFromScores(double[] scores) {
    if (m_LabelSetRule == null) {
      return LabelSets.threshold(scores, m_Threshold, m_KeepTop);
    }
    return m_LabelSetRule.apply(scores);
  }

  /** @return the fitted label-set rule, or null before training */
  public LabelSetRule getLabelSetRule() {
    return m_LabelSetRule;
  }

  /**
   * Applies the sigmoid to calibrated logits.
   *
   * @param logits calibrated logits, possibly missing
   * @return the scores; missing where the logit is missing
   */
  public static double[] scoresFromLogits(double[] logits) {
    double[] result = new double[logits.length];
    for (int k = 0; k < logits.length; k++) {
      result[k] = LogisticMath.sigmoid(logits[k]);
    }
    return result;
  }

  /**
   * The smallest top score that distributionForInstance divides by the sum directly.
   * A subnormal score (below 2.2e-308) is off by at most 4.9e-324, so after division
   * by a sum of at least 1e-290 its entry is off by less than 1e-33.
   */
  private static final double DIRECT_NORMALISATION_MINIMUM = 1e-290;

  /**
   * Returns the calibrated scores divided by their sum, or the base distribution
   * when {@code -base-distribution} is set. An instance without a valid base
   * distribution gets all zeros, Weka's "no prediction". When every score is
   * exactly 0, the smoothed base distribution is returned.
   */
  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    checkTrained();
    double[] base = m_Classifier.distributionForInstance(instance);
    if (m_OutputBaseDistribution) {
      return base;
    }
    return normalisedScores(logitsForInstance(instance, base), base);
  }

  /**
   * Computes what distributionForInstance returns for an instance whose base
   * classifier gives this distribution, unless {@code -base-distribution} is set.
   *
   * @param base the base distribution, not modified
   * @return the calibrated scores divided by their sum, all zeros if the base
   *         distribution is not valid, or the smoothed base distribution when every
   *         score is exactly 0
   * @throws Exception if the model is not trained, or smoothing is 0 and the gauge needs
   *           the logarithm of a zero probability
   */
  public double[] distributionForBaseDistribution(double[] base) throws Exception {
    return normalisedScores(logitsForDistribution(base), base);
  }

  private double[] normalisedScores(double[] logits, double[] base) {
    if (Double.isNaN(logits[0])) {
      return new double[logits.length];
    }
    // The usual case: the largest score is far above the subnormal range, so s_k / sum
    // loses nothing and needs one exponential per class.
    double[] scores = new double[logits.length];
    double sum = 0;
    double max = 0;
    for (int k = 0; k < logits.length; k++) {
      scores[k] = LogisticMath.sigmoid(logits[k]);
      sum += scores[k];
      max = Math.max(max, scores[k]);
    }
    if (max >= DIRECT_NORMALISATION_MINIMUM) {
      for (int k = 0; k < scores.length; k++) {
        scores[k] /= sum;
      }
      return scores;
    }
    // Otherwise normalise in log space: ln s_k = ln sigmoid(z_k), so scores that all
    // underflow to 0 still give a proper distribution.
    double[] logScores = new double[logits.length];
    boolean anyPositive = false;
    for (int k = 0; k < logits.length; k++) {
      logScores[k] = LogisticMath.logSigmoid(logits[k]);
      anyPositive |= logScores[k] > Double.NEGATIVE_INFINITY;
    }
    if (!anyPositive) {
      // Every score is exactly 0, which isotonic calibration can produce: the scores
      // carry no ranking, so the smoothed base distribution keeps the base model's.
      return m_Inversion.smooth(m_Inversion.normalize(base));
    }
    return LogisticMath.softmax(logScores);
  }

  /**
   * Reads a trained model saved with Weka's {@code -d} option, plain or gzip-compressed,
   * with or without the training header that Weka appends.
   *
   * @param file the model file
   * @return the trained model
   * @throws WekaException naming the file and the fix if it is missing, damaged, from an
   *           incompatible release, or contains another class or an untrained model
   */
  public static SoftmaxToSigmoid readModel(File file) throws WekaException {
    SoftmaxToSigmoid model = SerializedModels.read(file, SoftmaxToSigmoid.class);
    checkSavedModelTrained(model, file);
    return model;
  }

  /**
   * Reads a trained model as {@link #readModel(File)} does, and the training header that
   * Weka's {@code -d} option saves after it.
   *
   * @param file the model file
   * @return the trained model, and the header or null if the file has none
   * @throws WekaException for the problems listed at {@link #readModel(File)}, and if the
   *           data after the model are damaged
   */
  public static SerializedModels.SavedModel<SoftmaxToSigmoid> readModelWithHeader(File file)
    throws WekaException {
    SerializedModels.SavedModel<SoftmaxToSigmoid> saved =
      SerializedModels.readWithHeader(file, SoftmaxToSigmoid.class);
    checkSavedModelTrained(saved.model, file);
    return saved;
  }

  private static void checkSavedModelTrained(SoftmaxToSigmoid model, File file)
    throws WekaException {
    if (model.m_Inversion == null) {
      throw new WekaException("Model file '" + file.getPath() + "' contains a SoftmaxToSigmoid "
        + "that was never trained; train it (for example with -t) before saving it with -d.");
    }
  }

  private void checkTrained() throws WekaException {
    if (m_Inversion == null) {
      throw new WekaException("SoftmaxToSigmoid has not been trained; call buildClassifier "
        + "first.");
    }
  }

  /** @return the class attribute of the training data, or null before training */
  public Attribute getTrainedClassAttribute() {
    return m_ClassAttribute;
  }

  /** @return the fitted calibration map, or null before training */
  public CalibrationMap getCalibrationMap() {
    return m_Calibration;
  }

  /** @return the inversion used by the trained model, or null before training */
  public SoftmaxInversion getInversion() {
    return m_Inversion;
  }

  /** @return the warnings found while training, empty before training */
  public List<String> getWarnings() {
    return Collections.unmodifiableList(m_Warnings);
  }

  // ------------------------------------------------------------------- output

  @Override
  public String toString() {
    if (m_Inversion == null) {
      return "SoftmaxToSigmoid: no model built yet.";
    }
    String[] classNames = classNames(m_ClassAttribute);
    StringBuilder text = new StringBuilder();
    text.append("SoftmaxToSigmoid: per-class sigmoid scores\n");
    text.append("==========================================\n\n");
    text.append("Base classifier:    ").append(getClassifierSpec()).append('\n');
    text.append("Gauge:              ").append(describeGauge(classNames)).append('\n');
    text.append(String.format(Locale.ROOT, "Smoothing:          eps = %s, floor eps/(1+K eps) = %s%n",
      formatSmall(m_Smoothing, 6), formatSmall(m_Inversion.floor(), 8)));
    text.append("Calibration set:    ").append(m_CalibrationDescription).append('\n');
    if (m_UsedCalibrationData) {
      text.append("                    ").append(m_FlooredRows)
        .append(" calibration rows had a probability of 0 raised to the floor, ")
        .append(m_FlooredTrueClassRows).append(" of them on the true class\n");
    }
    text.append("Calibrator:         ").append(m_Calibrator).append(": ")
      .append(m_Calibrator.description()).append('\n');
    text.append("Fitted parameters:  ").append(m_Calibration.describe(classNames)).append('\n');
    String logZ = describeLogZ();
    if (logZ != null) {
      text.append("Implied ln Z:       ").append(logZ).append('\n');
    }
    text.append("Label set:          ").append(m_LabelSetRule.describe(classNames))
      .append('\n');
    text.append("distributionForInstance: ").append(m_OutputBaseDistribution
      ? "the base distribution unchanged" : "the calibrated scores divided by their sum")
      .append("\n\n");
    if (!m_Warnings.isEmpty()) {
      text.append("Warnings:\n");
      for (String warning : m_Warnings) {
        text.append("  - ").append(warning).append('\n');
      }
      text.append('\n');
    }
    text.append("Base model\n----------\n").append(m_Classifier.toString()).append('\n');
    return text.toString();
  }

  /**
   * Formats a number with a fixed number of decimals, or in Java's exponent notation when
   * those decimals would show a non-zero value such as eps = 1e-15 as 0.
   */
  private static String formatSmall(double value, int decimals) {
    String fixed = Utils.doubleToString(value, decimals);
    if (value != 0 && Double.parseDouble(fixed) == 0) {
      return Double.toString(value);
    }
    return fixed;
  }

  private String describeGauge(String[] classNames) {
    switch (m_Gauge) {
      case REFERENCE:
        return "reference: class '" + classNames[m_Inversion.referenceIndex()] + "' has logit 0";
      case FIXED:
        return "fixed: ln Z = " + Utils.doubleToString(m_LogZ, 6);
      default:
        return m_Gauge + ": " + m_Gauge.description();
    }
  }

  /**
   * Describes ln Z as the model uses it: the score is
   * {@code sigmoid(a (ln y' + c(y') + b / a))}, so {@code ln Z = c(y') + b / a}.
   */
  private String describeLogZ() {
    if (!(m_Calibration instanceof LinearCalibration)
      || !((LinearCalibration) m_Calibration).isShared() || m_Gauge == Gauge.ONE_VS_REST) {
      return null;
    }
    LinearCalibration linear = (LinearCalibration) m_Calibration;
    double shift = linear.offset(0) / linear.scale(0);
    switch (m_Gauge) {
      case UNIT:
        return Utils.doubleToString(shift, 6) + " (b / a)";
      case FIXED:
        return Utils.doubleToString(m_LogZ + shift, 6) + " (given ln Z + b / a)";
      default:
        String text = "c(y) + b / a = c(y) " + (shift < 0 ? "- " : "+ ")
          + Utils.doubleToString(Math.abs(shift), 6);
        if (!Double.isNaN(m_MeanGaugeConstant)) {
          text += "; mean over the calibration set "
            + Utils.doubleToString(m_MeanGaugeConstant + shift, 6);
        }
        return text;
    }
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  /**
   * Runs the classifier from the command line.
   *
   * @param args the options; -h lists them
   */
  public static void main(String[] args) {
    runClassifier(new SoftmaxToSigmoid(), args);
  }
}
