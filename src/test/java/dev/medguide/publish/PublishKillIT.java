package dev.medguide.publish;

import static java.nio.file.StandardOpenOption.APPEND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.model.Language;
import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar killed with SIGKILL at every step of publishing: the site is complete (the old
 * one or the new one) at once where folders are swapped in one step, and after the recovery that
 * every build and {@code serve} runs first where they are renamed in two; that recovery leaves no
 * staging or previous folder behind.
 */
class PublishKillIT {
  @TempDir Path work;

  /** A step of publishing, the site expected there, and how folders are put in place. */
  private record Kill(String step, boolean swapped, boolean exchange) {}

  private static final List<Kill> KILLS =
      List.of(
          new Kill("staged", false, true),
          new Kill("journal-written", false, true),
          new Kill("exchanged-companion", false, true),
          new Kill("exchanged-site", true, true),
          new Kill("journal-deleted", true, true),
          new Kill("published", true, true),
          // Where the system cannot swap two folders: renamed aside, then renamed in.
          new Kill("aside-companion", false, false),
          new Kill("moved-companion", false, false),
          new Kill("aside-site", false, false),
          new Kill("moved-site", true, false));

  @Test
  void aBuildKilledAtAnyStepOfPublishingLeavesACompleteSiteAndNoLeftovers() throws Exception {
    Path contentA = TestSites.copyFixture("mini", work.resolve("a"));
    Path contentB = TestSites.copyFixture("mini", work.resolve("b"));
    Files.writeString(contentB.resolve("ja/mhlw/6.5.adoc"), "\n版 B の追記。\n", APPEND);
    Map<String, String> siteA = TestSites.snapshot(reference(contentA, "ref-a"));
    Map<String, String> siteB = TestSites.snapshot(reference(contentB, "ref-b"));
    assertThat(siteA).isNotEqualTo(siteB);

    Path site = work.resolve("site");
    // A normal run first: it also writes the class archive that the killed runs then map.
    Process first = start(contentA, site, List.of());
    assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(first.exitValue()).as(err()).isZero();
    assertThat(TestSites.snapshot(site)).isEqualTo(siteA);

    boolean onA = true;
    for (Kill kill : KILLS) {
      Path content = onA ? contentB : contentA;
      Map<String, String> before = onA ? siteA : siteB;
      Map<String, String> after = onA ? siteB : siteA;
      Map<String, String> expected = kill.swapped() ? after : before;
      String at = "killed at " + kill.step() + (kill.exchange() ? "" : " (two renames)");

      killAt(kill, content, site);
      if (kill.exchange()) {
        assertThat(site).as(at).isDirectory();
        assertThat(TestSites.snapshot(site)).as(at).isEqualTo(expected);
      }
      // What every build and serve does first.
      List<String> warnings =
          new SitePublisher(TestSites.options(content, site, EnumSet.allOf(Language.class)))
              .recover();
      assertThat(warnings).as(at).isEmpty();
      boolean rolledForward = !kill.step().equals("staged");
      Map<String, String> recovered = rolledForward ? after : before;
      assertThat(TestSites.snapshot(site)).as(at + ", then recovered").isEqualTo(recovered);
      assertThat(work.resolve(".site.search")).as(at).isNotEmptyDirectory();
      assertThat(leftovers()).as(at + ", then recovered").isEmpty();
      onA = rolledForward != onA;
    }

    TestSites.build(onA ? contentB : contentA, site);
    assertThat(leftovers()).as("after the next build").isEmpty();
  }

  /** Starts the build, waits until it reaches the step, and kills it and its child JVM. */
  private void killAt(Kill kill, Path content, Path site) throws Exception {
    Path pause = Files.createDirectories(work.resolve("pause")).resolve(kill.step());
    Files.deleteIfExists(pause);
    List<String> flags = new ArrayList<>(List.of("-Dmedguide.publishPause=" + pause));
    if (!kill.exchange()) {
      flags.add("-Dmedguide.renameExchange=false");
    }
    Process process = start(content, site, flags);
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!Files.exists(pause) && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(pause).as("reached %s; %s", kill.step(), err()).exists();
    } finally {
      List<ProcessHandle> children = process.descendants().toList();
      children.forEach(ProcessHandle::destroyForcibly); // SIGKILL
      process.destroyForcibly();
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
      for (ProcessHandle child : children) {
        child.onExit().get(1, TimeUnit.MINUTES);
      }
    }
  }

  private Process start(Path content, Path site, List<String> flags) throws IOException {
    List<String> options = new ArrayList<>(List.of("-Dmedguide.cacheDir=" + work.resolve("cache")));
    options.addAll(flags);
    List<String> command = TestSites.jarBuild(options, content, site);
    return new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectOutput(work.resolve("out.txt").toFile())
        .redirectError(work.resolve("err.txt").toFile())
        .start();
  }

  private String err() throws IOException {
    return Files.readString(work.resolve("err.txt"));
  }

  private Path reference(Path content, String name) {
    return TestSites.build(content, work.resolve(name)).outputDir();
  }

  /** Folders beside the site other than its search index: staging and previous sites. */
  private List<String> leftovers() throws IOException {
    try (Stream<Path> entries = Files.list(work)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".site.") || n.startsWith("..site."))
          .filter(n -> !n.equals(".site.search") && !n.equals(".site.lock"))
          .sorted()
          .toList();
    }
  }
}
