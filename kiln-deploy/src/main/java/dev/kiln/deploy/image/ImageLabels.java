package dev.kiln.deploy.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.deploy.PackageSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels of a Kiln image: the OCI annotations (title, version, created) and Kiln's own, under
 * {@code dev.kiln.}: model name, registry version and reference, task, metrics and lineage as
 * JSON, the health check command.
 */
public final class ImageLabels {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImageLabels() {}

  /**
   * Returns the labels of the spec's image. An image that fetches its model at start names the
   * model URI and the tracking server instead of a version, whose metrics and lineage would go
   * stale as soon as the alias moves.
   */
  public static Map<String, String> of(PackageSpec spec) {
    var m = spec.manifest();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", m.name());
    labels.put("org.opencontainers.image.version", spec.fetch() == null ? spec.version()
        : spec.image().substring(spec.image().lastIndexOf(':') + 1));
    if (m.createdAt() != null && spec.fetch() == null) {
      labels.put("org.opencontainers.image.created", m.createdAt());
    }
    labels.put("org.opencontainers.image.description", "Kiln model server for " + m.name());
    labels.put("dev.kiln.model.name", m.name());
    if (spec.reference() != null) {
      labels.put("dev.kiln.model.reference", spec.reference());
    }
    labels.put("dev.kiln.model.task", m.task().name().toLowerCase(java.util.Locale.ROOT));
    labels.put("dev.kiln.model.format", m.modelFormat());
    if (spec.fetch() != null) {
      labels.put("dev.kiln.model.fetch", ServeCommandLine.model(spec));
      labels.put("dev.kiln.model.tracking-uri", spec.fetch().trackingUri());
    } else {
      labels.put("dev.kiln.model.version", spec.version());
      labels.put("dev.kiln.model.bundle-version", m.version());
      labels.put("dev.kiln.model.metrics", json(m.metrics()));
      labels.put("dev.kiln.model.lineage", json(m.lineage()));
    }
    labels.put("dev.kiln.healthcheck", json(ServeCommandLine.healthCheck(spec)));
    return labels;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value instanceof Map<?, ?> map ? new TreeMap<>(map)
          : value == null ? Map.of() : value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings and numbers always serialise", e);
    }
  }
}
