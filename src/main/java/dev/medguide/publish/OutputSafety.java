package dev.medguide.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Refuses, before any work, an output that a build would destroy something by replacing: a build
 * replaces its output folder whole. Like Hugo, Sphinx and MkDocs, medguide never writes its site
 * over its sources; unlike them it also refuses a folder of someone else's files unless told to.
 *
 * <p>Paths are compared as they are on disk, with symbolic links resolved, so a link cannot hide
 * that {@code out} is the content folder.
 */
public final class OutputSafety {
  /** Files that mark the top folder of a project (of ours or anyone's). */
  private static final List<String> PROJECT_MARKERS = List.of("pom.xml", ".git");

  private final Path content;
  private final Path templates;
  private final boolean force;

  /**
   * @param content the content folder of the build
   * @param templates the templates folder of the build
   * @param force whether a non-empty folder (or file) not written by medguide may be replaced
   */
  public OutputSafety(Path content, Path templates, boolean force) {
    this.content = real(content);
    this.templates = real(templates);
    this.force = force;
  }

  /**
   * Checks the site folder a build would replace.
   *
   * @throws OutputRefusedException naming the folder and why
   */
  public void checkOutput(Path output) {
    Path out = real(output);
    String shown =
        output + (out.equals(output.toAbsolutePath().normalize()) ? "" : " (" + out + ")");
    if (out.getParent() == null) {
      throw refused(shown, "is the root of the file system");
    }
    Path home = real(Path.of(System.getProperty("user.home")));
    if (home.startsWith(out)) {
      throw refused(shown, out.equals(home) ? "is your home folder" : "holds your home folder");
    }
    for (Path source : List.of(content, templates)) {
      String what = source == content ? "the content folder " : "the templates folder ";
      if (out.equals(source)) {
        throw refused(shown, "is " + what + source);
      }
      if (out.startsWith(source)) {
        throw refused(shown, "is inside " + what + source);
      }
      if (source.startsWith(out)) {
        throw refused(shown, "holds " + what + source);
      }
    }
    for (Path root : projectRoots()) {
      if (root.startsWith(out)) {
        throw refused(shown, (out.equals(root) ? "is" : "holds") + " the project folder " + root);
      }
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw refused(shown, "is a file, not a folder");
    }
    if (!force && !isEmptyOrOurs(out)) {
      throw refused(
          shown,
          "is not empty and was not written by medguide (it has no "
              + SitePublisher.MARKER
              + "); a build replaces all of it: choose a new or empty folder, or give --force");
    }
  }

  /**
   * Checks the zip file a build would write.
   *
   * @throws OutputRefusedException naming the file and why
   */
  public void checkZip(Path zip, Path output) {
    Path file = real(zip);
    Path out = real(output);
    for (Path folder : List.of(content, templates, out)) {
      if (file.startsWith(folder)) {
        throw new OutputRefusedException(
            "refusing to write the zip " + zip + ": it is inside " + folder);
      }
    }
    if (Files.isDirectory(file)) {
      throw new OutputRefusedException("refusing to write the zip " + zip + ": it is a folder");
    }
    if (!force && Files.exists(file) && !isZip(file)) {
      throw new OutputRefusedException(
          "refusing to write the zip "
              + zip
              + ": the file exists and is not a zip; choose another name, or give --force");
    }
  }

  /** Top folders of projects around the sources and the working folder. */
  private Set<Path> projectRoots() {
    Set<Path> roots = new LinkedHashSet<>();
    for (Path start : List.of(content, templates, real(Path.of("")))) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        Path d = dir;
        if (PROJECT_MARKERS.stream().anyMatch(m -> Files.exists(d.resolve(m)))) {
          roots.add(dir);
        }
      }
    }
    return roots;
  }

  /** An absent or empty folder, or a site of ours: it has our marker or search index beside it. */
  private static boolean isEmptyOrOurs(Path out) {
    if (!Files.isDirectory(out)) {
      return true;
    }
    if (Files.exists(out.resolve(SitePublisher.MARKER))
        || Files.isDirectory(SitePublisher.companion(out, ".search"))) {
      return true;
    }
    try (Stream<Path> entries = Files.list(out)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isZip(Path file) {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      int read = in.readNBytes(head, 0, 4);
      return read == 4
          && (Arrays.equals(head, new byte[] {'P', 'K', 3, 4})
              || Arrays.equals(head, new byte[] {'P', 'K', 5, 6}));
    } catch (IOException e) {
      return false;
    }
  }

  private static OutputRefusedException refused(String output, String why) {
    return new OutputRefusedException("refusing to write the site into " + output + ": it " + why);
  }

  /**
   * The path as it is on disk: absolute, with the symbolic links of its deepest existing ancestor
   * resolved and the rest (not yet created) appended.
   */
  public static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    List<Path> missing = new ArrayList<>();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      missing.add(0, existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    Path resolved;
    try {
      resolved = existing.toRealPath();
    } catch (IOException e) {
      resolved = existing; // a dangling link: compare it as written
    }
    for (Path name : missing) {
      resolved = resolved.resolve(name);
    }
    return resolved;
  }

  /** Empty when {@code zip} is absent. */
  public void checkZip(Optional<Path> zip, Path output) {
    zip.ifPresent(z -> checkZip(z, output));
  }
}
