package weka.filters.unsupervised.attribute;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.CSVLoader;
import weka.filters.Filter;

/** Small probability tables written inline as ARFF or CSV, and a one-call filter run. */
final class ProbabilityTables {

  private ProbabilityTables() {
  }

  /** Parses ARFF text; the class is the attribute named cls, if there is one. */
  static Instances arff(String text) {
    try {
      Instances data = new Instances(new StringReader(text));
      if (data.attribute("cls") != null) {
        data.setClass(data.attribute("cls"));
      }
      return data;
    } catch (IOException e) {
      throw new IllegalArgumentException("Invalid test ARFF: " + e.getMessage(), e);
    }
  }

  /** Loads CSV text with Weka's CSVLoader and the given loader options. */
  static Instances csv(File directory, String text, String loaderOptions) throws Exception {
    File file = File.createTempFile("probabilities", ".csv", directory);
    Files.write(file.toPath(), text.getBytes(StandardCharsets.UTF_8));
    CSVLoader loader = new CSVLoader();
    loader.setOptions(Utils.splitOptions(loaderOptions));
    loader.setSource(file);
    return loader.getDataSet();
  }

  /** Runs ProbabilitiesToSigmoid with the options over the data in one batch. */
  static Instances filter(String options, Instances data) throws Exception {
    ProbabilitiesToSigmoid filter = new ProbabilitiesToSigmoid();
    filter.setOptions(Utils.splitOptions(options));
    filter.setInputFormat(data);
    return Filter.useFilter(data, filter);
  }

  /** Returns the values of the named attributes in one row. */
  static double[] row(Instances data, int row, String... names) {
    double[] result = new double[names.length];
    for (int j = 0; j < names.length; j++) {
      if (data.attribute(names[j]) == null) {
        throw new IllegalArgumentException("No attribute '" + names[j] + "' in " + data);
      }
      result[j] = data.instance(row).value(data.attribute(names[j]));
    }
    return result;
  }
}
