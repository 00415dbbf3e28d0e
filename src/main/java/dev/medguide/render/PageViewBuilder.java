package dev.medguide.render;

import dev.medguide.internal.Urls;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.PageKind;
import dev.medguide.model.SectionNumbers;
import dev.medguide.model.SiteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds what a template needs to lay out one page — navigation tree, breadcrumbs, language switch,
 * previous/next, source line — from the content model. Every URL in it is relative to the page, so
 * the site works from any folder. Plain maps and lists keep the templates simple.
 */
final class PageViewBuilder {
  private final SiteModel model;
  private final Messages messages;

  PageViewBuilder(SiteModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  Map<String, Object> build(Page page) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", page.id());
    view.put("lang", page.lang().code());
    view.put("kind", page.kind().name().toLowerCase(java.util.Locale.ROOT));
    view.put("title", page.title());
    view.put("label", label(page));
    view.put("number", numberLabel(page));
    view.put("summary", page.summary());
    view.put("sourceNote", page.sourceNote());
    view.put("url", page.url());
    view.put("root", Urls.toRoot(page.url()));
    model.page("home", page.lang()).ifPresent(home -> view.put("home", link(page, home)));
    view.put("alternates", alternates(page));
    view.put("breadcrumbs", model.ancestors(page).stream().map(a -> link(page, a)).toList());
    model.navigationRoot(page).ifPresent(root -> view.put("nav", navigation(page, root)));
    model.previous(page).ifPresent(p -> view.put("previous", link(page, p)));
    model.next(page).ifPresent(p -> view.put("next", link(page, p)));
    view.put("children", model.children(page).stream().map(c -> link(page, c)).toList());
    source(page).ifPresent(s -> view.put("source", s));
    originalTitle(page).ifPresent(t -> view.put("originalTitle", t));
    return view;
  }

  /** The title as readers see it, with the section or chapter number in front. */
  String label(Page page) {
    String number = numberLabel(page);
    return number.isEmpty() ? page.title() : number + " " + page.title();
  }

  private String numberLabel(Page page) {
    if (page.number().isEmpty()) {
      return "";
    }
    String number = page.number().get();
    return switch (page.kind()) {
      case CHAPTER -> messages.get(page.lang(), "chapter.label").replace("{0}", number);
      case SECTION -> SectionNumbers.display(number, page.lang());
      default -> "";
    };
  }

  private Map<String, Object> link(Page from, Page to) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("id", to.id());
    link.put("label", label(to));
    link.put("title", to.title());
    link.put("summary", to.summary());
    link.put("url", Urls.relative(from.url(), to.url()));
    return link;
  }

  private List<Map<String, Object>> alternates(Page page) {
    List<Map<String, Object>> alternates = new ArrayList<>();
    for (Page other : model.counterparts(page)) {
      Map<String, Object> alternate = link(page, other);
      alternate.put("lang", other.lang().code());
      alternate.put("language", messages.get(other.lang(), "language.name"));
      alternates.add(alternate);
    }
    return alternates;
  }

  private Map<String, Object> navigation(Page page, Page root) {
    Map<String, Object> nav = link(page, root);
    nav.put("current", root.equals(page));
    nav.put("items", items(page, root, root.kind() != PageKind.HOME));
    return nav;
  }

  /** The tree under {@code parent}; below the home page only one level, guidelines in full. */
  private List<Map<String, Object>> items(Page current, Page parent, boolean deep) {
    List<Map<String, Object>> items = new ArrayList<>();
    List<Page> ancestors = model.ancestors(current);
    for (Page child : model.children(parent)) {
      Map<String, Object> item = link(current, child);
      item.put("current", child.equals(current));
      item.put("open", ancestors.contains(child) || child.equals(current));
      item.put("items", deep ? items(current, child, true) : List.of());
      items.add(item);
    }
    return items;
  }

  private Optional<Map<String, Object>> source(Page page) {
    if (page.guideline().isEmpty()) {
      return Optional.empty();
    }
    return model
        .guideline(page.guideline().get(), page.lang())
        .map(
            info -> {
              Map<String, Object> source = new LinkedHashMap<>();
              source.put("publisher", info.publisher());
              source.put("title", info.title());
              source.put("edition", info.edition());
              source.put("section", page.kind() == PageKind.GUIDELINE ? "" : label(page));
              return source;
            });
  }

  /** For pages not in Japanese: the Japanese title, which is the authoritative name. */
  private Optional<String> originalTitle(Page page) {
    if (page.lang() == Language.JA || page.guideline().isEmpty()) {
      return Optional.empty();
    }
    return model.page(page.id(), Language.JA).map(this::label);
  }
}
