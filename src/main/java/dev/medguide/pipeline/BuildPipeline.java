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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
 * One build over a {@link Scope}: calls the stages in order and does no work itself. Either
 * publishes a complete, checked site (or the pages of a partial build) or throws with every problem
 * found and leaves the output folder as it was. Holds no state between builds: what a build leaves
 * for the next is the {@link LastBuild} it returns.
 */
public final class BuildPipeline {
  private final BuildOptions options;
  private final Toolchain toolchain;
  private final Progress progress;

  public BuildPipeline(BuildOptions options, Toolchain toolchain, Progress progress) {
    this.options = options;
    this.toolchain = toolchain;
    this.progress = progress;
  }

  /**
   * A successful build.
   *
   * @param result what was published
   * @param last what the next partial build starts from
   * @param partial whether only some pages were built (the search indexes then follow with {@link
   *     #staticExport})
   */
  public record Build(BuildResult result, LastBuild last, boolean partial) {}

  /** Builds every page. */
  public BuildResult build() {
    return build(Scope.ALL, Optional.empty()).result();
  }

  /**
   * Builds the pages of {@code scope}: after {@code previous}, only what a change to some page
   * bodies affects, when that is all that changed (navigation, titles and data as before); else, or
   * without a previous build, every page.
   *
   * @throws dev.medguide.model.ContentProblemsException (unchecked) listing every problem
   * @throws dev.medguide.BuildException (unchecked) when files cannot be read or written
   */
  public Build build(Scope scope, Optional<LastBuild> previous) {
    SitePublisher publisher = new SitePublisher(options);
    // 1 load: the content model, checked; or the changed pages reloaded into the last one.
    ContentLoader.Loaded loaded =
        timed(
            "load",
            () ->
                new ContentLoader(options).load(scope.changed(), previous.map(LastBuild::content)),
            l -> countPages(l.content()));
    LoadedContent content = loaded.content();
    Optional<Partial> partial =
        loaded.partial()
            ? Optional.of(new Partial(content, pagesOf(content, scope.changed())))
            : Optional.empty();
    if (partial.isEmpty()) {
      publisher.recover().forEach(progress::warning); // what a killed build left
    }
    Path staging = publisher.createStaging();
    try (SitePublisher.Registration discardWhenStopped = publisher.discardWhenStopped(staging)) {
      Problems problems = new Problems();
      problems.addAll(content.problems());
      // 2 render: AsciidoctorJ and the Freemarker templates (JBake's Oven for every page).
      PageRenderer.Rendered rendered = render(content, partial, previous, staging);
      problems.addAll(rendered.problems());
      // A theme that failed leaves pages half written: their links are not worth checking.
      if (problems.list().stream().anyMatch(p -> p.file().startsWith(options.templatesDir()))) {
        problems.throwIfAny();
      }
      // 3 link: anchors, page TOC, relative URLs, every link checked; each page's text taken.
      Texts texts = new Texts(content.model());
      HtmlPostProcessor.Result linked = link(content, partial, previous, staging, texts);
      problems.addAll(linked.problems());
      problems.throwIfAny();
      // 4 index: Lucene/Kuromoji and the static search (a partial build's follow later).
      Map<Page, PageText> pageTexts = texts.inUrlOrder();
      if (partial.isEmpty()) {
        timed(
            "index",
            () -> new SearchIndexer(content.model()).index(pageTexts, staging, true),
            s -> s.documents() + " documents, static index " + s.staticBytes() / 1024 + " KiB");
      }
      // 5 publish: the staged site replaces the output folder (a partial one, file by file).
      timed("publish", () -> publisher.publish(staging, partial.isEmpty()), this::published);
      // 6 package: optionally, the published site as one reproducible zip.
      if (partial.isEmpty()) {
        options.zip().ifPresent(this::pack);
      }
      return done(content, partial, previous, rendered, linked, pageTexts);
    } finally {
      publisher.discard(staging).forEach(progress::warning);
    }
  }

  /** A partial build's reloaded content and the pages to build. */
  private record Partial(LoadedContent content, List<PageKey> pages) {}

  private PageRenderer.Rendered render(
      LoadedContent content, Optional<Partial> partial, Optional<LastBuild> previous, Path dir) {
    int pages = partial.map(p -> p.pages().size()).orElse(content.sources().size());
    return timed(
        "render",
        () ->
            new PageRenderer(options, toolchain)
                .render(
                    content,
                    partial.map(p -> (Collection<PageKey>) p.pages()),
                    previous
                        .filter(p -> partial.isPresent())
                        .map(LastBuild::kept)
                        .orElse(PageRenderer.Kept.none()),
                    dir,
                    progress.counter("render", pages, "pages")),
        r -> pages + " pages");
  }

  private HtmlPostProcessor.Result link(
      LoadedContent content,
      Optional<Partial> partial,
      Optional<LastBuild> previous,
      Path dir,
      Consumer<HtmlPage> texts) {
    Optional<HtmlPostProcessor.Published> published =
        partial.flatMap(
            p ->
                previous.map(
                    last -> new HtmlPostProcessor.Published(options.outputDir(), last.anchors())));
    int pages = partial.map(p -> p.pages().size()).orElse(content.sources().size());
    return timed(
        "link",
        () ->
            new HtmlPostProcessor(options.templatesDir())
                .process(content, dir, published, texts, progress.counter("link", pages, "pages")),
        r -> r.linksChecked() + " links and anchors checked");
  }

  /** The result, and the last build for the next: this one, or the previous with these pages. */
  private Build done(
      LoadedContent content,
      Optional<Partial> partial,
      Optional<LastBuild> previous,
      PageRenderer.Rendered rendered,
      HtmlPostProcessor.Result linked,
      Map<Page, PageText> texts) {
    if (partial.isEmpty()) {
      LastBuild last =
          new LastBuild(content, linked.anchors(), texts, Map.of(), PageRenderer.Kept.none());
      return new Build(
          new BuildResult(options.outputDir(), content.sources().size(), linked.linksChecked()),
          last,
          false);
    }
    // Only the changed pages' texts: their crosswalk partners were rebuilt for their compare
    // views, with the same text as before.
    Set<Page> changed =
        partial.get().pages().stream()
            .map(k -> content.model().page(k.id(), k.lang()).orElseThrow())
            .collect(Collectors.toSet());
    Map<Page, PageText> changedTexts = new LinkedHashMap<>(texts);
    changedTexts.keySet().retainAll(changed);
    LastBuild last =
        previous.orElseThrow().withPages(content, linked.anchors(), changedTexts, rendered.kept());
    return new Build(
        new BuildResult(options.outputDir(), partial.get().pages().size(), linked.linksChecked()),
        last,
        true);
  }

  /** The pages whose files are {@code changed}. */
  private static List<PageKey> pagesOf(LoadedContent content, Collection<Path> changed) {
    Set<Path> files =
        changed.stream().map(f -> f.toAbsolutePath().normalize()).collect(Collectors.toSet());
    return content.sources().values().stream()
        .filter(s -> files.contains(s.path().toAbsolutePath().normalize()))
        .map(s -> s.page().key())
        .toList();
  }

  private void pack(Path zip) {
    timed(
        "package",
        () -> new SitePackager(options.templatesDir()).pack(options.outputDir(), zip),
        bytes -> zip + " (" + bytes / 1024 + " KiB)");
  }

  private String published(List<String> warnings) {
    warnings.forEach(progress::warning);
    return options.outputDir().toString();
  }

  /**
   * After a partial build: puts the rebuilt pages' documents into the Lucene index of the published
   * site, and returns the static search index as it then is, to write: {@link StaticExport#write}
   * takes long and may run on another thread while pages are rebuilt again; {@link
   * StaticExport#publish} then moves the files into the site. Call this where builds cannot run at
   * the same time.
   *
   * @return the export, and the last build with its pages indexed
   */
  public Exported staticExport(LastBuild last) {
    if (!last.unindexed().isEmpty()) {
      new SearchIndexer(last.content().model()).index(last.unindexed(), options.outputDir(), false);
    }
    return new Exported(
        new StaticExport(last.content().model(), new LinkedHashMap<>(last.texts())),
        last.indexed());
  }

  /**
   * A static export and the build it was taken of.
   *
   * @param export the static index to write
   * @param last the build, its rebuilt pages now in the Lucene index
   */
  public record Exported(StaticExport export, LastBuild last) {}

  /** A static search index to write (see {@link #staticExport}). */
  public final class StaticExport {
    private final SiteModel model;
    private final Map<Page, PageText> texts;

    private StaticExport(SiteModel model, Map<Page, PageText> texts) {
      this.model = model;
      this.texts = texts;
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
     * Moves what {@link #write} wrote into the site, or only deletes it if {@code current} is false
     * (a newer build came in between: its own export, or its full build, has the newer index). Call
     * it where builds cannot run at the same time.
     *
     * @return whether the files were published
     */
    public boolean publish(Path written, boolean current) {
      SitePublisher publisher = new SitePublisher(options);
      try {
        if (current) {
          publisher.publish(written, false).forEach(progress::warning);
        }
        return current;
      } finally {
        publisher.discard(written).forEach(progress::warning);
      }
    }
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
    private final SiteModel model;

    Texts(SiteModel model) {
      this.model = model;
    }

    /** The page's text, and each of its requirements' (a search document of its own). */
    @Override
    public void accept(HtmlPage page) {
      page.source()
          .ifPresent(
              source -> {
                Page p = source.page();
                byPage.put(p, PageText.of(page.document()));
                for (var r : model.requirements().onPage(p.id(), p.lang())) {
                  Page doc = SiteModel.requirementDocument(r, p);
                  // Its number is in its title and its id is matched whole (SearchFields.ITEM);
                  // its 第6.0版 places name it too.
                  List<String> names = new ArrayList<>();
                  r.v6().forEach(l -> names.add(l.label(p.lang())));
                  PageText.ofRequirement(page.document(), doc, String.join("\n", names))
                      .ifPresent(t -> byPage.put(doc, t));
                }
              });
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
    return content.sources().size()
        + " pages ("
        + perLanguage
        + ")"
        + (content.problems().isEmpty() ? "" : ", " + content.problems().size() + " problems");
  }
}
