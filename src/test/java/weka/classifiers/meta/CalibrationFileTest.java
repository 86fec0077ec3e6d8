package weka.classifiers.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.meta.softmaxtosigmoid.AttributeDistributionClassifier;
import weka.classifiers.meta.softmaxtosigmoid.LinearCalibration;
import weka.core.Instances;
import weka.core.Utils;

class CalibrationFileTest {

  @TempDir
  Path folder;

  private static final String TRAINING = "@relation train\n@attribute p1 numeric\n"
    + "@attribute p2 numeric\n@attribute p3 numeric\n@attribute cls {a,b,c}\n@data\n"
    + "0.7,0.2,0.1,a\n0.1,0.8,0.1,b\n0.2,0.2,0.6,c\n";

  private File write(String name, String text) throws Exception {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file.toFile();
  }

  private SoftmaxToSigmoid trainedWithFile(File file, String extra) throws Exception {
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setOptions(Utils.splitOptions("-calibration-source file -ridge 0 -smoothing 0 "
      + extra));
    classifier.setCalibrationFile(file);
    classifier.setClassifier(new AttributeDistributionClassifier());
    classifier.buildClassifier(TestData.arff(TRAINING));
    return classifier;
  }

  private static String rows(String classes) {
    // Rows with distributions (0.6,0.3,0.1) and (0.1,0.3,0.6), 4 each, labelled in turn by
    // the given class letters.
    StringBuilder text = new StringBuilder();
    String[] labels = classes.split(",");
    for (int i = 0; i < labels.length; i++) {
      text.append(i % 2 == 0 ? "0.6,0.3,0.1," : "0.1,0.3,0.6,").append(labels[i]).append('\n');
    }
    return text.toString();
  }

  @Test
  void classValuesAreMatchedByName() throws Exception {
    // Case C2, scenario 3: the file declares {b,a,c}; mapping by name must give the same
    // fit as the training order {a,b,c}.
    String classes = "a,c,a,c,b,c,a,b";
    File sameOrder = write("same.arff", "@relation cal\n@attribute p1 numeric\n"
      + "@attribute p2 numeric\n@attribute p3 numeric\n@attribute cls {a,b,c}\n@data\n"
      + rows(classes));
    File otherOrder = write("other.arff", "@relation cal\n@attribute cls {b,a,c}\n"
      + "@attribute p3 numeric\n@attribute p1 numeric\n@attribute p2 numeric\n@data\n"
      + rows(classes).replaceAll("(?m)^([^,]+),([^,]+),([^,]+),(\\w)$", "$4,$3,$1,$2"));
    LinearCalibration expected = (LinearCalibration) trainedWithFile(sameOrder, "")
      .getCalibrationMap();
    LinearCalibration actual = (LinearCalibration) trainedWithFile(otherOrder, "")
      .getCalibrationMap();
    assertEquals(expected.scale(0), actual.scale(0), 0.0);
    assertEquals(expected.offset(0), actual.offset(0), 0.0);
  }

  @Test
  void mekaFileGivesMultiLabelTargets() throws Exception {
    // Every calibration row at y = (0.5, 0.4, 0.1) has labels a and b: with the offset
    // calibrator and the unit gauge, the fitted b makes sigmoid(ln y + b) match the
    // targets' mean on average, and the model output names the MEKA file.
    File meka = write("cal.arff", "@relation 'cal: -C 3'\n@attribute c {0,1}\n"
      + "@attribute a {0,1}\n@attribute b {0,1}\n@attribute p2 numeric\n@attribute p1 numeric\n"
      + "@attribute p3 numeric\n@data\n0,1,1,0.4,0.5,0.1\n0,1,1,0.4,0.5,0.1\n"
      + "0,1,0,0.4,0.5,0.1\n1,0,1,0.4,0.5,0.1\n");
    SoftmaxToSigmoid classifier = trainedWithFile(meka, "-gauge unit -calibrator offset");
    assertTrue(classifier.toString().contains("MEKA multi-label file"), classifier.toString());
    double offset = ((LinearCalibration) classifier.getCalibrationMap()).offset(0);
    // Gradient of the offset fit: sum over the 12 pairs of (t - sigmoid(ln y + b)) = 0,
    // with 3 a-labels, 3 b-labels and 1 c-label.
    double gradient = 7 - 4 * (sigmoid(Math.log(0.5) + offset) + sigmoid(Math.log(0.4) + offset)
      + sigmoid(Math.log(0.1) + offset));
    assertEquals(0.0, gradient, 1e-8);
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void mismatchedFilesAreRejectedByName() throws Exception {
    String header = "@attribute p1 numeric\n@attribute p2 numeric\n@attribute p3 numeric\n";
    Object[][] cases = {
      {"@relation cal\n@attribute p1 numeric\n@attribute p2 numeric\n@attribute cls {a,b,c}\n"
        + "@data\n0.5,0.5,a\n", "has no attribute 'p3'"},
      {"@relation cal\n" + header + "@attribute cls {a,b,z}\n@data\n0.5,0.3,0.2,z\n",
        "Value 'z' of attribute 'cls' in row 1"},
      {"@relation cal\n" + header + "@attribute extra numeric\n@attribute cls {a,b,c}\n"
        + "@data\n0.5,0.3,0.2,1,a\n", "Attribute 'extra'"},
      {"@relation cal\n@attribute p1 {x,y}\n@attribute p2 numeric\n@attribute p3 numeric\n"
        + "@attribute cls {a,b,c}\n@data\nx,0.3,0.2,a\n", "is nominal in calibration file"},
      {"@relation 'cal: -C 3'\n@attribute a {0,1}\n@attribute b {0,1}\n@attribute q {0,1}\n"
        + header + "@data\n1,0,0,0.5,0.3,0.2\n", "Label attribute 'q'"},
      {"@relation 'cal: -C 2'\n@attribute a {0,1}\n@attribute b {0,1}\n"
        + header + "@data\n1,0,0.5,0.3,0.2\n", "Class value 'c' has no label attribute"},
      {"@relation cal\n" + header + "@data\n0.5,0.3,0.2\n", "has no class attribute 'cls'"},
      {"@relation 'cal: -C 2'\n@attribute a {0,1}\n@attribute b {0,1}\n@attribute c {0,1}\n"
        + header + "@data\n1,0,0,0.5,0.3,0.2\n", "attribute 'c' exists, but it is not one of "
        + "the 2 label attributes that -C in the relation name declares. Raise the label "
        + "count of -C, or move the attribute among the labels."},
    };
    for (Object[] c : cases) {
      File file = write("bad.arff", (String) c[0]);
      Exception error = assertThrows(Exception.class, () -> trainedWithFile(file, ""));
      assertTrue(error.getMessage().contains((String) c[1]), error.getMessage());
    }
  }

  @Test
  void missingFileIsReported() throws Exception {
    Exception error = assertThrows(Exception.class,
      () -> trainedWithFile(new File(folder.toFile(), "absent.arff"), ""));
    assertTrue(error.getMessage().contains("not found"), error.getMessage());
    SoftmaxToSigmoid noFile = new SoftmaxToSigmoid();
    noFile.setOptions(Utils.splitOptions("-calibration-source file"));
    Instances data = TestData.arff(TRAINING);
    Exception missing = assertThrows(Exception.class, () -> noFile.buildClassifier(data));
    assertTrue(missing.getMessage().contains("set -calibration-file"), missing.getMessage());
  }
}
