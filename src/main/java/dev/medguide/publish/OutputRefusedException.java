package dev.medguide.publish;

import dev.medguide.BuildException;

/** An output folder or zip that a build must not write, refused before any work (exit 2). */
public final class OutputRefusedException extends BuildException {
  private static final long serialVersionUID = 1L;

  public OutputRefusedException(String message) {
    super(message);
  }
}
