package dev.kiln.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.config.ProjectConfig;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlDatasetTypeTest {
  @TempDir Path dir;

  private DataCatalog catalog(Map<String, Object> entries) {
    return DataCatalog.create(new ProjectConfig(dir, "test", entries, Map.of(), Map.of(),
        Map.of()), getClass().getClassLoader(), DataCatalog.CatalogSettings.defaults(dir));
  }

  @Test
  void sql_queriesNamedTablesAndFilesRelativeToTheProject() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/customers.csv"), "id,segment\n1,retail\n2,business\n");
    FrameWriter.write(Frame.of(LongColumn.of("id", 1, 1, 2), LongColumn.of("amount", 5, 7, 9)),
        dir.resolve("data/tx.parquet"), FileFormat.PARQUET);
    DataCatalog cat = catalog(Map.of("spend", Map.of("type", "sql",
        "query", "select segment, sum(amount) as total from 'data/tx.parquet' join customers"
            + " using (id) group by segment order by segment",
        "tables", Map.of("customers", "data/customers.csv"))));
    Frame spend = (Frame) cat.dataset("spend").load();
    assertThat(((StringColumn) spend.column("segment")).getString(1)).isEqualTo("retail");
    assertThat(spend.column("total").getDouble(1)).isEqualTo(12.0);
  }

  @Test
  void sql_badQuery_namesTheDatasetLineAndColumn() throws Exception {
    Files.writeString(dir.resolve("c.csv"), "id,segment\n1,retail\n");
    DataCatalog cat = catalog(Map.of("bad", Map.of("type", "sql",
        "query", "select *\nfrom customer", "tables", Map.of("customers", "c.csv"))));
    assertThatThrownBy(() -> cat.dataset("bad").load())
        .hasMessageContaining("Query of dataset 'bad' failed at line 2, column 6")
        .satisfies(e -> assertThat(((dev.kiln.core.KilnException) e).hint().orElse(""))
            .startsWith("did you mean 'customers'?"));
  }

  @Test
  void sql_isReadOnly() {
    DataCatalog cat = catalog(Map.of("q", Map.of("type", "sql", "query", "select 1 as x")));
    assertThat(((Frame) cat.dataset("q").load()).column("x").getLong(0)).isEqualTo(1);
    @SuppressWarnings("unchecked")
    var ds = (dev.kiln.core.catalog.Dataset<Frame>) cat.dataset("q");
    assertThatThrownBy(() -> ds.save(Frame.of())).hasMessageContaining("cannot be saved");
  }
}
