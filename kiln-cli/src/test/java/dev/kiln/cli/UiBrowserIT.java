package dev.kiln.cli;

import static dev.kiln.cli.ModelsCommandTest.kiln;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web UI in a real browser (Debian's headless Chromium through Selenium) over real runs of
 * the fraud example and a drifted used-car batch: every page loads, runs filter and compare, a
 * promotion moves the alias in the registry and in a running server, the prediction form's
 * probability equals the API's, and the drift page shows the drifted columns. Screenshots of
 * every page go to target/ui-screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiBrowserIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVE_PORT = Pattern.compile("Listening on http://[^:]+:(\\d+)");
  private static final Pattern UI_PORT = Pattern.compile("on http://[^:]+:(\\d+)/ui/");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path work;
  static Path fraud;
  static final List<Process> PROCESSES = new ArrayList<>();
  static String ui;
  static String serve;
  static Browser browser;

  @BeforeAll
  static void realRunsAndServers() throws Exception {
    assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs"
        + " them)").isTrue();
    fraud = work.resolve("fraud");
    ProjectCopies.copy(Path.of("..", "examples", "fraud-detection").toAbsolutePath().normalize(),
        fraud);
    Files.writeString(fraud.resolve("conf/base/kiln.yml"), Files.readString(
        fraud.resolve("conf/base/kiln.yml")) + "\nserve: {host: 127.0.0.1, port: 0}\n");
    String p = fraud.toString();
    kiln(0, "run", "--project", p, "--params", "raw_data.rows=12000");
    kiln(0, "models", "register", fraud.resolve("data/06_models/bundle").toString(), "--project",
        p, "--run", latestRun());
    // --no-cache: the same data and model would leave evaluate cached, and its metrics.json
    // (an artifact the run page lists) unwritten by this run
    kiln(0, "run", "--project", p, "--no-cache", "--params",
        "raw_data.rows=12000,model_selection.workers=1");
    kiln(0, "models", "register", fraud.resolve("data/06_models/bundle").toString(), "--project",
        p, "--run", latestRun());
    kiln(0, "models", "promote", "fraud-detection", "1", "--project", p);
    kiln(0, "monitor", "fraud-detection@champion", "--project", p, "--current",
        fraud.resolve("data/02_intermediate/transactions.parquet").toString());
    Path cars = work.resolve("used-car-prices");
    ProjectCopies.copy(Path.of("..", "examples", "used-car-prices").toAbsolutePath()
        .normalize(), cars);
    kiln(0, "run", "--project", cars.toString(), "--pipeline", "generate", "--params",
        "generate.batch1.rows=6000,generate.batch2.rows=1000,generate.batch3.rows=3000");
    kiln(0, "run", "--project", cars.toString());
    kiln(Main.CHECK_FAILED, "monitor", cars.resolve("data/06_models/bundle").toString(),
        "--current", cars.resolve("data/01_raw/cars_batch3.csv").toString(), "--report-dir",
        fraud.resolve(".kiln/monitoring/used-car-prices").toString());
    serve = "http://127.0.0.1:" + start(SERVE_PORT, "serve", "fraud-detection@champion",
        "--project", p, "--reload-interval", "200ms");
    ui = "http://127.0.0.1:" + start(UI_PORT, "ui", "--project", p, "--port", "0", "--server",
        serve) + "/ui/";
    browser = new Browser(1280, 900);
  }

  private static String latestRun() {
    String listing = kiln(0, "runs", "list", "--project", fraud.toString());
    return listing.lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
  }

  private static int start(Pattern ready, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
        "bin", "java").toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"),
        "dev.kiln.cli.Main"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    PROCESSES.add(process);
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      seen.append(line).append('\n');
      Matcher m = ready.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("kiln " + args[0] + " did not start:\n" + seen);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    for (Process p : PROCESSES) {
      p.destroy();
      p.waitFor();
    }
  }

  private static WebElement open(String hash, By ready) {
    return browser.go(ui + "#/" + hash, ready);
  }

  private static String text(By by) {
    return Browser.text(browser.driver().findElement(by));
  }

  @Test
  @Order(1)
  void pipelines_graphWithLayers_nodeAndDatasetDetail() throws Exception {
    open("pipelines", By.cssSelector(".graph .n"));
    assertThat(browser.driver().findElements(By.cssSelector(".graph .n.task"))).hasSize(9);
    assertThat(browser.driver().findElements(By.cssSelector(".graph .band-label")))
        .extracting(Browser::text).contains("raw", "intermediate", "model_input");
    browser.pressEnter(By.cssSelector(".n[data-id='n:train_model']"));
    browser.until(d -> text(By.id("detail")).contains("Inputs"));
    assertThat(text(By.id("detail"))).contains("Inputs", "train_model", "completed");
    browser.pressEnter(By.cssSelector(".n[data-id='d:clean_transactions']"));
    browser.until(d -> text(By.id("detail")).contains("First 20 rows"));
    assertThat(text(By.id("detail"))).contains("parquet",
        "data/02_intermediate/transactions.parquet", "12,000");
    browser.screenshot("pipelines");
  }

  @Test
  @Order(2)
  void runs_listFilterAndCompare() throws Exception {
    open("runs", By.cssSelector("#runs tbody tr"));
    assertThat(browser.driver().findElements(By.cssSelector("#runs tbody tr"))).hasSize(2);
    browser.screenshot("runs");
    WebElement filter = browser.driver().findElement(By.id("run-filter"));
    filter.sendKeys("params.`model_selection.workers` = '1'");
    filter.submit();
    browser.until(d -> d.findElements(By.cssSelector("#runs tbody tr")).size() == 1);
    assertThat(text(By.id("run-status")))
        .startsWith("1 runs match");
    open("runs", By.cssSelector("#runs tbody tr"));
    browser.until(d -> d.findElements(By.cssSelector("#runs tbody tr")).size() == 2);
    for (WebElement box : browser.driver().findElements(By.cssSelector("#runs tbody input"))) {
      box.click();
    }
    browser.driver().findElement(By.id("compare")).click();
    browser.rendered("#/compare?runs=");
    browser.waitFor(By.id("scatter-param"));
    String page = text(By.id("main"));
    assertThat(page).contains("Compare 2 runs", "model_selection.workers", "metrics.roc_auc");
    assertThat(browser.driver().findElements(By.cssSelector("#parallel .run-line")))
        .as("parallel coordinates: one line per run").hasSize(2);
    assertThat(text(By.id("parallel"))).contains("workers", "roc_auc");
    browser.until(d -> !d.findElements(By.cssSelector(".uplot")).isEmpty());
    browser.screenshot("compare");
  }

  @Test
  @Order(3)
  void runDetail_metricHistoryChartAndArtifacts() throws Exception {
    open("runs", By.cssSelector("#runs tbody a")).click();
    browser.rendered("#/runs/");
    browser.waitFor(By.cssSelector("#metric-charts .uplot"));
    browser.until(d -> text(By.id("artifacts")).contains("metrics.json"));
    assertThat(text(By.id("main"))).contains("Lineage",
        "validated_transactions", "Node timings", "validate");
    browser.screenshot("run");
  }

  @Test
  @Order(4)
  void models_promoteMovesTheAliasInTheRegistryAndTheServer() throws Exception {
    // version 2's run wrote the scored test set now on disk, so its evaluation curves draw
    open("models/fraud-detection/2", By.cssSelector("#model-charts .card, #model-charts p"));
    assertThat(text(By.id("model-charts")))
        .contains("Feature importance", "SHAP summary", "Confusion matrix");
    browser.screenshot("model-version");
    open("models/fraud-detection", By.id("alias-form"));
    new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("alias-version")))
        .selectByValue("2");
    browser.driver().findElement(By.id("promote")).click();
    browser.waitFor(By.id("confirm-yes")).click();
    browser.until(d -> text(By.id("main")).contains("@champion")
        && text(By.cssSelector("#main table a")).equals("version 2"));
    browser.screenshot("models");
    JsonNode alias = json(ui.replace("/ui/", "") + "/api/2.0/mlflow/registered-models/alias"
        + "?name=fraud-detection&alias=champion");
    assertThat(alias.path("model_version").path("version").asText()).isEqualTo("2");
    long deadline = System.currentTimeMillis() + 60_000;
    String served = "";
    while (System.currentTimeMillis() < deadline && !served.equals("2")) {
      served = json(serve + "/v1/models/fraud-detection").path("version").asText();
      Thread.sleep(200);
    }
    assertThat(served).as("the server follows the alias").isEqualTo("2");
  }

  @Test
  @Order(5)
  void predictionForm_onTheServer_matchesTheApi() throws Exception {
    browser.go(serve + "/ui/#/served", By.id("served-version-fraud-detection"));
    browser.until(d -> d.findElements(By.id("served-version-fraud-detection")).stream()
        .anyMatch(e -> Browser.text(e).equals("2")));
    browser.screenshot("server-models");
    browser.go(serve + "/ui/#/predict/fraud-detection", By.id("predict-form"));
    WebElement amount = browser.driver().findElement(By.id("f-Amount"));
    amount.clear();
    amount.sendKeys("250.5");
    browser.driver().findElement(By.id("predict")).click();
    WebElement shown = browser.waitFor(By.id("probability"));
    double probability = Double.parseDouble(shown.getAttribute("data-value"));
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) browser.js("const f = document"
        + ".getElementById('predict-form'); const out = {}; for (const e of f.elements) {"
        + " if (e.name) out[e.name] = e.type === 'number' ? Number(e.value) : e.value; }"
        + " return out;");
    assertThat(row).containsEntry("Amount", 250.5);
    HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(serve
        + "/v1/models/fraud-detection:predict")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("instances",
            List.of(row))))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(api.body()).path("predictions").get(0).path("probability")
        .asDouble()).isEqualTo(probability);
    assertThat(browser.driver().findElements(By.cssSelector("#result svg.bars rect.bar")))
        .as("a SHAP bar per shown feature").hasSizeGreaterThan(5);
    browser.screenshot("predict");
  }

  @Test
  @Order(6)
  void serving_followsTheServersMetrics() throws Exception {
    open("serving", By.cssSelector(".uplot"));
    browser.until(d -> Integer.parseInt(String.valueOf(browser.js(
        "return document.body.dataset.servingSamples || '0'"))) >= 2);
    assertThat(text(By.id("main"))).contains(serve,
        "fraud-detection", "requests since start");
    browser.screenshot("serving");
  }

  @Test
  @Order(7)
  void monitoring_driftedUsedCarBatch_namesTheDriftedColumns() throws Exception {
    open("monitoring", By.cssSelector("#main table"));
    assertThat(text(By.id("main"))).contains("used-car-prices", "fraud-detection");
    browser.screenshot("monitoring");
    open("monitoring/used-car-prices", By.cssSelector("#main table a")).click();
    browser.rendered("#/monitoring/used-car-prices/");
    browser.waitFor(By.id("drift-columns"));
    assertThat(text(By.id("verdict")))
        .containsPattern("Dataset drift: \\d+ of \\d+ columns drifted \\(\\d+%\\); the dataset"
            + " is flagged at 50%: dataset drift");
    List<WebElement> drifted = browser.driver().findElements(
        By.cssSelector("#drift-columns .card[data-drifted='true'] svg.hist"));
    assertThat(drifted).isNotEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("#drift-columns svg.hist text")))
        .as("bin edges and category names are drawn").hasSizeGreaterThan(20);
    browser.screenshot("drift");
  }

  @Test
  @Order(8)
  void phoneWidth_andDarkTheme() throws Exception {
    try (Browser phone = new Browser(390, 844)) {
      phone.go(ui + "#/runs", By.cssSelector("#runs tbody tr"));
      phone.screenshot("phone-runs");
      phone.go(serve + "/ui/#/predict/fraud-detection", By.id("predict-form"));
      phone.screenshot("phone-predict");
    }
    open("monitoring/used-car-prices", By.cssSelector("#main table a")).click();
    browser.rendered("#/monitoring/used-car-prices/");
    browser.waitFor(By.id("drift-columns"));
    browser.click(By.id("theme"));
    browser.until(d -> browser.js("return document.documentElement.dataset.theme")
        .equals("dark"));
    browser.screenshot("dark-drift");
    open("pipelines", By.cssSelector(".graph .n"));
    browser.screenshot("dark-pipelines");
  }

  private static JsonNode json(String url) throws Exception {
    HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(url + ": " + res.body()).isEqualTo(200);
    return JSON.readTree(res.body());
  }
}
