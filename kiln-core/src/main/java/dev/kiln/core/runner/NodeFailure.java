package dev.kiln.core.runner;

import dev.kiln.core.KilnException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an exception thrown by a node came from in the project's own code, and its stack trace
 * with those frames first, so a failure points at the user's file and line rather than at Kiln.
 */
final class NodeFailure {
  private static final List<String> FOREIGN = List.of("java.", "javax.", "jdk.", "sun.",
      "com.sun.", "dev.kiln.", "com.fasterxml.", "org.slf4j.", "ml.dmlc.", "org.duckdb.");

  private static final String RUNNER = "dev.kiln.core.runner.";

  private NodeFailure() {}

  /** Returns the first frame of the project's own code in the exception or its causes. */
  static Optional<StackTraceElement> origin(Throwable e) {
    return ownFrames(e).stream().findFirst();
  }

  /** Returns {@code File.java:42 (com.acme.Nodes.clean)} for a frame. */
  static String describe(StackTraceElement frame) {
    String file = frame.getFileName() == null ? frame.getClassName() : frame.getFileName();
    String line = frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "";
    return file + line + " (" + frame.getClassName() + "." + frame.getMethodName() + ")";
  }

  /**
   * Returns the stack trace with the project's own frames listed first, or null for Kiln's own
   * errors ({@link KilnException}s carry a message and a hint, not a trace for users).
   */
  static String trace(Throwable e) {
    if (e instanceof KilnException && origin(e).isEmpty()) {
      return null;
    }
    List<String> own = ownFrames(e).stream().map(f -> "\tat " + f).toList();
    StringWriter full = new StringWriter();
    e.printStackTrace(new PrintWriter(full));
    return (own.isEmpty() ? "" : "Project frames:\n" + String.join("\n", own) + "\nFull trace:\n")
        + full;
  }

  /**
   * Returns the project's frames of the exception and its causes, from the top of each down to
   * the runner's call into the node (frames below it are Kiln's and the launcher's).
   */
  private static List<StackTraceElement> ownFrames(Throwable e) {
    List<StackTraceElement> own = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        String cls = frame.getClassName();
        if (cls.startsWith(RUNNER)) {
          break;
        }
        if (FOREIGN.stream().noneMatch(cls::startsWith)) {
          own.add(frame);
        }
      }
    }
    return own;
  }
}
