package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.filters.supervised.attribute.AddSigmoidScores;
import weka.filters.unsupervised.attribute.ProbabilitiesToSigmoid;

class FilterCommandLineTest {

  @TempDir
  Path folder;

  private String existing() throws Exception {
    Path file = folder.resolve("in.arff");
    Files.writeString(file, "@relation r\n@attribute a numeric\n@data\n1\n");
    return file.toString();
  }

  private String missing() {
    return folder.resolve("no such.arff").toString();
  }

  private static String expected(char option, String path) {
    return "Option -" + option + ": input file '" + path + "' not found (looked for "
      + new File(path).getAbsolutePath() + "). Give the path of an existing ARFF or CSV file.";
  }

  @Test
  void missingInputFileIsNamed() {
    String path = missing();

    assertEquals(expected('i', path), FilterCommandLine.missingInput(
      new String[] {"-i", path, "-o", "out.arff"}));
  }

  @Test
  void existingFilesPass() throws Exception {
    String path = existing();

    assertNull(FilterCommandLine.missingInput(new String[] {"-i", path}));
    assertNull(FilterCommandLine.missingInput(new String[] {"-b", "-i", path, "-r", path}));
    // Without -i Weka reads standard input, and URLs are Weka's to open.
    assertNull(FilterCommandLine.missingInput(new String[] {"-o", "out.arff"}));
    assertNull(FilterCommandLine.missingInput(new String[] {"-i", "http://127.0.0.1/a.arff"}));
  }

  @Test
  void missingSecondBatchFileIsNamed() throws Exception {
    String first = existing();
    String second = missing();

    assertEquals(expected('r', second), FilterCommandLine.missingInput(
      new String[] {"-b", "-i", first, "-o", "a.arff", "-r", second, "-s", "b.arff"}));
    // Outside batch mode -r is not an input file of Weka's command line.
    assertNull(FilterCommandLine.missingInput(new String[] {"-i", first, "-r", second}));
  }

  @Test
  void optionsAreNotConsumed() {
    String[] options = {"-i", missing(), "-labels"};
    String[] before = options.clone();

    FilterCommandLine.missingInput(options);

    assertEquals(String.join(" ", before), String.join(" ", options));
  }

  @Test
  void bothFiltersPrintMissingInput() {
    String path = missing();
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      new AddSigmoidScores().run(new AddSigmoidScores(), new String[] {"-i", path, "-c", "last"});
      new ProbabilitiesToSigmoid().run(new ProbabilitiesToSigmoid(), new String[] {"-i", path});
    } finally {
      System.setErr(original);
    }

    String output = captured.toString(StandardCharsets.UTF_8);
    String line = expected('i', path) + System.lineSeparator();
    assertEquals(line + line, output);
    assertFalse(output.contains("No source has been specified"), output);
  }

  @Test
  void nonFilterObjectIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
      () -> FilterCommandLine.run((Object) "text", new String[0]));

    assertEquals("The object to run is a java.lang.String, not a Weka filter.",
      error.getMessage());
  }
}
