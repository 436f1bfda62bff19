package dev.kiln.ml.bundle;

import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.catalog.DatasetException;
import dev.kiln.core.catalog.DatasetSpec;
import dev.kiln.core.catalog.DatasetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code type: model_bundle} ({@code filepath}: the bundle folder): a node saves a {@link
 * BundleSpec} and readers load a verified {@link LoadedBundle}. A new bundle replaces the old one
 * only once it is completely written; use {@code versioned: true} to keep every bundle.
 */
public final class BundleDatasetType implements DatasetType {
  @Override
  public String name() {
    return "model_bundle";
  }

  @Override
  public Dataset<?> create(DatasetSpec spec) {
    spec.checkOptions(List.of("filepath"));
    return new BundleDataset(spec.name(), spec.filepath());
  }

  private record BundleDataset(String name, Path dir) implements Dataset<Object> {
    @Override
    public Class<?> valueType() {
      return Object.class;
    }

    @Override
    public Object load() {
      if (!Files.exists(dir)) {
        throw new DatasetException("Bundle '" + name + "' does not exist at '" + dir + "'.",
            "run the node that packages the model first");
      }
      return ModelBundle.load(dir);
    }

    @Override
    public void save(Object value) {
      if (!(value instanceof BundleSpec spec)) {
        throw new DatasetException("Dataset '" + name + "' stores model bundles; the node gave a "
            + (value == null ? "null" : value.getClass().getName()) + ".",
            "return a dev.kiln.ml.bundle.BundleSpec");
      }
      try {
        Files.createDirectories(dir.toAbsolutePath().getParent());
      } catch (IOException e) {
        throw new DatasetException("Cannot save bundle '" + name + "' to '" + dir + "': "
            + e.getMessage(), "check that the folder is writable", e);
      }
      ModelBundle.replace(spec, dir);
    }

    @Override
    public boolean exists() {
      return Files.exists(dir.resolve(ModelBundle.MANIFEST));
    }

    @Override
    public Optional<Path> location() {
      return Optional.of(dir);
    }
  }
}
