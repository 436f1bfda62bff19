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
    assertThat(r.toTable()).contains("categories").contains("[hydrogen]");
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
}
