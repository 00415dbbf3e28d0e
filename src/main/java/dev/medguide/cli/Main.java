package dev.medguide.cli;

import dev.medguide.BuildException;
import dev.medguide.model.ContentProblemsException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code medguide} command line. */
@Command(
    name = "medguide",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Builds the bilingual knowledge base of the MHLW and MIC medical-information security guidelines.",
    subcommands = {BuildCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the content has problems (each listed as path:line: message); the site was not changed",
      "2:wrong command line",
      "3:a folder could not be read or written"
    })
public final class Main implements Runnable {
  private final PrintStream err;

  Main(PrintStream err) {
    this.err = err;
  }

  PrintStream err() {
    return err;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(err);
  }

  /** Runs the command line and returns its exit code. */
  static int execute(PrintStream err, String... args) {
    Main main = new Main(err);
    CommandLine cli = new CommandLine(main);
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ContentProblemsException problems) {
        problems.problems().forEach(err::println);
        err.printf("build failed: %d problem%s; %s was not changed%n", problems.problems().size(), problems.problems().size() == 1 ? "" : "s", "the site");
        return ExitCodes.CONTENT_ERRORS;
      }
      if (e instanceof BuildException) {
        err.println("error: " + e.getMessage());
        return ExitCodes.ENVIRONMENT;
      }
      throw e;
    });
    return cli.execute(args);
  }

  public static void main(String[] args) {
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(err, args));
  }

  /** The version from the jar manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"medguide " + (version == null ? "(development)" : version)};
    }
  }
}
