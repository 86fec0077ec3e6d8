/*
 *   This program is free software: you can redistribute it and/or modify
 *   it under the terms of the GNU General Public License as published by
 *   the Free Software Foundation, either version 3 of the License, or
 *   (at your option) any later version.
 */
package weka.classifiers.meta.softmaxtosigmoid;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Reliability diagram of sigmoid scores, drawn with Java2D into a PNG file.
 *
 * <p>The upper panel shows, for each of the {@link MultiLabelMetrics#NUM_BINS}
 * equal-width score bins over all (instance, class) pairs, a bar whose height is the
 * observed share of pairs whose class is a true label, a dot at (mean score, observed
 * share), and the diagonal of perfect calibration. The lower panel shows the share of
 * pairs in each bin. Drawing uses an off-screen image only, so it works with
 * {@code java.awt.headless=true}.
 *
 * <p>{@link #draw(List, String, List)} draws several {@link Curve}s, each built from
 * (probability, outcome, weight) arrays, as coloured lines with a legend. A single
 * curve also gets the bars.
 */
public final class ReliabilityDiagram {

  /** Width of the image in pixels. */
  public static final int WIDTH = 640;

  /** Height of the image in pixels. */
  public static final int HEIGHT = 630;

  private static final int LEFT = 80;

  private static final int TOP = 66;

  private static final int PLOT_SIZE = 500;

  private static final int HISTOGRAM_TOP = TOP + PLOT_SIZE - 100;

  /** Pixel row of observed share 0 in the reliability panel. */
  static final int RELIABILITY_BOTTOM = HISTOGRAM_TOP - 20;

  private static final Color BAR = new Color(70, 120, 200, 150);

  private static final Color POINT = new Color(200, 40, 40);

  /** Line colours of the curves in order, starting with {@link #POINT}. */
  private static final Color[] PALETTE = {POINT, new Color(31, 119, 180),
    new Color(44, 160, 44), new Color(255, 127, 14), new Color(148, 103, 189),
    new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
    new Color(188, 189, 34), new Color(23, 190, 207)};

  /** Maximum number of legend rows. Curves beyond it share one summary row. */
  static final int MAX_LEGEND_ROWS = 12;

  /**
   * One reliability curve: the {@link MultiLabelMetrics#NUM_BINS} equal-width bins of
   * (probability, outcome, weight) triples and their expected calibration error.
   */
  public static final class Curve {

    /** Legend text, or null for no legend row. */
    public final String name;

    /** The bins in ascending order of probability. */
    public final MultiLabelMetrics.Bin[] bins;

    /** Expected calibration error over the bins, in [0, 1]. */
    public final double expectedCalibrationError;

    /** Number of triples. */
    public final int numPairs;

    Curve(String name, MultiLabelMetrics.Bin[] bins, double expectedCalibrationError,
      int numPairs) {
      this.name = name;
      this.bins = bins;
      this.expectedCalibrationError = expectedCalibrationError;
      this.numPairs = numPairs;
    }

    /**
     * Bins (probability, outcome, weight) triples with the bins and error of
     * {@link MultiLabelMetrics}.
     *
     * @param name the legend text, or null
     * @param probability predicted probabilities in [0, 1]
     * @param outcome 1 where the event happened, 0 where not
     * @param weight weights, finite and at least 0, or null for weight 1 each
     * @return the curve
     * @throws IllegalArgumentException if the arrays differ in length, are empty, a value
     *           is out of range, or the weights sum to 0
     */
    public static Curve of(String name, double[] probability, double[] outcome,
      double[] weight) {
      if (outcome.length != probability.length) {
        throw new IllegalArgumentException("Got " + probability.length + " probabilities and "
          + outcome.length + " outcomes; expected one outcome per probability.");
      }
      double[][] scores = new double[probability.length][];
      double[][] truth = new double[probability.length][];
      for (int i = 0; i < probability.length; i++) {
        scores[i] = new double[] {probability[i]};
        truth[i] = new double[] {outcome[i]};
      }
      // The label-set argument is unused by the bins, so the outcomes fill it.
      MultiLabelMetrics metrics = new MultiLabelMetrics(scores, truth, truth, weight);
      return new Curve(name, metrics.reliabilityBins(0), metrics.expectedCalibrationError(0),
        probability.length);
    }
  }

  private ReliabilityDiagram() {
  }

  /**
   * Draws the diagram of all pairs and writes it as a PNG file.
   *
   * @param metrics the evaluated scores
   * @param title the first line of the title, for example the data set name
   * @param file the PNG file to write, replaced if it exists
   * @throws IOException if the file cannot be written
   */
  public static void write(MultiLabelMetrics metrics, String title, File file)
    throws IOException {
    writePng(draw(metrics, title), file);
  }

  /**
   * Draws the diagram of all pairs.
   *
   * @param metrics the evaluated scores
   * @param title the first line of the title
   * @return an RGB image of {@link #WIDTH} by {@link #HEIGHT} pixels
   */
  public static BufferedImage draw(MultiLabelMetrics metrics, String title) {
    Curve pooled = new Curve(null, metrics.reliabilityBins(), metrics.expectedCalibrationError(),
      metrics.numInstances() * metrics.numClasses());
    String caption = String.format(Locale.ROOT, "ECE %.4f over %d instances x %d "
      + "classes (%d bins); Brier %.4f", metrics.expectedCalibrationError(),
      metrics.numInstances(), metrics.numClasses(), MultiLabelMetrics.NUM_BINS,
      metrics.brierScore());
    return draw(Collections.singletonList(pooled), title, Collections.singletonList(caption),
      "sigmoid score", "share of true labels");
  }

  /**
   * Draws one or more curves. The histogram shows the bin weights summed over the curves.
   *
   * @param curves the curves, at least one
   * @param title the first line of the title
   * @param captions up to two lines below the title
   * @param xLabel the name of the probability axis, followed by the bin width
   * @param yLabel the name of the observed-share axis
   * @return an RGB image of {@link #WIDTH} by {@link #HEIGHT} pixels
   * @throws IllegalArgumentException if there is no curve or more than two captions
   */
  public static BufferedImage draw(List<Curve> curves, String title, List<String> captions,
    String xLabel, String yLabel) {
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("No curve to draw; give at least one.");
    }
    if (captions.size() > 2) {
      throw new IllegalArgumentException("Got " + captions.size() + " caption lines; at most 2 "
        + "fit above the plot.");
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
        RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, WIDTH, HEIGHT);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

      if (curves.size() == 1) {
        drawBars(graphics, curves.get(0).bins);
      }
      for (int c = 0; c < curves.size(); c++) {
        drawCurve(graphics, curves.get(c).bins, PALETTE[c % PALETTE.length], curves.size() > 1);
      }
      drawFrame(graphics, yLabel);
      drawHistogram(graphics, pooledBins(curves));
      drawAxes(graphics, xLabel);
      drawLegend(graphics, curves);

      graphics.setColor(Color.BLACK);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      graphics.drawString(title, LEFT, 20);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      for (int line = 0; line < captions.size(); line++) {
        graphics.drawString(captions.get(line), LEFT, 37 + 14 * line);
      }
    } finally {
      graphics.dispose();
    }
    return image;
  }

  /**
   * Writes an image as a PNG file.
   *
   * @param image the image
   * @param file the PNG file to write, replaced if it exists
   * @throws IOException if the file cannot be written
   */
  public static void writePng(BufferedImage image, File file) throws IOException {
    // ImageIO.write to a File prints a stack trace to standard error when the file cannot
    // be opened (seen with OpenJDK 17), so the file is opened here and the error thrown.
    try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file))) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("No PNG writer is available to write '" + file.getPath() + "'.");
      }
    }
  }

  /** Sums the bin weights of all curves, for the histogram. */
  private static MultiLabelMetrics.Bin[] pooledBins(List<Curve> curves) {
    MultiLabelMetrics.Bin[] first = curves.get(0).bins;
    List<MultiLabelMetrics.Bin> pooled = new ArrayList<MultiLabelMetrics.Bin>();
    for (int b = 0; b < first.length; b++) {
      double weight = 0;
      for (Curve curve : curves) {
        weight += curve.bins[b].weight;
      }
      pooled.add(new MultiLabelMetrics.Bin(first[b].lower, first[b].upper, weight, Double.NaN,
        Double.NaN));
    }
    return pooled.toArray(new MultiLabelMetrics.Bin[0]);
  }

  /** Draws the observed-share bar of each non-empty bin. */
  private static void drawBars(Graphics2D graphics, MultiLabelMetrics.Bin[] bins) {
    int bottom = RELIABILITY_BOTTOM;
    int height = bottom - TOP;
    graphics.setColor(BAR);
    for (MultiLabelMetrics.Bin bin : bins) {
      if (!(bin.weight > 0)) {
        continue;
      }
      int x0 = xPixel(bin.lower);
      int x1 = xPixel(bin.upper);
      int barTop = bottom - (int) Math.round(bin.observedRate * height);
      graphics.fillRect(x0 + 1, barTop, x1 - x0 - 2, bottom - barTop);
    }
  }

  /**
   * Draws a dot at (mean probability, observed share) of each non-empty bin, joined by
   * a line when {@code joined} is set.
   */
  private static void drawCurve(Graphics2D graphics, MultiLabelMetrics.Bin[] bins, Color color,
    boolean joined) {
    int bottom = RELIABILITY_BOTTOM;
    int height = bottom - TOP;
    graphics.setColor(color);
    graphics.setStroke(new BasicStroke(2));
    int previousX = -1;
    int previousY = -1;
    for (MultiLabelMetrics.Bin bin : bins) {
      if (!(bin.weight > 0)) {
        continue;
      }
      int px = xPixel(bin.meanScore);
      int py = bottom - (int) Math.round(bin.observedRate * height);
      graphics.fillOval(px - 4, py - 4, 8, 8);
      if (joined && previousX >= 0) {
        graphics.drawLine(previousX, previousY, px, py);
      }
      previousX = px;
      previousY = py;
    }
    graphics.setStroke(new BasicStroke(1));
  }

  /** Draws the diagonal, the border and the ticks of the reliability panel. */
  private static void drawFrame(Graphics2D graphics, String yLabel) {
    int bottom = RELIABILITY_BOTTOM;
    int height = bottom - TOP;
    graphics.setColor(Color.GRAY);
    graphics.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
      new float[] {6, 4}, 0));
    graphics.drawLine(xPixel(0), bottom, xPixel(1), TOP);
    graphics.setStroke(new BasicStroke(1));
    graphics.setColor(Color.BLACK);
    graphics.drawRect(LEFT, TOP, PLOT_SIZE, height);
    for (int tick = 0; tick <= 5; tick++) {
      double value = tick / 5.0;
      int y = bottom - (int) Math.round(value * height);
      graphics.drawLine(LEFT - 4, y, LEFT, y);
      graphics.drawString(String.format(Locale.ROOT, "%.1f", value), LEFT - 30, y + 4);
    }
    graphics.drawString(yLabel, 8, TOP - 4);
  }

  /**
   * Draws the names and errors of named curves in the upper left of the reliability
   * panel, at most {@link #MAX_LEGEND_ROWS} rows.
   */
  private static void drawLegend(Graphics2D graphics, List<Curve> curves) {
    List<String> rows = new ArrayList<String>();
    List<Color> colors = new ArrayList<Color>();
    for (int c = 0; c < curves.size(); c++) {
      Curve curve = curves.get(c);
      if (curve.name == null) {
        continue;
      }
      if (rows.size() == MAX_LEGEND_ROWS - 1 && curves.size() - c > 1) {
        rows.add("... and " + (curves.size() - c) + " more");
        colors.add(Color.BLACK);
        break;
      }
      rows.add(String.format(Locale.ROOT, "%s  (ECE %.4f)", curve.name,
        curve.expectedCalibrationError));
      colors.add(PALETTE[c % PALETTE.length]);
    }
    if (rows.isEmpty()) {
      return;
    }

    int rowHeight = 15;
    int width = 0;
    for (String row : rows) {
      width = Math.max(width, graphics.getFontMetrics().stringWidth(row));
    }

    int x = LEFT + 8;
    int y = TOP + 8;
    graphics.setColor(new Color(255, 255, 255, 220));
    graphics.fillRect(x, y, width + 30, rows.size() * rowHeight + 8);
    graphics.setColor(Color.LIGHT_GRAY);
    graphics.drawRect(x, y, width + 30, rows.size() * rowHeight + 8);

    for (int r = 0; r < rows.size(); r++) {
      int baseline = y + 4 + (r + 1) * rowHeight - 3;
      graphics.setColor(colors.get(r));
      graphics.fillRect(x + 6, baseline - 9, 12, 8);
      graphics.setColor(Color.BLACK);
      graphics.drawString(rows.get(r), x + 24, baseline);
    }
  }

  /**
   * Draws the share of the points (pairs or predictions) in each bin below the
   * reliability panel.
   */
  private static void drawHistogram(Graphics2D graphics, MultiLabelMetrics.Bin[] bins) {
    double total = 0;
    for (MultiLabelMetrics.Bin bin : bins) {
      total += bin.weight;
    }
    int bottom = TOP + PLOT_SIZE;
    int height = bottom - HISTOGRAM_TOP;
    graphics.setColor(Color.DARK_GRAY);
    for (MultiLabelMetrics.Bin bin : bins) {
      if (!(bin.weight > 0)) {
        continue;
      }
      int barHeight = (int) Math.round(bin.weight / total * height);
      int x0 = xPixel(bin.lower);
      int x1 = xPixel(bin.upper);
      graphics.fillRect(x0 + 1, bottom - barHeight, x1 - x0 - 2, barHeight);
    }
    graphics.setColor(Color.BLACK);
    graphics.drawRect(LEFT, HISTOGRAM_TOP, PLOT_SIZE, height);
    graphics.drawString("1.0", LEFT - 30, HISTOGRAM_TOP + 4);
    graphics.drawString("0.0", LEFT - 30, bottom + 4);
    graphics.drawString("share per bin", 8, HISTOGRAM_TOP - 4);
  }

  /** Draws the score axis below the histogram. */
  private static void drawAxes(Graphics2D graphics, String xLabel) {
    int bottom = TOP + PLOT_SIZE;
    graphics.setColor(Color.BLACK);
    for (int tick = 0; tick <= 10; tick++) {
      int x = xPixel(tick / 10.0);
      graphics.drawLine(x, bottom, x, bottom + 4);
      if (tick % 2 == 0) {
        graphics.drawString(String.format(Locale.ROOT, "%.1f", tick / 10.0), x - 9, bottom + 18);
      }
    }
    String label = xLabel + " (bins of width " + 1.0 / MultiLabelMetrics.NUM_BINS + ")";
    int width = graphics.getFontMetrics().stringWidth(label);
    graphics.drawString(label, LEFT + (PLOT_SIZE - width) / 2, bottom + 38);
  }

  /** Returns the pixel column of a score on the horizontal axis. */
  static int xPixel(double score) {
    return LEFT + (int) Math.round(score * PLOT_SIZE);
  }
}
