package dev.medguide.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folders every command reads: {@code -c} and {@code -t} (a picocli mixin). */
class ContentFolders {
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
}
