package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, offline: a fresh profile, no background
 * networking, and screenshots saved under {@code target/ui-screenshots}.
 */
final class Browser implements AutoCloseable {
  static final Path SHOTS = Path.of("target", "ui-screenshots");
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";

  private final ChromeDriver driver;
  private final Path profile;

  Browser(int width, int height) throws IOException {
    profile = Files.createTempDirectory("kiln-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--hide-scrollbars",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(DRIVER).toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Returns whether Debian's chromium and chromium-driver are installed (.ci/run installs them). */
  static boolean installed() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Waits up to 60 s for a condition. */
  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(60))
        .ignoring(StaleElementReferenceException.class).until(condition);
  }

  /**
   * Opens a URL of the single-page app and waits until the app has rendered that route (it
   * sets {@code body[data-rendered]} to the hash it rendered) and shows {@code ready}.
   */
  WebElement go(String url, By ready) {
    driver.get(url);
    rendered(url.substring(url.indexOf('#')));
    return waitFor(ready);
  }

  /** Waits until the app has rendered a route whose hash starts with {@code hashPrefix}. */
  void rendered(String hashPrefix) {
    until(d -> {
      Object hash = js("return document.body.dataset.rendered || ''");
      return String.valueOf(hash).startsWith(hashPrefix) ? hash : null;
    });
  }

  /**
   * Scrolls an element (found afresh: pages redraw, so held elements may be stale) into the
   * middle of its scroll containers, then clicks it as a user would.
   */
  void click(By by) {
    until(d -> {
      WebElement element = d.findElement(by);
      js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
      element.click();
      return true;
    });
  }

  /**
   * Focuses an element (found afresh) as a keyboard user does and presses Enter: for SVG graph
   * nodes, which the page pans into view on focus but WebDriver cannot scroll to.
   */
  void pressEnter(By by) {
    until(d -> {
      WebElement element = d.findElement(by);
      js("arguments[0].focus()", element);
      new Actions(d).sendKeys(Keys.ENTER).perform();
      return true;
    });
  }

  /** An element's text whether or not it is on screen (getText is empty off-screen). */
  static String text(WebElement element) {
    String text = element.getDomProperty("textContent");
    return text == null ? "" : text;
  }

  WebElement waitFor(By by) {
    return until(d -> {
      var found = d.findElements(by);
      return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
    });
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves the whole page (not only the viewport) as a PNG. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SHOTS);
    Dimension window = driver.manage().window().getSize();
    long height = ((Number) js("return Math.max(document.body.scrollHeight,"
        + " document.documentElement.scrollHeight)")).longValue();
    driver.manage().window().setSize(new Dimension(window.width,
        (int) Math.min(6000, Math.max(window.height, height + 120))));
    Path file = SHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(window);
    return file;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var walk = Files.walk(profile)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
