package dev.medguide.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the problems of one build so that a stage can report all of them at once. Not
 * thread-safe: each stage adds from one thread.
 */
public final class Problems {
  private final Set<Problem> problems = new TreeSet<>();

  public void add(Path file, int line, String message) {
    problems.add(new Problem(file, line, message));
  }

  public void addAll(Problems other) {
    problems.addAll(other.problems);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public int size() {
    return problems.size();
  }

  public List<Problem> list() {
    return new ArrayList<>(problems);
  }

  /** Throws if any problem was collected. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ContentProblemsException(list());
    }
  }
}
