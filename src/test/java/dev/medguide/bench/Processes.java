package dev.medguide.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the benchmark's programs as separate processes and measures each: wall time from start to
 * exit, and peak memory, the sum of the peak resident sizes (VmHWM) of the process and every
 * process it starts (medguide's build runs in a child JVM), sampled every 20 ms from /proc.
 */
final class Processes {
  private Processes() {}

  /** One finished run. */
  record Run(Duration wall, long peakKib, int exitCode, String out, String err, boolean stopped) {
    double seconds() {
      return wall.toNanos() / 1e9;
    }
  }

  /** Runs a command in {@code dir} to its end and measures it; fails if it exits non-zero. */
  static Run run(Path dir, List<String> command) {
    return run(dir, command, null);
  }

  /**
   * Runs a command in {@code dir} and measures it; fails if it exits non-zero. A run that takes
   * longer than {@code limit} (if not null) is stopped, with its children, and comes back with
   * {@code stopped} set and the limit as its time (a lower bound).
   */
  static Run run(Path dir, List<String> command, Duration limit) {
    try {
      File out = File.createTempFile("bench-out", ".txt");
      File err = File.createTempFile("bench-err", ".txt");
      try {
        long start = System.nanoTime();
        Process process =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out)
                .redirectError(err)
                .start();
        Map<Long, Long> peaks = new HashMap<>();
        boolean stopped = false;
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
          sample(process.toHandle(), peaks);
          if (limit != null && System.nanoTime() - start > limit.toNanos()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            stopped = true;
          }
        }
        Duration wall = stopped ? limit : Duration.ofNanos(System.nanoTime() - start);
        Run run =
            new Run(
                wall,
                peaks.values().stream().mapToLong(Long::longValue).sum(),
                process.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8),
                stopped);
        if (run.exitCode() != 0 && !stopped) {
          throw new IllegalStateException(
              String.join(" ", command) + " exited " + run.exitCode() + ":\n" + run.err());
        }
        return run;
      } finally {
        Files.deleteIfExists(out.toPath());
        Files.deleteIfExists(err.toPath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The peak resident size of a running process, in KiB, from /proc (0 if gone). */
  static long peakKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the process has just ended
    }
    return 0;
  }

  private static void sample(ProcessHandle process, Map<Long, Long> peaks) {
    try (Stream<ProcessHandle> tree =
        Stream.concat(Stream.of(process), process.descendants().toList().stream())) {
      tree.forEach(p -> peaks.merge(p.pid(), peakKib(p.pid()), Math::max));
    }
  }

  /** Deletes a folder tree if it exists. */
  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The total size of the files under a folder, in bytes. */
  static long size(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
