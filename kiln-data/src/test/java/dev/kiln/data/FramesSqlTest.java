package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FramesSqlTest {
  private static final Frame TRANSACTIONS = Frame.of(LongColumn.of("customer_id", 1, 2, 1, 3),
      DoubleColumn.of("amount", 10, 20, 5.5, 7),
      TimestampColumn.ofDates("day", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2),
          LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)));
  private static final Frame CUSTOMERS = Frame.of(LongColumn.of("customer_id", 1, 2, 3),
      StringColumn.of("segment", "retail", "business", "retail"));

  @Test
  void sql_joinsAndGroupsFrames_keepingTypes() {
    Frame spend = Frames.sql("""
        select c.segment, sum(t.amount) as spend, count(*) as n, max(t.day) as last_day
        from transactions t join customers c using (customer_id)
        group by c.segment order by spend desc""",
        Map.of("transactions", TRANSACTIONS, "customers", CUSTOMERS));
    assertThat(spend.rowCount()).isEqualTo(2);
    assertThat(spend.column("segment").getString(0)).isEqualTo("retail");
    assertThat(spend.column("spend").getDouble(0)).isEqualTo(22.5);
    assertThat(spend.column("n").getLong(0)).isEqualTo(3);
    assertThat(spend.column("last_day").get(0)).isEqualTo(LocalDate.of(2024, 1, 3));
  }

  @Test
  void sql_aFrameCanBeScannedTwice_selfJoin() {
    Frame pairs = Frames.sql("select count(*) as n from c a join c b on a.segment = b.segment",
        Map.of("c", CUSTOMERS));
    assertThat(pairs.column("n").getLong(0)).isEqualTo(5);
  }

  @Test
  void sql_unknownColumn_namesLineColumnAndClosestName() {
    assertThatThrownBy(() -> Frames.sql("select segment,\n  amout\nfrom transactions t"
        + " join customers using (customer_id)",
        Map.of("transactions", TRANSACTIONS, "customers", CUSTOMERS)))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("Query failed at line 2, column 3")
        .hasMessageContaining("amout")
        .satisfies(e -> assertThat(((DataFormatException) e).hint().orElse(""))
            .startsWith("did you mean 'amount'?"));
  }

  @Test
  void sql_unknownTable_suggestsTheClosest() {
    assertThatThrownBy(() -> Frames.sql("select * from transaction",
        Map.of("transactions", TRANSACTIONS)))
        .hasMessageContaining("line 1, column 15")
        .satisfies(e -> assertThat(((DataFormatException) e).hint().orElse(""))
            .startsWith("did you mean 'transactions'?"));
  }

  @Test
  void sql_errorFarAlongALongLine_findsTheColumnInTheShortenedSnippet() {
    String padding = "1 as a, ".repeat(20);
    String query = "select " + padding + "nosuch from t";
    assertThatThrownBy(() -> Frames.sql(query, Map.of("t", CUSTOMERS)))
        .hasMessageContaining("at line 1, column " + (query.indexOf("nosuch") + 1));
  }
}
