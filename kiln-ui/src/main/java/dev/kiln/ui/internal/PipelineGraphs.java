package dev.kiln.ui.internal;

import dev.kiln.core.catalog.CatalogEntry;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.Project;
import dev.kiln.core.runner.NodeRun;
import dev.kiln.core.runner.RunState;
import dev.kiln.core.runner.RunStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pipeline as the graph page draws it: nodes with their tags, namespace, source file and last
 * run; datasets with their type, file and layer. Layers follow Kedro's data folder convention
 * ({@code data/01_raw}, {@code data/02_intermediate}, ...): the folder's name without its number,
 * ordered by the number.
 */
public final class PipelineGraphs {
  private static final Pattern LAYER = Pattern.compile("(?:^|/)data/(\\d+)_([^/]+)/");

  private final Project project;

  /** Creates graphs of a project's pipelines. */
  public PipelineGraphs(Project project) {
    this.project = project;
  }

  /** Returns the pipeline names, the default first. */
  public Map<String, Object> list() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("project", project.name());
    out.put("pipelines", new ArrayList<>(project.pipelines().keySet()));
    return out;
  }

  /** Returns one pipeline's graph. */
  public Map<String, Object> graph(String name) {
    Pipeline pipeline = project.pipeline(name);
    DataCatalog catalog = catalog();
    Map<String, NodeRun> lastRuns = new HashMap<>();
    Map<String, String> lastRunIds = new HashMap<>();
    for (RunState state : new RunStateStore(project.stateDir()).list()) {
      for (NodeRun n : state.nodes()) {
        if (lastRuns.putIfAbsent(n.name(), n) == null) {
          lastRunIds.put(n.name(), state.runId());
        }
      }
    }
    List<Map<String, Object>> nodes = new ArrayList<>();
    TreeSet<String> tags = new TreeSet<>();
    for (Node n : pipeline.nodes()) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("name", n.name());
      node.put("namespace", n.namespace().orElse(null));
      node.put("tags", new TreeSet<>(n.tags()));
      node.put("inputs", n.inputs().stream().map(DatasetRef::name).toList());
      node.put("outputs", n.outputs().stream().map(DatasetRef::name).toList());
      node.put("source", source(n));
      NodeRun last = lastRuns.get(n.name());
      if (last != null) {
        node.put("last_run", Map.of("status", last.status().name(), "duration_ms",
            last.durationMs(), "run_id", lastRunIds.get(n.name())));
      }
      tags.addAll(n.tags());
      nodes.add(node);
    }
    List<Map<String, Object>> datasets = new ArrayList<>();
    Map<Integer, String> layers = new java.util.TreeMap<>();
    for (String d : pipeline.datasets()) {
      Map<String, Object> ds = describe(catalog, d);
      String layer = (String) ds.get("layer");
      if (layer != null) {
        layers.putIfAbsent((Integer) ds.remove("layer_order"), layer);
      } else {
        ds.remove("layer_order");
      }
      datasets.add(ds);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("nodes", nodes);
    out.put("datasets", datasets);
    out.put("layers", new ArrayList<>(new java.util.LinkedHashSet<>(layers.values())));
    out.put("tags", tags);
    out.put("namespaces", pipeline.namespaces());
    return out;
  }

  /** Returns the project's catalog, as a run would create it. */
  DataCatalog catalog() {
    return project.catalog(DataCatalog.CatalogSettings.defaults(project.dir()));
  }

  /** Describes a dataset: type, file, layer, whether it is a parameter or persisted. */
  Map<String, Object> describe(DataCatalog catalog, String name) {
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("name", name);
    boolean parameter = DatasetRef.isParameter(name);
    ds.put("parameter", parameter);
    CatalogEntry entry = parameter ? null : catalog.entry(name).orElse(null);
    ds.put("type", parameter ? "parameter" : entry == null ? "memory" : entry.type());
    Object filepath = entry == null ? null : entry.options().get("filepath");
    ds.put("filepath", filepath == null ? null : String.valueOf(filepath));
    ds.put("persisted", !parameter && catalog.isPersisted(name));
    Matcher m = filepath == null ? null : LAYER.matcher("/" + filepath);
    if (m != null && m.find()) {
      ds.put("layer", m.group(2));
      ds.put("layer_order", Integer.parseInt(m.group(1)));
    } else {
      ds.put("layer", null);
      ds.put("layer_order", null);
    }
    return ds;
  }

  private Map<String, Object> source(Node n) {
    String name = n.codeClass().getName();
    int lambda = name.indexOf("$$Lambda");
    String declaring = lambda > 0 ? name.substring(0, lambda) : name;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("class", declaring);
    String top = declaring.contains("$") ? declaring.substring(0, declaring.indexOf('$'))
        : declaring;
    Path file = Path.of("src", "main", "java").resolve(top.replace('.', '/') + ".java");
    if (Files.isRegularFile(project.dir().resolve(file))) {
      out.put("file", file.toString().replace('\\', '/'));
    }
    n.codeVersion().ifPresent(v -> out.put("code_version", v));
    return out;
  }
}
