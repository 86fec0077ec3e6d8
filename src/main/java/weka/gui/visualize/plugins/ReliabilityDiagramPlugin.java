/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.gui.visualize.plugins;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.filechooser.FileNameExtensionFilter;

import weka.classifiers.evaluation.Prediction;
import weka.classifiers.meta.softmaxtosigmoid.PredictionReliability;
import weka.classifiers.meta.softmaxtosigmoid.PredictionReliability.Mode;
import weka.classifiers.meta.softmaxtosigmoid.ReliabilityDiagram;
import weka.core.Attribute;

/**
 * Explorer result-list plugin that shows a reliability diagram of any classifier's
 * predicted class probabilities. The window draws one curve per class or the predicted
 * class only, states the expected calibration error over 10 equal-width bins, and saves
 * the diagram as a PNG file.
 *
 * <p>Weka 3.8 lists every class of this Java package that implements
 * {@link VisualizePlugin} in the "Plugins" submenu of the classifier result list.
 */
public class ReliabilityDiagramPlugin implements VisualizePlugin {

  /** Text of the menu item. */
  public static final String MENU_TEXT = "Reliability diagram";

  /** Name of the window's combo box that selects the mode. */
  public static final String MODE_BOX_NAME = "reliabilityMode";

  private static final Logger LOGGER = Logger.getLogger(ReliabilityDiagramPlugin.class.getName());

  /**
   * Returns a menu item that opens the diagram window.
   *
   * @param preds the predictions of the result
   * @param classAtt the class attribute
   * @return the menu item, or null when the class is not nominal or there are no
   *         predictions
   */
  @Override
  public JMenuItem getVisualizeMenuItem(final ArrayList<Prediction> preds,
    final Attribute classAtt) {
    if (preds == null || preds.isEmpty() || classAtt == null || !classAtt.isNominal()) {
      return null;
    }
    JMenuItem item = new JMenuItem(MENU_TEXT);
    item.addActionListener(new ActionListener() {
      @Override
      public void actionPerformed(ActionEvent event) {
        openWindow(preds, classAtt);
      }
    });
    return item;
  }

  /**
   * Opens the diagram window, or a message dialog that names the reason when the
   * predictions cannot be drawn.
   *
   * @param predictions the predictions
   * @param classAttribute the nominal class attribute
   * @return the window, or null if it could not be built
   */
  public static JFrame openWindow(List<Prediction> predictions, Attribute classAttribute) {
    PredictionReliability reliability;
    try {
      reliability = new PredictionReliability(predictions, classAttribute);
      // Raises here, before the window opens, when no prediction can be drawn.
      reliability.curves(Mode.TOP_CLASS);
    } catch (IllegalArgumentException e) {
      LOGGER.log(Level.WARNING, "Cannot draw a reliability diagram of "
        + predictions.size() + " predictions", e);
      JOptionPane.showMessageDialog(null, e.getMessage(), "Reliability diagram",
        JOptionPane.ERROR_MESSAGE);
      return null;
    }
    JFrame frame = new JFrame("Reliability diagram: " + classAttribute.name());
    frame.getContentPane().add(new DiagramPanel(reliability, classAttribute.name()));
    frame.pack();
    frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
    frame.setLocationByPlatform(true);
    frame.setVisible(true);
    return frame;
  }

  /** The diagram, the mode selector, the save button and the summary text. */
  static final class DiagramPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final PredictionReliability m_reliability;

    private final String m_title;

    private final JComboBox<Mode> m_modeBox = new JComboBox<Mode>(Mode.values());

    private final JLabel m_imageLabel = new JLabel();

    private final JTextArea m_summary = new JTextArea(6, 60);

    private BufferedImage m_image;

    DiagramPanel(PredictionReliability reliability, String className) {
      super(new BorderLayout());
      m_reliability = reliability;
      m_title = "Reliability of the predicted probabilities of " + className;

      JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT));
      m_modeBox.setName(MODE_BOX_NAME);
      m_modeBox.addActionListener(new ActionListener() {
        @Override
        public void actionPerformed(ActionEvent event) {
          redraw();
        }
      });
      controls.add(new JLabel("Curves:"));
      controls.add(m_modeBox);
      JButton save = new JButton("Save as PNG...");
      save.addActionListener(new ActionListener() {
        @Override
        public void actionPerformed(ActionEvent event) {
          saveAsPng();
        }
      });
      controls.add(save);

      m_summary.setEditable(false);
      add(controls, BorderLayout.NORTH);
      add(m_imageLabel, BorderLayout.CENTER);
      add(new JScrollPane(m_summary), BorderLayout.SOUTH);
      redraw();
    }

    /** Selects a mode and redraws, as the combo box does. */
    void selectMode(Mode mode) {
      m_modeBox.setSelectedItem(mode);
    }

    /** @return the diagram shown */
    BufferedImage image() {
      return m_image;
    }

    private void redraw() {
      Mode mode = (Mode) m_modeBox.getSelectedItem();
      List<ReliabilityDiagram.Curve> curves = m_reliability.curves(mode);
      m_image = m_reliability.draw(mode, m_title);
      m_imageLabel.setIcon(new ImageIcon(m_image));
      StringBuilder text = new StringBuilder();
      for (String line : m_reliability.summary(curves, mode)) {
        text.append(line).append('\n');
      }
      m_summary.setText(text.toString());
      m_summary.setCaretPosition(0);
    }

    private void saveAsPng() {
      JFileChooser chooser = new JFileChooser();
      chooser.setFileFilter(new FileNameExtensionFilter("PNG image", "png"));
      chooser.setSelectedFile(new File("reliability-diagram.png"));
      if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
        return;
      }
      File file = chooser.getSelectedFile();
      if (!file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
        file = new File(file.getPath() + ".png");
      }
      try {
        ReliabilityDiagram.writePng(m_image, file);
        LOGGER.info("Saved the reliability diagram to " + file);
      } catch (IOException e) {
        LOGGER.log(Level.WARNING, "Failed to save the reliability diagram to " + file, e);
        JOptionPane.showMessageDialog(this, "Failed to save '" + file + "': " + e.getMessage(),
          "Reliability diagram", JOptionPane.ERROR_MESSAGE);
      }
    }
  }

  @Override
  public String getMinVersion() {
    return "3.8.2";
  }

  @Override
  public String getMaxVersion() {
    return "3.9.0";
  }

  @Override
  public String getDesignVersion() {
    return "3.8.6";
  }
}
