package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
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

  /** Returns the text of both instance kinds, formatted in a new thread in a locale. */
  private static String[] textsInLocale(Locale locale, Instances header, double[] values)
    throws Exception {
    Locale saved = Locale.getDefault();
    String[] texts = new String[2];
    Throwable[] failure = new Throwable[1];
    try {
      Locale.setDefault(locale);
      // Weka creates its DecimalFormat once per thread, in the locale of that moment.
      Thread thread = new Thread(() -> {
        try {
          Instance reference = new DenseInstance(1.0, values.clone());
          Instance fast = new DecimalTextInstance(1.0, values.clone());
          reference.setDataset(header);
          fast.setDataset(header);
          texts[0] = reference.toString();
          texts[1] = fast.toString();
        } catch (Throwable e) {
          failure[0] = e;
        }
      });
      thread.start();
      thread.join();
    } finally {
      Locale.setDefault(saved);
    }
    if (failure[0] != null) {
      throw new AssertionError(failure[0]);
    }
    return texts;
  }

  @Test
  void localeDigitsAndMinusSignMatchWeka() throws Exception {
    // With the JDK's CLDR data, Swedish formats the minus sign as U+2212 and Egyptian
    // Arabic writes Arabic-Indic digits. The text must still equal Weka's own.
    Instances header = mixedHeader();
    double[] values = {-0.25, 1, 0, header.attribute(3).parseDate("2026-12-04"), -12.5};
    String[] swedish = textsInLocale(new Locale("sv", "SE"), header, values);
    assertTrue(swedish[0].contains("\u2212"), swedish[0]);
    assertEquals(swedish[0], swedish[1]);
    String[] arabic = textsInLocale(new Locale("ar", "EG"), header, values);
    assertTrue(arabic[0].contains("\u0662"), arabic[0]);
    assertEquals(arabic[0], arabic[1]);
    String[] english = textsInLocale(Locale.US, header, values);
    assertEquals(english[0], english[1]);
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
