package dev.medguide.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medguide.load.ContentLoader;
import dev.medguide.model.Language;
import dev.medguide.model.Requirement;
import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The checklist from file:// in headless Chromium: statuses set on ja/checklist/mhlw.html survive a
 * reload, the CSV export has one row per requirement of the content, importing it into a fresh
 * profile restores them, and a changed or removed requirement is shown, not dropped. No request
 * leaves file://, no console error.
 */
class ChecklistBrowserIT {
  @TempDir Path work;
  final List<WebDriver> browsers = new ArrayList<>();

  WebDriver start(String profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(TestSites.CHROMIUM_FLAGS);
    options.addArguments("--window-size=1280,1000", "--user-data-dir=" + work.resolve(profile));
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", work.resolve("downloads").toString());
    prefs.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", prefs);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL); // DevTools network events: every request
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    WebDriver browser = new ChromeDriver(service, options);
    browsers.add(browser);
    return browser;
  }

  @AfterEach
  void stopBrowsers() {
    browsers.forEach(WebDriver::quit);
  }

  static void open(WebDriver browser, String url) {
    browser.get(url);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            b ->
                b.findElement(By.id("checklist"))
                    .getAttribute("class")
                    .contains("checklist-ready"));
  }

  static WebElement row(WebDriver browser, String id) {
    return browser.findElement(By.id("item-" + id));
  }

  static String value(WebDriver browser, String id, String field) {
    return row(browser, id).findElement(By.name(field)).getAttribute("value");
  }

  /** Sets a date or note as a reader would: the value, then the change event. */
  static void type(WebDriver browser, String id, String field, String value) {
    WebElement element = row(browser, id).findElement(By.name(field));
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            element,
            value);
  }

  @Test
  void statusesSurviveReloadAndTravelByCsvToAFreshProfile() throws Exception {
    Path site = TestSites.realSite();
    String url = site.resolve("ja/checklist/mhlw.html").toUri().toString();
    List<String> expected = mhlwRequirementIds();
    WebDriver first = start("profile-a");
    open(first, url);
    List<String> ids =
        first.findElements(By.cssSelector("tr.checklist-item")).stream()
            .map(r -> r.getAttribute("data-id"))
            .toList();
    assertThat(ids).isEqualTo(expected);
    new Select(row(first, ids.get(0)).findElement(By.name("status"))).selectByValue("done");
    type(first, ids.get(0), "checked", "2026-12-01");
    new Select(row(first, ids.get(1)).findElement(By.name("status"))).selectByValue("notyet");
    type(first, ids.get(1), "target", "2027-03-31");
    new Select(row(first, ids.get(2)).findElement(By.name("status"))).selectByValue("na");
    type(first, ids.get(2), "note", "外来のみ, \"引用\" を含むメモ");

    first.navigate().refresh();
    open(first, url);
    assertKept(first, ids);
    assertThat(first.findElement(By.cssSelector("[data-progress-for=all]")).getText())
        .startsWith("2 / " + ids.size());

    first.findElement(By.id("checklist-export")).click();
    Path csv = downloaded();
    List<CSVRecord> records = read(csv);
    assertThat(records).extracting(r -> r.get("id")).isEqualTo(expected);
    assertThat(records.get(0).get("status")).isEqualTo("done");
    assertThat(records.get(0).get("status_label")).isEqualTo("実施済");
    assertThat(records.get(0).get("checked")).isEqualTo("2026-12-01");
    assertThat(records.get(1).get("target")).isEqualTo("2027-03-31");
    assertThat(records.get(2).get("note")).isEqualTo("外来のみ, \"引用\" を含むメモ");
    assertThat(records.get(3).get("status")).isEmpty();
    assertOnlyLocal(first);

    WebDriver fresh = start("profile-b");
    open(fresh, url);
    assertThat(value(fresh, ids.get(0), "status")).isEmpty();
    fresh.findElement(By.id("checklist-import")).sendKeys(csv.toString());
    new WebDriverWait(fresh, Duration.ofSeconds(10))
        .until(b -> b.findElement(By.id("checklist-status")).getText().contains("読み込みました"));
    assertKept(fresh, ids);
    fresh.navigate().refresh();
    open(fresh, url);
    assertKept(fresh, ids);

    // A record whose item changed, and one whose item is gone: both shown after a reload.
    ((JavascriptExecutor) fresh)
        .executeScript(
            "var key = Object.keys(localStorage).filter(function (k) {"
                + " return k.indexOf('medguide-checklist:') === 0 && /:mhlw$/.test(k); })[0];"
                + " var state = JSON.parse(localStorage.getItem(key));"
                + " state.items[arguments[0]].fingerprint = 'old';"
                + " state.items['mhlw-6.5-C99'] = {status: 'done', text: '削除された項目', note: ''};"
                + " localStorage.setItem(key, JSON.stringify(state));",
            ids.get(0));
    fresh.navigate().refresh();
    open(fresh, url);
    assertThat(
            row(fresh, ids.get(0)).findElement(By.cssSelector(".checklist-changed")).isDisplayed())
        .isTrue();
    assertThat(
            row(fresh, ids.get(1)).findElement(By.cssSelector(".checklist-changed")).isDisplayed())
        .isFalse();
    WebElement removed = fresh.findElement(By.id("checklist-removed"));
    assertThat(removed.isDisplayed()).isTrue();
    assertThat(removed.getText()).contains("mhlw-6.5-C99", "実施済", "削除された項目");
    assertOnlyLocal(fresh);
  }

  private void assertKept(WebDriver browser, List<String> ids) {
    assertThat(value(browser, ids.get(0), "status")).isEqualTo("done");
    assertThat(value(browser, ids.get(0), "checked")).isEqualTo("2026-12-01");
    assertThat(value(browser, ids.get(1), "status")).isEqualTo("notyet");
    assertThat(value(browser, ids.get(1), "target")).isEqualTo("2027-03-31");
    assertThat(value(browser, ids.get(2), "status")).isEqualTo("na");
    assertThat(value(browser, ids.get(2), "note")).isEqualTo("外来のみ, \"引用\" を含むメモ");
    assertThat(value(browser, ids.get(3), "status")).isEmpty();
  }

  private static List<String> mhlwRequirementIds() {
    Path content = TestSites.projectDir().resolve("content");
    var options = TestSites.options(content, Path.of("unused"), EnumSet.allOf(Language.class));
    return new ContentLoader(options)
        .load().model().requirements().all(Language.JA).stream()
            .filter(r -> r.level().guideline().equals("mhlw"))
            .map(Requirement::id)
            .toList();
  }

  private Path downloaded() throws Exception {
    Path dir = work.resolve("downloads");
    for (int i = 0; i < 100; i++) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          List<Path> done = files.filter(f -> f.toString().endsWith(".csv")).toList();
          if (!done.isEmpty()) {
            return done.get(0);
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no CSV was downloaded into " + dir);
  }

  private static List<CSVRecord> read(Path csv) throws IOException {
    byte[] bytes = Files.readAllBytes(csv);
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // UTF-8 BOM, for Excel
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      reader.read(); // the BOM
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }

  /** No request the browser made (DevTools network events) went to another host. */
  private static void assertOnlyLocal(WebDriver browser) throws IOException {
    List<String> requests = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      JsonNode message = json.readTree(entry.getMessage()).path("message");
      if (message.path("method").asText().equals("Network.requestWillBeSent")) {
        requests.add(message.path("params").path("request").path("url").asText());
      }
    }
    assertThat(requests)
        .isNotEmpty()
        .anyMatch(u -> u.endsWith("assets/checklist.js"))
        // The browser's own pages (chrome://) aside, nothing but files of the site and the
        // exported CSV (blob:): no request goes over the network.
        .noneMatch(u -> u.matches("(?i)(https?|wss?|ftp)://.*"));
    assertThat(BrowserNavigationIT.consoleErrors(browser)).as("console errors").isEmpty();
  }
}
