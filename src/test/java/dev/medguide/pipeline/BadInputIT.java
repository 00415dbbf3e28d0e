package dev.medguide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.medguide.model.ContentProblemsException;
import dev.medguide.model.Problem;
import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of bad input: each breaks a copy of the fixture, builds over a previously
 * published site, and checks that the build fails naming file and line and that the previous site
 * is byte-for-byte unchanged.
 */
class BadInputIT {
  @TempDir static Path shared;
  static Path previousSite;
  static Map<String, String> previousSnapshot;

  @TempDir Path work;
  Path content;
  Path site;

  @BeforeAll
  static void publishAGoodSite() {
    previousSite = shared.resolve("site");
    TestSites.build(TestSites.copyFixture("mini", shared.resolve("content")), previousSite);
    previousSnapshot = TestSites.snapshot(previousSite);
  }

  @BeforeEach
  void copyFixtureAndPreviousSite() {
    content = TestSites.copyFixture("mini", work.resolve("content"));
    site = work.resolve("site");
    TestSites.copyTree(previousSite, site);
  }

  @Test
  void failsOnUnterminatedBlockWithFileAndLine() throws IOException {
    int line = append("ja/mhlw/6.5.adoc", "", "----", "never closed");
    assertProblem("ja/mhlw/6.5.adoc", line + 1, "unterminated listing block");
  }

  @Test
  void failsOnMissingIncludeWithFileAndLine() throws IOException {
    int line = append("en/mic/3.2.3.adoc", "", "include::no-such-file.adoc[]");
    assertProblem("en/mic/3.2.3.adoc", line + 1, "include file not found");
  }

  @Test
  void failsOnUnknownAttributeReferenceWithFileAndLine() throws IOException {
    int line = append("en/overview.adoc", "", "This uses {no-such-attribute} here.");
    assertProblem("en/overview.adoc", line + 1, "missing attribute: no-such-attribute");
  }

  @Test
  void failsOnXrefToMissingPageAndMissingAnchorListingBoth() throws IOException {
    int line =
        append(
            "ja/mic/3.2.3.adoc",
            "",
            "xref:../mhlw/9.9.adoc[存在しない節]",
            "",
            "xref:../mhlw/6.5.adoc#no-such-anchor[存在しないアンカー]");
    List<Problem> problems = failingBuild();
    assertProblem(
        problems, "ja/mic/3.2.3.adoc", line + 1, "broken link: no such page → ../mhlw/9.9.html");
    assertProblem(problems, "ja/mic/3.2.3.adoc", line + 3, "no anchor #no-such-anchor");
  }

  @Test
  void failsOnInternalCrossReferenceToMissingId() throws IOException {
    int line = append("en/mhlw/6.5.adoc", "", "See <<no-such-section>>.");
    assertProblem("en/mhlw/6.5.adoc", line + 1, "no anchor #no-such-section");
  }

  @Test
  void failsOnMissingRequiredAttribute() throws IOException {
    replace("en/overview.adoc", ":jbake-lang: en\n", "");
    assertProblem("en/overview.adoc", 3, "missing required attribute :jbake-lang:");
  }

  @Test
  void failsOnDuplicatePageId() throws IOException {
    Files.writeString(
        content.resolve("ja/mhlw-6.5.adoc"),
        "= 重複\n:jbake-id: mhlw-6.5\n:jbake-lang: ja\n\n本文\n",
        StandardCharsets.UTF_8);
    List<Problem> problems = failingBuild();
    assertProblem(problems, "ja/mhlw-6.5.adoc", 2, "duplicate page id 'mhlw-6.5'");
    assertProblem(problems, "ja/mhlw/6.5.adoc", 2, "duplicate page id 'mhlw-6.5'");
  }

  @Test
  void failsOnPageWithoutCounterpartNamingTheMissingFile() throws IOException {
    Files.delete(content.resolve("en/mhlw/6.4.adoc"));
    List<Problem> problems = failingBuild();
    assertProblem(
        problems,
        "ja/mhlw/6.4.adoc",
        2,
        "page 'mhlw-6.4' has no en counterpart (expected "
            + content.resolve("en/mhlw/6.4.adoc")
            + ")");
    assertProblem(
        problems,
        "data/inventory.csv",
        5,
        "inventory page 'mhlw-6.4' is missing in en (expected "
            + content.resolve("en/mhlw/6.4.adoc")
            + ")");
  }

  @Test
  void failsOnCrosswalkRowWithUnknownPageId() throws IOException {
    int line = append("data/crosswalk.csv", "technical,mhlw-6.9,mic-3.2.3,same,high,,");
    assertProblem("data/crosswalk.csv", line, "unknown page id 'mhlw-6.9'");
  }

  @Test
  void failsOnCrosswalkRowWithUnknownRelationOrSwappedColumns() throws IOException {
    int line = append("data/crosswalk.csv", "general,mic-3,mhlw-6,similar,high,,");
    List<Problem> problems = failingBuild();
    assertProblem(problems, "data/crosswalk.csv", line, "unknown relation 'similar'");
  }

  @Test
  void failsOnGlossaryTermNamingUnknownPage() throws IOException {
    int line =
        append(
            "data/glossary.csv",
            "tampering,改ざん,かいざん,tampering,改竄,改変です。,Alteration.,mhlw-6.5 mhlw-7.1,,");
    assertProblem("data/glossary.csv", line, "term 'tampering' names unknown page id 'mhlw-7.1'");
  }

  @Test
  void failsOnTitleThatDiffersFromTheInventory() throws IOException {
    replace("ja/mhlw/6.4.adoc", "= 物理的安全対策", "= 物理的安全管理策");
    assertProblem("ja/mhlw/6.4.adoc", 1, "title '物理的安全管理策' differs from the inventory's '物理的安全対策'");
  }

  @Test
  void failsOnPageOutsideTheInventory() throws IOException {
    for (String lang : new String[] {"ja", "en"}) {
      Files.writeString(
          content.resolve(lang + "/mhlw/6.6.adoc"),
          "= T\n:jbake-id: mhlw-6.6\n:jbake-lang: " + lang + "\n\nText.\n",
          StandardCharsets.UTF_8);
    }
    assertProblem("en/mhlw/6.6.adoc", 2, "page 'mhlw-6.6' is not in data/inventory.csv");
  }

  @Test
  void failsWhenTheLanguagesOfAPageHaveDifferentSections() throws IOException {
    append("en/mhlw/6.5.adoc", "", "[#extra]", "== Extra", "", "Only in English.");
    assertProblem("en/mhlw/6.5.adoc", 1, "has 4 headings but the ja page has 3");
  }

  @Test
  void failsOnRosterWithoutChair() throws IOException {
    replace("data/committee.csv", "chair", "member");
    assertProblem("data/committee.csv", 4, "exactly one chair");
  }

  @Test
  void failsOnFileThatIsNotUtf8() throws IOException {
    Path file = content.resolve("ja/overview.adoc");
    int before = Files.readAllLines(file, StandardCharsets.UTF_8).size();
    Files.write(file, new byte[] {'\n', 'x', (byte) 0xff, '\n'}, StandardOpenOption.APPEND);
    assertProblem("ja/overview.adoc", before + 2, "not valid UTF-8");
  }

  @Test
  void failsOnIdThatDoesNotMatchThePath() throws IOException {
    replace("en/mhlw/6.4.adoc", ":jbake-id: mhlw-6.4", ":jbake-id: mhlw-6.3");
    assertProblem(
        "en/mhlw/6.4.adoc",
        2,
        "page id 'mhlw-6.3' does not match the file path (expected 'mhlw-6.4')");
  }

  @Test
  void listsEveryProblemOfTheRunAtOnce() throws IOException {
    append("ja/mhlw/6.5.adoc", "", "----");
    Files.delete(content.resolve("en/mhlw/6.4.adoc"));
    append("en/overview.adoc", "", "{undefined-here}");
    replace("ja/overview.adoc", ":jbake-order: 10", ":jbake-order: ten");
    List<Problem> problems = failingBuild();
    assertThat(problems)
        .extracting(p -> content.relativize(p.file()).toString())
        .contains("ja/mhlw/6.5.adoc", "ja/mhlw/6.4.adoc", "en/overview.adoc", "ja/overview.adoc");
  }

  /** Appends lines to a content file; returns the line number of the first appended line. */
  @Test
  void failsOnDuplicateRequirementIdNamingBothPlaces() throws IOException {
    int first = lineOf("ja/mhlw/6.5.adoc", "[requirement,id=mhlw-6.5-C1,");
    int line =
        append(
            "ja/mhlw/6.5.adoc",
            "",
            "[requirement,id=mhlw-6.5-C1,level=C,edition=5.2,source=\"x\"]",
            "====",
            "二つ目",
            "====");
    List<Problem> problems = failingBuild();
    assertProblem(problems, "ja/mhlw/6.5.adoc", line + 1, "duplicate requirement id 'mhlw-6.5-C1'");
    assertProblem(problems, "ja/mhlw/6.5.adoc", first, "duplicate requirement id 'mhlw-6.5-C1'");
  }

  @Test
  void failsWhenAJapaneseRequirementIsMissingInEnglishAndOnUnknownLinkIdsInOneRun()
      throws IOException {
    replace(
        "en/mhlw/6.5.adoc",
        "[requirement,id=mhlw-6.5-D3,level=D,number=D-3,edition=5.2-draft,source=\"wic:1727/32\"]\n"
            + "====\nPut a firewall at external connection points.\n====\n",
        "");
    replace("en/mhlw/6.5.adoc", "number=C-1,", "number=C-2,");
    append("data/requirement-links.csv", "mhlw-6.5-C99,mic-3.2.3-mm-2.1-1-1,6.0,,");
    List<Problem> problems = failingBuild();
    int c13 = lineOf("en/mhlw/6.5.adoc", "[requirement,id=mhlw-6.5-C13,");
    assertProblem(problems, "en/mhlw/6.5.adoc", c13, "requirement 'mhlw-6.5-D3' of ");
    assertProblem(
        problems,
        "en/mhlw/6.5.adoc",
        lineOf("en/mhlw/6.5.adoc", "[requirement,id=mhlw-6.5-C1,"),
        "requirement 'mhlw-6.5-C1' differs from");
    int csvLines = Files.readAllLines(content.resolve("data/requirement-links.csv")).size();
    assertProblem(
        problems, "data/requirement-links.csv", csvLines, "unknown requirement id 'mhlw-6.5-C99'");
  }

  private int lineOf(String file, String start) throws IOException {
    List<String> lines = Files.readAllLines(content.resolve(file), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i + 1;
      }
    }
    throw new AssertionError(start + " not in " + file);
  }

  private int append(String file, String... lines) throws IOException {
    Path path = content.resolve(file);
    int before = Files.readAllLines(path, StandardCharsets.UTF_8).size();
    Files.writeString(
        path, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return before + 1;
  }

  private void replace(String file, String from, String to) throws IOException {
    Path path = content.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private List<Problem> failingBuild() {
    ContentProblemsException failure =
        catchThrowableOfType(ContentProblemsException.class, () -> TestSites.build(content, site));
    assertThat(failure).as("the build must fail").isNotNull();
    assertThat(TestSites.snapshot(site))
        .as("previous site left byte-for-byte unchanged")
        .isEqualTo(previousSnapshot);
    assertThat(work).isDirectoryNotContaining(p -> p.getFileName().toString().contains("staging"));
    return failure.problems();
  }

  private void assertProblem(String file, int line, String message) {
    assertProblem(failingBuild(), file, line, message);
  }

  private void assertProblem(List<Problem> problems, String file, int line, String message) {
    String expected = content.resolve(file) + ":" + line + ": ";
    assertThat(problems)
        .map(Problem::toString)
        .anySatisfy(p -> assertThat(p).startsWith(expected).contains(message));
  }
}
