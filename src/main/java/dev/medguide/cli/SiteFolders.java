package dev.medguide.cli;

import dev.medguide.publish.OutputSafety;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The folders of the commands that read a site: {@code -c}, {@code -t} and {@code -o} (a picocli
 * mixin).
 */
final class SiteFolders extends ContentFolders {
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
