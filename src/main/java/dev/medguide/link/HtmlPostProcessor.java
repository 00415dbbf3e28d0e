package dev.medguide.link;

import dev.medguide.BuildException;
import dev.medguide.load.LoadedContent;
import dev.medguide.load.SourceFile;
import dev.medguide.model.Problems;
import dev.medguide.model.SiteModel;
import dev.medguide.render.Messages;
import dev.medguide.render.Toolchain;
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
import java.util.function.Function;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Stage 3: post-processes every HTML file of the staged site with jsoup — heading anchors, the
 * on-page table of contents, glossary links, relative and external URLs — then checks every link
 * and anchor.
 */
public final class HtmlPostProcessor {
  private final Path templatesDir;
  private final Messages messages;
  private int linksChecked;
  private List<HtmlPage> pages = List.of();

  /** The anchors of every page of the last run, by URL: what a partial run checks links against. */
  private final Map<String, Set<String>> anchors = new HashMap<>();

  public HtmlPostProcessor(Path templatesDir) {
    this.templatesDir = templatesDir;
    this.messages = new Messages(templatesDir);
  }

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
   * Processes and checks the staged site in place, running {@code pageDone} once per page source
   * processed (progress).
   *
   * @return every broken link and anchor found
   */
  public Problems process(LoadedContent content, Path stagingDir, Runnable pageDone) {
    List<HtmlStep> steps = steps(content.model());
    Map<String, SourceFile> byUrl = new HashMap<>();
    content.sources().values().forEach(s -> byUrl.put(s.page().url(), s));
    ExecutorService workers = Toolchain.workers();
    try {
      // Pages are independent until the link check, which needs them all.
      List<HtmlPage> pages =
          inParallel(
              workers,
              files(stagingDir),
              file -> {
                HtmlPage page = read(byUrl, stagingDir, file);
                steps.forEach(step -> step.apply(page));
                if (page.source().isPresent()) {
                  pageDone.run();
                }
                return page;
              });
      anchors.clear();
      pages.forEach(page -> anchors.put(page.url(), LinkChecker.ids(page)));
      Problems problems = new Problems();
      LinkChecker checker = new LinkChecker(stagingDir, templatesDir, anchors);
      pages.forEach(page -> checker.check(page, problems));
      linksChecked = checker.checked();
      inParallel(workers, pages, page -> write(page, stagingDir));
      this.pages = pages;
      return problems;
    } finally {
      workers.shutdown();
    }
  }

  /**
   * Processes some re-rendered pages (a one-page rebuild): the HTML files in {@code dir}, whose
   * URLs are those of pages of {@code siteDir}, the site of the last run. Their links are checked
   * against that site, with these pages' new anchors. The pages are rewritten in {@code dir}; the
   * anchors are kept only if no problem was found.
   */
  public Problems processOnly(LoadedContent content, Path dir, Path siteDir) {
    Map<String, SourceFile> byUrl = new HashMap<>();
    content.sources().values().forEach(s -> byUrl.put(s.page().url(), s));
    List<HtmlStep> steps = steps(content.model());
    List<HtmlPage> changed = new ArrayList<>();
    for (Path file : files(dir)) {
      HtmlPage page = read(byUrl, dir, file);
      steps.forEach(step -> step.apply(page));
      changed.add(page);
    }
    Map<String, Set<String>> ids = new HashMap<>(anchors);
    changed.forEach(page -> ids.put(page.url(), LinkChecker.ids(page)));
    Problems problems = new Problems();
    LinkChecker checker = new LinkChecker(siteDir, templatesDir, ids);
    changed.forEach(page -> checker.check(page, problems));
    if (problems.isEmpty()) {
      anchors.putAll(ids);
    }
    changed.forEach(page -> write(page, dir));
    this.pages = changed;
    return problems;
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

  /** The pages of the last run, as published. */
  public List<HtmlPage> pages() {
    return pages;
  }

  /** How many URLs the last run checked. */
  public int linksChecked() {
    return linksChecked;
  }

  /** The HTML files of the staged site, in a fixed order. */
  private static List<Path> files(Path stagingDir) {
    try (Stream<Path> files = Files.walk(stagingDir)) {
      return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new BuildException("cannot read the rendered site: " + e.getMessage(), e);
    }
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

  private static HtmlPage write(HtmlPage page, Path stagingDir) {
    try {
      Files.writeString(
          stagingDir.resolve(page.url()), page.document().outerHtml(), StandardCharsets.UTF_8);
      return page;
    } catch (IOException e) {
      throw new BuildException("cannot write " + page.url() + ": " + e.getMessage(), e);
    }
  }
}
