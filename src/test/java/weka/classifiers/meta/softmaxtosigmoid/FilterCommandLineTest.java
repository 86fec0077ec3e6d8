package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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

    String output = StandardError.of(() -> {
      new AddSigmoidScores().run(new AddSigmoidScores(), new String[] {"-i", path, "-c", "last"});
      new ProbabilitiesToSigmoid().run(new ProbabilitiesToSigmoid(), new String[] {"-i", path});
    });

    String line = expected('i', path) + "\n";
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

  /** Runs ProbabilitiesToSigmoid from the command line and returns what it printed. */
  private static String runFilter(String... options) {
    return StandardError.of(() -> FilterCommandLine.run(new ProbabilitiesToSigmoid(), options));
  }

  private String probabilities(String rows) throws Exception {
    Path file = folder.resolve("p.arff");
    Files.writeString(file, "@relation p\n@attribute distribution_a numeric\n"
      + "@attribute distribution_b numeric\n@attribute cls {a,b}\n@data\n" + rows);
    return file.toString();
  }

  @Test
  void failedRunPrintsOneLineAndRemovesOutput() throws Exception {
    // The second row sums to 1.8, so the incremental run stops after writing the header
    // and the first row: the output file exists but is incomplete.
    String input = probabilities("0.3,0.7,a\n0.9,0.9,b\n");
    Path output = folder.resolve("out.arff");

    String printed = runFilter("-i", input, "-o", output.toString(), "-c", "last");

    assertEquals("Error: Row 2 sums to 1.8; these look like independent per-label "
      + "probabilities; use -gauge one-vs-rest, or -renormalize to divide each row by its sum. "
      + "Values: distribution_a = 0.9, distribution_b = 0.9. The incomplete output file '"
      + output + "' was removed.\n", printed);
    assertFalse(Files.exists(output));
  }

  @Test
  void failedRunKeepsExistingOutput() throws Exception {
    String input = probabilities("0.9,0.9,b\n");
    Path output = folder.resolve("existing.arff");
    Files.writeString(output, "kept");

    String printed = runFilter("-i", input, "-o", output.toString(), "-c", "last");

    assertTrue(printed.startsWith("Error: Row 1 sums to 1.8;"), printed);
    assertFalse(printed.contains("removed"), printed);
    assertTrue(Files.exists(output));
  }

  @Test
  void successfulRunWritesOutput() throws Exception {
    String input = probabilities("0.3,0.7,a\n");
    Path output = folder.resolve("out.arff");

    String printed = runFilter("-i", input, "-o", output.toString(), "-c", "last");

    assertEquals("", printed);
    assertTrue(Files.readString(output).contains("score_a"));
  }

  @Test
  void optionErrorPrintsWekaHelp() throws Exception {
    String printed = runFilter("-i", probabilities("0.3,0.7,a\n"), "-gauge", "median");

    assertTrue(printed.contains("Unknown gauge 'median'"), printed);
    assertTrue(printed.contains("Filter options:"), printed);
    assertFalse(printed.contains("\tat "), printed);
  }
}
