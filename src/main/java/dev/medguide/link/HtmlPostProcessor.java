package dev.medguide.link;

import dev.medguide.BuildException;
import dev.medguide.internal.Messages;
import dev.medguide.internal.Workers;
import dev.medguide.load.LoadedContent;
import dev.medguide.load.SourceFile;
import dev.medguide.model.Problems;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Stage 3: post-processes every HTML file of the staged site with jsoup — heading anchors, the
 * on-page table of contents, glossary links, relative and external URLs — and checks every link and
 * anchor. Pages are processed on both cores, one parse each.
 */
public final class HtmlPostProcessor {
  private final Path templatesDir;
  private final Messages messages;

  public HtmlPostProcessor(Path templatesDir) {
    this.templatesDir = templatesDir;
    this.messages = new Messages(templatesDir);
  }

  /**
   * The site that a run over some of its pages adds to: its folder, which links may point into, and
   * the anchors of its pages by URL.
   */
  public record Published(Path siteDir, Map<String, Set<String>> anchors) {}

  /**
   * What a run found and left.
   *
   * @param problems every broken link and anchor
   * @param anchors the anchors of every page of the site after the run, by URL
   * @param linksChecked how many links and anchors were checked
   */
  public record Result(Problems problems, Map<String, Set<String>> anchors, int linksChecked) {}

  /** The steps, in the order they run on each page. */
  private List<HtmlStep> steps(SiteModel model) {
    return List.of(
        new HeadingAnchors(messages), // ids and self-links on body headings
        new PageContents(), // on-page table of contents from those headings
        new GlossaryLinks(model), // first use of each glossary term links to its entry
        new InlineStyles(), // column widths the security policy would block are dropped
        new RelativeUrls(), // root-relative URLs become page-relative
        new ExternalLinks()); // links that leave the site are marked
  }

  /**
   * Processes and checks the HTML files in {@code dir} in place: the whole staged site, or the
   * pages of a partial build, whose links may then also point into the {@code published} site and
   * whose anchors replace theirs there. Each page is parsed, changed, checked, handed to {@code
   * processed} and written back before its parse is dropped, so memory does not grow with the site.
   * {@code processed} runs on worker threads, once per HTML file, in no fixed order; {@code
   * pageDone} runs once per page source processed (progress).
   */
  public Result process(
      LoadedContent content,
      Path dir,
      Optional<Published> published,
      Consumer<HtmlPage> processed,
      Runnable pageDone) {
    List<HtmlStep> steps = steps(content.model());
    Map<String, SourceFile> byUrl = byUrl(content);
    SiteFiles files = SiteFiles.of(dir);
    Optional<Path> site = published.map(Published::siteDir);
    LinkChecker checker =
        new LinkChecker(
            templatesDir,
            url ->
                files.isFile(url)
                    || site.filter(s -> Files.isRegularFile(s.resolve(url))).isPresent(),
            url ->
                files.isDirectory(url)
                    || site.filter(s -> Files.isDirectory(s.resolve(url))).isPresent());
    Problems problems = new Problems();
    ExecutorService workers = Workers.perProcessor();
    try {
      List<Checked> pages =
          inParallel(
              workers,
              files.html(),
              file -> {
                Checked page = processOne(byUrl, dir, file, steps, checker, processed, problems);
                if (page.hasSource()) {
                  pageDone.run();
                }
                return page;
              });
      Map<String, Set<String>> anchors =
          new HashMap<>(published.map(Published::anchors).orElse(Map.of()));
      pages.forEach(page -> anchors.put(page.url(), page.ids()));
      pages.forEach(page -> checker.checkAnchors(page.anchors(), anchors, problems));
      return new Result(problems, Map.copyOf(anchors), checker.checked());
    } finally {
      workers.shutdown();
    }
  }

  /**
   * A page after its steps and checks, once written back: its anchors, its links to other pages'
   * anchors, and whether it has an AsciiDoc source. Its parse is not kept.
   */
  private record Checked(
      String url, Set<String> ids, List<LinkChecker.Anchor> anchors, boolean hasSource) {}

  /** Processes, checks and writes back one file, handing the page to {@code processed}. */
  private static Checked processOne(
      Map<String, SourceFile> byUrl,
      Path root,
      Path file,
      List<HtmlStep> steps,
      LinkChecker checker,
      Consumer<HtmlPage> processed,
      Problems problems) {
    HtmlPage page = read(byUrl, root, file);
    steps.forEach(step -> step.apply(page));
    Set<String> ids = LinkChecker.ids(page);
    List<LinkChecker.Anchor> anchors = checker.check(page, ids, problems);
    processed.accept(page);
    write(page, root);
    return new Checked(page.url(), ids, anchors, page.source().isPresent());
  }

  /** Applies {@code work} to every item on the workers; the results keep the items' order. */
  private static <T, R> List<R> inParallel(
      ExecutorService workers, List<T> items, Function<T, R> work) {
    List<Future<R>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(workers.submit(() -> work.apply(item)));
    }
    List<R> results = new ArrayList<>();
    try {
      for (Future<R> future : futures) {
        results.add(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("interrupted while post-processing", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new BuildException("post-processing failed: " + e.getCause(), e.getCause());
    }
    return results;
  }

  private static Map<String, SourceFile> byUrl(LoadedContent content) {
    Map<String, SourceFile> byUrl = new HashMap<>();
    content.sources().values().forEach(s -> byUrl.put(s.page().url(), s));
    return byUrl;
  }

  private static HtmlPage read(Map<String, SourceFile> byUrl, Path stagingDir, Path file) {
    String url = stagingDir.relativize(file).toString().replace('\\', '/');
    try {
      Document document = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "");
      document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
      return new HtmlPage(url, document, Optional.ofNullable(byUrl.get(url)));
    } catch (IOException e) {
      throw new BuildException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(HtmlPage page, Path stagingDir) {
    try {
      Files.writeString(
          stagingDir.resolve(page.url()), page.document().outerHtml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BuildException("cannot write " + page.url() + ": " + e.getMessage(), e);
    }
  }
}
