package dev.kiln.core.project;

/** Gives tests of other packages the name of {@link TestRegistry}. */
public final class TestRegistryAccess {
  private TestRegistryAccess() {}

  /** Returns the registry's class name. */
  public static String className() {
    return TestRegistry.class.getName();
  }
}
