package dev.kiln.core.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** A user-defined dataset type for tests: text upper-cased on load. */
public final class UpperTextType implements DatasetType {
  @Override
  public String name() {
    return "upper_text";
  }

  @Override
  public Dataset<?> create(DatasetSpec spec) {
    spec.checkOptions(List.of("filepath"));
    return new FileDataset<>(spec.name(), spec.filepath(), new FileCodec<String>() {
      @Override
      public Class<?> valueType() {
        return String.class;
      }

      @Override
      public String formatName() {
        return "text";
      }

      @Override
      public String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
      }

      @Override
      public byte[] encode(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
      }
    });
  }
}
