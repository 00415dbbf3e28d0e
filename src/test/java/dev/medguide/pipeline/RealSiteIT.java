package dev.medguide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.internal.Urls;
import dev.medguide.model.Language;
import dev.medguide.search.SiteSearcher;
import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the project's real content: complete, reproducible, self-contained. */
class RealSiteIT {
  @TempDir static Path work;
  static Path first;
  static Path second;

  @BeforeAll
  static void buildTwice() {
    Path content = TestSites.projectDir().resolve("content");
    first = work.resolve("first");
    second = work.resolve("second");
    TestSites.build(content, first);
    TestSites.build(content, second);
  }

  @Test
  void writesTheHomeGuidelineAndSectionPagesInBothLanguages() {
    for (String url :
        new String[] {
          "index.html",
          "ja/index.html",
          "en/index.html",
          "ja/mhlw/index.html",
          "en/mic/index.html",
          "ja/mhlw/6.5.html",
          "en/mhlw/6.5.html",
          "ja/mic/3.2.3.html",
          "en/mic/3.2.3.html"
        }) {
      assertThat(first.resolve(url)).isRegularFile().isNotEmptyFile();
    }
  }

  @Test
  void navigationOpensTheCurrentBranchOnlyExceptOnTheTableOfContents() throws IOException {
    Document section = Jsoup.parse(first.resolve("ja/mhlw/6.5.html").toFile(), "UTF-8");
    List<String> links = section.select(".site-nav nav a").eachAttr("href");
    assertThat(links).contains("8.html", "6.4.html", "6.5.html").doesNotContain("8.1.html");
    Document contents = Jsoup.parse(first.resolve("ja/mhlw/index.html").toFile(), "UTF-8");
    assertThat(contents.select(".site-nav nav a").eachAttr("href"))
        .contains("6.5.html", "8.1.html", "8.1.1.html", "8.4.2.html");
  }

  @Test
  void twoBuildsOfTheSameContentAreByteIdentical() {
    assertThat(TestSites.snapshot(second)).isEqualTo(TestSites.snapshot(first)).isNotEmpty();
  }

  /**
   * Every guideline page says which edition it describes and when its source last changed: the date
   * of the last commit of that file (asked of git here), or its file time if it has changes not
   * committed; one content version on every page.
   */
  @Test
  void guidelinePagesShowTheirEditionNoticeAndTheDateTheirSourceLastChanged() throws IOException {
    Path project = TestSites.projectDir();
    Set<String> versions = new HashSet<>();
    int pages = 0;
    for (String lang : List.of("ja", "en")) {
      for (String guideline : List.of("mhlw", "mic")) {
        try (Stream<Path> files = Files.list(first.resolve(lang).resolve(guideline))) {
          for (Path html : files.filter(f -> f.toString().endsWith(".html")).toList()) {
            String name = html.getFileName().toString().replace(".html", ".adoc");
            Path source = project.resolve("content").resolve(lang).resolve(guideline).resolve(name);
            Document page = Jsoup.parse(html.toFile(), "UTF-8");
            assertThat(page.select(".edition-notice").text()).as(html.toString()).isNotBlank();
            Element time = page.selectFirst(".page-meta time[datetime]");
            assertThat(time).as(html.toString()).isNotNull();
            assertThat(time.attr("datetime")).as(html.toString()).isEqualTo(lastChanged(source));
            versions.add(page.select(".page-meta code").text());
            pages++;
          }
        }
      }
    }
    assertThat(pages).isGreaterThan(100);
    assertThat(versions).hasSize(1);
    assertThat(versions.iterator().next()).matches("[0-9a-f]{12}(-dirty)?");
  }

  /**
   * No text of a source is silently left out of its page: every run of ten or more Japanese
   * characters (ja) or six or more words (en) on a text line of an .adoc file occurs in the text of
   * the page built from it. Markup breaks runs, so they are plain text in both.
   */
  @Test
  void everyTextOfTheSourceIsOnItsPage() throws IOException {
    Path contentDir = TestSites.projectDir().resolve("content");
    java.util.regex.Pattern ja =
        java.util.regex.Pattern.compile("[\\p{IsHan}\\p{InHiragana}\\p{InKatakana}ー々、]{10,}");
    java.util.regex.Pattern en = java.util.regex.Pattern.compile("[A-Za-z]+(?: [A-Za-z]+){5,}");
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String lang : List.of("ja", "en")) {
      List<Path> sources;
      try (Stream<Path> walk = Files.walk(contentDir.resolve(lang))) {
        sources = walk.filter(f -> f.toString().endsWith(".adoc")).sorted().toList();
      }
      for (Path source : sources) {
        String relative = contentDir.resolve(lang).relativize(source).toString();
        Path html = first.resolve(lang).resolve(relative.replace(".adoc", ".html"));
        String text = Jsoup.parse(html.toFile(), "UTF-8").body().text().replaceAll("\\s+", " ");
        boolean comment = false;
        for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
          if (line.startsWith("////")) {
            comment = !comment;
          }
          if (comment || line.startsWith("//") || line.startsWith(":") || line.startsWith("[")) {
            continue;
          }
          // A macro shows its text: xref:6.5.adoc[6.5 …] is "6.5 …" on the page.
          String plain =
              line.replaceAll("\\b[a-z]+:[^\\s\\[]*\\[([^\\]]*)\\]", "$1")
                  .replaceAll("https?://\\S+", " ");
          java.util.regex.Matcher run = (lang.equals("ja") ? ja : en).matcher(plain);
          while (run.find()) {
            checked++;
            if (!text.contains(run.group())) {
              missing.add(source + ": " + run.group());
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
    assertThat(missing).isEmpty();
  }

  /** git's date of a file's last commit if it is committed unchanged, else its file time. */
  private static String lastChanged(Path source) throws IOException {
    Path dir = source.getParent();
    TestSites.ProcessResult status =
        TestSites.run(
            Map.of(),
            "git",
            "-C",
            dir.toString(),
            "status",
            "--porcelain",
            "--",
            source.toString());
    TestSites.ProcessResult log =
        TestSites.run(
            Map.of(),
            "git",
            "-C",
            dir.toString(),
            "log",
            "-1",
            "--format=%cs",
            "--",
            source.toString());
    if (status.code() == 0 && status.out().isBlank() && log.code() == 0 && !log.out().isBlank()) {
      return log.out().strip();
    }
    return java.time.LocalDate.ofInstant(
            Files.getLastModifiedTime(source).toInstant(), java.time.ZoneOffset.UTC)
        .toString();
  }

  @Test
  void everyPageLinksToItsCounterpartAndNothingLoadsFromAnotherHost() throws Exception {
    try (Stream<Path> walk = Files.walk(first)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document doc = TestSites.parse(file);
        for (Element e :
            doc.select("script[src], link[href], img[src], source[src], iframe[src]")) {
          String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
          assertThat(url).as(file + ": " + e).doesNotContainPattern("^(https?:)?//");
        }
        String relative = first.relativize(file).toString();
        if (relative.startsWith("ja/") || relative.startsWith("en/")) {
          String other = relative.startsWith("ja/") ? "en" : "ja";
          Element link = doc.selectFirst(".lang-switch a[hreflang=" + other + "]");
          assertThat(link).as(relative).isNotNull();
          assertThat(file.getParent().resolve(link.attr("href")).normalize())
              .isEqualTo(first.resolve(other + relative.substring(2)));
        }
      }
    }
  }

  @Test
  void sectionPagesOfBothGuidelinesLinkToEachOther() {
    Document mhlw = TestSites.parse(first.resolve("ja/mhlw/6.5.html"));
    assertThat(mhlw.select("#page-body a").eachAttr("href")).contains("../mic/3.2.3.html");
    Document mic = TestSites.parse(first.resolve("en/mic/3.2.3.html"));
    assertThat(mic.select("#page-body a").eachAttr("href")).contains("../mhlw/6.5.html");
  }

  /** The inventory rows: id, ja title, en title. */
  static List<String[]> inventory() throws IOException {
    Path file = TestSites.projectDir().resolve("content/data/inventory.csv");
    List<String[]> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.parse(
            file,
            StandardCharsets.UTF_8,
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .get())) {
      parser.forEach(
          r -> rows.add(new String[] {r.get("id"), r.get("title_ja"), r.get("title_en")}));
    }
    return rows;
  }

  static String urlOf(String id) {
    int dash = id.indexOf('-');
    return dash < 0
        ? id + (id.equals("mhlw") || id.equals("mic") ? "/index.html" : ".html")
        : id.substring(0, dash) + "/" + id.substring(dash + 1) + ".html";
  }

  @Test
  void everyInventoryPageExistsInBothLanguagesWithItsTitle() throws IOException {
    List<String[]> inventory = inventory();
    assertThat(inventory.stream().filter(r -> r[0].startsWith("mhlw-"))).hasSize(30);
    assertThat(inventory.stream().filter(r -> r[0].startsWith("mic-"))).hasSize(23);
    assertThat(inventory.stream().map(r -> r[0]))
        .contains("mhlw", "mic", "overview", "revisions", "committee", "glossary");
    for (String[] row : inventory) {
      Document ja = TestSites.parse(first.resolve("ja/" + urlOf(row[0])));
      Document en = TestSites.parse(first.resolve("en/" + urlOf(row[0])));
      assertThat(ja.selectFirst("h1").text()).as(row[0]).endsWith(row[1]);
      assertThat(en.selectFirst("h1").text()).as(row[0]).endsWith(row[2]);
    }
    assertThat(TestSites.parse(first.resolve("ja/mic/3.2.2.html")).selectFirst("h1").text())
        .isEqualTo("3.2.2 物理的安全管理策");
    assertThat(TestSites.parse(first.resolve("ja/mhlw/6.html")).selectFirst("h1").text())
        .isEqualTo("第6章 情報システムの基本的な安全管理");
  }

  @Test
  void committeePageListsTwentyMembersWithTheChairMarked() {
    for (String lang : new String[] {"ja", "en"}) {
      Element table =
          TestSites.parse(first.resolve(lang + "/committee.html")).selectFirst("table.committee");
      assertThat(table.select("tbody tr")).hasSize(20);
      assertThat(table.select("tbody tr td:eq(2), tbody tr td:nth-child(3)").eachText())
          .allMatch(a -> !a.isBlank());
      assertThat(table.select("tr.chair")).hasSize(1);
      assertThat(table.selectFirst("tr.chair").text())
          .contains("山本 隆一", lang.equals("ja") ? "主査" : "Chair");
    }
    Element en = TestSites.parse(first.resolve("en/committee.html")).selectFirst("table.committee");
    assertThat(en.selectFirst("tr.chair th").text()).startsWith("Yamamoto Ryūichi");
  }

  @Test
  void glossaryHasAtLeastSixtyTermsWithReadingTranslationAndDefinitionsInBothLanguages() {
    Document ja = TestSites.parse(first.resolve("ja/glossary.html"));
    Document en = TestSites.parse(first.resolve("en/glossary.html"));
    List<String> ids = ja.select("dl.glossary > dt").eachAttr("id");
    assertThat(ids).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
    assertThat(en.select("dl.glossary > dt").eachAttr("id"))
        .containsExactlyInAnyOrderElementsOf(ids);
    for (String id : ids) {
      Element jaTerm = ja.getElementById(id);
      Element enTerm = en.getElementById(id);
      assertThat(jaTerm.select(".term, .reading, .translation"))
          .as(id)
          .hasSize(3)
          .allMatch(e -> e.text().length() > 0);
      assertThat(jaTerm.nextElementSibling().selectFirst("p").text()).as(id).isNotBlank();
      assertThat(enTerm.nextElementSibling().selectFirst("p").text())
          .as(id)
          .isNotBlank()
          .isNotEqualTo(jaTerm.nextElementSibling().selectFirst("p").text());
      assertThat(jaTerm.nextElementSibling().select(".term-pages a")).as(id).isNotEmpty();
    }
  }

  @Test
  void overviewHasADiagramWithTheSixCategoriesInEachLanguage() {
    Map<String, List<String>> categories =
        Map.of(
            "ja",
                List.of("物理的安全管理対策", "技術的安全管理対策", "組織的安全管理対策", "人的安全管理対策", "外部との医療情報の交換", "非常時対応"),
            "en",
                List.of(
                    "Physical security",
                    "Technical security",
                    "Organizational security",
                    "Human security",
                    "External exchange",
                    "Emergency response"));
    for (Map.Entry<String, List<String>> entry : categories.entrySet()) {
      Element svg =
          TestSites.parse(first.resolve(entry.getKey() + "/overview.html"))
              .selectFirst("#page-body svg");
      assertThat(svg).isNotNull();
      assertThat(svg.attr("role")).isEqualTo("img");
      assertThat(svg.selectFirst("title").text()).isNotBlank();
      String text = String.join(" ", svg.select("text").eachText());
      assertThat(text).contains(entry.getValue());
      assertThat(svg.select("[href], image, use"))
          .allMatch(e -> !e.attr("href").startsWith("http"));
    }
  }

  @Test
  void highConfidencePairsLinkToEachOtherAndToTheirCompareViewInBothLanguages() {
    for (int i = 3; i <= 12; i++) {
      String mhlw = "6." + i;
      String mic = "3.2." + (i - 2);
      for (String lang : new String[] {"ja", "en"}) {
        Element related =
            TestSites.parse(first.resolve(lang + "/mhlw/" + mhlw + ".html"))
                .selectFirst("section.related");
        assertThat(related.select("a").eachAttr("href"))
            .as(lang + " " + mhlw)
            .contains(
                "../mic/" + mic + ".html", "../compare/mhlw-" + mhlw + "--mic-" + mic + ".html");
        Element back =
            TestSites.parse(first.resolve(lang + "/mic/" + mic + ".html"))
                .selectFirst("section.related");
        assertThat(back.select("a").eachAttr("href"))
            .as(lang + " " + mic)
            .contains(
                "../mhlw/" + mhlw + ".html", "../compare/mhlw-" + mhlw + "--mic-" + mic + ".html");
        Document compare =
            TestSites.parse(
                first.resolve(lang + "/compare/mhlw-" + mhlw + "--mic-" + mic + ".html"));
        assertThat(compare.select(".compare-column h2 a").eachAttr("href"))
            .containsExactly("../mhlw/" + mhlw + ".html", "../mic/" + mic + ".html");
        assertThat(compare.select(".compare-body").eachText()).allMatch(t -> t.length() > 100);
      }
    }
  }

  @Test
  void newMicSectionsSayTheyAreNewAndFoldedMhlwSectionsPointToMic() {
    assertThat(
            TestSites.parse(first.resolve("ja/mic/3.5.html"))
                .selectFirst("section.related li.relation-new")
                .text())
        .contains("新設");
    assertThat(
            TestSites.parse(first.resolve("en/mic/3.6.html"))
                .selectFirst("section.related li.relation-new")
                .text())
        .contains("New in MIC");
    for (String section : new String[] {"7.1", "7.2", "7.3"}) {
      Element related =
          TestSites.parse(first.resolve("ja/mhlw/" + section + ".html"))
              .selectFirst("section.related");
      assertThat(related.select("a").eachAttr("href")).contains("../mic/3.3.1-3.3.4.html");
      assertThat(related.text()).contains("7.1～7.3は関連箇所に統合");
    }
  }

  @Test
  void matrixLinksEveryGuidelineSectionPage() throws IOException {
    for (String lang : new String[] {"ja", "en"}) {
      Document matrix = TestSites.parse(first.resolve(lang + "/crosswalk.html"));
      List<String> links = matrix.select("table.crosswalk-matrix a").eachAttr("href");
      for (String[] row : inventory()) {
        if (row[0].startsWith("mhlw-") || row[0].startsWith("mic-")) {
          assertThat(links).as(lang + " " + row[0]).contains(urlOf(row[0]));
        }
      }
      assertThat(matrix.select("table.crosswalk-matrix tbody")).hasSizeGreaterThanOrEqualTo(13);
    }
  }

  @Test
  void crawlFromTheRootFindsNoBrokenLinkOrAnchor() {
    Set<String> visited = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of("index.html"));
    List<String> broken = new ArrayList<>();
    while (!queue.isEmpty()) {
      String url = queue.poll();
      if (!visited.add(url)) {
        continue;
      }
      Document doc = TestSites.parse(first.resolve(url));
      for (Element a : doc.select("a[href], link[href]")) {
        String href = a.attr("href");
        if (href.matches("^[a-z]+:.*")) {
          continue;
        }
        String target = Urls.resolve(url, href);
        String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
        if (!Files.isRegularFile(first.resolve(path))) {
          broken.add(url + " → " + href);
        } else if (path.endsWith(".html")) {
          if (!fragment.isEmpty()
              && TestSites.parse(first.resolve(path)).getElementById(fragment) == null) {
            broken.add(url + " → " + href);
          }
          queue.add(path);
        }
      }
    }
    assertThat(broken).isEmpty();
    assertThat(visited)
        .hasSizeGreaterThan(150)
        .contains("ja/mhlw/6.5.html", "en/compare/mhlw-6.5--mic-3.2.3.html");
  }

  static List<String> top(String query, Set<Language> languages, int n) {
    var glossary = TestSites.realGlossary();
    try (SiteSearcher searcher = new SiteSearcher(first, glossary)) {
      // A requirement's result (ja/mhlw/6.5.html#mhlw-6.5-C13) counts as a result for its page.
      return searcher.search(query, languages, n).stream()
          .map(h -> h.lang() + ":" + (h.url().contains("#") ? pageOf(h.url()) : h.id()))
          .distinct()
          .toList();
    }
  }

  private static String pageOf(String url) {
    String path = url.substring(url.indexOf('/') + 1, url.indexOf(".html"));
    return path.replace('/', '-');
  }

  @Test
  void luceneSearchFindsJapaneseTermsAcrossSpellingVariantsAndLanguages() {
    Set<Language> ja = EnumSet.of(Language.JA);
    // 6.5 names なりすまし once among its 13 requirement items, so it ranks 4th, after 6.11.
    assertThat(top("なりすまし", ja, 5)).contains("ja:mhlw-6.5", "ja:mic-3.2.3");
    assertThat(top("サーバー", ja, 5)).isNotEmpty().allMatch(hit -> hit.startsWith("ja:"));
    assertThat(top("ＰＨＲ", EnumSet.allOf(Language.class), 3)).contains("ja:mic-3.6");
    assertThat(top("取扱い", ja, 1)).isEqualTo(top("取り扱い", ja, 1));
    assertThat(top("spoofing", EnumSet.of(Language.EN), 5)).contains("en:mhlw-6.5", "en:mic-3.2.3");
    assertThat(top("spoofing", ja, 5)).contains("ja:mhlw-6.5", "ja:mic-3.2.3");
  }
}
