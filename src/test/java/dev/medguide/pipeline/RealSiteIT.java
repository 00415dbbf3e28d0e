package dev.medguide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the project's real content: complete, reproducible, self-contained. */
class RealSiteIT {
  @TempDir static Path work;
  static Path first;
  static Path second;

  @BeforeAll
  static void buildTwice() {
    Path content = TestSites.projectDir().resolve("content");
    first = work.resolve("first");
    second = work.resolve("second");
    TestSites.build(content, first);
    TestSites.build(content, second);
  }

  @Test
  void writesTheHomeGuidelineAndSectionPagesInBothLanguages() {
    for (String url :
        new String[] {
          "index.html",
          "ja/index.html",
          "en/index.html",
          "ja/mhlw/index.html",
          "en/mic/index.html",
          "ja/mhlw/6.5.html",
          "en/mhlw/6.5.html",
          "ja/mic/3.2.3.html",
          "en/mic/3.2.3.html"
        }) {
      assertThat(first.resolve(url)).isRegularFile().isNotEmptyFile();
    }
  }

  @Test
  void twoBuildsOfTheSameContentAreByteIdentical() {
    assertThat(TestSites.snapshot(second)).isEqualTo(TestSites.snapshot(first)).isNotEmpty();
  }

  @Test
  void everyPageLinksToItsCounterpartAndNothingLoadsFromAnotherHost() throws Exception {
    try (Stream<Path> walk = Files.walk(first)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document doc = TestSites.parse(file);
        for (Element e :
            doc.select("script[src], link[href], img[src], source[src], iframe[src]")) {
          String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
          assertThat(url).as(file + ": " + e).doesNotContainPattern("^(https?:)?//");
        }
        String relative = first.relativize(file).toString();
        if (relative.startsWith("ja/") || relative.startsWith("en/")) {
          String other = relative.startsWith("ja/") ? "en" : "ja";
          Element link = doc.selectFirst(".lang-switch a[hreflang=" + other + "]");
          assertThat(link).as(relative).isNotNull();
          assertThat(file.getParent().resolve(link.attr("href")).normalize())
              .isEqualTo(first.resolve(other + relative.substring(2)));
        }
      }
    }
  }

  @Test
  void sectionPagesOfBothGuidelinesLinkToEachOther() {
    Document mhlw = TestSites.parse(first.resolve("ja/mhlw/6.5.html"));
    assertThat(mhlw.select("#page-body a").eachAttr("href")).contains("../mic/3.2.3.html");
    Document mic = TestSites.parse(first.resolve("en/mic/3.2.3.html"));
    assertThat(mic.select("#page-body a").eachAttr("href")).contains("../mhlw/6.5.html");
  }
}
