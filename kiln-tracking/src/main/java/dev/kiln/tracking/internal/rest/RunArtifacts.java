package dev.kiln.tracking.internal.rest;

import static dev.kiln.tracking.internal.rest.MlflowApi.reply;

import dev.kiln.tracking.ArtifactInfo;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.internal.artifact.PathGuard;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MLflow's {@code artifacts/list} over a run's artifact folder, {@code <experiment>/<run>/artifacts}
 * under the artifact store root (the layout of MLflow's {@code mlflow-artifacts:/} root).
 */
final class RunArtifacts {
  private final TrackingStore store;
  private final ArtifactStore artifacts;

  RunArtifacts(TrackingStore store, ArtifactStore artifacts) {
    this.store = store;
    this.artifacts = artifacts;
  }

  /** Returns a run's artifact folder relative to the artifact store root. */
  static String folder(Run run) {
    return run.artifactFolder();
  }

  void list(Context ctx) {
    Fields f = Fields.of(ctx);
    Run run = store.getRun(f.runId());
    String path = f.optional("path");
    String folder = folder(run);
    if (path != null) {
      PathGuard.checkRelative(path);
      path = path.replaceAll("/+$", "");
    }
    List<ArtifactInfo> files = artifacts.list(path == null || path.isEmpty() ? folder
        : folder + "/" + path);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("root_uri", Responses.PROXY + folder);
    out.put("files", files.stream().filter(i -> i.path().startsWith(folder + "/"))
        .map(i -> file(i, i.path().substring(folder.length() + 1))).toList());
    reply(ctx, out);
  }

  /** Returns MLflow's FileInfo of an entry, with {@code path} as given. */
  static Map<String, Object> file(ArtifactInfo info, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("path", path);
    out.put("is_dir", info.directory());
    if (!info.directory()) {
      out.put("file_size", info.size());
    }
    return out;
  }
}
