package dev.medguide.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medguide.config.BuildOptions;
import dev.medguide.model.Language;
import dev.medguide.search.SiteSearcher;
import dev.medguide.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's live reload: a saved change is rebuilt and published (pages reload), a broken change
 * keeps the last good site and reports its problems, and the fix clears them.
 */
class LiveReloadIT {
  @TempDir Path work;
  final HttpClient client = HttpClient.newHttpClient();

  @Test
  void rebuildsOnSaveKeepsTheLastGoodSiteOnErrorsAndReportsThem() throws Exception {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path site = work.resolve("site");
    TestSites.build(content, site);
    BuildOptions options = TestSites.options(content, site, EnumSet.allOf(Language.class));
    LiveReload liveReload = new LiveReload();
    LiveSite live =
        new LiveSite(
            options,
            TestSites.toolchain(),
            liveReload,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try (SiteServer server =
            new SiteServer(
                site,
                new SiteSearcher(site, TestSites.realGlossary()),
                "127.0.0.1",
                0,
                "/",
                liveReload);
        SiteWatcher watcher = new SiteWatcher(List.of(content), live::rebuild)) {
      live.attach(server);
      String base = "http://127.0.0.1:" + server.address().getPort();
      String page = get(base + "/en/overview.html");
      assertThat(page).contains("<script src=\"/__medguide/livereload.js\" defer></script></head>");
      assertThat(get(base + "/__medguide/livereload.js")).contains("medguide-build-error");
      assertThat(Files.readString(site.resolve("en/overview.html"))).doesNotContain("livereload");

      Path file = content.resolve("en/overview.adoc");
      Files.writeString(
          file,
          "\nA sentence added while serving.\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
      awaitStatus(base, s -> s.get("generation").asLong() == 1);
      assertThat(get(base + "/en/overview.html")).contains("A sentence added while serving.");

      Files.writeString(
          file, "\n----\nnever closed\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      JsonNode failed = awaitStatus(base, s -> !s.get("error").isNull());
      assertThat(failed.get("error").asText())
          .contains("overview.adoc:")
          .contains("unterminated listing block");
      assertThat(failed.get("generation").asLong()).isEqualTo(1);
      assertThat(get(base + "/en/overview.html")).contains("A sentence added while serving.");

      String text = Files.readString(file, StandardCharsets.UTF_8);
      Files.writeString(file, text.replace("\n----\nnever closed\n", "\n"), StandardCharsets.UTF_8);
      JsonNode fixed =
          awaitStatus(base, s -> s.get("error").isNull() && s.get("generation").asLong() == 2);
      assertThat(fixed.get("generation").asLong()).isEqualTo(2);
    }
  }

  @Test
  void waitingPollsHoldNoThreadAndAllHearOfTheNextBuild() throws Exception {
    LiveReload liveReload = new LiveReload();
    Path site = TestSites.realSite();
    try (SiteServer server =
        new SiteServer(
            site,
            new SiteSearcher(site, TestSites.realGlossary()),
            "127.0.0.1",
            0,
            "/",
            liveReload)) {
      String base = "http://127.0.0.1:" + server.address().getPort();
      // Three times as many open pages as the server has threads, each waiting for a change.
      List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
      for (int i = 0; i < 3 * SiteServer.MAX_THREADS; i++) {
        polls.add(
            client.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/__medguide/status?after=0")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
      }
      // Until the server holds them all (a poll with a deadline, not a guess of how long).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (liveReload.waiting() < polls.size() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(liveReload.waiting()).isEqualTo(polls.size());
      assertThat(polls).noneMatch(CompletableFuture::isDone);

      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/en/overview.html"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("livereload.js");

      liveReload.published();
      for (CompletableFuture<HttpResponse<String>> poll : polls) {
        JsonNode state = new ObjectMapper().readTree(poll.get(5, TimeUnit.SECONDS).body());
        assertThat(state.get("generation").asLong()).isEqualTo(1);
        assertThat(state.get("version").asLong()).isEqualTo(1);
      }
    }
  }

  private String get(String url) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .body();
  }

  private JsonNode awaitStatus(String base, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode status = new ObjectMapper().readTree(get(base + "/__medguide/status"));
      if (condition.test(status)) {
        return status;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "status never reached the expected state: " + get(base + "/__medguide/status"));
  }
}
