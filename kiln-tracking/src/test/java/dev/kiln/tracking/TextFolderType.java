package dev.kiln.tracking;

import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.catalog.DatasetSpec;
import dev.kiln.core.catalog.DatasetType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A test dataset type: a text kept as {@code text.txt} in a folder (a dataset stored as a folder, as bundles are). */
public final class TextFolderType implements DatasetType {
  @Override
  public String name() {
    return "text_folder";
  }

  @Override
  public Dataset<?> create(DatasetSpec spec) {
    spec.checkOptions(List.of("filepath"));
    Path folder = spec.filepath();
    return new Dataset<String>() {
      @Override
      public Class<?> valueType() {
        return String.class;
      }

      @Override
      public String load() {
        try {
          return Files.readString(folder.resolve("text.txt"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void save(String value) {
        try {
          Files.writeString(Files.createDirectories(folder).resolve("text.txt"), value);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public boolean exists() {
        return Files.isDirectory(folder);
      }

      @Override
      public Optional<Path> location() {
        return Optional.of(folder);
      }
    };
  }
}
