package dev.medguide.cli;

import dev.medguide.BuildException;
import dev.medguide.model.ContentProblemsException;
import dev.medguide.publish.OutputRefusedException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code medguide} command line. */
@Command(
    name = "medguide",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Builds the bilingual knowledge base of the MHLW and MIC medical-information security guidelines.",
    subcommands = {
      BuildCommand.class,
      RequirementsCommand.class,
      SearchCommand.class,
      ServeCommand.class,
      SearchExportCommand.class,
      SearchPublishCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the content has problems (each listed as path:line: message); the site was not changed",
      "2:wrong command line, or an output refused (it would replace sources or files medguide did not write)",
      "3:a folder could not be read or written"
    })
public final class Main implements Runnable {
  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(err);
  }

  /** Runs the command line and returns its exit code; help and version go to {@code out}. */
  static int execute(PrintStream out, PrintStream err, String... args) {
    Main main = new Main(out, err);
    CommandLine cli = new CommandLine(main);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    // A wrong command line gets one line saying what is wrong and where the help is.
    cli.setParameterExceptionHandler(
        (e, rest) -> {
          err.println(
              "error: "
                  + e.getMessage()
                  + " (see: "
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help)");
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ContentProblemsException problems) {
            problems.problems().forEach(err::println);
            int count = problems.problems().size();
            err.printf(
                "build failed: %d problem%s; the output folder was not changed%n",
                count, count == 1 ? "" : "s");
            return ExitCodes.CONTENT_ERRORS;
          }
          if (e instanceof OutputRefusedException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
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
    OneShotJvm.watchLauncher();
    Optional<Integer> tuned = OneShotJvm.relaunch(args);
    if (tuned.isPresent()) {
      System.exit(tuned.get());
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code;
    try {
      code = execute(out, err, args);
    } catch (OutOfMemoryError e) {
      // Exit even so: the threads of JBake's store and of JRuby would keep this JVM alive.
      err.println("error: out of memory (" + e.getMessage() + "); give Java more with -Xmx");
      code = ExitCodes.ENVIRONMENT;
    }
    System.exit(code);
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
