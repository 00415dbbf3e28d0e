package dev.medguide.model;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One thing wrong with the input, located in a source file.
 *
 * @param file the file, relative to the project directory where possible
 * @param line the 1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong, in one line
 */
public record Problem(Path file, int line, String message) implements Comparable<Problem> {

  private static final Comparator<Problem> ORDER =
      Comparator.comparing((Problem p) -> p.file.toString())
          .thenComparingInt(Problem::line)
          .thenComparing(Problem::message);

  /** Formats the problem as {@code path:line: message}, the form editors and CI logs link. */
  @Override
  public String toString() {
    return file + ":" + Math.max(line, 1) + ": " + message;
  }

  @Override
  public int compareTo(Problem other) {
    return ORDER.compare(this, other);
  }
}
