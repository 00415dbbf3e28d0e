package dev.medguide.cli;

import dev.medguide.publish.OutputSafety;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folders every command works on: {@code -c}, {@code -t}, {@code -o} (a picocli mixin). */
final class SiteFolders {
  @Option(
      names = {"-c", "--content"},
      paramLabel = "DIR",
      description = "AsciiDoc pages and data files (default: ${DEFAULT-VALUE}).")
  Path content = Path.of("content");

  @Option(
      names = {"-t", "--templates"},
      paramLabel = "DIR",
      description = "Freemarker templates, messages and assets (default: ${DEFAULT-VALUE}).")
  Path templates = Path.of("templates");

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "The site folder (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("site");

  /** The site folder to publish into: the output, or the folder it links to. */
  Path site() {
    return Files.isSymbolicLink(output) ? OutputSafety.real(output) : output;
  }
}
