package dev.kiln.ui;

import dev.kiln.core.project.Project;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.TrackingStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What the UI shows: a project (pipelines, catalog, run states), its tracking store and artifact
 * store (runs and registry), its monitoring reports, and the model servers whose metrics the
 * serving page follows. The UI reads these through the modules' public APIs only.
 *
 * @param project the project
 * @param store the tracking store (runs and registry); the caller closes it
 * @param artifacts the artifact store holding run artifacts and registered bundles
 * @param monitoringDir the folder of {@code kiln monitor} reports, one subfolder per model
 * @param servers the model servers the serving page follows
 */
public record Workspace(Project project, TrackingStore store, ArtifactStore artifacts,
    Path monitoringDir, Servers servers) {

  /**
   * Model servers to follow.
   *
   * @param urls base URLs, e.g. {@code http://127.0.0.1:8080}
   * @param token the bearer token they require, or null; never sent to the browser
   */
  public record Servers(List<URI> urls, String token) {
    /** Copies the list. */
    public Servers {
      urls = List.copyOf(urls);
    }

    /** Returns no servers. */
    public static Servers none() {
      return new Servers(List.of(), null);
    }

    @Override
    public String toString() {
      return "Servers[urls=" + urls + ", token=" + (token == null ? "none" : "***") + "]";
    }
  }
}
