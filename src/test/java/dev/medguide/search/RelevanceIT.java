package dev.medguide.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medguide.model.Language;
import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judged query set (src/test/resources/relevance/queries.tsv) through the Lucene search and the
 * static search: MRR@10 and recall@10 for each, per kind of query, and how often the two agree on
 * the first result. Prints the figures; fails below the floors.
 */
class RelevanceIT {
  static final Path QUERIES =
      TestSites.projectDir().resolve("src/test/resources/relevance/queries.tsv");
  static final double MRR_FLOOR = 0.90;
  static final double AGREEMENT_FLOOR = 0.90;
  static final double PRECISION_FLOOR = 0.90;

  record Judged(String query, Language lang, List<String> relevant, String kind) {}

  static List<Judged> queries;
  static List<List<String>> lucene;
  static List<List<String>> statics;
  static List<List<String>> luceneRaw;
  static List<List<String>> staticRaw;
  static QueryForms forms;

  @BeforeAll
  static void runBothSearches() throws IOException {
    Path site = TestSites.realSite();
    queries = read();
    var glossary = TestSites.realGlossary();
    forms = new QueryForms(site, glossary);
    lucene = new ArrayList<>();
    luceneRaw = new ArrayList<>();
    try (SiteSearcher searcher = new SiteSearcher(site, glossary)) {
      for (Judged q : queries) {
        luceneRaw.add(lucene(searcher, q.query(), q.lang(), 10));
        lucene.add(asPages(q, luceneRaw.get(luceneRaw.size() - 1)));
      }
    }
    staticRaw = statics(QUERIES, 10);
    statics = new ArrayList<>();
    for (int i = 0; i < staticRaw.size(); i++) {
      statics.add(asPages(queries.get(i), staticRaw.get(i)));
    }
  }

  @AfterAll
  static void close() {
    forms.close();
  }

  static List<String> lucene(SiteSearcher searcher, String query, Language lang, int limit) {
    return searcher.search(query, EnumSet.of(lang), limit).stream().map(SearchHit::id).toList();
  }

  /** The ids the static search lists for each query of a TSV file, at most limit (0: all). */
  static List<List<String>> statics(Path tsv, int limit) throws IOException {
    TestSites.ProcessResult result =
        TestSites.run(
            Map.of(),
            "node",
            "src/test/js/evaluate.cjs",
            TestSites.realSite().toString(),
            tsv.toString(),
            Integer.toString(limit));
    assertThat(result.code()).as(result.err()).isZero();
    return new ObjectMapper().readValue(result.out(), new TypeReference<List<List<String>>>() {});
  }

  /**
   * The results as the judgements see them: a requirement's result ({@code mhlw-6.5-C13}, a link
   * into its page) counts as its page when the page is what the query is judged to find; the first
   * of a page's results stands for the page. Queries judged to find a requirement need that
   * requirement itself.
   */
  static List<String> asPages(Judged q, List<String> hits) {
    List<String> out = new ArrayList<>();
    for (String hit : hits) {
      String seen =
          q.relevant().contains(hit)
              ? hit
              : q.relevant().stream().filter(r -> hit.startsWith(r + "-")).findFirst().orElse(hit);
      if (!out.contains(seen)) {
        out.add(seen);
      }
    }
    return out;
  }

  static List<Judged> read() throws IOException {
    List<Judged> rows = new ArrayList<>();
    boolean header = true;
    for (String line : Files.readAllLines(QUERIES, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] cells = line.split("\t", -1);
      rows.add(
          new Judged(
              cells[0],
              Language.fromCode(cells[1]).orElseThrow(),
              List.of(cells[2].split(" ")),
              cells[3]));
    }
    return rows;
  }

  static double reciprocalRank(Judged q, List<String> hits) {
    int rank = hits.indexOf(q.relevant().get(0));
    return rank < 0 ? 0 : 1.0 / (rank + 1);
  }

  static double recall(Judged q, List<String> hits) {
    return q.relevant().stream().filter(hits::contains).count() / (double) q.relevant().size();
  }

  /** The share of a query's results (at most 10) that contain one of its forms. */
  static double precision(Judged q, List<String> raw) {
    if (raw.isEmpty()) {
      return 1;
    }
    return raw.stream().filter(id -> forms.contains(id, q.lang(), q.query())).count()
        / (double) raw.size();
  }

  /** Per kind of query: MRR@10, recall@10, count, precision@10 summed. */
  static Map<String, double[]> figures(List<List<String>> results, List<List<String>> raw) {
    Map<String, double[]> byKind = new TreeMap<>();
    for (int i = 0; i < queries.size(); i++) {
      Judged q = queries.get(i);
      for (String kind : List.of("all", q.kind())) {
        double[] f = byKind.computeIfAbsent(kind, k -> new double[4]);
        f[0] += reciprocalRank(q, results.get(i));
        f[1] += recall(q, results.get(i));
        f[2]++;
        f[3] += precision(q, raw.get(i));
      }
    }
    return byKind;
  }

  static String report(String name, Map<String, double[]> figures) {
    StringBuilder out = new StringBuilder(name + "\n");
    figures.forEach(
        (kind, f) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "  %-11s n=%3d  MRR@10 %.3f  recall@10 %.3f  precision@10 %.3f%n",
                    kind,
                    (int) f[2],
                    f[0] / f[2],
                    f[1] / f[2],
                    f[3] / f[2])));
    return out.toString();
  }

  @Test
  void judgedSetIsLargeEnoughAndCoversEveryKind() {
    assertThat(queries).hasSizeGreaterThanOrEqualTo(80);
    assertThat(queries)
        .extracting(Judged::kind)
        .contains("term", "variant", "multi", "english", "cross", "name", "requirement");
  }

  @Test
  void luceneAndStaticSearchReachTheFloorAndAgree() {
    Map<String, double[]> luceneFigures = figures(lucene, luceneRaw);
    Map<String, double[]> staticFigures = figures(statics, staticRaw);
    int agree = 0;
    List<String> disagreements = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      String a = lucene.get(i).isEmpty() ? "" : lucene.get(i).get(0);
      String b = statics.get(i).isEmpty() ? "" : statics.get(i).get(0);
      if (a.equals(b)) {
        agree++;
      } else {
        disagreements.add(
            queries.get(i).query()
                + " ["
                + queries.get(i).lang()
                + "]: lucene "
                + a
                + ", static "
                + b);
      }
      if (reciprocalRank(queries.get(i), lucene.get(i)) < 1) {
        misses.add(
            queries.get(i).query()
                + " ["
                + queries.get(i).lang()
                + "] want "
                + queries.get(i).relevant().get(0)
                + ", lucene "
                + lucene.get(i).stream().limit(3).toList());
      }
    }
    double agreement = agree / (double) queries.size();
    System.out.println(
        report("Lucene search", luceneFigures)
            + report("Static search", staticFigures)
            + String.format(
                Locale.ROOT,
                "Same first result: %d of %d (%.1f%%)%n",
                agree,
                queries.size(),
                100 * agreement)
            + "Disagreements:\n  "
            + String.join("\n  ", disagreements)
            + "\nLucene not first:\n  "
            + String.join("\n  ", misses)
            + "\nResults without a form of their query:\n  "
            + String.join(
                "\n  ",
                java.util.stream.Stream.concat(
                        imprecise(luceneRaw, "lucene").stream(),
                        imprecise(staticRaw, "static").stream())
                    .toList()));
    double[] l = luceneFigures.get("all");
    double[] s = staticFigures.get("all");
    assertThat(l[0] / l[2]).as("Lucene MRR@10").isGreaterThanOrEqualTo(MRR_FLOOR);
    assertThat(s[0] / s[2]).as("static MRR@10").isGreaterThanOrEqualTo(MRR_FLOOR);
    assertThat(agreement).as("same first result").isGreaterThanOrEqualTo(AGREEMENT_FLOOR);
    assertThat(l[3] / l[2]).as("Lucene precision@10").isGreaterThanOrEqualTo(PRECISION_FLOOR);
    assertThat(s[3] / s[2]).as("static precision@10").isGreaterThanOrEqualTo(PRECISION_FLOOR);
  }

  /**
   * The queries whose noise readers saw (なりすまし listed 57 pages, 8 had the word): every result
   * either search lists contains the query or a glossary form of it, and both find the same number
   * of pages.
   */
  @Test
  void everyResultOfOnceNoisyQueriesContainsTheQuery(@TempDir Path dir) throws IOException {
    List<Judged> noisy =
        List.of(
            new Judged("なりすまし", Language.JA, List.of(), "check"),
            new Judged("サーバー", Language.JA, List.of(), "check"),
            new Judged("外部保存", Language.JA, List.of(), "check"),
            new Judged("暗号化", Language.JA, List.of(), "check"),
            new Judged("spoofing", Language.EN, List.of(), "check"));
    Path tsv = dir.resolve("noisy.tsv");
    StringBuilder rows = new StringBuilder("query\tlang\trelevant\tkind\n");
    noisy.forEach(
        q -> rows.append(q.query()).append('\t').append(q.lang().code()).append("\t\tcheck\n"));
    Files.writeString(tsv, rows, StandardCharsets.UTF_8);
    List<List<String>> staticHits = statics(tsv, 0);
    StringBuilder report = new StringBuilder("Results of once noisy queries (Lucene / static):\n");
    try (SiteSearcher searcher = new SiteSearcher(TestSites.realSite(), TestSites.realGlossary())) {
      for (int i = 0; i < noisy.size(); i++) {
        Judged q = noisy.get(i);
        List<String> luceneHits = lucene(searcher, q.query(), q.lang(), 1000);
        report.append(
            String.format(
                Locale.ROOT,
                "  %s [%s]: %d / %d%n",
                q.query(),
                q.lang(),
                luceneHits.size(),
                staticHits.get(i).size()));
        for (List<String> hits : List.of(luceneHits, staticHits.get(i))) {
          assertThat(hits).as(q.query()).isNotEmpty();
          assertThat(hits)
              .filteredOn(id -> !forms.contains(id, q.lang(), q.query()))
              .as("results of %s that do not contain it", q.query())
              .isEmpty();
        }
        assertThat(staticHits.get(i)).as(q.query()).hasSameSizeAs(luceneHits);
      }
    }
    System.out.println(report);
  }

  /** Results that contain none of their query's forms, for the report: query, engine, id. */
  static List<String> imprecise(List<List<String>> raw, String engine) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      Judged q = queries.get(i);
      raw.get(i).stream()
          .filter(id -> !forms.contains(id, q.lang(), q.query()))
          .forEach(id -> out.add(q.query() + " [" + q.lang() + "] " + engine + ": " + id));
    }
    return out;
  }
}
