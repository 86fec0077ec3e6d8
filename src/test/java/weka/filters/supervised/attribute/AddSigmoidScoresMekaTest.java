package weka.filters.supervised.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileReader;
import java.io.Reader;
import java.io.StringReader;

import meka.core.MLUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.meta.softmaxtosigmoid.AttributeDistributionClassifier;
import weka.core.Instances;
import weka.core.converters.ArffSaver;
import weka.filters.Filter;

/**
 * Writes AddSigmoidScores -meka output to an ARFF file and reads it back with
 * MEKA 1.9.2's own {@code MLUtils.prepareData}, which sets the class index to L.
 */
class AddSigmoidScoresMekaTest {

  @TempDir
  File directory;

  /** Uncalibrated centered scores of the stub base, which reads y from p1..pK. */
  private static final String MODEL = "weka.classifiers.meta.SoftmaxToSigmoid -gauge centered "
    + "-calibrator none -smoothing 0 -W " + AttributeDistributionClassifier.class.getName();

  private static Instances arff(String text) throws Exception {
    Instances data = new Instances(new StringReader(text));
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  private Instances throughMeka(Instances output) throws Exception {
    File file = new File(directory, "meka.arff");
    ArffSaver saver = new ArffSaver();
    saver.setInstances(output);
    saver.setFile(file);
    saver.writeBatch();
    Instances loaded;
    try (Reader reader = new FileReader(file)) {
      loaded = new Instances(reader);
    }
    MLUtils.prepareData(loaded);
    return loaded;
  }

  private static AddSigmoidScores filter(String... extra) throws Exception {
    AddSigmoidScores filter = new AddSigmoidScores();
    String[] options = new String[extra.length + 3];
    options[0] = "-W";
    options[1] = MODEL;
    options[2] = "-meka";
    System.arraycopy(extra, 0, options, 3, extra.length);
    filter.setOptions(options);
    return filter;
  }

  @Test
  void threeClassesLoadInMeka() throws Exception {
    // Centered scores of y = (0.7, 0.2, 0.1) are y / (y + R) with R the geometric mean
    // 0.2410: (0.744, 0.454, 0.293), so only class a is a label at threshold 0.5. The
    // second row (0, 0, 0) has no prediction: every label is missing.
    Instances data = arff("@relation 'run:7'\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute p3 numeric\n@attribute cls {a,b,c}\n@data\n0.7,0.2,0.1,a\n0,0,0,b\n"
      + "0.2,0.4,0.4,c\n");
    AddSigmoidScores filter = filter();
    filter.setInputFormat(data);
    Instances output = Filter.useFilter(data, filter);
    assertEquals("run_7: -C 3", output.relationName());

    Instances loaded = throughMeka(output);
    assertEquals(3, loaded.classIndex());
    assertEquals(3 + 3 + 3, loaded.numAttributes(), "3 labels, p1..p3, 3 scores");
    assertEquals("a", loaded.attribute(0).name());
    assertEquals("c", loaded.attribute(2).name());
    assertEquals(1.0, loaded.instance(0).value(0), 0.0, "row 1, label a");
    assertEquals(0.0, loaded.instance(0).value(1), 0.0, "row 1, label b");
    assertEquals(0.0, loaded.instance(0).value(2), 0.0, "row 1, label c");
    for (int j = 0; j < 3; j++) {
      assertTrue(loaded.instance(1).isMissing(j), "row 2, label " + j + " is missing");
    }
    // y = (0.2, 0.4, 0.4): R = (0.032)^(1/3) = 0.3175; b and c score 0.5575, a 0.3865.
    assertEquals(0.0, loaded.instance(2).value(0), 0.0, "row 3, label a");
    assertEquals(1.0, loaded.instance(2).value(1), 0.0, "row 3, label b");
    assertEquals(1.0, loaded.instance(2).value(2), 0.0, "row 3, label c");
    assertEquals(0.7, loaded.instance(0).value(3), 0.0, "feature p1 kept after the labels");
  }

  @Test
  void twoClassesGiveTwoLabels() throws Exception {
    // K = 2 still writes two label attributes and -C 2, and MEKA sets class index 2.
    Instances data = arff("@relation two\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute cls {yes,no}\n@data\n0.9,0.1,yes\n0.3,0.7,no\n");
    AddSigmoidScores filter = filter();
    filter.setInputFormat(data);
    Instances loaded = throughMeka(Filter.useFilter(data, filter));
    assertEquals(2, loaded.classIndex());
    assertEquals(1.0, loaded.instance(0).value(0), 0.0, "row 1, label yes");
    assertEquals(0.0, loaded.instance(0).value(1), 0.0, "row 1, label no");
    assertEquals(0.0, loaded.instance(1).value(0), 0.0, "row 2, label yes");
    assertEquals(1.0, loaded.instance(1).value(1), 0.0, "row 2, label no");
  }

  @Test
  void keepClassKeepsTheOriginalClass() throws Exception {
    Instances data = arff("@relation two\n@attribute p1 numeric\n@attribute p2 numeric\n"
      + "@attribute cls {yes,no}\n@data\n0.9,0.1,yes\n0.3,0.7,no\n");
    AddSigmoidScores filter = filter("-keep-class", "-logits");
    filter.setInputFormat(data);
    Instances loaded = throughMeka(Filter.useFilter(data, filter));
    assertEquals(2 + 3 + 2 + 2, loaded.numAttributes(), "labels, p1, p2, cls, scores, logits");
    assertEquals("cls", loaded.attribute(4).name());
    assertEquals("no", loaded.instance(1).stringValue(4));
  }
}
