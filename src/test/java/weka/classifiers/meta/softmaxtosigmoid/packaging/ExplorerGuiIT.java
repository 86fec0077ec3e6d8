package weka.classifiers.meta.softmaxtosigmoid.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.gui.explorer.ExplorerGuiDriver;

/**
 * Installs the package zip into an empty WEKA_HOME and drives Weka's Explorer
 * with {@link ExplorerGuiDriver} in a separate JVM on the X display named by
 * DISPLAY: SoftmaxToSigmoid is chosen in the classifier tree and run on glass,
 * AddSigmoidScores is applied in the Preprocess panel.
 *
 * <p>Without DISPLAY the test is skipped, and the skip is reported with its
 * reason. With {@code -Dsoftmaxtosigmoid.gui.required=true}, as CI sets it, a
 * missing display fails the test instead. The screenshots are written to
 * {@code target/gui-screenshots}.
 */
class ExplorerGuiIT {

  private static final List<String> SCREENSHOTS = List.of("01-classifier-tree.png",
    "02-classifier-property-sheet.png", "03-classifier-run.png", "04-filter-tree.png",
    "05-filter-property-sheet.png", "06-filter-attributes.png", "07-invalid-folds-warning.png");

  @TempDir
  Path wekaHome;

  @Test
  void explorerRunsClassifierAndFilter() throws Exception {
    String display = System.getenv("DISPLAY");
    if (display == null || display.isEmpty()) {
      if (Boolean.getBoolean("softmaxtosigmoid.gui.required")) {
        fail("softmaxtosigmoid.gui.required is set but DISPLAY is not; start Xvfb and "
          + "export DISPLAY before running the tests.");
      }
      Assumptions.abort("No DISPLAY, so the Explorer GUI test did not run; start an X "
        + "server such as Xvfb and export DISPLAY to run it.");
    }
    File zip = new File(System.getProperty("softmaxtosigmoid.package.zip", "missing"));
    File glass = new File(System.getProperty("softmaxtosigmoid.data.dir", "data"),
      "glass.arff");
    File screenshots = new File(System.getProperty("softmaxtosigmoid.gui.screenshots",
      "target/gui-screenshots"));
    assertTrue(zip.isFile(), "Package zip " + zip + " not found; run 'mvn verify'.");
    // Screenshots of an earlier run must not pass for this run's.
    for (String name : SCREENSHOTS) {
      Files.deleteIfExists(screenshots.toPath().resolve(name));
    }

    WekaProcess weka = new WekaProcess(wekaHome).timeoutMinutes(10)
      .withClasses(wekaHome, ExplorerGuiDriver.class);
    WekaProcess.Result installed = weka.installPackage(zip);
    assertEquals(0, installed.exitCode, installed.output);

    WekaProcess.Result session = weka.run(Map.of("DISPLAY", display),
      ExplorerGuiDriver.class.getName(), glass.getPath(), screenshots.getPath());

    // The driver's step lines go to the build log, so a passing run shows what it checked.
    session.output.lines().filter(line -> line.startsWith("PASS") || line.startsWith("FAIL"))
      .forEach(System.out::println);
    assertEquals(0, session.exitCode, session.output);
    assertTrue(session.output.contains("ALL GUI CHECKS PASSED"), session.output);
    for (String name : SCREENSHOTS) {
      Path file = screenshots.toPath().resolve(name);
      assertTrue(Files.isRegularFile(file), "screenshot " + file + " missing");
      BufferedImage image = ImageIO.read(file.toFile());
      // The smallest screenshot, a one-line message dialog, is about 470 x 90 pixels.
      assertTrue(image.getWidth() >= 200, file + " is only " + image.getWidth() + " wide");
      assertTrue(image.getHeight() >= 50, file + " is only " + image.getHeight() + " high");
    }
  }
}
