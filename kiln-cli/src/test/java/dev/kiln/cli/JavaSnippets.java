package dev.kiln.cli;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the imports of Java snippets in the docs: every import names a class (or a static
 * member) on the class path, and every Kiln or JDK type a snippet uses is imported by that
 * snippet, so a reader can paste it. Types of the reader's own project (not Kiln's, not the
 * JDK's) and types the snippet declares need no import.
 */
final class JavaSnippets {
  private static final List<String> JDK_PACKAGES = List.of("java.util", "java.util.function",
      "java.util.stream", "java.util.concurrent", "java.nio.file", "java.nio.charset", "java.time",
      "java.io", "java.net", "java.math");
  private static final Pattern IMPORT = Pattern.compile(
      "(?m)^import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;");
  private static final Pattern DECLARED = Pattern.compile(
      "\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
  private static final Pattern TYPE_NAME = Pattern.compile("(?<![.\\w@])([A-Z]\\w*)\\b");

  /** Simple name to the public top-level Kiln classes of that name. */
  private final Map<String, Set<String>> kiln;

  private JavaSnippets(Map<String, Set<String>> kiln) {
    this.kiln = kiln;
  }

  /** Indexes the public Kiln classes of the class path. */
  static JavaSnippets ofClassPath() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path.resolve("dev/kiln"))) {
        try (Stream<Path> files = Files.walk(path.resolve("dev/kiln"))) {
          files.map(p -> path.relativize(p).toString()).forEach(names::add);
        }
      } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
        try (JarFile jar = new JarFile(path.toFile())) {
          jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("dev/kiln/"))
              .forEach(names::add);
        }
      }
    }
    Map<String, Set<String>> kiln = new TreeMap<>();
    for (String name : names) {
      if (!name.endsWith(".class") || name.contains("$") || name.endsWith("-info.class")) {
        continue;
      }
      String className = name.substring(0, name.length() - 6).replace('/', '.')
          .replace('\\', '.');
      if (isPublic(className)) {
        kiln.computeIfAbsent(className.substring(className.lastIndexOf('.') + 1),
            k -> new TreeSet<>()).add(className);
      }
    }
    return new JavaSnippets(kiln);
  }

  /** Returns the {@code java} code blocks of a Markdown file. */
  static List<String> blocks(Path markdown) throws IOException {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : Files.readAllLines(markdown)) {
      if (block == null && line.trim().equals("```java")) {
        block = new StringBuilder();
      } else if (block != null && line.startsWith("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }

  /** Returns what is wrong with a snippet's imports, or an empty list. */
  List<String> problems(String snippet) {
    String code = stripCommentsAndLiterals(snippet);
    List<String> problems = new ArrayList<>();
    Set<String> imported = new HashSet<>();
    Set<String> wildcards = new HashSet<>();
    Matcher m = IMPORT.matcher(code);
    while (m.find()) {
      String problem = m.group(1) != null ? checkStatic(m.group(2), m.group(3) != null)
          : m.group(3) != null ? checkPackage(m.group(2)) : checkClass(m.group(2));
      if (problem != null) {
        problems.add(problem);
      } else if (m.group(1) == null && m.group(3) != null) {
        wildcards.add(m.group(2));
      } else if (m.group(1) == null) {
        imported.add(m.group(2).substring(m.group(2).lastIndexOf('.') + 1));
      }
    }
    Set<String> declared = new HashSet<>();
    Matcher d = DECLARED.matcher(code);
    while (d.find()) {
      declared.add(d.group(1));
    }
    String body = IMPORT.matcher(code).replaceAll("").replaceAll("(?m)^package\\s+[\\w.]+;", "");
    Set<String> missing = new TreeSet<>();
    Matcher t = TYPE_NAME.matcher(body);
    while (t.find()) {
      String name = t.group(1);
      if (!imported.contains(name) && !declared.contains(name) && !exists("java.lang." + name)) {
        Set<String> homes = homes(name);
        if (!homes.isEmpty() && homes.stream().noneMatch(h -> wildcards.contains(
            h.substring(0, h.lastIndexOf('.'))))) {
          missing.add(name + " (" + String.join(" or ", homes) + ")");
        }
      }
    }
    missing.forEach(n -> problems.add("uses " + n + " without importing it"));
    return problems;
  }

  /** Returns the Kiln and JDK classes a simple name may mean. */
  private Set<String> homes(String name) {
    Set<String> homes = new TreeSet<>(kiln.getOrDefault(name, Set.of()));
    for (String pkg : JDK_PACKAGES) {
      if (exists(pkg + "." + name) && isPublic(pkg + "." + name)) {
        homes.add(pkg + "." + name);
      }
    }
    return homes;
  }

  private String checkClass(String name) {
    return exists(name) ? null : "imports '" + name + "', which is not on the class path";
  }

  private String checkPackage(String pkg) {
    boolean kilnPackage = kiln.values().stream().flatMap(Set::stream)
        .anyMatch(c -> c.substring(0, c.lastIndexOf('.')).equals(pkg));
    return kilnPackage || JDK_PACKAGES.contains(pkg) ? null
        : "imports '" + pkg + ".*', a package with no public class on the class path";
  }

  private String checkStatic(String name, boolean wildcard) {
    if (wildcard) {
      return checkClass(name);
    }
    int dot = name.lastIndexOf('.');
    String owner = name.substring(0, dot);
    String member = name.substring(dot + 1);
    try {
      Class<?> type = Class.forName(owner, false, JavaSnippets.class.getClassLoader());
      boolean found = Stream.of(type.getMethods()).anyMatch(x -> x.getName().equals(member))
          || Stream.of(type.getFields()).anyMatch(x -> x.getName().equals(member));
      return found ? null : "imports static '" + name + "', which '" + owner + "' does not have";
    } catch (ClassNotFoundException e) {
      return "imports static '" + name + "', whose class is not on the class path";
    }
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className, false, JavaSnippets.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static boolean isPublic(String className) {
    try {
      Class<?> type = Class.forName(className, false, JavaSnippets.class.getClassLoader());
      return Modifier.isPublic(type.getModifiers()) && type.getEnclosingClass() == null;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Removes comments, text blocks, strings and characters, which may hold any words. */
  static String stripCommentsAndLiterals(String code) {
    return code.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
        .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
        .replaceAll("'(\\\\.|[^'\\\\])'", "' '")
        .replaceAll("(?s)/\\*.*?\\*/", " ")
        .replaceAll("//[^\n]*", "");
  }
}
