package weka.gui.visualize.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;

import javax.swing.JFrame;
import javax.swing.JMenuItem;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.classifiers.meta.softmaxtosigmoid.PredictionReliability;
import weka.core.Attribute;

/** Checks the Explorer plugin's menu item and, with a display, its window. */
class ReliabilityDiagramPluginTest {

  private static final Attribute CLASS = new Attribute("class", Arrays.asList("yes", "no"));

  private static ArrayList<Prediction> predictions() {
    ArrayList<Prediction> predictions = new ArrayList<>();
    predictions.add(new NominalPrediction(0, new double[] {0.9, 0.1}, 1));
    predictions.add(new NominalPrediction(1, new double[] {0.3, 0.7}, 1));
    predictions.add(new NominalPrediction(1, new double[] {0.6, 0.4}, 2));
    return predictions;
  }

  @Test
  void menuItemForNominalClass() {
    JMenuItem item = new ReliabilityDiagramPlugin().getVisualizeMenuItem(predictions(), CLASS);

    assertNotNull(item);
    assertEquals(ReliabilityDiagramPlugin.MENU_TEXT, item.getText());
  }

  @Test
  void noMenuItemWithoutClassProbabilities() {
    ReliabilityDiagramPlugin plugin = new ReliabilityDiagramPlugin();

    assertNull(plugin.getVisualizeMenuItem(predictions(), new Attribute("numeric")));
    assertNull(plugin.getVisualizeMenuItem(new ArrayList<>(), CLASS));
    assertNull(plugin.getVisualizeMenuItem(predictions(), null));
  }

  @Test
  void panelSwitchesMode() {
    PredictionReliability reliability = new PredictionReliability(predictions(), CLASS);
    ReliabilityDiagramPlugin.DiagramPanel panel =
      new ReliabilityDiagramPlugin.DiagramPanel(reliability, "class");

    assertNotNull(panel.image());
    panel.selectMode(PredictionReliability.Mode.TOP_CLASS);
    assertNotNull(panel.image());
  }

  @Test
  void windowOpensWithDisplay() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(),
      "no display: the test JVM runs with java.awt.headless=true, so no window can open");
    JFrame[] frame = new JFrame[1];
    SwingUtilities.invokeAndWait(
      () -> frame[0] = ReliabilityDiagramPlugin.openWindow(predictions(), CLASS));
    assertNotNull(frame[0]);
    SwingUtilities.invokeAndWait(frame[0]::dispose);
  }
}
