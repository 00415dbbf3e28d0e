package dev.medguide.model;

import dev.medguide.BuildException;
import java.util.List;
import java.util.stream.Collectors;

/** The content has problems; carries every problem found in the run, sorted by file and line. */
public final class ContentProblemsException extends BuildException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ContentProblemsException(List<Problem> problems) {
    super(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the content:\n"
            + problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = problems.stream().sorted().toList();
  }

  public List<Problem> problems() {
    return problems;
  }
}
