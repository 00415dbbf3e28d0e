package dev.medguide.publish;

import dev.medguide.BuildException;
import dev.medguide.config.BuildOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stage 5: the build writes into a staging folder next to the output folder; only a build in which
 * every stage succeeded puts it in place. A failed build leaves the previous site untouched, and a
 * build killed at any instant leaves a complete site, old or new:
 *
 * <ol>
 *   <li>A journal ({@code .site.publish}) names the folders to put in place, then each is swapped
 *       with its target in one step ({@code renameat2(RENAME_EXCHANGE)}, see {@link
 *       DirectoryExchange}): the search index beside the site first, the site last. Where the
 *       system cannot swap, the target is renamed aside and the staged folder renamed in: for the
 *       instant between, the site is absent on disk.
 *   <li>Every build and {@code serve} first runs {@link #recover}: it finishes a journal that a
 *       killed publish left (so the site absent for that instant comes back), then deletes staging
 *       and previous-site folders that no running process owns.
 * </ol>
 *
 * The previous site is deleted after the swap; if that fails the build still succeeded, with a
 * warning, and the next run's recovery deletes it.
 */
public final class SitePublisher {
  /** The file that marks a folder as a site written by medguide, which a build may replace. */
  public static final String MARKER = ".medguide-site";

  private static final String MARKER_TEXT =
      "This folder is a site built by medguide; each build replaces all of it.\n"
          + "このフォルダーは medguide が生成したサイトです。ビルドのたびに全体が置き換わります。\n";

  /** Folders that live beside a site folder and are published with it. */
  private static final String[] COMPANIONS = {".search"};

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path outputDir;
  private final PublishSteps steps;
  private final boolean exchange;

  /** A shutdown hook's registration: closing it removes the hook. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Set when the JVM is stopping: no publish may begin. */
  private boolean stopping;

  public SitePublisher(BuildOptions options) {
    this(options.outputDir(), new PublishSteps(options.publishPause()), options.renameExchange());
  }

  SitePublisher(Path outputDir, PublishSteps steps, boolean exchange) {
    this.outputDir = outputDir.toAbsolutePath().normalize();
    this.steps = steps;
    this.exchange = exchange;
  }

  /**
   * Finishes a publish that a killed build left half done, and deletes the staging and previous
   * folders that no running build owns. Run it before a build or server starts.
   *
   * @return warnings: what could not be deleted (the next recovery tries again)
   */
  public List<String> recover() {
    if (outputDir.getParent() == null || !Files.isDirectory(outputDir.getParent())) {
      return List.of();
    }
    try (PublishLock lock = PublishLock.take(outputDir)) {
      Optional<PublishJournal> journal = PublishJournal.read(PublishJournal.fileOf(outputDir));
      if (journal.isPresent()) {
        apply(journal.get());
        Files.delete(PublishJournal.fileOf(outputDir));
      }
      return new Leftovers(outputDir, COMPANIONS).clean();
    } catch (IOException | RuntimeException e) {
      throw new BuildException(
          "cannot finish the interrupted publish of "
              + outputDir
              + ": "
              + e.getMessage()
              + " (see "
              + PublishJournal.fileOf(outputDir)
              + ")",
          e);
    }
  }

  /** A new, empty staging folder on the same file system as the output folder. */
  public Path createStaging() {
    Path parent = outputDir.getParent();
    try {
      Files.createDirectories(parent);
      byte[] random = new byte[6];
      RANDOM.nextBytes(random);
      return Files.createDirectory(
          parent.resolve(
              "."
                  + outputDir.getFileName()
                  + ".staging-"
                  + ProcessHandle.current().pid()
                  + "-"
                  + HexFormat.of().formatHex(random)));
    } catch (IOException e) {
      throw new BuildException(
          "cannot create a staging folder next to " + outputDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Publishes a staging folder: a whole site replaces the output folder (and the staging folder's
   * companions, the search index beside it, the output's), then the previous ones are deleted; a
   * partial one's files are moved over their counterparts in the output folder, each in one atomic
   * move, so a reader never sees a half-written page.
   *
   * @param whole whether {@code staging} is a whole site
   * @return warnings: a previous folder that could not be deleted (the build still succeeded)
   */
  public List<String> publish(Path staging, boolean whole) {
    if (!whole) {
      publishFiles(staging);
      return List.of();
    }
    if (Files.exists(outputDir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(outputDir)) {
      throw new BuildException("output path exists and is not a folder: " + outputDir);
    }
    List<PublishJournal.Move> moves = new ArrayList<>();
    try {
      Files.writeString(staging.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
      for (String suffix : COMPANIONS) {
        Path staged = companion(staging, suffix);
        if (Files.exists(staged)) {
          moves.add(
              PublishJournal.Move.of(staged, companion(outputDir, suffix), aside(staged, suffix)));
        }
      }
      moves.add(PublishJournal.Move.of(staging, outputDir, aside(staging, "")));
    } catch (IOException e) {
      throw new BuildException("cannot publish " + outputDir + ": " + e.getMessage(), e);
    }
    synchronized (this) {
      if (stopping) {
        throw new BuildException("stopped before publishing; " + outputDir + " was not changed");
      }
      try (PublishLock lock = PublishLock.take(outputDir)) {
        steps.reached("staged");
        Path journal = PublishJournal.fileOf(outputDir);
        new PublishJournal(moves).write(journal);
        steps.reached("journal-written");
        apply(new PublishJournal(moves));
        Files.delete(journal);
        steps.reached("journal-deleted");
      } catch (IOException e) {
        throw new BuildException("cannot publish " + outputDir + ": " + e.getMessage(), e);
      }
    }
    steps.reached("published");
    List<String> warnings = new ArrayList<>();
    for (PublishJournal.Move move : moves) {
      for (Path previous : List.of(move.stagedPath(), move.asidePath())) {
        Leftovers.delete(previous).ifPresent(warnings::add);
      }
    }
    return warnings;
  }

  /** Puts each staged folder of the journal in place, skipping those already there. */
  private void apply(PublishJournal journal) throws IOException {
    for (PublishJournal.Move move : journal.moves()) {
      if (move.done()) {
        continue;
      }
      Path target = move.targetPath();
      Path staged = move.stagedPath();
      String name = target.equals(outputDir) ? "site" : "companion";
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        DirectoryExchange.move(staged, target);
        steps.reached("moved-" + name);
      } else if (exchange && DirectoryExchange.get().exchange(staged, target)) {
        steps.reached("exchanged-" + name);
      } else {
        DirectoryExchange.move(target, move.asidePath());
        steps.reached("aside-" + name);
        DirectoryExchange.move(staged, target);
        steps.reached("moved-" + name);
      }
    }
  }

  /** Where the previous folder goes if it cannot be swapped: {@code .site.old-<pid>-<random>}. */
  private Path aside(Path staged, String suffix) {
    String name = staged.getFileName().toString();
    String id = name.substring(name.indexOf(".staging-") + ".staging-".length());
    if (!suffix.isEmpty()) {
      id = id.substring(0, id.length() - suffix.length());
    }
    Path target = suffix.isEmpty() ? outputDir : companion(outputDir, suffix);
    return target.resolveSibling("." + target.getFileName() + ".old-" + id);
  }

  /**
   * Until the returned handle is closed, a JVM that is stopped (Ctrl-C, a kill, a build stopped
   * after running out of memory) deletes the staging folder and its companions on its way out. A
   * publish under way finishes its moves first; one that has not begun does not begin.
   */
  public Registration discardWhenStopped(Path staging) {
    Thread hook =
        new Thread(
            () -> {
              synchronized (this) {
                stopping = true;
              }
              discardQuietly(staging);
            },
            "medguide-discard-staging");
    Runtime.getRuntime().addShutdownHook(hook);
    return () -> {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already stopping: the hook runs
      }
    };
  }

  /**
   * Deletes a staging folder whose build may still be writing into it (its workers run until the
   * JVM halts, and may create the folder again): pass after pass until it is gone and stays gone
   * for a moment, or {@link #DISCARD_MILLIS} have passed; what is left then, the next run's
   * recovery deletes.
   */
  private void discardQuietly(Path staging) {
    long deadline = System.nanoTime() + DISCARD_MILLIS * 1_000_000;
    try {
      while (System.nanoTime() < deadline) {
        if (discard(staging).isEmpty()) {
          Thread.sleep(50);
          if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)
              && !Files.exists(companion(staging, COMPANIONS[0]), LinkOption.NOFOLLOW_LINKS)) {
            return;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How long a stopping JVM keeps deleting its staging folder. */
  private static final long DISCARD_MILLIS = 5_000;

  /** Moves every file of a partial staging folder over its counterpart in the output folder. */
  private void publishFiles(Path staging) {
    try (PublishLock lock = PublishLock.take(outputDir);
        Stream<Path> walk = Files.walk(staging)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        Path target = outputDir.resolve(staging.relativize(file).toString());
        Files.createDirectories(target.getParent());
        try {
          Files.move(
              file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new BuildException("cannot publish into " + outputDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the staging folder (and its companions) if still there: the build failed, or the
   * previous site is in it after a swap.
   *
   * @return warnings: what could not be deleted (the next build's recovery deletes it)
   */
  public List<String> discard(Path staging) {
    List<String> warnings = new ArrayList<>();
    for (String suffix : COMPANIONS) {
      Leftovers.delete(companion(staging, suffix)).ifPresent(warnings::add);
    }
    Leftovers.delete(staging).ifPresent(warnings::add);
    return warnings;
  }

  /** The companion folder of a site folder: {@code site} → {@code .site.search}. */
  static Path companion(Path dir, String suffix) {
    return dir.resolveSibling("." + dir.getFileName() + suffix);
  }
}
