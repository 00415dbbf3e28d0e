package dev.medguide.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.load.RequirementReader.PageRequirements;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.PageKind;
import dev.medguide.model.Problem;
import dev.medguide.model.Problems;
import dev.medguide.model.Requirement;
import dev.medguide.model.RequirementEdition;
import dev.medguide.model.RequirementLevel;
import dev.medguide.model.Requirements.Coverage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequirementReaderTest {
  static final Path FILE = Path.of("content/ja/mhlw/6.5.adoc");
  static final Page PAGE =
      new Page(
          "mhlw-6.5",
          Language.JA,
          PageKind.SECTION,
          Optional.of("mhlw"),
          Optional.of("6.5"),
          "技術的安全対策",
          "",
          "",
          0,
          FILE,
          "ja/mhlw/6.5.html");

  Problems problems = new Problems();

  PageRequirements read(String... lines) {
    return new RequirementReader(problems).read(new SourceFile(PAGE, FILE, List.of(lines), 2));
  }

  List<String> messages() {
    return problems.list().stream().map(Problem::toString).toList();
  }

  @Test
  void readsEveryAttributeAndTheBody() {
    PageRequirements page =
        read(
            "== 主な要求事項",
            "",
            "requirements-coverage::[partial]",
            "",
            "[requirement,id=mhlw-6.5-C14,level=C,number=\"C-14(1), (5)\",edition=5.2,v6=\"mgmt:15-2;ops:13-11,13\",v6-basis=draft,source=\"wic:8598/2 wic:1737/31\"]",
            "====",
            "パスワードの規則：",
            "",
            "* **不可逆**な形で保存する",
            "====");
    assertThat(messages()).isEmpty();
    assertThat(page.coverage()).contains(Coverage.PARTIAL);
    assertThat(page.coverageLine()).isEqualTo(3);
    Requirement r = page.requirements().get(0);
    assertThat(r.id()).isEqualTo("mhlw-6.5-C14");
    assertThat(r.level()).isEqualTo(RequirementLevel.C);
    assertThat(r.number()).contains("C-14(1), (5)");
    assertThat(r.edition()).isEqualTo(RequirementEdition.V5_2);
    assertThat(r.v6())
        .extracting(l -> l.label(Language.JA))
        .containsExactly("企画管理編 15②", "システム運用編 13⑪⑬");
    assertThat(r.basis()).contains(Requirement.V6Basis.DRAFT);
    assertThat(r.sources()).containsExactly("wic:8598/2", "wic:1737/31");
    assertThat(r.line()).isEqualTo(5);
    assertThat(r.text()).isEqualTo("パスワードの規則：不可逆な形で保存する");
  }

  @Test
  void reportsEveryBadAttributeAtItsLineInOneRun() {
    read(
        "requirements-coverage::[partial]",
        "[requirement,id=mhlw-6.4-C1,level=C,edition=5.2,source=x]",
        "====",
        "wrong page prefix",
        "====",
        "[requirement,id=mhlw-6.5-C2,level=measure,edition=5.2,source=x]",
        "====",
        "a MIC level on an MHLW page",
        "====",
        "[requirement,id=mhlw-6.5-C3,level=C,edition=5.3,v6=\"mgmt:x\",source=x]",
        "====",
        "unknown edition, malformed place, no basis",
        "====",
        "[requirement,id=mhlw-6.5 C4,level=C,edition=5.2,colour=red]",
        "====",
        "====",
        "[requirement,id=mhlw-6.5-C5,level=C,edition=5.2,source=x]",
        "never closed");
    assertThat(messages())
        .anySatisfy(
            m -> assertThat(m).startsWith(FILE + ":2: ").contains("must start with its page id"))
        .anySatisfy(m -> assertThat(m).startsWith(FILE + ":6: ").contains("level 'measure'"))
        .anySatisfy(m -> assertThat(m).startsWith(FILE + ":10: ").contains("unknown edition '5.3'"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(FILE + ":10: ")
                    .contains("malformed 第6.0版 location 'mgmt:x'"))
        .anySatisfy(m -> assertThat(m).startsWith(FILE + ":10: ").contains("v6 needs v6-basis"))
        .anySatisfy(m -> assertThat(m).startsWith(FILE + ":14: ").contains("may hold only letters"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(FILE + ":14: ")
                    .contains("unknown requirement attribute 'colour'"))
        .anySatisfy(
            m -> assertThat(m).startsWith(FILE + ":14: ").contains("lacks the attribute source"))
        .anySatisfy(m -> assertThat(m).startsWith(FILE + ":14: ").contains("empty body"))
        .anySatisfy(
            m -> assertThat(m).startsWith(FILE + ":17: ").contains("followed by a ==== line"));
  }

  @Test
  void aPageWithRequirementsNeedsOneCoverageLineBeforeThem() {
    read(
        "[requirement,id=mhlw-6.5-C1,level=C,edition=5.2,source=x]",
        "====",
        "body",
        "====",
        "requirements-coverage::[some]");
    assertThat(messages())
        .anySatisfy(
            m -> assertThat(m).startsWith(FILE + ":5: ").contains("[partial] or [complete]"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(FILE + ":5: ")
                    .contains("must come before the page's first requirement (line 1)"));
    problems = new Problems();
    read("[requirement,id=mhlw-6.5-C1,level=C,edition=5.2,source=x]", "====", "body", "====");
    assertThat(messages())
        .singleElement()
        .satisfies(
            m -> assertThat(m).startsWith(FILE + ":1: ").contains("no requirements-coverage"));
  }

  @Test
  void blocksInsideListingsAreExamplesNotRequirements() {
    PageRequirements page =
        read(
            "----",
            "[requirement,id=mhlw-6.5-C1,level=C,edition=5.2,source=x]",
            "====",
            "shown as code",
            "====",
            "----");
    assertThat(messages()).isEmpty();
    assertThat(page.requirements()).isEmpty();
  }
}
