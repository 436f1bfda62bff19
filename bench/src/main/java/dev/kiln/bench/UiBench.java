package dev.kiln.bench;

import dev.kiln.core.project.Project;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import dev.kiln.ui.UiOptions;
import dev.kiln.ui.UiServer;
import dev.kiln.ui.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web UI in Debian's headless Chromium driven by Selenium, as {@code UiBrowserIT} drives it:
 * a generated 1,000-node pipeline from page load to a drawn graph (then selecting a node and
 * zooming), and 10,000 runs from page load to the first 500 rows drawn (then a filter). Every
 * figure is taken in the page ({@code performance.now()}, after the next frame is painted) and
 * compared with the same page over a 10-node pipeline and 10 runs in the same run. Prints the
 * first (cold) load and the median of the following rounds; asserts nothing.
 */
public final class UiBench {
  private static final int ROUNDS = 7;
  /** Resolves after the next two animation frames: the change has been painted. */
  private static final String PAINTED = "const done = arguments[arguments.length - 1];";
  private static final String FRAMES = "requestAnimationFrame(() => requestAnimationFrame("
      + "() => done(performance.now() - t0)))";

  private final JavascriptExecutor js;
  private final ChromeDriver driver;
  private String breakdown = "";

  private UiBench(ChromeDriver driver) {
    this.driver = driver;
    this.js = driver;
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
  }

  /** Runs the benchmark; arguments: node count (default 1000), run count (default 10000). */
  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    System.setProperty(GeneratedPipelines.NODES_PROPERTY, Integer.toString(nodes));
    Path dir = Files.createTempDirectory("kiln-ui-bench");
    Project project = Project.open(UiBenchData.project(dir.resolve("project"), nodes), "local",
        List.of());
    long t = System.nanoTime();
    try (TrackingStore large = TrackingStores.sqlite(dir.resolve("large.db"));
        TrackingStore small = TrackingStores.sqlite(dir.resolve("small.db"))) {
      UiBenchData.runs(large, runs);
      UiBenchData.runs(small, 10);
      System.out.printf("Generated a %,d-node pipeline and %,d runs (seeded) in %.0f s%n", nodes,
          runs, (System.nanoTime() - t) / 1e9);
      try (UiServer big = serve(project, large, dir); UiServer base = serve(project, small, dir)) {
        ChromeDriver driver = chromium(dir.resolve("profile"));
        try {
          new UiBench(driver).measure(nodes, runs, url(big), url(base));
        } finally {
          driver.quit();
        }
      }
    }
  }

  private static UiServer serve(Project project, TrackingStore store, Path dir) {
    return UiServer.start(new Workspace(project, store, ArtifactStores.local(
        dir.resolve("artifacts")), dir.resolve("monitoring"), Workspace.Servers.none()),
        UiOptions.loopback(0));
  }

  private static String url(UiServer server) {
    return "http://127.0.0.1:" + server.port() + "/ui/";
  }

  private static ChromeDriver chromium(Path profile) {
    ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1280,900");
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(
        Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
  }

  private void measure(int nodes, int runs, String big, String base) {
    System.out.printf("Headless Chromium %s; cold = first load, then median of %d rounds%n",
        driver.getCapabilities().getBrowserVersion(), ROUNDS - 1);
    System.out.printf("%-46s %9s %9s %9s %7s%n", "", "cold ms", "median ms", "baseline", "ratio");
    report(String.format("pipeline of %,d nodes: load to graph drawn", nodes), "goal < 2000",
        url -> loadGraph(url), big + "#/pipelines?pipeline=large", base
            + "#/pipelines?pipeline=small");
    loadGraph(big + "#/pipelines?pipeline=large");
    System.out.println("  one more load, ms from navigation start: " + breakdown);
    report("  then select a node (detail shown)", "", url -> selectNode(url), big
        + "#/pipelines?pipeline=large", base + "#/pipelines?pipeline=small");
    report("  then zoom in (redrawn)", "", url -> zoom(url), big + "#/pipelines?pipeline=large",
        base + "#/pipelines?pipeline=small");
    report(String.format("%,d runs: load to first 500 rows drawn", runs), "goal < 1000",
        url -> loadRuns(url), big + "#/runs", base + "#/runs");
    loadRuns(big + "#/runs");
    System.out.println("  one more load, ms from navigation start: " + breakdown);
    report("  then filter (rows redrawn)", "goal < 1000", url -> filterRuns(url), big + "#/runs",
        base + "#/runs");
    System.out.println("graph boxes drawn: " + js.executeScript("return document.body.dataset"
        + ".graphBoxes || 'n/a'") + " (last page); baseline is 10 nodes and 10 runs.");
  }

  /** Measures a step after (re)loading a page, cold once then warm, for both URLs. */
  private void report(String label, String goal, ToDoubleFunction<String> step, String url,
      String baseUrl) {
    double[] large = rounds(step, url);
    double[] small = rounds(step, baseUrl);
    System.out.printf("%-46s %9.0f %9.0f %9.0f %6.1fx  %s%n", label, large[0], large[1],
        small[1], large[1] / Math.max(1, small[1]), goal);
  }

  private double[] rounds(ToDoubleFunction<String> step, String url) {
    List<Double> warm = new ArrayList<>();
    double cold = 0;
    for (int i = 0; i < ROUNDS; i++) {
      driver.get("about:blank");
      if (i == 0) {
        driver.manage().deleteAllCookies();
      }
      double ms = step.applyAsDouble(url);
      if (i == 0) {
        cold = ms;
      } else {
        warm.add(ms);
      }
    }
    warm.sort(null);
    return new double[] {cold, warm.get(warm.size() / 2)};
  }

  /** Time from navigation start until the graph is drawn and painted. */
  private double loadGraph(String url) {
    driver.get(url);
    double ms = number(js.executeAsyncScript(PAINTED + "const t0 = 0; (function poll() {"
        + " if (document.body.dataset.graphMs && document.querySelector('.graph .n')) " + FRAMES
        + "; else requestAnimationFrame(poll); })()"));
    breakdown = (String) js.executeScript(MARKS) + ", painted " + Math.round(ms);
    return ms;
  }

  private double selectNode(String url) {
    loadGraph(url);
    return number(js.executeAsyncScript(PAINTED + "const t0 = performance.now();"
        + " const nodes = document.querySelectorAll('.graph .n.task');"
        + " const node = nodes[Math.floor(nodes.length / 2)];"
        + " const name = node.dataset.id.slice(2);"
        + " node.dispatchEvent(new MouseEvent('click', {bubbles: true}));"
        + " (function poll() { if (document.getElementById('detail').textContent.includes(name)) "
        + FRAMES + "; else requestAnimationFrame(poll); })()"));
  }

  private double zoom(String url) {
    loadGraph(url);
    return number(js.executeAsyncScript(PAINTED + "const t0 = performance.now();"
        + " const plus = [...document.querySelectorAll('button')].find(b => b.textContent === '+');"
        + " plus.click(); " + FRAMES));
  }

  private double loadRuns(String url) {
    driver.get(url);
    double ms = number(js.executeAsyncScript(PAINTED + "const t0 = 0; (function poll() {"
        + " if (document.body.dataset.searchMs && document.querySelector('#runs tbody tr')) "
        + FRAMES + "; else requestAnimationFrame(poll); })()"));
    breakdown = (String) js.executeScript(MARKS) + ", painted " + Math.round(ms);
    return ms;
  }

  private double filterRuns(String url) {
    loadRuns(url);
    return number(js.executeAsyncScript(PAINTED + "const t0 = performance.now();"
        + " delete document.body.dataset.searchMs;"
        + " const input = document.getElementById('run-filter');"
        + " input.value = \"metrics.roc_auc > 0.9 and params.`model.params.max_depth` = '6'\";"
        + " input.form.requestSubmit();"
        + " (function poll() { if (document.body.dataset.searchMs) " + FRAMES
        + "; else requestAnimationFrame(poll); })()"));
  }

  /** The page's own performance marks: when each step ended, from navigation start. */
  private static final String MARKS = "const at = n => { const e = performance.getEntriesByName(n)"
      + ".pop(); return e ? Math.round(e.startTime + e.duration) : '?'; };"
      + " const nav = performance.getEntriesByType('navigation')[0];"
      + " const page = document.body.dataset.page;"
      + " return `shell html ${Math.round(nav.responseEnd)}, scripts ${at('kiln:app:start')},"
      + " page module ${at('kiln:module:' + page)}, data ${at('kiln:' + page + ':fetched')},"
      + " layout ${at('kiln:layout')}, drawn ${at('kiln:draw')}`"
      + " + (document.querySelector('.graph') ? ` (${document.querySelector('.graph').dataset"
      + ".drawn} of ${document.body.dataset.graphBoxes} boxes)` : ` (${document.querySelectorAll("
      + "'#runs tbody tr').length} rows in the page)`);";

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }
}
