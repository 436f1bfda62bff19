package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.project.Project;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import dev.kiln.ui.UiOptions;
import dev.kiln.ui.UiServer;
import dev.kiln.ui.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The runs page over 600 runs in Debian's headless Chromium: a page of 500 puts only the rows in
 * view in the table (spacers stand for the rest), scrolling draws the others, a pick survives
 * scrolling away and back, "Load more" brings the next page, and a filter is answered by the
 * server. How fast is measured by {@code bench/run ui}, not asserted here.
 */
class LargeRunsBrowserIT {
  private static final int RUNS = 600;

  @TempDir static Path work;
  static TrackingStore store;
  static UiServer server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs"
        + " them)").isTrue();
    Path dir = Files.createDirectories(work.resolve("project/conf/base"));
    Files.writeString(dir.resolve("kiln.yml"), "name: many-runs\n");
    store = TrackingStores.sqlite(work.resolve("tracking.db"));
    String experiment = store.createExperiment("many-runs/__default__", Map.of()).id();
    for (int i = 0; i < RUNS; i++) {
      String id = store.createRun(experiment, String.format("run-%03d", i), Map.of()).id();
      store.logBatch(id, new LogBatch(List.of(new Metric("roc_auc", i / (double) RUNS,
          1_700_000_000_000L, 0)), Map.of("seed", Integer.toString(i)), Map.of()));
      store.updateRun(id, RunStatus.FINISHED, System.currentTimeMillis());
    }
    server = UiServer.start(new Workspace(Project.open(work.resolve("project"), "local",
        List.of()), store, ArtifactStores.local(work.resolve("artifacts")),
        work.resolve("monitoring"), Workspace.Servers.none()), UiOptions.loopback(0));
    browser = new Browser(1280, 900);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void manyRuns_rowsInViewOnly_scrollPickLoadMoreAndFilter() throws Exception {
    browser.go("http://127.0.0.1:" + server.port()
        + "/ui/#/runs?order=metrics.roc_auc%20ASC", By.cssSelector("#runs tbody tr:not(.spacer)"));
    assertThat(status()).startsWith("500+ runs");
    assertThat(browser.js("return document.getElementById('runs').getAttribute('aria-rowcount')"))
        .isEqualTo("501");
    assertThat(rowsInPage()).as("rows in the DOM for 500 runs").isPositive().isLessThan(200);
    assertThat(firstRow()).contains("run-000");
    browser.screenshot("runs-600");

    scroll("w.scrollHeight");
    WebElement last = browser.waitFor(By.xpath("//table[@id='runs']//tr[@aria-rowindex='501']"));
    assertThat(Browser.text(last)).contains("run-499");
    assertThat(last.isDisplayed()).isTrue();
    assertThat(rowsInPage()).isLessThan(200);
    last.findElement(By.cssSelector("input[type=checkbox]")).click();

    scroll("0");
    browser.until(d -> firstRow().contains("run-000"));
    scroll("w.scrollHeight");
    WebElement again = browser.waitFor(By.xpath("//table[@id='runs']//tr[@aria-rowindex='501']"));
    assertThat(again.findElement(By.cssSelector("input[type=checkbox]")).isSelected())
        .as("the pick survives the row being drawn again").isTrue();

    browser.click(By.id("more"));
    browser.until(d -> status().startsWith(RUNS + " runs"));
    assertThat(browser.js("return document.getElementById('runs').getAttribute('aria-rowcount')"))
        .isEqualTo(Integer.toString(RUNS + 1));

    WebElement filter = browser.driver().findElement(By.id("run-filter"));
    filter.clear();
    filter.sendKeys("metrics.roc_auc >= 0.5");
    filter.submit();
    browser.until(d -> status().startsWith("300 runs match"));
    assertThat(rowsInPage()).isPositive().isLessThan(200);
  }

  private static String status() {
    return Browser.text(browser.driver().findElement(By.id("run-status")));
  }

  private static long rowsInPage() {
    return ((Number) browser.js("return document.querySelectorAll('#runs tbody"
        + " tr:not(.spacer)').length")).longValue();
  }

  private static String firstRow() {
    return String.valueOf(browser.js("return document.querySelector('#runs tbody"
        + " tr:not(.spacer)').textContent"));
  }

  private static void scroll(String to) {
    browser.js("const w = document.querySelector('#run-table .table-wrap'); w.scrollTop = " + to
        + "; w.dispatchEvent(new Event('scroll'));");
  }
}
