package weka.gui.explorer;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.GridBagLayout;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPopupMenu;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;

import weka.core.Instances;
import weka.core.converters.AbstractFileLoader;
import weka.core.converters.ConverterUtils;
import weka.gui.GenericObjectEditor;
import weka.gui.LookAndFeel;
import weka.gui.PropertyDialog;
import weka.gui.PropertySheetPanel;

/**
 * Drives Weka's Explorer the way a user does. It loads glass.arff, chooses
 * SoftmaxToSigmoid in the classifier tree, sets its calibrator in the property
 * sheet and runs it. Then it chooses AddSigmoidScores in the filter tree, switches on its
 * label attributes in the property sheet and applies it. Each step is checked
 * and photographed with {@link Robot}.
 *
 * <p>Runs in its own JVM with a display, with WEKA_HOME holding the installed
 * package and no project classes on the class path, so the GUI can only find
 * the classes through Weka's package loading. The class lives in Weka's
 * explorer package because the panels keep their editors and output area in
 * protected fields. Buttons are found by their labels, as a user finds them.
 *
 * <p>Arguments: the glass.arff file and the folder for the screenshots. Exits
 * with 0 when every check passed, 1 when one failed and 2 on timeout; each
 * passed check prints one line starting with "PASS".
 */
public final class ExplorerGuiDriver {

  private static final String CLASSIFIER = "weka.classifiers.meta.SoftmaxToSigmoid";

  private static final String FILTER = "weka.filters.supervised.attribute.AddSigmoidScores";

  /** Properties of SoftmaxToSigmoid in the order its property sheet must show them. */
  private static final List<String> CLASSIFIER_PROPERTY_ORDER = Arrays.asList("gauge",
    "referenceClass", "logZ", "smoothing", "calibrator", "ridge", "plattTargets",
    "perClassMinimum", "calibrationSource", "folds", "holdoutFraction", "calibrationFile",
    "seed", "numExecutionSlots", "thresholdRule", "threshold", "topK", "cardinality", "alpha",
    "conformalFraction", "keepTop", "outputBaseDistribution", "classifier", "batchSize",
    "debug", "doNotCheckCapabilities", "numDecimalPlaces");

  private static final List<String> FILTER_PROPERTY_ORDER = Arrays.asList("classifier",
    "serializedClassifierFile", "outputLogits", "outputLabels", "mekaOutput", "keepClass", "debug",
    "doNotCheckCapabilities");

  /** Upper bound for one step, such as the cross-validation run; glass takes seconds. */
  private static final long STEP_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(4);

  /** Upper bound for the whole session, after which the JVM exits with code 2. */
  private static final long SESSION_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(9);

  private final File m_Data;

  private final File m_ScreenshotFolder;

  private final Robot m_Robot;

  private Explorer m_Explorer;

  private JFrame m_Frame;

  private ExplorerGuiDriver(File data, File screenshotFolder) throws AWTException {
    m_Data = data;
    m_ScreenshotFolder = screenshotFolder;
    m_Robot = new Robot();
  }

  /**
   * Runs the session; see the class comment for the arguments and exit codes.
   *
   * @param args the data file and the screenshot folder
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.out.println("usage: ExplorerGuiDriver <glass.arff> <screenshot folder>");
      System.exit(1);
    }
    startWatchdog();
    ExplorerGuiDriver driver = null;
    try {
      driver = new ExplorerGuiDriver(new File(args[0]), new File(args[1]));
      driver.run();
      System.out.println("ALL GUI CHECKS PASSED");
      System.exit(0);
    } catch (Throwable e) {
      System.out.println("FAIL: " + e);
      e.printStackTrace(System.out);
      if (driver != null) {
        driver.captureScreenOnFailure();
      }
      System.exit(1);
    }
  }

  private static void startWatchdog() {
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(SESSION_TIMEOUT_MS);
      } catch (InterruptedException e) {
        return;
      }
      System.out.println("FAIL: the GUI session timed out after " + SESSION_TIMEOUT_MS
        + " ms");
      System.exit(2);
    }, "gui-session-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private void run() throws Exception {
    startExplorer();
    loadData();
    chooseClassifier();
    checkClassifierPropertySheet();
    runClassifier();
    chooseFilter();
    switchOnLabelAttributes();
    applyFilter();
    onEdt(() -> {
      m_Frame.dispose();
      return null;
    });
  }

  // -------------------------------------------------------------------- steps

  /** Starts the Explorer as Explorer.main does, without its memory-monitor thread. */
  private void startExplorer() throws Exception {
    LookAndFeel.setLookAndFeel();
    GenericObjectEditor.determineClasses();
    onEdt(() -> {
      m_Explorer = new Explorer();
      m_Frame = new JFrame("Weka Explorer");
      m_Frame.getContentPane().add(m_Explorer);
      m_Frame.pack();
      m_Frame.setSize(1100, 780);
      m_Frame.setLocation(0, 0);
      m_Frame.setVisible(true);
      return null;
    });
    waitFor("the Explorer window to show", () -> m_Frame.isShowing());
    pass("the Explorer started");
  }

  private void loadData() throws Exception {
    PreprocessPanel preprocess = m_Explorer.getPreprocessPanel();
    onEdt(() -> {
      AbstractFileLoader loader = ConverterUtils.getLoaderForFile(m_Data);
      loader.setFile(m_Data);
      preprocess.setInstancesFromFile(loader);
      return null;
    });
    waitFor("glass.arff to load", () -> preprocess.getInstances() != null
      && preprocess.getInstances().numInstances() == 214);
    pass("glass.arff loaded with 214 instances");
  }

  private void chooseClassifier() throws Exception {
    ClassifierPanel classify = classifierPanel();
    onEdt(() -> {
      m_Explorer.getTabbedPane().setSelectedComponent(classify);
      return null;
    });
    chooseInTree(classify, classify.m_ClassifierEditor, CLASSIFIER, "01-classifier-tree.png");

    Object chosen = classify.m_ClassifierEditor.getValue();
    check(chosen.getClass().getName().equals(CLASSIFIER),
      "the classifier editor holds " + chosen.getClass().getName());
    check(chosen.getClass().getClassLoader() != ClassLoader.getSystemClassLoader(),
      "SoftmaxToSigmoid was loaded from the installed package, not the class path");
    pass("SoftmaxToSigmoid chosen in the classifier tree, loaded by "
      + chosen.getClass().getClassLoader().getClass().getSimpleName());
  }

  private void checkClassifierPropertySheet() throws Exception {
    ClassifierPanel classify = classifierPanel();
    PropertyDialog dialog = openPropertyDialog(() -> classify.m_CEPanel.showPropertyDialog());
    checkPropertySheet(dialog, CLASSIFIER_PROPERTY_ORDER);
    pass("the SoftmaxToSigmoid property sheet lists " + CLASSIFIER_PROPERTY_ORDER.size()
      + " properties in order, each with a tip text");

    selectInDropDown(dialog, "calibrator", "per-class");
    screenshot(dialog, "02-classifier-property-sheet.png");
    rejectInvalidFolds(dialog);
    pressButton(dialog, "OK");
    waitFor("the property dialog to close", () -> !dialog.isShowing());
    Object classifier = classify.m_ClassifierEditor.getValue();
    Object calibrator = classifier.getClass().getMethod("getCalibrator").invoke(classifier);
    check(calibrator.toString().equals("per-class"),
      "the calibrator drop-down set per-class, found " + calibrator);
    pass("calibrator set to per-class in the property sheet's drop-down");
  }

  /**
   * Types folds = 1 into the property sheet, as a user does, and checks that
   * Weka shows the setter's message and that the classifier keeps 5 folds.
   * Then types 5 back.
   */
  private void rejectInvalidFolds(PropertyDialog dialog) throws Exception {
    ClassifierPanel classify = classifierPanel();
    typeIntoProperty(dialog, "folds", "1");
    String message = acceptMessageDialog("the warning about folds = 1",
      "07-invalid-folds-warning.png");
    check(message.contains("Option -folds must be at least 2, found 1"),
      "the warning names the option, the rule and the value: " + message);
    Object classifier = classify.m_ClassifierEditor.getValue();
    Object folds = classifier.getClass().getMethod("getFolds").invoke(classifier);
    check(Integer.valueOf(5).equals(folds), "folds stays 5 after the invalid 1, found " + folds);

    typeIntoProperty(dialog, "folds", "5");
    m_Robot.waitForIdle();
    Thread.sleep(500);
    String unexpected = onEdt(ExplorerGuiDriver::visibleMessageDialog);
    check(unexpected == null, "folds = 5 is accepted without a message, found " + unexpected);
    pass("folds = 1 typed into the property sheet is rejected with: "
      + message.replace('\n', ' '));
  }

  /**
   * Types text into a property's text field. The field updates the property on
   * every key release, so one release of the last key commits it. This runs
   * later on the event thread because an invalid value opens a modal dialog.
   */
  private static void typeIntoProperty(PropertyDialog dialog, String property, String text)
    throws Exception {
    JTextField field = onEdt(() -> editorOfProperty(dialog, property, JTextField.class));
    SwingUtilities.invokeLater(() -> {
      field.setText(text);
      char last = text.charAt(text.length() - 1);
      field.dispatchEvent(new KeyEvent(field, KeyEvent.KEY_RELEASED, System.currentTimeMillis(),
        0, KeyEvent.getExtendedKeyCodeForChar(last), last));
    });
  }

  /** Waits for a message dialog, photographs it, presses its OK button and returns its text. */
  private String acceptMessageDialog(String event, String screenshotName) throws Exception {
    long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
    String message = onEdt(ExplorerGuiDriver::visibleMessageDialog);
    while (message == null) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("Timed out after " + STEP_TIMEOUT_MS
          + " ms waiting for " + event);
      }
      Thread.sleep(200);
      message = onEdt(ExplorerGuiDriver::visibleMessageDialog);
    }
    JDialog messageDialog = onEdt(ExplorerGuiDriver::messageDialog);
    screenshot(messageDialog, screenshotName);
    pressButton(messageDialog, "OK");
    waitFor("the message dialog to close", () -> !messageDialog.isShowing());
    return message;
  }

  private void runClassifier() throws Exception {
    ClassifierPanel classify = classifierPanel();
    check(classify.isSelectedCV(), "the Explorer's default test option is cross-validation");
    pressButton(classify, "Start");
    waitFor("the cross-validation run to finish", () -> classify.m_RunThread == null
      && classify.m_History.getList().getModel().getSize() == 1
      && button(classify, "Start").isEnabled());

    String output = onEdt(() -> classify.m_OutText.getText());
    for (String expected : new String[] {"Scheme:       " + CLASSIFIER,
      "SoftmaxToSigmoid: per-class sigmoid scores", "Calibration set:",
      "Calibrator:         per-class",
      "=== Stratified cross-validation ===", "Correctly Classified Instances",
      "=== Confusion Matrix ==="}) {
      check(output.contains(expected), "the classifier output contains '" + expected
        + "'; output:\n" + output);
    }
    onEdt(() -> {
      int summary = output.indexOf("=== Stratified cross-validation ===");
      classify.m_OutText.setCaretPosition(summary);
      Rectangle view = classify.m_OutText.modelToView2D(summary).getBounds();
      view.height = classify.m_OutText.getVisibleRect().height;
      classify.m_OutText.scrollRectToVisible(view);
      return null;
    });
    screenshot(m_Frame, "03-classifier-run.png");
    pass("the cross-validation of SoftmaxToSigmoid finished and printed its summary");
  }

  private void chooseFilter() throws Exception {
    PreprocessPanel preprocess = m_Explorer.getPreprocessPanel();
    onEdt(() -> {
      m_Explorer.getTabbedPane().setSelectedComponent(preprocess);
      return null;
    });
    chooseInTree(preprocess, preprocess.m_FilterEditor, FILTER, "04-filter-tree.png");
    Object chosen = preprocess.m_FilterEditor.getValue();
    check(chosen.getClass().getName().equals(FILTER),
      "the filter editor holds " + chosen.getClass().getName());
    pass("AddSigmoidScores chosen in the filter tree");
  }

  /** Sets outputLabels to True in the filter's property sheet, as a user does. */
  private void switchOnLabelAttributes() throws Exception {
    PreprocessPanel preprocess = m_Explorer.getPreprocessPanel();
    PropertyDialog dialog = openPropertyDialog(() -> preprocess.m_FilterPanel
      .showPropertyDialog());
    checkPropertySheet(dialog, FILTER_PROPERTY_ORDER);
    selectInDropDown(dialog, "outputLabels", "True");
    screenshot(dialog, "05-filter-property-sheet.png");
    pressButton(dialog, "OK");
    waitFor("the property dialog to close", () -> !dialog.isShowing());

    Object filter = preprocess.m_FilterEditor.getValue();
    Object labels = filter.getClass().getMethod("getOutputLabels").invoke(filter);
    check(Boolean.TRUE.equals(labels), "outputLabels is true after editing the sheet");
    pass("outputLabels switched on in the AddSigmoidScores property sheet");
  }

  private void applyFilter() throws Exception {
    PreprocessPanel preprocess = m_Explorer.getPreprocessPanel();
    Instances before = preprocess.getInstances();
    int numClasses = before.attribute(before.numAttributes() - 1).numValues();
    int expectedAttributes = before.numAttributes() + 2 * numClasses;
    pressButton(preprocess, "Apply");
    waitFor("the filter to add " + 2 * numClasses + " attributes", () -> preprocess.m_IOThread
      == null && preprocess.getInstances().numAttributes() == expectedAttributes);

    Instances after = preprocess.getInstances();
    for (int k = 0; k < numClasses; k++) {
      String value = before.attribute(before.numAttributes() - 1).value(k);
      check(after.attribute("score_" + value) != null, "attribute score_" + value + " exists");
      check(after.attribute("label_" + value) != null, "attribute label_" + value + " exists");
    }
    int scoreIndex = after.attribute("score_headlamps").index();
    double score = after.instance(0).value(scoreIndex);
    check(score >= 0 && score <= 1, "score_headlamps of the first instance lies in [0, 1]: "
      + score);

    onEdt(() -> {
      // The attribute table has one row per attribute, in attribute order.
      preprocess.m_AttPanel.getSelectionModel().setSelectionInterval(scoreIndex, scoreIndex);
      JTable table = descendants(preprocess.m_AttPanel, JTable.class).get(0);
      table.scrollRectToVisible(table.getCellRect(after.numAttributes() - 1, 0, true));
      return null;
    });
    screenshot(m_Frame, "06-filter-attributes.png");
    pass("AddSigmoidScores added " + 2 * numClasses + " attributes: "
      + after.attribute(before.numAttributes()).name() + " ... "
      + after.attribute(after.numAttributes() - 1).name());
  }

  // ------------------------------------------------------------------ helpers

  private ClassifierPanel classifierPanel() {
    for (Explorer.ExplorerPanel panel : m_Explorer.getPanels()) {
      if (panel instanceof ClassifierPanel) {
        return (ClassifierPanel) panel;
      }
    }
    throw new IllegalStateException("The Explorer has no Classify panel");
  }

  /**
   * Presses the panel's Choose button, selects the class in the tree that pops
   * up, photographs the open tree and closes it, as a click on a leaf does.
   */
  private void chooseInTree(Container panel, GenericObjectEditor editor, String className,
    String screenshotName) throws Exception {
    pressButton(panel, "Choose");
    AtomicReference<JTree> treeHolder = new AtomicReference<>();
    waitFor("the class tree to pop up", () -> {
      treeHolder.set(visibleTreeInPopup());
      return treeHolder.get() != null;
    });
    JTree tree = treeHolder.get();

    onEdt(() -> {
      TreePath path = pathTo(tree, className.split("\\."));
      tree.expandPath(path.getParentPath());
      tree.scrollPathToVisible(path);
      tree.setSelectionPath(path);
      return null;
    });
    Window popupWindow = SwingUtilities.getWindowAncestor(tree);
    JPopupMenu popup = (JPopupMenu) SwingUtilities.getAncestorOfClass(JPopupMenu.class, tree);
    Rectangle area = onEdt(() -> {
      Rectangle bounds = new Rectangle(popup.getLocationOnScreen(), popup.getSize());
      return bounds.union(new Rectangle(m_Frame.getLocationOnScreen(), m_Frame.getSize()));
    });
    screenshot(area, screenshotName);
    onEdt(() -> {
      popup.setVisible(false);
      return null;
    });
    waitFor("the class tree to close", () -> !popup.isShowing() || !popupWindow.isShowing());
  }

  /** Finds the tree path whose node names are the parts of a class name. */
  private static TreePath pathTo(JTree tree, String[] parts) {
    DefaultMutableTreeNode node = (DefaultMutableTreeNode) tree.getModel().getRoot();
    int start = 0;
    if (String.valueOf(node.getUserObject()).equals(parts[0])) {
      start = 1;
    }
    for (int i = start; i < parts.length; i++) {
      DefaultMutableTreeNode next = null;
      for (int c = 0; c < node.getChildCount(); c++) {
        DefaultMutableTreeNode child = (DefaultMutableTreeNode) node.getChildAt(c);
        if (String.valueOf(child.getUserObject()).equals(parts[i])) {
          next = child;
        }
      }
      if (next == null) {
        throw new IllegalStateException("The class tree has no node '" + parts[i]
          + "' under '" + node.getUserObject() + "'; children: " + childNames(node));
      }
      node = next;
    }
    return new TreePath(node.getPath());
  }

  private static String childNames(DefaultMutableTreeNode node) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < node.getChildCount(); c++) {
      names.add(String.valueOf(((DefaultMutableTreeNode) node.getChildAt(c)).getUserObject()));
    }
    return names.toString();
  }

  private JTree visibleTreeInPopup() {
    for (Window window : Window.getWindows()) {
      if (!window.isShowing()) {
        continue;
      }
      for (JTree tree : descendants(window, JTree.class)) {
        if (tree.isShowing()
          && SwingUtilities.getAncestorOfClass(JPopupMenu.class, tree) != null) {
          return tree;
        }
      }
    }
    return null;
  }

  /** Opens a property dialog later on the event thread, since a modal dialog blocks. */
  private PropertyDialog openPropertyDialog(Runnable open) throws Exception {
    SwingUtilities.invokeLater(open);
    AtomicReference<PropertyDialog> dialog = new AtomicReference<>();
    waitFor("the property dialog to open", () -> {
      for (Window window : Window.getWindows()) {
        if (window instanceof PropertyDialog && window.isShowing()) {
          dialog.set((PropertyDialog) window);
          return true;
        }
      }
      return false;
    });
    return dialog.get();
  }

  /** Checks the property names of the dialog's sheet, top to bottom, and their tip texts. */
  private void checkPropertySheet(PropertyDialog dialog, List<String> expectedOrder)
    throws Exception {
    List<JLabel> labels = onEdt(() -> propertyLabels(dialog));
    List<String> names = labels.stream().map(JLabel::getText).collect(Collectors.toList());
    check(names.equals(expectedOrder), "the property sheet shows " + expectedOrder
      + ", found " + names);
    for (JLabel label : labels) {
      String tip = label.getToolTipText();
      check(tip != null && tip.trim().split("\\s+").length >= 4,
        "property " + label.getText() + " has a tip text of at least four words: " + tip);
    }
  }

  /** Returns the property-name labels of a property sheet, top to bottom. */
  private static List<JLabel> propertyLabels(Container dialog) {
    PropertySheetPanel sheet = descendants(dialog, PropertySheetPanel.class).get(0);
    List<JLabel> result = new ArrayList<>();
    for (JLabel label : descendants(sheet, JLabel.class)) {
      // The sheet right-aligns property names; the About panel's labels are not.
      if (label.getHorizontalAlignment() == SwingConstants.RIGHT
        && SwingUtilities.getAncestorOfClass(PropertySheetPanel.class, label) == sheet) {
        result.add(label);
      }
    }
    result.sort(Comparator.comparingInt(Component::getY));
    return result;
  }

  /**
   * Selects a value in a property's drop-down. Weka's drop-down model fires no
   * change event, so the combo box is repainted as a mouse selection would.
   */
  private static void selectInDropDown(PropertyDialog dialog, String property, String value)
    throws Exception {
    onEdt(() -> {
      JComboBox<?> choice = editorOfProperty(dialog, property, JComboBox.class);
      choice.setSelectedItem(value);
      choice.repaint();
      return null;
    });
  }

  /** Returns the component of a type on the same grid row of the property sheet as a label. */
  private static <T extends Component> T editorOfProperty(Container dialog, String property,
    Class<T> type) {
    for (JLabel label : propertyLabels(dialog)) {
      if (!label.getText().equals(property)) {
        continue;
      }
      Container rows = label.getParent();
      GridBagLayout layout = (GridBagLayout) rows.getLayout();
      int row = layout.getConstraints(label).gridy;
      for (Component component : rows.getComponents()) {
        if (component == label || layout.getConstraints(component).gridy != row) {
          continue;
        }
        if (type.isInstance(component)) {
          return type.cast(component);
        }
        if (component instanceof Container) {
          List<T> inner = descendants((Container) component, type);
          if (!inner.isEmpty()) {
            return inner.get(0);
          }
        }
      }
    }
    throw new IllegalStateException("No " + type.getSimpleName() + " found for property "
      + property);
  }

  private void pressButton(Container container, String text) throws Exception {
    AbstractButton button = button(container, text);
    waitFor("button '" + text + "' to be enabled", button::isEnabled);
    onEdt(() -> {
      button.doClick();
      return null;
    });
  }

  private static AbstractButton button(Container container, String text) {
    for (JButton button : descendants(container, JButton.class)) {
      if (text.equals(button.getText()) && button.isShowing()) {
        return button;
      }
    }
    throw new IllegalStateException("No visible button '" + text + "' in "
      + container.getClass().getSimpleName());
  }

  private static <T> List<T> descendants(Container root, Class<T> type) {
    List<T> result = new ArrayList<>();
    for (Component child : root.getComponents()) {
      if (type.isInstance(child)) {
        result.add(type.cast(child));
      }
      if (child instanceof Container) {
        result.addAll(descendants((Container) child, type));
      }
    }
    return result;
  }

  /** Waits until the condition holds, failing at once if Weka shows an error dialog. */
  private void waitFor(String event, BooleanSupplier condition) throws Exception {
    long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
    while (true) {
      if (onEdt(condition::getAsBoolean)) {
        return;
      }
      String error = onEdt(ExplorerGuiDriver::visibleMessageDialog);
      if (error != null) {
        throw new IllegalStateException("Weka showed a message while waiting for " + event
          + ": " + error);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("Timed out after " + STEP_TIMEOUT_MS
          + " ms waiting for " + event);
      }
      Thread.sleep(200);
    }
  }

  private static String visibleMessageDialog() {
    JDialog dialog = messageDialog();
    if (dialog == null) {
      return null;
    }
    return dialog.getTitle() + ": " + descendants(dialog, JOptionPane.class).get(0).getMessage();
  }

  /** Returns the visible dialog that shows a JOptionPane message, or null. */
  private static JDialog messageDialog() {
    for (Window window : Window.getWindows()) {
      if (window instanceof JDialog && window.isShowing()
        && !descendants((JDialog) window, JOptionPane.class).isEmpty()) {
        return (JDialog) window;
      }
    }
    return null;
  }

  private static void check(boolean condition, String description) {
    if (!condition) {
      throw new AssertionError("Check failed: " + description);
    }
  }

  private static void pass(String step) {
    System.out.println("PASS: " + step);
  }

  private static <T> T onEdt(Callable<T> action) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(() -> {
        try {
          result.set(action.call());
        } catch (Exception e) {
          failure.set(e);
        }
      });
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Action on the event thread failed", e.getCause());
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }

  // -------------------------------------------------------------- screenshots

  private void screenshot(Window window, String name) throws Exception {
    Rectangle area = onEdt(() -> new Rectangle(window.getLocationOnScreen(),
      window.getSize()));
    screenshot(area, name);
  }

  /** Captures a screen area once everything queued has been painted. */
  private void screenshot(Rectangle area, String name) throws Exception {
    onEdt(() -> {
      Toolkit.getDefaultToolkit().sync();
      return null;
    });
    m_Robot.waitForIdle();
    Thread.sleep(500);
    BufferedImage image = m_Robot.createScreenCapture(area);
    writeImage(image, name);
    System.out.println("SCREENSHOT: " + new File(m_ScreenshotFolder, name));
  }

  private void writeImage(BufferedImage image, String name) throws IOException {
    if (!m_ScreenshotFolder.isDirectory() && !m_ScreenshotFolder.mkdirs()) {
      throw new IOException("Cannot create the screenshot folder " + m_ScreenshotFolder);
    }
    ImageIO.write(image, "png", new File(m_ScreenshotFolder, name));
  }

  private void captureScreenOnFailure() {
    try {
      Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
      writeImage(m_Robot.createScreenCapture(screen), "failure-screen.png");
      System.out.println("SCREENSHOT: " + new File(m_ScreenshotFolder, "failure-screen.png"));
    } catch (Exception e) {
      System.out.println("No failure screenshot: " + e);
    }
  }
}
