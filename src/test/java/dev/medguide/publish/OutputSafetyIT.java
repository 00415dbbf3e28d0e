package dev.medguide.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar never writes its site or zip over what it did not make, and a previous site it
 * cannot delete costs a warning, not the build.
 */
class OutputSafetyIT {
  @TempDir Path work;

  /** A copy of the project (content, templates, pom.xml, a .git) with a sibling file beside it. */
  private Path project() throws IOException {
    Path project = work.resolve("project");
    TestSites.copyTree(TestSites.projectDir().resolve("content"), project.resolve("content"));
    TestSites.copyTree(TestSites.projectDir().resolve("templates"), project.resolve("templates"));
    Files.copy(TestSites.projectDir().resolve("pom.xml"), project.resolve("pom.xml"));
    Files.createDirectories(project.resolve(".git"));
    Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(work.resolve("sibling.txt"), "beside the project\n");
    return project;
  }

  @ParameterizedTest
  @ValueSource(strings = {"content", "templates", "content/ja", ".", "..", "./content/../content"})
  void aBuildIntoItsSourcesOrProjectIsRefusedAndChangesNothing(String output) throws IOException {
    Path project = project();
    Map<String, String> before = TestSites.snapshot(work);

    TestSites.ProcessResult result = jar(project, "build", "-o", output);

    assertThat(result.code()).as(result.err()).isEqualTo(2);
    assertThat(result.err().lines().toList())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("error: refusing to write the site into " + output + ": it ");
    assertThat(TestSites.snapshot(work)).isEqualTo(before);
  }

  @Test
  void aSymbolicLinkToTheContentFolderIsSeenThrough() throws IOException {
    Path project = project();
    Files.createSymbolicLink(work.resolve("alias"), project.resolve("content"));
    Map<String, String> before = TestSites.snapshot(project);

    TestSites.ProcessResult result = jar(project, "build", "-o", work.resolve("alias").toString());

    assertThat(result.code()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).contains("it is the content folder");
    assertThat(TestSites.snapshot(project)).isEqualTo(before);
  }

  @Test
  void aZipIsNeverWrittenOverASourceOrAFileThatIsNotAZip() throws IOException {
    Path project = project();
    Map<String, String> before = TestSites.snapshot(work);

    for (String zip : List.of("content/ja/index.adoc", "templates", "pom.xml", "site/x.zip")) {
      TestSites.ProcessResult result = jar(project, "build", "--zip", zip);
      assertThat(result.code()).as(zip + ": " + result.err()).isEqualTo(2);
      assertThat(result.err()).startsWith("error: refusing to write the zip " + zip);
    }
    assertThat(TestSites.snapshot(work)).isEqualTo(before);
  }

  @Test
  void aFolderOfOtherFilesIsReplacedOnlyWithForce() throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path foreign = Files.createDirectories(work.resolve("x"));
    Files.writeString(foreign.resolve("notes.txt"), "someone's notes\n");
    String[] build = {
      "build", "-c", content.toString(), "-t", templates(), "-o", foreign.toString()
    };

    TestSites.ProcessResult refused = jar(work, build);
    assertThat(refused.code()).as(refused.err()).isEqualTo(2);
    assertThat(refused.err()).contains("is not empty and was not written by medguide", "--force");
    assertThat(foreign.resolve("notes.txt")).hasContent("someone's notes");

    TestSites.ProcessResult forced = jar(work, append(build, "--force"));
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(foreign.resolve("ja/index.html")).isRegularFile();
    assertThat(foreign.resolve(SitePublisher.MARKER)).isRegularFile();
    assertThat(foreign.resolve("notes.txt")).doesNotExist();

    // Now it is ours: the next build needs no --force.
    TestSites.ProcessResult again = jar(work, build);
    assertThat(again.code()).as(again.err()).isZero();
  }

  @Test
  void aMissingContentFolderFailsWithOneLineAndLeavesNothing() throws IOException {
    Path site = work.resolve("site");
    TestSites.build(TestSites.copyFixture("mini", work.resolve("content")), site);
    Map<String, String> before = TestSites.snapshot(site);
    for (int run = 0; run < 3; run++) {
      // In a child JVM with a new class archive each time, as a first run on a new machine.
      TestSites.ProcessResult result =
          TestSites.run(
              work,
              Map.of(),
              "java",
              "-Dmedguide.cacheDir=" + work.resolve("cache-" + run),
              "-jar",
              jarPath(),
              "build",
              "-c",
              "nope",
              "-t",
              templates());
      assertThat(result.code()).as(result.err()).isEqualTo(3);
      assertThat(result.err()).isEqualTo("error: content folder not found: nope\n");
    }
    assertThat(TestSites.snapshot(site)).isEqualTo(before);
    assertThat(leftovers()).isEmpty();
  }

  /**
   * A previous site that its owner made read-only is deleted all the same (as {@code rm -rf} by its
   * owner would); one with a folder its owner cannot change is left with a warning, and the next
   * build deletes it once it can. Run as an unprivileged user, for whom permissions hold.
   */
  @Test
  void aPreviousSiteThatCannotBeDeletedCostsAWarningNotTheBuild() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "needs root, to run the build as another user and make a folder it cannot change");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    Path home = Files.createDirectories(work.resolve("home"));
    Path content = TestSites.copyFixture("mini", home.resolve("content"));
    Path site = home.resolve("site");
    TestSites.build(content, site);
    chown(home, "nobody");

    // Read-only by its owner: deleted.
    chmod(site, "r-xr-xr-x", "r--r--r--");
    TestSites.ProcessResult readOnly = asNobody(home, "build", "-c", "content", "-o", "site");
    assertThat(readOnly.code()).as(readOnly.err()).isZero();
    assertThat(readOnly.err()).doesNotContain("warning");
    assertThat(leftoversIn(home)).isEmpty();

    // A folder owned by another user (root) that the build's user cannot change.
    Files.setOwner(site.resolve("ja"), lookup().lookupPrincipalByName("root"));
    Files.setPosixFilePermissions(site.resolve("ja"), PosixFilePermissions.fromString("rwxr-xr-x"));
    TestSites.ProcessResult stuck = asNobody(home, "build", "-c", "content", "-o", "site");
    assertThat(stuck.code()).as(stuck.err()).isZero();
    assertThat(stuck.err()).contains("warning: cannot delete ", "the next build deletes it");
    assertThat(site.resolve("ja/index.html")).isRegularFile();
    assertThat(leftoversIn(home)).isNotEmpty();

    chown(home, "nobody");
    TestSites.ProcessResult next = asNobody(home, "build", "-c", "content", "-o", "site");
    assertThat(next.code()).as(next.err()).isZero();
    assertThat(next.err()).doesNotContain("warning");
    assertThat(leftoversIn(home)).isEmpty();
  }

  private TestSites.ProcessResult asNobody(Path dir, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=nobody",
                "--regid=nogroup",
                "--clear-groups",
                "java",
                "-Dmedguide.jvm=current",
                "-Duser.home=" + dir,
                "-jar",
                jarPath()));
    command.addAll(List.of(args));
    command.addAll(List.of("-t", templates()));
    return TestSites.run(dir, Map.of(), command.toArray(String[]::new));
  }

  private static UserPrincipalLookupService lookup() {
    return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService();
  }

  private static void chown(Path dir, String user) throws IOException {
    var owner = lookup().lookupPrincipalByName(user);
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        Files.setOwner(p, owner);
      }
    }
  }

  private static void chmod(Path dir, String folders, String files) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? folders : files));
      }
    }
  }

  private static String templates() {
    return TestSites.projectDir().resolve("templates").toString();
  }

  private static String jarPath() {
    return TestSites.projectDir().resolve("target/medguide.jar").toString();
  }

  /** Runs the jar in this JVM's mode (no child JVM) in {@code dir}. */
  private static TestSites.ProcessResult jar(Path dir, String... args) {
    List<String> command =
        new ArrayList<>(List.of("java", "-Dmedguide.jvm=current", "-jar", jarPath()));
    command.addAll(List.of(args));
    return TestSites.run(dir, Map.of(), command.toArray(String[]::new));
  }

  private static String[] append(String[] args, String more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = more;
    return all;
  }

  private List<String> leftovers() throws IOException {
    return leftoversIn(work);
  }

  /** Staging and previous-site folders beside {@code dir}'s site. */
  private static List<String> leftoversIn(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.contains(".staging-") || n.contains(".old-"))
          .sorted()
          .toList();
    }
  }
}
