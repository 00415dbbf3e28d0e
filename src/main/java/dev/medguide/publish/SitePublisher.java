package dev.medguide.publish;

import dev.medguide.BuildException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stage 5: the build writes into a staging folder next to the output folder; only a build in which
 * every stage succeeded swaps it in. A failed build leaves the previous site untouched.
 */
public final class SitePublisher {
  /** Folders that live beside a site folder and are published with it. */
  private static final String[] COMPANIONS = {".search"};

  private final Path outputDir;

  /** A shutdown hook's registration: closing it removes the hook. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Set when the JVM is stopping: no publish may begin. */
  private boolean stopping;

  public SitePublisher(Path outputDir) {
    this.outputDir = outputDir.toAbsolutePath().normalize();
  }

  /** A new, empty staging folder on the same file system as the output folder. */
  public Path createStaging() {
    try {
      Path parent = outputDir.getParent();
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, "." + outputDir.getFileName() + ".staging-");
    } catch (IOException e) {
      throw new BuildException(
          "cannot create a staging folder next to " + outputDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the output folder with the staging folder, and the output's companion folders (the
   * search index beside it) with the staging folder's.
   */
  public void publish(Path staging) {
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw new BuildException("output path exists and is not a folder: " + outputDir);
    }
    List<Path> replaced = new ArrayList<>();
    synchronized (this) {
      if (stopping) {
        throw new BuildException("stopped before publishing; " + outputDir + " was not changed");
      }
      for (String suffix : COMPANIONS) {
        Path from = companion(staging, suffix);
        if (Files.exists(from)) {
          replaced.add(swap(from, companion(outputDir, suffix)));
        }
      }
      replaced.add(swap(staging, outputDir));
    }
    for (Path old : replaced) {
      try {
        if (Files.exists(old)) {
          delete(old);
        }
      } catch (IOException e) {
        throw new BuildException(
            "cannot delete the previous site " + old + ": " + e.getMessage(), e);
      }
    }
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
   * Deletes what it can of a staging folder whose build may still be writing into it: a second or
   * third pass takes what the build added during the first.
   */
  private void discardQuietly(Path staging) {
    for (int pass = 0; pass < 3; pass++) {
      try {
        discard(staging);
        return;
      } catch (BuildException e) {
        // files added meanwhile; try again
      }
    }
  }

  /**
   * Moves every file of a partial staging folder (a one-page rebuild) over its counterpart in the
   * output folder, each in one atomic move, so a reader never sees a half-written page.
   *
   * @return how many files were published
   */
  public int publishFiles(Path staging) {
    try (Stream<Path> walk = Files.walk(staging)) {
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
      return files.size();
    } catch (IOException e) {
      throw new BuildException("cannot publish into " + outputDir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the staging folder (and its companions) if still there (the build failed). */
  public void discard(Path staging) {
    try {
      for (String suffix : COMPANIONS) {
        if (Files.exists(companion(staging, suffix))) {
          delete(companion(staging, suffix));
        }
      }
      if (Files.exists(staging)) {
        delete(staging);
      }
    } catch (IOException e) {
      throw new BuildException(
          "cannot delete the staging folder " + staging + ": " + e.getMessage(), e);
    }
  }

  /** The companion folder of a site folder: {@code site} → {@code .site.search}. */
  private static Path companion(Path dir, String suffix) {
    return dir.resolveSibling("." + dir.getFileName() + suffix);
  }

  /** Moves {@code to} aside and {@code from} in its place; returns where {@code to} went. */
  private static Path swap(Path from, Path to) {
    Path old =
        to.resolveSibling("." + to.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
    try {
      if (Files.exists(to)) {
        move(to, old);
      }
      move(from, to);
      return old;
    } catch (IOException e) {
      throw new BuildException("cannot publish " + to + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void delete(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
