package dev.medguide.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a one-shot {@code build} in a JVM tuned for short runs. A build spends most of its time
 * starting and warming up (JRuby, Asciidoctor, JBake, Kuromoji) and finishes before HotSpot's
 * optimising compiler pays off; measured on the real site (docs/benchmarks.md), stopping at the
 * quick first-tier compiler and running JRuby in its interpreter halve the CPU time of a build. A
 * {@code java -jar} command line cannot carry JVM flags, so {@code main} starts the build again in
 * a child JVM that has them, with the same class path, arguments, standard streams and exit code.
 *
 * <p>The child's heap is capped by the size of the content ({@link #heapMib}): left to itself, G1
 * grows the heap far beyond what a build keeps alive (3 GiB resident for a 10,000-page build whose
 * live data stays under 500 MiB). Should the cap ever be too small, the child's JVM marks that it
 * ran out of memory; the child is then stopped as Ctrl-C would stop it (the site stays as it was,
 * since a build writes into a staging folder) and the build runs again with the JVM's default heap.
 *
 * <p>The child also maps a class-data-sharing archive ({@link ClassArchive}): the classes of JRuby,
 * Asciidoctor, JBake and Lucene, already parsed and verified. The first build with a given JVM and
 * jar writes it as it exits (some seconds, once); later builds start faster.
 *
 * <p>Long-running commands ({@code serve}) keep the default JVM: they outlive the warm-up. The
 * child is skipped when the JVM already runs with these flags, or with {@code
 * -Dmedguide.jvm=current}.
 */
final class OneShotJvm {
  /** The flags, chosen by measurement (docs/benchmarks.md). */
  static final List<String> FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-Djruby.compile.mode=OFF", "-Dmedguide.jvm=one-shot");

  /** How often a capped child is checked for having run out of memory. */
  private static final long OUT_OF_MEMORY_POLL_MILLIS = 100;

  /** How long a child stopped after running out of memory has to end before it is killed. */
  private static final long STOP_GRACE_SECONDS = 10;

  /** The property that tells a child build its launcher's process id. */
  static final String LAUNCHER = "medguide.launcher";

  /** The exit code of a build stopped because its launcher ended (as after Ctrl-C). */
  static final int LAUNCHER_GONE = 130;

  private OneShotJvm() {}

  /**
   * In a child build: ends this JVM when the launcher ends, however it ended (a SIGKILL runs no
   * shutdown hook, so the launcher cannot stop the child itself). The exit runs this JVM's hooks,
   * which leave the site as it was (a build writes into a staging folder).
   */
  static void watchLauncher() {
    String pid = System.getProperty(LAUNCHER);
    if (pid == null) {
      return;
    }
    Optional<ProcessHandle> launcher;
    try {
      launcher = ProcessHandle.of(Long.parseLong(pid));
    } catch (NumberFormatException e) {
      return;
    }
    if (launcher.isEmpty()) {
      launcherGone();
      return;
    }
    // Polled, not onExit(): for a process that is not its child the JDK may notice late.
    Thread watch =
        new Thread(
            () -> {
              try {
                while (launcher.get().isAlive()) {
                  Thread.sleep(LAUNCHER_POLL_MILLIS);
                }
                launcherGone();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "medguide-watch-launcher");
    watch.setDaemon(true);
    watch.start();
  }

  /** How often a child build checks that its launcher is alive. */
  private static final long LAUNCHER_POLL_MILLIS = 100;

  private static void launcherGone() {
    System.err.println("medguide: the command that started this build has ended; stopping it");
    System.exit(LAUNCHER_GONE);
  }

  /**
   * Runs the command in a tuned child JVM if it is a one-shot build and this JVM is not tuned.
   *
   * @return the child's exit code, or empty to run the command in this JVM
   */
  static Optional<Integer> relaunch(String[] args) {
    if (System.getProperty("medguide.jvm") != null || !isBuild(args)) {
      return Optional.empty();
    }
    Path marker = null;
    try {
      marker = Files.createTempFile("medguide-out-of-memory", ".marker");
      Files.delete(marker);
      long heap = Long.getLong("medguide.heapMib", heapMib(contentBytes(args)));
      ClassArchive archive = ClassArchive.forThisJvm();
      List<String> flags = new ArrayList<>(archive.flags());
      flags.addAll(List.of("-Xmx" + heap + "m", "-XX:OnOutOfMemoryError=touch " + marker));
      Optional<Integer> capped = run(args, flags, marker);
      archive.finish(capped.isPresent() && capped.get() == 0);
      if (capped.isEmpty() || !Files.exists(marker)) {
        return capped;
      }
      System.err.println(
          "medguide: the build needed more than " + heap + " MiB; building again with more");
      return run(args, List.of(), null);
    } catch (IOException e) {
      return run(args, List.of(), null);
    } finally {
      if (marker != null) {
        try {
          Files.deleteIfExists(marker);
        } catch (IOException e) {
          // a temporary file left behind
        }
      }
    }
  }

  /**
   * The heap cap for content of this many bytes: 256 MiB (JRuby, Asciidoctor, the Kuromoji
   * dictionary) and 8 bytes per byte of content, never below 512 MiB nor above the JVM's default (a
   * quarter of the machine's memory). Measured at 10,220 pages (42 MiB of content, so 592 MiB): a
   * 600 MiB heap took the build no longer than the default heap, with a peak resident size of 880
   * MB, where the default heap reached 2 to 3 GB.
   */
  static long heapMib(long contentBytes) {
    long mib = 256 + 8 * contentBytes / (1024 * 1024);
    long ceiling = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return Math.max(512, Math.min(mib, ceiling));
  }

  /** The size of the content folder the build reads (-c, or ./content), 0 if unreadable. */
  static long contentBytes(String[] args) {
    Path content = Path.of("content");
    for (int i = 0; i < args.length; i++) {
      if ((args[i].equals("-c") || args[i].equals("--content")) && i + 1 < args.length) {
        content = Path.of(args[i + 1]);
      } else if (args[i].startsWith("--content=")) {
        content = Path.of(args[i].substring("--content=".length()));
      }
    }
    try (Stream<Path> files = Files.walk(content)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /**
   * Runs the command in a child JVM with these extra flags.
   *
   * @param outOfMemory the file the child's JVM creates when it runs out of memory, or null
   */
  private static Optional<Integer> run(String[] args, List<String> extraFlags, Path outOfMemory) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(FLAGS);
    command.addAll(extraFlags);
    // The -Dmedguide.* settings given to the launcher are the build's.
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("medguide.") && !name.equals("medguide.jvm"))
        .filter(name -> !name.equals(LAUNCHER))
        .sorted()
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.add("-D" + LAUNCHER + "=" + ProcessHandle.current().pid());
    command.add("-cp");
    command.add(ClassArchive.absoluteClassPath());
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    try {
      Process child = new ProcessBuilder(command).inheritIO().start();
      // Stopping this JVM (Ctrl-C, a kill) stops the build too; its own hooks clean up.
      Thread stop = new Thread(child::destroy, "medguide-stop-build");
      Runtime.getRuntime().addShutdownHook(stop);
      int code = waitFor(child, outOfMemory);
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

  /**
   * Waits for the child to end. A child whose JVM ran out of memory is stopped as Ctrl-C would stop
   * it: its build runs again anyway, and it might never end by itself, since a thread that died of
   * the error can leave others waiting forever for what it was to produce.
   */
  private static int waitFor(Process child, Path outOfMemory) {
    boolean stopping = false;
    while (true) {
      try {
        if (child.waitFor(OUT_OF_MEMORY_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          return child.exitValue();
        }
        if (!stopping && outOfMemory != null && Files.exists(outOfMemory)) {
          stopping = true;
          child.destroy();
          if (!child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
          }
        }
      } catch (InterruptedException e) {
        child.destroy();
      }
    }
  }
}
