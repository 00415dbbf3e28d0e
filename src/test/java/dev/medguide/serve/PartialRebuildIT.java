package dev.medguide.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.config.BuildOptions;
import dev.medguide.model.Language;
import dev.medguide.pipeline.BuildPipeline;
import dev.medguide.pipeline.Progress;
import dev.medguide.pipeline.Scope;
import dev.medguide.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
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

  /**
   * The content as an author has it while editing: a git checkout with a change not yet committed,
   * so the content version ("…-dirty") stays the same across the edits of a test.
   */
  private Path authorsCheckout() throws java.io.IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    TestSites.committedToGit(work);
    Path index = content.resolve("ja/index.adoc");
    Files.writeString(
        index,
        Files.readString(index, StandardCharsets.UTF_8) + "\n// a draft note\n",
        StandardCharsets.UTF_8);
    return content;
  }

  @Test
  void aBodyChangeRebuildsOnlyItsPagesAndMatchesAFullBuild() throws Exception {
    Path content = authorsCheckout();
    Path site = work.resolve("site");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LiveReload reload = new LiveReload();
    LiveSite live = live(content, site, log, reload);
    live.buildNow();
    Path page = content.resolve("ja/mhlw/6.5.adoc");
    Files.writeString(
        page,
        Files.readString(page, StandardCharsets.UTF_8) + "\n部分再構築で加えた段落です。\n",
        StandardCharsets.UTF_8);
    Map<String, Long> before = modified(site);

    live.rebuild(Set.of(page));

    assertThat(reload.searchPending()).as("the status says the search indexes are behind").isTrue();
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
    // The static search index follows on another thread, and then matches the full build's too.
    live.awaitStaticIndex();
    assertThat(reload.searchPending()).isFalse();
    Map<String, String> index = texts(site.resolve("assets/search"));
    assertThat(index).isEqualTo(texts(full.resolve("assets/search")));
    assertThat(index.values()).anyMatch(text -> text.contains("部分再構築"));
  }

  /** Every page shows the content version, so the edit that makes it "-dirty" rebuilds them all. */
  @Test
  void theFirstEditAfterACommitRebuildsEveryPageWithTheNewVersion() throws Exception {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    TestSites.committedToGit(work);
    Path site = work.resolve("site");
    LiveSite live = live(content, site, new ByteArrayOutputStream(), new LiveReload());
    live.buildNow();
    String committed = version(site.resolve("ja/mhlw/6.4.html"));
    assertThat(committed).matches("[0-9a-f]{12}");
    Path page = content.resolve("ja/mhlw/6.5.adoc");
    Files.writeString(
        page,
        Files.readString(page, StandardCharsets.UTF_8) + "\n新しい段落です。\n",
        StandardCharsets.UTF_8);
    live.rebuild(Set.of(page));
    assertThat(version(site.resolve("ja/mhlw/6.4.html"))).isEqualTo(committed + "-dirty");
    assertThat(version(site.resolve("en/index.html"))).isEqualTo(committed + "-dirty");
  }

  private static String version(Path html) throws java.io.IOException {
    return org.jsoup.Jsoup.parse(html.toFile(), "UTF-8").select(".page-meta code").text();
  }

  @Test
  void aStaticIndexOvertakenByANewerRebuildIsNotPublished() throws Exception {
    Path content = authorsCheckout();
    Path site = work.resolve("site");
    BuildOptions options = TestSites.options(content, site, EnumSet.allOf(Language.class));
    BuildPipeline pipeline = new BuildPipeline(options, TestSites.toolchain(), Progress.silent());
    BuildPipeline.Build full = pipeline.build(Scope.ALL, Optional.empty());
    assertThat(full.partial()).isFalse();
    Path page = content.resolve("ja/mhlw/6.5.adoc");
    String original = Files.readString(page, StandardCharsets.UTF_8);
    Files.writeString(page, original + "\n最初の編集です。\n", StandardCharsets.UTF_8);
    BuildPipeline.Build one = pipeline.build(Scope.files(Set.of(page)), Optional.of(full.last()));
    assertThat(one.partial()).isTrue();
    assertThat(one.last().unindexed()).hasSize(1);
    BuildPipeline.Exported first = pipeline.staticExport(one.last());
    assertThat(first.last().unindexed()).isEmpty();
    Files.writeString(page, original + "\n二度目の編集です。\n", StandardCharsets.UTF_8);
    BuildPipeline.Build two = pipeline.build(Scope.files(Set.of(page)), Optional.of(first.last()));
    assertThat(two.partial()).isTrue();
    Map<String, String> before = texts(site.resolve("assets/search"));

    Path written = first.export().write();

    // Overtaken by the second rebuild: its files are dropped and the site keeps its index.
    assertThat(first.export().publish(written, false)).isFalse();
    assertThat(written).doesNotExist();
    assertThat(texts(site.resolve("assets/search"))).isEqualTo(before);
    BuildPipeline.StaticExport second = pipeline.staticExport(two.last()).export();
    assertThat(second.publish(second.write(), true)).isTrue();
    assertThat(texts(site.resolve("assets/search")).values())
        .anyMatch(text -> text.contains("二度目"))
        .noneMatch(text -> text.contains("最初の編集"));
  }

  @Test
  void aChangedTitleRebuildsTheWholeSite() throws Exception {
    Path content = authorsCheckout();
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

  @Test
  void aChangedRequirementRebuildsTheWholeSiteSoTheChecklistAndSearchFollow() throws Exception {
    Path content = authorsCheckout();
    Path site = work.resolve("site");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LiveSite live = live(content, site, log);
    live.buildNow();
    Path page = content.resolve("ja/mhlw/6.5.adoc");
    Files.writeString(
        page,
        Files.readString(page, StandardCharsets.UTF_8)
            .replace("外部との接続点にファイアウォールを置くこと。", "外部との接続点に防火壁を置くこと。"),
        StandardCharsets.UTF_8);

    live.rebuild(Set.of(page));

    // The item is on the checklist page and in the search index too: the whole site is rebuilt.
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("pages rebuilt");
    assertThat(Files.readString(site.resolve("ja/checklist/mhlw.html"), StandardCharsets.UTF_8))
        .contains("外部との接続点に防火壁を置くこと。");
    assertThat(texts(site.resolve("assets/search")).values())
        .anyMatch(text -> text.contains("防火壁"))
        .noneMatch(text -> text.contains("ファイアウォールを置く"));
  }

  private static LiveSite live(Path content, Path site, ByteArrayOutputStream log) {
    return live(content, site, log, new LiveReload());
  }

  private static LiveSite live(
      Path content, Path site, ByteArrayOutputStream log, LiveReload reload) {
    BuildOptions options = TestSites.options(content, site, EnumSet.allOf(Language.class));
    return new LiveSite(
        options, TestSites.toolchain(), reload, new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  /** Every file under {@code dir}, as text, by its relative path. */
  private static Map<String, String> texts(Path dir) throws Exception {
    Map<String, String> texts = new TreeMap<>();
    try (var files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        texts.put(dir.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return texts;
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
