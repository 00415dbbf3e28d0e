package dev.medguide.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Compare views parse a page from its body on: the body must come out as the whole page has it. */
class ComparePageWriterTest {
  @Test
  void theBodyParsedFromItsOpeningTagIsTheBodyOfTheWholePage() throws IOException {
    String page = Files.readString(TestSites.projectDir().resolve("templates/page.ftl"));
    assertThat(page).contains("<div id=\"page-body\"");
    String html =
        "<!DOCTYPE html><html lang=\"ja\"><head><title>t</title></head><body>"
            + "<nav id=\"site-nav\"><ul><li><a href=\"a.html\" id=\"x\">a</a></li></ul></nav>"
            + "<main><article><div id=\"page-body\" class=\"page-body\">"
            + "<div class=\"sect1\"><h2 id=\"_a\">見出し</h2><p>本文 <a href=\"#_a\">a</a></p>"
            + "<table><tr><td>1</td></tr></table></div>"
            + "<section class=\"related\"><h2>関連</h2></section></div>"
            + "<section class=\"children\"><ul><li>c</li></ul></section></article></main>"
            + "<footer><p>f</p></footer></body></html>";
    assertThat(ComparePageWriter.fromBody(html)).startsWith("<div id=\"page-body\"");
    assertThat(body(ComparePageWriter.fromBody(html))).isEqualTo(body(html));
    assertThat(ComparePageWriter.fromBody("<p>no body</p>")).isEqualTo("<p>no body</p>");
  }

  @Test
  void everyPageOfABuiltSiteHasTheSameBodyParsedEitherWay() throws IOException {
    Path site = TestSites.realSite();
    List<Path> pages;
    try (Stream<Path> files = Files.walk(site)) {
      pages =
          files
              .filter(f -> f.toString().endsWith(".html") && !f.toString().contains("compare"))
              .toList();
    }
    int withBody = 0;
    for (Path file : pages) {
      String html = Files.readString(file, StandardCharsets.UTF_8);
      String whole = body(html);
      if (whole != null) {
        withBody++;
        assertThat(body(ComparePageWriter.fromBody(html))).as(file.toString()).isEqualTo(whole);
      }
    }
    assertThat(withBody).isGreaterThan(100);
  }

  private static String body(String html) {
    Element body = Jsoup.parse(html, "").getElementById("page-body");
    return body == null ? null : body.outerHtml();
  }
}
