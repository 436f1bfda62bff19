package dev.kiln.serving.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.drift.DriftReport;
import dev.kiln.quality.profile.DataProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void render_isSelfContained_withOneSvgHistogramPerColumn_andEscapesNames() {
    DataProfile ref = DataProfile.of(Frame.of(DoubleColumn.of("x<1>", 1, 2, 3, 4, 5),
        StringColumn.of("kind", "a", "a", "b", "c", "c"), DoubleColumn.of("prediction", 1, 1, 1,
            1, 1)));
    DataProfile cur = DataProfile.of(Frame.of(DoubleColumn.of("x<1>", 4, 5, 6, 7, 8),
        StringColumn.of("kind", "a", "d", "d", "d", "c"), DoubleColumn.of("prediction", 1, 1, 1,
            1, 1)));
    DriftReport inputs = new DriftReport(List.of(new ColumnDrift("x<1>", "wasserstein~", 1.2,
        0.1, true), new ColumnDrift("kind", "jensenshannon~", 0.5, 0.1, true)), 1, 0.5, true);
    MonitorReport report = new MonitorReport("m", "1", "2026-01-01T00:00:00Z", "current.csv", 5,
        5, new DriftCheck.Result(inputs, new ColumnDrift("prediction", "wasserstein~", 0, 0.1,
            false)), List.of());
    String html = HtmlReport.render(report, ref, cur);
    String[] rows = html.split("<tr><td>");
    assertThat(rows).hasSize(4);
    for (int i = 1; i < rows.length; i++) {
      assertThat(rows[i]).contains("<svg", "<rect class=\"ref\"", "<rect class=\"cur\"");
    }
    assertThat(rows[1]).startsWith("x&lt;1&gt;</td>");
    assertThat(rows[2]).contains("<title>d: 0.600</title>");
    assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "x<1>");
  }
}
