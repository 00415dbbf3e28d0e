package dev.medguide.cli;

import dev.medguide.config.BuildOptions;
import dev.medguide.model.Language;
import dev.medguide.pipeline.BuildPipeline;
import dev.medguide.pipeline.BuildResult;
import dev.medguide.pipeline.Progress;
import dev.medguide.publish.OutputSafety;
import dev.medguide.render.Toolchain;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code medguide build}: content in, checked static site out. */
@Command(
    name = "build",
    description =
        "Build the static site from the content folder. The output folder is replaced only when the whole build succeeds.",
    mixinStandardHelpOptions = true)
final class BuildCommand implements Callable<Integer> {
  @ParentCommand private Main main;

  @Mixin SiteFolders folders;

  @Option(
      names = "--lang",
      split = ",",
      paramLabel = "LANG",
      converter = LanguageConverter.class,
      completionCandidates = LanguageConverter.Codes.class,
      description =
          "Build only these languages: ${COMPLETION-CANDIDATES} (default: all). Missing translations are errors only when all are built.")
  List<Language> languages = List.of();

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      converter = BaseUrlConverter.class,
      description =
          "Where the site will be published (e.g. https://intranet.example/policies/medguide/); makes sitemap.xml URLs absolute. Pages never depend on it.")
  Optional<String> baseUrl = Optional.empty();

  @Option(
      names = "--zip",
      arity = "0..1",
      paramLabel = "FILE",
      fallbackValue = "target/medguide-site.zip",
      description =
          "Also pack the site into one reproducible zip with README files for administrators (default file: target/medguide-site.zip).")
  Optional<Path> zip = Optional.empty();

  @Option(
      names = "--force",
      description =
          "Replace the output folder (or zip) even if it holds files that medguide did not write.")
  boolean force;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show what JBake and Asciidoctor do.")
  boolean verbose;

  @Override
  public Integer call() {
    Logging.configure(verbose);
    EnumSet<Language> selected =
        languages.isEmpty() ? EnumSet.allOf(Language.class) : EnumSet.copyOf(languages);
    OutputSafety safety = new OutputSafety(folders.content, folders.templates, force);
    safety.checkOutput(folders.output);
    safety.checkZip(zip, folders.output);
    BuildOptions options =
        new BuildOptions(
            folders.content, folders.templates, folders.site(), selected, verbose, baseUrl, zip);
    try (Toolchain toolchain = Toolchain.forOneBuild()) {
      BuildResult result = new BuildPipeline(options, toolchain, new Progress(main.err())).build();
      main.err().printf("built %d pages into %s%n", result.pages(), result.outputDir());
      return ExitCodes.OK;
    }
  }
}
