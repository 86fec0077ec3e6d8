package weka.classifiers.meta;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Command-line tool of the tests: loads a saved SoftmaxToSigmoid model, scores an ARFF
 * file and prints one line per instance with the raw bits of every output, so that two
 * runs can be compared bit for bit.
 *
 * <p>Usage: {@code java weka.classifiers.meta.ModelScores <model file> <arff file> [step]},
 * where step scores only every step-th instance (default 1).
 */
public final class ModelScores {

  private ModelScores() {
  }

  /**
   * Formats the outputs for one instance: distributionForInstance, sigmoidScores, logits
   * and labelSet, each value as the hexadecimal of Double.doubleToRawLongBits, separated by
   * spaces, with " | " between the four outputs.
   *
   * @param model the trained model
   * @param instance the instance
   * @return the line
   * @throws Exception if the model cannot score the instance
   */
  public static String line(SoftmaxToSigmoid model, Instance instance) throws Exception {
    double[][] parts = {model.distributionForInstance(instance), model.sigmoidScores(instance),
      model.logits(instance), model.labelSet(instance)};
    StringBuilder result = new StringBuilder();
    for (int p = 0; p < parts.length; p++) {
      result.append(p == 0 ? "" : " |");
      for (double value : parts[p]) {
        result.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(value)));
      }
    }
    return result.toString().trim();
  }

  /**
   * Scores every step-th instance of a data set.
   *
   * @param model the trained model
   * @param data the data, class set
   * @param step the distance between scored instances, at least 1
   * @return one line per scored instance
   * @throws Exception if the model cannot score an instance
   */
  public static List<String> lines(SoftmaxToSigmoid model, Instances data, int step)
    throws Exception {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < data.numInstances(); i += step) {
      result.add(line(model, data.instance(i)));
    }
    return result;
  }

  /**
   * Prints the lines for a model file and a data file, class last.
   *
   * @param args model file, data file and optionally the step
   * @throws Exception if the model or the data cannot be read or scored
   */
  public static void main(String[] args) throws Exception {
    SoftmaxToSigmoid model = SoftmaxToSigmoid.readModel(new File(args[0]));
    Instances data = DataSource.read(args[1]);
    data.setClassIndex(data.numAttributes() - 1);
    int step = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (String line : lines(model, data, step)) {
      System.out.println(line);
    }
  }
}
