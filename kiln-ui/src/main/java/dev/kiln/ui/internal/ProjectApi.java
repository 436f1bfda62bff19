package dev.kiln.ui.internal;

import static dev.kiln.ui.internal.Routes.reply;

import dev.kiln.ui.Workspace;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON endpoints of {@code kiln ui} beyond MLflow's API, all under {@code /ui/api}; see
 * docs/ui.md for the list.
 */
public final class ProjectApi {
  private static final String API = Routes.BASE + "/api";

  private final Workspace workspace;
  private final PipelineGraphs graphs;
  private final DatasetDetails datasets;
  private final RunExtras runs;
  private final ModelApi models;
  private final MonitoringReports monitoring;
  private final ServingProxy serving;

  /** Creates the endpoints over a workspace. */
  public ProjectApi(Workspace workspace) {
    this.workspace = workspace;
    this.graphs = new PipelineGraphs(workspace.project());
    this.datasets = new DatasetDetails(graphs, workspace.store());
    this.runs = new RunExtras(workspace.store(), workspace.project());
    this.models = new ModelApi(workspace.store(),
        new BundleCache(workspace.store(), workspace.artifacts()));
    this.monitoring = new MonitoringReports(workspace.monitoringDir());
    this.serving = new ServingProxy(workspace.servers());
  }

  /** Declares the routes. */
  public void configure(JavalinConfig config) {
    var r = config.routes;
    r.get(API + "/info", ctx -> reply(ctx, info()));
    r.get(API + "/pipelines", ctx -> reply(ctx, graphs.list()));
    r.get(API + "/pipelines/{name}", ctx -> reply(ctx, graphs.graph(ctx.pathParam("name"))));
    r.get(API + "/datasets/{name}", ctx -> reply(ctx, datasets.get(ctx.pathParam("name"))));
    r.get(API + "/runs/{id}/extras", ctx -> reply(ctx, runs.get(ctx.pathParam("id"))));
    r.get(API + "/models/{name}/versions/{version}", ctx -> reply(ctx,
        models.version(ctx.pathParam("name"), version(ctx))));
    r.get(API + "/models/{name}/versions/{version}/insights", ctx -> reply(ctx,
        models.insights(ctx.pathParam("name"), version(ctx))));
    r.get(API + "/models/{name}/versions/{version}/form", ctx -> reply(ctx,
        models.form(ctx.pathParam("name"), version(ctx))));
    r.post(API + "/models/{name}/versions/{version}/predict", ctx -> reply(ctx,
        models.predict(ctx.pathParam("name"), version(ctx), ctx.bodyAsBytes())));
    r.get(API + "/models/{name}/aliases/{alias}/history", ctx -> reply(ctx,
        models.aliasHistory(ctx.pathParam("name"), ctx.pathParam("alias"))));
    r.post(API + "/models/{name}/aliases/{alias}/rollback", ctx -> reply(ctx,
        models.rollback(ctx.pathParam("name"), ctx.pathParam("alias"))));
    r.get(API + "/monitoring", ctx -> reply(ctx, Map.of("models", monitoring.models())));
    r.get(API + "/monitoring/{model}", ctx -> reply(ctx,
        monitoring.series(ctx.pathParam("model"))));
    r.get(API + "/monitoring/{model}/{report}", ctx -> reply(ctx,
        monitoring.report(ctx.pathParam("model"), ctx.pathParam("report"))));
    r.get(API + "/servers", ctx -> reply(ctx, Map.of("servers", serving.list())));
    r.get(API + "/servers/{index}/models", ctx -> reply(ctx,
        serving.models(index(ctx))));
    r.get(API + "/servers/{index}/metrics", ctx -> ctx.contentType("text/plain; charset=utf-8")
        .result(serving.metrics(index(ctx))));
  }

  private Map<String, Object> info() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", "project");
    out.put("project", workspace.project().name());
    out.put("servers", workspace.servers().urls().size());
    return out;
  }

  private static long version(Context ctx) {
    return number(ctx.pathParam("version"), "version");
  }

  private static int index(Context ctx) {
    return (int) number(ctx.pathParam("index"), "server index");
  }

  private static long number(String text, String what) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw UiError.badRequest("The " + what + " '" + text + "' is not a whole number.", null);
    }
  }
}
