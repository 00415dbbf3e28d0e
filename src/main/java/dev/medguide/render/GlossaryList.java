package dev.medguide.render;

import static org.jsoup.nodes.Entities.escape;

import dev.medguide.internal.Messages;
import dev.medguide.internal.Urls;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.SiteModel;
import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The glossary as a definition list in the page's language: one anchor per term (the same id in
 * every language), reading, translation, variants, definition and links to the sections that use
 * the term. Japanese is sorted by reading, English by term.
 */
final class GlossaryList {
  private final SiteModel model;
  private final Messages messages;
  private final PageLabels labels;

  GlossaryList(SiteModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
    this.labels = new PageLabels(messages);
  }

  String html(Page page) {
    Language lang = page.lang();
    StringBuilder html = new StringBuilder("<dl class=\"glossary\">\n");
    for (GlossaryTerm term : sorted(model.data().glossary(), lang)) {
      html.append("<dt id=\"").append(escape(term.id())).append("\">");
      if (lang == Language.JA) {
        html.append("<span class=\"term\">")
            .append(escape(term.ja()))
            .append("</span>")
            .append(" <span class=\"reading\">（")
            .append(escape(term.reading()))
            .append("）</span>")
            .append(" <span class=\"translation\" lang=\"en\">")
            .append(escape(term.en()))
            .append("</span>");
      } else {
        html.append("<span class=\"term\">")
            .append(escape(term.en()))
            .append("</span>")
            .append(" <span class=\"translation\" lang=\"ja\">")
            .append(escape(term.ja()))
            .append("</span>")
            .append(" <span class=\"reading\" lang=\"ja\">（")
            .append(escape(term.reading()))
            .append("）</span>");
      }
      html.append(" <a class=\"heading-anchor\" href=\"#")
          .append(escape(term.id()))
          .append("\" aria-label=\"")
          .append(escape(messages.get(lang, "anchor.label")))
          .append("\"></a></dt>\n<dd>\n");
      html.append("<p>").append(escape(term.definition(lang))).append("</p>\n");
      if (!term.note(lang).isEmpty()) {
        html.append("<p class=\"term-note\">").append(escape(term.note(lang))).append("</p>\n");
      }
      if (!term.variants().isEmpty()) {
        html.append("<p class=\"term-variants\"><span class=\"label\">")
            .append(escape(messages.get(lang, "glossary.variants")))
            .append("</span> <span lang=\"ja\">")
            .append(escape(String.join("、", term.variants())))
            .append("</span></p>\n");
      }
      appendPages(html, page, term);
      html.append("</dd>\n");
    }
    return html.append("</dl>\n").toString();
  }

  private void appendPages(StringBuilder html, Page from, GlossaryTerm term) {
    List<Page> pages =
        term.pages().stream()
            .map(id -> model.page(id, from.lang()))
            .flatMap(Optional::stream)
            .toList();
    if (pages.isEmpty()) {
      return;
    }
    html.append("<p class=\"term-pages\"><span class=\"label\">")
        .append(escape(messages.get(from.lang(), "glossary.pages")))
        .append("</span> ");
    for (int i = 0; i < pages.size(); i++) {
      Page to = pages.get(i);
      html.append(i == 0 ? "" : messages.get(from.lang(), "list.separator"))
          .append("<a href=\"")
          .append(escape(Urls.relative(from.url(), to.url())))
          .append("\">")
          .append(escape(labels.label(to)))
          .append("</a>");
    }
    html.append("</p>\n");
  }

  /** The terms in the language's collation order (by reading in Japanese), keys made once. */
  private static List<GlossaryTerm> sorted(List<GlossaryTerm> terms, Language lang) {
    Collator collator =
        Collator.getInstance(lang == Language.JA ? Locale.JAPANESE : Locale.ENGLISH);
    Map<GlossaryTerm, CollationKey> keys = new IdentityHashMap<>();
    for (GlossaryTerm term : terms) {
      String text = lang == Language.JA ? term.reading() : term.en().toLowerCase(Locale.ROOT);
      keys.put(term, collator.getCollationKey(text));
    }
    Comparator<GlossaryTerm> order = Comparator.comparing(keys::get);
    return terms.stream().sorted(order.thenComparing(GlossaryTerm::id)).toList();
  }
}
