package dev.medguide.serve;

import dev.medguide.BuildException;
import dev.medguide.config.BuildOptions;
import dev.medguide.load.ContentLoader;
import dev.medguide.model.ContentProblemsException;
import dev.medguide.model.Problem;
import dev.medguide.pipeline.BuildPipeline;
import dev.medguide.pipeline.Progress;
import dev.medguide.render.Toolchain;
import dev.medguide.search.SiteSearcher;
import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * Rebuilds the site when the watcher says something changed: a clean build is published and open
 * pages reload; a failed one leaves the last good site served and shows its problems in the
 * terminal and in the browser.
 */
public final class LiveSite {
  private final BuildOptions options;
  private final Toolchain toolchain;
  private final LiveReload liveReload;
  private final PrintStream err;
  private SiteServer server;

  public LiveSite(
      BuildOptions options, Toolchain toolchain, LiveReload liveReload, PrintStream err) {
    this.options = options;
    this.toolchain = toolchain;
    this.liveReload = liveReload;
    this.err = err;
  }

  /** The server whose search index follows the rebuilds. */
  public void attach(SiteServer server) {
    this.server = server;
  }

  /** Builds once; called by the watcher on its own thread. */
  public synchronized void rebuild() {
    try {
      new BuildPipeline(options, toolchain, new Progress(err)).build();
      if (server != null) {
        var glossary = new ContentLoader(options).load().model().data().glossary();
        server.replaceSearcher(new SiteSearcher(options.outputDir(), glossary));
      }
      liveReload.published();
      err.println("rebuilt; open pages reload");
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
