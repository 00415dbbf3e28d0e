package dev.medguide.link;

import dev.medguide.model.Problems;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Checks every URL in the staged site: internal links must reach an existing file and, with a
 * fragment, an existing id in it; resources (scripts, styles, images) must not come from another
 * host. A broken link in a page body is reported at the source line that wrote it.
 */
final class LinkChecker {
  private final Path siteDir;
  private final Path templatesDir;
  private final Map<String, Set<String>> idsByUrl;
  private int checked;

  /**
   * A checker for the site in {@code siteDir}.
   *
   * @param idsByUrl the anchors of every page, by URL (see {@link #ids})
   */
  LinkChecker(Path siteDir, Path templatesDir, Map<String, Set<String>> idsByUrl) {
    this.siteDir = siteDir;
    this.templatesDir = templatesDir;
    this.idsByUrl = idsByUrl;
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
    return checked;
  }

  void check(HtmlPage page, Problems problems) {
    for (Element styled : page.document().select("body [style]")) {
      report(
          page,
          styled,
          "style=\"" + styled.attr("style") + "\"",
          problems,
          "inline style is blocked by the site's Content-Security-Policy; use a class");
    }
    for (Element element : page.document().select(RelativeUrls.URL_ATTRIBUTES)) {
      boolean isLink = element.nameIs("a");
      String url = element.attr(element.hasAttr("href") ? "href" : "src").strip();
      checked++;
      String scheme = scheme(url);
      if (scheme.equals("http") || scheme.equals("https") || url.startsWith("//")) {
        if (!isLink) {
          report(page, element, url, problems, "loads a resource from another host");
        }
      } else if (scheme.equals("javascript")) {
        report(page, element, url, problems, "javascript: URLs are not allowed");
      } else if (scheme.isEmpty()) {
        checkInternal(page, element, url, problems);
      }
    }
  }

  private void checkInternal(HtmlPage page, Element element, String url, Problems problems) {
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
      return;
    }
    if (!path.isEmpty()) {
      Path file = siteDir.resolve(target);
      if (Files.isDirectory(file)) {
        target = target.isEmpty() ? "index.html" : target.replaceAll("/?$", "/index.html");
        file = siteDir.resolve(target);
      }
      if (!Files.isRegularFile(file)) {
        report(page, element, url, problems, "broken link: no such page");
        return;
      }
    }
    if (!fragment.isEmpty()
        && idsByUrl.containsKey(target)
        && !idsByUrl.get(target).contains(fragment)) {
      report(page, element, url, problems, "broken link: no anchor #" + fragment + " in " + target);
    }
  }

  /** The target path relative to the site root, or null when it climbs out of the site. */
  private static String resolve(String from, String relative) {
    Path base = Path.of(from).getParent();
    Path resolved = (base == null ? Path.of(relative) : base.resolve(relative)).normalize();
    String result = resolved.toString().replace('\\', '/');
    return result.startsWith("..") ? null : result;
  }

  private void report(
      HtmlPage page, Element element, String url, Problems problems, String message) {
    String text = message + " → " + url;
    boolean inBody = element.closest(HeadingAnchors.BODY) != null;
    if (inBody && page.source().isPresent()) {
      int line = 0;
      for (String needle : needles(url)) {
        line = page.source().get().lineContaining(needle);
        if (line > 0) {
          break;
        }
      }
      problems.add(page.source().get().path(), line, text);
    } else {
      Path template = templatesDir.resolve(template(page));
      problems.add(template, 0, text + " (in " + page.url() + ")");
    }
  }

  /** The template that wrote a page (for links outside any AsciiDoc body). */
  private static String template(HtmlPage page) {
    if (page.source().isPresent()) {
      return "page.ftl";
    }
    if (page.url().contains("/compare/")) {
      return "compare.ftl";
    }
    if (page.url().endsWith("/404.html")) {
      return "notfound.ftl";
    }
    return page.url().endsWith("/search.html") ? "search.ftl" : "root.ftl";
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
