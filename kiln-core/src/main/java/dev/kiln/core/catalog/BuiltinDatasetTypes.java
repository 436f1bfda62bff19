package dev.kiln.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The file dataset types of kiln-core: {@code text} (String), {@code json} and {@code yaml}
 * (maps, lists, numbers, strings; also any Jackson-mappable object on save) and {@code binary}
 * (byte[]). Each takes a {@code filepath} option.
 */
public final class BuiltinDatasetTypes {
  private BuiltinDatasetTypes() {}

  /** Returns the built-in file types. */
  public static List<DatasetType> all() {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    return List.of(
        fileType("text", new TextCodec()),
        fileType("json", new JacksonCodec(json, "JSON")),
        fileType("yaml", new JacksonCodec(yaml, "YAML")),
        fileType("binary", new BinaryCodec()));
  }

  private static DatasetType fileType(String name, FileCodec<?> codec) {
    return new DatasetType() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Dataset<?> create(DatasetSpec spec) {
        spec.checkOptions(List.of("filepath"));
        return new FileDataset<>(spec.name(), spec.filepath(), codec);
      }
    };
  }

  private record TextCodec() implements FileCodec<String> {
    @Override
    public Class<?> valueType() {
      return String.class;
    }

    @Override
    public String formatName() {
      return "UTF-8 text";
    }

    @Override
    public String decode(byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encode(String value) {
      return value.getBytes(StandardCharsets.UTF_8);
    }
  }

  private record BinaryCodec() implements FileCodec<byte[]> {
    @Override
    public Class<?> valueType() {
      return byte[].class;
    }

    @Override
    public String formatName() {
      return "bytes";
    }

    @Override
    public byte[] decode(byte[] bytes) {
      return bytes;
    }

    @Override
    public byte[] encode(byte[] value) {
      return value;
    }
  }

  private record JacksonCodec(ObjectMapper mapper, String formatName) implements FileCodec<Object> {
    @Override
    public Class<?> valueType() {
      return Object.class;
    }

    @Override
    public Object decode(byte[] bytes) throws IOException {
      return mapper.readValue(bytes, Object.class);
    }

    @Override
    public byte[] encode(Object value) throws IOException {
      return mapper.writeValueAsBytes(value);
    }
  }
}
