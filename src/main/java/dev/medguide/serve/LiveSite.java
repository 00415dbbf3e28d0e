package dev.medguide.serve;

import dev.medguide.BuildException;
import dev.medguide.config.BuildOptions;
import dev.medguide.model.ContentProblemsException;
import dev.medguide.model.Problem;
import dev.medguide.pipeline.BuildPipeline;
import dev.medguide.pipeline.LastBuild;
import dev.medguide.pipeline.Progress;
import dev.medguide.pipeline.Scope;
import dev.medguide.render.Toolchain;
import dev.medguide.search.SiteSearcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

  /**
   * How long the search indexes wait after a partial rebuild: a writer saving again within it gets
   * the next page rebuild without the index update competing for the cores; the search catches up
   * once the edits pause ({@link BuildOptions#searchDelayMillis}).
   */
  private final long searchDelayMillis;

  /** One thread that brings the search indexes up to date after partial rebuilds, in order. */
  private final ScheduledExecutorService searchUpdates =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "medguide-static-index");
            thread.setDaemon(true);
            return thread;
          });

  /** The update waiting for its delay, if any (a newer rebuild postpones it). */
  private ScheduledFuture<?> searchUpdate;

  /** The build or rebuild whose search indexes were last brought up to date. */
  private long exported = -1;

  /** The last successful build, which the next partial build starts from; guarded by this. */
  private LastBuild last;

  /** Counts the successful builds and rebuilds, so that a late static export knows it is stale. */
  private long generation;

  /**
   * Whether the search indexes are behind the published pages (a partial rebuild's update is
   * waiting or running); reported by the status ({@code searchPending}). Written under the lock.
   */
  private volatile boolean searchPending;

  private final PrintStream err;
  private SiteServer server;

  public LiveSite(
      BuildOptions options, Toolchain toolchain, LiveReload liveReload, PrintStream err) {
    this.options = options;
    this.searchDelayMillis = options.searchDelayMillis();
    this.liveReload = liveReload;
    this.err = err;
    this.pipeline = new BuildPipeline(options, toolchain, new Progress(err));
    if (liveReload != null) {
      liveReload.searchPending(() -> searchPending);
    }
  }

  /** Builds the whole site now (at start-up); throws like {@link BuildPipeline#build}. */
  public synchronized void buildNow() {
    keep(pipeline.build(Scope.ALL, Optional.empty()));
  }

  private void keep(BuildPipeline.Build build) {
    last = build.last();
    generation++;
  }

  /**
   * Brings the search indexes up to date after a partial rebuild, without holding up the next one
   * for long: the Lucene update (a fraction of a second) and moving the static index into the site
   * hold the lock, writing the static index does not, and an export that a newer rebuild has
   * overtaken is dropped (that rebuild's own task follows).
   */
  private void updateSearch() {
    try {
      BuildPipeline.StaticExport export;
      long of;
      synchronized (this) {
        if (last == null || generation == exported) {
          searchPending = false; // an earlier task did this one's work
          return;
        }
        BuildPipeline.Exported taken = pipeline.staticExport(last);
        last = taken.last();
        export = taken.export();
        of = generation;
        exported = generation;
        replaceSearcher();
      }
      Path written = export.write();
      synchronized (this) {
        export.publish(written, of == generation);
        searchPending = of != generation; // else a newer rebuild's task follows
      }
    } catch (BuildException e) {
      searchPending = false; // nothing more will come of this rebuild's update
      err.println("error: " + e.getMessage());
    }
  }

  /**
   * Leaves the server's searcher as it is after rebuilds: the search runs elsewhere (a Solr
   * collection, which {@code search-publish} updates).
   */
  public void searchElsewhere() {
    searchElsewhere = true;
  }

  private volatile boolean searchElsewhere;

  private void replaceSearcher() {
    if (server != null && !searchElsewhere) {
      var glossary = last.content().model().data().glossary();
      server.replaceSearcher(new SiteSearcher(options.outputDir(), glossary));
    }
  }

  /** Waits until the search indexes of every rebuild so far are up to date (for tests). */
  void awaitStaticIndex() throws InterruptedException {
    try {
      searchUpdates.schedule(() -> {}, searchDelayMillis, TimeUnit.MILLISECONDS).get();
      searchUpdates.submit(() -> {}).get();
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
      BuildPipeline.Build build = pipeline.build(Scope.files(changed), Optional.ofNullable(last));
      keep(build);
      boolean partial = build.partial();
      // Pages reload first; after a partial rebuild the search indexes follow a moment later.
      searchPending = partial;
      liveReload.published();
      if (partial) {
        if (searchUpdate != null) {
          searchUpdate.cancel(false);
        }
        searchUpdate =
            searchUpdates.schedule(this::updateSearch, searchDelayMillis, TimeUnit.MILLISECONDS);
      } else {
        replaceSearcher();
      }
      err.println(partial ? "pages rebuilt; open pages reload" : "rebuilt; open pages reload");
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
