package dev.medguide.bench;

import dev.medguide.bench.Processes.Run;
import dev.medguide.cli.Main;
import dev.medguide.cli.OneShotSettings;
import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The performance benchmark: builds, rebuilds and searches the real content and synthetic content
 * 10× and 100× its size, and writes every figure to {@code docs/benchmarks.md} (see {@link
 * Report}). Run by {@code bench/run}; not part of {@code mvn verify}, because figures on a shared
 * machine are not pass/fail material.
 *
 * <p>Per scale: the cold full build of medguide (its jar, as a user runs it), of plain JBake
 * ({@link PlainJBake}) and of AsciidoctorJ alone ({@link AsciidoctorFloor}), each in fresh JVMs,
 * alternating so that machine noise hits all three alike, median of {@code --runs}; then, on the
 * built site, the static index (size, bytes a first query loads, latency in headless Chromium),
 * {@code serve}'s one-page rebuilds and its {@code /api/search} under wrk.
 *
 * <p>Options: {@code --scales 1,10,100}, {@code --runs 3} (per scale; {@code --runs 3,3,1} gives
 * one count per scale), {@code --out docs/benchmarks.md}, {@code --work target/bench}, {@code
 * --jbake-limit 900} (seconds: plain JBake's rendering is quadratic in pages, so at 100× it is
 * stopped there, run once, and reported as at least that long).
 */
public final class Benchmark {
  private static final Pattern STAGE =
      Pattern.compile("^(\\w+)\\s+(.*?)\\s+([0-9.]+) s$", Pattern.MULTILINE);
  private static final String PAGE_TO_EDIT = "ja/mhlw/6.5.adoc";
  private static final int EDITS = 7;

  final Path project = TestSites.projectDir();
  final Path work;
  final List<Integer> scales;
  final List<Integer> runs;
  final Path out;
  final Duration jbakeLimit;

  private Benchmark(Map<String, String> options) {
    jbakeLimit = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--jbake-limit", "900")));
    work = project.resolve(options.getOrDefault("--work", "target/bench"));
    out = project.resolve(options.getOrDefault("--out", "docs/benchmarks.md"));
    scales = ints(options.getOrDefault("--scales", "1,10,100"));
    List<Integer> given = ints(options.getOrDefault("--runs", "3"));
    runs = new ArrayList<>();
    for (int i = 0; i < scales.size(); i++) {
      runs.add(given.get(Math.min(i, given.size() - 1)));
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    Benchmark benchmark = new Benchmark(options);
    Run first = benchmark.firstBuild();
    List<ScaleResult> results = new ArrayList<>();
    for (int i = 0; i < benchmark.scales.size(); i++) {
      results.add(benchmark.scale(benchmark.scales.get(i), benchmark.runs.get(i)));
    }
    new Report(Machine.describe(), results, first, Processes.size(benchmark.cache()))
        .write(benchmark.out);
    System.out.println("wrote " + benchmark.out);
  }

  /** Everything measured at one scale. */
  record ScaleResult(
      int scale,
      int pages,
      int runs,
      List<Run> floor,
      List<Run> jbake,
      List<Run> medguide,
      Map<String, Double> stages,
      long luceneBytes,
      long staticBytes,
      Map<String, Double> firstQuery,
      Map<String, Double> browser,
      List<Double> rebuilds,
      Map<String, Double> api,
      Map<String, Double> apiUncached,
      Map<String, Double> apiWatch,
      long serveKib,
      Optional<BuildProfile> profile) {}

  /**
   * The first build after installing medguide, with an empty cache: it also writes the class
   * archive (see ClassArchive), which every timed build then uses, as a user's later builds do.
   */
  private Run firstBuild() {
    Processes.delete(cache());
    Path site = work.resolve("site-first");
    Run run =
        timed(
            "first build (writes the class archive)",
            1,
            0,
            medguideBuild(project.resolve("content"), site));
    Processes.delete(site);
    return run;
  }

  /** The benchmark's own cache folder: the class archive of the builds it times. */
  private Path cache() {
    return work.resolve("cache");
  }

  /** {@code java -jar target/medguide.jar build}, with the benchmark's cache folder. */
  private List<String> medguideBuild(Path content, Path site) {
    return List.of(
        java(),
        "-Dmedguide.cacheDir=" + cache(),
        "-jar",
        project.resolve("target/medguide.jar").toString(),
        "build",
        "-c",
        content.toString(),
        "-o",
        site.toString());
  }

  private ScaleResult scale(int scale, int count) throws Exception {
    Path content = work.resolve("content-" + scale);
    log("scale " + scale + ": generating content");
    SyntheticContent.generate(project.resolve("content"), content, scale);
    Path jbakeProject = work.resolve("jbake-" + scale);
    Processes.delete(jbakeProject);
    PlainJBake.setUp(content, jbakeProject);
    Path site = work.resolve("site-" + scale);
    String classpath = classpath();
    List<Run> floor = new ArrayList<>();
    List<Run> jbake = new ArrayList<>();
    List<Run> medguide = new ArrayList<>();
    for (int run = 1; run <= count; run++) {
      Path floorOut = work.resolve("floor-" + scale);
      Processes.delete(floorOut);
      floor.add(
          timed(
              "floor",
              scale,
              run,
              List.of(
                  java(),
                  "-cp",
                  classpath,
                  AsciidoctorFloor.class.getName(),
                  content.toString(),
                  floorOut.toString())));
      Path jbakeOut = work.resolve("jbake-out-" + scale);
      Processes.delete(jbakeOut);
      boolean jbakeStopped = jbake.stream().anyMatch(Run::stopped);
      if (!jbakeStopped) {
        jbake.add(
            timedWithin(
                jbakeLimit,
                "jbake",
                scale,
                run,
                List.of(
                    java(),
                    "-cp",
                    classpath,
                    PlainJBake.class.getName(),
                    jbakeProject.toString(),
                    jbakeOut.toString())));
      }
      medguide.add(timed("medguide", scale, run, medguideBuild(content, site)));
    }
    Run median = medianRun(medguide);
    int pages = Integer.parseInt(find(median.err(), "built (\\d+) pages"));
    Optional<BuildProfile> profile =
        scale == Collections.max(scales) ? Optional.of(profile(scale, content)) : Optional.empty();
    Map<String, Double> stages = stages(medguide);
    long lucene = Processes.size(site.resolveSibling("." + site.getFileName() + ".search"));
    long staticBytes = Processes.size(site.resolve("assets/search"));
    log("scale " + scale + ": static search");
    Map<String, Double> firstQuery = firstQuery(site);
    Map<String, Double> browser = browser(site);
    log("scale " + scale + ": serve");
    // The API as deployed (serve --no-watch on the built site), with and without its cache; then
    // a writer's serve (--watch), which has built the site in its own JVM, rebuilding pages.
    Map<String, Double> uncached;
    try (Serve serve = new Serve(content, site, List.of("-Dmedguide.searchCache=0"), false)) {
      uncached = serve.load();
    }
    Map<String, Double> api;
    try (Serve serve = new Serve(content, site, List.of(), false)) {
      api = serve.load();
    }
    try (Serve serve = new Serve(content, site, List.of(), true)) {
      List<Double> rebuilds = serve.rebuilds();
      Map<String, Double> apiWatch = serve.load();
      return new ScaleResult(
          scale,
          pages,
          count,
          floor,
          jbake,
          medguide,
          stages,
          lucene,
          staticBytes,
          firstQuery,
          browser,
          rebuilds,
          api,
          uncached,
          apiWatch,
          serve.peakKib(),
          profile);
    }
  }

  /**
   * One more build of the content, as the one-shot child JVM runs it, under Java Flight Recorder:
   * where its time goes, by stage, library and medguide step.
   */
  private BuildProfile profile(int scale, Path content) throws IOException {
    Path recording = work.resolve("profile.jfr");
    Path site = work.resolve("site-profile");
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(OneShotSettings.flags(content));
    command.add("-XX:FlightRecorderOptions=stackdepth=2048");
    command.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
    command.addAll(
        List.of(
            "-cp",
            project.resolve("target/medguide.jar").toString(),
            Main.class.getName(),
            "build",
            "-c",
            content.toString(),
            "-o",
            site.toString()));
    timed("profile", scale, 1, command);
    BuildProfile profile = BuildProfile.read(recording);
    Processes.delete(site);
    return profile;
  }

  private Run timed(String what, int scale, int run, List<String> command) {
    return timedWithin(null, what, scale, run, command);
  }

  private Run timedWithin(Duration limit, String what, int scale, int run, List<String> command) {
    Run result = Processes.run(project, command, limit);
    log(
        String.format(
            "scale %d run %d: %-8s %7.2f s  %5d MiB%s",
            scale,
            run,
            what,
            result.seconds(),
            result.peakKib() / 1024,
            result.stopped() ? "  (stopped at the limit)" : ""));
    return result;
  }

  /** Median of each stage's time over the runs, from medguide's progress lines. */
  private static Map<String, Double> stages(List<Run> runs) {
    Map<String, List<Double>> all = new LinkedHashMap<>();
    for (Run run : runs) {
      Matcher m = STAGE.matcher(run.err());
      while (m.find()) {
        all.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Double.parseDouble(m.group(3)));
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    all.forEach((stage, times) -> medians.put(stage, Stats.median(times)));
    return medians;
  }

  static Run medianRun(List<Run> runs) {
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort((a, b) -> a.wall().compareTo(b.wall()));
    return sorted.get(sorted.size() / 2);
  }

  /** Bytes a first query loads (fresh engine per judged query), and warm latency, in Node. */
  private Map<String, Double> firstQuery(Path site) {
    Run run =
        Processes.run(
            project,
            List.of(
                "node",
                "src/test/js/bench.cjs",
                site.toString(),
                "src/test/resources/relevance/queries.tsv",
                "--json"));
    Map<String, Double> figures = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\"(\\w+)\":\\s*([0-9.]+)").matcher(run.out());
    while (m.find()) {
      figures.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return figures;
  }

  /**
   * Query latency in headless Chromium on the search page opened from file://: each judged query
   * once on a fresh page (loading the shards it needs), then five more times (warm).
   */
  private Map<String, Double> browser(Path site) throws IOException {
    List<String[]> queries = queries();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(TestSites.CHROMIUM_FLAGS);
    Path profile = Files.createTempDirectory("bench-chromium");
    options.addArguments("--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    List<Double> first = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    try {
      browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
      for (String lang : List.of("ja", "en")) {
        browser.get(site.resolve(lang + "/search.html").toUri().toString());
        List<List<String>> mine =
            queries.stream()
                .filter(q -> q[1].equals(lang) || q[1].equals("all"))
                .map(q -> List.of(q[0], lang))
                .toList();
        @SuppressWarnings("unchecked")
        Map<String, List<Number>> times =
            (Map<String, List<Number>>)
                ((JavascriptExecutor) browser)
                    .executeAsyncScript(
                        """
                        const queries = arguments[0], done = arguments[arguments.length - 1];
                        const S = window.MedguideSearch, first = [], warm = [];
                        (async () => {
                          for (const [q, lang] of queries) {
                            const t = performance.now();
                            await S.search(q, lang, 10);
                            first.push(performance.now() - t);
                          }
                          for (let round = 0; round < 5; round++) {
                            for (const [q, lang] of queries) {
                              const t = performance.now();
                              await S.search(q, lang, 10);
                              warm.push(performance.now() - t);
                            }
                          }
                          done({first, warm});
                        })().catch((e) => done({error: String(e)}));
                        """,
                        mine);
        if (times.containsKey("error")) {
          throw new IllegalStateException("search failed in Chromium: " + times.get("error"));
        }
        times.get("first").forEach(n -> first.add(n.doubleValue()));
        times.get("warm").forEach(n -> warm.add(n.doubleValue()));
      }
    } finally {
      browser.quit();
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("firstP50", Stats.percentile(first, 0.5));
    figures.put("firstP95", Stats.percentile(first, 0.95));
    figures.put("warmP50", Stats.percentile(warm, 0.5));
    figures.put("warmP95", Stats.percentile(warm, 0.95));
    return figures;
  }

  /** The judged queries: {query, lang}. */
  private List<String[]> queries() throws IOException {
    List<String[]> queries = new ArrayList<>();
    for (String line :
        Files.readAllLines(project.resolve("src/test/resources/relevance/queries.tsv"))) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("query\t")) {
        continue;
      }
      String[] cells = line.split("\t");
      queries.add(new String[] {cells[0], cells.length > 1 ? cells[1] : "all"});
    }
    return queries;
  }

  /** A running {@code medguide serve} on a built site, for rebuilds and the search API. */
  private final class Serve implements AutoCloseable {
    private final Path content;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    Serve(Path content, Path site, List<String> jvmFlags, boolean watch) throws Exception {
      this.content = content;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      List<String> command = new ArrayList<>();
      command.add(java());
      command.addAll(jvmFlags);
      command.addAll(
          List.of(
              "-jar",
              project.resolve("target/medguide.jar").toString(),
              "serve",
              "-c",
              content.toString(),
              "-o",
              site.toString(),
              "--port",
              Integer.toString(port),
              watch ? "--watch" : "--no-watch"));
      process =
          new ProcessBuilder(command)
              .directory(project.toFile())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("serve.log").toFile())
              .start();
      long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
      while (!answers()) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("serve did not start; see " + work.resolve("serve.log"));
        }
        Thread.sleep(100);
      }
    }

    /**
     * Saves a one-paragraph change to a page {@link #EDITS} times and measures, each time, from the
     * save to the moment the server reports the new build published (when open pages reload). The
     * first edit is a warm-up and not counted.
     */
    List<Double> rebuilds() throws Exception {
      Path page = content.resolve(PAGE_TO_EDIT);
      String original = Files.readString(page, StandardCharsets.UTF_8);
      List<Double> times = new ArrayList<>();
      // serve publishes its first build of an existing site in the background: edits start after.
      waitForGeneration(0);
      try {
        for (int edit = 0; edit <= EDITS; edit++) {
          long before = generation();
          long start = System.nanoTime();
          Files.writeString(
              page, original + "\n追記" + edit + "：ベンチマークの編集。\n", StandardCharsets.UTF_8);
          waitForGeneration(before);
          double millis = (System.nanoTime() - start) / 1e6;
          if (edit > 0) {
            times.add(millis);
          }
          log(String.format("rebuild %d: %.0f ms", edit, millis));
          Thread.sleep(700);
        }
      } finally {
        long before = generation();
        Files.writeString(page, original, StandardCharsets.UTF_8);
        waitForGeneration(before);
        // The search indexes follow the last rebuild in the background (at 100× the static
        // export takes tens of seconds): the load measured next must not compete with it.
        waitForSearch();
      }
      return times;
    }

    private void waitForSearch() throws Exception {
      long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
      while (!status().contains("\"searchPending\":false")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("search indexes never caught up; see serve.log");
        }
        Thread.sleep(50);
      }
    }

    private void waitForGeneration(long before) throws Exception {
      long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
      while (generation() <= before) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no rebuild; see " + work.resolve("serve.log"));
        }
        Thread.sleep(2);
      }
    }

    /** {@code /api/search} under wrk: 2 threads, 64 connections, 20 s, the judged queries. */
    Map<String, Double> load() throws Exception {
      Path script = work.resolve("queries.lua");
      String paths =
          queries().stream()
              .map(
                  q ->
                      "\"/api/search?q="
                          + URLEncoder.encode(q[0], StandardCharsets.UTF_8)
                          + "&lang="
                          + q[1]
                          + "\"")
              .collect(Collectors.joining(",\n  "));
      Files.writeString(
          script,
          "local paths = {\n  "
              + paths
              + "\n}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n"
              + "  return wrk.format(\"GET\", paths[i])\nend\n");
      // Warm-up, as a running server would be.
      Processes.run(project, wrk(script, "15s")); // warm-up: C2 compiles the request path
      Run run = Processes.run(project, wrk(script, "20s"));
      String text = run.out();
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put(
          "requestsPerSecond", Double.parseDouble(find(text, "Requests/sec:\\s+([0-9.]+)")));
      figures.put("p50", millis(find(text, "\\s50%\\s+([0-9.]+\\w+)")));
      figures.put("p90", millis(find(text, "\\s90%\\s+([0-9.]+\\w+)")));
      figures.put("p99", millis(find(text, "\\s99%\\s+([0-9.]+\\w+)")));
      figures.put("requests", Double.parseDouble(find(text, "(\\d+) requests in")));
      double errors = 0;
      Matcher socket =
          Pattern.compile(
                  "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
              .matcher(text);
      if (socket.find()) {
        for (int g = 1; g <= 4; g++) {
          errors += Double.parseDouble(socket.group(g));
        }
      }
      Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(text);
      if (non2xx.find()) {
        errors += Double.parseDouble(non2xx.group(1));
      }
      figures.put("errors", errors);
      log("api: " + figures);
      return figures;
    }

    private List<String> wrk(Path script, String duration) {
      return List.of(
          "wrk",
          "-t2",
          "-c64",
          "-d" + duration,
          "--latency",
          "-s",
          script.toString(),
          "http://127.0.0.1:" + port + "/");
    }

    private boolean answers() {
      try {
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html")).build(),
            HttpResponse.BodyHandlers.discarding());
        return true;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    long peakKib() {
      return Processes.peakKib(process.pid());
    }

    private long generation() {
      String status = status();
      return status.isEmpty() ? -1 : Long.parseLong(find(status, "\"generation\":(\\d+)"));
    }

    /** serve's status as JSON, or empty while it does not answer. */
    private String status() {
      try {
        return http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/__medguide/status"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
      } catch (IOException e) {
        return "";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "";
      }
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      process.waitFor();
    }
  }

  private static double millis(String value) {
    Matcher m = Pattern.compile("([0-9.]+)(us|ms|s)").matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(value);
    }
    double number = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> number / 1000;
      case "ms" -> number;
      default -> number * 1000;
    };
  }

  static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in:\n" + text);
    }
    return m.group(1);
  }

  private String classpath() throws IOException {
    return project.resolve("target/test-classes")
        + ":"
        + project.resolve("target/classes")
        + ":"
        + Files.readString(project.resolve("target/bench.classpath")).trim();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<Integer> ints(String list) {
    List<Integer> values = new ArrayList<>();
    for (String s : list.split(",")) {
      values.add(Integer.parseInt(s.trim()));
    }
    return values;
  }

  static void log(String line) {
    System.out.println(line);
  }
}
