package dev.medguide.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Reports one line per finished stage: its name, what it counted, and how long it took. */
public final class Progress {
  private final PrintStream out;

  public Progress(PrintStream out) {
    this.out = out;
  }

  /** A reporter that prints nothing. */
  public static Progress silent() {
    return new Progress(null);
  }

  void stage(String name, String counts, Duration took) {
    if (out != null) {
      out.printf(Locale.ROOT, "%-8s %-48s %6.2f s%n", name, counts, took.toMillis() / 1000.0);
    }
  }
}
