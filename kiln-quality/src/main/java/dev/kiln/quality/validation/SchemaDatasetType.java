package dev.kiln.quality.validation;

import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.catalog.DatasetException;
import dev.kiln.core.catalog.DatasetSpec;
import dev.kiln.core.catalog.DatasetType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code type: schema} ({@code filepath}): a validation {@link Schema} read from YAML. */
public final class SchemaDatasetType implements DatasetType {
  @Override
  public String name() {
    return "schema";
  }

  @Override
  public Dataset<?> create(DatasetSpec spec) {
    spec.checkOptions(List.of("filepath"));
    Path file = spec.filepath();
    return new Dataset<Schema>() {
      @Override
      public Class<?> valueType() {
        return Schema.class;
      }

      @Override
      public Schema load() {
        return Schema.read(file);
      }

      @Override
      public void save(Schema value) {
        throw new DatasetException("Schema '" + spec.name() + "' is read-only.",
            "edit " + file + " by hand");
      }

      @Override
      public boolean exists() {
        return Files.exists(file);
      }

      @Override
      public Optional<Path> location() {
        return Optional.of(file);
      }
    };
  }
}
