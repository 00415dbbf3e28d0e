package dev.medguide.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the problems of one build so that a stage can report all of them at once. Safe to add to
 * from several threads; the list comes out sorted whatever the order they were added in.
 */
public final class Problems {
  private final Set<Problem> problems = new TreeSet<>();

  /** For {@link #addRepeated}: each problem as first reported, with how often it came again. */
  private final Map<Problem, Repeat> repeats = new HashMap<>();

  private record Repeat(Problem shown, String where, int more) {}

  public synchronized void add(Path file, int line, String message) {
    problems.add(new Problem(file, line, message));
  }

  /**
   * Adds a problem that may recur once per page, as a template error does: it is listed once, with
   * the first page it was met on and how many more pages had it.
   *
   * @param where the page, e.g. {@code "rendering content/ja/index.adoc"}
   */
  public synchronized void addRepeated(Path file, int line, String message, String where) {
    Problem key = new Problem(file, line, message);
    Repeat repeat = repeats.get(key);
    if (repeat != null) {
      problems.remove(repeat.shown());
    }
    // The first page in path order, whatever order the pages were rendered in.
    String first = repeat == null || where.compareTo(repeat.where()) < 0 ? where : repeat.where();
    int more = repeat == null ? 0 : repeat.more() + 1;
    String count = more == 0 ? "" : " and " + more + " more page" + (more == 1 ? "" : "s");
    Problem shown = new Problem(file, line, message + " (" + first + count + ")");
    problems.add(shown);
    repeats.put(key, new Repeat(shown, first, more));
  }

  public void addAll(Problems other) {
    List<Problem> added = other.list(); // not holding both locks at once
    synchronized (this) {
      problems.addAll(added);
    }
  }

  public synchronized boolean isEmpty() {
    return problems.isEmpty();
  }

  public synchronized int size() {
    return problems.size();
  }

  public synchronized List<Problem> list() {
    return new ArrayList<>(problems);
  }

  /** Throws if any problem was collected. */
  public synchronized void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ContentProblemsException(list());
    }
  }
}
