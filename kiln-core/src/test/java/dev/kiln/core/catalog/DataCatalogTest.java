package dev.kiln.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import dev.kiln.core.config.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCatalogTest {
  @TempDir Path dir;

  private DataCatalog catalog(Map<String, Object> entries, Map<String, Object> params,
      DataCatalog.CatalogSettings settings) {
    return DataCatalog.create(new ProjectConfig(dir, "test", entries, params, Map.of(), Map.of()),
        getClass().getClassLoader(), settings);
  }

  private DataCatalog catalog(Map<String, Object> entries) {
    return catalog(entries, Map.of(), DataCatalog.CatalogSettings.defaults(dir));
  }

  @SuppressWarnings("unchecked")
  private static <T> Dataset<T> typed(Dataset<?> d) {
    return (Dataset<T>) d;
  }

  @Test
  void builtinTypes_roundTrip() {
    DataCatalog c = catalog(Map.of(
        "t", Map.of("type", "text", "filepath", "out/t.txt"),
        "j", Map.of("type", "json", "filepath", "out/j.json"),
        "y", Map.of("type", "yaml", "filepath", "out/y.yml"),
        "b", Map.of("type", "binary", "filepath", "out/b.bin")));
    typed(c.dataset("t")).save("héllo");
    typed(c.dataset("j")).save(Map.of("a", List.of(1, 2)));
    typed(c.dataset("y")).save(Map.of("k", "v"));
    typed(c.dataset("b")).save(new byte[] {1, 2, 3});
    assertThat(c.dataset("t").load()).isEqualTo("héllo");
    assertThat(c.dataset("j").load()).isEqualTo(Map.of("a", List.of(1, 2)));
    assertThat(c.dataset("y").load()).isEqualTo(Map.of("k", "v"));
    assertThat((byte[]) c.dataset("b").load()).containsExactly(1, 2, 3);
    assertThat(dir.resolve("out").toFile().list()).doesNotContain(".t.txt.tmp");
  }

  @Test
  void unknownType_suggestsClosest() {
    assertThatThrownBy(() -> catalog(Map.of("x", Map.of("type", "jsn", "filepath", "x"))))
        .isInstanceOf(DatasetException.class).hasMessageContaining("unknown type 'jsn'")
        .satisfies(e -> assertThat(((KilnException) e).describe()).contains("did you mean 'json'"));
  }

  @Test
  void entryWithoutTypeOrNotAMap_isRejected() {
    assertThatThrownBy(() -> catalog(Map.of("x", Map.of("filepath", "x"))))
        .hasMessageContaining("'x' has no 'type'");
    assertThatThrownBy(() -> catalog(Map.of("x", "text")))
        .hasMessageContaining("not a valid dataset configuration");
  }

  @Test
  void unknownOption_isRejected() {
    DataCatalog c = catalog(Map.of("x", Map.of("type", "text", "file_path", "x")));
    assertThatThrownBy(() -> c.dataset("x")).hasMessageContaining("unknown option 'file_path'");
  }

  @Test
  void factories_mostSpecificPatternWins() {
    DataCatalog c = catalog(Map.of(
        "{name}_txt", Map.of("type", "text", "filepath", "data/{name}.txt"),
        "{name}", Map.of("type", "json", "filepath", "data/{name}.json"),
        "report_{name}_txt", Map.of("type", "text", "filepath", "reports/{name}.txt")));
    assertThat(c.entry("train_txt").orElseThrow().options().get("filepath"))
        .isEqualTo("data/train.txt");
    assertThat(c.entry("report_q1_txt").orElseThrow().options().get("filepath"))
        .isEqualTo("reports/q1.txt");
    assertThat(c.entry("anything").orElseThrow().type()).isEqualTo("json");
  }

  @Test
  void undeclaredDatasets_areMemory_andReleased() {
    DataCatalog c = catalog(Map.of());
    typed(c.dataset("tmp")).save(42);
    assertThat(c.isPersisted("tmp")).isFalse();
    assertThat(c.dataset("tmp").load()).isEqualTo(42);
    c.release("tmp");
    assertThatThrownBy(() -> c.dataset("tmp").load()).hasMessageContaining("has no value");
  }

  @Test
  void parameters_dottedKeysWholeMapAndSuggestions() {
    DataCatalog c = catalog(Map.of(), Map.of("model", Map.of("max_depth", 6)),
        DataCatalog.CatalogSettings.defaults(dir));
    assertThat(c.dataset("params:model.max_depth").load()).isEqualTo(6);
    assertThat(c.dataset("parameters").load()).isEqualTo(Map.of("model", Map.of("max_depth", 6)));
    assertThatThrownBy(() -> c.dataset("params:model.max_dept"))
        .satisfies(e -> assertThat(((KilnException) e).describe())
            .contains("did you mean 'params:model.max_depth'"));
  }

  @Test
  void versioned_savesNewVersionsAndLoadsLatestOrPinned() throws Exception {
    Map<String, Object> entries = Map.of("v", Map.of("type", "text", "filepath", "out/v.txt",
        "versioned", true));
    Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
    typed(catalog(entries, Map.of(), DataCatalog.CatalogSettings.of(dir, Map.of(), t1)).dataset("v"))
        .save("first");
    Instant t2 = Instant.parse("2026-01-02T00:00:00Z");
    DataCatalog second = catalog(entries, Map.of(), DataCatalog.CatalogSettings.of(dir, Map.of(), t2));
    typed(second.dataset("v")).save("second");
    assertThat(second.dataset("v").load()).isEqualTo("second");
    assertThat(Files.readString(dir.resolve("out/v.txt/2026-01-01T00.00.00.000Z/v.txt")))
        .isEqualTo("first");
    DataCatalog pinned = catalog(entries, Map.of(), DataCatalog.CatalogSettings.of(dir,
        Map.of("v", "2026-01-01T00.00.00.000Z"), t2));
    assertThat(pinned.dataset("v").load()).isEqualTo("first");
    assertThatThrownBy(() -> typed(second.dataset("v")).save("again"))
        .hasMessageContaining("already exists");
  }

  @Test
  void userType_byServiceLoaderAndByClassName() {
    DataCatalog c = catalog(Map.of(
        "a", Map.of("type", "upper_text", "filepath", "a.txt"),
        "b", Map.of("type", UpperTextType.class.getName(), "filepath", "b.txt")));
    typed(c.dataset("a")).save("x");
    typed(c.dataset("b")).save("y");
    assertThat(c.dataset("a").load()).isEqualTo("X");
    assertThat(c.dataset("b").load()).isEqualTo("Y");
  }

  @Test
  void datasetSpec_neverPrintsCredentialValues() {
    DatasetSpec spec = new DatasetSpec("db", Map.of("url", "jdbc:x"), dir,
        Map.of("password", "s3cret"));
    assertThat(spec.toString()).contains("password").doesNotContain("s3cret");
  }

  @Test
  void credentials_unknownSet_isReported() {
    DataCatalog c = catalog(Map.of("x", Map.of("type", "text", "filepath", "x",
        "credentials", "db")));
    assertThatThrownBy(() -> c.dataset("x")).hasMessageContaining("credentials 'db'");
  }
}
