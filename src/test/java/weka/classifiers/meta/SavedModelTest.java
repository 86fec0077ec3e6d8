package weka.classifiers.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.bayes.NaiveBayes;
import weka.classifiers.trees.J48;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaException;

/**
 * Saved models: serialVersionUID declarations, bit-identical scores after saving with
 * Weka's {@code -d} and loading in a fresh JVM, models of this release that later releases
 * must keep reading, and readable errors for files that are not such models.
 *
 * <p>The committed models in {@code src/test/resources/models} and their expected scores
 * are written by {@link #writeCommittedModels}, which runs only on request:
 * <pre>
 * mvn -B test -Dtest='SavedModelTest#writeCommittedModels' -Dsoftmaxtosigmoid.writeModels=true
 * </pre>
 * Run it only when the saved format changes on purpose, and state that in the commit.
 */
class SavedModelTest {

  @TempDir
  Path folder;

  /** Directory of the committed models, relative to the project directory. */
  private static final File MODELS = new File("src/test/resources/models");

  /** Every tenth glass instance is scored for the committed expectations. */
  private static final int STEP = 10;

  /** The committed models: file stem, base classifier and options. */
  private static final Object[][] COMMITTED = {
    {"glass-j48-shared", new J48(), "-folds 3"},
    {"glass-naivebayes-isotonic", new NaiveBayes(),
      "-folds 3 -calibrator isotonic -threshold-rule per-class-f1 -gauge maximum"},
  };

  private static Instances glass() throws Exception {
    return TestData.load(new File("data/glass.arff"));
  }

  // ------------------------------------------------------------ serialVersionUID

  /** Returns the root directory of the compiled main classes. */
  private static Path mainClassesRoot() throws URISyntaxException {
    return Path.of(SoftmaxToSigmoid.class.getProtectionDomain().getCodeSource().getLocation()
      .toURI());
  }

  @Test
  void serializableClassesDeclareVersionUid() throws Exception {
    // Java computes a missing serialVersionUID from the class's shape, so any change to a
    // class without one makes every saved model of it unreadable. Enums are serialised by
    // name and ignore the field, so they need none.
    Path root = mainClassesRoot();
    List<String> names;
    try (Stream<Path> files = Files.walk(root)) {
      names = files.filter(file -> file.toString().endsWith(".class"))
        .map(file -> root.relativize(file).toString().replace(File.separatorChar, '.')
          .replaceAll("\\.class$", ""))
        .sorted().collect(Collectors.toList());
    }
    int serializable = 0;
    for (String name : names) {
      Class<?> type = Class.forName(name, false, SoftmaxToSigmoid.class.getClassLoader());
      if (!Serializable.class.isAssignableFrom(type) || type.isInterface()
        || Enum.class.isAssignableFrom(type)) {
        continue;
      }
      serializable++;
      Field field;
      try {
        field = type.getDeclaredField("serialVersionUID");
      } catch (NoSuchFieldException e) {
        throw new AssertionError(name + " is Serializable but declares no serialVersionUID");
      }
      int modifiers = field.getModifiers();
      assertTrue(Modifier.isStatic(modifiers), name + ": serialVersionUID is static");
      assertTrue(Modifier.isFinal(modifiers), name + ": serialVersionUID is final");
      assertEquals(long.class, field.getType(), name + ": serialVersionUID is a long");
    }
    assertTrue(names.contains("weka.classifiers.meta.SoftmaxToSigmoid"), names.toString());
    assertTrue(serializable >= 5, "found " + serializable + " serializable classes");
  }

  // ------------------------------------------------------------ fresh JVM

  /** Returns the test class path: surefire's property, or this JVM's class path. */
  private static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** Runs a main class in a new JVM and returns its standard output, failing on exit code. */
  private List<String> runJava(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(testClassPath());
    command.addAll(Arrays.asList(arguments));
    File output = folder.resolve("stdout-" + System.nanoTime() + ".txt").toFile();
    File errors = folder.resolve("stderr-" + System.nanoTime() + ".txt").toFile();
    Process process = new ProcessBuilder(command).redirectOutput(output).redirectError(errors)
      .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "JVM finished within 120 s: " + command);
    String errorText = Files.readString(errors.toPath());
    assertEquals(0, process.exitValue(), "exit code of " + command + "\n" + errorText);
    return Files.readAllLines(output.toPath(), StandardCharsets.UTF_8);
  }

  @Test
  void savedModelScoresIdenticallyInFreshJvm() throws Exception {
    Instances glass = glass();
    glass.randomize(new Random(3));
    Instances train = new Instances(glass, 0, 150);
    Instances test = new Instances(glass, 150, glass.numInstances() - 150);
    File trainFile = folder.resolve("train.arff").toFile();
    File testFile = folder.resolve("test.arff").toFile();
    Files.writeString(trainFile.toPath(), train.toString());
    Files.writeString(testFile.toPath(), test.toString());
    File modelFile = folder.resolve("model with space.model").toFile();
    String[] options = {"-calibrator", "per-class", "-folds", "3", "-W",
      "weka.classifiers.trees.RandomForest", "--", "-I", "20"};

    // JVM 1 trains and saves with Weka's -d, JVM 2 scores with the test tool below.
    List<String> trainArguments = new ArrayList<>(List.of(SoftmaxToSigmoid.class.getName(),
      "-t", trainFile.getPath(), "-d", modelFile.getPath(), "-no-cv"));
    trainArguments.addAll(Arrays.asList(options));
    runJava(trainArguments.toArray(new String[0]));
    List<String> fresh = runJava(ModelScores.class.getName(), modelFile.getPath(),
      testFile.getPath());

    SoftmaxToSigmoid loaded = SoftmaxToSigmoid.readModel(modelFile);
    assertEquals(ModelScores.lines(loaded, test, 1), fresh, "loaded in this JVM");
    SoftmaxToSigmoid retrained = new SoftmaxToSigmoid();
    retrained.setOptions(options.clone());
    retrained.buildClassifier(train);
    assertEquals(ModelScores.lines(retrained, test, 1), fresh, "trained in this JVM");

    // JVM 3 evaluates the saved model with Weka's -l; its summary matches this JVM's.
    List<String> evaluation = runJava(SoftmaxToSigmoid.class.getName(), "-l",
      modelFile.getPath(), "-T", testFile.getPath());
    Evaluation expected = new Evaluation(train);
    expected.evaluateModel((Classifier) loaded, test);
    String correct = Arrays.stream(expected.toSummaryString().split("\n"))
      .filter(line -> line.startsWith("Correctly Classified Instances")).findFirst()
      .orElseThrow();
    assertTrue(evaluation.contains(correct), correct + " in\n" + String.join("\n", evaluation));
  }

  // ------------------------------------------------------------ committed models

  private static File expectedFile(String stem) {
    return new File(MODELS, "softmaxtosigmoid-0.1.0-" + stem + ".scores");
  }

  private static File modelFile(String stem) {
    return new File(MODELS, "softmaxtosigmoid-0.1.0-" + stem + ".model");
  }

  @Test
  @EnabledIfSystemProperty(named = "softmaxtosigmoid.writeModels", matches = "true")
  void writeCommittedModels() throws Exception {
    Files.createDirectories(MODELS.toPath());
    for (Object[] committed : COMMITTED) {
      SoftmaxToSigmoid model = new SoftmaxToSigmoid();
      model.setOptions(Utils.splitOptions((String) committed[2]));
      model.setClassifier((Classifier) committed[1]);
      model.buildClassifier(glass());
      try (OutputStream out = new FileOutputStream(modelFile((String) committed[0]));
        ObjectOutputStream objects = new ObjectOutputStream(out)) {
        objects.writeObject(model);
      }
      Files.write(expectedFile((String) committed[0]).toPath(),
        ModelScores.lines(model, glass(), STEP));
    }
  }

  /** Parses one line of {@link ModelScores} back into doubles. */
  private static double[] values(String line) {
    return Arrays.stream(line.replace("|", " ").trim().split("\\s+"))
      .mapToDouble(hex -> Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16))).toArray();
  }

  @Test
  void committedModelsKeepScoring() throws Exception {
    // The expected scores were written on OpenJDK 17. The Math javadoc allows Math.log and
    // Math.exp an error of 1 ulp, so other JVMs may differ in the last bits; values are
    // compared to a relative 1e-12, and labels and missing values must match exactly.
    Instances glass = glass();
    for (Object[] committed : COMMITTED) {
      String stem = (String) committed[0];
      assertTrue(modelFile(stem).isFile(), modelFile(stem) + " exists; see the class comment");
      SoftmaxToSigmoid model = SoftmaxToSigmoid.readModel(modelFile(stem));
      List<String> expected = Files.readAllLines(expectedFile(stem).toPath());
      List<String> actual = ModelScores.lines(model, glass, STEP);
      assertEquals(expected.size(), actual.size(), stem);
      for (int i = 0; i < expected.size(); i++) {
        double[] want = values(expected.get(i));
        double[] got = values(actual.get(i));
        assertEquals(want.length, got.length, stem + ", line " + (i + 1));
        for (int k = 0; k < want.length; k++) {
          String where = stem + ", line " + (i + 1) + ", value " + (k + 1);
          if (Double.isNaN(want[k]) || Double.isInfinite(want[k])) {
            assertEquals(want[k], got[k], 0.0, where);
          } else {
            assertEquals(want[k], got[k], 1e-12 * Math.max(1, Math.abs(want[k])), where);
          }
        }
      }
    }
  }

  // ------------------------------------------------------------ unreadable files

  private File write(String name, byte[] bytes) throws Exception {
    File file = folder.resolve(name).toFile();
    Files.write(file.toPath(), bytes);
    return file;
  }

  private static byte[] serialize(Object... objects) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      for (Object object : objects) {
        out.writeObject(object);
      }
    }
    return bytes.toByteArray();
  }

  private static SoftmaxToSigmoid trainedModel() throws Exception {
    SoftmaxToSigmoid model = new SoftmaxToSigmoid();
    model.setOptions(Utils.splitOptions("-folds 2"));
    model.setClassifier(new J48());
    model.buildClassifier(TestData.t1());
    return model;
  }

  /**
   * Returns a copy of a serialized model whose SoftmaxToSigmoid class descriptor carries
   * another serialVersionUID, as a model of an incompatible release would. In the stream
   * the class name, written as modified UTF-8, is followed by the 8-byte UID.
   */
  private static byte[] withOtherVersionUid(byte[] model) {
    byte[] name = SoftmaxToSigmoid.class.getName().getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + name.length + 8 <= model.length; i++) {
      if (Arrays.equals(Arrays.copyOfRange(model, i, i + name.length), name)) {
        byte[] result = model.clone();
        result[i + name.length + 7] ^= 1;
        return result;
      }
    }
    throw new AssertionError("class name not found in the stream");
  }

  @Test
  void unreadableModelFilesNameTheProblem() throws Exception {
    byte[] model = serialize(trainedModel());
    byte[] garbage = new byte[300];
    new Random(7).nextBytes(garbage);
    garbage[0] = (byte) 0xC8;
    garbage[1] = (byte) 0xC4;
    Object[][] cases = {
      {"missing.model", null, "Model file '%s' not found; give the path of a model saved "
        + "with -d."},
      {"empty.model", new byte[0], "Model file '%s' has 0 bytes, too few for a model; save "
        + "the model again with -d."},
      {"garbage.model", garbage, "Model file '%s' is not a serialized Java object (it "
        + "starts with the bytes C8C4, not ACED); give a model saved by Weka with -d."},
      {"truncated.model", Arrays.copyOf(model, model.length / 2), "Model file '%s' ends too "
        + "early, so it is truncated; save the model again with -d."},
      {"j48.model", serialize(new J48()), "Model file '%s' contains a "
        + "weka.classifiers.trees.J48, not a weka.classifiers.meta.SoftmaxToSigmoid; give a "
        + "file saved by SoftmaxToSigmoid with -d."},
      {"string.model", serialize("not a model"), "Model file '%s' contains a "
        + "java.lang.String, not a weka.classifiers.meta.SoftmaxToSigmoid"},
      {"untrained.model", serialize(new SoftmaxToSigmoid()), "Model file '%s' contains a "
        + "SoftmaxToSigmoid that was never trained; train it (for example with -t) before "
        + "saving it with -d."},
      {"other-release.model", withOtherVersionUid(model), "Model file '%s' was written by a "
        + "release of weka.classifiers.meta.SoftmaxToSigmoid that this release cannot read"},
    };
    for (Object[] c : cases) {
      File file = c[1] == null ? folder.resolve((String) c[0]).toFile()
        : write((String) c[0], (byte[]) c[1]);
      WekaException error = assertThrows(WekaException.class,
        () -> SoftmaxToSigmoid.readModel(file), (String) c[0]);
      String expected = String.format((String) c[2], file.getPath());
      assertTrue(error.getMessage().startsWith(expected), c[0] + ": " + error.getMessage());
    }
  }

  @Test
  void readModelAcceptsWekaFileVariants() throws Exception {
    // Weka's -d appends the training header after the model. A name ending in .gz makes it
    // write gzip. Both files must load and score like the model itself.
    SoftmaxToSigmoid model = trainedModel();
    Instances data = TestData.t1();
    File withHeader = write("with-header.model", serialize(model, new Instances(data, 0)));
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(serialize(model));
    }
    File gzipped = write("model.model.gz", compressed.toByteArray());
    for (File file : new File[] {withHeader, gzipped}) {
      SoftmaxToSigmoid loaded = SoftmaxToSigmoid.readModel(file);
      assertEquals(ModelScores.lines(model, data, 1), ModelScores.lines(loaded, data, 1),
        file.getName());
      assertFalse(loaded.toString().isEmpty(), file.getName());
    }
  }
}
