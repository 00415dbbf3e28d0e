package dev.medguide.link;

import org.jsoup.nodes.Element;

/**
 * Removes the column widths Asciidoctor writes as {@code <col style="width: 25%">}: the site's
 * Content-Security-Policy blocks inline styles (the browser would ignore them anyway), and tables
 * lay themselves out well without them.
 */
final class InlineStyles implements HtmlStep {
  @Override
  public void apply(HtmlPage page) {
    for (Element col : page.document().select("col[style], colgroup[style]")) {
      col.removeAttr("style");
    }
  }
}
