package dev.medguide.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The preview server on port 0, talked to with a real HTTP client. */
class SiteServerIT {
  static SiteServer server;
  static HttpClient client = HttpClient.newHttpClient();
  static String base;

  @BeforeAll
  static void start() {
    var glossary = TestSites.realGlossary();
    server =
        new SiteServer(
            TestSites.realSite(), new SiteSearcher(TestSites.realSite(), glossary), "127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.address().getPort();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void searchApiAnswersWithTheCliJson() throws Exception {
    HttpResponse<String> response = get("/api/search?q=" + q("外部保存") + "&limit=5");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode hits = new ObjectMapper().readTree(response.body());
    assertThat(hits.size()).isEqualTo(5);
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> ids.add(h.get("id").asText()));
    assertThat(ids).contains("mhlw-8.1", "mic-3.3.5");
    JsonNode first = hits.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .contains("id", "lang", "title", "url", "score", "snippet");
    assertThat(first.get("snippet").asText()).contains("<mark>外部保存</mark>");
    HttpResponse<String> english = get("/api/search?q=spoofing&lang=en");
    assertThat(english.body()).contains("\"en\"").doesNotContain("\"lang\":\"ja\"");
  }

  @Test
  void unknownPathsGetTheSitesOwn404PageInTheirLanguage() throws Exception {
    HttpResponse<String> ja = get("/ja/no-such-page.html");
    assertThat(ja.statusCode()).isEqualTo(404);
    assertThat(ja.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
    var doc = org.jsoup.Jsoup.parse(ja.body());
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("ja");
    assertThat(doc.selectFirst("h1").text()).isEqualTo("ページが見つかりません");
    assertThat(doc.selectFirst("link[rel=stylesheet]").attr("href"))
        .isEqualTo("../assets/medguide.css");
    HttpResponse<String> deep = get("/en/mhlw/no/such/page.html");
    assertThat(deep.statusCode()).isEqualTo(404);
    var en = org.jsoup.Jsoup.parse(deep.body());
    assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
    // Its links are rewritten for the folder asked for, so styles and links still resolve.
    assertThat(en.selectFirst("link[rel=stylesheet]").attr("href"))
        .isEqualTo("../../../../assets/medguide.css");
    assertThat(
            get("/en/mhlw/no/such/" + en.selectFirst("link[rel=stylesheet]").attr("href"))
                .statusCode())
        .isEqualTo(200);
    assertThat(en.selectFirst(".site-title").attr("href")).isEqualTo("../../../index.html");
    assertThat(get("/no-such-file.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void badInputGetsFourHundredWithAJsonMessage() throws Exception {
    String[] bad = {
      "/api/search",
      "/api/search?q=",
      "/api/search?q=%20%20",
      "/api/search?q=" + "x".repeat(10_000),
      "/api/search?q=a%00b",
      "/api/search?q=%E3%81",
      "/api/search?q=abc&limit=0",
      "/api/search?q=abc&limit=many",
      "/api/search?q=abc&lang=fr"
    };
    for (String path : bad) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(new ObjectMapper().readTree(response.body()).get("error").asText())
          .as(path)
          .isNotBlank();
    }
  }

  @Test
  void brokenPercentEncodingGetsFourHundredJson() throws Exception {
    // java.net.URI refuses to send this, so the request is written by hand.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.address().getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /api/search?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response)
          .startsWith("HTTP/1.1 400")
          .contains("application/json")
          .contains("\"error\"");
    }
  }

  @Test
  void oddButValidQueriesAnswerTwoHundredAndNeverInjectHtml() throws Exception {
    for (String query :
        new String[] {"！？。、", "\"unbalanced", "<script>alert(1)</script>", "((( )))"}) {
      HttpResponse<String> response = get("/api/search?q=" + q(query));
      assertThat(response.statusCode()).as(query).isEqualTo(200);
      assertThat(response.body()).doesNotContain("<script>");
    }
  }

  @Test
  void servesTheSiteWithSecurityHeaders() throws Exception {
    HttpResponse<String> page = get("/ja/mhlw/6.5.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("6.5 技術的安全対策");
    assertThat(page.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
    assertThat(page.headers().firstValue("x-content-type-options")).contains("nosniff");
    assertThat(get("/").body()).contains("ja/index.html");
    assertThat(get("/no/such/page.html").statusCode()).isEqualTo(404);
    assertThat(get("/assets/").statusCode()).isIn(403, 404);
  }

  static String raw(String requestLine) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.address().getPort())) {
      socket
          .getOutputStream()
          .write(
              (requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void refusesPathTraversalAndNeverServesFilesOutsideTheSite() throws Exception {
    Path outside = TestSites.realSite().getParent().resolve("secret.txt");
    Files.writeString(outside, "outside-the-site");
    for (String path :
        new String[] {
          "/../secret.txt",
          "/%2e%2e/secret.txt",
          "/..%2fsecret.txt",
          "/%2e%2e%2fsecret.txt",
          "/ja/../../secret.txt",
          "/ja/%2e%2e/%2e%2e/secret.txt",
          "//secret.txt",
          "/..\\secret.txt",
          "/../../../../etc/passwd"
        }) {
      String response = raw("GET " + path + " HTTP/1.1");
      assertThat(response)
          .as(path)
          .matches("(?s)HTTP/1.1 (400|404).*")
          .doesNotContain("outside-the-site")
          .doesNotContain("root:");
    }
  }

  @Test
  void onlyReadsAndSupportsEtagsAndCompression() throws Exception {
    assertThat(raw("POST /ja/index.html HTTP/1.1"))
        .startsWith("HTTP/1.1 405")
        .contains("Allow: GET, HEAD");
    assertThat(raw("DELETE /api/search?q=a HTTP/1.1")).startsWith("HTTP/1.1 405");
    HttpResponse<String> first = get("/assets/medguide.css");
    String etag = first.headers().firstValue("etag").orElseThrow();
    HttpResponse<String> again =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/assets/medguide.css"))
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    HttpResponse<byte[]> gzip =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/ja/glossary.html"))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(gzip.headers().firstValue("content-encoding")).contains("gzip");
    assertThat(gzip.headers().firstValue("referrer-policy")).contains("no-referrer");
  }

  @Test
  void saysClearlyWhenThePortIsTaken() {
    var glossary = TestSites.realGlossary();
    assertThatThrownBy(
            () ->
                new SiteServer(
                    TestSites.realSite(),
                    new SiteSearcher(TestSites.realSite(), glossary),
                    "127.0.0.1",
                    server.address().getPort()))
        .isInstanceOf(dev.medguide.BuildException.class)
        .hasMessageContaining("cannot start the server on 127.0.0.1:" + server.address().getPort())
        .hasMessageContaining("in use");
  }
}
