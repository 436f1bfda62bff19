package dev.kiln.tracking.internal.rest;

import static dev.kiln.tracking.internal.rest.MlflowApi.reply;

import dev.kiln.tracking.ArtifactStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.util.Map;

/** MLflow's artifact proxy ({@code /api/2.0/mlflow-artifacts/artifacts}) over an artifact store. */
public final class ArtifactRoutes {
  private static final String BASE = "/api/2.0/mlflow-artifacts/artifacts";

  private final ArtifactStore artifacts;

  /** Serves {@code artifacts}. */
  public ArtifactRoutes(ArtifactStore artifacts) {
    this.artifacts = artifacts;
  }

  /** Declares the routes on a Javalin config. */
  public void configure(JavalinConfig config) {
    config.routes.put(BASE + "/<path>", ctx -> {
      artifacts.put(ctx.pathParam("path"), ctx.bodyInputStream());
      reply(ctx, Map.of());
    });
    config.routes.get(BASE + "/<path>", this::download);
    config.routes.get(BASE, ctx -> {
      String dir = ctx.queryParam("path");
      reply(ctx, Map.of("files", artifacts.list(dir == null ? "" : dir).stream()
          .map(i -> RunArtifacts.file(i, i.path().substring(i.path().lastIndexOf('/') + 1)))
          .toList()));
    });
    config.routes.delete(BASE + "/<path>", ctx -> {
      artifacts.delete(ctx.pathParam("path"));
      reply(ctx, Map.of());
    });
  }

  private void download(Context ctx) {
    String path = ctx.pathParam("path");
    InputStream in = artifacts.get(path);
    String name = path.substring(path.lastIndexOf('/') + 1);
    ctx.header("Content-Disposition", "attachment; filename=" + name)
        .header("X-Content-Type-Options", "nosniff")
        .contentType("application/octet-stream")
        .result(in);
  }
}
