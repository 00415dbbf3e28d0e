package dev.medguide.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {
  @ParameterizedTest
  @CsvSource({
    "ja/mhlw/6.5.html, ja/mic/3.2.3.html, ../mic/3.2.3.html",
    "ja/mhlw/6.5.html, ja/mhlw/6.html, 6.html",
    "ja/mhlw/6.5.html, en/mhlw/6.5.html, ../../en/mhlw/6.5.html",
    "ja/index.html, ja/mhlw/index.html, mhlw/index.html",
    "index.html, ja/index.html, ja/index.html",
    "ja/mhlw/index.html, assets/medguide.css, ../../assets/medguide.css",
  })
  void relativeUrlLeadsFromOnePageToAnother(String from, String to, String expected) {
    assertThat(Urls.relative(from, to)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"index.html, ''", "ja/index.html, ../", "ja/mhlw/6.5.html, ../../"})
  void prefixLeadsToTheSiteRoot(String from, String expected) {
    assertThat(Urls.toRoot(from)).isEqualTo(expected);
  }
}
