package dev.medguide.render;

import dev.medguide.load.SourceFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asciidoctor.ast.Cursor;

/**
 * Finds where in the sources an Asciidoctor message belongs. Asciidoctor gives a cursor for most
 * messages; for the few it logs without one (a missing attribute) the line is found by searching
 * the source for what the message names.
 */
final class SourceLocator {
  private static final Pattern MISSING_ATTRIBUTE = Pattern.compile("missing attribute: (\\S+)");

  private final Path contentDir;
  private final Path absoluteContentDir;

  SourceLocator(Path contentDir) {
    this.contentDir = contentDir;
    this.absoluteContentDir = contentDir.toAbsolutePath().normalize();
  }

  /** A file and line. */
  record Location(Path file, int line) {}

  Optional<Location> locate(SourceFile page, Cursor cursor, String message) {
    if (cursor != null && cursor.getLineNumber() > 0) {
      Path file = cursor.getFile() == null ? page.path() : display(Path.of(cursor.getFile()));
      return Optional.of(new Location(file, cursor.getLineNumber()));
    }
    Matcher m = MISSING_ATTRIBUTE.matcher(message);
    if (m.find()) {
      int line = page.lineContaining("{" + m.group(1) + "}");
      if (line > 0) {
        return Optional.of(new Location(page.path(), line));
      }
    }
    return Optional.empty();
  }

  /** A path as the user named the content folder, so messages match what they typed. */
  Path display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(absoluteContentDir)
        ? contentDir.resolve(absoluteContentDir.relativize(absolute))
        : file;
  }
}
