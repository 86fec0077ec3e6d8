package weka.classifiers.meta.softmaxtosigmoid;

import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Test base classifier whose distribution for an instance is the values of its
 * first K numeric non-class attributes, K being the number of classes.
 *
 * <p>Each test row therefore carries its own base distribution, including
 * zeros, NaN (a missing value) and unnormalised rows, which no real classifier
 * produces on demand.
 */
public class AttributeDistributionClassifier extends AbstractClassifier {

  private static final long serialVersionUID = 6412871035546298461L;

  private int[] m_columns;

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    result.enable(Capability.NOMINAL_ATTRIBUTES);
    result.enable(Capability.MISSING_VALUES);
    result.enable(Capability.NOMINAL_CLASS);
    result.enable(Capability.BINARY_CLASS);
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.setMinimumNumberInstances(0);
    return result;
  }

  @Override
  public void buildClassifier(Instances data) throws Exception {
    int numClasses = data.numClasses();
    m_columns = new int[numClasses];
    int found = 0;
    for (int j = 0; j < data.numAttributes() && found < numClasses; j++) {
      if (j != data.classIndex() && data.attribute(j).isNumeric()) {
        m_columns[found++] = j;
      }
    }
    if (found < numClasses) {
      throw new IllegalArgumentException("Need " + numClasses + " numeric attributes to read"
        + " the distribution from, found " + found + ".");
    }
  }

  @Override
  public double[] distributionForInstance(Instance instance) {
    double[] result = new double[m_columns.length];
    for (int k = 0; k < m_columns.length; k++) {
      result[k] = instance.value(m_columns[k]);
    }
    return result;
  }
}
