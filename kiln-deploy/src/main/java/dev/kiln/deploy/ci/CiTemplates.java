package dev.kiln.deploy.ci;

import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.deploy.DeployException;
import dev.kiln.deploy.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CI/CD files for a Kiln project: test, validate new data, train, model tests, gate against the
 * champion ({@code kiln retrain}'s blessing rule), package an image and manifests, deploy. The
 * files only call {@code kiln} and standard tools (a POSIX shell, kubectl).
 */
public final class CiTemplates {
  /** A CI system and where its file goes in a repository. */
  public enum System {
    /** GitHub Actions. */
    GITHUB("ci/github.yml", ".github/workflows/kiln.yml"),
    /** GitLab CI. */
    GITLAB("ci/gitlab.yml", ".gitlab-ci.yml"),
    /** Jenkins declarative pipeline. */
    JENKINS("ci/Jenkinsfile", "Jenkinsfile");

    private final String template;
    private final String file;

    System(String template, String file) {
      this.template = template;
      this.file = file;
    }

    /** Returns the file's path relative to the repository root. */
    public String file() {
      return file;
    }

    /**
     * Parses {@code github}, {@code gitlab}, {@code jenkins} or {@code all}.
     *
     * @throws DeployException for any other name
     */
    public static List<System> parse(String name) {
      if (name.equalsIgnoreCase("all")) {
        return List.of(values());
      }
      for (System s : values()) {
        if (s.name().equalsIgnoreCase(name)) {
          return List.of(s);
        }
      }
      throw new DeployException("CI system '" + name + "' is not known.", "use one of "
          + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()
          + " or all");
    }
  }

  /**
   * What the files are written for.
   *
   * @param model the registered model name
   * @param data the file of new data that {@code kiln validate} checks
   * @param schema the schema it is checked against, or empty to skip validation
   */
  public record Settings(String model, String data, String schema) {}

  private CiTemplates() {}

  /** Writes the files of the given systems under {@code root}; returns them. */
  public static List<Path> write(Settings settings, List<System> systems, Path root)
      throws IOException {
    Map<String, String> values = Map.of("name", settings.model(), "data", settings.data(),
        "schema", settings.schema());
    List<Path> written = new ArrayList<>();
    for (System s : systems) {
      Path file = root.resolve(s.file);
      Files.createDirectories(file.toAbsolutePath().getParent());
      AtomicFiles.write(file, Template.of(s.template).render(values)
          .getBytes(StandardCharsets.UTF_8));
      written.add(file);
    }
    return written;
  }
}
