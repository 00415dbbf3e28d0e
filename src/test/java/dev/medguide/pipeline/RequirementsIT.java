package dev.medguide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medguide.model.Language;
import dev.medguide.search.SearchHit;
import dev.medguide.search.SiteSearcher;
import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture's requirements through every stage: the block on its page (anchor, level, edition,
 * 第6.0版 place, the linked provider item both ways, the coverage note), the checklist page and its
 * workbook, and a search result of its own in the Lucene and the static search.
 */
class RequirementsIT {
  @TempDir static Path work;
  static Path site;

  @BeforeAll
  static void build() {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    site = work.resolve("site");
    TestSites.build(content, site);
  }

  @Test
  void requirementIsAnAnchorShowingLevelEditionAndPlaceInSixPointZero() {
    Document doc = TestSites.parse(site.resolve("ja/mhlw/6.5.html"));
    Element item = doc.getElementById("mhlw-6.5-C13");
    assertThat(item).isNotNull();
    assertThat(item.hasClass("requirement")).isTrue();
    assertThat(item.selectFirst(".req-level").text()).isEqualTo("C 最低限");
    assertThat(item.selectFirst(".req-number").text()).isEqualTo("C-13");
    assertThat(item.selectFirst(".req-edition").text()).isEqualTo("第5.2版で確認");
    assertThat(item.select(".req-v6").eachText()).containsExactly("企画管理編 15②", "システム運用編 14⑤");
    assertThat(item.selectFirst(".req-basis").text()).contains("暫定");
    assertThat(item.selectFirst("a.req-anchor").attr("href")).isEqualTo("#mhlw-6.5-C13");
    assertThat(item.selectFirst(".requirement-body strong").text()).isEqualTo("二要素認証");
    Element inferred = doc.getElementById("mhlw-6.5-C1");
    assertThat(inferred.selectFirst(".req-basis").text()).isEqualTo("（文言からの推定）");
    Element none = doc.getElementById("mhlw-6.5-D3");
    assertThat(none.selectFirst(".req-level").text()).isEqualTo("D 推奨");
    assertThat(none.selectFirst(".req-edition").text()).isEqualTo("第5.2版の案で確認");
    assertThat(none.selectFirst(".req-v6-none")).isNotNull();
    assertThat(doc.selectFirst(".requirements-coverage").text())
        .contains("3 件", "完全ではありません", "C 最低限: 2", "D 推奨: 1");
    Document en = TestSites.parse(site.resolve("en/mhlw/6.5.html"));
    assertThat(en.getElementById("mhlw-6.5-C13").selectFirst(".req-edition").text())
        .isEqualTo("Checked in the 5.2 edition");
  }

  @Test
  void linkedItemsPointToEachOthersAnchors() {
    Document mhlw = TestSites.parse(site.resolve("ja/mhlw/6.5.html"));
    Element link = mhlw.getElementById("mhlw-6.5-C13").selectFirst(".req-counterparts a");
    assertThat(link.attr("href")).isEqualTo("../mic/3.2.3.html#mic-3.2.3-mm-2.1-1-1");
    assertThat(link.text()).isEqualTo("3.2.3 2.1 ①-1");
    Document mic = TestSites.parse(site.resolve("ja/mic/3.2.3.html"));
    Element back = mic.getElementById("mic-3.2.3-mm-2.1-1-1");
    assertThat(back).isNotNull();
    assertThat(back.selectFirst(".req-counterparts a").attr("href"))
        .isEqualTo("../mhlw/6.5.html#mhlw-6.5-C13");
    assertThat(mhlw.getElementById("mhlw-6.5-C1").selectFirst(".req-counterparts")).isNull();
    // The compare view of the two pages pairs the items, each link to its column's copy.
    Document compare = TestSites.parse(site.resolve("ja/compare/mhlw-6.5--mic-3.2.3.html"));
    List<String> hrefs = compare.select(".compare-pairs td a").eachAttr("href");
    assertThat(hrefs).containsExactly("#mhlw-mhlw-6.5-C13", "#mic-mic-3.2.3-mm-2.1-1-1");
    for (String href : hrefs) {
      assertThat(compare.getElementById(href.substring(1))).as(href).isNotNull();
    }
  }

  @Test
  void checklistListsEveryRequirementAndItsWorkbookTheSameRows() throws IOException {
    Document doc = TestSites.parse(site.resolve("ja/checklist/mhlw.html"));
    assertThat(doc.select("tr.checklist-item").eachAttr("data-id"))
        .containsExactly("mhlw-6.5-C1", "mhlw-6.5-C13", "mhlw-6.5-D3");
    assertThat(doc.select("tr.checklist-item select[name=status] option").eachAttr("value"))
        .contains("", "done", "notyet", "na");
    assertThat(doc.select("#filter-section option").eachAttr("value"))
        .containsExactly("", "mhlw-6.5");
    assertThat(doc.select(".checklist-others a").eachAttr("href")).containsExactly("mic.html");
    assertThat(
            TestSites.parse(site.resolve("en/checklist/mic.html"))
                .select("tr.checklist-item")
                .eachAttr("data-id"))
        .containsExactly("mic-3.2.3-mm-2.1-1-1");
    try (InputStream in = Files.newInputStream(site.resolve("ja/checklist/mhlw.xlsx"));
        ReadableWorkbook workbook = new ReadableWorkbook(in)) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(0)).isEqualTo("ID");
      assertThat(rows.get(0).getCellText(5)).isEqualTo("状況");
      assertThat(rows.subList(1, rows.size()))
          .extracting(r -> r.getCellText(0))
          .containsExactly("mhlw-6.5-C1", "mhlw-6.5-C13", "mhlw-6.5-D3");
      assertThat(rows.get(2).getCellText(4))
          .isEqualTo("新たに導入するシステムでは二要素認証を採用すること。生体認証とパスワードの組み合わせなど");
    }
  }

  @Test
  void aRequirementIsASearchResultLinkingToItsAnchorInBothSearches() throws IOException {
    try (SiteSearcher searcher = new SiteSearcher(site, List.of())) {
      for (String query : List.of("二要素認証", "mhlw-6.5-C13", "6.5 C13")) {
        List<SearchHit> hits = searcher.search(query, EnumSet.of(Language.JA), 5);
        assertThat(hits).as(query).isNotEmpty();
        assertThat(hits.get(0).url()).as(query).isEqualTo("ja/mhlw/6.5.html#mhlw-6.5-C13");
        assertThat(hits.get(0).title()).as(query).startsWith("6.5 C-13 新たに導入するシステム");
      }
    }
    Path queries = work.resolve("queries.tsv");
    Files.writeString(
        queries,
        "query\tlang\trelevant\tkind\tgloss\n"
            + "二要素認証\tja\tmhlw-6.5-C13\trequirement\tx\n"
            + "mhlw-6.5-C13\tja\tmhlw-6.5-C13\trequirement\tx\n"
            + "two-factor\ten\tmhlw-6.5-C13\trequirement\tx\n",
        StandardCharsets.UTF_8);
    TestSites.ProcessResult result =
        TestSites.run(
            Map.of(), "node", "src/test/js/evaluate.cjs", site.toString(), queries.toString());
    assertThat(result.code()).as(result.err()).isZero();
    List<List<String>> ids = new ObjectMapper().readValue(result.out(), new TypeReference<>() {});
    assertThat(ids).allSatisfy(hits -> assertThat(hits).first().isEqualTo("mhlw-6.5-C13"));
  }
}
