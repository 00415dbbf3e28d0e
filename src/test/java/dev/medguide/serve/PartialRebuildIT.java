package dev.medguide.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.config.BuildOptions;
import dev.medguide.model.Language;
import dev.medguide.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's one-page rebuilds: a change to a page body re-renders that page, its crosswalk partners
 * and their compare views only, and the site is then the same as a full build of the changed
 * content would be; a change that moves or renames a page falls back to a full build.
 */
class PartialRebuildIT {
  @TempDir Path work;

  @Test
  void aBodyChangeRebuildsOnlyItsPagesAndMatchesAFullBuild() throws Exception {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path site = work.resolve("site");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LiveSite live = live(content, site, log);
    live.buildNow();
    Path page = content.resolve("ja/mhlw/6.5.adoc");
    Files.writeString(
        page,
        Files.readString(page, StandardCharsets.UTF_8) + "\n部分再構築で加えた段落です。\n",
        StandardCharsets.UTF_8);
    Map<String, Long> before = modified(site);

    live.rebuild(Set.of(page));

    assertThat(log.toString(StandardCharsets.UTF_8)).contains("pages rebuilt");
    assertThat(Files.readString(site.resolve("ja/mhlw/6.5.html"))).contains("部分再構築で加えた段落です。");
    Map<String, Long> after = modified(site);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.keySet().stream().filter(f -> !after.get(f).equals(before.get(f))))
        .contains("ja/mhlw/6.5.html", "ja/compare/mhlw-6.5--mic-3.2.3.html")
        .doesNotContain("ja/mhlw/6.4.html", "en/mhlw/6.5.html", "ja/index.html");
    Path full = work.resolve("full");
    TestSites.build(content, full);
    Map<String, String> rebuilt = TestSites.snapshot(site);
    Map<String, String> expected = TestSites.snapshot(full);
    rebuilt.keySet().removeIf(f -> !f.endsWith(".html"));
    expected.keySet().removeIf(f -> !f.endsWith(".html"));
    assertThat(rebuilt).isEqualTo(expected);
  }

  @Test
  void aChangedTitleRebuildsTheWholeSite() throws Exception {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path site = work.resolve("site");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LiveSite live = live(content, site, log);
    live.buildNow();
    Path page = content.resolve("ja/mhlw/6.5.adoc");
    Files.writeString(
        page,
        Files.readString(page, StandardCharsets.UTF_8).replace("= 技術的安全対策", "= 技術的安全対策（改）"),
        StandardCharsets.UTF_8);

    live.rebuild(Set.of(page));

    // A title differing from the inventory is a content problem, found by the full build only.
    assertThat(log.toString(StandardCharsets.UTF_8))
        .doesNotContain("pages rebuilt")
        .contains("build failed")
        .contains("6.5.adoc");
  }

  private static LiveSite live(Path content, Path site, ByteArrayOutputStream log) {
    BuildOptions options = TestSites.options(content, site, EnumSet.allOf(Language.class));
    return new LiveSite(
        options,
        TestSites.toolchain(),
        new LiveReload(),
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  private static Map<String, Long> modified(Path site) throws Exception {
    Map<String, Long> times = new TreeMap<>();
    try (var files = Files.walk(site)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        times.put(
            site.relativize(file).toString().replace('\\', '/'),
            Files.getLastModifiedTime(file).toMillis() * 1000 + Files.size(file) % 1000);
      }
    }
    return times;
  }
}
