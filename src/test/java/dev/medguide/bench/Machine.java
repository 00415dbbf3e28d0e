package dev.medguide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The machine the benchmark ran on, for the report: processor, memory, system, tool versions. */
record Machine(String date, List<String> lines) {
  static Machine describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Processor: "
            + field("/proc/cpuinfo", "model name").orElse("unknown")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores available");
    lines.add(
        "Memory: "
            + field("/proc/meminfo", "MemTotal")
                .map(kb -> Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB")
                .orElse("unknown"));
    lines.add(
        "System: "
            + field("/etc/os-release", "PRETTY_NAME").orElse("unknown").replace("\"", "")
            + ", Linux "
            + System.getProperty("os.version"));
    lines.add(
        "Java: "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version"));
    // Debian's chromium is a shell wrapper whose --version is unreliable; ask the binary.
    lines.add("Chromium: " + firstLine("/usr/lib/chromium/chromium", "--version"));
    lines.add("Node.js: " + firstLine("node", "--version"));
    lines.add("wrk: " + firstLine("wrk", "--version"));
    return new Machine(LocalDate.now().toString(), lines);
  }

  private static Optional<String> field(String file, String key) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        int sep = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
        if (sep > 0 && line.substring(0, sep).trim().equals(key)) {
          return Optional.of(line.substring(sep + 1).trim());
        }
      }
    } catch (IOException e) {
      // not Linux, or not readable
    }
    return Optional.empty();
  }

  private static String firstLine(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      process.waitFor();
      return out.lines().findFirst().orElse("unknown");
    } catch (IOException e) {
      return "not installed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
