package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weka.filters.unsupervised.attribute.ProbabilityTables.arff;
import static weka.filters.unsupervised.attribute.ProbabilityTables.filter;

import java.io.File;
import java.io.FileReader;
import java.io.Reader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import meka.core.MLUtils;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ArffSaver;

/**
 * Writes -meka output to an ARFF file and reads it back with MEKA 1.9.2's own
 * {@code MLUtils.prepareData}, which sets the class index to L.
 */
class ProbabilitiesToSigmoidMekaTest {

  @TempDir
  File directory;

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

  private static double[] labels(Instances data, int row, int numLabels) {
    double[] result = new double[numLabels];
    for (int j = 0; j < numLabels; j++) {
      result[j] = data.instance(row).value(j);
    }
    return result;
  }

  @Test
  void threeLabelsLoadInMeka() throws Exception {
    // Max gauge without smoothing: the top class scores exactly 0.5, so it is a label
    // (score >= 0.5), and a tie at the top gives two labels.
    Instances data = arff("@relation 'run:7'\n@attribute x numeric\n"
      + "@attribute distribution_a numeric\n@attribute distribution_b numeric\n"
      + "@attribute distribution_c numeric\n@attribute cls {a,b,c}\n@data\n"
      + "1,0.7,0.2,0.1,a\n2,0.45,0.45,0.1,b\n3,0.1,0.1,0.8,c\n4,?,0.5,0.5,a\n");

    Instances loaded = throughMeka(filter("-meka -gauge maximum -smoothing 0", data));

    assertEquals("run_7: -C 3", loaded.relationName());
    assertEquals(3, loaded.classIndex());
    assertEquals("a", loaded.attribute(0).name());
    assertEquals("b", loaded.attribute(1).name());
    assertEquals("c", loaded.attribute(2).name());
    assertNull(loaded.attribute("cls"));
    assertEquals("x", loaded.attribute(3).name());
    assertEquals("score_a", loaded.attribute(7).name());
    assertArrayEquals(new double[] {1, 0, 0}, labels(loaded, 0, 3));
    assertArrayEquals(new double[] {1, 1, 0}, labels(loaded, 1, 3));
    assertArrayEquals(new double[] {0, 0, 1}, labels(loaded, 2, 3));
    for (double value : labels(loaded, 3, 3)) {
      assertTrue(Utils.isMissingValue(value), "row 4 has a missing probability");
    }
    assertEquals(0.5, loaded.instance(0).value(7), 1e-6);
  }

  @Test
  void twoLabelsGiveClassIndexTwo() throws Exception {
    // K = 2: two label attributes, '-C 2', and MEKA sets the class index to 2.
    Instances data = arff("@relation binary\n@attribute distribution_yes numeric\n"
      + "@attribute distribution_no numeric\n@attribute cls {yes,no}\n@data\n"
      + "0.9,0.1,yes\n0.3,0.7,no\n0.5,0.5,yes\n");

    Instances loaded = throughMeka(filter("-meka -replace -gauge centered", data));

    assertEquals("binary: -C 2", loaded.relationName());
    assertEquals(2, loaded.classIndex());
    assertEquals(4, loaded.numAttributes());
    assertArrayEquals(new double[] {1, 0}, labels(loaded, 0, 2));
    assertArrayEquals(new double[] {0, 1}, labels(loaded, 1, 2));
    assertArrayEquals(new double[] {1, 1}, labels(loaded, 2, 2));
  }

  @Test
  void keepClassKeepsTheClassAsFeature() throws Exception {
    Instances data = arff("@relation binary\n@attribute distribution_yes numeric\n"
      + "@attribute distribution_no numeric\n@attribute cls {yes,no}\n@data\n"
      + "0.9,0.1,yes\n0.3,0.7,no\n");

    Instances loaded = throughMeka(filter("-meka -keep-class -replace", data));

    assertEquals(2, loaded.classIndex());
    assertEquals("cls", loaded.attribute(2).name());
    assertEquals("no", loaded.instance(1).stringValue(2));
  }

  @Test
  void classValueClashingWithAttributeIsRejected() {
    Instances data = arff("@relation clash\n@attribute a numeric\n"
      + "@attribute distribution_a numeric\n@attribute distribution_b numeric\n"
      + "@attribute cls {a,b}\n@data\n1,0.5,0.5,a\n");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> filter("-meka", data));

    assertEquals("The MEKA output would have two attributes named 'a': MEKA names each label "
      + "attribute after its class value. Rename or remove the input attribute first, for "
      + "example with weka.filters.unsupervised.attribute.RenameAttribute.",
      error.getMessage());
  }

  @Test
  void keptColumnNamedAfterClassSuggestsReplace() throws Exception {
    // Columns named a and b, no prefix: MEKA's label attributes a and b would clash with
    // them unless -replace leaves them out.
    Instances data = arff("@relation clash\n@attribute a numeric\n@attribute b numeric\n"
      + "@attribute cls {a,b}\n@data\n0.7,0.3,a\n");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> filter("-R 1-2 -meka", data));

    assertEquals("With -meka, the label attribute of class value 'a' takes the name of "
      + "probability column 1. Set -replace to leave the probability columns out of the "
      + "output, or rename them first, for example with "
      + "weka.filters.unsupervised.attribute.RenameAttribute.", error.getMessage());
    Instances replaced = filter("-R 1-2 -meka -replace", data);
    assertEquals("a", replaced.attribute(0).name());
    assertEquals("b", replaced.attribute(1).name());
  }
}
