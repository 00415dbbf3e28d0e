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
import dev.medguide.publish.SitePackager;
import dev.medguide.publish.SitePublisher;
import dev.medguide.render.PageRenderer;
import dev.medguide.render.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
  private Map<Page, PageText> lastTexts;

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
    SitePublisher publisher = new SitePublisher(options.outputDir());
    // 1 load: page headers and data files into the content model, checked.
    LoadedContent content =
        timed("load", () -> new ContentLoader(options).load(), this::countPages);
    Path staging = publisher.createStaging();
    try {
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
      // 3 link: jsoup adds anchors and the page TOC, makes URLs relative, checks every link.
      HtmlPostProcessor postProcessor = new HtmlPostProcessor(options.templatesDir());
      problems.addAll(
          timed(
              "link",
              () ->
                  postProcessor.process(
                      content,
                      staging,
                      progress.counter("link", content.sources().size(), "pages")),
              p -> postProcessor.linksChecked() + " links and anchors checked"));
      problems.throwIfAny();
      // 4 index: Lucene/Kuromoji index of the published text, exported for the static search.
      Map<Page, PageText> texts = texts(postProcessor.pages());
      timed(
          "index",
          () -> new SearchIndexer(content.model()).index(texts, staging),
          s -> s.documents() + " documents, static index " + s.staticBytes() / 1024 + " KiB");
      // 5 publish: the staged site replaces the output folder in one move.
      timed(
          "publish",
          () -> {
            publisher.publish(staging);
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
      lastTexts = texts;
      return new BuildResult(
          options.outputDir(), content.sources().size(), postProcessor.linksChecked());
    } finally {
      publisher.discard(staging);
    }
  }

  /**
   * Rebuilds only what a change to some page files affects, when that is possible after a
   * successful {@link #build}: the pages are re-rendered with the pages paired with them in the
   * crosswalk and their compare views, post-processed and link-checked against the published site,
   * moved into it file by file, and their search documents replaced. Navigation, titles and data
   * are the same as before, or this returns empty and a full build is needed.
   *
   * <p>The static search index is not rewritten here (it is written from all pages and takes longer
   * than a page): call {@link #exportStaticIndex} after publishing.
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
    SitePublisher publisher = new SitePublisher(options.outputDir());
    Path dir = publisher.createStaging();
    try {
      long start = System.nanoTime();
      Problems problems = new PageRenderer(options, toolchain).renderPages(content, keys, dir);
      problems.addAll(lastPostProcessor.processOnly(content, dir, options.outputDir()));
      problems.throwIfAny();
      int pages = publisher.publishFiles(dir);
      Map<Page, PageText> changedTexts = texts(lastPostProcessor.pages());
      changedTexts
          .keySet()
          .retainAll(
              keys.stream()
                  .map(k -> content.model().page(k.id(), k.lang()).orElseThrow())
                  .toList());
      new SearchIndexer(content.model()).update(changedTexts, options.outputDir());
      lastTexts.putAll(changedTexts);
      lastContent = content;
      progress.stage(
          "pages", pages + " files rebuilt", Duration.ofNanos(System.nanoTime() - start));
      return Optional.of(new BuildResult(options.outputDir(), keys.size(), 0));
    } finally {
      publisher.discard(dir);
    }
  }

  /** Writes the static search index of the published site again, after {@link #rebuildPages}. */
  public void exportStaticIndex() {
    if (lastContent != null) {
      timed(
          "static",
          () -> new SearchIndexer(lastContent.model()).exportStatic(lastTexts, options.outputDir()),
          bytes -> "static index " + bytes / 1024 + " KiB");
    }
  }

  /** The content of the last successful build. */
  public Optional<LoadedContent> lastContent() {
    return Optional.ofNullable(lastContent);
  }

  private <T> T timed(String stage, Supplier<T> work, Function<T, String> counts) {
    long start = System.nanoTime();
    T result = work.get();
    progress.stage(stage, counts.apply(result), Duration.ofNanos(System.nanoTime() - start));
    return result;
  }

  private static Map<Page, PageText> texts(List<HtmlPage> pages) {
    Map<Page, PageText> texts = new LinkedHashMap<>();
    for (HtmlPage page : pages) {
      page.source().ifPresent(source -> texts.put(source.page(), PageText.of(page.document())));
    }
    return texts;
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
