package dev.medguide.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.search.SiteSearcher;
import dev.medguide.serve.SiteServer;
import dev.medguide.testing.TestSites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader's path through the site in headless Chromium (Debian's chromium and chromedriver): home
 * → a guideline → a section → the other language → search → a result, opened from file:// and from
 * the preview server under a sub-path. No console error, no request to another host, the language
 * switch lands on the same page.
 */
class BrowserNavigationIT {
  @TempDir Path work;
  WebDriver browser;

  @BeforeEach
  void startBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(TestSites.CHROMIUM_FLAGS);
    options.addArguments("--window-size=1280,1000", "--user-data-dir=" + work.resolve("profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void readerPathWorksFromFileUrls() {
    walk(TestSites.realSite().resolve("ja/index.html").toUri().toString(), "file:");
  }

  @Test
  void readerPathWorksUnderASubPathOfThePreviewServer() {
    Path site = TestSites.realSite();
    try (SiteServer server =
        new SiteServer(
            site,
            new SiteSearcher(site, TestSites.realGlossary()),
            "127.0.0.1",
            0,
            "/policies/medguide")) {
      String base = "http://127.0.0.1:" + server.address().getPort() + "/policies/medguide/";
      walk(base + "ja/index.html", base);
    }
  }

  @Test
  void keyboardAloneReachesContentSearchAndAResult() {
    browser.get(TestSites.realSite().resolve("en/mhlw/6.5.html").toUri().toString());
    var page = browser.findElement(By.tagName("body"));
    page.sendKeys(Keys.TAB);
    var focused = browser.switchTo().activeElement();
    assertThat(focused.getAttribute("class")).isEqualTo("skip-link");
    assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
    focused.sendKeys(Keys.ENTER);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    browser.switchTo().activeElement().sendKeys("/");
    assertThat(browser.switchTo().activeElement().getAttribute("id"))
        .isEqualTo("site-search-input");
    browser.switchTo().activeElement().sendKeys("legibility", Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#search-results li.search-result a")));
    var firstResult = browser.findElement(By.cssSelector("#search-results li.search-result > a"));
    String target = firstResult.getAttribute("href");
    firstResult.sendKeys(Keys.ENTER);
    assertThat(browser.getCurrentUrl()).isEqualTo(target);
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Legibility");
  }

  @Test
  void searchSuggestionsAreAComboboxUsableByKeyboard() {
    browser.get(TestSites.realSite().resolve("en/mhlw/6.5.html").toUri().toString());
    var box = browser.findElement(By.id("site-search-input"));
    box.sendKeys("spoofing");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-suggestions a")));
    assertThat(box.getAttribute("role")).isEqualTo("combobox");
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
    List<String> options =
        browser.findElements(By.cssSelector("#search-suggestions [role=option]")).stream()
            .map(o -> o.getAttribute("id"))
            .toList();
    assertThat(options).hasSizeGreaterThan(1);
    box.sendKeys(Keys.ARROW_DOWN);
    assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0));
    box.sendKeys(Keys.ARROW_DOWN);
    assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(1));
    assertThat(browser.findElement(By.id(options.get(1))).getAttribute("aria-selected"))
        .isEqualTo("true");
    box.sendKeys(Keys.ARROW_UP);
    assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0));
    box.sendKeys(Keys.ESCAPE);
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.findElement(By.id("search-suggestions")).isDisplayed()).isFalse();
    assertThat(box.getAttribute("value")).isEqualTo("spoofing");
    // Open again, choose the second option, Enter opens it.
    box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    String target =
        browser.findElement(By.cssSelector("#" + options.get(1) + " a")).getAttribute("href");
    box.sendKeys(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(target));
  }

  /**
   * On a phone and on a desktop screen, tables keep words whole and the page never scrolls
   * sideways.
   */
  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"390, 844", "1280, 900"})
  void noTableCellOrCaptionIsNarrowerThanFourCharacters(int width, int height) {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    try {
      JavascriptExecutor js = (JavascriptExecutor) browser;
      for (String page :
          List.of("crosswalk.html", "committee.html", "overview.html", "glossary.html")) {
        browser.get(TestSites.realSite().resolve("ja").resolve(page).toUri().toString());
        List<?> narrow =
            (List<?>)
                js.executeScript(
                    "return Array.prototype.filter.call("
                        + "document.querySelectorAll('#page-body td, #page-body th, #page-body caption'),"
                        + " function (c) { var r = c.getBoundingClientRect();"
                        + " var em = parseFloat(getComputedStyle(c).fontSize);"
                        + " return c.textContent.trim() && r.width > 0 && r.width < 4 * em; })"
                        + ".map(function (c) { return c.textContent.trim().slice(0, 20) + ' '"
                        + " + Math.round(c.getBoundingClientRect().width) + 'px'; });");
        assertThat(narrow).as(page + " at " + width + " px").isEmpty();
        Number overflow =
            (Number)
                js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue())
            .as(page + " at " + width + " px: the page scrolls sideways")
            .isLessThanOrEqualTo(0);
      }
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }
  }

  /**
   * The results page lists and counts only pages that contain the query (なりすまし: 8, not the 57 that
   * its bigrams reach), and says so when nothing contains the words and it shows pages that contain
   * parts of them.
   */
  @Test
  void theResultsPageCountsOnlyRealMatchesAndSaysWhenTheyArePartial() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    By items = By.cssSelector("#search-results li.search-result");
    browser.get(searchPage("なりすまし"));
    wait.until(
        b ->
            b.findElement(By.id("search-results")).getAttribute("aria-busy").equals("false")
                && !b.findElements(items).isEmpty());
    assertThat(browser.findElement(By.id("search-status")).getText()).isEqualTo("8件の結果");
    assertThat(browser.findElements(items)).hasSize(8);
    assertThat(browser.findElement(By.id("search-more")).isDisplayed()).isFalse();
    browser.get(searchPage("まし"));
    wait.until(
        b ->
            b.findElement(By.id("search-results")).getAttribute("aria-busy").equals("false")
                && !b.findElements(items).isEmpty());
    assertThat(browser.findElement(By.id("search-status")).getText())
        .startsWith("この語を含むページはありません。語の一部を含む")
        .endsWith("件の結果");
  }

  @Test
  void headerAndSearchBoxStayInReachWhileScrolling() {
    browser.get(TestSites.realSite().resolve("en/mhlw/6.5.html").toUri().toString());
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("window.scrollTo(0, document.body.scrollHeight);");
    Number top =
        (Number)
            js.executeScript(
                "return document.querySelector('.site-header').getBoundingClientRect().top;");
    assertThat(((Number) js.executeScript("return window.scrollY;")).doubleValue()).isPositive();
    assertThat(top.doubleValue()).isZero();
    assertThat(browser.findElement(By.id("site-search-input")).isDisplayed()).isTrue();
  }

  @Test
  void aResultOpensWithTheTermHighlightedWhichCanBeCleared() {
    browser.get(searchPage("なりすまし"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#search-results li.search-result > a")));
    browser.findElement(By.cssSelector("#search-results li.search-result > a")).click();
    List<String> marked =
        browser.findElements(By.cssSelector("#page-body mark.search-highlight")).stream()
            .map(m -> m.getText())
            .toList();
    assertThat(marked).isNotEmpty().allMatch(t -> t.equals("なりすまし"));
    Boolean visible =
        (Boolean)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "var r = document.querySelector('mark.search-highlight').getBoundingClientRect();"
                        + " return r.top >= 0 && r.bottom <= window.innerHeight;");
    assertThat(visible).as("the first mark is scrolled into view").isTrue();
    browser.findElement(By.cssSelector("button.highlight-clear")).click();
    assertThat(browser.findElements(By.cssSelector("mark.search-highlight"))).isEmpty();
    assertThat(browser.findElement(By.id("page-body")).getText()).contains("なりすまし");
  }

  @Test
  void everyMatchIsReachableByKeyboardOnTheResultsPage() {
    browser.get(searchPage("セキュリティ"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    By items = By.cssSelector("#search-results li.search-result");
    wait.until(
        b ->
            b.findElement(By.id("search-results")).getAttribute("aria-busy").equals("false")
                && !b.findElements(items).isEmpty());
    int total =
        Integer.parseInt(
            browser.findElement(By.id("search-status")).getText().replaceAll("\\D", ""));
    assertThat(total).isGreaterThan(20);
    assertThat(browser.findElements(items)).hasSize(20);
    int shown = 20;
    while (shown < total) {
      var more = browser.findElement(By.id("search-more"));
      assertThat(more.isDisplayed()).isTrue();
      more.sendKeys(Keys.ENTER);
      int expected = Math.min(shown + 20, total);
      wait.until(b -> b.findElements(items).size() == expected);
      // Focus moves to the first of the new results.
      assertThat(browser.switchTo().activeElement().getAttribute("href"))
          .isEqualTo(
              browser
                  .findElements(items)
                  .get(shown)
                  .findElement(By.tagName("a"))
                  .getAttribute("href"));
      shown = expected;
    }
    assertThat(browser.findElement(By.id("search-more")).isDisplayed()).isFalse();
  }

  @Test
  void languageSwitchKeepsTheFragment() {
    String page = TestSites.realSite().resolve("ja/mhlw/6.5.html").toUri().toString();
    browser.get(page + "#requirements");
    browser.findElement(By.cssSelector(".lang-switch a[hreflang=en]")).click();
    assertThat(browser.getCurrentUrl()).endsWith("en/mhlw/6.5.html#requirements");
    // A fragment reached after loading (a requirement's anchor) is kept as well.
    browser.get(page);
    ((JavascriptExecutor) browser).executeScript("location.hash = 'mhlw-6.5-C13';");
    browser.findElement(By.cssSelector(".lang-switch a[hreflang=en]")).click();
    assertThat(browser.getCurrentUrl()).endsWith("en/mhlw/6.5.html#mhlw-6.5-C13");
    assertThat(browser.findElement(By.id("mhlw-6.5-C13")).getText()).contains("C-13");
  }

  private void walk(String start, String allowedPrefix) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    browser.get(start);
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    browser.findElement(By.cssSelector(".site-nav a[href='mhlw/index.html']")).click();
    browser
        .findElement(
            By.cssSelector(
                "#page-body a[href$='6.5.html'], .children a[href$='6.5.html'], .site-nav a[href$='6.5.html']"))
        .click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("6.5 技術的安全対策");
    assertThat(browser.findElement(By.cssSelector(".site-nav [aria-current=page]")).getText())
        .isEqualTo("6.5 技術的安全対策");
    browser.findElement(By.cssSelector(".lang-switch a[hreflang=en]")).click();
    assertThat(browser.getCurrentUrl()).endsWith("en/mhlw/6.5.html");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("6.5 Technical Security Measures");
    var box = browser.findElement(By.id("site-search-input"));
    box.sendKeys("spoofing");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-suggestions a")));
    box.sendKeys(Keys.ENTER);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#search-results li.search-result a")));
    assertThat(browser.getCurrentUrl()).contains("en/search.html?q=spoofing");
    List<String> results =
        browser.findElements(By.cssSelector("#search-results li.search-result > a")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(results)
        .anyMatch(href -> href.endsWith("en/mhlw/6.5.html?h=spoofing"))
        .anyMatch(href -> href.endsWith("en/mic/3.2.3.html?h=spoofing"));
    browser.findElement(By.cssSelector("#search-results li.search-result > a")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    // The compare view of a pair, reached from a section's related block.
    browser.get(start.replace("ja/index.html", "ja/mhlw/6.5.html"));
    browser.findElement(By.cssSelector("section.related a.compare-link")).click();
    assertThat(browser.findElements(By.cssSelector(".compare-column"))).hasSize(2);
    List<?> resources =
        (List<?>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
    assertThat(resources).allMatch(url -> url.toString().startsWith(allowedPrefix));
    assertThat(consoleErrors(browser)).as("console errors").isEmpty();
  }

  /** The Japanese results page for {@code query}, from file://. */
  static String searchPage(String query) {
    return TestSites.realSite().resolve("ja/search.html").toUri()
        + "?q="
        + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The severe messages of the browser's console. */
  static List<String> consoleErrors(WebDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }
}
