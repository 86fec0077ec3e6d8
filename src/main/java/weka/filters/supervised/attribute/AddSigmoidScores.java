/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.filters.supervised.attribute;

import java.io.File;
import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import java.util.logging.Logger;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.classifiers.meta.softmaxtosigmoid.DecimalTextInstance;
import weka.classifiers.meta.softmaxtosigmoid.FilterCommandLine;
import weka.classifiers.meta.softmaxtosigmoid.MekaOutput;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.SparseInstance;
import weka.core.Utils;
import weka.core.WeightedAttributesHandler;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;
import weka.filters.SimpleBatchFilter;
import weka.filters.SupervisedFilter;

/**
 * Supervised filter that appends the per-class sigmoid scores of a
 * {@link SoftmaxToSigmoid} model and, optionally, its calibrated logits and
 * 0/1 labels.
 *
 * <p>The model is trained on the first batch (a copy of the {@code -W}
 * classifier) or read from a model file ({@code -serialized}). Every later
 * batch is scored with that model. For each class value {@code v} the filter
 * appends {@code score_v}, then {@code logit_v} with {@code -logits}, then
 * {@code label_v} with {@code -labels}. Input rows, attributes, weights and the
 * class index are kept. As Weka's Filter does for every filter, the output
 * relation name is the input name followed by the filter's class name and
 * options. A row whose base distribution is not valid gets a missing value in
 * every appended attribute.
 */
public class AddSigmoidScores extends SimpleBatchFilter
  implements SupervisedFilter, WeightedInstancesHandler, WeightedAttributesHandler {

  private static final long serialVersionUID = -5240377618957723041L;

  private static final Logger LOGGER = Logger.getLogger(AddSigmoidScores.class.getName());

  /** Name prefix of the appended score attributes, followed by the class value. */
  public static final String SCORE_PREFIX = "score_";

  /** Name prefix of the appended logit attributes, followed by the class value. */
  public static final String LOGIT_PREFIX = "logit_";

  /** Name prefix of the appended label attributes, followed by the class value. */
  public static final String LABEL_PREFIX = "label_";

  /** Untrained model copied and trained on the first batch. */
  private SoftmaxToSigmoid m_Classifier = new SoftmaxToSigmoid();

  /**
   * Model file to score with instead of training. A directory means no file.
   * The field is never null, because Weka's property sheet hides a property
   * whose value is null.
   */
  private File m_SerializedClassifierFile = new File(System.getProperty("user.dir"));

  private boolean m_OutputLogits = false;

  private boolean m_OutputLabels = false;

  /** Whether the output follows MEKA's layout: labels first, relation name with -C L. */
  private boolean m_MekaOutput = false;

  /** Whether MEKA output keeps the original class attribute as a feature. */
  private boolean m_KeepClass = false;

  /** Model that scores the data: trained on the first batch or read from the model file. */
  private SoftmaxToSigmoid m_ScoringModel;

  /**
   * Describes the filter for the Explorer.
   *
   * @return the description
   */
  @Override
  public String globalInfo() {
    return "Appends the per-class sigmoid scores of a SoftmaxToSigmoid model to each "
      + "instance, and optionally its calibrated logits and 0/1 labels.\n\n"
      + "The model is either a copy of the chosen SoftmaxToSigmoid trained on the first "
      + "batch, or a trained model read from a file saved with -d. Later batches are "
      + "scored with the same model. For every class value v the filter appends the "
      + "numeric attribute score_v, then logit_v (with -logits), then the nominal "
      + "attribute label_v with values {0,1} (with -labels), which is 1 for the classes in "
      + "the model's label set. An instance whose base "
      + "distribution is not valid (NaN, negative or all zero) gets a missing value in "
      + "every appended attribute.\n\n"
      + "With -meka the output is MEKA multi-label data: the label attributes, named after "
      + "the class values, come first, the class is removed (or kept with -keep-class), and "
      + "the relation name ends in ': -C <number of classes>'.";
  }

  // ------------------------------------------------------------------ options

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<Option>();
    options.add(new Option("\tThe SoftmaxToSigmoid to train on the first batch: the full "
      + "class name followed by\n\tits options, quoted, for example\n"
      + "\t\"weka.classifiers.meta.SoftmaxToSigmoid -W weka.classifiers.trees.J48 -- -C 0.1\"\n"
      + "\t(default: weka.classifiers.meta.SoftmaxToSigmoid)", "W", 1,
      "-W <classifier specification>"));
    options.add(new Option("\tA file with a trained SoftmaxToSigmoid saved with -d, used "
      + "instead of\n\ttraining -W. A training header stored with it must match the data.",
      "serialized", 1, "-serialized <file>"));
    options.add(new Option("\tAlso append the calibrated logit of each class "
      + "(attributes logit_<class value>).", "logits", 0, "-logits"));
    options.add(new Option("\tAlso append the 0/1 label of each class "
      + "(attributes label_<class value>).", "labels", 0, "-labels"));
    options.add(new Option("\tWrite MEKA's multi-label layout: one {0,1} label attribute "
      + "per class value, named\n\tafter it, first; then the input attributes without the "
      + "class; then the scores\n\tand logits; the relation name becomes '<name>: -C <L>'.",
      "meka", 0, "-meka"));
    options.add(new Option("\tWith -meka, keep the original class attribute as a feature.",
      "keep-class", 0, "-keep-class"));
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setOutputLogits(Utils.getFlag("logits", options));
    setOutputLabels(Utils.getFlag("labels", options));
    setMekaOutput(Utils.getFlag("meka", options));
    setKeepClass(Utils.getFlag("keep-class", options));

    String path = Utils.getOption("serialized", options);
    if (path.isEmpty()) {
      setSerializedClassifierFile(null);
    } else {
      File file = new File(path);
      if (!file.isFile()) {
        throw new FileNotFoundException("Option -serialized: model file '"
          + file.getAbsolutePath() + "' not found. Give the file a SoftmaxToSigmoid was "
          + "saved to with -d.");
      }
      setSerializedClassifierFile(file);
    }

    String specification = Utils.getOption('W', options);
    setClassifier(specification.trim().isEmpty() ? new SoftmaxToSigmoid()
      : classifierFromSpecification(specification));

    super.setOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<String>();
    options.add("-W");
    options.add(getClassifierSpecification());
    if (usesSerializedModel()) {
      options.add("-serialized");
      options.add(m_SerializedClassifierFile.getPath());
    }
    if (m_OutputLogits) {
      options.add("-logits");
    }
    if (m_OutputLabels) {
      options.add("-labels");
    }
    if (m_MekaOutput) {
      options.add("-meka");
    }
    if (m_KeepClass) {
      options.add("-keep-class");
    }
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  /**
   * Creates the classifier that a {@code -W} specification names. The class
   * is resolved with {@link AbstractClassifier#forName}, as Weka resolves the
   * names of other classifiers.
   *
   * @param specification a class name followed by its options
   * @return the configured, untrained classifier
   * @throws IllegalArgumentException if no classifier class of that name is
   *           found, or the class is not a SoftmaxToSigmoid
   * @throws Exception if the classifier rejects its options
   */
  static SoftmaxToSigmoid classifierFromSpecification(String specification) throws Exception {
    String[] parts = Utils.splitOptions(specification);
    String className = parts[0];
    parts[0] = "";

    Classifier created;
    try {
      created = AbstractClassifier.forName(className, null);
    } catch (Exception e) {
      String reason = e instanceof ClassNotFoundException ? "class not found" : e.getMessage();
      throw new IllegalArgumentException("Option -W: cannot create classifier '" + className
        + "' (" + reason + "). Give the full class name, for example "
        + SoftmaxToSigmoid.class.getName() + ".", e);
    }
    if (!(created instanceof SoftmaxToSigmoid)) {
      throw notSoftmaxToSigmoid(created.getClass().getName());
    }

    SoftmaxToSigmoid result = (SoftmaxToSigmoid) created;
    result.setOptions(parts);
    return result;
  }

  private static IllegalArgumentException notSoftmaxToSigmoid(String className) {
    return new IllegalArgumentException("AddSigmoidScores needs a "
      + SoftmaxToSigmoid.class.getName() + " as its classifier, found " + className
      + ". Wrap that classifier, for example -W \"" + SoftmaxToSigmoid.class.getName()
      + " -W " + className + "\".");
  }

  /** @return the class name and options of the classifier, as -W takes them */
  protected String getClassifierSpecification() {
    String options = Utils.joinOptions(m_Classifier.getOptions());
    return (m_Classifier.getClass().getName() + " " + options).trim();
  }

  // --------------------------------------------------------------- properties

  // Each getter's OptionMetadata sets the property's place and tip text in Weka's property
  // sheet. It names no commandLineParamName, so Option.setOptionsForHierarchy, which
  // Filter.setOptions calls, ignores it and listOptions/setOptions alone define
  // the command line.

  private static final String CLASSIFIER_TIP_TEXT =
    "The SoftmaxToSigmoid that is copied and trained on the first batch. Ignored "
    + "when a serialized model file is given.";

  /** @return the tip text of the classifier property */
  public String classifierTipText() {
    return CLASSIFIER_TIP_TEXT;
  }

  /** @return the untrained SoftmaxToSigmoid trained on the first batch */
  @OptionMetadata(displayName = "classifier", description = CLASSIFIER_TIP_TEXT,
    displayOrder = 1)
  public Classifier getClassifier() {
    return m_Classifier;
  }

  /**
   * Sets the SoftmaxToSigmoid to train on the first batch. The property has
   * the type Classifier because Weka 3.8 registers its object editor for that
   * type and not for single classifier classes.
   *
   * @param value a SoftmaxToSigmoid, or a subclass of it
   * @throws IllegalArgumentException if the value is not a SoftmaxToSigmoid
   */
  public void setClassifier(Classifier value) {
    if (!(value instanceof SoftmaxToSigmoid)) {
      throw notSoftmaxToSigmoid(value == null ? "null" : value.getClass().getName());
    }
    m_Classifier = (SoftmaxToSigmoid) value;
  }

  private static final String SERIALIZED_CLASSIFIER_FILE_TIP_TEXT =
    "A file with a trained SoftmaxToSigmoid saved with -d, used instead of training "
    + "the classifier. A directory means no file.";

  /** @return the tip text of the serializedClassifierFile property */
  public String serializedClassifierFileTipText() {
    return SERIALIZED_CLASSIFIER_FILE_TIP_TEXT;
  }

  /** @return the model file, or a directory when the classifier is trained instead */
  @OptionMetadata(displayName = "serializedClassifierFile",
    description = SERIALIZED_CLASSIFIER_FILE_TIP_TEXT, displayOrder = 2)
  public File getSerializedClassifierFile() {
    return m_SerializedClassifierFile;
  }

  /**
   * Sets the model file to score with.
   *
   * @param value the file, or null or a directory to train the classifier instead
   */
  public void setSerializedClassifierFile(File value) {
    m_SerializedClassifierFile = value == null ? new File(System.getProperty("user.dir"))
      : value;
  }

  private static final String OUTPUT_LOGITS_TIP_TEXT =
    "If true, one numeric attribute logit_<class value> per class is appended after "
    + "the scores. It holds the calibrated logit a x + b whose sigmoid is the score.";

  /** @return the tip text of the outputLogits property */
  public String outputLogitsTipText() {
    return OUTPUT_LOGITS_TIP_TEXT;
  }

  /** @return whether the logits are appended */
  @OptionMetadata(displayName = "outputLogits", description = OUTPUT_LOGITS_TIP_TEXT,
    displayOrder = 3)
  public boolean getOutputLogits() {
    return m_OutputLogits;
  }

  /** @param value whether to append the logits */
  public void setOutputLogits(boolean value) {
    m_OutputLogits = value;
  }

  private static final String OUTPUT_LABELS_TIP_TEXT =
    "If true, one nominal attribute label_<class value> with values {0,1} per class "
    + "is appended last. It is 1 when the class is in the model's label set.";

  /** @return the tip text of the outputLabels property */
  public String outputLabelsTipText() {
    return OUTPUT_LABELS_TIP_TEXT;
  }

  /** @return whether the labels are appended */
  @OptionMetadata(displayName = "outputLabels", description = OUTPUT_LABELS_TIP_TEXT,
    displayOrder = 4)
  public boolean getOutputLabels() {
    return m_OutputLabels;
  }

  /** @param value whether to append the labels */
  public void setOutputLabels(boolean value) {
    m_OutputLabels = value;
  }

  private static final String MEKA_OUTPUT_TIP_TEXT =
    "If true, the output follows MEKA's multi-label layout: one {0,1} label attribute per "
    + "class value, named after it, comes first, the class attribute is removed, and the "
    + "relation name ends in ': -C <number of classes>'.";

  /** @return the tip text of the mekaOutput property */
  public String mekaOutputTipText() {
    return MEKA_OUTPUT_TIP_TEXT;
  }

  /** @return whether the output follows MEKA's layout */
  @OptionMetadata(displayName = "mekaOutput", description = MEKA_OUTPUT_TIP_TEXT,
    displayOrder = 5)
  public boolean getMekaOutput() {
    return m_MekaOutput;
  }

  /** @param value whether the output follows MEKA's layout */
  public void setMekaOutput(boolean value) {
    m_MekaOutput = value;
  }

  private static final String KEEP_CLASS_TIP_TEXT =
    "If true, MEKA output keeps the original class attribute as a feature. Used only "
    + "with mekaOutput.";

  /** @return the tip text of the keepClass property */
  public String keepClassTipText() {
    return KEEP_CLASS_TIP_TEXT;
  }

  /** @return whether MEKA output keeps the class attribute */
  @OptionMetadata(displayName = "keepClass", description = KEEP_CLASS_TIP_TEXT,
    displayOrder = 6)
  public boolean getKeepClass() {
    return m_KeepClass;
  }

  /** @param value whether MEKA output keeps the class attribute */
  public void setKeepClass(boolean value) {
    m_KeepClass = value;
  }

  private boolean usesSerializedModel() {
    return !m_SerializedClassifierFile.isDirectory();
  }

  // ------------------------------------------------------------------- format

  /**
   * Returns the capabilities of the model read from the file once the input
   * format is set, and otherwise those of the classifier to train. Any number
   * of instances is accepted.
   */
  @Override
  public Capabilities getCapabilities() {
    Classifier source = m_ScoringModel != null ? m_ScoringModel : m_Classifier;
    Capabilities result = source.getCapabilities();
    result.setOwner(this);
    result.setMinimumNumberInstances(0);
    return result;
  }

  /**
   * Sets the input format. With a model file, reads the model and checks the
   * data against its training header before the capabilities are tested.
   */
  @Override
  public boolean setInputFormat(Instances instanceInfo) throws Exception {
    m_ScoringModel = null;
    checkNominalClass(instanceInfo);
    if (usesSerializedModel()) {
      SerializedScoringModel stored = SerializedScoringModel.read(m_SerializedClassifierFile);
      stored.checkCompatible(instanceInfo);
      m_ScoringModel = stored.model();
      if (stored.header() == null) {
        LOGGER.info("The model file " + m_SerializedClassifierFile + " stores no training "
          + "header, so only the class values of the data were checked against the model.");
      } else {
        LOGGER.fine("Read a trained SoftmaxToSigmoid and its training header from "
          + m_SerializedClassifierFile + ".");
      }
    }
    return super.setInputFormat(instanceInfo);
  }

  private static void checkNominalClass(Instances data) {
    if (data.classIndex() < 0) {
      throw new IllegalArgumentException("AddSigmoidScores needs a nominal class attribute, "
        + "but the class of relation '" + data.relationName() + "' is not set. Set it, for "
        + "example with -c on the command line.");
    }
    if (!data.classAttribute().isNominal()) {
      throw new IllegalArgumentException("AddSigmoidScores needs a nominal class attribute, "
        + "but class '" + data.classAttribute().name() + "' is "
        + Attribute.typeToString(data.classAttribute()) + ". Choose a nominal class or "
        + "discretize it first.");
    }
  }

  /**
   * Copies the input attributes and appends the score, logit and label
   * attributes of every class value, in that order.
   */
  @Override
  protected Instances determineOutputFormat(Instances inputFormat) throws Exception {
    Attribute classAttribute = inputFormat.classAttribute();
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    for (int j = 0; j < inputFormat.numAttributes(); j++) {
      if (j == inputFormat.classIndex() && m_MekaOutput && !m_KeepClass) {
        continue;
      }
      attributes.add((Attribute) inputFormat.attribute(j).copy());
    }
    int firstAppended = attributes.size();

    List<String> labelValues = Arrays.asList("0", "1");
    for (int k = 0; k < classAttribute.numValues(); k++) {
      attributes.add(new Attribute(SCORE_PREFIX + classAttribute.value(k)));
    }
    if (m_OutputLogits) {
      for (int k = 0; k < classAttribute.numValues(); k++) {
        attributes.add(new Attribute(LOGIT_PREFIX + classAttribute.value(k)));
      }
    }
    if (m_OutputLabels && !m_MekaOutput) {
      for (int k = 0; k < classAttribute.numValues(); k++) {
        attributes.add(new Attribute(LABEL_PREFIX + classAttribute.value(k), labelValues));
      }
    }
    checkUniqueNames(inputFormat, attributes.subList(firstAppended, attributes.size()));

    if (m_MekaOutput) {
      String[] classNames = new String[classAttribute.numValues()];
      for (int k = 0; k < classNames.length; k++) {
        classNames[k] = classAttribute.value(k);
      }
      return MekaOutput.header(inputFormat.relationName(), classNames, attributes);
    }
    Instances result = new Instances(inputFormat.relationName(), attributes, 0);
    result.setClassIndex(inputFormat.classIndex());
    return result;
  }

  /**
   * Sets the output format, then restores MEKA's relation name, which Weka's
   * filters otherwise extend with the filter's name and options.
   */
  @Override
  protected void setOutputFormat(Instances outputFormat) {
    super.setOutputFormat(outputFormat);
    if (m_MekaOutput && outputFormatPeek() != null) {
      outputFormatPeek().setRelationName(outputFormat.relationName());
    }
  }

  private static void checkUniqueNames(Instances inputFormat, List<Attribute> appended) {
    for (Attribute attribute : appended) {
      String name = attribute.name();
      if (inputFormat.attribute(name) != null) {
        throw new IllegalArgumentException("Input attribute '" + name + "' has the name of an "
          + "attribute that AddSigmoidScores appends. Rename or remove it first, for example "
          + "with weka.filters.unsupervised.attribute.Remove.");
      }
    }
  }

  // --------------------------------------------------------------- processing

  /**
   * Trains the model on the first batch unless it was read from a file, then
   * appends the scores to every instance.
   */
  @Override
  protected Instances process(Instances instances) throws Exception {
    if (!isFirstBatchDone() && !usesSerializedModel()) {
      m_ScoringModel = trainOnFirstBatch(instances);
    }
    if (m_ScoringModel == null) {
      throw new WekaException("AddSigmoidScores has no trained model because the first batch "
        + "had no instances. Give training data in the first batch.");
    }

    Instances result = getOutputFormat();
    for (int i = 0; i < instances.numInstances(); i++) {
      result.add(scoredInstance(instances.instance(i), result.numAttributes()));
    }
    return result;
  }

  private SoftmaxToSigmoid trainOnFirstBatch(Instances instances) throws Exception {
    SoftmaxToSigmoid model = (SoftmaxToSigmoid) AbstractClassifier.makeCopy(m_Classifier);
    try {
      model.buildClassifier(instances);
    } catch (Exception e) {
      // The class and base names only: the full specification runs to several hundred
      // characters and would hide the cause.
      throw new WekaException("Training SoftmaxToSigmoid with base "
        + model.getClassifier().getClass().getName() + " on the first batch of "
        + instances.numInstances() + " instances failed: " + e.getMessage(), e);
    }
    LOGGER.fine("Trained " + getClassifierSpecification() + " on the first batch of "
      + instances.numInstances() + " instances.");
    return model;
  }

  /**
   * Creates the output instance with the input's weight and sparseness: the
   * input values followed by the appended values, or with -meka the labels,
   * the input values without the class, then the scores and logits.
   */
  private Instance scoredInstance(Instance input, int numOutputAttributes) throws Exception {
    double[] logits = m_ScoringModel.logits(input);
    double[] scores = SoftmaxToSigmoid.scoresFromLogits(logits);
    double[] labels = m_ScoringModel.labelSetFromScores(scores);
    if (hasMissing(logits) || hasMissing(scores) || hasMissing(labels)) {
      // No valid scores: every appended value is missing, so that no label comes from
      // comparing NaN.
      Arrays.fill(logits, Utils.missingValue());
      Arrays.fill(scores, Utils.missingValue());
      Arrays.fill(labels, Utils.missingValue());
    }

    double[] values = new double[numOutputAttributes];
    int position = 0;
    if (m_MekaOutput) {
      position = copyInto(values, position, labels);
    }
    int classIndex = input.classIndex();
    for (int j = 0; j < input.numAttributes(); j++) {
      if (j == classIndex && m_MekaOutput && !m_KeepClass) {
        continue;
      }
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
      ? new SparseInstance(input.weight(), values)
      : new DecimalTextInstance(input.weight(), values);
    // A string or relational value is an index into the input's attribute, so
    // the value is added to the output format and the index updated.
    copyValues(output, false, input.dataset(), outputFormatPeek());
    return output;
  }

  private static int copyInto(double[] target, int position, double[] source) {
    System.arraycopy(source, 0, target, position, source.length);
    return position + source.length;
  }

  private static boolean hasMissing(double[] values) {
    for (double value : values) {
      if (Utils.isMissingValue(value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  /**
   * Runs the filter from the command line; -h lists the options and -b the
   * batch mode that filters a second file with the model of the first.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    FilterCommandLine.run(new AddSigmoidScores(), args);
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
