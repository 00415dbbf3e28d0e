package dev.medguide.link;

import dev.medguide.internal.Urls;
import org.jsoup.nodes.Element;

/**
 * Rewrites root-relative URLs ({@code /ja/mhlw/6.5.html}) into page-relative ones, so the site
 * works from a file share, from {@code file://} and under any sub-path.
 */
final class RelativeUrls implements HtmlStep {
  static final String URL_ATTRIBUTES =
      "a[href], link[href], script[src], img[src], source[src], iframe[src]";

  @Override
  public void apply(HtmlPage page) {
    for (Element element : page.document().select(URL_ATTRIBUTES)) {
      String attribute = element.hasAttr("href") ? "href" : "src";
      String url = element.attr(attribute);
      if (url.startsWith("/") && !url.startsWith("//")) {
        String relative = Urls.relative(page.url(), url.substring(1));
        element.attr(attribute, relative.isEmpty() ? "./" : relative);
      }
    }
  }
}
