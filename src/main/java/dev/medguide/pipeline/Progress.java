package dev.medguide.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports one line per finished stage: its name, what it counted, and how long it took. On a
 * terminal, a long stage also shows how far it has got ({@code render 57/122 pages}) on a line that
 * the stage's result then replaces; elsewhere (a log, CI) only the result lines appear.
 */
public final class Progress {
  private static final long REDRAW_NANOS = 100_000_000;

  private final PrintStream out;
  private final boolean terminal;

  public Progress(PrintStream out) {
    this(out, System.console() != null);
  }

  Progress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal && out != null;
  }

  /** A reporter that prints nothing. */
  public static Progress silent() {
    return new Progress(null, false);
  }

  /**
   * A counter for a stage of {@code total} items; run it once per item done, from any thread. Shows
   * nothing unless the output is a terminal.
   */
  Runnable counter(String stage, int total, String unit) {
    if (!terminal) {
      return () -> {};
    }
    AtomicInteger done = new AtomicInteger();
    AtomicLong drawn = new AtomicLong();
    return () -> {
      int now = done.incrementAndGet();
      long time = System.nanoTime();
      long last = drawn.get();
      if ((now == total || time - last > REDRAW_NANOS) && drawn.compareAndSet(last, time)) {
        synchronized (out) {
          out.printf(Locale.ROOT, "\r%-8s %d/%d %s", stage, now, total, unit);
          out.flush();
        }
      }
    };
  }

  /** A problem that did not stop the build, on a line of its own. */
  void warning(String message) {
    if (out != null) {
      synchronized (out) {
        out.println((terminal ? "\r" : "") + "warning: " + message);
      }
    }
  }

  void stage(String name, String counts, Duration took) {
    if (out != null) {
      synchronized (out) {
        out.printf(
            Locale.ROOT,
            "%s%-8s %-48s %6.2f s%n",
            terminal ? "\r\033[K" : "",
            name,
            counts,
            took.toMillis() / 1000.0);
      }
    }
  }
}
