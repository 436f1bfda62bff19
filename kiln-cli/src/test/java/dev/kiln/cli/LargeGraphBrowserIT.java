package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.project.Project;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import dev.kiln.ui.UiOptions;
import dev.kiln.ui.UiServer;
import dev.kiln.ui.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The pipeline page over a 1,000-node pipeline ({@link LargePipelines}) in Debian's headless
 * Chromium: it draws an overview without labels and only the boxes in view, a box is clicked
 * with the mouse and its detail opens, a node out of view is found by name (drawn, labelled,
 * selected), and Tab walks on to the next box. How fast is measured by {@code bench/run ui},
 * not asserted here.
 */
class LargeGraphBrowserIT {
  @TempDir static Path work;
  static TrackingStore store;
  static UiServer server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs"
        + " them)").isTrue();
    Path dir = work.resolve("project");
    Files.createDirectories(dir.resolve("conf/base"));
    Files.writeString(dir.resolve("conf/base/kiln.yml"), "name: large\npipelines: "
        + LargePipelines.class.getName() + "\n");
    store = TrackingStores.sqlite(work.resolve("tracking.db"));
    server = UiServer.start(new Workspace(Project.open(dir, "local", List.of()), store,
        ArtifactStores.local(work.resolve("artifacts")), work.resolve("monitoring"),
        Workspace.Servers.none()), UiOptions.loopback(0));
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
  void largeGraph_overviewClickFindAndTab() throws Exception {
    browser.go("http://127.0.0.1:" + server.port() + "/ui/#/pipelines?pipeline=large",
        By.cssSelector(".graph .n"));
    assertThat(Browser.text(browser.driver().findElement(By.id("graph-summary"))))
        .startsWith("1000 nodes and ");
    long boxes = number("return +document.body.dataset.graphBoxes");
    long drawn = number("return +document.querySelector('.graph').dataset.drawn");
    assertThat(boxes).isGreaterThan(2000);
    assertThat(drawn).as("boxes in the DOM of %s", boxes).isPositive().isLessThan(boxes);
    assertThat(browser.js("return document.querySelector('.graph').dataset.labels"))
        .isEqualTo("false");
    assertThat(browser.driver().findElements(By.cssSelector(".graph .n text"))).isEmpty();
    assertThat(browser.driver().findElement(By.id("graph-hint")).isDisplayed()).isTrue();
    browser.screenshot("pipelines-1000-overview");

    WebElement box = (WebElement) browser.js("const r = document.querySelector('.graph')"
        + ".getBoundingClientRect(); return [...document.querySelectorAll('.graph .n.task')]"
        + ".find(n => { const b = n.getBoundingClientRect(); return b.left > r.left + 60"
        + " && b.right < r.right - 60 && b.top > r.top + 60 && b.bottom < r.bottom - 20; })");
    String id = box.getDomAttribute("data-id");
    box.click();
    browser.until(d -> Browser.text(d.findElement(By.id("detail"))).contains("Inputs"));
    assertThat(Browser.text(browser.driver().findElement(By.id("detail"))))
        .contains(id.substring(2), "Outputs", "never run");
    assertThat(browser.driver().findElement(By.cssSelector(".graph .n.sel"))
        .getDomAttribute("data-id")).isEqualTo(id);

    WebElement find = browser.driver().findElement(By.id("node-search"));
    find.sendKeys("n998", Keys.TAB);
    browser.until(d -> Browser.text(d.findElement(By.id("detail"))).contains("n998"));
    WebElement far = browser.driver().findElement(By.cssSelector(".graph .n[data-id='n:n998']"));
    assertThat(far.getDomAttribute("class")).contains("sel");
    assertThat(browser.js("return document.querySelector('.graph').dataset.labels"))
        .isEqualTo("true");
    assertThat(Browser.text(far)).contains("n998");
    assertThat(browser.js("return document.activeElement.dataset.id")).isEqualTo("n:n998");
    browser.screenshot("pipelines-1000-found");

    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    String next = String.valueOf(browser.js("return document.activeElement.dataset.id"));
    assertThat(next).isNotEqualTo("n:n998").matches("[nd]:.*");
    assertThat(browser.driver().findElement(By.cssSelector(".graph .n[data-id='"
        + next.replace("'", "\\'") + "']")).isDisplayed()).isTrue();
  }

  private static long number(String script) {
    return ((Number) browser.js(script)).longValue();
  }
}
