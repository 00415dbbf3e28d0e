package dev.medguide.render;

import dev.medguide.internal.Messages;
import dev.medguide.internal.Urls;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.SiteModel;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The glossary's view for the {@code glossary} macro of {@code templates/data.ftl}, in the page's
 * language: one anchor per term (the same id in every language), reading, translation, variants,
 * definition and links to the sections that use the term. Japanese is sorted by reading, English by
 * term.
 */
final class GlossaryList {
  private final SiteModel model;
  private final PageLabels labels;

  GlossaryList(SiteModel model, Messages messages) {
    this.model = model;
    this.labels = new PageLabels(messages);
  }

  Map<String, Object> view(Page page) {
    Language lang = page.lang();
    List<Map<String, Object>> terms = new ArrayList<>();
    for (GlossaryTerm term : sorted(model.data().glossary(), lang)) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", term.id());
      view.put("ja", term.ja());
      view.put("en", term.en());
      view.put("reading", term.reading());
      view.put("definition", term.definition(lang));
      view.put("note", term.note(lang));
      view.put("variants", term.variants());
      view.put(
          "pages",
          term.pages().stream()
              .map(id -> model.page(id, lang))
              .flatMap(Optional::stream)
              .map(
                  to ->
                      Map.of("url", Urls.relative(page.url(), to.url()), "label", labels.label(to)))
              .toList());
      terms.add(view);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ja", lang == Language.JA);
    view.put("terms", terms);
    return view;
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
