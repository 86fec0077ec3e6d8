package weka.classifiers.meta;

import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.Classifier;
import weka.classifiers.trees.J48;
import weka.test.ReferenceFiles;

/**
 * Weka's generic classifier checks for SoftmaxToSigmoid with a deterministic
 * J48 base and 3-fold internal cross-validation.
 */
public class SoftmaxToSigmoidTest extends AbstractClassifierTest {

  public SoftmaxToSigmoidTest(String name) {
    super(name);
  }

  @Override
  public Classifier getClassifier() {
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setClassifier(new J48());
    classifier.setFolds(3);
    return classifier;
  }

  @Override
  public void testRegression() throws Exception {
    ReferenceFiles.assertExists(getClass());
    super.testRegression();
  }
}
