package dev.medguide.link;

import org.jsoup.nodes.Element;

/**
 * Marks links that leave the site: {@code rel="noopener noreferrer"} and a class the stylesheet
 * uses to show that the reader is leaving.
 */
final class ExternalLinks implements HtmlStep {
  @Override
  public void apply(HtmlPage page) {
    for (Element link : page.document().select("a[href^=http:], a[href^=https:]")) {
      link.attr("rel", "noopener noreferrer").addClass("external");
    }
  }
}
