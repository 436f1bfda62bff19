package dev.kiln.quality.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {
  @TempDir Path dir;

  private static Frame cars() {
    BitSet missing = new BitSet();
    missing.set(3);
    return Frame.of(new DoubleColumn("price", new double[] {9500, -3, 12000, 0, 8000}, missing),
        StringColumn.of("fuel", "petrol", "diesel", "hydrogen", "electric", "petrol"),
        LongColumn.of("year", 2015, 2018, 2031, 2020, 2019),
        StringColumn.of("vin", "AB1", "AB2", "AB3", "AB3", "x"));
  }

  private Schema schema(String yaml) throws Exception {
    Path file = dir.resolve("schema.yml");
    Files.writeString(file, yaml);
    return Schema.read(file);
  }

  @Test
  void quarantine_keepsEveryRowWithItsReasons() throws Exception {
    Schema s = schema("columns:\n"
        + "  price: {type: double, nullable: false, min: 0, policy: quarantine}\n"
        + "  fuel: {type: string, categories: [petrol, diesel, electric], policy: quarantine}\n");
    ValidationResult r = Validator.validate(cars(), s, List.of());
    assertThat(r.passed()).isTrue();
    assertThat(r.clean().rowCount() + r.quarantine().rowCount()).isEqualTo(5);
    assertThat(r.quarantine().column("_reasons").toString()).isNotEmpty();
    assertThat(List.of(r.quarantine().column("_reasons").get(0),
        r.quarantine().column("_reasons").get(1), r.quarantine().column("_reasons").get(2)))
        .containsExactly("price: min", "fuel: categories", "price: nullable");
    assertThat(r.toTable()).contains("categories").contains("'hydrogen' (row 3)");
  }

  @Test
  void failPolicy_failsTheGate_warnDoesNot() throws Exception {
    ValidationResult failed = Validator.validate(cars(), schema(
        "columns:\n  year: {type: long, max: 2026}\n"), List.of());
    assertThat(failed.passed()).isFalse();
    assertThat(failed.clean().rowCount()).isEqualTo(5);
    ValidationResult warned = Validator.validate(cars(), schema(
        "columns:\n  year: {type: long, max: 2026, policy: warn}\n"), List.of());
    assertThat(warned.passed()).isTrue();
    assertThat(warned.rules()).hasSize(1);
    assertThat(warned.toJson()).contains("\"failing\" : 1");
  }

  @Test
  void regexUniqueTypeRowsAndMissingColumn() throws Exception {
    ValidationResult r = Validator.validate(cars(), schema("rows: {min: 10}\ncolumns:\n"
        + "  vin: {regex: 'AB[0-9]', unique: true, policy: warn}\n"
        + "  year: {type: string, policy: warn}\n  color: {type: string}\n"), List.of());
    assertThat(r.rules()).extracting(RuleResult::rule)
        .containsExactly("rows.min", "regex", "unique", "type", "present");
    assertThat(r.rules().get(1).examples()).containsExactly("x");
    assertThat(r.rules().get(2).examples()).containsExactly("AB3");
  }

  @Test
  void customExpectation_inJava() throws Exception {
    Expectation priceVsYear = new Expectation() {
      @Override
      public String name() {
        return "new cars are not cheap";
      }

      @Override
      public Policy policy() {
        return Policy.QUARANTINE;
      }

      @Override
      public BitSet failing(Frame f) {
        BitSet out = new BitSet();
        for (int i = 0; i < f.rowCount(); i++) {
          if (f.column("year").getDouble(i) > 2025 && f.column("price").getDouble(i) < 20000) {
            out.set(i);
          }
        }
        return out;
      }
    };
    ValidationResult r = Validator.validate(cars(), schema("columns: {}\n"), List.of(priceVsYear));
    assertThat(r.quarantine().column("_reasons").get(0)).isEqualTo("*: new cars are not cheap");
  }

  @Test
  void badSchema_namesFileAndProblem() {
    assertThatThrownBy(() -> schema("columns:\n  x: {typ: double}\n"))
        .hasMessageContaining("schema.yml").hasMessageContaining("typ");
    assertThatThrownBy(() -> schema("columns:\n  x: {regex: '[a-'}\n"))
        .hasMessageContaining("invalid regex");
  }

  @Test
  void infer_draftsASchemaThatTheDataPasses() throws Exception {
    Schema inferred = Schema.infer(cars());
    Path file = dir.resolve("inferred.yml");
    Files.writeString(file, inferred.toYaml());
    ValidationResult r = Validator.validate(cars(), Schema.read(file), List.of());
    assertThat(r.rules()).isEmpty();
    assertThat(inferred.columns().get("fuel").categories()).contains("hydrogen");
  }

  @Test
  void infer_timestamps_writesIsoBoundsAndLowerCaseTypes() throws Exception {
    long jan31Noon = 1_706_702_400_000_000L;
    Frame f = Frame.of(TimestampColumn.of("at", jan31Noon, jan31Noon + 86_400_000_000L + 5),
        DoubleColumn.of("x", 1, 2));
    String yaml = Schema.infer(f).toYaml();
    assertThat(yaml).contains("min: \"2024-01-31T12:00\"", "max: \"2024-02-01T12:00:00.000005\"",
        "type: \"timestamp\"", "type: \"double\"").doesNotContain("1706702400000000");
    Path file = dir.resolve("ts.yml");
    Files.writeString(file, yaml);
    assertThat(Validator.validate(f, Schema.read(file), List.of()).rules()).isEmpty();
    Files.writeString(file, "columns:\n  at: {type: timestamp, max: 2024-02-01}\n");
    assertThat(Validator.validate(f, Schema.read(file), List.of()).rules()).hasSize(1);
  }

  /** 406 rows of a text column holding integers, with {@code eight} in row 17. */
  private static Frame agesWithOneWord() {
    String[] ages = new String[406];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = String.valueOf(8 + i % 50);
    }
    ages[16] = "eight";
    return Frame.of(StringColumn.of("age", ages), LongColumn.of("id", java.util.stream.LongStream
        .range(0, 406).toArray()));
  }

  @Test
  void declaredType_textColumn_onlyTheRowThatDoesNotParseIsQuarantined() throws Exception {
    ValidationResult r = Validator.validate(agesWithOneWord(), schema(
        "columns:\n  age: {type: long, min: 0, max: 100, policy: quarantine}\n"), List.of());
    assertThat(r.passed()).isTrue();
    assertThat(r.rules()).singleElement().satisfies(rule -> {
      assertThat(rule.rule()).isEqualTo("type");
      assertThat(rule.failing()).isEqualTo(1);
      assertThat(rule.examples()).containsExactly("eight");
      assertThat(rule.rows()).containsExactly(17L);
    });
    assertThat(r.clean().rowCount()).isEqualTo(405);
    assertThat(r.clean().column("age").type()).isEqualTo(dev.kiln.data.ColumnType.LONG);
    assertThat(r.clean().column("age").getLong(16)).isEqualTo(8 + 17 % 50);
    assertThat(r.quarantine().rowCount()).isEqualTo(1);
    assertThat(r.quarantine().column("age").get(0)).isEqualTo("eight");
    assertThat(r.quarantine().column("_reasons").get(0)).isEqualTo("age: type");
    assertThat(r.quarantine().column("_row").getLong(0)).isEqualTo(17);
    assertThat(r.toTable()).contains("'eight' (row 17)");
    assertThat(r.toJson()).contains("\"rows\" : [ 17 ]").contains("\"rows_quarantined\" : 1");
    assertThat(r.summary()).isEqualTo("406 rows: 405 pass, 0 failed, 1 quarantined");
  }

  @Test
  void declaredType_failPolicy_countsTheOneFailingRow() throws Exception {
    ValidationResult r = Validator.validate(agesWithOneWord(), schema(
        "columns:\n  age: {type: long, nullable: false}\n"), List.of());
    assertThat(r.passed()).isFalse();
    assertThat(r.rules()).extracting(RuleResult::rule).containsExactly("type");
    assertThat(r.rowsFailed()).isEqualTo(1);
    assertThat(r.summary()).isEqualTo("406 rows: 405 pass, 1 failed, 0 quarantined");
    assertThatThrownBy(() -> ValidationReport.of(r).requirePassed(null))
        .hasMessageContaining("type on 'age' (1 row, e.g. 'eight' (row 17))");
  }

  @Test
  void declaredType_parsesDoublesBooleansAndTimestamps_badValuesOnly() throws Exception {
    Frame f = Frame.of(StringColumn.of("x", "1.5", "2e3", "n/a", null),
        StringColumn.of("ok", "yes", "false", "maybe", "1"),
        StringColumn.of("at", "2024-01-31", "2024-01-31 10:30:00", "yesterday", ""),
        StringColumn.of("n", "8.0", "8.5", "-3", "9"));
    ValidationResult r = Validator.validate(f, schema("columns:\n"
        + "  x: {type: double, policy: warn}\n  ok: {type: boolean, policy: warn}\n"
        + "  at: {type: timestamp, policy: warn}\n  n: {type: long, policy: warn}\n"), List.of());
    assertThat(r.rules()).extracting(RuleResult::column, RuleResult::rows).containsExactly(
        org.assertj.core.groups.Tuple.tuple("x", List.of(3L)),
        org.assertj.core.groups.Tuple.tuple("ok", List.of(3L)),
        org.assertj.core.groups.Tuple.tuple("at", List.of(3L)),
        org.assertj.core.groups.Tuple.tuple("n", List.of(2L)));
    assertThat(r.clean().column("x").getDouble(1)).isEqualTo(2000.0);
    assertThat(r.clean().column("n").getLong(0)).isEqualTo(8);
    assertThat(r.clean().column("at").isNull(3)).isTrue();
    assertThat(r.clean().column("ok").get(3)).isEqualTo(true);
  }

  @Test
  void declaredType_javaNumberSuffixesAndHexAreNotNumbers_nanAndInfinityAre() throws Exception {
    Frame f = Frame.of(StringColumn.of("x", "1d", "0x10", "nan", "-inf", "1,5", "7"));
    ValidationResult r = Validator.validate(f, schema(
        "columns:\n  x: {type: double, policy: quarantine}\n"), List.of());
    assertThat(r.rules()).singleElement().satisfies(rule -> {
      assertThat(rule.examples()).containsExactly("1d", "0x10", "1,5");
      assertThat(rule.rows()).containsExactly(1L, 2L, 5L);
    });
    assertThat(r.clean().column("x").getDouble(0)).isNaN();
    assertThat(r.clean().column("x").getDouble(1)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(r.clean().column("x").getDouble(2)).isEqualTo(7.0);
  }

  @Test
  void gate_savedReportFails_withTheSameMessageAsTheReport() throws Exception {
    ValidationResult r = Validator.validate(agesWithOneWord(), schema(
        "columns:\n  age: {type: long}\n"), List.of());
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> saved = new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(r.toJson(), java.util.Map.class);
    assertThat(saved).containsEntry("rows_failed", 1).containsEntry("rows_passed", 405);
    String expected = "Validation failed: type on 'age' (1 row, e.g. 'eight' (row 17));"
        + " training does not run on this data. The report is data/v.json.";
    assertThatThrownBy(() -> ValidationGate.check(saved, "data/v.json")).hasMessage(expected);
    assertThatThrownBy(() -> ValidationReport.of(r).requirePassed("data/v.json"))
        .hasMessage(expected);
  }
}
