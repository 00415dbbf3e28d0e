package dev.medguide.cli;

import dev.medguide.config.BuildOptions;
import dev.medguide.export.RequirementCatalogue;
import dev.medguide.internal.Messages;
import dev.medguide.load.ContentLoader;
import dev.medguide.load.LoadedContent;
import dev.medguide.model.Language;
import dev.medguide.model.Problems;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code medguide requirements}: the requirements catalogue from the content, as CSV, JSON or XLSX.
 */
@Command(
    name = "requirements",
    description =
        "Write every requirement (id, guideline, section, level, number, edition, 第6.0版 place,"
            + " text, URL, counterparts) from the content, for spreadsheets and GRC tools.",
    mixinStandardHelpOptions = true)
final class RequirementsCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format {
    csv,
    json,
    xlsx
  }

  @ParentCommand private Main main;

  @Spec CommandSpec spec;

  @Mixin ContentFolders folders;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      converter = LanguageConverter.class,
      description = "The language of the texts and labels: ja or en (default: ja).")
  Language lang = Language.JA;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "csv (UTF-8 with BOM, for Excel), json or xlsx (default: ${DEFAULT-VALUE}).")
  Format format = Format.csv;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "The file to write (default: standard output; required for xlsx).")
  Path output;

  @Override
  public Integer call() throws IOException {
    Logging.configure(false);
    if (format == Format.xlsx && output == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--format xlsx needs -o FILE (a workbook is not written to a terminal)");
    }
    BuildOptions options =
        new BuildOptions(
            folders.content,
            folders.templates,
            Path.of("site"),
            EnumSet.allOf(Language.class),
            false,
            Optional.empty(),
            Optional.empty());
    LoadedContent loaded = new ContentLoader(options).load();
    Messages messages = new Messages(folders.templates);
    Problems problems = new Problems();
    problems.addAll(loaded.problems());
    messages.check(problems);
    problems.throwIfAny();
    RequirementCatalogue catalogue = RequirementCatalogue.of(loaded.model(), messages, lang);
    if (output == null) {
      write(catalogue, main.out());
      main.out().flush();
    } else {
      writeFile(catalogue, output);
      main.err().printf("%d requirements written to %s%n", catalogue.rows().size(), output);
    }
    return ExitCodes.OK;
  }

  /** Writes beside the target and moves into place: a failure leaves no half-written file. */
  private void writeFile(RequirementCatalogue catalogue, Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), ".medguide-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        write(catalogue, out);
      }
      if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
        // A temporary file is private; the export is an ordinary file that others may read.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(
          temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void write(RequirementCatalogue catalogue, OutputStream out) {
    try {
      switch (format) {
        case csv -> catalogue.writeCsv(out);
        case json -> catalogue.writeJson(out);
        case xlsx -> catalogue.writeXlsx(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
