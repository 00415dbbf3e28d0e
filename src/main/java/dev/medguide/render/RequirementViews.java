package dev.medguide.render;

import dev.medguide.internal.Messages;
import dev.medguide.internal.Urls;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.Requirement;
import dev.medguide.model.RequirementLink;
import dev.medguide.model.Requirements;
import dev.medguide.model.SiteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The views of the {@code requirement} and {@code requirementsCoverage} macros of {@code
 * templates/data.ftl}, and the short labels other outputs (exports, search) use for a requirement.
 */
final class RequirementViews {
  private final SiteModel model;
  private final Messages messages;
  private final PageLabels labels;

  RequirementViews(SiteModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
    this.labels = new PageLabels(messages);
  }

  /** The view of one requirement shown on {@code page}. */
  Map<String, Object> view(Requirement r, Page page) {
    Language lang = page.lang();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", r.id());
    view.put("level", r.level().code());
    view.put("number", r.number().orElse(""));
    view.put("edition", r.edition().code());
    view.put(
        "locations",
        r.v6().stream().map(l -> Map.of("code", l.code(), "label", l.label(lang))).toList());
    view.put("basis", r.basis().map(Requirement.V6Basis::code).orElse(""));
    view.put("counterparts", counterparts(r, page));
    return view;
  }

  private List<Map<String, Object>> counterparts(Requirement r, Page page) {
    Requirements requirements = model.requirements();
    List<Map<String, Object>> out = new ArrayList<>();
    for (RequirementLink link : requirements.links(r.id())) {
      String otherId = link.mhlw().equals(r.id()) ? link.provider() : link.mhlw();
      Optional<Requirement> other = requirements.get(otherId, page.lang());
      Optional<Page> otherPage = other.flatMap(o -> model.page(o.pageId(), page.lang()));
      if (otherPage.isEmpty()) {
        continue;
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("url", Urls.relative(page.url(), otherPage.get().url()) + "#" + otherId);
      item.put("label", label(other.get(), otherPage.get()));
      item.put("guideline", other.get().level().guideline());
      item.put("basis", linkKind(link));
      item.put("note", link.note(page.lang()));
      out.add(item);
    }
    return out;
  }

  /** {@code 6.5 C-13}, or the page number and the id's item part when there is no number. */
  String label(Requirement r, Page page) {
    String number = labels.number(page);
    String item = r.number().orElse(r.id().substring(r.pageId().length() + 1));
    return (number.isEmpty() ? labels.label(page) : number) + " " + item;
  }

  /** The coverage note's view for a page. */
  Map<String, Object> coverage(Page page) {
    List<Requirement> list = model.requirements().onPage(page.id(), page.lang());
    Map<String, Integer> byLevel = new LinkedHashMap<>();
    list.forEach(r -> byLevel.merge(r.level().code(), 1, Integer::sum));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("count", list.size());
    view.put(
        "levels",
        byLevel.entrySet().stream()
            .map(e -> Map.of("level", e.getKey(), "count", e.getValue()))
            .toList());
    view.put(
        "coverage",
        model
            .requirements()
            .coverage(page.id())
            .map(Requirements.Coverage::code)
            .orElse("partial"));
    view.put(
        "checklistUrl", Urls.relative(page.url(), checklistUrl(page)) + "#section-" + page.id());
    return view;
  }

  /** The checklist page listing the page's items: its guideline's, or its own (cyber). */
  static String checklistUrl(Page page) {
    return ChecklistWriter.url(page.lang(), page.guideline().orElse(page.id()));
  }

  /** How a link is labelled ({@code req.link.v6}, {@code req.link.named} in the messages). */
  static String linkKind(RequirementLink link) {
    return link.basis() == RequirementLink.Basis.SAME_V6 ? "v6" : "named";
  }

  Messages messages() {
    return messages;
  }
}
