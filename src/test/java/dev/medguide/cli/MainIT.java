package dev.medguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes and messages, as documented in its help. */
class MainIT {
  @TempDir Path work;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    return Main.execute(stream, stream, args);
  }

  private String output() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Runs {@code build} of a content folder with the project's templates into work/out. */
  private int build(Path content, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "build",
                "-c",
                content.toString(),
                "-t",
                TestSites.projectDir().resolve("templates").toString(),
                "-o",
                work.resolve("out").toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void buildsAndReportsEachStageOnOneLine() {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    int code = build(content);
    assertThat(code).as(output()).isZero();
    assertThat(output().lines().map(l -> l.split("\\s+")[0]).toList())
        .startsWith("load", "render", "link", "index", "publish");
    assertThat(output()).contains("load     24 pages (ja 12, en 12)");
    assertThat(work.resolve("out/ja/mhlw/6.5.html")).isRegularFile();
  }

  @Test
  void exitsWithOneAndListsProblemsWhenContentIsBroken() throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Files.writeString(
        content.resolve("ja/mhlw/6.4.adoc"),
        "\n====\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    int code = build(content);
    assertThat(code).isEqualTo(1);
    assertThat(output()).containsPattern(".*ja/mhlw/6\\.4\\.adoc:\\d+: unterminated example block");
    assertThat(output()).contains("build failed: 1 problem");
    assertThat(work.resolve("out")).doesNotExist();
  }

  @Test
  void exitsWithTwoOnUsageErrors() {
    assertThat(run("build", "--lang", "fr")).isEqualTo(2);
    assertThat(run("build", "--no-such-option")).isEqualTo(2);
    assertThat(run("no-such-command")).isEqualTo(2);
  }

  /** sitemap.xml gets the base URL: only an absolute http(s) URL is one. */
  @Test
  void aBaseUrlThatIsNotAnAbsoluteHttpUrlIsAUsageError() {
    for (String bad : List.of("javascript:alert(1)", "/policies/", "ftp://host/x", "https://")) {
      err.reset();
      assertThat(run("build", "--base-url", bad)).as(bad).isEqualTo(2);
      assertThat(output()).as(bad).contains("is not an absolute http(s) URL");
    }
    err.reset();
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    assertThat(build(content, "--base-url", "https://intranet.example/medguide/"))
        .as(output())
        .isZero();
  }

  @Test
  void anUnknownSearchLanguageIsAUsageErrorOnOneLine() {
    assertThat(run("search", "--lang", "fr", "x")).isEqualTo(2);
    assertThat(output().lines())
        .containsExactly(
            "error: Invalid value for option '--lang': unknown language 'fr' (ja, en, all, auto)"
                + " (see: medguide search --help)");
  }

  @Test
  void exitsWithThreeWhenTheContentFolderIsMissing() {
    assertThat(
            run(
                "build",
                "-c",
                work.resolve("missing").toString(),
                "-o",
                work.resolve("out").toString()))
        .isEqualTo(3);
    assertThat(output()).contains("content folder not found");
  }

  /**
   * Builds into work/out, then again with the templates broken by {@code breakIt}: the second build
   * must fail with exit 1 and leave work/out as the first left it.
   */
  private String failWithBrokenTemplates(java.util.function.Consumer<Path> breakIt) {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path templates = work.resolve("templates");
    TestSites.copyTree(TestSites.projectDir().resolve("templates"), templates);
    Path out = work.resolve("out");
    String[] build = {
      "build", "-c", content.toString(), "-t", templates.toString(), "-o", out.toString()
    };
    assertThat(run(build)).as(output()).isZero();
    var before = TestSites.snapshot(out);
    breakIt.accept(templates);
    err.reset();
    assertThat(run(build)).as(output()).isEqualTo(1);
    assertThat(TestSites.snapshot(out)).isEqualTo(before);
    assertThat(output().lines().count()).as(output()).isLessThan(20);
    assertThat(output()).doesNotContain("Exception", "\tat ");
    return output();
  }

  @Test
  void anUndefinedTemplateVariableIsAProblemAtItsLine() {
    String output =
        failWithBrokenTemplates(t -> edit(t.resolve("page.ftl"), 25, line -> line + " ${nope}"));
    assertThat(output)
        .contains(
            work.resolve("templates/page.ftl") + ":25: nope is undefined (rendering ",
            " and 23 more pages)");
  }

  @Test
  void aMissingMessageIsAProblemOfTheMessagesFile() {
    String output =
        failWithBrokenTemplates(
            t ->
                edit(
                    t.resolve("i18n/ja.properties"),
                    0,
                    line -> line.startsWith("nav.toggle=") ? "" : line));
    assertThat(output)
        .contains(
            "/i18n/en.properties:",
            ": 'nav.toggle' has no translation in " + work.resolve("templates/i18n/ja.properties"))
        .contains(
            "t[\"nav.toggle\"] is undefined: no key 'nav.toggle' in "
                + work.resolve("templates/i18n/ja.properties"));
  }

  @Test
  void aBrokenDataTableTemplateIsAProblemAtItsLine() {
    String output =
        failWithBrokenTemplates(
            t ->
                edit(
                    t.resolve("data.ftl"),
                    0,
                    line -> line.startsWith("<caption>${caption}") ? line + "${nope}" : line));
    assertThat(output)
        .containsPattern(
            java.util.regex.Pattern.quote(work.resolve("templates/data.ftl").toString())
                + ":\\d+: nope is undefined \\(rendering (ja|en)/committee\\.html and 1 more page\\)");
  }

  @Test
  void aSiteOwnerCanChangeADataTableInTheTemplates() throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path templates = work.resolve("templates");
    TestSites.copyTree(TestSites.projectDir().resolve("templates"), templates);
    edit(
        templates.resolve("data.ftl"),
        0,
        line ->
            line.replace(
                "<table class=\"tableblock committee\">",
                "<table class=\"tableblock committee ours\">"));
    Path out = work.resolve("out");
    assertThat(
            run(
                "build",
                "-c",
                content.toString(),
                "-t",
                templates.toString(),
                "-o",
                out.toString()))
        .as(output())
        .isZero();
    assertThat(Files.readString(out.resolve("en/committee.html")))
        .contains("<table class=\"tableblock committee ours\">");
  }

  /** Rewrites line {@code number} of a file (every line if 0). */
  private static void edit(Path file, int number, java.util.function.UnaryOperator<String> change) {
    try {
      var lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      for (int i = 0; i < lines.size(); i++) {
        if (number == 0 || i == number - 1) {
          lines.set(i, change.apply(lines.get(i)));
        }
      }
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void helpDocumentsCommandsAndExitCodes() {
    assertThat(run("--help")).isZero();
    String help = output();
    assertThat(help).contains("build", "Exit codes:", "the content has problems");
    assertThat(run("build", "--help")).isZero();
    assertThat(output()).contains("--lang", "--content", "--output", "--verbose");
    assertThat(run("--version")).isZero();
    assertThat(output()).contains("medguide");
  }
}
