package weka.classifiers.meta.softmaxtosigmoid.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the package zip into an empty WEKA_HOME and checks it as a Weka 3.8
 * user meets it. The class trees list the classifier and the filter, and
 * weka.Run finds both by their short names and runs them on a small data set.
 * The package is compatible with this Weka, and the package manager describes
 * the archive completely.
 */
class PackageDiscoveryIT {

  private static final String PACKAGE_NAME = "softmaxToSigmoid";

  private static final String CLASSIFIER = "weka.classifiers.meta.SoftmaxToSigmoid";

  private static final String FILTER = "weka.filters.supervised.attribute.AddSigmoidScores";

  /** Two colours and three classes, of which c never occurs. */
  private static final String T1 = "@relation t1\n@attribute color {red,blue}\n"
    + "@attribute cls {a,b,c}\n@data\nred,a\nred,a\nblue,b\nblue,b\n";

  @TempDir
  static Path wekaHome;

  private static File zip;

  private static Path t1;

  private static WekaProcess weka;

  @BeforeAll
  static void installPackage() throws Exception {
    zip = new File(System.getProperty("softmaxtosigmoid.package.zip", "missing"));
    assertTrue(zip.isFile(), "Package zip " + zip + " not found; run 'mvn verify'.");
    t1 = wekaHome.resolve("t1.arff");
    Files.writeString(t1, T1, StandardCharsets.UTF_8);

    weka = new WekaProcess(wekaHome).jvmOption("-Djava.awt.headless=true")
      .withClasses(wekaHome, ClassDiscoveryProbe.class);
    WekaProcess.Result installed = weka.installPackage(zip);
    assertEquals(0, installed.exitCode, installed.output);
  }

  private static WekaProcess.Result probe() throws Exception {
    WekaProcess.Result result = weka.run(Map.of(), ClassDiscoveryProbe.class.getName(),
      PACKAGE_NAME, "weka.classifiers.Classifier", "weka.filters.Filter");
    assertEquals(0, result.exitCode, result.output);
    return result;
  }

  private static List<String> discovered(WekaProcess.Result probe, String key) {
    String prefix = "CLASSES " + key + "=";
    return probe.output.lines().filter(line -> line.startsWith(prefix))
      .map(line -> Arrays.asList(line.substring(prefix.length()).split(",")))
      .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " line in\n"
        + probe.output));
  }

  @Test
  void classTreesListClassifierAndFilter() throws Exception {
    WekaProcess.Result result = probe();

    assertTrue(discovered(result, "weka.classifiers.Classifier").contains(CLASSIFIER),
      result.output);
    assertTrue(discovered(result, "weka.filters.Filter").contains(FILTER), result.output);
  }

  @Test
  void dependencyAcceptsThisWeka() throws Exception {
    WekaProcess.Result result = probe();

    assertTrue(result.output.contains("COMPATIBLE=true"), result.output);
    assertTrue(result.output.contains("DEPENDS=weka (>=" + System.getProperty(
      "softmaxtosigmoid.weka.minimum.version") + ")"), result.output);
  }

  @Test
  void runFindsClassifierByShortName() throws Exception {
    WekaProcess.Result result = weka.run(Map.of(), "weka.Run", "SoftmaxToSigmoid", "-t",
      t1.toString(), "-T", t1.toString(), "-W", "weka.classifiers.trees.J48", "--", "-C",
      "0.1");

    assertEquals(0, result.exitCode, result.output);
    assertTrue(result.output.contains("Base classifier:    weka.classifiers.trees.J48 -C 0.1"),
      result.output);
    assertTrue(result.output.contains("=== Error on test data ==="), result.output);
    assertFalse(result.output.contains("Illegal options"), result.output);
  }

  @Test
  void runFindsFilterByShortName() throws Exception {
    Path scored = wekaHome.resolve("t1-scored.arff");

    WekaProcess.Result result = weka.run(Map.of(), "weka.Run", "AddSigmoidScores", "-c",
      "last", "-i", t1.toString(), "-o", scored.toString());

    assertEquals(0, result.exitCode, result.output);
    String arff = Files.readString(scored, StandardCharsets.UTF_8);
    assertTrue(arff.contains("@attribute score_a numeric"), arff);
    assertTrue(arff.contains("@attribute score_c numeric"), arff);
  }

  /** Reads the "Key:\tvalue" lines that -package-info prints. */
  private static Map<String, String> packageInfo(String output) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      int separator = line.indexOf(":\t");
      if (separator > 0) {
        result.put(line.substring(0, separator).trim(), line.substring(separator + 2).trim());
      }
    }
    return result;
  }

  @Test
  void packageInfoDescribesArchive() throws Exception {
    WekaProcess.Result result = weka.run(Map.of(), "weka.core.WekaPackageManager", "-offline",
      "-package-info", "archive", zip.getPath());
    assertEquals(0, result.exitCode, result.output);
    Map<String, String> info = packageInfo(result.output);

    for (String key : List.of("PackageName", "Version", "Date", "Title", "Category", "Author",
      "Maintainer", "License", "Description", "URL", "PackageURL", "Depends")) {
      assertTrue(info.containsKey(key), key + " missing from\n" + result.output);
      assertFalse(info.get(key).isEmpty(), key + " is empty in\n" + result.output);
      assertFalse(info.get(key).contains("${"), key + " is not filled in: " + info.get(key));
    }
    assertEquals(PACKAGE_NAME, info.get("PackageName"));
    assertEquals(System.getProperty("softmaxtosigmoid.package.version"), info.get("Version"));
    assertEquals("Classification", info.get("Category"));
    assertTrue(info.get("Description").contains(CLASSIFIER), info.get("Description"));
    assertTrue(info.get("Description").contains(FILTER), info.get("Description"));
  }

  @Test
  void zipContainsApiDocumentation() throws Exception {
    try (ZipFile archive = new ZipFile(zip)) {
      assertNotNull(archive.getEntry("doc/index.html"), "doc/index.html missing");
      ZipEntry page = archive.getEntry("doc/weka/classifiers/meta/SoftmaxToSigmoid.html");
      assertNotNull(page, "javadoc page of SoftmaxToSigmoid missing");
      String html = new String(archive.getInputStream(page).readAllBytes(),
        StandardCharsets.UTF_8);
      assertTrue(html.contains("gaugeTipText"), "the page documents no properties");
    }
  }
}
