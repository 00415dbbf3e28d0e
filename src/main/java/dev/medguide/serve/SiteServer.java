package dev.medguide.serve;

import dev.medguide.BuildException;
import dev.medguide.search.SiteSearcher;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded Jetty that serves a built site and answers {@code /api/search}. For previews and
 * small intranets; the site itself needs no server.
 */
public final class SiteServer implements AutoCloseable {
  private final Server server;
  private final AtomicReference<SiteSearcher> searcher;
  private final SearchApiHandler answers;

  /**
   * Starts the server.
   *
   * @param port the port, or 0 for any free one
   */
  public SiteServer(Path siteDir, SiteSearcher searcher, String host, int port) {
    this(siteDir, searcher, host, port, "/");
  }

  /**
   * Starts the server with the site under a sub-path, as an intranet proxy would publish it ({@code
   * /policies/medguide/}).
   *
   * @param basePath the path the site is served under, e.g. {@code /} or {@code /policies/medguide}
   */
  public SiteServer(Path siteDir, SiteSearcher searcher, String host, int port, String basePath) {
    this(siteDir, searcher, host, port, basePath, null);
  }

  /**
   * Request threads. The work is CPU-bound (searches, small files), so more threads than a few per
   * core only make requests wait for the scheduler instead of in Jetty's queue. Measured with wrk
   * (64 connections, the judged queries, 10,220 pages, 2 cores): 64 threads gave a p99 of 17 to 22
   * ms at 38,000 requests/s; 16 threads 5.2 to 5.4 ms at 48,000; 8 threads 5.4 ms at 40,000. Live
   * reload's long polls hold no thread while they wait.
   */
  static final int MAX_THREADS = 16;

  /**
   * Starts the server; with {@code liveReload}, HTML pages get the live-reload script and {@code
   * /__medguide/status} reports the builds.
   */
  public SiteServer(
      Path siteDir,
      SiteSearcher searcher,
      String host,
      int port,
      String basePath,
      LiveReload liveReload) {
    this(siteDir, searcher, host, port, basePath, liveReload, SearchApiHandler.DEFAULT_CACHED);
  }

  /**
   * Starts the server, {@code /api/search} keeping up to {@code cachedAnswers} answers (0: none).
   */
  public SiteServer(
      Path siteDir,
      SiteSearcher searcher,
      String host,
      int port,
      String basePath,
      LiveReload liveReload,
      int cachedAnswers) {
    this.searcher = new AtomicReference<>(searcher);
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
    threads.setName("medguide-serve");
    server = new Server(threads);
    // Room for long query strings, so an overlong query gets our 400 JSON, not Jetty's 414.
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(64 * 1024);
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ResourceHandler files = new ResourceHandler();
    files.setBaseResource(ResourceFactory.of(server).newResource(siteDir.toAbsolutePath()));
    files.setDirAllowed(false);
    files.setWelcomeFiles("index.html");
    files.setEtags(true); // ETag + 304 Not Modified for unchanged files
    answers = new SearchApiHandler(this.searcher::get, cachedAnswers);
    GzipHandler gzip = new GzipHandler();
    gzip.setHandler(
        new Handler.Sequence(
            new SecurityHeaders(),
            new ReadOnlyMethods(),
            answers,
            liveReload == null ? new Handler.Sequence() : liveReload.handler(siteDir),
            new RangeLimit(files),
            new NotFoundPage(siteDir)));
    ContextHandler context = new ContextHandler(gzip, basePath.isEmpty() ? "/" : basePath);
    server.setHandler(context);
    server.setStopAtShutdown(true); // Ctrl-C stops the server cleanly
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly();
      boolean taken = false;
      for (Throwable t = e; t != null; t = t.getCause()) {
        taken |= t instanceof java.net.BindException;
      }
      String reason =
          taken
              ? "the port is in use (or not allowed); choose another with --port"
              : e.getMessage();
      throw new BuildException(
          "cannot start the server on " + host + ":" + port + ": " + reason, e);
    }
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception ignored) {
      // The start failed already; that is the error reported.
    }
  }

  /** Searches a rebuilt site's index from now on; the old searcher is closed. */
  public void replaceSearcher(SiteSearcher next) {
    SiteSearcher old = searcher.getAndSet(next);
    old.close();
  }

  /** How many search answers are cached, and their bytes. */
  long[] searchCacheSize() {
    return answers.cacheSize();
  }

  /** Where the server listens. */
  public InetSocketAddress address() {
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new BuildException("cannot stop the server: " + e.getMessage(), e);
    } finally {
      searcher.get().close();
    }
  }
}
