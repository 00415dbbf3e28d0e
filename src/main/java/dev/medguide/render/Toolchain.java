package dev.medguide.render;

import dev.medguide.BuildException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.asciidoctor.Asciidoctor;
import org.jsoup.Jsoup;

/**
 * The expensive engines a build needs, started once and reused by every build of the process
 * (tests, {@code serve}). Start-up work runs on two background threads as soon as the toolchain is
 * created, so that it overlaps with loading the content and with each other: Asciidoctor's JRuby
 * start on one; on the other, JBake's OrientDB store (with its schema), then the Kuromoji
 * dictionary and jsoup, which later stages would otherwise load one after the other on the build's
 * thread.
 */
public final class Toolchain implements AutoCloseable {
  static {
    // JBake's store is private to this process, in memory, with OrientDB's default user: hashing
    // that user's well-known password 65,536 times on every open (OrientDB's default) protects
    // nothing and costs a second per build. OrientDB reads this when its configuration loads.
    System.setProperty("security.userPasswordSaltIterations", "1");
  }

  private final CompletableFuture<Asciidoctor> asciidoctor =
      CompletableFuture.supplyAsync(Asciidoctor.Factory::create, ownThread("medguide-asciidoctor"));

  /** The name of an in-memory JBake store, started and given its schema ahead of the build. */
  private CompletableFuture<String> store =
      CompletableFuture.supplyAsync(JBakeAdapter::startStore, ownThread("medguide-store"));

  /** Whether builds after the first will come: then each prepares the store of the next. */
  private final boolean reused;

  /** A toolchain for any number of builds ({@code serve}, tests). */
  public Toolchain() {
    this(true);
  }

  private Toolchain(boolean reused) {
    this.reused = reused;
    // After the store, on the same core: what the link and index stages load.
    store.whenCompleteAsync((name, error) -> warmUp(), ownThread("medguide-warm-up"));
  }

  /** A toolchain for one build only: nothing is prepared for a next one. */
  public static Toolchain forOneBuild() {
    return new Toolchain(false);
  }

  /** Asciidoctor, waiting for its start-up to finish if needed. */
  Asciidoctor asciidoctor() {
    try {
      return asciidoctor.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("interrupted while starting Asciidoctor", e);
    } catch (ExecutionException e) {
      throw new BuildException(
          "cannot start Asciidoctor: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * The name of a JBake in-memory store that is already started, for one build's Oven, which
   * reopens it instead of creating one; waits for it if needed. OrientDB is a process-wide engine:
   * when this returns, no background work touches it until {@link #prepareStore} is called.
   *
   * @return the store's name, or empty if starting it failed (the build then starts its own and
   *     reports any error from there)
   */
  synchronized Optional<String> takeStore() {
    try {
      return Optional.of(store.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("interrupted while starting up", e);
    } catch (ExecutionException e) {
      return Optional.empty();
    } finally {
      store = CompletableFuture.failedFuture(new IllegalStateException("store taken"));
    }
  }

  /** Starts a store for the next build, in the background; call when the Oven is done. */
  synchronized void prepareStore() {
    if (!reused) {
      return;
    }
    store = CompletableFuture.supplyAsync(JBakeAdapter::startStore, ownThread("medguide-store"));
  }

  /**
   * Shuts Asciidoctor down once started, and waits for a store still starting: a build that failed
   * early would otherwise exit while OrientDB starts, and OrientDB's shutdown hook races with its
   * start-up, which then logs "LogManager is shutdown" a dozen times.
   */
  @Override
  public void close() {
    asciidoctor.thenAccept(Asciidoctor::shutdown);
    CompletableFuture<String> starting;
    synchronized (this) {
      starting = store;
    }
    try {
      starting.handle((name, error) -> name).get(STORE_START_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // exiting anyway
    }
  }

  /** How long {@link #close} waits for a store that is still starting. */
  private static final long STORE_START_WAIT_SECONDS = 30;

  /** Loads and initialises what later stages use: Kuromoji's dictionaries and jsoup's parser. */
  private static void warmUp() {
    try (JapaneseTokenizer tokenizer =
        new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH)) {
      tokenizer.setReader(new StringReader("医療情報システムの安全管理"));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        // reads the dictionaries
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Jsoup.parse("<p>warm</p>").text();
  }

  /** Runs a task on a new daemon thread of its own. */
  private static Executor ownThread(String name) {
    return task -> daemon(name).newThread(task).start();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
