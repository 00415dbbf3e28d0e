package dev.medguide.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the problems of one build so that a stage can report all of them at once. Safe to add to
 * from several threads; the list comes out sorted whatever the order they were added in.
 */
public final class Problems {
  private final Set<Problem> problems = new TreeSet<>();

  public synchronized void add(Path file, int line, String message) {
    problems.add(new Problem(file, line, message));
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
