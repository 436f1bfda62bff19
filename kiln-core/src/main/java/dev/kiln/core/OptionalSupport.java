package dev.kiln.core;

/**
 * An optional part of Kiln that lives in a separate jar: ONNX models, S3 artifact stores,
 * PostgreSQL tracking stores. The slim {@code kiln.jar} finds these jars in {@code lib/} beside
 * itself (its manifest names them); a library user adds the Maven dependency instead.
 *
 * @param feature what the user asked for, e.g. "ONNX models"
 * @param probeClass a class of the library that must be on the class path
 * @param jar the jar {@code kiln} looks for in {@code lib/}, e.g. {@code kiln-onnx.jar}
 * @param maven the Maven coordinates a library user adds, {@code group:artifact:version}
 */
public record OptionalSupport(String feature, String probeClass, String jar, String maven) {
  /**
   * Checks the support is on the class path.
   *
   * @throws KilnException naming the jar and the Maven dependency to add when it is absent
   */
  public void require() {
    try {
      Class.forName(probeClass, false, OptionalSupport.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new KilnException(feature + " need " + jar + ", which is not on the class path.",
          "put " + jar + " in the lib/ folder beside kiln.jar (./mvnw package -pl kiln-cli -am"
              + " builds it into kiln-cli/target/lib/), or add the dependency " + maven
              + " when you use Kiln as a library");
    }
  }
}
