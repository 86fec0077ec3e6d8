package weka.classifiers.meta.softmaxtosigmoid.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the Weka version that Description.props declares as the oldest one:
 * the Depends line names it, and every Weka class that the compiled package
 * refers to exists in that release's jar.
 *
 * <p>The references are read from the compiled classes with the JDK's jdeps.
 * That check covers classes, not methods, so the package is also installed and
 * run with that release's jar. The run keeps the third-party libraries of the
 * Weka the project builds against, so a library that the old release needs in
 * another version would go unnoticed.
 */
class MinimumWekaVersionIT {

  private static final String VERSION = System.getProperty(
    "softmaxtosigmoid.weka.minimum.version", "missing");

  @Test
  void dependsLineNamesMinimumVersion() throws Exception {
    File zip = new File(System.getProperty("softmaxtosigmoid.package.zip", "missing"));
    Properties description = new Properties();
    try (ZipFile archive = new ZipFile(zip)) {
      description.load(archive.getInputStream(archive.getEntry("Description.props")));
    }

    assertEquals("weka (>=" + VERSION + ")", description.getProperty("Depends"));
  }

  @Test
  void minimumWekaHasEveryReferencedClass() throws Exception {
    File jar = new File(System.getProperty("softmaxtosigmoid.weka.minimum.jar", "missing"));
    assertTrue(jar.isFile(), "Weka " + VERSION + " jar " + jar + " not found; 'mvn verify' "
      + "copies it in the pre-integration-test phase.");
    Set<String> referenced = referencedWekaClasses();
    assertTrue(referenced.contains("weka.core.Instances"), "jdeps found no Weka references: "
      + referenced);

    Set<String> missing = new TreeSet<>();
    try (ZipFile wekaJar = new ZipFile(jar)) {
      for (String className : referenced) {
        if (wekaJar.getEntry(className.replace('.', '/') + ".class") == null) {
          missing.add(className);
        }
      }
    }

    assertEquals(Set.of(), missing, "classes the package uses but Weka " + VERSION
      + " lacks; raise weka.minimum.version in pom.xml");
  }

  /** Returns the Weka classes, outside this package's own, that the compiled classes use. */
  private static Set<String> referencedWekaClasses() {
    String classes = System.getProperty("softmaxtosigmoid.classes.dir", "target/classes");
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(
      () -> new IllegalStateException("jdeps not found; run the tests on a JDK"));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int exitCode = jdeps.run(new PrintStream(output, true, StandardCharsets.UTF_8),
      new PrintStream(errors, true, StandardCharsets.UTF_8), "-verbose:class", classes);
    assertEquals(0, exitCode, errors.toString(StandardCharsets.UTF_8));

    Set<String> ownClasses = new TreeSet<>();
    Set<String> targets = new TreeSet<>();
    // Lines read "   <source class>   -> <target class>   <module or 'not found'>".
    for (String line : output.toString(StandardCharsets.UTF_8).split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 3 && parts[1].equals("->")) {
        ownClasses.add(parts[0]);
        targets.add(parts[2]);
      }
    }
    targets.removeIf(name -> !name.startsWith("weka.") || ownClasses.contains(name));
    assertFalse(targets.isEmpty(), "no Weka classes in jdeps output:\n" + output);
    return targets;
  }

  @Test
  void packageRunsOnMinimumWeka(@TempDir Path wekaHome) throws Exception {
    File zip = new File(System.getProperty("softmaxtosigmoid.package.zip", "missing"));
    File jar = new File(System.getProperty("softmaxtosigmoid.weka.minimum.jar", "missing"));
    Path t1 = wekaHome.resolve("t1.arff");
    Files.writeString(t1, "@relation t1\n@attribute color {red,blue}\n"
      + "@attribute cls {a,b,c}\n@data\nred,a\nred,a\nblue,b\nblue,b\n",
      StandardCharsets.UTF_8);
    WekaProcess weka = new WekaProcess(wekaHome).wekaJar(jar)
      .jvmOption("-Djava.awt.headless=true");

    WekaProcess.Result version = weka.run(Map.of(), "weka.core.Version");
    assertEquals(VERSION, version.output.lines().findFirst().orElse(""), version.output);
    WekaProcess.Result installed = weka.installPackage(zip);
    assertEquals(0, installed.exitCode, installed.output);
    WekaProcess.Result classified = weka.run(Map.of(), "weka.Run",
      "weka.classifiers.meta.SoftmaxToSigmoid", "-t", t1.toString(), "-T", t1.toString(),
      "-W", "weka.classifiers.trees.J48");
    Path scored = wekaHome.resolve("t1-scored.arff");
    WekaProcess.Result filtered = weka.run(Map.of(), "weka.Run",
      "weka.filters.supervised.attribute.AddSigmoidScores", "-c", "last", "-i", t1.toString(),
      "-o", scored.toString());

    assertEquals(0, classified.exitCode, classified.output);
    assertTrue(classified.output.contains("=== Error on test data ==="), classified.output);
    assertFalse(classified.output.contains("not compatible"), classified.output);
    assertEquals(0, filtered.exitCode, filtered.output);
    assertTrue(Files.readString(scored, StandardCharsets.UTF_8).contains(
      "@attribute score_a numeric"), filtered.output);
  }
}
