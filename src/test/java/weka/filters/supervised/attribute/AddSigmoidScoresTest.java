/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.filters.supervised.attribute;

import weka.core.Attribute;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;
import weka.test.ReferenceFiles;

/**
 * Runs Weka's generic filter checks (options, tool tips, batch and incremental
 * use, FilteredClassifier, regression output) on AddSigmoidScores.
 */
public class AddSigmoidScoresTest extends AbstractFilterTest {

  /**
   * A fast, deterministic model: J48 scored through 3-fold cross-validation
   * with SoftmaxToSigmoid's fixed default seed.
   */
  static final String CLASSIFIER_SPECIFICATION = "weka.classifiers.meta.SoftmaxToSigmoid "
    + "-calibration-source cv -folds 3 -W weka.classifiers.trees.J48";

  public AddSigmoidScoresTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    AddSigmoidScores filter = new AddSigmoidScores();
    try {
      filter.setOptions(new String[] {"-W", CLASSIFIER_SPECIFICATION, "-logits", "-labels"});
    } catch (Exception e) {
      throw new IllegalStateException("The test's filter options are invalid: "
        + e.getMessage(), e);
    }
    return filter;
  }

  /**
   * Removes the string attributes, which J48 cannot use, and makes the nominal
   * attribute NominalAtt1 {r, g, b} the class.
   */
  @Override
  protected void setUp() throws Exception {
    super.setUp();
    m_Instances.deleteAttributeType(Attribute.STRING);
    m_Instances.setClassIndex(0);
  }

  /** Fails on a missing reference file, which Weka's harness would silently create. */
  @Override
  public void testRegression() {
    ReferenceFiles.assertExists(getClass());
    super.testRegression();
  }

  /** Checks the appended attributes: 3 scores, 3 logits and 3 labels for {r, g, b}. */
  public void testAppendedAttributes() {
    Instances result = useFilter();

    int numInput = m_Instances.numAttributes();
    assertEquals(numInput + 9, result.numAttributes());
    String[] expected = {"score_r", "score_g", "score_b", "logit_r", "logit_g", "logit_b",
      "label_r", "label_g", "label_b"};
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k], result.attribute(numInput + k).name());
    }
    assertEquals(m_Instances.numInstances(), result.numInstances());
    assertEquals(0, result.classIndex());
  }
}
