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
    List<Timed> baseTimes = new ArrayList<>();
    List<Timed> nextTimes = new ArrayList<>();
    for (int i = 0; i <= runs; i++) {
      Timed b = build(base, content, work.resolve("base-" + i));
      Timed n = build(next, content, work.resolve("next-" + i));
      if (i > 0) { // the first pair warms the page cache and writes each jar's class archive
        baseTimes.add(b);
        nextTimes.add(n);
      }
      System.out.printf(
          "run %d: base %.2f s (CPU %.2f s, index stage %.2f s), new %.2f s (CPU %.2f s, index"
              + " stage %.2f s)%n",
          i, b.wall(), b.cpu(), b.index(), n.wall(), n.cpu(), n.index());
    }
    long baseBytes = runtimeBytes(base);
    long nextBytes = runtimeBytes(next);
    for (String what : List.of("wall", "CPU", "index stage")) {
      double bt = Stats.median(baseTimes.stream().map(t -> t.get(what)).toList());
      double nt = Stats.median(nextTimes.stream().map(t -> t.get(what)).toList());
      System.out.printf(
          "build %s time (real content, median of %d): base %.2f s, new %.2f s, ratio %.3f%n",
          what, runs, bt, nt, nt / bt);
    }
    System.out.printf(
        "build's class path (jar + manifest Class-Path): base %.2f MiB, new %.2f MiB, ratio %.4f%n",
        baseBytes / 1048576.0, nextBytes / 1048576.0, nextBytes / (double) baseBytes);
    System.out.printf(
        "jar alone: base %d bytes, new %d bytes; loaded on demand (solr-lib/): %.2f MiB%n",
        Files.size(base.resolve("medguide.jar")),
        Files.size(next.resolve("medguide.jar")),
        folderBytes(next.resolve("solr-lib")) / 1048576.0);
  }

  /** One build: wall time, CPU time of it and its child JVM, and its index stage's time. */
  record Timed(double wall, double cpu, double index) {
    double get(String what) {
      return switch (what) {
        case "wall" -> wall;
        case "CPU" -> cpu;
        default -> index;
      };
    }
  }

  private static Timed build(Path target, Path content, Path out) {
    // bash's `times` gives the user and system time of everything it waited for, the build's
    // child JVM included (its launcher waits for it).
    List<String> command =
        List.of(
            "bash",
            "-c",
            "\"$@\" && times",
            "bash",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            target.resolve("medguide.jar").toString(),
            "build",
            "-c",
            content.toString(),
            "-o",
            out.toString());
    Processes.Run run = Processes.run(content.getParent(), command);
    List<String> times = run.out().strip().lines().toList();
    double cpu = 0;
    for (String part : times.get(times.size() - 1).trim().split("\\s+")) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(\\d+)m([\\d.]+)s").matcher(part);
      if (m.matches()) {
        cpu += Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
      }
    }
    java.util.regex.Matcher index =
        java.util.regex.Pattern.compile("(?m)^index\\s.*?([\\d.]+) s$").matcher(run.err());
    return new Timed(run.seconds(), cpu, index.find() ? Double.parseDouble(index.group(1)) : 0);
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
