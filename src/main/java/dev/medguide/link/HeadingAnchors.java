package dev.medguide.link;

import dev.medguide.internal.Messages;
import dev.medguide.model.Language;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Gives every heading in the page body a stable id and a link to itself. Ids written in the content
 * are kept; a heading without one gets an id derived from its text, made unique.
 */
final class HeadingAnchors implements HtmlStep {
  static final String BODY = "#page-body";
  static final String HEADINGS = "h2, h3, h4, h5, h6";

  private final Messages messages;

  HeadingAnchors(Messages messages) {
    this.messages = messages;
  }

  @Override
  public void apply(HtmlPage page) {
    Element body = page.document().selectFirst(BODY);
    if (body == null) {
      return;
    }
    Set<String> taken = new HashSet<>();
    page.document().select("[id]").forEach(e -> taken.add(e.id()));
    Language lang = page.source().map(s -> s.page().lang()).orElse(Language.JA);
    for (Element heading : body.select(HEADINGS)) {
      if (heading.id().isEmpty()) {
        heading.id(unique(slug(heading.text()), taken));
      }
      heading
          .appendElement("a")
          .addClass("heading-anchor")
          .attr("href", "#" + heading.id())
          .attr("aria-label", messages.get(lang, "anchor.label") + ": " + heading.text());
    }
  }

  private static String slug(String text) {
    String normalized =
        Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    String slug = normalized.replaceAll("[\\s\\p{Punct}、。・（）「」]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "section" : slug;
  }

  private static String unique(String base, Set<String> taken) {
    String id = base;
    for (int i = 2; !taken.add(id); i++) {
      id = base + "-" + i;
    }
    return id;
  }
}
