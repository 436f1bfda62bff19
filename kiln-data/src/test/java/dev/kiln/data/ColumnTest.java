package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The typed getters of {@link Column}: each reads its own type and names the right one. */
class ColumnTest {
  private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
  private static final LocalDateTime NOON = LocalDateTime.of(2024, 2, 29, 12, 30, 15, 250_000);

  @Test
  void typedGetters_readTheirType_nullForMissingObjects() {
    BitSet second = new BitSet();
    second.set(1);
    Column flags = new BooleanColumn("flag", new boolean[] {true, false}, second);
    Column dates = TimestampColumn.ofDates("day", DAY);
    Column local = TimestampColumn.ofLocal("at", NOON);
    Column instants = new TimestampColumn("ts", new long[] {1_000_000L, 0}, second);

    assertThat(flags.getBoolean(0)).isTrue();
    assertThat(flags.isNull(1)).isTrue();
    assertThat(dates.getDate(0)).isEqualTo(DAY);
    assertThat(dates.getDateTime(0)).isEqualTo(DAY.atStartOfDay());
    assertThat(local.getDateTime(0)).isEqualTo(NOON);
    assertThat(instants.getInstant(0)).isEqualTo(Instant.ofEpochSecond(1));
    assertThat(instants.getInstant(1)).isNull();
  }

  @Test
  void copyTo_copiesTheStoredValuesOfARange() {
    DoubleColumn d = DoubleColumn.of("d", 1, 2, 3, 4);
    java.nio.DoubleBuffer doubles = java.nio.DoubleBuffer.allocate(2);
    d.copyTo(1, 2, doubles);
    assertThat(doubles.array()).containsExactly(2, 3);
    LongColumn l = LongColumn.of("l", 5, 6, 7);
    java.nio.LongBuffer longs = java.nio.LongBuffer.allocate(3);
    l.copyTo(0, 3, longs);
    assertThat(longs.array()).containsExactly(5, 6, 7);
    TimestampColumn t = TimestampColumn.of("t", 8, 9);
    java.nio.LongBuffer micros = java.nio.LongBuffer.allocate(1);
    t.copyTo(1, 1, micros);
    assertThat(micros.array()).containsExactly(9);
  }

  @Test
  void getBoolean_onLongColumn_throwsNamingColumnAndGetter() {
    Column age = LongColumn.of("age", 30);
    assertThat(error(() -> age.getBoolean(0)))
        .contains("Column 'age' holds long values; getBoolean reads boolean values")
        .contains("Hint: read it with getLong");
  }

  @Test
  void timeGetters_onOtherKinds_throwWithTheGetterToUse() {
    Column local = TimestampColumn.ofLocal("at", NOON);
    Column instants = TimestampColumn.of("ts", 0L);
    assertThat(error(() -> local.getInstant(0)))
        .contains("Column 'at' holds local date-time values; getInstant reads instant")
        .contains("Hint: read it with getDateTime");
    assertThat(error(() -> instants.getDateTime(0)))
        .contains("'ts' holds instant values").contains("Hint: read it with getInstant");
    assertThat(error(() -> local.getDate(0))).contains("getDate reads date values");
    assertThat(error(() -> StringColumn.of("s", "x").getDate(0)))
        .contains("holds string values").contains("Hint: read it with getString");
  }

  private static String error(Runnable read) {
    DataFormatException e = catchThrowableOfType(DataFormatException.class, read::run);
    assertThat(e).as("expected a DataFormatException").isNotNull();
    return e.describe();
  }
}
