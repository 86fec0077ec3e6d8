package weka.classifiers.meta.softmaxtosigmoid.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the built package zip into an empty WEKA_HOME with Weka's own
 * package manager and runs the classifier from the installed copy, the way a
 * user does. Each step runs in a separate JVM whose class path contains Weka and
 * its libraries but not this project's classes, so only the installed package
 * can provide them.
 */
class PackageInstallIT {

  private static final String PACKAGE_NAME = "softmaxToSigmoid";

  private static File zip;

  private static String version;

  private static File glass;

  @TempDir
  Path wekaHome;

  @BeforeAll
  static void locateInputs() {
    zip = new File(System.getProperty("softmaxtosigmoid.package.zip", "missing"));
    version = System.getProperty("softmaxtosigmoid.package.version", "missing");
    glass = new File(System.getProperty("softmaxtosigmoid.data.dir", "data"), "glass.arff");
    assertTrue(zip.isFile(), "Package zip " + zip + " not found; run 'mvn verify', which "
      + "builds it in the package phase.");
    assertTrue(glass.isFile(), "Data file " + glass + " not found.");
  }

  /** Result of a child JVM. */
  private static final class Run {
    final int exitCode;
    final String output;

    Run(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }

  /** Weka and its libraries from this JVM's class path, without the project's own classes. */
  private static String wekaClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
      .filter(entry -> entry.endsWith(".jar"))
      .filter(entry -> !entry.contains(File.separator + "target" + File.separator))
      .filter(entry -> !entry.contains("junit") && !entry.contains("opentest4j")
        && !entry.contains("apiguardian"))
      .collect(Collectors.joining(File.pathSeparator));
  }

  private Run java(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
    command.add("-Djava.awt.headless=true");
    // Keeps Weka's package manager from contacting its online repository.
    command.add("-Dweka.packageManager.offline=true");
    command.add("-cp");
    command.add(wekaClassPath());
    command.addAll(Arrays.asList(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("WEKA_HOME", wekaHome.toString());
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("Timed out: " + command);
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private Run install(File packageZip) throws IOException, InterruptedException {
    return java("weka.core.WekaPackageManager", "-offline", "-install-package",
      packageZip.getPath());
  }

  @Test
  void zipHasThePackageLayout() throws IOException {
    try (ZipFile archive = new ZipFile(zip)) {
      List<String> names = archive.stream().map(ZipEntry::getName).collect(Collectors.toList());
      assertTrue(names.contains("Description.props"), names.toString());
      assertTrue(names.contains(PACKAGE_NAME + ".jar"), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.startsWith("src/main/java/")), names.toString());
      assertFalse(names.stream().anyMatch(n -> n.matches("(?i).*weka[^/]*\\.jar")
        && !n.equals(PACKAGE_NAME + ".jar")), "no Weka jar may be shipped: " + names);
      String props = new String(archive.getInputStream(archive.getEntry("Description.props"))
        .readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(props.contains("Version=" + version + "\n"), props);
      assertFalse(props.contains("${"), "unfiltered placeholder in " + props);
    }
  }

  @Test
  void installedPackageIsListedAndRuns() throws Exception {
    Run installed = install(zip);
    assertEquals(0, installed.exitCode, installed.output);

    Run listed = java("weka.core.WekaPackageManager", "-offline", "-list-packages", "installed");
    assertEquals(0, listed.exitCode, listed.output);
    assertTrue(listed.output.contains(PACKAGE_NAME), listed.output);
    assertTrue(listed.output.contains(version), listed.output);

    Run evaluated = java("weka.Run", "weka.classifiers.meta.SoftmaxToSigmoid", "-t",
      glass.getPath(), "-W", "weka.classifiers.trees.RandomForest");
    assertEquals(0, evaluated.exitCode, evaluated.output);
    assertTrue(evaluated.output.contains("SoftmaxToSigmoid: per-class sigmoid scores"),
      evaluated.output);
    assertTrue(evaluated.output.contains("=== Stratified cross-validation ==="),
      evaluated.output);
    assertTrue(evaluated.output.contains("Correctly Classified Instances"), evaluated.output);
  }

  @Test
  void packageDemandingNewerWekaIsNotLoaded() throws Exception {
    // Weka 3.8.6 unpacks an archive from the command line without checking its Depends
    // line. It checks the Weka version only when it loads packages (read in
    // WekaPackageManager.installPackageFromArchive and loadCheck).
    File tooNew = wekaHome.resolve("tooNew.zip").toFile();
    copyWithDependency(zip, tooNew, "weka (>=3.9.9)");
    Run installed = install(tooNew);
    assertEquals(0, installed.exitCode, installed.output);

    Run refused = java("weka.Run", "weka.classifiers.meta.SoftmaxToSigmoid", "-t",
      glass.getPath());
    assertTrue(refused.output.contains("Skipping package " + PACKAGE_NAME
      + " because it is not compatible with Weka"), refused.output);
    assertFalse(refused.output.contains("SoftmaxToSigmoid: per-class sigmoid scores"),
      refused.output);
  }

  /** Copies a package zip, replacing the Depends line of its Description.props. */
  private static void copyWithDependency(File source, File target, String dependency)
    throws IOException {
    try (ZipFile archive = new ZipFile(source);
      ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target.toPath()))) {
      for (ZipEntry entry : archive.stream().collect(Collectors.toList())) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream in = archive.getInputStream(entry)) {
          if (entry.getName().equals("Description.props")) {
            String props = new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replaceAll("(?m)^Depends=.*$", "Depends=" + dependency);
            out.write(props.getBytes(StandardCharsets.UTF_8));
          } else {
            copy(in, out);
          }
        }
        out.closeEntry();
      }
    }
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    in.transferTo(out);
  }
}
