package dev.medguide.cli;

/** The exit codes of {@code medguide}, as documented in its help and the README. */
final class ExitCodes {
  /** The command did what was asked. */
  static final int OK = 0;

  /** The content has problems; every one was listed as {@code path:line: message}. */
  static final int CONTENT_ERRORS = 1;

  /** The command line was wrong. */
  static final int USAGE = 2;

  /** Something outside the content failed: a folder could not be read or written. */
  static final int ENVIRONMENT = 3;

  private ExitCodes() {}
}
