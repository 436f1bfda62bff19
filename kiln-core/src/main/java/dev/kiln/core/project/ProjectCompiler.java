package dev.kiln.core.project;

import dev.kiln.core.KilnException;
import dev.kiln.core.ProjectLayout;
import dev.kiln.core.catalog.ContentHash;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a project's {@code src/main/java} in-process against Kiln's own class path, into
 * {@code .kiln/classes/<source hash>}; unchanged sources are not compiled again.
 */
final class ProjectCompiler {
  private ProjectCompiler() {}

  /** Returns the folder of compiled classes, compiling first if the sources changed. */
  static Path compile(Path projectDir) {
    Path sources = projectDir.resolve("src/main/java");
    List<Path> files = javaFiles(sources);
    Path out = ProjectLayout.of(projectDir).classesDir().resolve(hash(sources, files));
    if (Files.exists(out.resolve(".complete"))) {
      return out;
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new KilnException("Project sources cannot be compiled: this Java runtime has no"
          + " compiler.", "run Kiln with a JDK (not a JRE), version 17 or newer");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, null, null)) {
      Files.createDirectories(out);
      List<String> options = List.of("-d", out.toString(), "-classpath",
          System.getProperty("java.class.path"), "--release", "17", "-proc:none",
          "-encoding", "UTF-8");
      boolean ok = compiler.getTask(null, fm, diagnostics, options, null,
          fm.getJavaFileObjectsFromPaths(files)).call();
      if (!ok) {
        throw new KilnException("Project sources do not compile:\n" + format(diagnostics),
            "fix the errors above in " + sources);
      }
      Files.createFile(out.resolve(".complete"));
      return out;
    } catch (IOException e) {
      throw new KilnException("Cannot compile project sources into '" + out + "': "
          + e.getMessage(), "check that the project folder is writable", e);
    }
  }

  private static List<Path> javaFiles(Path sources) {
    try (Stream<Path> walk = Files.walk(sources)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new KilnException("Cannot read project sources in '" + sources + "': "
          + e.getMessage(), null, e);
    }
  }

  private static String hash(Path sources, List<Path> files) {
    StringBuilder text = new StringBuilder(System.getProperty("java.class.path"));
    try {
      for (Path f : files) {
        text.append('\n').append(sources.relativize(f)).append('=').append(ContentHash.of(f));
      }
    } catch (IOException e) {
      throw new KilnException("Cannot read project source: " + e.getMessage(), null, e);
    }
    return ContentHash.of(text.toString()).substring(0, 16);
  }

  private static String format(DiagnosticCollector<JavaFileObject> diagnostics) {
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> "  " + (d.getSource() == null ? "" : new File(d.getSource().toUri()).getPath()
            + ":" + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }
}
