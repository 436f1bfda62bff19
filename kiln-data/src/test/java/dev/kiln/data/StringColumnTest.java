package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StringColumnTest {
  @Test
  void of_encodesEachDistinctValueOnce() {
    StringColumn c = StringColumn.of("city", "Oslo", "Rome", null, "Oslo", "Rome", "Oslo");
    assertThat(c.dictionarySize()).isEqualTo(2);
    assertThat(c.code(0)).isEqualTo(c.code(3)).isEqualTo(c.code(5));
    assertThat(c.code(1)).isEqualTo(c.code(4)).isNotEqualTo(c.code(0));
    assertThat(c.code(2)).isEqualTo(StringColumn.NULL_CODE);
    assertThat(c.isNull(2)).isTrue();
    assertThat(c.nullCount()).isEqualTo(1);
    assertThat(c.getString(4)).isEqualTo("Rome");
    assertThat(c.dictionaryValue(c.code(0))).isEqualTo("Oslo");
    assertThat(c.codeOf("Rome")).isEqualTo(c.code(1));
    assertThat(c.codeOf("Paris")).isEqualTo(StringColumn.NULL_CODE);
  }

  @Test
  void take_sharesTheDictionaryAndKeepsNulls() {
    StringColumn c = StringColumn.of("s", "a", "b", null);
    StringColumn t = c.take(new int[] {2, 1, 1});
    assertThat(t.getString(0)).isNull();
    assertThat(t.getString(2)).isEqualTo("b");
    assertThat(t.dictionary()).isEqualTo(c.dictionary());
  }

  @Test
  void append_mergesDictionariesSoEqualStringsGetEqualCodes() {
    StringColumn a = StringColumn.of("s", "x", "y");
    StringColumn b = StringColumn.of("s", "z", "y", null, "x");
    StringColumn ab = a.append(b);
    assertThat(ab.size()).isEqualTo(6);
    assertThat(ab.dictionarySize()).isEqualTo(3);
    assertThat(ab.code(5)).isEqualTo(ab.code(0));
    assertThat(ab.code(3)).isEqualTo(ab.code(1));
    assertThat(ab.getString(2)).isEqualTo("z");
    assertThat(ab.isNull(4)).isTrue();
    assertThat(a.append(a.take(new int[] {1})).getString(2)).isEqualTo("y");
  }

  @Test
  void ofCodes_checksTheDictionaryAndTheCodes() {
    StringColumn c = StringColumn.ofCodes("s", new int[] {1, -1, 0}, new String[] {"a", "b"});
    assertThat(c.getString(0)).isEqualTo("b");
    assertThat(c.codes()).containsExactly(1, -1, 0);
    assertThatThrownBy(() -> StringColumn.ofCodes("s", new int[] {0}, new String[] {"a", "a"}))
        .hasMessageContaining("repeated value 'a'");
    assertThatThrownBy(() -> StringColumn.ofCodes("s", new int[] {2}, new String[] {"a", "b"}))
        .hasMessageContaining("Code 2 of row 0 in column 's' is outside its dictionary");
  }

  @Test
  void numbers_areRefusedWithAHint() {
    StringColumn c = StringColumn.of("fuel", "diesel");
    assertThatThrownBy(() -> c.getDouble(0)).isInstanceOf(DataFormatException.class)
        .hasMessageContaining("'fuel' holds strings");
    assertThatThrownBy(() -> c.getLong(0)).isInstanceOf(DataFormatException.class);
  }

  @Test
  void typedGetters_onOtherColumns() {
    assertThat(DoubleColumn.of("d", 2.7).getLong(0)).isEqualTo(2);
    assertThat(BooleanColumn.of("b", true).getLong(0)).isEqualTo(1);
    assertThat(LongColumn.of("n", 7).getString(0)).isEqualTo("7");
    assertThat(TimestampColumn.ofDates("d", java.time.LocalDate.of(1970, 1, 2)).getString(0))
        .isEqualTo("1970-01-02");
  }
}
