package dev.medguide.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import dev.medguide.solr.SolrExport;
import dev.medguide.testing.SolrTestCluster;
import dev.medguide.testing.TestSites;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real site on a real SolrCloud cluster: MiniSolrCloudCluster with 2 nodes in this JVM, a
 * collection of 2 shards × 2 replicas created by {@code search-publish} from the packaged jar (so
 * its Solr part is loaded from target/solr-lib as a reader's would be). The judged query set is run
 * through the same searcher over Lucene and over Solr; a second site shares the collection; a node
 * is stopped while queries run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIT {
  static final String COLLECTION = "medguide";
  static final double MRR_TOLERANCE = 0.02;
  static final double FIRST_AGREEMENT_FLOOR = 0.95;

  @TempDir static Path work;
  static SolrTestCluster cluster;
  static Path realSite;
  static Path miniContent;
  static Path miniSite;
  static String nodes;
  static List<GlossaryTerm> glossary;

  @BeforeAll
  static void startClusterAndPublish() throws Exception {
    cluster = new SolrTestCluster(work.resolve("cluster"), 2);
    List<String> urls = cluster.urls();
    assertThat(urls).hasSize(2);
    // Both nodes, as a platform team would list them: http://127.0.0.1:p1,127.0.0.1:p2/solr.
    URI first = URI.create(urls.get(0));
    nodes =
        "http://"
            + first.getAuthority()
            + ","
            + URI.create(urls.get(1)).getAuthority()
            + first.getPath();
    realSite = TestSites.realSite();
    glossary = TestSites.realGlossary();
    TestSites.ProcessResult published =
        publish(TestSites.projectDir().resolve("content"), realSite, "real", "--create");
    assertThat(published.code()).as(published.err()).isZero();
    assertThat(published.out())
        .contains("created collection medguide (2 shards × 2 replicas, configset medguide-")
        .contains("uploaded");
    miniContent = TestSites.copyFixture("mini", work.resolve("mini/content"));
    miniSite = work.resolve("mini/site");
    TestSites.build(miniContent, miniSite);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts {@code serve} of the real site from the packaged jar with a Solr search backend. */
  static Process serve(int port, String backend, Path log) throws java.io.IOException {
    return new ProcessBuilder(
            java(),
            "-jar",
            jar(),
            "serve",
            "-o",
            realSite.toString(),
            "--no-watch",
            "--port",
            Integer.toString(port),
            "--search-backend",
            backend)
        .directory(TestSites.projectDir().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** GET of a URL, waiting (up to two minutes) for a server that is still starting. */
  static java.net.http.HttpResponse<String> get(String url, Process server, Path log)
      throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      try {
        return http.send(
            java.net.http.HttpRequest.newBuilder(URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        assertThat(server.isAlive() && System.nanoTime() < deadline)
            .as(Files.readString(log))
            .isTrue();
        Thread.sleep(200);
      }
    }
  }

  /** Runs {@code search-export} of the real site from the packaged jar. */
  static TestSites.ProcessResult export(Path dir, String site) {
    return TestSites.run(
        Map.of(),
        java(),
        "-jar",
        jar(),
        "search-export",
        "-o",
        realSite.toString(),
        "--solr",
        dir.toString(),
        "--site",
        site);
  }

  /** Runs {@code search-publish} from the packaged jar. */
  static TestSites.ProcessResult publish(Path content, Path site, String id, String... more) {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar(), "search-publish"));
    command.addAll(List.of("-c", content.toString(), "-o", site.toString()));
    command.addAll(List.of("--solr", nodes, "--collection", COLLECTION, "--site", id));
    command.addAll(List.of(more));
    return TestSites.run(Map.of(), command.toArray(String[]::new));
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String jar() {
    return TestSites.projectDir().resolve("target/medguide.jar").toString();
  }

  static SolrTarget target() {
    return SolrTarget.of(nodes, COLLECTION, Map.of());
  }

  static SiteSearcher solrSearcher(String site, List<GlossaryTerm> terms) {
    return new SiteSearcher(SolrPart.connector().open(target(), site), terms);
  }

  /** The number of a site's documents in the collection, asked over plain HTTP. */
  static long count(String site) throws Exception {
    String url =
        cluster.urls().get(1) + "/" + COLLECTION + "/select?rows=0&wt=json&q=*:*&fq=site:" + site;
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"numFound\":(\\d+)").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  @Order(1)
  void theJudgedSetRanksOnSolrAsOnLucene() throws Exception {
    List<RelevanceIT.Judged> queries = RelevanceIT.read();
    double luceneSum = 0;
    double solrSum = 0;
    int agree = 0;
    List<String> disagreements = new ArrayList<>();
    try (SiteSearcher lucene = new SiteSearcher(realSite, glossary);
        SiteSearcher solr = solrSearcher("real", glossary)) {
      for (RelevanceIT.Judged q : queries) {
        List<String> l =
            RelevanceIT.asPages(q, RelevanceIT.lucene(lucene, q.query(), q.lang(), 10));
        List<String> s = RelevanceIT.asPages(q, RelevanceIT.lucene(solr, q.query(), q.lang(), 10));
        luceneSum += RelevanceIT.reciprocalRank(q, l);
        solrSum += RelevanceIT.reciprocalRank(q, s);
        String a = l.isEmpty() ? "" : l.get(0);
        String b = s.isEmpty() ? "" : s.get(0);
        if (a.equals(b)) {
          agree++;
        } else {
          disagreements.add(q.query() + " [" + q.lang().code() + "]: lucene " + a + ", solr " + b);
        }
      }
    }
    int n = queries.size();
    System.out.printf(
        "SolrCloud (2 nodes, 2 shards × 2 replicas) vs Lucene on %d judged queries:%n"
            + "  MRR@10 Lucene %.3f  Solr %.3f  difference %.3f%n"
            + "  first result agrees on %d/%d (%.1f%%)%n%s",
        n,
        luceneSum / n,
        solrSum / n,
        Math.abs(luceneSum - solrSum) / n,
        agree,
        n,
        100.0 * agree / n,
        disagreements.isEmpty()
            ? ""
            : "  differing: " + String.join("\n  differing: ", disagreements) + "\n");
    assertThat(Math.abs(luceneSum - solrSum) / n)
        .as("MRR@10 difference")
        .isLessThanOrEqualTo(MRR_TOLERANCE);
    assertThat(agree / (double) n)
        .as("first-result agreement")
        .isGreaterThanOrEqualTo(FIRST_AGREEMENT_FLOOR);
  }

  /**
   * The configset's plain-text handler (/medguide: edismax over the same fields and weights, each
   * field's own analysis, all words required) for other clients: not medguide's matching rules (no
   * glossary translations, no phrase check, no approximate fallback), so it is measured, with a
   * floor that catches a broken analysis chain, not held to the Lucene figure.
   */
  @Test
  @Order(1)
  void thePlainTextHandlerFindsTheJudgedPages() throws Exception {
    List<RelevanceIT.Judged> queries = RelevanceIT.read();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    double sum = 0;
    int answered = 0;
    for (RelevanceIT.Judged q : queries) {
      String url =
          cluster.urls().get(1)
              + "/"
              + COLLECTION
              + "/medguide?wt=json&fq=site:real&fq=lang:"
              + q.lang().code()
              + "&q="
              + java.net.URLEncoder.encode(q.query(), StandardCharsets.UTF_8);
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      assertThat(c.getResponseCode()).as(url).isEqualTo(200);
      List<String> ids = new ArrayList<>();
      for (var doc : json.readTree(c.getInputStream()).path("response").path("docs")) {
        ids.add(doc.get("page_id").asText());
      }
      answered += ids.isEmpty() ? 0 : 1;
      sum += RelevanceIT.reciprocalRank(q, RelevanceIT.asPages(q, ids));
    }
    double mrr = sum / queries.size();
    System.out.printf(
        "Solr's /medguide edismax handler on the judged set: MRR@10 %.3f, %d/%d queries answered%n",
        mrr, answered, queries.size());
    assertThat(mrr).as("edismax MRR@10").isGreaterThan(0.65);
  }

  @Test
  @Order(2)
  void twoSitesShareTheCollectionAndRepublishingOneLeavesTheOther() throws Exception {
    TestSites.ProcessResult mini = publish(miniContent, miniSite, "mini");
    assertThat(mini.code()).as(mini.err()).isZero();
    // The fixture's glossary is not the real one: the collection keeps the first site's analysis.
    assertThat(mini.out())
        .contains("collection medguide exists (warning: it uses configset medguide-")
        .doesNotContain("uploaded");
    long real = count("real");
    long miniCount = count("mini");
    assertThat(real).isGreaterThan(100);
    assertThat(miniCount).isPositive().isLessThan(real);
    String filtered =
        cluster.urls().get(0)
            + "/"
            + COLLECTION
            + "/select?wt=json&q=*:*&fl=site&rows=1000&fq=site:mini";
    var docs =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(URI.create(filtered).toURL())
            .path("response")
            .path("docs");
    assertThat(docs).hasSize((int) miniCount);
    docs.forEach(d -> assertThat(d.get("site").asText()).isEqualTo("mini"));

    var miniGlossary =
        new dev.medguide.load.ContentLoader(
                TestSites.options(miniContent, miniSite, EnumSet.allOf(Language.class)))
            .load()
            .model()
            .data()
            .glossary();
    try (SiteSearcher onMini = solrSearcher("mini", miniGlossary);
        SiteSearcher onLucene = new SiteSearcher(miniSite, miniGlossary)) {
      for (String query : List.of("医療情報", "ガイドライン", "security", "guideline")) {
        List<String> ids =
            RelevanceIT.lucene(onMini, query, Language.ofQuery(query).orElse(Language.EN), 50);
        assertThat(ids)
            .as(query + " on site mini: only mini's pages, as its own index finds them")
            .containsExactlyInAnyOrderElementsOf(
                RelevanceIT.lucene(
                    onLucene, query, Language.ofQuery(query).orElse(Language.EN), 50));
      }
    }

    TestSites.ProcessResult again =
        publish(TestSites.projectDir().resolve("content"), realSite, "real");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(count("mini")).as("site mini after republishing site real").isEqualTo(miniCount);
    assertThat(count("real")).as("site real after republishing it").isEqualTo(real);
  }

  /**
   * Before a second site changes the collection's statistics: the same scores, so the same order.
   */
  @Test
  @Order(1)
  void serveAnswersTheSearchApiFromSolrAsFromLucene() throws Exception {
    String backend =
        "solr://" + nodes.substring("http://".length()) + "/" + COLLECTION + "?site=real";
    Path log = work.resolve("serve.log");
    int port = freePort();
    Process serve = serve(port, backend, log);
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    try (SiteSearcher lucene = new SiteSearcher(realSite, glossary)) {
      for (String query : List.of("真正性", "施錠管理", "authenticity", "mhlw-6.5-C13", "クラウドサービス事業者")) {
        String url =
            "http://127.0.0.1:"
                + port
                + "/api/search?limit=10&q="
                + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> answer = get(url, serve, log);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> fromSolr = new ArrayList<>();
        for (var hit : json.readTree(answer.body())) {
          fromSolr.add(
              hit.get("id").asText()
                  + " "
                  + hit.get("url").asText()
                  + " "
                  + hit.get("snippet").asText());
        }
        List<String> fromLucene =
            lucene
                .search(
                    query,
                    Language.ofQuery(query).map(EnumSet::of).orElse(EnumSet.allOf(Language.class)),
                    10)
                .stream()
                .map(h -> h.id() + " " + h.url() + " " + h.snippet())
                .toList();
        assertThat(fromSolr).as(query).isNotEmpty().containsExactlyElementsOf(fromLucene);
      }
      assertThat(Files.readString(log)).contains("answered by " + backend);
      TestSites.ProcessResult cli =
          TestSites.run(
              Map.of(),
              java(),
              "-jar",
              jar(),
              "search",
              "-o",
              realSite.toString(),
              "--json",
              "--search-backend",
              backend,
              "施錠管理");
      assertThat(cli.code()).as(cli.err()).isZero();
      List<String> cliIds = new ArrayList<>();
      json.readTree(cli.out()).forEach(hit -> cliIds.add(hit.get("id").asText()));
      assertThat(cliIds)
          .as("medguide search --search-backend")
          .isNotEmpty()
          .isEqualTo(RelevanceIT.lucene(lucene, "施錠管理", Language.JA, 10));
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }

  @Test
  @Order(4)
  void queriesAnswerWithoutErrorsWhileANodeStops() throws Exception {
    List<RelevanceIT.Judged> queries = RelevanceIT.read();
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicBoolean stopped = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (SiteSearcher solr = solrSearcher("real", glossary)) {
      List<String> before = RelevanceIT.lucene(solr, "真正性", Language.JA, 10);
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        runs.add(
            pool.submit(
                () -> {
                  int afterStop = 0;
                  for (int i = 0; afterStop < 40; i++) {
                    RelevanceIT.Judged q = queries.get(i % queries.size());
                    try {
                      solr.search(q.query(), EnumSet.of(q.lang()), 10);
                      answered.incrementAndGet();
                    } catch (RuntimeException e) {
                      errors.incrementAndGet();
                      failures.add(q.query() + ": " + e.getMessage());
                    }
                    if (stopped.get()) {
                      afterStop++;
                    }
                  }
                }));
      }
      Thread.sleep(1500);
      cluster.stop(0);
      stopped.set(true);
      for (Future<?> run : runs) {
        run.get();
      }
      assertThat(RelevanceIT.lucene(solr, "真正性", Language.JA, 10))
          .as("a query after the stop, from the remaining replicas")
          .isNotEmpty()
          .isEqualTo(before);
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "With node 0 of 2 stopped mid-run: %d queries answered, %d errors%n",
        answered.get(), errors.get());
    assertThat(failures).as("errors while a node stopped").isEmpty();
    assertThat(answered.get()).isGreaterThan(80);
  }

  @Test
  @Order(5)
  void unreachableSolrAndAMissingCollectionAreClearErrors() throws Exception {
    Path content = TestSites.projectDir().resolve("content");
    List<String> base =
        List.of(
            java(),
            "-jar",
            jar(),
            "search-publish",
            "-c",
            content.toString(),
            "-o",
            realSite.toString());
    List<String> closed = new ArrayList<>(base);
    closed.addAll(List.of("--solr", "http://127.0.0.1:9/solr", "--collection", COLLECTION));
    TestSites.ProcessResult unreachable = TestSites.run(Map.of(), closed.toArray(String[]::new));
    assertThat(unreachable.code()).isNotZero();
    assertThat(unreachable.err())
        .startsWith("error: cannot reach Solr to list collections: http://127.0.0.1:9/solr: ")
        .doesNotContain("\tat ");
    List<String> missing = new ArrayList<>(base);
    missing.addAll(List.of("--solr", cluster.urls().get(1), "--collection", "nothing"));
    TestSites.ProcessResult none = TestSites.run(Map.of(), missing.toArray(String[]::new));
    assertThat(none.code()).isNotZero();
    assertThat(none.err())
        .startsWith(
            "error: Solr has no collection 'nothing' (collections: medguide); add --create");

    Path inside = realSite.resolve("solr-export");
    TestSites.ProcessResult refused = export(inside, "medguide");
    assertThat(refused.code()).as(refused.err()).isEqualTo(2);
    assertThat(refused.err())
        .startsWith("error: refusing to write the Solr export into " + inside + ": it is inside ");
    assertThat(inside).doesNotExist();

    Path log = work.resolve("serve-unreachable.log");
    int port = freePort();
    Process serve = serve(port, "solr://127.0.0.1:9/solr/medguide?site=real", log);
    try {
      var answer =
          get("http://127.0.0.1:" + port + "/api/search?q=%E7%9C%9F%E6%AD%A3%E6%80%A7", serve, log);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(answer.body())
          .startsWith(
              "{\"error\":\"cannot reach Solr to search medguide: http://127.0.0.1:9/solr: ");
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }

  @Test
  @Order(0)
  void theExportHoldsTheConfigsetAndEveryIndexedDocument() throws Exception {
    Path out = work.resolve("export");
    TestSites.ProcessResult exported = export(out, "real");
    assertThat(exported.code()).as(exported.err()).isZero();
    Path configset = out.resolve(SolrExport.CONFIGSET);
    assertThat(configset.resolve("managed-schema.xml"))
        .content()
        .contains("solr.JapaneseTokenizerFactory");
    assertThat(configset.resolve("userdict_ja.txt")).content().contains("真正性,真正性,");
    assertThat(configset.resolve("synonyms_ja.txt")).content().contains(" => ");
    assertThat(Files.size(out.resolve(SolrExport.DOCUMENTS))).isPositive();
    long luceneDocs;
    try (var reader =
        org.apache.lucene.index.DirectoryReader.open(
            org.apache.lucene.store.FSDirectory.open(
                dev.medguide.index.SearchIndexer.indexDirOf(realSite)))) {
      luceneDocs = reader.numDocs();
    }
    assertThat(exported.out()).contains("and " + luceneDocs + " documents of site real");
  }

  @Test
  @Order(0)
  void solrjIsOffTheBuildsClassPathAndLoadedOnlyOnDemand() throws Exception {
    Path target = TestSites.projectDir().resolve("target");
    String classPath;
    try (var jar = new java.util.jar.JarFile(target.resolve("medguide.jar").toFile())) {
      classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
    }
    assertThat(classPath).contains("lib/lucene-core-").doesNotContain("solr");
    assertThat(target.resolve("lib")).isDirectoryNotContaining("glob:**solr*");
    assertThat(target.resolve("solr-lib"))
        .isDirectoryContaining("glob:**/solr-solrj-9.10.1.jar")
        .isDirectoryContaining("glob:**/medguide-solr.jar");
    try (var jar = new java.util.jar.JarFile(target.resolve("medguide.jar").toFile())) {
      assertThat(jar.stream().map(java.util.zip.ZipEntry::getName))
          .contains("dev/medguide/search/SolrPart.class")
          .noneMatch(name -> name.startsWith("dev/medguide/solr/"));
    }
  }
}
