package weka.classifiers.meta.softmaxtosigmoid.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.BeanInfo;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import weka.classifiers.meta.SoftmaxToSigmoid;
import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.filters.supervised.attribute.AddSigmoidScores;
import weka.gui.ProgrammaticProperty;

/**
 * Runs Weka's CheckGOE and CheckOptionHandler on every class of the package
 * that the GenericObjectEditor can edit, and checks that each tip text's first
 * sentence stands alone.
 *
 * <p>The classes are found by scanning the compiled main classes, so a class
 * added to the package is checked without changing this test. A class counts
 * when it is public, concrete, has a public no-argument constructor and is an
 * OptionHandler or declares {@code globalInfo()}.
 */
class WekaContractTest {

  /** Scans the directory that contains the compiled SoftmaxToSigmoid class. */
  static List<Class<?>> editableClasses() throws IOException, URISyntaxException {
    Path root = Path.of(SoftmaxToSigmoid.class.getProtectionDomain().getCodeSource()
      .getLocation().toURI());
    List<Class<?>> result = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class"))
        .collect(Collectors.toList())) {
        String name = root.relativize(file).toString().replace(File.separatorChar, '.');
        Class<?> type = load(name.substring(0, name.length() - ".class".length()));
        if (isEditable(type)) {
          result.add(type);
        }
      }
    }
    return result;
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, WekaContractTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Compiled class " + className + " cannot be loaded", e);
    }
  }

  private static boolean isEditable(Class<?> type) {
    int modifiers = type.getModifiers();
    if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers) || type.isInterface()
      || type.isEnum() || type.isAnonymousClass()
      || (type.isMemberClass() && !Modifier.isStatic(modifiers))) {
      return false;
    }
    try {
      type.getConstructor();
    } catch (NoSuchMethodException e) {
      return false;
    }
    return OptionHandler.class.isAssignableFrom(type) || declaresGlobalInfo(type);
  }

  private static boolean declaresGlobalInfo(Class<?> type) {
    try {
      return type.getMethod("globalInfo").getReturnType() == String.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  static List<Class<?>> optionHandlers() throws IOException, URISyntaxException {
    return editableClasses().stream().filter(OptionHandler.class::isAssignableFrom)
      .collect(Collectors.toList());
  }

  /** Runs a check with its console output captured, and returns that output. */
  private static String captureOutput(Runnable check) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      check.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** Lines of a check's output whose verdict is "no", such as "Tool tips...no (missing: ...)". */
  private static List<String> failedLines(String output) {
    return output.lines().filter(line -> line.matches(".*\\.\\.\\.\\s*no\\b.*"))
      .collect(Collectors.toList());
  }

  @Test
  void scanFindsThePackageClasses() throws Exception {
    List<Class<?>> found = editableClasses();

    assertTrue(found.contains(SoftmaxToSigmoid.class), found.toString());
    assertTrue(found.contains(AddSigmoidScores.class), found.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("editableClasses")
  void checkGoePasses(Class<?> type) throws Exception {
    CheckGOE check = new CheckGOE();
    check.setObject(type.getConstructor().newInstance());
    check.setSilent(false);

    String output = captureOutput(check::doTests);

    assertTrue(output.contains("Global info...yes"), type.getName() + ":\n" + output);
    assertTrue(output.contains("Tool tips...yes"), type.getName() + ":\n" + output);
    assertEquals(List.of(), failedLines(output), type.getName() + ":\n" + output);
    assertTrue(check.getSuccess(), type.getName() + ":\n" + output);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optionHandlers")
  void checkOptionHandlerPasses(Class<?> type) throws Exception {
    String output = runCheckOptionHandler(type, false);
    boolean passed = output.contains("Resetting options...yes") && failedLines(output).isEmpty();

    // The debug output interleaves details with the verdicts, so it only explains a failure.
    String details = passed ? output : runCheckOptionHandler(type, true);
    assertTrue(output.contains("Resetting options...yes"), type.getName() + ":\n" + details);
    assertEquals(List.of(), failedLines(output), type.getName() + ":\n" + details);
  }

  private static String runCheckOptionHandler(Class<?> type, boolean debug) throws Exception {
    CheckOptionHandler check = new CheckOptionHandler();
    check.setOptionHandler((OptionHandler) type.getConstructor().newInstance());
    check.setUserOptions(new String[0]);
    check.setSilent(false);
    check.setDebug(debug);
    return captureOutput(check::doTests);
  }

  /**
   * Weka's property sheet shows the tip text up to its first '.', so that part
   * must be a whole sentence: the '.' ends it, and it starts with a capital
   * letter and has at least four words.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("editableClasses")
  void tipTextFirstSentenceStandsAlone(Class<?> type) throws Exception {
    Object object = type.getConstructor().newInstance();
    BeanInfo info = Introspector.getBeanInfo(type, Object.class);
    // CheckGOE ignores these by default: "options" and "capabilities" have no property editor.
    List<String> ignored = List.of(new CheckGOE().getIgnoredProperties().split(","));
    List<String> problems = new ArrayList<>();
    for (PropertyDescriptor property : info.getPropertyDescriptors()) {
      if (!isShownInPropertySheet(property) || ignored.contains(property.getName())) {
        continue;
      }
      String tip = tipText(object, property);
      if (tip == null) {
        problems.add(property.getName() + ": no tip text");
        continue;
      }
      int end = tip.indexOf('.');
      String displayedPart = end < 0 ? tip : tip.substring(0, end);
      boolean endsSentence = end < 0 || end == tip.length() - 1
        || Character.isWhitespace(tip.charAt(end + 1));
      if (!endsSentence) {
        problems.add(property.getName() + ": the first '.' does not end a sentence, so the "
          + "property sheet shows only \"" + displayedPart + "\"");
      }
      if (displayedPart.isEmpty() || !Character.isUpperCase(displayedPart.charAt(0))
        || displayedPart.trim().split("\\s+").length < 4) {
        problems.add(property.getName() + ": displayed part \"" + displayedPart
          + "\" is not a sentence");
      }
    }
    assertEquals(List.of(), problems, type.getName());
  }

  private static boolean isShownInPropertySheet(PropertyDescriptor property) {
    Method getter = property.getReadMethod();
    Method setter = property.getWriteMethod();
    if (getter == null || setter == null || property.isHidden() || property.isExpert()) {
      return false;
    }
    return getter.getAnnotation(ProgrammaticProperty.class) == null
      && setter.getAnnotation(ProgrammaticProperty.class) == null;
  }

  /** Returns the OptionMetadata description if there is one, else the tip text. */
  private static String tipText(Object object, PropertyDescriptor property) throws Exception {
    for (Method method : new Method[] {property.getReadMethod(), property.getWriteMethod()}) {
      OptionMetadata metadata = method.getAnnotation(OptionMetadata.class);
      if (metadata != null) {
        return metadata.description();
      }
    }
    try {
      Method tipMethod = object.getClass().getMethod(property.getName() + "TipText");
      return (String) tipMethod.invoke(object);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("editableClasses")
  void annotatedDescriptionMatchesTipText(Class<?> type) throws Exception {
    Object object = type.getConstructor().newInstance();
    for (PropertyDescriptor property : Introspector.getBeanInfo(type, Object.class)
      .getPropertyDescriptors()) {
      if (property.getReadMethod() == null) {
        continue;
      }
      OptionMetadata metadata = property.getReadMethod().getAnnotation(OptionMetadata.class);
      if (metadata == null) {
        continue;
      }
      try {
        Method tipMethod = type.getMethod(property.getName() + "TipText");
        assertEquals(tipMethod.invoke(object), metadata.description(),
          type.getName() + "." + property.getName());
      } catch (NoSuchMethodException e) {
        // OptionMetadata alone is a complete tip text for Weka 3.8.
      }
      assertEquals(property.getName(), metadata.displayName(),
        "the property sheet should show the bean name, as for inherited properties");
      assertFalse(metadata.description().isEmpty(), property.getName());
    }
  }
}
