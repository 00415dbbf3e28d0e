package dev.medguide.pipeline;

import dev.medguide.config.BuildOptions;
import dev.medguide.index.PageText;
import dev.medguide.index.SearchIndexer;
import dev.medguide.link.HtmlPage;
import dev.medguide.link.HtmlPostProcessor;
import dev.medguide.load.ContentLoader;
import dev.medguide.load.LoadedContent;
import dev.medguide.model.Page;
import dev.medguide.model.Problems;
import dev.medguide.publish.SitePackager;
import dev.medguide.publish.SitePublisher;
import dev.medguide.render.PageRenderer;
import dev.medguide.render.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
              () -> new PageRenderer(options, toolchain).render(content, staging),
              p -> pages(content)));
      // 3 link: jsoup adds anchors and the page TOC, makes URLs relative, checks every link.
      HtmlPostProcessor postProcessor = new HtmlPostProcessor(options.templatesDir());
      problems.addAll(
          timed(
              "link",
              () -> postProcessor.process(content, staging),
              p -> postProcessor.linksChecked() + " links and anchors checked"));
      problems.throwIfAny();
      // 4 index: Lucene/Kuromoji index of the published text, exported for the static search.
      timed(
          "index",
          () -> new SearchIndexer(content.model()).index(texts(postProcessor.pages()), staging),
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
      return new BuildResult(
          options.outputDir(), content.sources().size(), postProcessor.linksChecked());
    } finally {
      publisher.discard(staging);
    }
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
