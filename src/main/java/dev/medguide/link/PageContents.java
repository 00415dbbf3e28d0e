package dev.medguide.link;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Fills the page's on-page table of contents ({@code nav#page-toc}) with links to the body's
 * level-2 and level-3 headings; removes it when the page has fewer than two headings.
 */
final class PageContents implements HtmlStep {
  @Override
  public void apply(HtmlPage page) {
    Element toc = page.document().getElementById("page-toc");
    Element body = page.document().selectFirst(HeadingAnchors.BODY);
    if (toc == null) {
      return;
    }
    Elements headings = body == null ? new Elements() : body.select("h2[id], h3[id]");
    if (headings.size() < 2) {
      toc.remove();
      return;
    }
    Element list = toc.appendElement("ol");
    Element currentSub = null;
    for (Element heading : headings) {
      Element item = new Element("li");
      item.appendElement("a").attr("href", "#" + heading.id()).text(headingText(heading));
      if (heading.nameIs("h3") && list.children().size() > 0) {
        if (currentSub == null) {
          currentSub = list.children().last().appendElement("ol");
        }
        currentSub.appendChild(item);
      } else {
        list.appendChild(item);
        currentSub = null;
      }
    }
  }

  /** The heading's own text, without the self-link added by {@link HeadingAnchors}. */
  private static String headingText(Element heading) {
    Element copy = heading.clone();
    copy.select("a.heading-anchor").remove();
    return copy.text();
  }
}
