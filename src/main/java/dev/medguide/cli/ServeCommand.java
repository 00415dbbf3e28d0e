package dev.medguide.cli;

import dev.medguide.config.BuildOptions;
import dev.medguide.index.SearchIndexer;
import dev.medguide.load.ContentLoader;
import dev.medguide.model.Language;
import dev.medguide.publish.OutputSafety;
import dev.medguide.publish.SitePublisher;
import dev.medguide.render.Toolchain;
import dev.medguide.search.SiteSearcher;
import dev.medguide.search.SolrPart;
import dev.medguide.search.SolrTarget;
import dev.medguide.serve.LiveReload;
import dev.medguide.serve.LiveSite;
import dev.medguide.serve.SiteServer;
import dev.medguide.serve.SiteWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code medguide serve}: builds the site if it has not been built, then serves it. */
@Command(
    name = "serve",
    description = "Serve the built site and /api/search (builds first if needed).",
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
  @ParentCommand private Main main;

  @Mixin SiteFolders folders;

  @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(
      names = "--base-path",
      paramLabel = "PATH",
      description = "Serve the site under this path, as a proxy would (default: ${DEFAULT-VALUE}).")
  String basePath = "/";

  @Option(
      names = "--watch",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Rebuild when content or templates change and reload open pages (default: on; --no-watch turns it off).")
  boolean watch;

  @Option(
      names = "--search-backend",
      paramLabel = "URL",
      description =
          "Answer /api/search from a SolrCloud collection the site was published to:"
              + " solr://host:8983[,host2:8983]/solr/COLLECTION?site=ID (solrs:// for https)."
              + " Credentials: MEDGUIDE_SOLR_USER and MEDGUIDE_SOLR_PASSWORD.")
  String searchBackend;

  @Option(names = "--rebuild", description = "Build even if the site exists.")
  boolean rebuild;

  @Option(
      names = "--force",
      description = "Replace the site folder even if it holds files that medguide did not write.")
  boolean force;

  @Override
  public Integer call() throws InterruptedException {
    Logging.configure(false);
    Path content = folders.content;
    Path templates = folders.templates;
    Path site = folders.site();
    var backend =
        Optional.ofNullable(searchBackend).map(b -> SolrTarget.ofBackend(b, System.getenv()));
    BuildOptions options =
        new BuildOptions(
            content,
            templates,
            site,
            EnumSet.allOf(Language.class),
            false,
            Optional.empty(),
            Optional.empty());
    if (watch || needsBuild(site)) {
      new OutputSafety(content, templates, force).checkOutput(site);
    }
    // A build killed while publishing may have left the site to be put back.
    new SitePublisher(options).recover().forEach(w -> main.err().println("warning: " + w));
    boolean needsBuild = needsBuild(site);
    try (Toolchain toolchain = new Toolchain()) {
      LiveReload liveReload = watch ? new LiveReload() : null;
      LiveSite live = new LiveSite(options, toolchain, liveReload, main.err());
      boolean built = false;
      if (needsBuild) {
        live.buildNow();
        built = true;
      }
      var glossary = new ContentLoader(options).load().model().data().glossary();
      SiteSearcher searcher = searcher(backend, site, glossary, live);
      // The watcher starts first: once the server answers, every save is seen.
      try (SiteWatcher watcher =
              watch ? new SiteWatcher(List.of(content, templates), live::rebuild) : null;
          SiteServer server =
              new SiteServer(
                  site,
                  searcher,
                  host,
                  port,
                  basePath,
                  liveReload,
                  // Solr's answers change when a site is republished: none are kept here.
                  backend.isPresent() ? 0 : options.searchCacheAnswers())) {
        live.attach(server);
        if (watch && !built) {
          // The site on disk is served at once; a build in the background gives the watcher what
          // one-page rebuilds start from (else the first save would wait for a full build).
          Thread warm = new Thread(live::rebuild, "medguide-first-build");
          warm.setDaemon(true);
          warm.start();
        }
        announce(server, options);
        server.join();
      }
    }
    return ExitCodes.OK;
  }

  /** The site's own index, or a Solr collection's documents of the site (then rebuilds keep it). */
  private static SiteSearcher searcher(
      Optional<java.util.Map.Entry<SolrTarget, String>> backend,
      Path site,
      List<dev.medguide.model.GlossaryTerm> glossary,
      LiveSite live) {
    if (backend.isEmpty()) {
      return new SiteSearcher(site, glossary);
    }
    live.searchElsewhere();
    return new SiteSearcher(
        SolrPart.connector().open(backend.get().getKey(), backend.get().getValue()), glossary);
  }

  /** The line that says where the site is served and what is watched. */
  private void announce(SiteServer server, BuildOptions options) {
    String prefix = basePath.endsWith("/") ? basePath : basePath + "/";
    main.err()
        .printf(
            "serving %s at http://%s:%d%s (search API: %sapi/search?q=%s)%s; Ctrl-C stops%n",
            options.outputDir(),
            server.address().getHostString(),
            server.address().getPort(),
            prefix,
            prefix,
            searchBackend == null ? "" : ", answered by " + searchBackend,
            watch
                ? ", rebuilding on changes to "
                    + options.contentDir()
                    + " and "
                    + options.templatesDir()
                : "");
  }

  private boolean needsBuild(Path site) {
    return rebuild
        || !Files.isRegularFile(site.resolve("index.html"))
        || !Files.isDirectory(SearchIndexer.indexDirOf(site));
  }
}
