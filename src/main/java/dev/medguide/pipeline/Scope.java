package dev.medguide.pipeline;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * What a build covers: every page, or the pages of some saved files and what depends on them (their
 * crosswalk partners and compare views). A partial build is possible only after a full one, and
 * only when nothing but those pages' bodies changed; else the build widens to every page.
 *
 * @param changed the saved files; empty for every page
 */
public record Scope(Set<Path> changed) {
  /** Every page. */
  public static final Scope ALL = new Scope(Set.of());

  public Scope {
    changed = Set.copyOf(changed);
  }

  /** The pages of these saved files (every page if there are none). */
  public static Scope files(Collection<Path> changed) {
    return new Scope(Set.copyOf(changed));
  }

  public boolean isAll() {
    return changed.isEmpty();
  }
}
