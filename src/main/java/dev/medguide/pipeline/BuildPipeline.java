package dev.medguide.pipeline;

import dev.medguide.config.BuildOptions;
import dev.medguide.index.PageText;
import dev.medguide.index.SearchIndexer;
import dev.medguide.link.HtmlPage;
import dev.medguide.link.HtmlPostProcessor;
import dev.medguide.load.ContentLoader;
import dev.medguide.load.LoadedContent;
import dev.medguide.model.Page;
import dev.medguide.model.PageKey;
import dev.medguide.model.Problems;
import dev.medguide.model.SiteModel;
import dev.medguide.publish.SitePackager;
import dev.medguide.publish.SitePublisher;
import dev.medguide.render.PageRenderer;
import dev.medguide.render.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One build: calls the stages in order and does no work itself. Either publishes a complete,
 * checked site or throws with every problem found and leaves the output folder as it was.
 */
public final class BuildPipeline {
  private final BuildOptions options;
  private final Toolchain toolchain;
  private final Progress progress;

  /** What the last successful build left, for one-page rebuilds: its content, anchors, texts. */
  private LoadedContent lastContent;

  private HtmlPostProcessor lastPostProcessor;
  private PageRenderer rebuildRenderer;
  private Map<Page, PageText> lastTexts;

  /** Texts of pages rebuilt since the Lucene index was last brought up to date. */
  private final Map<Page, PageText> unindexed = new LinkedHashMap<>();

  /** Counts the successful builds and rebuilds, so that a late static export knows it is stale. */
  private volatile long generation;

  public BuildPipeline(BuildOptions options, Toolchain toolchain, Progress progress) {
    this.options = options;
    this.toolchain = toolchain;
    this.progress = progress;
  }

  /**
   * Builds the site.
   *
   * @throws dev.medguide.model.ContentProblemsException (unchecked) listing every problem
   * @throws dev.medguide.BuildException (unchecked) when files cannot be read or written
   */
  public BuildResult build() {
    SitePublisher publisher = new SitePublisher(options);
    // 0 recover: finish a publish that a killed build left, delete dead builds' folders.
    publisher.recover().forEach(progress::warning);
    // 1 load: page headers and data files into the content model, checked.
    LoadedContent content =
        timed("load", () -> new ContentLoader(options).load(), this::countPages);
    Path staging = publisher.createStaging();
    try (SitePublisher.Registration discardWhenStopped = publisher.discardWhenStopped(staging)) {
      Problems problems = new Problems();
      problems.addAll(content.problems());
      // 2 render: JBake's Oven runs AsciidoctorJ and the Freemarker templates into staging.
      problems.addAll(
          timed(
              "render",
              () ->
                  new PageRenderer(options, toolchain)
                      .render(
                          content,
                          staging,
                          progress.counter("render", content.sources().size(), "pages")),
              p -> pages(content)));
      // A theme that failed leaves pages half written: their links are not worth checking.
      if (problems.list().stream().anyMatch(p -> p.file().startsWith(options.templatesDir()))) {
        problems.throwIfAny();
      }
      // 3 link: jsoup adds anchors and the page TOC, makes URLs relative, checks every link.
      // The text of each page is taken for the index as it is processed.
      HtmlPostProcessor postProcessor = new HtmlPostProcessor(options.templatesDir());
      Texts texts = new Texts();
      problems.addAll(
          timed(
              "link",
              () ->
                  postProcessor.process(
                      content,
                      staging,
                      texts,
                      progress.counter("link", content.sources().size(), "pages")),
              p -> postProcessor.linksChecked() + " links and anchors checked"));
      problems.throwIfAny();
      // 4 index: Lucene/Kuromoji index of the published text, exported for the static search.
      Map<Page, PageText> pageTexts = texts.inUrlOrder();
      timed(
          "index",
          () -> new SearchIndexer(content.model()).index(pageTexts, staging),
          s -> s.documents() + " documents, static index " + s.staticBytes() / 1024 + " KiB");
      // 5 publish: the staged site replaces the output folder in one move.
      timed(
          "publish",
          () -> {
            publisher.publish(staging).forEach(progress::warning);
            return options.outputDir();
          },
          Path::toString);
      // 6 package: optionally, the published site as one reproducible zip.
      options
          .zip()
          .ifPresent(
              zip ->
                  timed(
                      "package",
                      () -> new SitePackager(options.templatesDir()).pack(options.outputDir(), zip),
                      bytes -> zip + " (" + bytes / 1024 + " KiB)"));
      lastContent = content;
      lastPostProcessor = postProcessor;
      rebuildRenderer = new PageRenderer(options, toolchain);
      lastTexts = pageTexts;
      unindexed.clear();
      generation++;
      return new BuildResult(
          options.outputDir(), content.sources().size(), postProcessor.linksChecked());
    } finally {
      publisher.discard(staging).forEach(progress::warning);
    }
  }

  /**
   * Rebuilds only what a change to some page files affects, when that is possible after a
   * successful {@link #build}: the pages are re-rendered with the pages paired with them in the
   * crosswalk and their compare views, post-processed and link-checked against the published site,
   * moved into it file by file. Navigation, titles and data are the same as before, or this returns
   * empty and a full build is needed.
   *
   * <p>The search indexes are not touched here, so that the pages can be shown sooner: {@link
   * #staticExport} brings the Lucene index up to date and writes the static one.
   *
   * @return the result, or empty if the change needs a full build
   * @throws dev.medguide.model.ContentProblemsException (unchecked) if the pages have problems; the
   *     published site is unchanged
   */
  public Optional<BuildResult> rebuildPages(Collection<Path> changed) {
    if (lastContent == null || changed.isEmpty()) {
      return Optional.empty();
    }
    Optional<LoadedContent> reloaded = new ContentLoader(options).reload(lastContent, changed);
    if (reloaded.isEmpty()) {
      return Optional.empty();
    }
    LoadedContent content = reloaded.get();
    Set<Path> files = new HashSet<>();
    changed.forEach(f -> files.add(f.toAbsolutePath().normalize()));
    List<PageKey> keys =
        content.sources().values().stream()
            .filter(s -> files.contains(s.path().toAbsolutePath().normalize()))
            .map(s -> s.page().key())
            .toList();
    SitePublisher publisher = new SitePublisher(options);
    Path dir = publisher.createStaging();
    try {
      long start = System.nanoTime();
      Problems problems = rebuildRenderer.renderPages(content, keys, dir);
      Texts texts = new Texts();
      problems.addAll(lastPostProcessor.processOnly(content, dir, options.outputDir(), texts));
      problems.throwIfAny();
      int pages = publisher.publishFiles(dir);
      Map<Page, PageText> changedTexts = texts.inUrlOrder();
      changedTexts
          .keySet()
          .retainAll(
              keys.stream()
                  .map(k -> content.model().page(k.id(), k.lang()).orElseThrow())
                  .toList());
      unindexed.putAll(changedTexts);
      lastTexts.putAll(changedTexts);
      lastContent = content;
      generation++;
      progress.stage(
          "pages", pages + " files rebuilt", Duration.ofNanos(System.nanoTime() - start));
      return Optional.of(new BuildResult(options.outputDir(), keys.size(), 0));
    } finally {
      publisher.discard(dir).forEach(progress::warning);
    }
  }

  /**
   * After {@link #rebuildPages}: replaces the rebuilt pages' documents in the Lucene index of the
   * published site, and returns the static search index as it is then, to write: {@link
   * StaticExport#write} takes long and may run on another thread while pages are rebuilt again;
   * {@link StaticExport#publish} then moves the files into the site unless a newer build or rebuild
   * came in between (its own export, or its full build, has the newer index). Call this where
   * builds cannot run at the same time.
   *
   * @return empty if nothing was built yet
   */
  public Optional<StaticExport> staticExport() {
    if (lastContent == null) {
      return Optional.empty();
    }
    if (!unindexed.isEmpty()) {
      new SearchIndexer(lastContent.model()).update(unindexed, options.outputDir());
      unindexed.clear();
    }
    return Optional.of(
        new StaticExport(lastContent.model(), new LinkedHashMap<>(lastTexts), generation));
  }

  /** A static search index to write (see {@link #staticExport}). */
  public final class StaticExport {
    private final SiteModel model;
    private final Map<Page, PageText> texts;
    private final long generation;

    private StaticExport(SiteModel model, Map<Page, PageText> texts, long generation) {
      this.model = model;
      this.texts = texts;
      this.generation = generation;
    }

    /** Which build or rebuild this export is of: they are counted. */
    public long generation() {
      return generation;
    }

    /** Whether no build or rebuild came after this export was taken. */
    public boolean isCurrent() {
      return generation == BuildPipeline.this.generation;
    }

    /** Writes the index into a staging folder; returns it, for {@link #publish}. */
    public Path write() {
      SitePublisher publisher = new SitePublisher(options);
      Path dir = publisher.createStaging();
      try {
        timed(
            "static",
            () -> new SearchIndexer(model).exportStatic(texts, options.outputDir(), dir),
            bytes -> "static index " + bytes / 1024 + " KiB");
        return dir;
      } catch (RuntimeException e) {
        publisher.discard(dir).forEach(progress::warning);
        throw e;
      }
    }

    /**
     * Moves what {@link #write} wrote into the site if this export is still current, and deletes
     * the staging folder either way. Call it where builds cannot run at the same time.
     *
     * @return whether the files were published
     */
    public boolean publish(Path written) {
      SitePublisher publisher = new SitePublisher(options);
      try {
        if (!isCurrent()) {
          return false;
        }
        publisher.publishFiles(written);
        return true;
      } finally {
        publisher.discard(written).forEach(progress::warning);
      }
    }
  }

  /** The content of the last successful build. */
  public Optional<LoadedContent> lastContent() {
    return Optional.ofNullable(lastContent);
  }

  private <T> T timed(String stage, Supplier<T> work, Function<T, String> counts) {
    long start = System.nanoTime();
    StageEvent event = new StageEvent(stage);
    event.begin();
    T result = work.get();
    event.commit();
    progress.stage(stage, counts.apply(result), Duration.ofNanos(System.nanoTime() - start));
    return result;
  }

  /** The searchable text of each page, taken as the link stage processes it (on any thread). */
  private static final class Texts implements Consumer<HtmlPage> {
    private final Map<Page, PageText> byPage = new ConcurrentHashMap<>();

    @Override
    public void accept(HtmlPage page) {
      page.source().ifPresent(source -> byPage.put(source.page(), PageText.of(page.document())));
    }

    /** The texts in the order of the pages' URLs, which fixes the order of the index. */
    Map<Page, PageText> inUrlOrder() {
      Map<Page, PageText> ordered = new LinkedHashMap<>();
      byPage.keySet().stream()
          .sorted(Comparator.comparing(Page::url))
          .forEach(page -> ordered.put(page, byPage.get(page)));
      return ordered;
    }
  }

  private String countPages(LoadedContent content) {
    String perLanguage =
        new TreeSet<>(options.languages())
            .stream()
                .map(
                    l ->
                        l
                            + " "
                            + content.sources().keySet().stream()
                                .filter(k -> k.lang() == l)
                                .count())
                .collect(Collectors.joining(", "));
    return pages(content)
        + " ("
        + perLanguage
        + ")"
        + (content.problems().isEmpty() ? "" : ", " + content.problems().size() + " problems");
  }

  private static String pages(LoadedContent content) {
    return content.sources().size() + " pages";
  }
}
