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
import java.io.File;
import java.io.IOException;
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
    BufferedImage image = draw(metrics, title);
    if (!ImageIO.write(image, "png", file)) {
      throw new IOException("No PNG writer is available to write '" + file.getPath() + "'.");
    }
  }

  /**
   * Draws the diagram of all pairs.
   *
   * @param metrics the evaluated scores
   * @param title the first line of the title
   * @return an RGB image of {@link #WIDTH} by {@link #HEIGHT} pixels
   */
  public static BufferedImage draw(MultiLabelMetrics metrics, String title) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
        RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, WIDTH, HEIGHT);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

      MultiLabelMetrics.Bin[] bins = metrics.reliabilityBins();
      drawReliability(graphics, bins);
      drawHistogram(graphics, bins);
      drawAxes(graphics);

      graphics.setColor(Color.BLACK);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      graphics.drawString(title, LEFT, 22);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      graphics.drawString(String.format(Locale.ROOT, "ECE %.4f over %d instances x %d "
        + "classes (%d bins); Brier %.4f", metrics.expectedCalibrationError(),
        metrics.numInstances(), metrics.numClasses(), MultiLabelMetrics.NUM_BINS,
        metrics.brierScore()), LEFT, 40);
    } finally {
      graphics.dispose();
    }
    return image;
  }

  /** Draws the observed-share bars, the mean-score dots and the diagonal. */
  private static void drawReliability(Graphics2D graphics, MultiLabelMetrics.Bin[] bins) {
    int bottom = RELIABILITY_BOTTOM;
    int height = bottom - TOP;
    for (MultiLabelMetrics.Bin bin : bins) {
      if (!(bin.weight > 0)) {
        continue;
      }
      int x0 = xPixel(bin.lower);
      int x1 = xPixel(bin.upper);
      int barTop = bottom - (int) Math.round(bin.observedRate * height);
      graphics.setColor(BAR);
      graphics.fillRect(x0 + 1, barTop, x1 - x0 - 2, bottom - barTop);
      graphics.setColor(POINT);
      int px = xPixel(bin.meanScore);
      int py = bottom - (int) Math.round(bin.observedRate * height);
      graphics.fillOval(px - 4, py - 4, 8, 8);
    }
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
    graphics.drawString("share of true labels", 8, TOP - 4);
  }

  /** Draws the share of pairs in each bin below the reliability panel. */
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
    graphics.drawString("share of pairs", 8, HISTOGRAM_TOP - 4);
  }

  /** Draws the score axis below the histogram. */
  private static void drawAxes(Graphics2D graphics) {
    int bottom = TOP + PLOT_SIZE;
    graphics.setColor(Color.BLACK);
    for (int tick = 0; tick <= 10; tick++) {
      int x = xPixel(tick / 10.0);
      graphics.drawLine(x, bottom, x, bottom + 4);
      if (tick % 2 == 0) {
        graphics.drawString(String.format(Locale.ROOT, "%.1f", tick / 10.0), x - 9, bottom + 18);
      }
    }
    graphics.drawString("sigmoid score (bins of width 0.1)", LEFT + PLOT_SIZE / 2 - 90,
      bottom + 38);
  }

  /** Returns the pixel column of a score on the horizontal axis. */
  static int xPixel(double score) {
    return LEFT + (int) Math.round(score * PLOT_SIZE);
  }
}
