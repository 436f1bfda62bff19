package dev.kiln.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.lifecycle.monitor.DriftCheck;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.drift.DriftReport;
import dev.kiln.quality.profile.DataProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftChartsTest {
  @TempDir Path dir;

  private static final DataProfile REF = DataProfile.of(Frame.of(
      DoubleColumn.of("x<1>", 1, 2, 3, 4, 5), StringColumn.of("fuel", "petrol", "petrol",
          "diesel", "electric", "electric"), DoubleColumn.of("flag", 0, 0, 0, 0, 0),
      DoubleColumn.of("prediction", 1, 1, 1, 1, 1)));
  private static final DataProfile CUR = DataProfile.of(Frame.of(
      DoubleColumn.of("x<1>", 4, 5, 6, 7, 8), StringColumn.of("fuel", "petrol", "hydrogen",
          "hydrogen", "hydrogen", "electric"), DoubleColumn.of("flag", 5, 5, 5, 5, 5),
      DoubleColumn.of("prediction", 1, 1, 1, 1, 1)));

  private static MonitorReport report() {
    DriftReport inputs = new DriftReport(List.of(
        new ColumnDrift("x<1>", "wasserstein~", 1.2, 0.1, true),
        new ColumnDrift("fuel", "jensenshannon~", 0.05, 0.1, false),
        new ColumnDrift("flag", "wasserstein~", 5000, 0.1, true)), 2 / 3.0, 0.5, true);
    return new MonitorReport("m", "1", "2026-01-01T00:00:00Z", "current.csv", 5, 5,
        new DriftCheck.Result(inputs, new ColumnDrift("prediction", "wasserstein~", 0, 0.1,
            false)), List.of());
  }

  @Test
  void staticReport_isSelfContained_withAChartPerColumn_andEscapedNames() {
    String html = DriftCharts.staticReport(report(), REF, CUR);
    assertThat(Pattern.compile("<svg class=\"hist\"").matcher(html).results().count())
        .as("the prediction and three inputs").isEqualTo(4);
    assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "x<1>")
        .contains("x&lt;1&gt;");
  }

  @Test
  void staticReport_explainsTheVerdict_andShowsCategoryNamesAsText() {
    String html = DriftCharts.staticReport(report(), REF, CUR);
    assertThat(html).contains("2 of 3 columns drifted (67%); the dataset is flagged at 50%:"
        + " dataset drift");
    assertThat(html).as("category names drawn under the bars, not only in tooltips")
        .containsPattern(">hydrogen</text>").containsPattern(">petrol</text>");
    assertThat(html).contains("'hydrogen' 0.0% → 60.0%");
    assertThat(html).as("axis ticks in percent").contains(">0%</text>");
  }

  @Test
  void staticReport_constantReference_showsTheShiftInUnitsNotTheRawScore() {
    String html = DriftCharts.staticReport(report(), REF, CUR);
    assertThat(html).contains("reference constant at 0: moved by 5 in the column's units")
        .doesNotContain("5000 reference standard deviations");
  }

  @Test
  void profiles_roundTrip() throws Exception {
    Path file = dir.resolve("report-1" + DriftCharts.PROFILES_SUFFIX);
    Files.writeString(file, DriftCharts.profilesJson(REF, CUR));
    List<DataProfile> both = DriftCharts.readProfiles(file);
    assertThat(both.get(0).rows()).isEqualTo(5);
    assertThat(both.get(1).columns()).extracting(c -> c.name())
        .containsExactly("x<1>", "fuel", "flag", "prediction");
  }

  @Test
  void writeBeside_writesProfilesAndHtmlNextToTheJsonReport() throws Exception {
    Path json = dir.resolve("report-2.json");
    Path html = DriftCharts.writeBeside(json, report(), REF, CUR);
    assertThat(html).isEqualTo(dir.resolve("report-2.html"));
    assertThat(html).content().startsWith("<!DOCTYPE html>");
    assertThat(DriftCharts.readProfiles(dir.resolve("report-2" + DriftCharts.PROFILES_SUFFIX)))
        .hasSize(2);
  }
}
