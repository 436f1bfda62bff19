package dev.kiln.ui;

import dev.kiln.serving.ModelRepository;
import dev.kiln.serving.ModelSlot;
import dev.kiln.serving.ServerPages;
import dev.kiln.ui.internal.Assets;
import dev.kiln.ui.internal.FormSpec;
import dev.kiln.ui.internal.Json;
import dev.kiln.ui.internal.Routes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The UI pages of a model server ({@code kiln serve}, under {@code /ui}): the status of each
 * served model (version, canary or shadow, last reload error), its live metrics, and a
 * prediction form generated from its input schema that calls the server's own
 * {@code /v1/models/{name}:predict?explain=true}. Data comes from {@code /ui/api/models}, which
 * needs the server's token when one is set; the page shell and assets do not.
 */
public final class ModelPages implements ServerPages {
  private final Assets assets = new Assets();

  @Override
  public String prefix() {
    return Routes.BASE;
  }

  @Override
  public boolean isPublic(String path) {
    return Routes.isAsset(path);
  }

  @Override
  public Optional<Page> get(String path, ModelRepository models) {
    String rest = path.substring(Routes.BASE.length());
    if (rest.isEmpty() || rest.equals("/")) {
      return Optional.of(page(assets.index()));
    }
    if (rest.startsWith("/assets/")) {
      return assets.get(rest.substring("/assets/".length())).map(ModelPages::page);
    }
    return switch (rest) {
      case "/api/info" -> Optional.of(json(Map.of("mode", "server")));
      case "/api/models" -> Optional.of(json(Map.of("models", served(models))));
      default -> Optional.empty();
    };
  }

  private static List<Map<String, Object>> served(ModelRepository models) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ModelSlot slot : models.slots()) {
      ModelSlot.Deployment d = slot.deployment();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", slot.name());
      m.put("version", d.primary().version());
      if (d.challenger() != null) {
        m.put("challenger", Map.of("version", d.challenger().version(), "mode",
            slot.traffic().mode().name().toLowerCase(Locale.ROOT), "percent",
            slot.traffic().percent()));
      }
      m.put("batching", d.primary().batching());
      slot.lastError().ifPresent(e -> m.put("last_reload_error", e));
      Map<String, Object> form = new LinkedHashMap<>(FormSpec.of(d.primary().bundle()));
      form.put("version", d.primary().version());
      m.put("form", form);
      out.add(m);
    }
    return out;
  }

  private static Page page(Assets.Asset asset) {
    return new Page(asset.contentType(), asset.body());
  }

  private static Page json(Object body) {
    return new Page("application/json", Json.bytes(body));
  }
}
