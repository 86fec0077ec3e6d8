package weka.classifiers.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.CheckClassifier;
import weka.classifiers.Classifier;
import weka.core.Utils;

/**
 * Runs Weka's CheckClassifier on SoftmaxToSigmoid with four bases and on each base alone.
 *
 * <p>CheckClassifier prints one line per check, ending in "yes", "no", "no (OK error
 * message)" (the classifier refused with a message naming the reason, such as "Cannot
 * handle string attributes") or "warning: performs worse than ZeroR". A line passes when:
 * <ul>
 * <li>it ends in "yes";</li>
 * <li>it is "updateable classifier...no" or "multi-instance classifier...no", because the
 * meta-classifier implements neither interface: it needs all training data at once for
 * its calibration set, and it scores single instances, not bags;</li>
 * <li>it concerns a numeric, date, string or relational class and ends in "no (OK error
 * message)", because sigmoid scores exist only per value of a nominal class, so the
 * capabilities reject other classes;</li>
 * <li>for a nominal class, it has the same result as the base's own line, and that result
 * is "no (OK error message)" or the ZeroR warning. The meta-classifier takes its attribute
 * capabilities from the base, so it must refuse exactly what the base refuses
 * (RandomForest: string and relational attributes, zero training instances, all classes
 * missing; NaiveBayes: also date attributes), and a base that is worse than ZeroR on 100 %
 * missing predictor values stays so after calibration.</li>
 * </ul>
 * A plain "no" never passes.
 */
class CheckClassifierTest {

  private static final Pattern RESULT = Pattern.compile("^(.*?)\\.\\.\\.(.*)$");

  private static final Pattern OTHER_CLASS_TYPE =
    Pattern.compile("\\((numeric|date|string|relational) class");

  /** Runs CheckClassifier and returns each check's description with its result. */
  private static Map<String, String> check(Classifier classifier) {
    CheckClassifier checker = new CheckClassifier();
    checker.setClassifier(classifier);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream original = System.out;
    // CheckClassifier prints its results to System.out, so the test captures them there.
    System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
    try {
      checker.doTests();
    } finally {
      System.setOut(original);
    }
    Map<String, String> results = new LinkedHashMap<>();
    for (String line : output.toString(StandardCharsets.UTF_8).split("\\R")) {
      Matcher matcher = RESULT.matcher(line.trim());
      if (matcher.matches()) {
        results.put(matcher.group(1), matcher.group(2).trim());
      }
    }
    return results;
  }

  private static Classifier classifier(String spec) throws Exception {
    String[] options = Utils.splitOptions(spec);
    String name = options[0];
    options[0] = "";
    return AbstractClassifier.forName(name, options);
  }

  /**
   * Checks the meta-classifier against its base. RandomForest has 10 trees instead of 100,
   * which keeps the run short and changes neither its capabilities nor its code paths.
   */
  @ParameterizedTest
  @ValueSource(strings = {"weka.classifiers.trees.RandomForest -I 10",
    "weka.classifiers.bayes.NaiveBayes", "weka.classifiers.trees.J48",
    "weka.classifiers.rules.ZeroR"})
  void checkClassifierFindsNoFault(String base) throws Exception {
    SoftmaxToSigmoid classifier = new SoftmaxToSigmoid();
    classifier.setClassifier(classifier(base));
    Map<String, String> results = check(classifier);
    Map<String, String> baseResults = check(classifier(base));
    // Weka 3.8.6 prints 44 result lines for a classifier of nominal classes.
    assertEquals(44, results.size(), "result lines: " + results);

    for (Map.Entry<String, String> entry : results.entrySet()) {
      String test = entry.getKey();
      String result = entry.getValue();
      String where = base + ": " + test + "..." + result;
      if (result.equals("yes")) {
        continue;
      }
      if (test.equals("updateable classifier") || test.equals("multi-instance classifier")) {
        assertEquals("no", result, where);
        continue;
      }
      if (OTHER_CLASS_TYPE.matcher(test).find()) {
        assertEquals("no (OK error message)", result, where);
        continue;
      }
      if (!result.equals("no (OK error message)")
        && !result.equals("warning: performs worse than ZeroR")) {
        fail(where);
      }
      assertEquals(baseResults.get(test), result, where + " (the base alone gave "
        + baseResults.get(test) + ")");
    }
  }
}
