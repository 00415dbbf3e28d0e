package dev.medguide.publish;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folders that builds leave beside a site folder: staging folders ({@code
 * .site.staging-<pid>-…} and their companions {@code ..site.staging-<pid>-….search}) and previous
 * sites moved aside ({@code .site.old-<pid>-…}, {@code ..site.search.old-<pid>-…}). Those of a
 * process that is no longer running are deleted; folders of earlier versions, which carry no
 * process id, too.
 *
 * <p>Without a journal (an earlier version killed between its two renames), a site folder that is
 * absent while a previous one is beside it gets the newest previous one back.
 */
final class Leftovers {
  private final Path outputDir;
  private final String[] companions;

  Leftovers(Path outputDir, String[] companions) {
    this.outputDir = outputDir;
    this.companions = companions;
  }

  /**
   * Restores a site folder left absent, then deletes the dead builds' folders; returns warnings.
   */
  List<String> clean() throws IOException {
    restore(outputDir);
    for (String suffix : companions) {
      restore(SitePublisher.companion(outputDir, suffix));
    }
    List<String> warnings = new ArrayList<>();
    for (Path leftover : leftovers()) {
      delete(leftover).ifPresent(warnings::add);
    }
    Path journal = PublishJournal.fileOf(outputDir);
    Files.deleteIfExists(journal.resolveSibling(journal.getFileName() + ".partial"));
    return warnings;
  }

  /** If {@code target} is absent, moves the newest dead previous folder of it back in its place. */
  private void restore(Path target) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    String prefix = "." + target.getFileName() + ".old-";
    Optional<Path> newest =
        entries().stream()
            .filter(p -> p.getFileName().toString().startsWith(prefix))
            .filter(p -> !running(p, prefix))
            .max(Comparator.comparing(Leftovers::modified));
    if (newest.isPresent()) {
      DirectoryExchange.move(newest.get(), target);
    }
  }

  /** The folders to delete: staging and previous folders of processes that are not running. */
  private List<Path> leftovers() throws IOException {
    String site = "." + outputDir.getFileName();
    List<String> prefixes = new ArrayList<>(List.of(site + ".staging-", "." + site + ".staging-"));
    prefixes.add(site + ".old-");
    for (String suffix : companions) {
      prefixes.add("." + site + suffix + ".old-");
    }
    List<Path> found = new ArrayList<>();
    for (Path entry : entries()) {
      String name = entry.getFileName().toString();
      for (String prefix : prefixes) {
        if (name.startsWith(prefix) && !running(entry, prefix)) {
          found.add(entry);
          break;
        }
      }
    }
    return found;
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> list = Files.list(outputDir.getParent())) {
      return list.sorted().toList();
    }
  }

  /** Whether the folder's name ({@code prefix<pid>-<random>}) names a running process. */
  private static boolean running(Path folder, String prefix) {
    String id = folder.getFileName().toString().substring(prefix.length());
    int dash = id.indexOf('-');
    if (dash <= 0) {
      return false; // an earlier version's name, without a process id
    }
    OptionalLong pid = parse(id.substring(0, dash));
    return pid.isPresent()
        && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)
        && !zombie(pid.getAsLong());
  }

  /** Whether a process has ended but not been reaped (Linux: state Z in /proc/PID/stat). */
  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int end = stat.lastIndexOf(')');
      return end > 0 && stat.length() > end + 2 && stat.charAt(end + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return false; // no /proc: trust isAlive
    }
  }

  private static OptionalLong parse(String digits) {
    try {
      return OptionalLong.of(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /**
   * Deletes a folder and all in it, without following symbolic links. A folder made read-only (by
   * its owner) is made writable first, as its owner may.
   *
   * @return a warning if something could not be deleted
   */
  static Optional<String> delete(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
                throws IOException {
              writable(d);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE; // deleted meanwhile by another cleaner
              }
              throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              if (e != null && !(e instanceof NoSuchFileException)) {
                throw e;
              }
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
      return Optional.empty();
    } catch (IOException e) {
      String reason =
          e instanceof AccessDeniedException
              ? "permission denied: " + e.getMessage()
              : e.toString();
      return Optional.of("cannot delete " + dir + " (" + reason + "); the next build deletes it");
    }
  }

  /** Gives the owner write and search permission on a folder that lacks them. */
  private static void writable(Path dir) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
      if (!permissions.contains(PosixFilePermission.OWNER_WRITE)
          || !permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
        permissions = java.util.EnumSet.copyOf(permissions);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        permissions.add(PosixFilePermission.OWNER_EXECUTE);
        Files.setPosixFilePermissions(dir, permissions);
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: deleting tells
    }
  }
}
