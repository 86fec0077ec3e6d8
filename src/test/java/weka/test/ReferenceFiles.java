package weka.test;

import java.io.File;

import junit.framework.Assert;

/**
 * Guard for Weka's regression harness, which silently writes a missing reference
 * file and passes. Tests call {@link #assertExists} first, so a missing file fails.
 *
 * <p>To create the references after a deliberate change, run the tests once with
 * {@code -Dsoftmaxtosigmoid.createReferences=true} and commit the new files.
 */
public final class ReferenceFiles {

  /** System property that allows the harness to write missing reference files. */
  public static final String CREATE_PROPERTY = "softmaxtosigmoid.createReferences";

  private ReferenceFiles() {
  }

  /**
   * Fails unless the reference file of a test class exists or creation is allowed.
   *
   * @param testClass the test class whose name gives the file path
   */
  public static void assertExists(Class<?> testClass) {
    File file = new File(Regression.getRoot(),
      testClass.getName().replace('.', File.separatorChar) + ".ref");
    if (!file.isFile() && !Boolean.getBoolean(CREATE_PROPERTY)) {
      Assert.fail("Missing regression reference " + file + "; run the tests once with -D"
        + CREATE_PROPERTY + "=true, check the new file and commit it.");
    }
  }
}
