package dev.medguide.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resident memory of {@code medguide serve --no-watch} under a stream of distinct {@code
 * /api/search} queries: its size after a warm-up, and after many more queries, each one new (so
 * every one misses the answer cache and the cache keeps evicting). Prints the figures and their
 * ratio; the target is within 20%.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:... dev.medguide.bench.ServeMemory SITE [QUERIES]
 * </pre>
 */
public final class ServeMemory {
  private ServeMemory() {}

  public static void main(String[] args) throws Exception {
    Path site = Path.of(args[0]);
    int total = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int warmUp = total / 10;
    List<String> command = new ArrayList<>(List.of("java"));
    // An extra JVM option for serve, e.g. -XX:StartFlightRecording=filename=target/serve.jfr
    if (args.length > 2) {
      command.add(args[2]);
    }
    int port = 18000 + (int) (ProcessHandle.current().pid() % 1000);
    Process serve =
        new ProcessBuilder(
                concat(
                    command,
                    "-jar",
                    "target/medguide.jar",
                    "serve",
                    "-o",
                    site.toString(),
                    "--no-watch",
                    "--port",
                    Integer.toString(port)))
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target/serve-memory.log").toFile())
            .start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + port + "/api/search?q=";
      waitForServer(client, base);
      List<String> words = words();
      AtomicInteger next = new AtomicInteger();
      AtomicInteger errors = new AtomicInteger();
      long start = System.nanoTime();
      run(client, base, words, next, warmUp, errors, new ArrayList<>());
      long afterWarmUp = rssKib(serve.pid());
      List<Long> micros = java.util.Collections.synchronizedList(new ArrayList<>());
      run(client, base, words, next, total, errors, micros);
      long end = rssKib(serve.pid());
      List<Long> sorted = new ArrayList<>(micros);
      java.util.Collections.sort(sorted);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "distinct queries %d in %.0f s (%.0f/s, 4 connections), errors %d%n"
              + "uncached latency after warm-up: p50 %.1f ms, p99 %.1f ms%n"
              + "resident after %d (warm-up) %d MiB, after %d %d MiB: ratio %.2f (target <= 1.20)%n",
          total,
          seconds,
          total / seconds,
          errors.get(),
          sorted.get(sorted.size() / 2) / 1000.0,
          sorted.get((int) (sorted.size() * 0.99)) / 1000.0,
          warmUp,
          afterWarmUp / 1024,
          total,
          end / 1024,
          end / (double) afterWarmUp);
    } finally {
      serve.destroy();
      serve.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Sends queries numbered from next up to until, on four connections' worth of threads. */
  private static void run(
      HttpClient client,
      String base,
      List<String> words,
      AtomicInteger next,
      int until,
      AtomicInteger errors,
      List<Long> micros)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> tasks = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      tasks.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < until; i = next.getAndIncrement()) {
                  String q =
                      words.get(i % words.size())
                          + " "
                          + words.get((i / words.size()) % words.size())
                          + " "
                          + i;
                  long began = System.nanoTime();
                  try {
                    HttpResponse<Void> response =
                        client.send(
                            HttpRequest.newBuilder(
                                    URI.create(base + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                    micros.add((System.nanoTime() - began) / 1000);
                  } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> task : tasks) {
      task.get();
    }
    pool.shutdown();
    next.set(Math.max(next.get(), until));
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  private static List<String> words() throws IOException {
    List<String> words = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            Path.of("src/test/resources/relevance/queries.tsv"), StandardCharsets.UTF_8)) {
      if (!line.startsWith("#") && line.contains("\t")) {
        for (String word : line.split("\t")[0].split(" ")) {
          if (!word.isBlank() && !words.contains(word)) {
            words.add(word);
          }
        }
      }
    }
    return words;
  }

  private static void waitForServer(HttpClient client, String base) throws Exception {
    for (int i = 0; i < 600; i++) {
      try {
        client.send(
            HttpRequest.newBuilder(URI.create(base + "x")).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("serve did not start; see target/serve-memory.log");
  }

  /** The resident set of a process, in KiB (Linux). */
  private static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return 0;
  }
}
