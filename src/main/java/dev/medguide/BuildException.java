package dev.medguide;

/**
 * Root of the exceptions a build throws. Unchecked: a build either succeeds or stops with one of
 * these, which the CLI maps to an exit code.
 */
public class BuildException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BuildException(String message) {
    super(message);
  }

  public BuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
