package dev.kiln.ui.internal;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameChunks;
import dev.kiln.data.io.FrameReader;
import dev.kiln.tracking.DatasetInput;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.ViewType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset's detail: its catalog entry, its file (size, modification time), its schema and row
 * count as the latest tracked run recorded them, and a preview of its first rows (tables) or
 * first bytes (text). Only the first rows are read, however large the file.
 */
public final class DatasetDetails {
  /** Rows shown in a preview. */
  static final int PREVIEW_ROWS = 20;
  private static final int TEXT_BYTES = 8192;
  private static final int RUNS_SEARCHED = 20;

  private final PipelineGraphs graphs;
  private final TrackingStore store;

  /** Creates details over a project's catalog and its tracked runs. */
  public DatasetDetails(PipelineGraphs graphs, TrackingStore store) {
    this.graphs = graphs;
    this.store = store;
  }

  /**
   * Returns the detail of a dataset.
   *
   * @throws UiError 404 if the catalog does not declare it
   */
  public Map<String, Object> get(String name) {
    DataCatalog catalog = graphs.catalog();
    if (!catalog.isDeclared(name)) {
      throw UiError.notFound("Dataset '" + name + "' is not in the catalog.",
          "datasets only held in memory during a run have no detail");
    }
    Map<String, Object> out = graphs.describe(catalog, name);
    out.remove("layer_order");
    lastRecorded(name).ifPresent(input -> {
      out.put("rows", input.rowCount() < 0 ? null : input.rowCount());
      out.put("schema_text", input.schema());
      out.put("content_hash", input.contentHash());
    });
    catalog.filepath(name).ifPresent(path -> file(path, out));
    return out;
  }

  private void file(Path path, Map<String, Object> out) {
    out.put("exists", Files.exists(path));
    if (!Files.isRegularFile(path)) {
      return;
    }
    try {
      out.put("size_bytes", Files.size(path));
      out.put("modified", Instant.ofEpochMilli(Files.getLastModifiedTime(path).toMillis())
          .toString());
      FileFormat format = FileFormat.ofFile(path).orElse(null);
      if (format != null && !path.toString().endsWith(".json")) {
        out.put("preview", table(path, format));
      } else {
        out.put("text", text(path));
      }
    } catch (IOException | RuntimeException e) {
      out.put("preview_error", e.getMessage());
    }
  }

  private static Map<String, Object> table(Path path, FileFormat format) {
    Frame head;
    try (FrameChunks chunks = FrameReader.chunks(path, format, CsvOptions.defaults(),
        PREVIEW_ROWS)) {
      head = chunks.hasNext() ? chunks.next().head(PREVIEW_ROWS) : null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (head == null) {
      out.put("columns", List.of());
      out.put("rows", List.of());
      return out;
    }
    List<Map<String, String>> columns = new ArrayList<>();
    head.columns().forEach(c -> columns.add(Map.of("name", c.name(), "type",
        c.type().name().toLowerCase(java.util.Locale.ROOT))));
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < head.rowCount(); r++) {
      List<Object> row = new ArrayList<>();
      for (Column c : head.columns()) {
        row.add(c.isNull(r) ? null : c.get(r));
      }
      rows.add(row);
    }
    out.put("columns", columns);
    out.put("rows", rows);
    return out;
  }

  private static String text(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(TEXT_BYTES);
      for (byte b : bytes) {
        if (b == 0) {
          return null;
        }
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Returns what the newest of the latest runs recorded about a dataset. */
  private java.util.Optional<DatasetInput> lastRecorded(String name) {
    List<String> experiments = store.searchExperiments(SearchRequest.of(""), ViewType.ACTIVE_ONLY)
        .items().stream().map(e -> e.id()).toList();
    if (experiments.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<Run> runs = store.searchRuns(experiments, new SearchRequest("", RUNS_SEARCHED,
        List.of("attributes.start_time DESC"), null), ViewType.ACTIVE_ONLY).items();
    for (Run run : runs) {
      for (DatasetInput input : store.getRun(run.id()).inputs()) {
        if (input.name().equals(name)) {
          return java.util.Optional.of(input);
        }
      }
    }
    return java.util.Optional.empty();
  }
}
