package dev.medguide.publish;

import static java.nio.file.StandardOpenOption.APPEND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/medguide.jar}, run as a reader would run it, twice in two separate
 * processes: both builds give byte-identical site trees and zips (reproducibility must not depend
 * on anything that changes between JVMs, such as hash iteration order).
 */
class PackagedJarIT {
  @TempDir Path work;

  @Test
  void twoProcessesBuildByteIdenticalSitesAndZips() throws IOException {
    Path jar = TestSites.projectDir().resolve("target/medguide.jar");
    assertThat(jar).isRegularFile();
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    for (String run : List.of("a", "b")) {
      TestSites.ProcessResult result =
          build(
              List.of(),
              content,
              work.resolve(run + "/site"),
              "--zip",
              work.resolve(run + "/site.zip").toString());
      assertThat(result.code()).as(result.err()).isZero();
      assertThat(result.err()).contains("package ");
    }
    assertThat(TestSites.snapshot(work.resolve("b/site")))
        .isEqualTo(TestSites.snapshot(work.resolve("a/site")));
    assertThat(Files.readAllBytes(work.resolve("b/site.zip")))
        .isEqualTo(Files.readAllBytes(work.resolve("a/site.zip")));
    try (ZipFile zip = new ZipFile(work.resolve("a/site.zip").toFile())) {
      assertThat(zip.stream().map(e -> e.getName()).toList())
          .contains(
              "README-ja.txt",
              "README-en.txt",
              "medguide/index.html",
              "medguide/ja/mhlw/6.5.html",
              "medguide/assets/search/engine.js",
              "medguide/manifest.json");
      assertThat(zip.stream().map(e -> e.getName())).noneMatch(name -> name.contains(".search/"));
    }
  }

  /**
   * With the usual umask (022) a published site is readable by a web server running as another
   * user: files 0644, folders 0755, none left 0600 by a temporary file; the zip's entries carry
   * 0644 and 0755 whatever the umask of the machine that packed it.
   */
  @Test
  void theSiteAndItsZipAreReadableByAWebServerRunningAsAnotherUser() throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path site = work.resolve("modes/site");
    Path zipFile = work.resolve("modes/site.zip");
    List<String> command = command(List.of(), content, site, "--zip", zipFile.toString());
    String line =
        "umask 022 && exec "
            + command.stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'")
                .collect(java.util.stream.Collectors.joining(" "));
    TestSites.ProcessResult result = TestSites.run(Map.of(), "sh", "-c", line);
    assertThat(result.code()).as(result.err()).isZero();
    Map<String, String> modes = new java.util.TreeMap<>();
    try (var walk = Files.walk(site)) {
      for (Path path : walk.toList()) {
        modes.put(
            site.relativize(path).toString(),
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(path)));
      }
    }
    assertThat(modes).hasSizeGreaterThan(50);
    modes.forEach(
        (path, mode) ->
            assertThat(mode)
                .as(path)
                .isEqualTo(Files.isDirectory(site.resolve(path)) ? "rwxr-xr-x" : "rw-r--r--"));
    try (var zip =
        org.apache.commons.compress.archivers.zip.ZipFile.builder()
            .setFile(zipFile.toFile())
            .get()) {
      var entries = java.util.Collections.list(zip.getEntries());
      assertThat(entries).hasSizeGreaterThan(50);
      for (var entry : entries) {
        assertThat(Integer.toOctalString(entry.getUnixMode()))
            .as(entry.getName())
            .isEqualTo(entry.isDirectory() ? "40755" : "100644");
      }
    }
  }

  @Test
  void theFirstBuildWritesAClassArchiveThatLaterBuildsMapQuietly() throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path cache = work.resolve("cache");
    List<String> options = List.of("-Dmedguide.cacheDir=" + cache);

    TestSites.ProcessResult first = build(options, content, work.resolve("a"));
    assertThat(first.code()).as(first.err()).isZero();
    List<Path> archives = archives(cache);
    assertThat(archives).hasSize(1);
    assertThat(archives.get(0).getFileName().toString()).matches("medguide-[0-9a-f]{16}\\.jsa");
    assertThat(Files.size(archives.get(0))).isGreaterThan(1_000_000);

    TestSites.ProcessResult second = build(options, content, work.resolve("b"));
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(archives(cache)).isEqualTo(archives);
    assertThat(TestSites.snapshot(work.resolve("b")))
        .isEqualTo(TestSites.snapshot(work.resolve("a")));

    // A damaged archive is written again, without a word.
    Path archive = archives.get(0);
    archive.toFile().setWritable(true);
    Files.write(archive, new byte[] {1, 2, 3});
    TestSites.ProcessResult damaged = build(options, content, work.resolve("c"));
    assertThat(damaged.code()).as(damaged.err()).isZero();
    assertThat(damaged.out() + damaged.err())
        .doesNotContainIgnoringCase("cds")
        .doesNotContain("[warning]");
    assertThat(TestSites.snapshot(work.resolve("c")))
        .isEqualTo(TestSites.snapshot(work.resolve("a")));

    TestSites.ProcessResult off =
        build(
            List.of("-Dmedguide.cacheDir=" + work.resolve("unused"), "-Dmedguide.cds=false"),
            content,
            work.resolve("d"));
    assertThat(off.code()).as(off.err()).isZero();
    assertThat(work.resolve("unused")).doesNotExist();
  }

  private static List<Path> archives(Path cache) throws IOException {
    try (var files = Files.list(cache)) {
      return files.sorted().toList();
    }
  }

  @Test
  void aBuildThatOutgrowsItsHeapCapRunsAgainWithMore() throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    TestSites.ProcessResult result =
        build(List.of("-Dmedguide.heapMib=24"), content, work.resolve("site"));

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("OutOfMemoryError"); // the JVM's own report
    assertThat(result.err()).contains("the build needed more than 24 MiB; building again");
    assertThat(work.resolve("site/ja/mhlw/6.5.html")).isRegularFile();
    assertThat(stagingFolders()).as("the stopped build's staging folder").isEmpty();
  }

  /**
   * SIGKILL of the launcher (no shutdown hook runs in it) still ends the build JVM it started: the
   * child watches its launcher, ends, leaves the previous site as it was and no staging folder.
   */
  @Test
  void noBuildOutlivesItsKilledLauncher() throws Exception {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path site = work.resolve("site");
    Map<String, String> before = publishedThenEdited(content, site);
    Process launcher =
        new ProcessBuilder(command(List.of(), content, site))
            .redirectOutput(work.resolve("out.txt").toFile())
            .redirectError(work.resolve("err.txt").toFile())
            .start();
    List<ProcessHandle> children = List.of();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (children.isEmpty() && launcher.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
        children = launcher.toHandle().children().toList();
      }
      assertThat(children).as("the build's own JVM").isNotEmpty();
      launcher.destroyForcibly(); // SIGKILL
      assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (ProcessHandle child : children) {
        child.onExit().get(60, TimeUnit.SECONDS);
        assertThat(child.isAlive()).as("the build after its launcher was killed").isFalse();
      }
    } finally {
      launcher.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
    }
    assertThat(stagingFolders()).isEmpty();
    assertThat(TestSites.snapshot(site)).isEqualTo(before);
  }

  @Test
  void aStoppedBuildLeavesThePreviousSiteAndNoStagingFolder() throws Exception {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path site = work.resolve("site");
    Map<String, String> before = publishedThenEdited(content, site);

    // In this JVM (no child): SIGTERM reaches the build itself, as Ctrl-C would.
    List<String> command = command(List.of("-Dmedguide.jvm=current"), content, site);
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(work.resolve("out.txt").toFile())
            .redirectError(work.resolve("err.txt").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      // Until the build has written into its staging folder (so it is past creating it).
      while (!wroteIntoStaging() && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(wroteIntoStaging())
          .as("a staging folder with files while the build runs")
          .isTrue();
      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }

    // 143 for the signal, or the code of the build's own failure once its staging folder went.
    assertThat(process.exitValue()).as(Files.readString(work.resolve("err.txt"))).isNotZero();
    assertThat(stagingFolders()).isEmpty();
    assertThat(TestSites.snapshot(site)).isEqualTo(before);
  }

  private boolean wroteIntoStaging() throws IOException {
    for (Path staging : stagingFolders()) {
      try (var files = Files.list(staging)) {
        if (files.findAny().isPresent()) {
          return true;
        }
      } catch (NoSuchFileException e) {
        // deleted meanwhile
      }
    }
    return false;
  }

  /** The staging folders next to this test's sites. */
  private List<Path> stagingFolders() throws IOException {
    try (var files = Files.list(work)) {
      return files.filter(f -> f.getFileName().toString().contains(".staging-")).toList();
    }
  }

  /** Runs {@code java [jvmOptions] -jar target/medguide.jar build} on content into site. */
  private static TestSites.ProcessResult build(
      List<String> jvmOptions, Path content, Path site, String... more) {
    return TestSites.run(Map.of(), command(jvmOptions, content, site, more).toArray(String[]::new));
  }

  /** Builds the content into the site, then edits a page; returns the site as published. */
  private Map<String, String> publishedThenEdited(Path content, Path site) throws IOException {
    TestSites.ProcessResult first = build(List.of(), content, site);
    assertThat(first.code()).as(first.err()).isZero();
    Map<String, String> before = TestSites.snapshot(site);
    Files.writeString(work.resolve("content/ja/mhlw/6.5.adoc"), "\n追記。\n", APPEND);
    return before;
  }

  /** The command line of {@link #build}. */
  private static List<String> command(
      List<String> jvmOptions, Path content, Path site, String... more) {
    List<String> options = new ArrayList<>(jvmOptions);
    if (jvmOptions.stream().noneMatch(o -> o.startsWith("-Dmedguide.cacheDir="))) {
      // The class archive goes to a folder of the test, not the user's cache.
      options.add("-Dmedguide.cacheDir=" + site.resolveSibling(site.getFileName() + ".cache"));
    }
    List<String> command = TestSites.jarBuild(options, content, site);
    command.addAll(List.of(more));
    return command;
  }
}
