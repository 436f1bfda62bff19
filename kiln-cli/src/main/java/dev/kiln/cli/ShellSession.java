package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.project.Project;
import java.util.Map;

/**
 * What {@code kiln shell} gives snippets, as Kedro's IPython session does: the project, its
 * {@linkplain #catalog() catalog}, {@linkplain #parameters() parameters} and {@linkplain
 * #pipelines() pipelines}. The shell's startup defines {@code session}, {@code catalog}, {@code
 * params} and {@code pipelines} from {@link #current()}.
 */
public final class ShellSession {
  /** The session of the running shell; JShell reaches it only through static state. */
  private static volatile ShellSession current;

  private final Project project;
  private final ShellCatalog catalog;
  private final ShellPipelines pipelines;

  private ShellSession(Project project, ProjectRuns.Streams io, ProgressMode progress) {
    this.project = project;
    this.catalog = new ShellCatalog(project.catalog(
        DataCatalog.CatalogSettings.defaults(project.dir())));
    this.pipelines = new ShellPipelines(project, io, progress);
  }

  /** Opens the session of a shell; {@link #end()} it when the shell exits. */
  static ShellSession start(Project project, ProjectRuns.Streams io, ProgressMode progress) {
    ShellSession session = new ShellSession(project, io, progress);
    current = session;
    return session;
  }

  /** Ends the running shell's session. */
  static void end() {
    current = null;
  }

  /** Returns the running shell's session, or null. */
  static ShellSession active() {
    return current;
  }

  /**
   * Returns the session of the running {@code kiln shell}.
   *
   * @throws KilnException outside a shell
   */
  public static ShellSession current() {
    ShellSession session = current;
    if (session == null) {
      throw new KilnException("No kiln shell is running in this JVM.",
          "start one with 'kiln shell --project DIR'");
    }
    return session;
  }

  /** Returns the project (folder, configuration, class loader). */
  public Project project() {
    return project;
  }

  /** Returns the catalog: {@code load}, {@code save}, {@code list}. */
  public ShellCatalog catalog() {
    return catalog;
  }

  /** Returns the merged parameters (conf/base, the environment, then --params). */
  public Map<String, Object> parameters() {
    return project.config().parameters();
  }

  /** Returns the pipelines: {@code get(name).run()}. */
  public ShellPipelines pipelines() {
    return pipelines;
  }

  @Override
  public String toString() {
    return "Kiln project '" + project.name() + "' at " + project.dir() + " (env '"
        + project.config().env() + "')";
  }
}
