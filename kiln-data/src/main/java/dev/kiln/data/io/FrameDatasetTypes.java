package dev.kiln.data.io;

import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.catalog.DatasetException;
import dev.kiln.core.catalog.DatasetSpec;
import dev.kiln.core.catalog.DatasetType;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file dataset types of kiln-data, registered with the catalog through {@link
 * java.util.ServiceLoader}: {@code csv} (options {@code filepath}, {@code delimiter},
 * {@code header}, {@code schema: {column: type}}), {@code parquet}, {@code json_records} (a
 * JSON array of records) and {@code jsonl} (one JSON object per line) ({@code filepath}).
 */
public abstract class FrameDatasetTypes implements DatasetType {
  private final FileFormat format;

  FrameDatasetTypes(FileFormat format) {
    this.format = format;
  }

  @Override
  public Dataset<?> create(DatasetSpec spec) {
    spec.checkOptions(switch (format) {
      case CSV -> List.of("filepath", "delimiter", "header", "schema");
      default -> List.of("filepath");
    });
    CsvOptions options = format == FileFormat.CSV ? csvOptions(spec) : CsvOptions.defaults();
    return new FrameFileDataset(spec.name(), spec.filepath(), format, options);
  }

  private static CsvOptions csvOptions(DatasetSpec spec) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    spec.mapOption("schema").forEach((k, v) -> types.put(k, ColumnType.parse(String.valueOf(v))));
    return new CsvOptions(spec.option("delimiter").orElse(","),
        !"false".equals(spec.option("header").orElse("true")), types);
  }

  /** {@code type: csv}. */
  public static final class Csv extends FrameDatasetTypes {
    /** Creates the type. */
    public Csv() {
      super(FileFormat.CSV);
    }

    @Override
    public String name() {
      return "csv";
    }
  }

  /** {@code type: parquet}. */
  public static final class Parquet extends FrameDatasetTypes {
    /** Creates the type. */
    public Parquet() {
      super(FileFormat.PARQUET);
    }

    @Override
    public String name() {
      return "parquet";
    }
  }

  /**
   * {@code type: json_records}: a JSON array of records as a frame (core's {@code json} type
   * holds any JSON document as a map).
   */
  public static final class Json extends FrameDatasetTypes {
    /** Creates the type. */
    public Json() {
      super(FileFormat.JSON);
    }

    @Override
    public String name() {
      return "json_records";
    }
  }

  /** {@code type: jsonl}: one JSON object per line. */
  public static final class JsonLines extends FrameDatasetTypes {
    /** Creates the type. */
    public JsonLines() {
      super(FileFormat.JSONL);
    }

    @Override
    public String name() {
      return "jsonl";
    }
  }

  /** A frame stored in one file. */
  private record FrameFileDataset(String name, Path path, FileFormat format, CsvOptions options)
      implements Dataset<Frame> {
    @Override
    public Class<?> valueType() {
      return Frame.class;
    }

    @Override
    public Frame load() {
      if (!Files.exists(path)) {
        throw new DatasetException("Dataset '" + name + "' file '" + path + "' does not exist.",
            "create it, fix 'filepath' in catalog.yml, or run the node that produces it");
      }
      return FrameReader.read(path, format, options);
    }

    @Override
    public void save(Frame value) {
      FrameWriter.write(value, path, format);
    }

    @Override
    public boolean exists() {
      return Files.isRegularFile(path);
    }

    @Override
    public Optional<Path> location() {
      return Optional.of(path);
    }
  }
}
