package weka.classifiers.meta.softmaxtosigmoid.packaging;

import java.util.Properties;

import weka.core.WekaPackageManager;
import weka.core.packageManagement.Package;
import weka.gui.GenericPropertiesCreator;

/**
 * Prints, for an installed package, what Weka's package loading and class
 * discovery make of it, without a display.
 *
 * <p>It loads the packages of WEKA_HOME as the GUI does at start-up, prints
 * whether the package is compatible with this Weka and its Depends line, then
 * runs the GenericPropertiesCreator, which fills the GenericObjectEditor's
 * class trees, and prints the classes it lists under each requested key.
 *
 * <p>Arguments: the package name, then keys such as weka.classifiers.Classifier.
 */
public final class ClassDiscoveryProbe {

  private ClassDiscoveryProbe() {
  }

  /**
   * Prints the package's compatibility and the discovered classes.
   *
   * @param args the package name followed by GenericObjectEditor keys
   * @throws Exception if the package is not installed or discovery fails
   */
  public static void main(String[] args) throws Exception {
    WekaPackageManager.loadPackages(false);
    Package installed = WekaPackageManager.getInstalledPackageInfo(args[0]);
    System.out.println("COMPATIBLE=" + installed.isCompatibleBaseSystem());
    System.out.println("DEPENDS=" + installed.getPackageMetaDataElement("Depends"));

    GenericPropertiesCreator creator = new GenericPropertiesCreator();
    creator.execute(false);
    Properties classes = creator.getOutputProperties();
    for (int i = 1; i < args.length; i++) {
      System.out.println("CLASSES " + args[i] + "=" + classes.getProperty(args[i]));
    }
    System.exit(0);
  }
}
