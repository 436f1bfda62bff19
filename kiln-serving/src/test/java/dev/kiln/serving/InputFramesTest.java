package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.FieldSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputFramesTest {
  private static final List<FieldSpec> FIELDS = List.of(
      new FieldSpec("year", ColumnType.LONG, false, 1990.0, 2026.0, null));

  private static Frame read(String json) throws Exception {
    JsonNode rows = new ObjectMapper().readTree(json);
    return new TabularInputs(FIELDS, 100).instances(rows, "instances");
  }

  @Test
  void wholeNumberField_acceptsAFraction_asADouble() throws Exception {
    Frame whole = read("[{\"year\": 2046}]");
    assertThat(whole.column("year").type()).isEqualTo(ColumnType.LONG);
    Frame fraction = read("[{\"year\": 2046}, {\"year\": 2046.5}]");
    assertThat(fraction.column("year").type()).isEqualTo(ColumnType.DOUBLE);
    assertThat(fraction.column("year").getDouble(1)).isEqualTo(2046.5);
  }

  @Test
  void wholeNumberField_stillRefusesText() {
    assertThatThrownBy(() -> read("[{\"year\": \"2046\"}]"))
        .hasMessageContaining("Field 'year' of row 0 must be a number, got the string \"2046\"");
  }
}
