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

  /** The glossary of the content (the search's analysis depends on it). */
  java.util.List<dev.medguide.model.GlossaryTerm> glossary() {
    dev.medguide.config.BuildOptions options =
        new dev.medguide.config.BuildOptions(
            content,
            templates,
            output,
            java.util.EnumSet.allOf(dev.medguide.model.Language.class),
            false,
            java.util.Optional.empty(),
            java.util.Optional.empty());
    return new dev.medguide.load.ContentLoader(options).load().model().data().glossary();
  }

  /** The site folder to publish into: the output, or the folder it links to. */
  Path site() {
    return Files.isSymbolicLink(output) ? OutputSafety.real(output) : output;
  }
}
