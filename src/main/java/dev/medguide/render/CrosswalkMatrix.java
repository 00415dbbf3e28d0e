package dev.medguide.render;

import dev.medguide.internal.Messages;
import dev.medguide.internal.Urls;
import dev.medguide.model.CrosswalkEntry;
import dev.medguide.model.Language;
import dev.medguide.model.MeasureCategory;
import dev.medguide.model.Page;
import dev.medguide.model.SiteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The correspondence matrix: both guidelines' outlines side by side, one row per crosswalk entry,
 * grouped by measure category: the view for the {@code crosswalk} macro of {@code
 * templates/data.ftl}. Every section is a link, and every pair's relation links to its side-by-side
 * view. On a narrow screen the stylesheet stacks each row.
 */
final class CrosswalkMatrix {
  private final SiteModel model;
  private final PageLabels labels;

  CrosswalkMatrix(SiteModel model, Messages messages) {
    this.model = model;
    this.labels = new PageLabels(messages);
  }

  Map<String, Object> view(Page page) {
    List<Map<String, Object>> categories = new ArrayList<>();
    for (MeasureCategory category : MeasureCategory.values()) {
      List<Map<String, Object>> rows =
          model.data().crosswalk().stream()
              .filter(e -> e.category() == category)
              .map(row -> row(page, row))
              .toList();
      if (!rows.isEmpty()) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("code", category.code());
        group.put("rows", rows);
        categories.add(group);
      }
    }
    return Map.of("categories", categories);
  }

  private Map<String, Object> row(Page from, CrosswalkEntry row) {
    Language lang = from.lang();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("relation", row.relation().code());
    view.put("confidence", row.confidence().code());
    view.put("note", row.note(lang));
    link(from, row.mhlw()).ifPresent(link -> view.put("mhlw", link));
    link(from, row.mic()).ifPresent(link -> view.put("mic", link));
    boolean comparable =
        row.isPair()
            && model.page(row.mhlw().get(), lang).isPresent()
            && model.page(row.mic().get(), lang).isPresent();
    if (comparable) {
      view.put("compareUrl", Urls.relative(from.url(), row.compareUrl(lang)));
    }
    return view;
  }

  private Optional<Map<String, Object>> link(Page from, Optional<String> id) {
    return id.flatMap(i -> model.page(i, from.lang()))
        .map(
            target ->
                Map.of(
                    "url", Urls.relative(from.url(), target.url()), "label", labels.label(target)));
  }
}
