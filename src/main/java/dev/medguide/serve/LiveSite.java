package dev.medguide.serve;

import dev.medguide.BuildException;
import dev.medguide.config.BuildOptions;
import dev.medguide.model.ContentProblemsException;
import dev.medguide.model.Problem;
import dev.medguide.pipeline.BuildPipeline;
import dev.medguide.pipeline.Progress;
import dev.medguide.render.Toolchain;
import dev.medguide.search.SiteSearcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Rebuilds the site when the watcher says something changed: a clean build is published and open
 * pages reload; a failed one leaves the last good site served and shows its problems in the
 * terminal and in the browser.
 */
public final class LiveSite {
  private final BuildOptions options;
  private final BuildPipeline pipeline;
  private final LiveReload liveReload;

  /** One thread that writes the static search index after a partial rebuild. */
  private final ExecutorService exportStatic =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "medguide-static-index");
            thread.setDaemon(true);
            return thread;
          });

  private final PrintStream err;
  private SiteServer server;

  public LiveSite(
      BuildOptions options, Toolchain toolchain, LiveReload liveReload, PrintStream err) {
    this.options = options;
    this.liveReload = liveReload;
    this.err = err;
    this.pipeline = new BuildPipeline(options, toolchain, new Progress(err));
  }

  /** Builds the whole site now (at start-up); throws like {@link BuildPipeline#build}. */
  public synchronized void buildNow() {
    pipeline.build();
  }

  /**
   * Writes the static search index after a partial rebuild, without holding up the next one: only
   * moving the files into the site waits for the lock, and an export that a newer rebuild has
   * overtaken is dropped.
   */
  private void exportStaticIndex(BuildPipeline.StaticExport export) {
    try {
      if (!export.isCurrent()) {
        return;
      }
      Path written = export.write();
      synchronized (this) {
        export.publish(written);
      }
    } catch (BuildException e) {
      err.println("error: " + e.getMessage());
    }
  }

  /** Waits until the static search index of every rebuild so far is written (for tests). */
  void awaitStaticIndex() throws InterruptedException {
    try {
      exportStatic.submit(() -> {}).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The server whose search index follows the rebuilds. */
  public void attach(SiteServer server) {
    this.server = server;
  }

  /** Rebuilds the whole site; called by the watcher on its own thread. */
  public void rebuild() {
    rebuild(List.of());
  }

  /**
   * Rebuilds after {@code changed} files were saved: only the affected pages when the pipeline can
   * (the files are page bodies), else the whole site. Open pages reload as soon as the pages are
   * published; the static search index follows on another thread.
   */
  public synchronized void rebuild(Collection<Path> changed) {
    try {
      boolean partial = pipeline.rebuildPages(changed).isPresent();
      if (!partial) {
        pipeline.build();
      }
      // Pages reload first; the search API follows a moment later with the new index.
      liveReload.published();
      if (server != null) {
        var glossary = pipeline.lastContent().orElseThrow().model().data().glossary();
        server.replaceSearcher(new SiteSearcher(options.outputDir(), glossary));
      }
      err.println(partial ? "pages rebuilt; open pages reload" : "rebuilt; open pages reload");
      if (partial) {
        pipeline
            .staticExport()
            .ifPresent(export -> exportStatic.execute(() -> exportStaticIndex(export)));
      }
    } catch (ContentProblemsException e) {
      String problems =
          e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
      err.println(problems);
      err.println("build failed; still serving the last good site");
      liveReload.failed(problems);
    } catch (BuildException e) {
      err.println("error: " + e.getMessage());
      liveReload.failed(e.getMessage());
    }
  }
}
