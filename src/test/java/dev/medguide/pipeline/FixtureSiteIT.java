package dev.medguide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medguide.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the mini fixture site once and checks the layout of the parsed output pages. */
class FixtureSiteIT {
  @TempDir static Path work;
  static Path site;

  @BeforeAll
  static void buildFixture() {
    Path content = TestSites.copyFixture("mini", work.resolve("content"));
    site = work.resolve("site");
    BuildResult result = TestSites.build(content, site);
    assertThat(result.pages()).isEqualTo(24);
  }

  static Document page(String url) {
    return TestSites.parse(site.resolve(url));
  }

  @Test
  void rendersJapaneseTitleInHeadAndHeading() {
    Document doc = page("ja/mhlw/6.5.html");
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("ja");
    assertThat(doc.title()).startsWith("6.5 技術的安全対策 | ");
    assertThat(doc.selectFirst("h1").text()).isEqualTo("6.5 技術的安全対策");
    assertThat(doc.selectFirst("meta[name=description]").attr("content")).isEqualTo("技術的な対策の節です。");
    // Guideline pages say which edition they describe and that later ones exist.
    assertThat(doc.selectFirst(".page-header .edition-notice").text()).contains("第5版", "第6.0版");
    assertThat(page("en/mic/3.2.3.html").selectFirst(".edition-notice").text())
        .contains("1st edition", "edition 1.1");
    assertThat(page("ja/overview.html").selectFirst(".edition-notice")).isNull();
    // Link previews (intranet chat tools) read the Open Graph tags.
    assertThat(doc.selectFirst("meta[property=og:title]").attr("content"))
        .startsWith("6.5 技術的安全対策 | ");
    assertThat(doc.selectFirst("meta[property=og:description]").attr("content"))
        .isEqualTo("技術的な対策の節です。");
    assertThat(doc.selectFirst("meta[property=og:locale]").attr("content")).isEqualTo("ja_JP");
    assertThat(page("en/mhlw/6.5.html").selectFirst("meta[property=og:locale]").attr("content"))
        .isEqualTo("en_US");
  }

  @Test
  void languageSwitchLeadsToTheSamePageInTheOtherLanguage() throws Exception {
    List<Path> pages;
    try (Stream<Path> walk = Files.walk(site.resolve("ja"))) {
      pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertThat(pages).hasSize(18); // 12 pages, 2 compare views, 404, search, 2 checklists
    for (Path ja : pages) {
      String relative = site.resolve("ja").relativize(ja).toString();
      Document doc = TestSites.parse(ja);
      Element toEnglish = doc.selectFirst(".lang-switch a[hreflang=en]");
      assertThat(toEnglish).as(relative).isNotNull();
      Path target = ja.getParent().resolve(toEnglish.attr("href")).normalize();
      assertThat(target).isEqualTo(site.resolve("en").resolve(relative));
      Document en = TestSites.parse(target);
      Path back =
          target
              .getParent()
              .resolve(en.selectFirst(".lang-switch a[hreflang=ja]").attr("href"))
              .normalize();
      assertThat(back).isEqualTo(ja);
      Element alternate = doc.selectFirst("head link[rel=alternate][hreflang=en]");
      assertThat(ja.getParent().resolve(alternate.attr("href")).normalize()).isEqualTo(target);
    }
  }

  @Test
  void navigationTreeShowsTheGuidelineInOrderWithTheCurrentPageMarked() {
    Document doc = page("ja/mhlw/6.5.html");
    Element nav = doc.selectFirst(".site-nav nav");
    assertThat(nav.selectFirst(".nav-root a").text()).isEqualTo("医療情報システムの安全管理に関するガイドライン");
    assertThat(nav.select("li > a").eachText())
        .containsExactly("第6章 情報システムの基本的な安全管理", "6.4 物理的安全対策", "6.5 技術的安全対策");
    assertThat(nav.select("[aria-current=page]").eachText()).containsExactly("6.5 技術的安全対策");
    assertThat(nav.select("a").eachAttr("href")).doesNotContain("../mic/index.html");
  }

  @Test
  void navigationTreeOfTheContentsPageShowsTheWholeGuideline() {
    Document toc = page("ja/mhlw/index.html");
    assertThat(toc.select(".site-nav nav li > a").eachText())
        .containsExactly("第6章 情報システムの基本的な安全管理", "6.4 物理的安全対策", "6.5 技術的安全対策");
  }

  @Test
  void homeNavigationListsGuidelinesAndTopLevelPages() {
    Document doc = page("en/index.html");
    assertThat(doc.select(".site-nav li > a").eachText())
        .containsExactly(
            "Guidelines for the Security Management of Medical Information Systems",
            "Guidelines for Cloud Service Providers",
            "Overview",
            "Correspondence Matrix",
            "Committee Roster",
            "Glossary");
    assertThat(doc.select(".site-nav .nav-root [aria-current=page]")).hasSize(1);
  }

  @Test
  void breadcrumbsLeadFromHomeThroughGuidelineAndChapter() {
    Document doc = page("ja/mhlw/6.5.html");
    assertThat(doc.select(".breadcrumbs li").eachText())
        .containsExactly(
            "テスト用ホーム", "医療情報システムの安全管理に関するガイドライン", "第6章 情報システムの基本的な安全管理", "6.5 技術的安全対策");
    assertThat(doc.select(".breadcrumbs a").eachAttr("href"))
        .containsExactly("../index.html", "index.html", "6.html");
  }

  @Test
  void previousAndNextFollowTheGuidelineReadingOrder() {
    Document doc = page("en/mhlw/6.4.html");
    assertThat(doc.selectFirst(".pager a[rel=prev]").attr("href")).isEqualTo("6.html");
    assertThat(doc.selectFirst(".pager a[rel=next]").attr("href")).isEqualTo("6.5.html");
    assertThat(page("en/mhlw/6.5.html").selectFirst(".pager a[rel=next]")).isNull();
    assertThat(page("en/mic/3.2.3.html").selectFirst(".pager a[rel=prev]").attr("href"))
        .isEqualTo("3.html");
  }

  @Test
  void headingsGetStableAnchorsAndAnOnPageTableOfContents() {
    Document doc = page("ja/mhlw/6.5.html");
    Element body = doc.getElementById("page-body");
    assertThat(body.select("h2").eachAttr("id"))
        .containsExactly("purpose", "requirements", "related");
    Element h3 = body.selectFirst("h3");
    assertThat(h3.id()).isNotEmpty();
    assertThat(h3.selectFirst("a.heading-anchor").attr("href")).isEqualTo("#" + h3.id());
    assertThat(doc.select("#page-toc a").eachAttr("href"))
        .containsExactly("#purpose", "#requirements", "#" + h3.id(), "#related");
    assertThat(page("en/mhlw/6.5.html").getElementById("page-body").select("h2").eachAttr("id"))
        .containsExactly("purpose", "requirements", "related");
  }

  @Test
  void admonitionAndTableCaptionsAreInThePageLanguage() {
    Document ja = page("ja/mhlw/6.5.html");
    assertThat(ja.selectFirst(".admonitionblock.note .title").text()).isEqualTo("注記");
    assertThat(ja.selectFirst("table.tableblock caption").text())
        .startsWith("表 1.")
        .contains("要求事項の一覧");
    Document en = page("en/mhlw/6.5.html");
    assertThat(en.selectFirst(".admonitionblock.note .title").text()).isEqualTo("Note");
    assertThat(en.selectFirst("table.tableblock caption").text()).startsWith("Table 1.");
  }

  @Test
  void footerNamesTheSourceGuidelineEditionAndSection() {
    assertThat(page("ja/mhlw/6.5.html").selectFirst(".site-footer .source").text())
        .isEqualTo("出典: 厚生労働省「医療情報システムの安全管理に関するガイドライン」第5版 6.5 技術的安全対策");
    assertThat(page("ja/mhlw/6.5.html").selectFirst(".site-footer .source-note").text())
        .contains("第5.2版");
    assertThat(page("en/mic/3.2.3.html").selectFirst(".site-footer .source").text())
        .contains(
            "Ministry of Internal Affairs and Communications (MIC)",
            "1st edition",
            "3.2.3 Technical Security Management Measures");
    assertThat(page("en/overview.html").selectFirst(".site-footer .source")).isNull();
  }

  @Test
  void englishPagesShowTheJapaneseTitle() {
    Element original = page("en/mhlw/6.5.html").selectFirst(".original-title span[lang=ja]");
    assertThat(original.text()).isEqualTo("6.5 技術的安全対策");
  }

  @Test
  void chapterPagesListTheirSections() {
    assertThat(page("ja/mhlw/6.html").select(".children li > a").eachAttr("href"))
        .containsExactly("6.4.html", "6.5.html");
  }

  @Test
  void xrefsBetweenGuidelinesBecomeRelativeLinks() {
    assertThat(page("ja/mhlw/6.5.html").select("#page-body a").eachAttr("href"))
        .contains("../mic/3.2.3.html#requirements");
  }

  @Test
  void rootPageSendsReadersToJapaneseAndOffersEnglish() {
    Document root = page("index.html");
    assertThat(root.selectFirst("meta[http-equiv=refresh]").attr("content"))
        .isEqualTo("0; url=ja/index.html");
    assertThat(root.select("main a").eachAttr("href"))
        .containsExactly("ja/index.html", "en/index.html");
  }

  @Test
  void everyPageHasLandmarksSkipLinkAndNoResourceFromAnotherHost() throws Exception {
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document doc = TestSites.parse(file);
        assertThat(doc.selectFirst("html").attr("lang")).as(file.toString()).isIn("ja", "en");
        assertThat(doc.select("script[src], link[href], img[src]").eachAttr("abs:src"))
            .noneMatch(u -> u.startsWith("http"));
        for (Element e : doc.select("script[src], link[href], img[src]")) {
          String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
          assertThat(url)
              .as(file + " " + e)
              .doesNotStartWith("http:")
              .doesNotStartWith("https:")
              .doesNotStartWith("/");
        }
        // Links may leave the site (marked as external), but never root-relative.
        assertThat(doc.select("a[href]").eachAttr("href"))
            .as(file.toString())
            .noneMatch(u -> u.startsWith("/"));
        if (!file.equals(site.resolve("index.html"))) {
          assertThat(doc.select("a.skip-link[href=#main]")).as(file.toString()).hasSize(1);
          assertThat(doc.select("header.site-header, main#main, footer.site-footer"))
              .as(file.toString())
              .hasSize(3);
        }
      }
    }
    assertThat(site.resolve("assets/medguide.css")).isRegularFile();
  }

  @Test
  void relatedSectionsOfTheOtherGuidelineComeFromTheCrosswalk() {
    Element ja = page("ja/mhlw/6.5.html").selectFirst("#page-body section.related");
    assertThat(ja.selectFirst("h2").id()).isEqualTo("related");
    assertThat(ja.select("a[href]").eachAttr("href")).contains("../mic/3.2.3.html");
    assertThat(ja.selectFirst("li.relation-same").text())
        .contains("3.2.3 技術的安全管理策", "同じ主題", "確度：高");
    Element en = page("en/mic/3.2.3.html").selectFirst("section.related");
    assertThat(en.select("li a").eachAttr("href"))
        .containsExactly("../mhlw/6.5.html", "../compare/mhlw-6.5--mic-3.2.3.html");
    assertThat(en.text()).contains("Same topic", "Confidence: high", "Titles and order match.");
    Element none = page("en/mhlw/6.4.html").selectFirst("section.related li.relation-none");
    assertThat(none.text()).contains("The MIC guideline shows no section", "No counterpart");
    assertThat(page("ja/mhlw/6.5.html").select("#page-toc a").eachAttr("href"))
        .contains("#related");
    assertThat(page("en/overview.html").selectFirst("section.related")).isNull();
  }

  @Test
  void committeeTableIsGeneratedFromTheRosterWithTheChairMarked() {
    Element ja = page("ja/committee.html").selectFirst("#page-body table.committee");
    assertThat(ja.select("tbody tr")).hasSize(3);
    assertThat(ja.select("tr.chair th").eachText()).containsExactly("山本 隆一");
    assertThat(ja.selectFirst("tr.chair").text()).contains("主査", "医療情報システム開発センター");
    Element en = page("en/committee.html").selectFirst("table.committee");
    assertThat(en.selectFirst("tr.chair th").text()).isEqualTo("Yamamoto Ryūichi† 山本 隆一");
    assertThat(en.select("tbody tr").get(2).selectFirst("th").text())
        .isEqualTo("Yano Kazuhiro 矢野 一博");
    assertThat(page("en/committee.html").selectFirst(".table-note").text()).contains("provisional");
  }

  @Test
  void glossaryHasOneAnchorPerTermInEveryLanguageWithLinksToThePagesThatUseIt() {
    Document ja = page("ja/glossary.html");
    assertThat(ja.select("dl.glossary dt").eachAttr("id"))
        .containsExactly("access-log", "authenticity", "spoofing");
    Element spoofing = ja.getElementById("spoofing");
    assertThat(spoofing.text()).contains("なりすまし", "spoofing");
    Element definition = spoofing.nextElementSibling();
    assertThat(definition.text()).contains("正規の利用者を装う", "成りすまし");
    assertThat(definition.select(".term-pages a").eachAttr("href"))
        .containsExactly("mhlw/6.5.html", "mic/3.2.3.html");
    Document en = page("en/glossary.html");
    assertThat(en.select("dl.glossary dt").eachAttr("id"))
        .containsExactly("access-log", "authenticity", "spoofing");
    assertThat(en.getElementById("access-log").nextElementSibling().select(".term-note").text())
        .isEqualTo("General description.");
  }

  @Test
  void matrixGroupsRowsByCategoryAndLinksBothSidesAndTheCompareView() {
    Element matrix = page("en/crosswalk.html").selectFirst("#page-body table.crosswalk-matrix");
    assertThat(matrix.select("tbody").eachAttr("id"))
        .containsExactly("category-general", "category-physical", "category-technical");
    Element technical = matrix.getElementById("category-technical");
    assertThat(technical.select("a").eachAttr("href"))
        .containsExactly("mhlw/6.5.html", "compare/mhlw-6.5--mic-3.2.3.html", "mic/3.2.3.html");
    assertThat(matrix.selectFirst("#category-physical tr.relation-none").text())
        .contains("6.4 Physical Security Measures", "No counterpart");
    assertThat(matrix.select("td[data-label]")).hasSize(9);
  }

  @Test
  void compareViewShowsBothSectionsSideBySideWithPrefixedIdsAndWorkingLinks() {
    Document doc = page("ja/compare/mhlw-6.5--mic-3.2.3.html");
    assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("ja");
    assertThat(doc.selectFirst("h1").text()).contains("6.5 技術的安全対策 ↔ 3.2.3 技術的安全管理策");
    assertThat(doc.select(".compare-column h2 a").eachAttr("href"))
        .containsExactly("../mhlw/6.5.html", "../mic/3.2.3.html");
    assertThat(doc.select(".compare-mhlw .compare-body h2").eachAttr("id"))
        .contains("mhlw-purpose", "mhlw-requirements");
    assertThat(doc.select(".compare-mic .compare-body h2").eachAttr("id"))
        .contains("mic-requirements");
    assertThat(doc.select(".compare-body section.related")).isEmpty();
    assertThat(doc.select(".compare-mhlw .compare-body a").eachAttr("href"))
        .contains("../mic/3.2.3.html#requirements");
    assertThat(doc.select(".compare-mic .compare-body a").eachAttr("href"))
        .contains("../mhlw/6.5.html");
    Element toEnglish = doc.selectFirst(".lang-switch a[hreflang=en]");
    assertThat(toEnglish.attr("href")).isEqualTo("../../en/compare/mhlw-6.5--mic-3.2.3.html");
    assertThat(doc.select(".breadcrumbs a").eachAttr("href"))
        .containsExactly("../index.html", "../crosswalk.html");
    assertThat(page("ja/mhlw/6.5.html").select("section.related a.compare-link").eachAttr("href"))
        .containsExactly("../compare/mhlw-6.5--mic-3.2.3.html");
  }

  @Test
  void firstUseOfEachGlossaryTermLinksToItsEntryButNeverInsideAWord() {
    Element ja = page("ja/overview.html").getElementById("page-body");
    assertThat(ja.select("a.glossary-term").eachText()).containsExactly("なりすまし", "真正性");
    assertThat(ja.select("a.glossary-term").eachAttr("href"))
        .containsExactly("glossary.html#spoofing", "glossary.html#authenticity");
    Element en = page("en/overview.html").getElementById("page-body");
    assertThat(en.select("a.glossary-term").eachText()).containsExactly("authenticity", "Spoofing");
    assertThat(page("ja/glossary.html").select("a.glossary-term")).isEmpty();
    assertThat(page("ja/mhlw/6.5.html").select("h1 a, h2 a.glossary-term, h3 a.glossary-term"))
        .isEmpty();
  }

  @Test
  void manifestListsEveryPageWithItsCrosswalkPartners() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(site.resolve("manifest.json").toFile());
    assertThat(manifest.get("languages")).extracting(JsonNode::asText).containsExactly("ja", "en");
    List<JsonNode> pages = new ArrayList<>();
    manifest.get("pages").forEach(pages::add);
    assertThat(pages).hasSize(24);
    for (JsonNode page : pages) {
      assertThat(site.resolve(page.get("url").asText())).isRegularFile();
    }
    JsonNode section =
        pages.stream()
            .filter(
                p -> p.get("id").asText().equals("mhlw-6.5") && p.get("lang").asText().equals("ja"))
            .findFirst()
            .orElseThrow();
    assertThat(section.get("title").asText()).isEqualTo("技術的安全対策");
    assertThat(section.get("parent").asText()).isEqualTo("mhlw-6");
    assertThat(section.get("alternates").get("en").asText()).isEqualTo("en/mhlw/6.5.html");
    JsonNode partner = section.get("crosswalk").get(0);
    assertThat(partner.get("id").asText()).isEqualTo("mic-3.2.3");
    assertThat(partner.get("relation").asText()).isEqualTo("same");
    assertThat(site.resolve(partner.get("compare").asText())).isRegularFile();
  }

  @Test
  void sitemapListsEveryPageWithHreflangAlternates() throws Exception {
    Document sitemap =
        Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", Parser.xmlParser());
    assertThat(sitemap.select("url > loc").eachText())
        .hasSize(24)
        .contains("ja/mhlw/6.5.html", "en/glossary.html");
    Element url =
        sitemap.select("url").stream()
            .filter(u -> u.selectFirst("loc").text().equals("en/mhlw/6.5.html"))
            .findFirst()
            .orElseThrow();
    assertThat(url.select("xhtml|link").eachAttr("hreflang")).containsExactly("ja", "en");
    assertThat(url.select("xhtml|link").eachAttr("href"))
        .containsExactly("ja/mhlw/6.5.html", "en/mhlw/6.5.html");
  }

  @Test
  void eachLanguageHasANotFoundPageLeadingBackToTheSite() {
    Document ja = page("ja/404.html");
    assertThat(ja.selectFirst("h1").text()).isEqualTo("ページが見つかりません");
    assertThat(ja.select("main a").eachAttr("href"))
        .contains("index.html", "mhlw/index.html", "glossary.html");
    assertThat(page("en/404.html").selectFirst("html").attr("lang")).isEqualTo("en");
  }

  @Test
  void externalLinksAreMarkedAsLeavingTheSite() {
    Element link = page("en/index.html").selectFirst("#page-body a[href^=https:]");
    assertThat(link.attr("href")).isEqualTo("https://www.mhlw.go.jp/");
    assertThat(link.attr("rel")).isEqualTo("noopener noreferrer");
    assertThat(link.hasClass("external")).isTrue();
  }
}
