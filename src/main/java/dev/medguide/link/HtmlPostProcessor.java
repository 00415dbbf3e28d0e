package dev.medguide.link;

import dev.medguide.BuildException;
import dev.medguide.load.LoadedContent;
import dev.medguide.load.SourceFile;
import dev.medguide.model.Problems;
import dev.medguide.model.SiteModel;
import dev.medguide.render.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
   * Processes and checks the staged site in place.
   *
   * @return every broken link and anchor found
   */
  public Problems process(LoadedContent content, Path stagingDir) {
    List<HtmlPage> pages = read(content, stagingDir);
    List<HtmlStep> steps = steps(content.model());
    pages.forEach(page -> steps.forEach(step -> step.apply(page)));
    Problems problems = new Problems();
    LinkChecker checker = new LinkChecker(stagingDir, templatesDir, pages);
    pages.forEach(page -> checker.check(page, problems));
    linksChecked = checker.checked();
    pages.forEach(page -> write(page, stagingDir));
    this.pages = pages;
    return problems;
  }

  /** The pages of the last run, as published. */
  public List<HtmlPage> pages() {
    return pages;
  }

  /** How many URLs the last run checked. */
  public int linksChecked() {
    return linksChecked;
  }

  private static List<HtmlPage> read(LoadedContent content, Path stagingDir) {
    Map<String, SourceFile> byUrl = new HashMap<>();
    content.sources().values().forEach(s -> byUrl.put(s.page().url(), s));
    List<HtmlPage> pages = new ArrayList<>();
    try (Stream<Path> files = Files.walk(stagingDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        String url = stagingDir.relativize(file).toString().replace('\\', '/');
        Document document = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "");
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        pages.add(new HtmlPage(url, document, Optional.ofNullable(byUrl.get(url))));
      }
    } catch (IOException e) {
      throw new BuildException("cannot read the rendered site: " + e.getMessage(), e);
    }
    return pages;
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
