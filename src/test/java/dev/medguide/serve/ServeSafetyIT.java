package dev.medguide.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.search.SiteSearcher;
import dev.medguide.testing.TestSites;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve under hostile requests: a symbolic link planted in site/ serves nothing with or without
 * live reload, many or overlapping ranges never send more than the file, and the answer cache stays
 * within its bound under distinct queries.
 */
class ServeSafetyIT {
  @TempDir static Path work;
  static Path site;
  static SiteServer plain;
  static SiteServer watching;
  static final int CACHED = 50;
  static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    site = work.resolve("site");
    TestSites.build(content, site);
    Path secret = Files.writeString(work.resolve("secret.txt"), "the-secret-outside-the-site");
    Files.createSymbolicLink(site.resolve("ja/evil.html"), secret);
    Files.createSymbolicLink(site.resolve("ja/evil.css"), secret);
    var glossary = TestSites.realGlossary();
    plain =
        new SiteServer(site, new SiteSearcher(site, glossary), "127.0.0.1", 0, "/", null, CACHED);
    watching =
        new SiteServer(
            site, new SiteSearcher(site, glossary), "127.0.0.1", 0, "/", new LiveReload(), CACHED);
  }

  @AfterAll
  static void stop() {
    plain.close();
    watching.close();
  }

  static HttpResponse<byte[]> get(SiteServer server, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aSymbolicLinkInTheSiteServesNothingWithOrWithoutLiveReload() throws Exception {
    for (SiteServer server : List.of(plain, watching)) {
      for (String path : List.of("/ja/evil.html", "/ja/evil.css")) {
        HttpResponse<byte[]> response = get(server, path);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
            .as(path)
            .doesNotContain("the-secret-outside-the-site");
      }
      assertThat(get(server, "/ja/index.html").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void manyOrOverlappingRangesGetTheFileOnceAndOneRangeGetsItsBytes() throws Exception {
    long size = Files.size(site.resolve("ja/index.html"));
    String many =
        "bytes="
            + IntStream.range(0, 2000).mapToObj(i -> i + "-" + i).collect(Collectors.joining(","));
    for (String range : List.of(many, "bytes=0-99,50-150", "bytes=-500,-400")) {
      HttpResponse<byte[]> response =
          get(plain, "/ja/index.html", "Range", range, "Accept-Encoding", "identity");
      assertThat(response.statusCode()).as(range).isIn(200, 416);
      assertThat((long) response.body().length).as(range).isLessThanOrEqualTo(size);
    }
    HttpResponse<byte[]> one =
        get(plain, "/ja/index.html", "Range", "bytes=0-9", "Accept-Encoding", "identity");
    assertThat(one.statusCode()).isEqualTo(206);
    assertThat(one.body()).hasSize(10);
    HttpResponse<byte[]> two =
        get(plain, "/ja/index.html", "Range", "bytes=0-9,20-29", "Accept-Encoding", "identity");
    assertThat(two.statusCode()).isEqualTo(206);
    assertThat((long) two.body().length).isLessThan(size);
  }

  @Test
  void theAnswerCacheKeepsWithinItsBoundUnderDistinctQueries() throws Exception {
    for (int i = 0; i < CACHED * 4; i++) {
      String q = URLEncoder.encode("なりすまし " + i, StandardCharsets.UTF_8);
      assertThat(get(plain, "/api/search?q=" + q).statusCode()).isEqualTo(200);
    }
    long[] size = plain.searchCacheSize();
    assertThat(size[0]).isPositive().isLessThanOrEqualTo(CACHED);
    assertThat(size[1]).isPositive().isLessThanOrEqualTo(SearchApiHandler.MAX_CACHED_BYTES);
  }
}
