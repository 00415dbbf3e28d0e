package dev.medguide.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static search in real headless Chromium, opened from file:// with no server: the results page
 * lists the expected pages, and the network log shows no request to any host. Chromium (Debian's
 * chromium package) is required; without it this test fails.
 */
class StaticSearchBrowserIT {
  @TempDir Path work;

  @Test
  void searchPageFromFileUrlListsExternalStorageSectionsWithoutNetwork() throws IOException {
    Path site = TestSites.realSite();
    String url =
        site.resolve("ja/search.html").toUri()
            + "?q="
            + URLEncoder.encode("外部保存", StandardCharsets.UTF_8);
    Document dom = Jsoup.parse(TestSites.chromiumDom(url, work.resolve("profile"), 10_000));
    List<String> results = dom.select("#search-results li.search-result > a").eachAttr("href");
    // Each result asks its page to mark the query's words (?h=).
    String h = "?h=" + URLEncoder.encode("外部保存", StandardCharsets.UTF_8).replace("+", "%20");
    assertThat(results)
        .as(dom.select("#search-status").text())
        .contains("../ja/mhlw/8.1.html" + h, "../ja/mic/3.3.5.html" + h);
    assertThat(dom.selectFirst("#search-status").text()).matches("\\d+件の結果");
    assertThat(dom.select(".search-snippet mark").eachText()).contains("外部保存");
    assertThat(dom.select("script[src]").eachAttr("src"))
        .as("scripts the page loaded, including the index shards it added")
        .anyMatch(src -> src.endsWith("/ja/meta.js"))
        .allMatch(src -> src.startsWith("file:") || !src.contains("://"));
    assertThat(dom.select("link[href]").eachAttr("href")).allMatch(href -> !href.contains("://"));
  }
}
