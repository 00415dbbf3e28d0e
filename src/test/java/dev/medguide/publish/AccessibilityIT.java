package dev.medguide.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * axe-core (installed into src/test/js by npm ci) at WCAG 2.1 A/AA on each page type in both
 * languages, in headless Chromium: a copy of the built site gets axe and a small runner script
 * (external files, as the pages' security policy requires) and the violations are read back from
 * the page. Fails without Chromium or axe-core.
 */
class AccessibilityIT {
  static final Path TOOLS = TestSites.projectDir().resolve("src/test/js");
  static final List<String> PAGES =
      List.of(
          "index.html",
          "mhlw/6.5.html",
          "mic/3.2.3.html",
          "crosswalk.html",
          "compare/mhlw-6.5--mic-3.2.3.html",
          "glossary.html",
          "committee.html",
          "overview.html",
          "search.html",
          "checklist/mhlw.html",
          "checklist/mic.html",
          "checklist/cyber.html",
          "cyber.html");

  @TempDir Path work;

  @Test
  void everyPageTypeHasNoWcagViolationInEitherLanguage() throws Exception {
    Path axe = TOOLS.resolve("node_modules/axe-core/axe.min.js");
    assertThat(axe).as("run 'npm ci' in src/test/js to install axe-core").isRegularFile();
    Path site = work.resolve("site");
    TestSites.copyTree(TestSites.realSite(), site);
    Files.copy(axe, site.resolve("axe.min.js"));
    Files.copy(TOOLS.resolve("axe-run.js"), site.resolve("axe-run.js"));
    List<String> violations = new ArrayList<>();
    int checked = 0;
    for (String lang : List.of("ja", "en")) {
      for (String page : PAGES) {
        Path file = site.resolve(lang).resolve(page);
        String root = "../".repeat(page.split("/").length);
        String html =
            Files.readString(file, StandardCharsets.UTF_8)
                .replace(
                    "</head>",
                    "<script src=\""
                        + root
                        + "axe.min.js\"></script><script src=\""
                        + root
                        + "axe-run.js\"></script></head>");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        String query =
            page.equals("search.html")
                ? "?q=" + (lang.equals("ja") ? "%E5%A4%96%E9%83%A8%E4%BF%9D%E5%AD%98" : "storage")
                : "";
        // Light, and dark as the system setting asks (prefers-color-scheme: dark).
        for (List<String> mode : List.of(List.<String>of(), List.of("--force-dark-mode"))) {
          String dom =
              TestSites.chromiumDom(file.toUri() + query, work.resolve("profile"), 15_000, mode);
          Element results = Jsoup.parse(dom).getElementById("axe-results");
          String name = lang + "/" + page + (mode.isEmpty() ? "" : " (dark)");
          assertThat(results).as(name + ": axe did not run").isNotNull();
          if (!results.text().equals("[]")) {
            violations.add(name + ": " + results.text());
          }
          checked++;
        }
      }
    }
    System.out.println(
        "axe-core WCAG 2.1 AA: "
            + checked
            + " page views (light and dark), "
            + violations.size()
            + " with violations");
    assertThat(violations).isEmpty();
  }
}
