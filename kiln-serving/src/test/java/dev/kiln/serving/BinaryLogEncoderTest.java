package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.ColumnType;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.FieldSpec;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request's checked rows are logged without building their frame, as the frame would be. */
class BinaryLogEncoderTest {
  static final List<FieldSpec> FIELDS = List.of(
      new FieldSpec("amount", ColumnType.DOUBLE, true, null, null, null),
      new FieldSpec("count", ColumnType.LONG, true, null, null, null),
      new FieldSpec("flag", ColumnType.BOOLEAN, true, null, null, null),
      new FieldSpec("kind", ColumnType.STRING, true, null, null, null),
      new FieldSpec("seen", ColumnType.TIMESTAMP, true, null, null, null));

  static InputRows rows(double count) {
    InputRows rows = new InputRows(FIELDS, 1);
    for (int r = 0; r < 11; r++) {
      rows.addRow();
      rows.setNumber(r, 0, r == 3 ? -0.0 : r * 1.25);
      rows.setNumber(r, 1, r == 5 ? count : r - 4);
      rows.setNumber(r, 2, r % 2);
      rows.setText(r, 3, r % 3 == 0 ? "é" : "k" + r);
      rows.setMicros(r, 4, 1_700_000_000_000_000L + r);
    }
    rows.setMissing(9, 0);
    rows.setMissing(2, 1);
    rows.setMissing(10, 2);
    rows.setMissing(4, 3);
    rows.setMissing(0, 4);
    return rows;
  }

  static byte[] encode(PredictionLog.Entry entry) throws Exception {
    BinaryLogEncoder encoder = new BinaryLogEncoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(encoder.startFile());
    encoder.write(entry, out);
    encoder.write(entry, out); // the second time, every name and text is a dictionary reference
    return out.toByteArray();
  }

  static PredictionLog.Entry entry(InputRows rows, boolean asFrame) {
    Frame outputs = Frame.of(DoubleColumn.of("probability", new double[rows.rowCount()]));
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return asFrame
        ? new PredictionLog.Entry("r", at, "m", "1", "primary", 1, rows.frame(), outputs)
        : new PredictionLog.Entry("r", at, "m", "1", "primary", 1, rows, rows.rowCount(), outputs);
  }

  @Test
  void rows_areEncodedAsTheirFrame_byteForByte() throws Exception {
    InputRows rows = rows(7);
    assertThat(rows.hasFractions()).isFalse();
    assertThat(encode(entry(rows, false))).isEqualTo(encode(entry(rows, true)));
  }

  @Test
  void rowsWithAFractionInAWholeNumberField_areEncodedAsTheirFrame() throws Exception {
    InputRows rows = rows(2.5);
    assertThat(rows.hasFractions()).isTrue();
    assertThat(encode(entry(rows, false))).isEqualTo(encode(entry(rows, true)));
  }
}
