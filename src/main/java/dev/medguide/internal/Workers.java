package dev.medguide.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools for the independent work of a build stage. */
public final class Workers {
  private Workers() {}

  /** A pool of daemon threads, one per processor, named {@code medguide-worker-N}. */
  public static ExecutorService perProcessor() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(),
        runnable -> {
          Thread thread = new Thread(runnable, "medguide-worker-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
