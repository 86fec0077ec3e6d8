package weka.filters.unsupervised.attribute;

import weka.core.Instances;
import weka.core.Utils;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;
import weka.test.ReferenceFiles;

/**
 * Weka's generic filter checks for ProbabilitiesToSigmoid on data with a
 * string attribute, a nominal class, probability columns in another order than
 * the class values, a missing probability and instance weights.
 */
public class ProbabilitiesToSigmoidTest extends AbstractFilterTest {

  /** Rows whose probability columns are named distribution_<class value>. */
  private static final String DATA = "@relation probabilities\n"
    + "@attribute id string\n"
    + "@attribute x numeric\n"
    + "@attribute distribution_c numeric\n"
    + "@attribute distribution_a numeric\n"
    + "@attribute distribution_b numeric\n"
    + "@attribute cls {a,b,c}\n"
    + "@data\n"
    + "r1,1.5,0.1,0.7,0.2,a\n"
    + "r2,2.0,0.05,0.05,0.9,b,{2}\n"
    + "r3,0.5,0.6,0.2,0.2,c\n"
    + "r4,?,0.333333,0.333333,0.333333,a\n"
    + "r5,3.0,?,0.5,0.5,b\n"
    + "r6,1.0,0,1,0,a\n"
    + "r7,2.5,0.25,0.25,0.5,?\n";

  public ProbabilitiesToSigmoidTest(String name) {
    super(name);
  }

  @Override
  protected void setUp() throws Exception {
    super.setUp();
    m_Instances = ProbabilityTables.arff(DATA);
  }

  @Override
  public Filter getFilter() {
    ProbabilitiesToSigmoid filter = new ProbabilitiesToSigmoid();
    try {
      filter.setOptions(Utils.splitOptions("-logits -labels -scale 1.5 -offset -0.25"));
    } catch (Exception e) {
      throw new IllegalStateException("Invalid test options: " + e.getMessage(), e);
    }
    return filter;
  }

  /** Returns data without the string attribute, which J48 inside FilteredClassifier rejects. */
  @Override
  protected Instances getFilteredClassifierData() throws Exception {
    Instances data = new Instances(m_Instances);
    data.deleteAttributeAt(0);
    data.deleteWithMissingClass();
    return data;
  }

  @Override
  public void testRegression() {
    ReferenceFiles.assertExists(getClass());
    super.testRegression();
  }
}
