package dev.medguide.link;

import dev.medguide.load.SourceFile;
import dev.medguide.model.Problems;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;

/**
 * Checks every URL in the staged site: internal links must reach an existing file and, with a
 * fragment, an existing id in it; resources (scripts, styles, images) must not come from another
 * host. A broken link in a page body is reported at the source line that wrote it.
 *
 * <p>Pages are checked one at a time, from any thread, while they are post-processed, so that no
 * page has to stay parsed until all are done. An anchor in another page can only be checked once
 * that page is done: {@link #check} returns those links, and {@link #checkAnchors} checks them when
 * every page's anchors are known.
 */
final class LinkChecker {
  private final Path templatesDir;
  private final Predicate<String> isFile;
  private final Predicate<String> isDirectory;
  private final AtomicInteger checked = new AtomicInteger();

  /**
   * A link to an anchor of another page, to check when that page's anchors are known.
   *
   * @param inBody whether the link is in the AsciiDoc body (reported at its source line)
   */
  record Anchor(
      String pageUrl,
      Optional<SourceFile> source,
      boolean inBody,
      String url,
      String target,
      String fragment) {}

  /**
   * A checker for a site whose files are known by their paths relative to the site root.
   *
   * @param isFile whether a path names a file of the site
   * @param isDirectory whether a path names a folder of the site ({@code ""} is the root)
   */
  LinkChecker(Path templatesDir, Predicate<String> isFile, Predicate<String> isDirectory) {
    this.templatesDir = templatesDir;
    this.isFile = isFile;
    this.isDirectory = isDirectory;
  }

  /** The anchors a page defines: element ids and named anchors. */
  static Set<String> ids(HtmlPage page) {
    Set<String> ids = new HashSet<>();
    page.document().select("[id]").forEach(e -> ids.add(e.id()));
    page.document().select("a[name]").forEach(e -> ids.add(e.attr("name")));
    return ids;
  }

  /** How many URLs were checked so far. */
  int checked() {
    return checked.get();
  }

  /**
   * Checks a page's URLs, with {@code ids} its own anchors.
   *
   * @return the links to anchors of other pages, for {@link #checkAnchors}
   */
  List<Anchor> check(HtmlPage page, Set<String> ids, Problems problems) {
    for (Element styled : page.document().select("body [style]")) {
      report(
          page,
          styled,
          "style=\"" + styled.attr("style") + "\"",
          problems,
          "inline style is blocked by the site's Content-Security-Policy; use a class");
    }
    List<Anchor> anchors = new ArrayList<>();
    for (Element element : page.document().select(RelativeUrls.URL_ATTRIBUTES)) {
      boolean isLink = element.nameIs("a");
      String url = element.attr(element.hasAttr("href") ? "href" : "src").strip();
      checked.incrementAndGet();
      String scheme = scheme(url);
      if (scheme.equals("http") || scheme.equals("https") || url.startsWith("//")) {
        if (!isLink) {
          report(page, element, url, problems, "loads a resource from another host");
        }
      } else if (scheme.equals("javascript")) {
        report(page, element, url, problems, "javascript: URLs are not allowed");
      } else if (scheme.isEmpty()) {
        checkInternal(page, ids, element, url, problems).ifPresent(anchors::add);
      }
    }
    return anchors;
  }

  /** Checks links to other pages' anchors, with {@code idsByUrl} every page's anchors. */
  void checkAnchors(List<Anchor> anchors, Map<String, Set<String>> idsByUrl, Problems problems) {
    for (Anchor anchor : anchors) {
      Set<String> ids = idsByUrl.get(anchor.target());
      if (ids != null && !ids.contains(anchor.fragment())) {
        report(
            anchor.pageUrl(),
            anchor.source(),
            anchor.inBody(),
            anchor.url(),
            problems,
            "broken link: no anchor #" + anchor.fragment() + " in " + anchor.target());
      }
    }
  }

  private Optional<Anchor> checkInternal(
      HtmlPage page, Set<String> ids, Element element, String url, Problems problems) {
    int hash = url.indexOf('#');
    String path = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : decode(url.substring(hash + 1));
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    String target = path.isEmpty() ? page.url() : resolve(page.url(), decode(path));
    if (target == null) {
      report(page, element, url, problems, "broken link: leads outside the site");
      return Optional.empty();
    }
    if (!path.isEmpty()) {
      if (isDirectory.test(target)) {
        target = target.isEmpty() ? "index.html" : target.replaceAll("/?$", "/index.html");
      }
      if (!isFile.test(target)) {
        report(page, element, url, problems, "broken link: no such page");
        return Optional.empty();
      }
    }
    if (fragment.isEmpty()) {
      return Optional.empty();
    }
    if (target.equals(page.url())) {
      if (!ids.contains(fragment)) {
        report(
            page, element, url, problems, "broken link: no anchor #" + fragment + " in " + target);
      }
      return Optional.empty();
    }
    return Optional.of(
        new Anchor(page.url(), page.source(), inBody(element), url, target, fragment));
  }

  /** The target path relative to the site root, or null when it climbs out of the site. */
  private static String resolve(String from, String relative) {
    Path base = Path.of(from).getParent();
    Path resolved = (base == null ? Path.of(relative) : base.resolve(relative)).normalize();
    String result = resolved.toString().replace('\\', '/');
    return result.startsWith("..") ? null : result;
  }

  private static boolean inBody(Element element) {
    return element.closest(HeadingAnchors.BODY) != null;
  }

  private void report(
      HtmlPage page, Element element, String url, Problems problems, String message) {
    report(page.url(), page.source(), inBody(element), url, problems, message);
  }

  private void report(
      String pageUrl,
      Optional<SourceFile> source,
      boolean inBody,
      String url,
      Problems problems,
      String message) {
    String text = message + " → " + url;
    if (inBody && source.isPresent()) {
      int line = 0;
      for (String needle : needles(url)) {
        line = source.get().lineContaining(needle);
        if (line > 0) {
          break;
        }
      }
      problems.add(source.get().path(), line, text);
    } else {
      Path template = templatesDir.resolve(template(pageUrl, source));
      problems.add(template, 0, text + " (in " + pageUrl + ")");
    }
  }

  /** The template that wrote a page (for links outside any AsciiDoc body). */
  private static String template(String pageUrl, Optional<SourceFile> source) {
    if (source.isPresent()) {
      return "page.ftl";
    }
    if (pageUrl.contains("/compare/")) {
      return "compare.ftl";
    }
    if (pageUrl.endsWith("/404.html")) {
      return "notfound.ftl";
    }
    return pageUrl.endsWith("/search.html") ? "search.ftl" : "root.ftl";
  }

  /** What the AsciiDoc source probably contains for this URL: the fragment, the file stem. */
  private static List<String> needles(String url) {
    int hash = url.indexOf('#');
    String fragment = hash < 0 ? "" : url.substring(hash + 1);
    String path = hash < 0 ? url : url.substring(0, hash);
    String file = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.html$", "");
    return fragment.isEmpty()
        ? List.of(file + ".adoc", file)
        : List.of("#" + fragment, fragment, file + ".adoc");
  }

  private static String scheme(String url) {
    int colon = url.indexOf(':');
    if (colon <= 0) {
      return "";
    }
    String scheme = url.substring(0, colon);
    return scheme.matches("[A-Za-z][A-Za-z0-9+.-]*") ? scheme.toLowerCase(Locale.ROOT) : "";
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
