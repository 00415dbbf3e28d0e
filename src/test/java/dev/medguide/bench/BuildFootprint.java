package dev.medguide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * What the build costs with and without a change: the wall time of {@code build} on the real
 * content (runs alternate between the two jars, so the machine's load falls on both) and the size
 * of what {@code build} loads, the jar and the libraries its manifest names, each with its ratio.
 * Also the size of the libraries loaded only on demand ({@code solr-lib/}). Run by bench/footprint,
 * which packages the base commit in a worktree.
 *
 * <pre>java -cp ... dev.medguide.bench.BuildFootprint BASE_TARGET NEW_TARGET CONTENT [RUNS]</pre>
 */
public final class BuildFootprint {
  private BuildFootprint() {}

  public static void main(String[] args) throws Exception {
    Path base = Path.of(args[0]);
    Path next = Path.of(args[1]);
    Path content = Path.of(args[2]);
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Path work = Files.createTempDirectory("medguide-footprint");
    List<Double> baseTimes = new ArrayList<>();
    List<Double> nextTimes = new ArrayList<>();
    for (int i = 0; i <= runs; i++) {
      double b = build(base, content, work.resolve("base-" + i));
      double n = build(next, content, work.resolve("next-" + i));
      if (i > 0) { // the first pair warms the page cache
        baseTimes.add(b);
        nextTimes.add(n);
      }
      System.out.printf("run %d: base %.2f s, new %.2f s%n", i, b, n);
    }
    long baseBytes = runtimeBytes(base);
    long nextBytes = runtimeBytes(next);
    double bt = Stats.median(baseTimes);
    double nt = Stats.median(nextTimes);
    System.out.printf(
        "build (real content, median of %d): base %.2f s, new %.2f s, ratio %.3f%n",
        runs, bt, nt, nt / bt);
    System.out.printf(
        "build's class path (jar + manifest Class-Path): base %.2f MiB, new %.2f MiB, ratio %.4f%n",
        baseBytes / 1048576.0, nextBytes / 1048576.0, nextBytes / (double) baseBytes);
    System.out.printf(
        "jar alone: base %d bytes, new %d bytes; loaded on demand (solr-lib/): %.2f MiB%n",
        Files.size(base.resolve("medguide.jar")),
        Files.size(next.resolve("medguide.jar")),
        folderBytes(next.resolve("solr-lib")) / 1048576.0);
  }

  private static double build(Path target, Path content, Path out) {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            target.resolve("medguide.jar").toString(),
            "build",
            "-c",
            content.toString(),
            "-o",
            out.toString());
    return Processes.run(content.getParent(), command).seconds();
  }

  /** The jar and every library its manifest's Class-Path names. */
  static long runtimeBytes(Path target) throws IOException {
    Path jar = target.resolve("medguide.jar");
    long bytes = Files.size(jar);
    try (JarFile file = new JarFile(jar.toFile())) {
      String classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
      for (String entry : classPath.trim().split("\\s+")) {
        bytes += Files.size(target.resolve(entry));
      }
    }
    return bytes;
  }

  private static long folderBytes(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = Files.list(dir)) {
      long sum = 0;
      for (Path f : files.toList()) {
        sum += Files.size(f);
      }
      return sum;
    }
  }
}
