package dev.medguide.render;

import dev.medguide.internal.Messages;
import dev.medguide.internal.Urls;
import dev.medguide.model.CrosswalkEntry;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.PageKind;
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
  private final PageLabels labels;

  PageViewBuilder(SiteModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
    this.labels = new PageLabels(messages);
  }

  Map<String, Object> build(Page page) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", page.id());
    view.put("lang", page.lang().code());
    view.put("kind", page.kind().name().toLowerCase(java.util.Locale.ROOT));
    page.guideline().ifPresent(g -> view.put("guideline", g));
    view.put("title", page.title());
    view.put("label", label(page));
    view.put("number", labels.number(page));
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
    view.put("related", related(page));
    view.put("terms", terms(page));
    originalTitle(page).ifPresent(t -> view.put("originalTitle", t));
    return view;
  }

  /**
   * The view of the side-by-side page of a crosswalk pair in one language: the same keys as a
   * page's view where the layout needs them (root, home, alternates, breadcrumbs), plus the two
   * columns.
   */
  Map<String, Object> compare(CrosswalkEntry entry, Page mhlw, Page mic) {
    Language lang = mhlw.lang();
    String url = entry.compareUrl(lang);
    Page here =
        new Page(
            "compare",
            lang,
            PageKind.PAGE,
            Optional.empty(),
            Optional.empty(),
            "",
            "",
            "",
            0,
            mhlw.sourceFile(),
            url);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("lang", lang.code());
    view.put("kind", "compare");
    view.put("url", url);
    view.put("root", Urls.toRoot(url));
    view.put("summary", "");
    view.put("label", label(mhlw) + " ↔ " + label(mic));
    model.page("home", lang).ifPresent(home -> view.put("home", link(here, home)));
    List<Map<String, Object>> crumbs = new ArrayList<>();
    model.page("home", lang).ifPresent(home -> crumbs.add(link(here, home)));
    model.page("crosswalk", lang).ifPresent(matrix -> crumbs.add(link(here, matrix)));
    view.put("breadcrumbs", crumbs);
    List<Map<String, Object>> alternates = new ArrayList<>();
    for (Language other : model.languages()) {
      if (other != lang
          && model.page(mhlw.id(), other).isPresent()
          && model.page(mic.id(), other).isPresent()) {
        Map<String, Object> alternate = new LinkedHashMap<>();
        alternate.put("lang", other.code());
        alternate.put("language", messages.get(other, "language.name"));
        alternate.put("url", Urls.relative(url, entry.compareUrl(other)));
        alternates.add(alternate);
      }
    }
    alternates.sort(java.util.Comparator.comparing(a -> a.get("lang").toString()));
    view.put("alternates", alternates);
    view.put("relationLabel", messages.get(lang, "relation." + entry.relation().code()));
    view.put("confidence", entry.confidence().code());
    view.put("confidenceLabel", messages.get(lang, "confidence." + entry.confidence().code()));
    view.put("note", entry.note(lang));
    view.put("columns", List.of(column(here, mhlw), column(here, mic)));
    return view;
  }

  private Map<String, Object> column(Page from, Page page) {
    Map<String, Object> column = link(from, page);
    column.put("guideline", page.guideline().orElseThrow());
    column.put(
        "guidelineLabel", messages.get(page.lang(), "related." + page.guideline().orElseThrow()));
    source(page).ifPresent(s -> column.put("source", s));
    return column;
  }

  private String label(Page page) {
    return labels.label(page);
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

  /**
   * The tree under {@code parent}; below the home page only one level. On a guideline's table of
   * contents, the whole guideline. On its other pages, every chapter, and the children of the
   * current page and of each of its ancestors: the branch the reader is in, open. Other branches
   * stay closed, so a page's navigation grows with its branch, never with the size of the site.
   */
  private List<Map<String, Object>> items(Page current, Page parent, boolean deep) {
    List<Map<String, Object>> items = new ArrayList<>();
    List<Page> ancestors = model.ancestors(current);
    for (Page child : model.children(parent)) {
      boolean open = ancestors.contains(child) || child.equals(current);
      Map<String, Object> item = link(current, child);
      item.put("current", child.equals(current));
      item.put("open", open);
      boolean expand = deep && (open || current.kind() == PageKind.GUIDELINE);
      item.put("items", expand ? items(current, child, true) : List.of());
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

  /**
   * The sections of the other guideline that correspond to this one, from the crosswalk; a row
   * without a partner says that there is none (a section new in MIC, or one MIC does not answer).
   */
  private List<Map<String, Object>> related(Page page) {
    List<Map<String, Object>> related = new ArrayList<>();
    for (CrosswalkEntry entry : model.crosswalk(page)) {
      boolean isMhlw = entry.mhlw().equals(Optional.of(page.id()));
      Optional<String> partnerId = isMhlw ? entry.mic() : entry.mhlw();
      Map<String, Object> item = new LinkedHashMap<>();
      partnerId
          .flatMap(id -> model.page(id, page.lang()))
          .ifPresent(partner -> item.putAll(link(page, partner)));
      item.put("guideline", isMhlw ? "mic" : "mhlw");
      item.put("relation", entry.relation().code());
      item.put("relationLabel", messages.get(page.lang(), "relation." + entry.relation().code()));
      item.put("confidence", entry.confidence().code());
      item.put(
          "confidenceLabel", messages.get(page.lang(), "confidence." + entry.confidence().code()));
      item.put("note", entry.note(page.lang()));
      if (entry.isPair() && item.containsKey("url")) {
        item.put("compareUrl", Urls.relative(page.url(), entry.compareUrl(page.lang())));
      }
      related.add(item);
    }
    return related;
  }

  /**
   * The glossary terms whose entry lists this page, each linked to its entry: what the page is
   * found by (the search's keywords), shown.
   */
  private List<Map<String, Object>> terms(Page page) {
    List<Map<String, Object>> terms = new ArrayList<>();
    Optional<Page> glossary = model.page("glossary", page.lang());
    if (glossary.isEmpty() || page.id().equals("glossary")) {
      return terms;
    }
    for (var term : model.data().glossary()) {
      if (term.pages().contains(page.id())) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("label", page.lang() == Language.JA ? term.ja() : term.en());
        item.put("url", Urls.relative(page.url(), glossary.get().url()) + "#" + term.id());
        terms.add(item);
      }
    }
    return terms;
  }

  /** For pages not in Japanese: the Japanese title, which is the authoritative name. */
  private Optional<String> originalTitle(Page page) {
    if (page.lang() == Language.JA || page.guideline().isEmpty()) {
      return Optional.empty();
    }
    return model.page(page.id(), Language.JA).map(this::label);
  }
}
