package weka.classifiers.meta.softmaxtosigmoid.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Runs the KnowledgeFlow in doc/ headless with Weka's FlowRunner, against the
 * package installed in an empty WEKA_HOME, and checks the files it writes.
 *
 * <p>The flow reads {@code ../data/glass.arff}, relative to
 * {@code ${Internal.knowledgeflow.directory}}, and writes into that folder
 * itself. The KnowledgeFlow GUI sets that
 * variable to the flow file's folder, but FlowRunner in Weka 3.8.6 does not, so
 * the test passes it as a Java property, as the guide instructs users. The flow
 * and the data are copied into a temporary tree, so the run works from any
 * directory and writes nothing into the project.
 */
class KnowledgeFlowIT {

  private static final String FLOW_FOLDER = "${Internal.knowledgeflow.directory}";

  @TempDir
  Path folder;

  /**
   * Checks that every output path of the flow is a file in the flow's own
   * folder. Weka's TextSaver step does not create missing folders while the
   * ARFF Saver does, so text saved into a folder that only the Saver creates
   * fails whenever the evaluation finishes first.
   */
  @Test
  void flowSavesOnlyIntoItsOwnFolder() throws Exception {
    File data = new File(System.getProperty("softmaxtosigmoid.data.dir", "data"));
    String flow = Files.readString(
      new File(data.getParentFile(), "doc/glass-softmax-to-sigmoid.kf").toPath(),
      StandardCharsets.UTF_8);
    Matcher output = Pattern.compile("\"(file|dir)\" : \"([^\"]*)\"").matcher(flow);
    int outputs = 0;
    while (output.find()) {
      String path = output.group(2);
      outputs++;
      assertTrue(path.startsWith(FLOW_FOLDER), output.group(1) + " " + path);
      // What follows the folder may be a file name, never another folder.
      String rest = path.substring(FLOW_FOLDER.length()).replaceFirst("^/", "");
      assertFalse(rest.contains("/"), output.group(1) + " " + path + " leaves the flow folder");
    }
    // One TextSaver file and one ArffSaver folder.
    assertEquals(2, outputs);
  }

  @Test
  void flowWritesScoredTestSetAndEvaluation() throws Exception {
    File zip = new File(System.getProperty("softmaxtosigmoid.package.zip", "missing"));
    // The data folder is <project>/data, so its parent is the project folder.
    File data = new File(System.getProperty("softmaxtosigmoid.data.dir", "data"));
    Path wekaHome = Files.createDirectories(folder.resolve("weka home"));
    Path flowFolder = Files.createDirectories(folder.resolve("project/doc"));
    Path dataFolder = Files.createDirectories(folder.resolve("project/data"));
    Path flow = flowFolder.resolve("glass-softmax-to-sigmoid.kf");
    Files.copy(new File(data.getParentFile(), "doc/glass-softmax-to-sigmoid.kf").toPath(), flow);
    Files.copy(new File(data, "glass.arff").toPath(), dataFolder.resolve("glass.arff"));

    WekaProcess weka = new WekaProcess(wekaHome).jvmOption("-Djava.awt.headless=true")
      .jvmOption("-DInternal.knowledgeflow.directory=" + flowFolder);
    WekaProcess.Result installed = weka.installPackage(zip);
    assertEquals(0, installed.exitCode, installed.output);
    WekaProcess.Result run = weka.run(Map.of(), "weka.knowledgeflow.FlowRunner",
      flow.toString());

    // FlowRunner exits with 0 even when a step fails, so its log is checked too.
    assertEquals(0, run.exitCode, run.output);
    assertFalse(run.output.contains("[ERROR]"), run.output);
    assertTrue(run.output.contains("Filtering testSet"), run.output);

    Path output = flowFolder;
    String evaluation = Files.readString(output.resolve("glass-evaluation.txt"),
      StandardCharsets.UTF_8);
    assertTrue(evaluation.contains("Scheme: SoftmaxToSigmoid"), evaluation);
    assertTrue(evaluation.contains("Correctly Classified Instances"), evaluation);

    Instances scored = DataSource.read(output.resolve("glass-test-scored.arff").toString());
    // TrainTestSplitMaker keeps 66 % of 214 rows (141) for training, so 73 are tested.
    assertEquals(73, scored.numInstances());
    assertEquals(10 + 7 + 7, scored.numAttributes());
    Attribute score = scored.attribute("score_headlamps");
    Attribute label = scored.attribute("label_headlamps");
    for (Instance row : scored) {
      double value = row.value(score);
      assertTrue(value >= 0, "score_headlamps " + value + " below 0");
      assertTrue(value <= 1, "score_headlamps " + value + " above 1");
      String labelValue = row.stringValue(label);
      assertTrue(labelValue.equals("0") || labelValue.equals("1"), labelValue);
    }
  }
}
