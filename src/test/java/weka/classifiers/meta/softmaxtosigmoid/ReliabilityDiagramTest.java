package weka.classifiers.meta.softmaxtosigmoid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Draws a reliability diagram headless and reads the PNG back. */
class ReliabilityDiagramTest {

  @TempDir
  Path folder;

  @Test
  void pngShowsFilledAndEmptyBins() throws Exception {
    // Two instances, two classes: pairs (0.95, 1), (0.05, 0), (0.92, 1), (0.02, 0), so
    // only bins 0 and 9 hold pairs and bin 9 has an observed share of 1.
    double[][] scores = {{0.95, 0.05}, {0.92, 0.02}};
    double[][] truth = {{1, 0}, {1, 0}};
    MultiLabelMetrics metrics = new MultiLabelMetrics(scores, truth, truth, null);
    File file = folder.resolve("diagram.png").toFile();

    ReliabilityDiagram.write(metrics, "two instances", file);

    BufferedImage image = ImageIO.read(file);
    assertEquals(ReliabilityDiagram.WIDTH, image.getWidth());
    assertEquals(ReliabilityDiagram.HEIGHT, image.getHeight());
    int y = ReliabilityDiagram.RELIABILITY_BOTTOM - 5;
    int white = Color.WHITE.getRGB();
    assertNotEquals(white, image.getRGB(ReliabilityDiagram.xPixel(0.95), y), "bar of bin 9");
    assertEquals(white, image.getRGB(ReliabilityDiagram.xPixel(0.55), y), "empty bin 5");
  }
}
