package dev.medguide.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  @Test
  void aBuildThatOutgrowsItsHeapCapRunsAgainWithMore() throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    TestSites.ProcessResult result =
        build(List.of("-Dmedguide.heapMib=24"), content, work.resolve("site"));

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("OutOfMemoryError"); // the JVM's own report
    assertThat(result.err()).contains("the build needed more than 24 MiB; building again");
    assertThat(work.resolve("site/ja/mhlw/6.5.html")).isRegularFile();
  }

  /** Runs {@code java [jvmOptions] -jar target/medguide.jar build} on content into site. */
  private static TestSites.ProcessResult build(
      List<String> jvmOptions, Path content, Path site, String... more) {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            TestSites.projectDir().resolve("target/medguide.jar").toString(),
            "build",
            "-c",
            content.toString(),
            "-t",
            TestSites.projectDir().resolve("templates").toString(),
            "-o",
            site.toString()));
    command.addAll(List.of(more));
    return TestSites.run(Map.of(), command.toArray(String[]::new));
  }
}
