package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The text of a DecimalTextInstance is compared character for character with a
 * DenseInstance holding the same values in the same data set.
 */
class DecimalTextInstanceTest {

  private static Instances mixedHeader() throws Exception {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("score"));
    attributes.add(new Attribute("colour", Arrays.asList("red", "dark blue")));
    attributes.add(new Attribute("note", (java.util.List<String>) null));
    attributes.add(new Attribute("when", "yyyy-MM-dd"));
    attributes.add(new Attribute("logit"));
    Instances header = new Instances("mixed", attributes, 0);
    header.attribute(2).addStringValue("has space");
    header.attribute(2).addStringValue("plain");
    return header;
  }

  private static double[] randomRow(Instances header, Random random) throws Exception {
    double[] values = new double[header.numAttributes()];
    values[0] = random.nextDouble();
    values[1] = random.nextInt(2);
    values[2] = random.nextInt(2);
    values[3] = header.attribute(3).parseDate("2026-12-0" + (1 + random.nextInt(9)));
    values[4] = (random.nextDouble() - 0.5) * 1e4;
    for (int j = 0; j < values.length; j++) {
      if (random.nextInt(10) == 0) {
        values[j] = Utils.missingValue();
      }
    }
    return values;
  }

  @Test
  void everyAttributeTypeMatchesDenseText() throws Exception {
    Instances header = mixedHeader();
    Random random = new Random(3L);
    for (int n = 0; n < 20_000; n++) {
      double[] values = randomRow(header, random);
      double weight = random.nextBoolean() ? 1.0 : random.nextDouble() * 5;
      Instance reference = new DenseInstance(weight, values.clone());
      Instance fast = new DecimalTextInstance(weight, values.clone());
      reference.setDataset(header);
      fast.setDataset(header);
      for (int digits : new int[] {0, 3, 6, 12}) {
        assertEquals(reference.toStringMaxDecimalDigits(digits),
          fast.toStringMaxDecimalDigits(digits), "row " + n + ", " + digits + " digits");
      }
      assertEquals(reference.toString(), fast.toString(), "row " + n);
    }
  }

  @Test
  void textWithoutDataSetEqualsDenseInstance() {
    double[] values = {0.123456789, -2.5, Utils.missingValue(), 1e12};
    assertEquals(new DenseInstance(1.0, values.clone()).toString(),
      new DecimalTextInstance(1.0, values.clone()).toString());
  }

  @Test
  void copiesAndAddedInstancesKeepTheClass() throws Exception {
    Instances header = mixedHeader();
    DecimalTextInstance instance = new DecimalTextInstance(2.0, randomRow(header,
      new Random(1L)));
    instance.setDataset(header);
    assertSame(DecimalTextInstance.class, instance.copy().getClass());
    assertSame(DecimalTextInstance.class, instance.copy(new double[5]).getClass());
    assertSame(header, ((Instance) instance.copy()).dataset());
    Instances data = new Instances(header, 1);
    data.add(instance);
    assertSame(DecimalTextInstance.class, data.instance(0).getClass());
    assertEquals(instance.toString(), data.instance(0).toString());
  }

  private static Object serializedCopy(Object object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(
      new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  @Test
  void serializedCopyIsPlainDenseInstance() throws Exception {
    // A plain DenseInstance can be read back where this package is not installed.
    DecimalTextInstance instance = new DecimalTextInstance(0.25, new double[] {0.1, 7});
    Instance copy = (Instance) serializedCopy(instance);
    assertSame(DenseInstance.class, copy.getClass());
    assertEquals(0.25, copy.weight(), 0.0);
    assertEquals(0.1, copy.value(0), 0.0);
    assertEquals(7, copy.value(1), 0.0);
  }

  @Test
  void serializedDataSetKeepsTextAndLinks() throws Exception {
    Instances header = mixedHeader();
    Instances data = new Instances(header, 3);
    Random random = new Random(5L);
    for (int n = 0; n < 3; n++) {
      data.add(new DecimalTextInstance(1.5, randomRow(header, random)));
    }
    Instances copy = (Instances) serializedCopy(data);
    assertEquals(data.toString(), copy.toString());
    for (int n = 0; n < 3; n++) {
      assertSame(DenseInstance.class, copy.instance(n).getClass(), "row " + n);
      assertSame(copy, copy.instance(n).dataset(), "row " + n);
    }
  }
}
