package dev.medguide.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a one-shot {@code build} in a JVM tuned for short runs. A build spends most of its time
 * starting and warming up (JRuby, Asciidoctor, JBake, Kuromoji) and finishes before HotSpot's
 * optimising compiler pays off; measured on the real site (docs/benchmarks.md), stopping at the
 * quick first-tier compiler and running JRuby in its interpreter halve the CPU time of a build. A
 * {@code java -jar} command line cannot carry JVM flags, so {@code main} starts the build again in
 * a child JVM that has them, with the same class path, arguments, standard streams and exit code.
 *
 * <p>Long-running commands ({@code serve}) keep the default JVM: they outlive the warm-up. The
 * child is skipped when the JVM already runs with these flags, or with {@code
 * -Dmedguide.jvm=current}.
 */
final class OneShotJvm {
  /** The flags, chosen by measurement (docs/benchmarks.md). */
  static final List<String> FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-Djruby.compile.mode=OFF", "-Dmedguide.jvm=one-shot");

  private OneShotJvm() {}

  /**
   * Runs the command in a tuned child JVM if it is a one-shot build and this JVM is not tuned.
   *
   * @return the child's exit code, or empty to run the command in this JVM
   */
  static Optional<Integer> relaunch(String[] args) {
    if (System.getProperty("medguide.jvm") != null || !isBuild(args)) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(FLAGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    try {
      Process child = new ProcessBuilder(command).inheritIO().start();
      // Stopping this JVM (Ctrl-C, a kill) stops the build too; its own hooks clean up.
      Thread stop = new Thread(child::destroy, "medguide-stop-build");
      Runtime.getRuntime().addShutdownHook(stop);
      int code = waitFor(child);
      Runtime.getRuntime().removeShutdownHook(stop);
      return Optional.of(code);
    } catch (IOException e) {
      return Optional.empty(); // no java binary to start: build in this JVM
    }
  }

  private static boolean isBuild(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg.equals("build");
      }
    }
    return false;
  }

  private static int waitFor(Process child) {
    while (true) {
      try {
        return child.waitFor();
      } catch (InterruptedException e) {
        child.destroy();
      }
    }
  }
}
