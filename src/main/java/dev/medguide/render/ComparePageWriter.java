package dev.medguide.render;

import dev.medguide.BuildException;
import dev.medguide.internal.Messages;
import dev.medguide.internal.Urls;
import dev.medguide.internal.Workers;
import dev.medguide.model.CrosswalkEntry;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.Problems;
import dev.medguide.model.Requirement;
import dev.medguide.model.RequirementLink;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes a side-by-side view for every crosswalk pair, {@code
 * {lang}/compare/mhlw-6.5--mic-3.2.3.html}, from the two rendered pages' bodies. Ids get a
 * per-column prefix so both bodies can share one page, and links are rewritten to stay correct from
 * the compare page's folder.
 */
final class ComparePageWriter {
  private static final String BODY_TAG = "<div id=\"page-body\"";

  private final SiteModel model;
  private final PageViewBuilder views;
  private final StandaloneTemplates templates;
  private final Messages messages;

  ComparePageWriter(SiteModel model, Messages messages, StandaloneTemplates templates) {
    this.model = model;
    this.views = new PageViewBuilder(model, messages);
    this.templates = templates;
    this.messages = messages;
  }

  /** Writes every compare page into {@code siteDir}; returns how many. */
  int write(Path siteDir, Problems problems) {
    return write(siteDir, model.data().crosswalk(), model.languages(), problems);
  }

  /**
   * Writes the compare pages of {@code entries} in {@code languages} into {@code siteDir}; returns
   * how many. The pages are written on every core; their problems are reported in entry order.
   */
  int write(
      Path siteDir,
      List<CrosswalkEntry> entries,
      Collection<Language> languages,
      Problems problems) {
    Set<String> written = new HashSet<>();
    List<Callable<Problems>> tasks = new ArrayList<>();
    for (Language lang : languages) {
      for (CrosswalkEntry entry : entries) {
        if (!entry.isPair()) {
          continue;
        }
        Optional<Page> mhlw = model.page(entry.mhlw().get(), lang);
        Optional<Page> mic = model.page(entry.mic().get(), lang);
        if (mhlw.isPresent() && mic.isPresent() && written.add(entry.compareUrl(lang))) {
          tasks.add(
              () -> {
                Problems found = new Problems();
                write(siteDir, entry, mhlw.get(), mic.get(), found);
                return found;
              });
        }
      }
    }
    ExecutorService workers = Workers.perProcessor();
    try {
      for (Future<Problems> done : workers.invokeAll(tasks)) {
        problems.addAll(result(done));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("writing the compare pages was interrupted", e);
    } finally {
      workers.shutdownNow();
    }
    return written.size();
  }

  private static Problems result(Future<Problems> done) throws InterruptedException {
    try {
      return done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new BuildException("cannot write a compare page: " + e.getCause(), e.getCause());
    }
  }

  private void write(Path siteDir, CrosswalkEntry entry, Page mhlw, Page mic, Problems problems) {
    Map<String, Object> view = views.compare(entry, mhlw, mic);
    String url = entry.compareUrl(mhlw.lang());
    List<String> bodies = new ArrayList<>();
    for (Page page : List.of(mhlw, mic)) {
      bodies.add(body(siteDir, page, url, page.guideline().orElseThrow() + "-"));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("page", view);
    data.put("bodies", bodies);
    data.put("pairs", pairs(mhlw, mic));
    data.put("t", messages.ui(mhlw.lang()));
    templates.render("compare.ftl", data, siteDir.resolve(url), problems);
  }

  /**
   * The requirement links between the two pages, each as the two items' labels and anchors in the
   * compare page (whose ids carry the column's prefix).
   */
  private List<Map<String, Object>> pairs(Page mhlw, Page mic) {
    RequirementViews labels = new RequirementViews(model, messages);
    List<Map<String, Object>> pairs = new ArrayList<>();
    for (RequirementLink link : model.requirements().links()) {
      Optional<Requirement> left = model.requirements().get(link.mhlw(), mhlw.lang());
      Optional<Requirement> right = model.requirements().get(link.provider(), mic.lang());
      if (left.isEmpty()
          || right.isEmpty()
          || !left.get().pageId().equals(mhlw.id())
          || !right.get().pageId().equals(mic.id())) {
        continue;
      }
      Map<String, Object> pair = new LinkedHashMap<>();
      pair.put("mhlwLabel", labels.label(left.get(), mhlw));
      pair.put("mhlwUrl", "#mhlw-" + link.mhlw());
      pair.put("micLabel", labels.label(right.get(), mic));
      pair.put("micUrl", "#mic-" + link.provider());
      pair.put("basis", RequirementViews.linkKind(link));
      pair.put("note", link.note(mhlw.lang()));
      pairs.add(pair);
    }
    return pairs;
  }

  /** The page's rendered body, with prefixed ids and links that work from {@code targetUrl}. */
  private static String body(Path siteDir, Page page, String targetUrl, String idPrefix) {
    Path file = siteDir.resolve(page.url());
    Document doc;
    try {
      if (!Files.isRegularFile(file)) {
        return ""; // the page failed to render; that problem is already reported
      }
      doc = Jsoup.parse(fromBody(Files.readString(file, StandardCharsets.UTF_8)), "");
    } catch (IOException e) {
      throw new BuildException("cannot read " + page.url() + ": " + e.getMessage(), e);
    }
    Element body = doc.getElementById("page-body");
    if (body == null) {
      return "";
    }
    body.select("section.related").remove();
    for (Element element : body.select("[id]")) {
      element.id(idPrefix + element.id());
    }
    for (Element link : body.select("a[href]")) {
      String href = link.attr("href");
      if (href.startsWith("#")) {
        link.attr("href", "#" + idPrefix + href.substring(1));
      } else if (!href.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !href.startsWith("/")) {
        link.attr("href", Urls.relative(targetUrl, Urls.resolve(page.url(), href)));
      }
    }
    return body.html();
  }

  /**
   * The page's HTML from its body's opening tag on: the head and the navigation before it are most
   * of a page, and parsing them again for every compare view cost more than the views themselves.
   * The body parses to the same elements without them (the closing tags left over are ignored).
   */
  static String fromBody(String html) {
    int start = html.indexOf(BODY_TAG);
    return start < 0 ? html : html.substring(start);
  }
}
