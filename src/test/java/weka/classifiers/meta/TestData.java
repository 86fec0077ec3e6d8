package weka.classifiers.meta;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;

import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/** Small ARFF data sets written inline, and the shared real data sets. */
final class TestData {

  private TestData() {
  }

  /** Parses ARFF text and sets the class to the last attribute. */
  static Instances arff(String text) {
    try {
      Instances data = new Instances(new StringReader(text));
      data.setClassIndex(data.numAttributes() - 1);
      return data;
    } catch (IOException e) {
      throw new IllegalArgumentException("Invalid test ARFF: " + e.getMessage(), e);
    }
  }

  /** t1 of the robustness cases: red,a / red,a / blue,b / blue,b with classes {a,b,c}. */
  static Instances t1() {
    return arff("@relation t1\n@attribute color {red,blue}\n@attribute cls {a,b,c}\n@data\n"
      + "red,a\nred,a\nblue,b\nblue,b\n");
  }

  /** t2: red,a with weight 2 and blue,b. */
  static Instances t2() {
    return arff("@relation t2\n@attribute color {red,blue}\n@attribute cls {a,b,c}\n@data\n"
      + "red,a,{2}\nblue,b\n");
  }

  /** t3: red,a / red,a / blue,b, the unweighted equivalent of t2. */
  static Instances t3() {
    return arff("@relation t3\n@attribute color {red,blue}\n@attribute cls {a,b,c}\n@data\n"
      + "red,a\nred,a\nblue,b\n");
  }

  /**
   * Returns the directory of the project's shared data sets, failing loudly when
   * it is missing.
   */
  static File sharedDataDirectory() {
    String shared = System.getProperty("softmaxtosigmoid.shared.dir",
      new File("..", "shared").getPath());
    File directory = new File(shared, "data");
    if (!directory.isDirectory()) {
      throw new IllegalStateException("Shared data directory " + directory.getAbsolutePath()
        + " not found; the tests need the shared/ folder next to the project (set "
        + "-Dsoftmaxtosigmoid.shared.dir to its location).");
    }
    return directory;
  }

  /** Loads an ARFF file with the class as last attribute. */
  static Instances load(File file) throws Exception {
    if (!file.isFile()) {
      throw new IllegalStateException("Data file " + file.getAbsolutePath() + " not found.");
    }
    Instances data = DataSource.read(file.getPath());
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }
}
