package weka.classifiers.meta.softmaxtosigmoid.packaging;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs Weka in a separate JVM with its own WEKA_HOME, the way a user starts
 * it after installing the package.
 *
 * <p>The class path contains Weka and its libraries from this JVM's class path,
 * without the project's classes, Weka's test jar and JUnit, so the package's
 * classes can only come from the installed package. A test that needs a small
 * helper main in the child JVM copies that class alone into a folder of its
 * own and adds the folder.
 */
final class WekaProcess {

  /** Exit code and combined standard output and error of a finished JVM. */
  static final class Result {
    final int exitCode;
    final String output;

    Result(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }

  private final Path m_WekaHome;

  private final List<String> m_ExtraClassPath = new ArrayList<>();

  private final List<String> m_JvmOptions = new ArrayList<>();

  private long m_TimeoutMinutes = 10;

  /** Weka jar to use in place of the one on this JVM's class path, or null. */
  private File m_WekaJar;

  WekaProcess(Path wekaHome) {
    m_WekaHome = wekaHome;
  }

  /** Adds a JVM option such as -Djava.awt.headless=true. */
  WekaProcess jvmOption(String option) {
    m_JvmOptions.add(option);
    return this;
  }

  /**
   * Runs another Weka release: its jar replaces weka-stable on the class path,
   * and the libraries of this JVM's Weka stay.
   */
  WekaProcess wekaJar(File jar) {
    m_WekaJar = jar;
    return this;
  }

  WekaProcess timeoutMinutes(long minutes) {
    m_TimeoutMinutes = minutes;
    return this;
  }

  /**
   * Copies the compiled classes, with their nested classes, into a new folder
   * under {@code folder} and adds that folder to the child's class path.
   */
  WekaProcess withClasses(Path folder, Class<?>... classes) throws IOException {
    Path root = Files.createTempDirectory(folder, "classes");
    for (Class<?> type : classes) {
      Path compiled = compiledLocation(type);
      String simpleName = type.getSimpleName();
      Path target = root.resolve(type.getPackageName().replace('.', File.separatorChar));
      Files.createDirectories(target);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(compiled.getParent(),
        simpleName + ".class")) {
        copyAll(files, target);
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(compiled.getParent(),
        simpleName + "$*.class")) {
        copyAll(files, target);
      }
    }
    m_ExtraClassPath.add(root.toString());
    return this;
  }

  private static void copyAll(DirectoryStream<Path> files, Path target) throws IOException {
    for (Path file : files) {
      Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Path compiledLocation(Class<?> type) throws IOException {
    try {
      Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      return root.resolve(type.getName().replace('.', File.separatorChar) + ".class");
    } catch (URISyntaxException e) {
      throw new IOException("Cannot locate the compiled class " + type.getName(), e);
    }
  }

  /** Returns Weka and its libraries from this JVM's class path. */
  static String wekaClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
      .filter(entry -> entry.endsWith(".jar"))
      .filter(entry -> !entry.contains(File.separator + "target" + File.separator))
      .filter(entry -> !entry.endsWith("-tests.jar"))
      .filter(entry -> !entry.contains("junit") && !entry.contains("opentest4j")
        && !entry.contains("apiguardian"))
      .collect(Collectors.joining(File.pathSeparator));
  }

  /** Runs a main class with arguments, with WEKA_HOME and any extra environment. */
  Result run(Map<String, String> environment, String mainClass, String... arguments)
    throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
    // Keeps Weka's package manager from contacting its online repository.
    command.add("-Dweka.packageManager.offline=true");
    command.addAll(m_JvmOptions);
    command.add("-cp");
    List<String> classPath = new ArrayList<>();
    if (m_WekaJar == null) {
      classPath.add(wekaClassPath());
    } else {
      classPath.add(m_WekaJar.getPath());
      Arrays.stream(wekaClassPath().split(File.pathSeparator))
        .filter(entry -> !new File(entry).getName().startsWith("weka-stable-"))
        .forEach(classPath::add);
    }
    classPath.addAll(m_ExtraClassPath);
    command.add(String.join(File.pathSeparator, classPath));
    command.add(mainClass);
    command.addAll(Arrays.asList(arguments));

    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("WEKA_HOME", m_WekaHome.toString());
    builder.environment().putAll(environment);
    Path log = Files.createTempFile(m_WekaHome, "jvm", ".log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(m_TimeoutMinutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("Timed out after " + m_TimeoutMinutes + " minutes: "
        + command + "\nOutput so far:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Installs a package archive with Weka's command-line package manager. */
  Result installPackage(File archive) throws IOException, InterruptedException {
    return run(Map.of(), "weka.core.WekaPackageManager", "-offline", "-install-package",
      archive.getPath());
  }
}
