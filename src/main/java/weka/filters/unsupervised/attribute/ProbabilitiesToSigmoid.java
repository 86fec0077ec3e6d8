/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.filters.unsupervised.attribute;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Vector;
import java.util.logging.Logger;

import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.classifiers.meta.softmaxtosigmoid.CalibrationMap;
import weka.classifiers.meta.softmaxtosigmoid.DecimalTextInstance;
import weka.classifiers.meta.softmaxtosigmoid.FilterCommandLine;
import weka.classifiers.meta.softmaxtosigmoid.Gauge;
import weka.classifiers.meta.softmaxtosigmoid.LabelSetRule;
import weka.classifiers.meta.softmaxtosigmoid.LinearCalibration;
import weka.classifiers.meta.softmaxtosigmoid.MekaOutput;
import weka.classifiers.meta.softmaxtosigmoid.ProbabilityColumns;
import weka.classifiers.meta.softmaxtosigmoid.ProbabilityConversion;
import weka.classifiers.meta.softmaxtosigmoid.SoftmaxInversion;
import weka.classifiers.meta.softmaxtosigmoid.ThresholdRule;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.SparseInstance;
import weka.core.Utils;
import weka.core.WeightedAttributesHandler;
import weka.core.WeightedInstancesHandler;
import weka.filters.Filter;
import weka.filters.StreamableFilter;
import weka.filters.UnsupervisedFilter;

/**
 * Streamable filter that turns existing class-probability columns, for example
 * {@code predict_proba} output exported from another toolkit or Weka's
 * AddClassification distribution, into per-class sigmoid scores under a gauge
 * and a given calibration, and optionally logits and 0/1 labels.
 *
 * <p>Columns are matched to class values by name ({@link ProbabilityColumns}).
 * Each instance is converted on its own by {@link ProbabilityConversion} and
 * output at once, so memory does not grow with the number of instances.
 * NOTE: string and relational attribute values are an exception: Weka's
 * Filter keeps each distinct value in the output header until the batch ends.
 *
 * <p>The filter extends {@link Filter} and not SimpleStreamFilter because the
 * latter drops an instance silently when converting it fails, while this filter
 * must report the row, the column and the value.
 */
public class ProbabilitiesToSigmoid extends Filter
  implements StreamableFilter, UnsupervisedFilter, OptionHandler, WeightedInstancesHandler,
  WeightedAttributesHandler {

  private static final long serialVersionUID = 8031694520783470325L;

  private static final Logger LOGGER = Logger.getLogger(ProbabilitiesToSigmoid.class.getName());

  /** Name prefix of the score attributes, followed by the class value. */
  public static final String SCORE_PREFIX = "score_";

  /** Name prefix of the logit attributes, followed by the class value. */
  public static final String LOGIT_PREFIX = "logit_";

  /** Name prefix of the label attributes, followed by the class value. */
  public static final String LABEL_PREFIX = "label_";

  private String m_AttributeIndices = "";

  private String m_Prefix = ProbabilityColumns.DEFAULT_PREFIX;

  private String m_ClassValues = "";

  private double m_Smoothing = SoftmaxToSigmoid.DEFAULT_SMOOTHING;

  private Gauge m_Gauge = Gauge.CENTERED;

  private String m_ReferenceClass = "last";

  private double m_LogZ = 0;

  private double m_Scale = 1;

  private double m_Offset = 0;

  private String m_Scales = "";

  private String m_Offsets = "";

  /** Model file of a trained SoftmaxToSigmoid whose calibration is applied, or an empty path. */
  private File m_ModelFile = new File("");

  private boolean m_Replace = false;

  private boolean m_OutputLogits = false;

  private boolean m_OutputLabels = false;

  private double m_Threshold = 0.5;

  private boolean m_KeepTop = false;

  private double m_Tolerance = ProbabilityConversion.DEFAULT_TOLERANCE;

  private boolean m_Renormalize = false;

  private boolean m_MekaOutput = false;

  private boolean m_KeepClass = false;

  /** Input format state: the conversion of one row. */
  private ProbabilityConversion m_Conversion;

  /** Input format state: per class, the input attribute index of its probability column. */
  private int[] m_ProbabilityColumns;

  /** Input format state: the input attributes copied to the output, in output order. */
  private int[] m_CopiedAttributes;

  /** Rows input in the current batch, for error messages. */
  private long m_Row;

  /** Rows of the current batch that got missing scores because they were not valid. */
  private long m_InvalidRows;

  /**
   * Describes the filter for the Explorer.
   *
   * @return the description
   */
  public String globalInfo() {
    return "Turns class-probability columns, for example predict_proba output of another "
      + "toolkit or the distribution_<class> attributes of Weka's AddClassification, into "
      + "one sigmoid score per class, and optionally logits and 0/1 labels.\n\n"
      + "Columns are matched to class values by name: by default the attribute "
      + "<prefix><class value> for each value of the nominal class; with -R each selected "
      + "column must be named <class value> or <prefix><class value>, or its class is "
      + "given with -class-values. Each row y is checked (finite, at least 0, sum 1 within "
      + "the tolerance), smoothed, inverted to logits x_k = ln y_k + c(y) under the gauge, "
      + "mapped to a_k x_k + b_k with a given calibration (options, or the calibration of a "
      + "trained SoftmaxToSigmoid model file) and passed through the sigmoid. The "
      + "one-vs-rest gauge reads the columns as independent per-label probabilities, "
      + "which need not sum to 1.\n\n"
      + "The filter appends score_<class>, then logit_<class> and label_<class> when "
      + "requested; -replace removes the probability columns. With -meka it writes MEKA's "
      + "multi-label layout: one 0/1 attribute per class value first, and the relation "
      + "name '<name>: -C L'. A row with a missing probability gets missing outputs. The "
      + "filter is streamable: every instance is output as soon as it is input.";
  }

  // ------------------------------------------------------------------ options

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<Option>();
    options.add(new Option("\tProbability columns (1-based range, 'first' and 'last' "
      + "allowed).\n\tEach must be named <class value> or <prefix><class value>, unless "
      + "-class-values\n\tgives its class.\n\t(default: the attributes <prefix><class value>)",
      "R", 1, "-R <range>"));
    options.add(new Option("\tName prefix of the probability columns.\n\t(default: "
      + ProbabilityColumns.DEFAULT_PREFIX + ")", "prefix", 1, "-prefix <text>"));
    options.add(new Option("\tComma-separated class value of each -R column, in column "
      + "order.\n\tRequired when the data have no nominal class (for example a CSV file "
      + "without\n\theader); without -R and without a class it lists the class values.",
      "class-values", 1, "-class-values <v1,v2,...>"));
    options.add(new Option("\tGauge that fixes the softmax constant ln Z: "
      + gaugeSpellings() + ".\n\t(default: centered)", "gauge", 1,
      "-gauge <name>"));
    options.add(new Option("\tReference class of the reference gauge: a 1-based index, a "
      + "class value,\n\t'first' or 'last'.\n\t(default: last)", "reference-class", 1,
      "-reference-class <index or value>"));
    options.add(new Option("\tln Z of the fixed gauge.\n\t(default: 0)", "log-z", 1,
      "-log-z <number>"));
    options.add(new Option("\tSmoothing eps: y' = (y + eps) / (1 + K eps); for one-vs-rest "
      + "each y is\n\tclamped to [eps / (1 + 2 eps), 1 - eps / (1 + 2 eps)].\n\t(default: "
      + SoftmaxToSigmoid.DEFAULT_SMOOTHING + ")", "smoothing", 1, "-smoothing <eps>"));
    options.add(new Option("\tCalibration scale a shared by all classes.\n\t(default: 1)",
      "scale", 1, "-scale <a>"));
    options.add(new Option("\tCalibration offset b shared by all classes.\n\t(default: 0)",
      "offset", 1, "-offset <b>"));
    options.add(new Option("\tComma-separated scale a_k per class, in class order; "
      + "replaces -scale.", "scales", 1, "-scales <a1,a2,...>"));
    options.add(new Option("\tComma-separated offset b_k per class, in class order; "
      + "replaces -offset.", "offsets", 1, "-offsets <b1,b2,...>"));
    options.add(new Option("\tA trained SoftmaxToSigmoid model file (saved with -d): its "
      + "smoothing, gauge,\n\tcalibration and label-set rule replace -smoothing, -gauge, "
      + "-reference-class,\n\t-log-z, -scale(s), -offset(s), -threshold and -keep-top.",
      "model", 1, "-model <file>"));
    options.add(new Option("\tRemove the probability columns from the output.", "replace",
      0, "-replace"));
    options.add(new Option("\tAlso output the calibrated logit of each class "
      + "(logit_<class value>).", "logits", 0, "-logits"));
    options.add(new Option("\tAlso output the 0/1 label of each class "
      + "(label_<class value>).", "labels", 0, "-labels"));
    options.add(new Option("\tScore at or above which a class is a label.\n"
      + "\t(default: 0.5)", "threshold", 1, "-threshold <t>"));
    options.add(new Option("\tAlways label the top-scoring class.", "keep-top", 0,
      "-keep-top"));
    options.add(new Option("\tLargest accepted distance of a row sum from 1.\n"
      + "\t(default: " + ProbabilityConversion.DEFAULT_TOLERANCE + ")", "tolerance", 1,
      "-tolerance <number>"));
    options.add(new Option("\tDivide a row that does not sum to 1 by its sum, and give a "
      + "row with a\n\tnegative or infinite probability missing outputs, instead of "
      + "stopping with an error.", "renormalize", 0, "-renormalize"));
    options.add(new Option("\tWrite MEKA's multi-label layout: one 0/1 attribute per class "
      + "value first,\n\trelation name '<name>: -C L', the class attribute removed.",
      "meka", 0, "-meka"));
    options.add(new Option("\tWith -meka, keep the class attribute as a feature.",
      "keep-class", 0, "-keep-class"));
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setAttributeIndices(Utils.getOption('R', options));
    // An empty -prefix is a valid prefix, so presence and not emptiness selects the default.
    boolean hasPrefix = Utils.getOptionPos("prefix", options) >= 0;
    String prefix = Utils.getOption("prefix", options);
    setPrefix(hasPrefix ? prefix : ProbabilityColumns.DEFAULT_PREFIX);
    setClassValues(Utils.getOption("class-values", options));

    String gauge = Utils.getOption("gauge", options);
    setGauge(new SelectedTag(gauge.isEmpty() ? Gauge.CENTERED.toString()
      : Gauge.forSpelling(gauge).toString(), SoftmaxToSigmoid.TAGS_GAUGE));
    String reference = Utils.getOption("reference-class", options);
    setReferenceClass(reference.isEmpty() ? "last" : reference);
    String logZ = Utils.getOption("log-z", options);
    setLogZ(logZ.isEmpty() ? 0 : parseNumber("log-z", logZ));
    String smoothing = Utils.getOption("smoothing", options);
    setSmoothing(smoothing.isEmpty() ? SoftmaxToSigmoid.DEFAULT_SMOOTHING
      : parseNumber("smoothing", smoothing));

    String scale = Utils.getOption("scale", options);
    setScale(scale.isEmpty() ? 1 : parseNumber("scale", scale));
    String offset = Utils.getOption("offset", options);
    setOffset(offset.isEmpty() ? 0 : parseNumber("offset", offset));
    setScales(Utils.getOption("scales", options));
    setOffsets(Utils.getOption("offsets", options));
    setModelFile(new File(Utils.getOption("model", options)));

    setReplace(Utils.getFlag("replace", options));
    setOutputLogits(Utils.getFlag("logits", options));
    setOutputLabels(Utils.getFlag("labels", options));
    String threshold = Utils.getOption("threshold", options);
    setThreshold(threshold.isEmpty() ? 0.5 : parseNumber("threshold", threshold));
    setKeepTop(Utils.getFlag("keep-top", options));
    String tolerance = Utils.getOption("tolerance", options);
    setTolerance(tolerance.isEmpty() ? ProbabilityConversion.DEFAULT_TOLERANCE
      : parseNumber("tolerance", tolerance));
    setRenormalize(Utils.getFlag("renormalize", options));
    setMekaOutput(Utils.getFlag("meka", options));
    setKeepClass(Utils.getFlag("keep-class", options));

    super.setOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<String>();
    if (!m_AttributeIndices.isEmpty()) {
      options.add("-R");
      options.add(m_AttributeIndices);
    }
    options.add("-prefix");
    options.add(m_Prefix);
    if (!m_ClassValues.isEmpty()) {
      options.add("-class-values");
      options.add(m_ClassValues);
    }
    options.add("-gauge");
    options.add(m_Gauge.toString());
    options.add("-reference-class");
    options.add(m_ReferenceClass);
    options.add("-log-z");
    options.add(Double.toString(m_LogZ));
    options.add("-smoothing");
    options.add(Double.toString(m_Smoothing));
    options.add("-scale");
    options.add(Double.toString(m_Scale));
    options.add("-offset");
    options.add(Double.toString(m_Offset));
    if (!m_Scales.isEmpty()) {
      options.add("-scales");
      options.add(m_Scales);
    }
    if (!m_Offsets.isEmpty()) {
      options.add("-offsets");
      options.add(m_Offsets);
    }
    if (usesModelFile()) {
      options.add("-model");
      options.add(m_ModelFile.getPath());
    }
    addFlag(options, m_Replace, "-replace");
    addFlag(options, m_OutputLogits, "-logits");
    addFlag(options, m_OutputLabels, "-labels");
    options.add("-threshold");
    options.add(Double.toString(m_Threshold));
    addFlag(options, m_KeepTop, "-keep-top");
    options.add("-tolerance");
    options.add(Double.toString(m_Tolerance));
    addFlag(options, m_Renormalize, "-renormalize");
    addFlag(options, m_MekaOutput, "-meka");
    addFlag(options, m_KeepClass, "-keep-class");
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  private static String gaugeSpellings() {
    StringBuilder result = new StringBuilder();
    for (Gauge gauge : Gauge.values()) {
      result.append(result.length() == 0 ? "" : ", ").append(gauge);
    }
    return result.toString();
  }

  private static void addFlag(List<String> options, boolean set, String flag) {
    if (set) {
      options.add(flag);
    }
  }

  private static double parseNumber(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Option -" + option + " expects a number, found '"
        + value + "'.");
    }
  }

  private static double[] parseNumbers(String option, String list) {
    String[] parts = ProbabilityColumns.splitList(list);
    double[] result = new double[parts.length];
    for (int j = 0; j < parts.length; j++) {
      result[j] = parseNumber(option, parts[j]);
    }
    return result;
  }

  // --------------------------------------------------------------- properties

  /** @return the tip text of the attributeIndices property */
  public String attributeIndicesTipText() {
    return "The probability columns as a 1-based range such as 2-4 or first-last; empty "
      + "selects the attributes <prefix><class value>. Each selected column must be named "
      + "<class value> or <prefix><class value>, unless classValues gives its class.";
  }

  /** @return the range of probability columns, empty for name matching with the prefix */
  public String getAttributeIndices() {
    return m_AttributeIndices;
  }

  /** @param value a 1-based range, or empty */
  public void setAttributeIndices(String value) {
    String range = value == null ? "" : value.trim();
    if (!range.isEmpty()) {
      ProbabilityColumns.checkRange(range);
    }
    m_AttributeIndices = range;
  }

  /** @return the tip text of the prefix property */
  public String prefixTipText() {
    return "The name prefix of the probability columns: the column of class value v is "
      + "named prefix + v. The default matches Weka's AddClassification.";
  }

  /** @return the column name prefix */
  public String getPrefix() {
    return m_Prefix;
  }

  /** @param value the column name prefix, possibly empty */
  public void setPrefix(String value) {
    m_Prefix = value == null ? "" : value;
  }

  /** @return the tip text of the classValues property */
  public String classValuesTipText() {
    return "The class value of each column selected by attributeIndices, comma-separated "
      + "in column order. Needed when the columns are not named after the class values, "
      + "or when the data have no nominal class; without a range and without a class it "
      + "lists the class values.";
  }

  /** @return the comma-separated class values */
  public String getClassValues() {
    return m_ClassValues;
  }

  /** @param value comma-separated class values, or empty */
  public void setClassValues(String value) {
    m_ClassValues = value == null ? "" : value.trim();
  }

  /** @return the tip text of the gauge property */
  public String gaugeTipText() {
    return "The rule that fixes the softmax constant ln Z, as in SoftmaxToSigmoid. "
      + "one-vs-rest reads each column as an independent per-label probability that need "
      + "not sum to 1 with the others.";
  }

  /** @return the selected gauge */
  public SelectedTag getGauge() {
    return new SelectedTag(m_Gauge.ordinal(), SoftmaxToSigmoid.TAGS_GAUGE);
  }

  /** @param value the gauge to select */
  public void setGauge(SelectedTag value) {
    if (value.getTags() == SoftmaxToSigmoid.TAGS_GAUGE) {
      m_Gauge = Gauge.values()[value.getSelectedTag().getID()];
    }
  }

  /** @return the tip text of the referenceClass property */
  public String referenceClassTipText() {
    return "The class whose logit is 0 under the reference gauge: a 1-based index, a class "
      + "value, 'first' or 'last'.";
  }

  /** @return the reference class */
  public String getReferenceClass() {
    return m_ReferenceClass;
  }

  /** @param value a 1-based index, a class value, 'first' or 'last' */
  public void setReferenceClass(String value) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException("Option -reference-class must not be empty; give a "
        + "1-based index, a class value, 'first' or 'last'.");
    }
    m_ReferenceClass = value.trim();
  }

  /** @return the tip text of the logZ property */
  public String logZTipText() {
    return "The value of ln Z for the fixed gauge, so that x = ln y + ln Z.";
  }

  /** @return ln Z of the fixed gauge */
  public double getLogZ() {
    return m_LogZ;
  }

  /** @param value ln Z, finite */
  public void setLogZ(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -log-z must be a finite number, found "
        + value + ".");
    }
    m_LogZ = value;
  }

  /** @return the tip text of the smoothing property */
  public String smoothingTipText() {
    return "The smoothing eps: y' = (y + eps) / (1 + K eps) before the logarithm. The "
      + "one-vs-rest gauge only clamps each y to [f, 1 - f] with f = eps / (1 + 2 eps).";
  }

  /** @return the smoothing eps */
  public double getSmoothing() {
    return m_Smoothing;
  }

  /** @param value the smoothing eps, finite and at least 0 */
  public void setSmoothing(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -smoothing must be a finite number >= 0, "
        + "found " + value + "; use for example " + SoftmaxToSigmoid.DEFAULT_SMOOTHING + ".");
    }
    m_Smoothing = value;
  }

  /** @return the tip text of the scale property */
  public String scaleTipText() {
    return "The calibration scale a shared by all classes: score = sigmoid(a x + b).";
  }

  /** @return the shared scale */
  public double getScale() {
    return m_Scale;
  }

  /** @param value the shared scale, finite and above 0 */
  public void setScale(double value) {
    checkScale("scale", value);
    m_Scale = value;
  }

  /** @return the tip text of the offset property */
  public String offsetTipText() {
    return "The calibration offset b shared by all classes: score = sigmoid(a x + b).";
  }

  /** @return the shared offset */
  public double getOffset() {
    return m_Offset;
  }

  /** @param value the shared offset, finite */
  public void setOffset(double value) {
    checkOffset("offset", value);
    m_Offset = value;
  }

  /** @return the tip text of the scales property */
  public String scalesTipText() {
    return "Comma-separated calibration scales a_k, one per class in class order; empty uses "
      + "the shared scale.";
  }

  /** @return the per-class scales */
  public String getScales() {
    return m_Scales;
  }

  /** @param value comma-separated scales, each finite and above 0, or empty */
  public void setScales(String value) {
    String list = value == null ? "" : value.trim();
    for (double scale : parseNumbers("scales", list)) {
      checkScale("scales", scale);
    }
    m_Scales = list;
  }

  /** @return the tip text of the offsets property */
  public String offsetsTipText() {
    return "Comma-separated calibration offsets b_k, one per class in class order; empty "
      + "uses the shared offset.";
  }

  /** @return the per-class offsets */
  public String getOffsets() {
    return m_Offsets;
  }

  /** @param value comma-separated finite offsets, or empty */
  public void setOffsets(String value) {
    String list = value == null ? "" : value.trim();
    for (double offset : parseNumbers("offsets", list)) {
      checkOffset("offsets", offset);
    }
    m_Offsets = list;
  }

  private static void checkScale(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -" + option + ": scale " + value + " must be "
        + "finite and above 0, because a scale of 0 or below would erase or invert the "
        + "ranking of the classes.");
    }
  }

  private static void checkOffset(String option, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -" + option + ": offset " + value
        + " must be a finite number.");
    }
  }

  /** @return the tip text of the modelFile property */
  public String modelFileTipText() {
    return "A trained SoftmaxToSigmoid model file whose smoothing, gauge, calibration and "
      + "label-set rule are applied instead of the options; an empty path uses the options.";
  }

  /** @return the model file, with an empty path for none */
  public File getModelFile() {
    return m_ModelFile;
  }

  /** @param value the model file, or null or an empty path for none */
  public void setModelFile(File value) {
    m_ModelFile = value == null ? new File("") : value;
  }

  private boolean usesModelFile() {
    return !m_ModelFile.getPath().isEmpty();
  }

  /** @return the tip text of the replace property */
  public String replaceTipText() {
    return "If true, the probability columns are removed from the output.";
  }

  /** @return whether the probability columns are removed */
  public boolean getReplace() {
    return m_Replace;
  }

  /** @param value whether to remove the probability columns */
  public void setReplace(boolean value) {
    m_Replace = value;
  }

  /** @return the tip text of the outputLogits property */
  public String outputLogitsTipText() {
    return "If true, one numeric attribute logit_<class value> per class is output after the "
      + "scores, holding the calibrated logit a x + b.";
  }

  /** @return whether the logits are output */
  public boolean getOutputLogits() {
    return m_OutputLogits;
  }

  /** @param value whether to output the logits */
  public void setOutputLogits(boolean value) {
    m_OutputLogits = value;
  }

  /** @return the tip text of the outputLabels property */
  public String outputLabelsTipText() {
    return "If true, one nominal attribute label_<class value> with values {0,1} per class "
      + "is output last; MEKA output always has the labels.";
  }

  /** @return whether the labels are output */
  public boolean getOutputLabels() {
    return m_OutputLabels;
  }

  /** @param value whether to output the labels */
  public void setOutputLabels(boolean value) {
    m_OutputLabels = value;
  }

  /** @return the tip text of the threshold property */
  public String thresholdTipText() {
    return "The score at or above which a class is a label.";
  }

  /** @return the threshold */
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

  /** @return the tip text of the keepTop property */
  public String keepTopTipText() {
    return "If true, the top-scoring class is always a label, so no label set is empty.";
  }

  /** @return whether the top class is always a label */
  public boolean getKeepTop() {
    return m_KeepTop;
  }

  /** @param value whether the top class is always a label */
  public void setKeepTop(boolean value) {
    m_KeepTop = value;
  }

  /** @return the tip text of the tolerance property */
  public String toleranceTipText() {
    return "The largest accepted distance of a row's sum from 1. The default 0.001 accepts "
      + "probabilities printed with 4 decimals for up to 20 classes.";
  }

  /** @return the tolerance */
  public double getTolerance() {
    return m_Tolerance;
  }

  /** @param value the tolerance, finite and at least 0 */
  public void setTolerance(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -tolerance must be a finite number >= 0, "
        + "found " + value + "; use for example " + ProbabilityConversion.DEFAULT_TOLERANCE
        + ".");
    }
    m_Tolerance = value;
  }

  /** @return the tip text of the renormalize property */
  public String renormalizeTipText() {
    return "If true, a row that does not sum to 1 is divided by its sum, and a row with a "
      + "negative or infinite probability gets missing outputs, instead of an error.";
  }

  /** @return whether rows are renormalised */
  public boolean getRenormalize() {
    return m_Renormalize;
  }

  /** @param value whether to renormalise rows */
  public void setRenormalize(boolean value) {
    m_Renormalize = value;
  }

  /** @return the tip text of the mekaOutput property */
  public String mekaOutputTipText() {
    return "If true, the output follows MEKA's multi-label layout: one 0/1 attribute per "
      + "class value first, relation name '<name>: -C L', and no class attribute.";
  }

  /** @return whether MEKA's layout is written */
  public boolean getMekaOutput() {
    return m_MekaOutput;
  }

  /** @param value whether to write MEKA's layout */
  public void setMekaOutput(boolean value) {
    m_MekaOutput = value;
  }

  /** @return the tip text of the keepClass property */
  public String keepClassTipText() {
    return "If true, MEKA output keeps the original class attribute as a feature.";
  }

  /** @return whether MEKA output keeps the class attribute */
  public boolean getKeepClass() {
    return m_KeepClass;
  }

  /** @param value whether MEKA output keeps the class attribute */
  public void setKeepClass(boolean value) {
    m_KeepClass = value;
  }

  // ------------------------------------------------------------------- format

  /**
   * Accepts every attribute and class type and data without a class: the
   * class values may come from -class-values or the model file instead.
   */
  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.enableAll();
    result.enable(Capability.NO_CLASS);
    result.setMinimumNumberInstances(0);
    return result;
  }

  /**
   * Sets the input format, matches the probability columns to class values and
   * defines the output format, which is available at once.
   *
   * @return true
   * @throws IllegalArgumentException naming the option or column when the columns
   *           cannot be matched, or the model file does not fit
   */
  @Override
  public boolean setInputFormat(Instances instanceInfo) throws Exception {
    super.setInputFormat(instanceInfo);
    SoftmaxToSigmoid model = usesModelFile() ? StoredModel.read(m_ModelFile) : null;
    String[] classNames = classNames(instanceInfo, model);
    m_ProbabilityColumns = probabilityColumns(instanceInfo, classNames);
    checkNumericColumns(instanceInfo);
    m_Conversion = conversion(model, classNames, columnNames(instanceInfo));
    m_CopiedAttributes = copiedAttributes(instanceInfo);
    setOutputFormat(outputFormat(instanceInfo, classNames));
    if (m_MekaOutput) {
      outputFormatPeek().setRelationName(MekaOutput.relationName(instanceInfo.relationName(),
        classNames.length));
    }
    return true;
  }

  /**
   * Returns the class values in output order: the model's when a model file is
   * given, else those of the nominal class, else those of -class-values.
   */
  private String[] classNames(Instances data, SoftmaxToSigmoid model) {
    String[] listed = ProbabilityColumns.splitList(m_ClassValues);
    if (listed.length > 0 && m_AttributeIndices.isEmpty()
      && (model != null || data.classIndex() >= 0 && data.classAttribute().isNominal())) {
      throw new IllegalArgumentException("Option -class-values gives the class of each "
        + "column selected with -R, and the class values are already known from "
        + (model != null ? "the model file" : "the nominal class '"
          + data.classAttribute().name() + "'") + ". Select the columns with -R, or leave "
        + "-class-values out.");
    }
    if (model != null) {
      String[] result = values(model.getTrainedClassAttribute());
      StoredModel.checkClassValues(data, result, m_ModelFile);
      return result;
    }
    if (data.classIndex() >= 0 && data.classAttribute().isNominal()) {
      return values(data.classAttribute());
    }
    if (listed.length > 0) {
      return listed;
    }
    String reason = data.classIndex() < 0 ? "no class attribute is set"
      : "the class '" + data.classAttribute().name() + "' is "
        + Attribute.typeToString(data.classAttribute());
    throw new IllegalArgumentException("The probability columns are matched to class values "
      + "by name, but " + reason + ". Set a nominal class (with -c on the command line), "
      + "or name each column's class with -class-values.");
  }

  /**
   * Builds the conversion from the model file, or from the gauge, calibration and
   * threshold options.
   */
  private ProbabilityConversion conversion(SoftmaxToSigmoid model, String[] classNames,
    String[] columnNames) {
    if (model != null) {
      return ProbabilityConversion.forModel(model.getInversion(),
        model.getCalibrationMap(), model.getLabelSetRule(), columnNames, m_Tolerance,
        m_Renormalize);
    }
    int numClasses = classNames.length;
    CalibrationMap calibration = LinearCalibration.perClass(
      perClass("scales", m_Scales, m_Scale, classNames), perClass("offsets", m_Offsets,
        m_Offset, classNames));
    LabelSetRule rule = LabelSetRule.uniform(ThresholdRule.FIXED, numClasses, m_Threshold,
      m_KeepTop);
    if (m_Gauge == Gauge.ONE_VS_REST) {
      return ProbabilityConversion.forIndependentProbabilities(m_Smoothing, calibration, rule,
        columnNames, m_Tolerance, m_Renormalize);
    }
    SoftmaxInversion inversion = new SoftmaxInversion(m_Gauge,
      Gauge.referenceIndex(m_ReferenceClass, classNames), m_LogZ, m_Smoothing, classNames);
    return ProbabilityConversion.forDistributions(inversion, calibration, rule, columnNames,
      m_Tolerance, m_Renormalize);
  }

  /** Returns one value per class: the list's entries, or the shared value when it is empty. */
  private static double[] perClass(String option, String list, double shared,
    String[] classNames) {
    double[] values = parseNumbers(option, list);
    double[] result = new double[classNames.length];
    if (values.length == 0) {
      java.util.Arrays.fill(result, shared);
      return result;
    }
    if (values.length != classNames.length) {
      throw new IllegalArgumentException("Option -" + option + " lists " + values.length
        + " numbers for " + classNames.length + " class values; give one per class value, "
        + "in the order " + String.join(",", classNames) + ".");
    }
    return values;
  }

  private int[] probabilityColumns(Instances data, String[] classNames) {
    String[] attributeNames = new String[data.numAttributes()];
    for (int j = 0; j < attributeNames.length; j++) {
      attributeNames[j] = data.attribute(j).name();
    }
    if (m_AttributeIndices.isEmpty()) {
      return ProbabilityColumns.byPrefix(attributeNames, classNames, m_Prefix);
    }
    int[] selected = ProbabilityColumns.selectRange(m_AttributeIndices, data.numAttributes());
    if (data.classIndex() >= 0) {
      ProbabilityColumns.checkClassNotSelected(selected, data.classIndex(),
        data.classAttribute().name());
    }
    String[] listed = ProbabilityColumns.splitList(m_ClassValues);
    if (listed.length > 0) {
      return ProbabilityColumns.byListedClasses(attributeNames, selected, listed, classNames,
        m_Prefix);
    }
    return ProbabilityColumns.byName(attributeNames, selected, classNames, m_Prefix);
  }

  private void checkNumericColumns(Instances data) {
    for (int column : m_ProbabilityColumns) {
      Attribute attribute = data.attribute(column);
      if (column == data.classIndex()) {
        throw new IllegalArgumentException("Probability column " + (column + 1) + " '"
          + attribute.name() + "' is the class attribute; select the probability columns "
          + "only.");
      }
      if (!attribute.isNumeric()) {
        throw new IllegalArgumentException("Probability column " + (column + 1) + " '"
          + attribute.name() + "' is " + Attribute.typeToString(attribute) + "; probability "
          + "columns must be numeric.");
      }
    }
  }

  private String[] columnNames(Instances data) {
    String[] result = new String[m_ProbabilityColumns.length];
    for (int k = 0; k < result.length; k++) {
      result[k] = data.attribute(m_ProbabilityColumns[k]).name();
    }
    return result;
  }

  private int[] copiedAttributes(Instances data) {
    Set<Integer> probability = new HashSet<Integer>();
    for (int column : m_ProbabilityColumns) {
      probability.add(column);
    }
    List<Integer> copied = new ArrayList<Integer>();
    for (int j = 0; j < data.numAttributes(); j++) {
      boolean dropClass = m_MekaOutput && !m_KeepClass && j == data.classIndex();
      if (!dropClass && !(m_Replace && probability.contains(j))) {
        copied.add(j);
      }
    }
    int[] result = new int[copied.size()];
    for (int j = 0; j < result.length; j++) {
      result[j] = copied.get(j);
    }
    return result;
  }

  private Instances outputFormat(Instances data, String[] classNames) {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    int classPosition = -1;
    for (int j : m_CopiedAttributes) {
      if (j == data.classIndex()) {
        classPosition = attributes.size();
      }
      attributes.add((Attribute) data.attribute(j).copy());
    }
    attributes.addAll(appendedAttributes(classNames, SCORE_PREFIX, null));
    if (m_OutputLogits) {
      attributes.addAll(appendedAttributes(classNames, LOGIT_PREFIX, null));
    }
    if (m_MekaOutput) {
      if (!m_Replace) {
        checkMekaLabelNames(data, classNames);
      }
      return MekaOutput.header(data.relationName(), classNames, attributes);
    }
    if (m_OutputLabels) {
      attributes.addAll(appendedAttributes(classNames, LABEL_PREFIX, new String[] {"0", "1"}));
    }
    checkUniqueNames(attributes);
    Instances result = new Instances(data.relationName(), attributes, 0);
    result.setClassIndex(classPosition);
    return result;
  }

  private static List<Attribute> appendedAttributes(String[] classNames, String prefix,
    String[] nominalValues) {
    List<Attribute> result = new ArrayList<Attribute>();
    for (String className : classNames) {
      result.add(nominalValues == null ? new Attribute(prefix + className)
        : new Attribute(prefix + className, java.util.Arrays.asList(nominalValues)));
    }
    return result;
  }

  /**
   * Rejects a kept probability column named exactly after a class value, because MEKA's
   * label attribute takes that name. The message gives -replace, the direct fix.
   */
  private void checkMekaLabelNames(Instances data, String[] classNames) {
    Set<String> labels = new HashSet<String>(Arrays.asList(classNames));
    for (int column : m_ProbabilityColumns) {
      String name = data.attribute(column).name();
      if (labels.contains(name)) {
        throw new IllegalArgumentException("With -meka, the label attribute of class value '"
          + name + "' takes the name of probability column " + (column + 1) + ". Set "
          + "-replace to leave the probability columns out of the output, or rename them "
          + "first, for example with weka.filters.unsupervised.attribute.RenameAttribute.");
      }
    }
  }

  private static void checkUniqueNames(List<Attribute> attributes) {
    Set<String> names = new HashSet<String>();
    for (Attribute attribute : attributes) {
      if (!names.add(attribute.name())) {
        throw new IllegalArgumentException("The output would have two attributes named '"
          + attribute.name() + "'. Rename or remove the input attribute first, for example "
          + "with weka.filters.unsupervised.attribute.RenameAttribute, or set -replace if it "
          + "is a probability column.");
      }
    }
  }

  private static String[] values(Attribute nominal) {
    String[] result = new String[nominal.numValues()];
    for (int k = 0; k < result.length; k++) {
      result[k] = nominal.value(k);
    }
    return result;
  }

  // --------------------------------------------------------------- processing

  /**
   * Converts one instance and makes it available at once.
   *
   * @return true
   * @throws IllegalArgumentException naming the row, the column and the value when the
   *           row is not a valid distribution and -renormalize is not set
   */
  @Override
  public boolean input(Instance instance) throws Exception {
    if (getInputFormat() == null) {
      throw new IllegalStateException("No input instance format defined; call "
        + "setInputFormat first.");
    }
    if (m_NewBatch) {
      resetQueue();
      m_NewBatch = false;
      m_Row = 0;
      m_InvalidRows = 0;
    }
    m_Row++;
    push(convert(instance), false);
    return true;
  }

  /**
   * Ends the batch and logs how many rows got missing outputs because they were
   * not valid distributions.
   */
  @Override
  public boolean batchFinished() throws Exception {
    if (getInputFormat() == null) {
      throw new IllegalStateException("No input instance format defined; call "
        + "setInputFormat first.");
    }
    if (m_InvalidRows > 0) {
      LOGGER.warning(m_InvalidRows + " of " + m_Row + " rows had a negative, infinite or "
        + "out-of-range probability or summed to 0, and got missing scores (-renormalize).");
    }
    return super.batchFinished();
  }

  private Instance convert(Instance input) {
    int numClasses = m_ProbabilityColumns.length;
    double[] probabilities = new double[numClasses];
    for (int k = 0; k < numClasses; k++) {
      probabilities[k] = input.value(m_ProbabilityColumns[k]);
    }
    double[] logits = new double[numClasses];
    double[] scores = new double[numClasses];
    double[] labels = new double[numClasses];
    ProbabilityConversion.Status status = m_Conversion.convert(probabilities, m_Row, logits,
      scores, labels);
    if (status != ProbabilityConversion.Status.CONVERTED) {
      java.util.Arrays.fill(logits, Utils.missingValue());
      java.util.Arrays.fill(scores, Utils.missingValue());
      java.util.Arrays.fill(labels, Utils.missingValue());
    }
    if (status == ProbabilityConversion.Status.INVALID) {
      m_InvalidRows++;
    }

    double[] values = new double[outputFormatPeek().numAttributes()];
    int position = 0;
    if (m_MekaOutput) {
      position = copyInto(values, position, labels);
    }
    for (int j : m_CopiedAttributes) {
      values[position++] = input.value(j);
    }
    position = copyInto(values, position, scores);
    if (m_OutputLogits) {
      position = copyInto(values, position, logits);
    }
    if (m_OutputLabels && !m_MekaOutput) {
      copyInto(values, position, labels);
    }

    Instance output = input instanceof SparseInstance
      ? new SparseInstance(input.weight(), values) : new DecimalTextInstance(input.weight(), values);
    Instances source = input.dataset() != null ? input.dataset() : getInputFormat();
    copyValues(output, false, source, outputFormatPeek());
    return output;
  }

  private static int copyInto(double[] target, int position, double[] source) {
    System.arraycopy(source, 0, target, position, source.length);
    return position + source.length;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  /**
   * Runs the filter from the command line; -h lists the options.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    FilterCommandLine.run(new ProbabilitiesToSigmoid(), args);
  }

  /**
   * Runs the filter for weka.Run, as {@link #main} does.
   *
   * @param toRun the filter to run
   * @param options the command-line options
   */
  @Override
  public void run(Object toRun, String[] options) {
    FilterCommandLine.run(toRun, options);
  }
}
