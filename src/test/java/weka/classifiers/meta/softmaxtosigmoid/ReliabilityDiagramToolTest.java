package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command-line reliability diagram on a small generated data set. */
class ReliabilityDiagramToolTest {

  @TempDir
  Path folder;

  private String train;

  /** Writes 60 rows of two numeric attributes and a class of three values. */
  @BeforeEach
  void writeData() throws Exception {
    StringBuilder arff = new StringBuilder("@relation three\n@attribute x numeric\n"
      + "@attribute y numeric\n@attribute class {a,b,c}\n@data\n");
    Random random = new Random(7);
    for (int i = 0; i < 60; i++) {
      int k = i % 3;
      arff.append(k + random.nextGaussian()).append(',').append(random.nextGaussian())
        .append(',').append("abc".charAt(k)).append('\n');
    }
    arff.append("?,0,a\n1,1,?\n");
    Path file = folder.resolve("three.arff");
    Files.write(file, arff.toString().getBytes(StandardCharsets.UTF_8));
    train = file.toString();
  }

  @Test
  void crossValidationWritesPng() throws Exception {
    File png = folder.resolve("per-class.png").toFile();

    String output = ReliabilityDiagramTool.writeDiagram(new String[] {"-t", train, "-x", "5",
      "-W", "weka.classifiers.bayes.NaiveBayes", "-per-class", "-png", png.getPath()});

    BufferedImage image = ImageIO.read(png);
    assertNotNull(image, "the PNG decodes");
    assertEquals(ReliabilityDiagram.WIDTH, image.getWidth());
    assertEquals(ReliabilityDiagram.HEIGHT, image.getHeight());
    assertTrue(output.contains("61 of 62 predictions used"), output);
    assertTrue(output.contains("1 with a missing actual class"), output);
    assertTrue(output.contains("ECE of class c"), output);
  }

  @Test
  void testFileAndClassifierOptions() throws Exception {
    File png = folder.resolve("top.png").toFile();

    String output = ReliabilityDiagramTool.writeDiagram(new String[] {"-t", train, "-T", train,
      "-W", "weka.classifiers.trees.J48", "-top", "-png", png.getPath(), "--", "-M", "5"});

    assertNotNull(ImageIO.read(png), "the PNG decodes");
    assertTrue(output.contains("ECE of the predicted class"), output);
    assertFalse(output.contains("ECE of class"), output);
  }

  @Test
  void invalidOptionsAreRejected() {
    String png = folder.resolve("never.png").toString();
    String[][] cases = {
      {"-t", train, "-W", "weka.classifiers.bayes.NaiveBayes"},
      {"-t", train, "-png", png},
      {"-W", "weka.classifiers.bayes.NaiveBayes", "-png", png},
      {"-t", train, "-W", "weka.classifiers.bayes.NaiveBayes", "-top", "-per-class", "-png", png},
      {"-t", train, "-W", "weka.classifiers.bayes.NaiveBayes", "-x", "1", "-png", png},
      {"-t", train, "-W", "weka.classifiers.bayes.NaiveBayes", "-x", "ten", "-png", png},
      {"-t", train, "-W", "weka.classifiers.bayes.NaiveBayes", "-c", "1", "-png", png},
      {"-t", folder.resolve("absent.arff").toString(), "-W",
        "weka.classifiers.bayes.NaiveBayes", "-png", png},
    };
    for (String[] options : cases) {
      assertThrows(IllegalArgumentException.class,
        () -> ReliabilityDiagramTool.writeDiagram(options), String.join(" ", options));
    }
    assertFalse(new File(png).exists(), "no PNG after an invalid option");
  }

  @Test
  void unknownClassifierIsReported() {
    String png = folder.resolve("never.png").toString();
    String[][] cases = {
      {"-W", "weka.classifiers.trees.NoSuch"},
      {"-W", "weka.classifiers.meta.Bagging", "--", "-W", "weka.classifiers.trees.NoSuch"},
    };
    for (String[] classifier : cases) {
      String[] options = new String[4 + classifier.length];
      System.arraycopy(new String[] {"-t", train, "-png", png}, 0, options, 0, 4);
      System.arraycopy(classifier, 0, options, 4, classifier.length);
      Exception error = assertThrows(IllegalArgumentException.class,
        () -> ReliabilityDiagramTool.writeDiagram(options), String.join(" ", classifier));
      assertEquals("Option -W: classifier class 'weka.classifiers.trees.NoSuch' not found. "
        + "Give the full class name, for example weka.classifiers.trees.RandomForest, and "
        + "install the package that provides it.", error.getMessage());
    }
  }

  @Test
  void unusablePngPathIsReported() throws Exception {
    File absentFolder = folder.resolve("absent").toFile();
    File plainFile = folder.resolve("plain.txt").toFile();
    Files.write(plainFile.toPath(), "text".getBytes(StandardCharsets.UTF_8));
    String[][] cases = {
      {"Option -png: folder '" + absentFolder + "' not found; create it or give a path in an "
        + "existing folder.", new File(absentFolder, "x.png").getPath()},
      {"Option -png: '" + plainFile + "' is a file, not a folder; give a path in an existing "
        + "folder.", new File(plainFile, "x.png").getPath()},
      {"Option -png: '" + folder + "' is a folder; give a file name in it, for example "
        + folder.resolve("diagram.png") + ".", folder.toString()},
    };
    for (String[] c : cases) {
      String[] options = {"-t", train, "-W", "weka.classifiers.bayes.NaiveBayes", "-png", c[1]};
      Exception error = assertThrows(IllegalArgumentException.class,
        () -> ReliabilityDiagramTool.writeDiagram(options), c[1]);
      assertEquals(c[0], error.getMessage());
    }
  }

  @Test
  void pngWriteFailureNamesOptionAndFile() {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    File png = folder.resolve("absent").resolve("x.png").toFile();

    IOException[] error = new IOException[1];
    String printed = StandardError.of(() -> error[0] = assertThrows(IOException.class,
      () -> ToolCommandLine.writePng("-png", image, png)));

    assertEquals("", printed, "nothing on standard error");
    String message = error[0].getMessage();
    assertTrue(message.startsWith("Option -png: writing PNG file '" + png + "' failed ("),
      message);
    assertTrue(message.endsWith("); check that its folder exists, is writable and has free "
      + "space."), message);
  }

  /** Runs the tool as weka.Run does and returns what it printed to standard error. */
  private static String standardErrorOfRun(String... options) {
    ReliabilityDiagramTool tool = new ReliabilityDiagramTool();
    return StandardError.of(() -> tool.run(tool, options));
  }

  @Test
  void runPrintsErrorWithoutStackTrace() {
    String output = standardErrorOfRun("-t", train, "-W", "weka.classifiers.bayes.NaiveBayes");

    String[] lines = output.split("\n");
    assertEquals(2, lines.length, output);
    assertEquals("Error: Option -png is missing; give the output file as "
      + "-png <diagram.png>.", lines[0]);
    assertEquals("Run with -h for the list of options.", lines[1]);
    assertFalse(output.contains("\tat "), output);
  }

  @Test
  void helpListsOptions() throws Exception {
    String usage = ReliabilityDiagramTool.writeDiagram(new String[] {"-h"});

    assertTrue(usage.contains("-per-class"), usage);
    assertTrue(usage.contains("-png <file>"), usage);
  }
}
