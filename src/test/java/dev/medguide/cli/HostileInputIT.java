package dev.medguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input through the command line, table-driven: each case changes a copy of the mini
 * fixture (content and templates), runs {@code medguide build} over a previously published site,
 * and asserts the exit code, the {@code path:line:} problem, that the site is byte-for-byte as it
 * was, and that nothing printed a stack trace. The 38 raw-HTML variants are in
 * src/test/resources/hostile/raw-html.adoc.
 */
class HostileInputIT {
  @TempDir static Path shared;
  static Path goodSite;
  static Map<String, String> goodSnapshot;

  @TempDir Path work;

  /** One case: what it does to the copy, and the problem it must give. */
  record Case(String name, Setup setup, String file, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface Setup {
    /** Changes the content (and templates) folder; returns the line the problem must name. */
    int apply(Path content, Path templates) throws IOException;
  }

  @BeforeAll
  static void publishAGoodSite() {
    goodSite = shared.resolve("site");
    TestSites.build(TestSites.copyFixture("mini", shared.resolve("content")), goodSite);
    goodSnapshot = TestSites.snapshot(goodSite);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "unterminated ifdef",
            (c, t) -> append(c, "ja/mhlw/6.5.adoc", "ifdef::draft[]", "The rest."),
            "ja/mhlw/6.5.adoc",
            "conditional never closed"),
        new Case(
            "remote include",
            (c, t) -> append(c, "en/mic/3.2.3.adoc", "include::https://example.org/x.adoc[]"),
            "en/mic/3.2.3.adoc",
            "include of a URL (https:) is not allowed"),
        new Case(
            "1000 nested lists",
            (c, t) ->
                append(
                        c,
                        "ja/mhlw/6.5.adoc",
                        Stream.iterate(1, i -> i + 1)
                            .limit(1000)
                            .map(i -> "*".repeat(i) + " item")
                            .toArray(String[]::new))
                    + 64,
            "ja/mhlw/6.5.adoc",
            "lists nested deeper than 64 levels"),
        new Case(
            "1000 nested blocks",
            (c, t) -> {
              List<String> lines = new ArrayList<>();
              for (int i = 0; i < 1000; i++) {
                lines.add("=".repeat(4 + i));
              }
              lines.add("text");
              for (int i = 999; i >= 0; i--) {
                lines.add("=".repeat(4 + i));
              }
              return append(c, "ja/mhlw/6.5.adoc", lines.toArray(String[]::new)) + 64;
            },
            "ja/mhlw/6.5.adoc",
            "blocks nested deeper than 64 levels"),
        new Case(
            "summary with a line continuation",
            (c, t) -> headerAttribute(c, "ja/mhlw/6.4.adoc", ":jbake-summary: 前半 \\", "後半"),
            "ja/mhlw/6.4.adoc",
            "continues on the next line"),
        new Case(
            "summary with an attribute reference",
            (c, t) -> headerAttribute(c, "en/mhlw/6.4.adoc", ":jbake-summary: About {product}"),
            "en/mhlw/6.4.adoc",
            "refers to an attribute"),
        new Case(
            "symbolic link to /etc/passwd in templates/static",
            (c, t) -> {
              Files.createSymbolicLink(t.resolve("static/passwd.txt"), Path.of("/etc/passwd"));
              return 0;
            },
            "templates/static/passwd.txt",
            "symbolic link to /etc/passwd, outside templates/"),
        new Case(
            "page symlinked from outside content",
            (c, t) -> {
              Path page = c.resolve("ja/mhlw/6.4.adoc");
              Path outside = Files.move(page, c.resolveSibling("outside-6.4.adoc"));
              Files.createSymbolicLink(page, outside);
              return 0;
            },
            "ja/mhlw/6.4.adoc",
            "outside content/"),
        new Case(
            "a template error",
            (c, t) -> {
              Path page = t.resolve("page.ftl");
              List<String> lines =
                  new ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
              int at = firstLineWith(lines, "<footer");
              lines.set(at - 1, lines.get(at - 1) + "${page.noSuchThing.deeper}");
              Files.write(page, lines, StandardCharsets.UTF_8);
              return at;
            },
            "templates/page.ftl",
            "page.noSuchThing is undefined"),
        new Case(
            "Shift_JIS data file",
            (c, t) -> {
              Path file = c.resolve("data/glossary.csv");
              List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
              Files.write(file, String.join("\n", lines).getBytes(Charset.forName("Shift_JIS")));
              return firstLineWith(lines, "[^\\x00-\\x7f]");
            },
            "data/glossary.csv",
            "not UTF-8 (Shift_JIS?)"),
        new Case(
            "UTF-16 data file",
            (c, t) -> {
              Path file = c.resolve("data/glossary.csv");
              Files.writeString(
                  file, Files.readString(file, StandardCharsets.UTF_8), StandardCharsets.UTF_16);
              return 1;
            },
            "data/glossary.csv",
            "the file is UTF-16"),
        new Case(
            "a quoted field never closed",
            (c, t) -> {
              Path file = c.resolve("data/glossary.csv");
              List<String> lines =
                  new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
              lines.add("broken,\"never closed,x");
              Files.write(file, lines, StandardCharsets.UTF_8);
              return lines.size();
            },
            "data/glossary.csv",
            "never closed"),
        new Case(
            "text after a quoted field",
            (c, t) -> {
              Path file = c.resolve("data/glossary.csv");
              List<String> lines =
                  new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
              lines.add(2, "broken,\"quoted\"after,x");
              Files.write(file, lines, StandardCharsets.UTF_8);
              return 3;
            },
            "data/glossary.csv",
            "column 16: text after a quoted field"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isAProblemAtItsLineAndLeavesTheSiteAsItWas(Case hostile) throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path templates = work.resolve("templates");
    TestSites.copyTree(TestSites.projectDir().resolve("templates"), templates);
    int line = hostile.setup().apply(content, templates);
    Path base = hostile.file().startsWith("templates/") ? work : content;
    String expected = base.resolve(hostile.file()) + ":" + Math.max(line, 1) + ": ";
    String output = failingBuild(content, templates);
    assertThat(output.lines())
        .as(output)
        .anySatisfy(l -> assertThat(l).startsWith(expected).contains(hostile.message()));
  }

  /** A data file as Excel saves it ("CSV UTF-8": a byte order mark, CRLF line ends) is read. */
  @Test
  void aDataFileSavedByExcelIsRead() throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path file = content.resolve("data/glossary.csv");
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\n", "\r\n");
    Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);
    Path site = work.resolve("site");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = build(content, TestSites.projectDir().resolve("templates"), site, out);
    assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(Files.readString(site.resolve("ja/glossary.html"))).contains("なりすまし");
  }

  /** Every raw-HTML variant is a problem within its own lines; nothing reaches the site. */
  @Test
  void everyRawHtmlVariantIsAProblemAtItsOwnLines() throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path templates = TestSites.projectDir().resolve("templates");
    Path page = content.resolve("ja/mhlw/6.5.adoc");
    int first = Files.readAllLines(page, StandardCharsets.UTF_8).size() + 2;
    List<String> variants =
        Files.readAllLines(
            TestSites.projectDir().resolve("src/test/resources/hostile/raw-html.adoc"),
            StandardCharsets.UTF_8);
    append(content, "ja/mhlw/6.5.adoc", variants.toArray(String[]::new));
    String output = failingBuild(content, templates);
    Pattern problem = Pattern.compile(Pattern.quote(page.toString()) + ":(\\d+): raw HTML");
    List<Integer> lines = new ArrayList<>();
    Matcher m = problem.matcher(output);
    while (m.find()) {
      lines.add(Integer.parseInt(m.group(1)));
    }
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      if (variants.get(i).startsWith("// variant ")) {
        starts.add(first + i);
      }
    }
    assertThat(starts).hasSize(38);
    starts.add(first + variants.size());
    for (int v = 0; v < 38; v++) {
      int from = starts.get(v);
      int to = starts.get(v + 1);
      assertThat(lines)
          .as("variant %d (lines %d-%d) in %s", v + 1, from, to, output)
          .anyMatch(l -> l > from && l < to);
    }
  }

  /** With the opt-in, safelisted markup is published and anything else still fails. */
  @Test
  void withTheOptInOnlySafelistedMarkupIsPublished() throws IOException {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    Path templates = TestSites.projectDir().resolve("templates");
    headerAttribute(content, "ja/mhlw/6.5.adoc", ":medguide-allow-html:");
    append(
        content,
        "ja/mhlw/6.5.adoc",
        "++++",
        "<figure class=\"diagram\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\""
            + " role=\"img\" aria-label=\"box\"><rect x=\"1\" y=\"1\" width=\"8\" height=\"8\""
            + " fill=\"none\" stroke=\"currentColor\"/></svg></figure>",
        "++++");
    Path site = work.resolve("site");
    TestSites.copyTree(goodSite, site);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(build(content, templates, site, out))
        .as(out.toString(StandardCharsets.UTF_8))
        .isZero();
    assertThat(Files.readString(site.resolve("ja/mhlw/6.5.html"))).contains("<rect x=\"1\"");
    int line =
        append(content, "ja/mhlw/6.5.adoc", "++++", "<svg onload=\"alert(1)\"></svg>", "++++");
    String output = failingBuild(content, templates, site);
    assertThat(output)
        .contains(
            content.resolve("ja/mhlw/6.5.adoc")
                + ":"
                + (line + 1)
                + ": raw HTML is not allowed: <svg onload>");
  }

  private String failingBuild(Path content, Path templates) {
    Path site = work.resolve("site");
    TestSites.copyTree(goodSite, site);
    return failingBuild(content, templates, site);
  }

  private String failingBuild(Path content, Path templates, Path site) {
    Map<String, String> before = TestSites.snapshot(site);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = build(content, templates, site, out);
    String output = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(output).isEqualTo(ExitCodes.CONTENT_ERRORS);
    assertThat(TestSites.snapshot(site)).as("the site is as it was").isEqualTo(before);
    assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    return output;
  }

  private static int build(Path content, Path templates, Path site, ByteArrayOutputStream out) {
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    return Main.execute(
        stream,
        stream,
        "build",
        "-c",
        content.toString(),
        "-t",
        templates.toString(),
        "-o",
        site.toString());
  }

  /** Appends lines after a blank one; returns the line number of the first. */
  private static int append(Path content, String file, String... lines) throws IOException {
    Path path = content.resolve(file);
    int before = Files.readAllLines(path, StandardCharsets.UTF_8).size();
    Files.writeString(
        path,
        "\n" + String.join("\n", lines) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return before + 2;
  }

  /** Puts header lines after the title; returns the line of the first. */
  private static int headerAttribute(Path content, String file, String... lines)
      throws IOException {
    Path path = content.resolve(file);
    List<String> all = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
    all.addAll(1, List.of(lines));
    Files.write(path, all, StandardCharsets.UTF_8);
    return 2;
  }

  private static int firstLineWith(List<String> lines, String regex) {
    Pattern pattern = Pattern.compile(regex);
    for (int i = 0; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return 0;
  }
}
