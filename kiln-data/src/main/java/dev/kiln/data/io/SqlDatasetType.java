package dev.kiln.data.io;

import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.catalog.DatasetException;
import dev.kiln.core.catalog.DatasetSpec;
import dev.kiln.core.catalog.DatasetType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.internal.DuckDb;
import dev.kiln.data.internal.SqlErrors;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;

/**
 * {@code type: sql}: a frame computed by a DuckDB {@code query} over files. {@code tables} names
 * files ({@code name: path}, format from the extension) the query can use as tables; the query
 * may also read files directly ({@code from 'data/x.parquet'}). Relative paths are resolved
 * against the project folder. The result streams into the frame as Arrow batches. Read-only.
 */
public final class SqlDatasetType implements DatasetType {
  @Override
  public String name() {
    return "sql";
  }

  @Override
  public Dataset<?> create(DatasetSpec spec) {
    spec.checkOptions(List.of("query", "tables"));
    String query = spec.requireOption("query");
    Map<String, Path> tables = new LinkedHashMap<>();
    spec.mapOption("tables").forEach((name, file) -> tables.put(name,
        spec.projectDir().resolve(String.valueOf(file))));
    tables.forEach((name, file) -> FileFormat.ofFile(file).orElseThrow(() ->
        new DatasetException("Table '" + name + "' of catalog entry '" + spec.name() + "' is '"
            + file + "', whose format Kiln cannot tell from its name.",
            "use a .csv, .parquet, .json, .jsonl or .ndjson file")));
    return new SqlDataset(spec.name(), query, tables, spec.projectDir());
  }

  private record SqlDataset(String name, String query, Map<String, Path> tables, Path projectDir)
      implements Dataset<Frame> {
    @Override
    public Class<?> valueType() {
      return Frame.class;
    }

    @Override
    public Frame load() {
      try (DuckDBConnection c = DuckDb.open(); Statement s = c.createStatement()) {
        s.execute("SET file_search_path = " + FrameReader.quote(projectDir.toString()));
        for (Map.Entry<String, Path> t : tables.entrySet()) {
          FileFormat format = FileFormat.ofFile(t.getValue()).orElseThrow();
          s.execute("CREATE VIEW \"" + t.getKey().replace("\"", "\"\"") + "\" AS SELECT * FROM "
              + FrameReader.source(t.getValue(), format, CsvOptions.defaults()));
        }
        return FrameReader.query(c, query);
      } catch (SQLException | DataFormatException e) {
        throw SqlErrors.translate("Query of dataset '" + name + "'", query, e,
            new TreeSet<>(tables.keySet()));
      }
    }

    @Override
    public void save(Frame value) {
      throw new DatasetException("Dataset '" + name + "' is a SQL query and cannot be saved.",
          "save the result to a file dataset (parquet, csv) instead");
    }

    @Override
    public boolean exists() {
      return true;
    }
  }
}
