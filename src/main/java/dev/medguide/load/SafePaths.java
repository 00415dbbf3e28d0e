package dev.medguide.load;

import dev.medguide.BuildException;
import dev.medguide.model.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule for symbolic links in what a build reads (content, data, templates and theme files): a
 * file is read only when its real path is inside its folder, so a link cannot publish a file from
 * elsewhere on the machine (/etc/passwd); a link to a folder is not followed, and said so rather
 * than its pages left out silently.
 */
public final class SafePaths {
  private SafePaths() {}

  /** Whether the file's real path lies inside the folder's real path (false if unreadable). */
  public static boolean inside(Path file, Path folder) {
    try {
      return file.toRealPath().startsWith(folder.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reports, as a problem naming the link, every symbolic link under a folder that leads out of it,
   * leads nowhere, or leads to a folder.
   *
   * @param what how the folder is named in messages, e.g. {@code content/}
   */
  public static void checkLinks(Path folder, String what, Problems problems) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> links;
    try (Stream<Path> walk = Files.walk(folder)) {
      links = walk.filter(Files::isSymbolicLink).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BuildException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    for (Path link : links) {
      Path target;
      try {
        target = link.toRealPath();
      } catch (IOException e) {
        problems.add(link, 0, "symbolic link that leads nowhere: not read");
        continue;
      }
      if (!inside(target, folder)) {
        problems.add(link, 0, "symbolic link to " + target + ", outside " + what + ": not read");
      } else if (Files.isDirectory(target)) {
        problems.add(
            link, 0, "symbolic link to a folder: not followed (move the folder here instead)");
      }
    }
  }
}
