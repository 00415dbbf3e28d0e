package dev.medguide.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All pages of a build and how they relate: parents, children, reading order, counterparts in the
 * other language. Built once by the loader and read by every later stage.
 */
public final class SiteModel {
  private static final Comparator<Page> SIBLING_ORDER =
      Comparator.comparing((Page p) -> p.number().isPresent() ? 1 : 0)
          .thenComparingInt(Page::order)
          .thenComparing(p -> p.number().orElse(""), SectionNumbers.ORDER)
          .thenComparing(Page::id);

  private final Set<Language> languages;
  private final Map<PageKey, Page> pages = new LinkedHashMap<>();
  private final Map<PageKey, PageKey> parents = new HashMap<>();
  private final Map<PageKey, List<Page>> children = new HashMap<>();
  private final Map<PageKey, List<Page>> sequences = new HashMap<>();

  /** Each page's place in its reading-order sequence. */
  private final Map<PageKey, Integer> positions = new HashMap<>();

  /** The crosswalk rows that name each page id, on either side, in file order. */
  private final Map<String, List<CrosswalkEntry>> crosswalkByPage = new HashMap<>();

  private final Map<String, GuidelineInfo> guidelines = new HashMap<>();
  private final SiteData data;
  private final Requirements requirements;

  /**
   * A model without requirements (see {@link #SiteModel(Set, Collection, SiteData, Requirements)}).
   */
  public SiteModel(Set<Language> languages, Collection<Page> pages, SiteData data) {
    this(languages, pages, data, Requirements.empty());
  }

  /**
   * @param languages the languages being built
   * @param pages the pages, at most one per id and language
   * @param data the data files: guidelines, inventory, crosswalk, glossary, roster
   * @param requirements the requirements collected from the pages
   */
  public SiteModel(
      Set<Language> languages, Collection<Page> pages, SiteData data, Requirements requirements) {
    this.data = data;
    this.requirements = requirements;
    this.languages = Set.copyOf(languages);
    pages.stream()
        .sorted(Comparator.comparing(Page::lang).thenComparing(Page::url))
        .forEach(p -> this.pages.put(p.key(), p));
    data.guidelines().forEach(g -> this.guidelines.put(g.id() + "/" + g.lang().code(), g));
    linkParents();
    buildSequences();
    for (CrosswalkEntry entry : data.crosswalk()) {
      Set<String> ids = new LinkedHashSet<>();
      entry.mhlw().ifPresent(ids::add);
      entry.mic().ifPresent(ids::add);
      ids.forEach(id -> crosswalkByPage.computeIfAbsent(id, k -> new ArrayList<>()).add(entry));
    }
  }

  /** The requirements of every page, with their links. */
  public Requirements requirements() {
    return requirements;
  }

  /** The data files' contents. */
  public SiteData data() {
    return data;
  }

  /** The crosswalk rows that name this page, on either side. */
  public List<CrosswalkEntry> crosswalk(Page page) {
    return List.copyOf(crosswalkByPage.getOrDefault(page.id(), List.of()));
  }

  public Set<Language> languages() {
    return languages;
  }

  /** Every page, ordered by language and URL. */
  public Collection<Page> pages() {
    return pages.values();
  }

  public Optional<Page> page(String id, Language lang) {
    return Optional.ofNullable(pages.get(new PageKey(id, lang)));
  }

  /**
   * What search indexes: every page, each followed by its requirements as documents of their own
   * (kind {@link PageKind#REQUIREMENT}, URL the page's with the requirement's anchor).
   */
  public List<Page> searchDocuments() {
    List<Page> all = new ArrayList<>();
    for (Page page : pages.values()) {
      all.add(page);
      requirements.onPage(page.id(), page.lang()).stream()
          .map(r -> requirementDocument(r, page))
          .forEach(all::add);
    }
    return all;
  }

  /** A page, or a requirement's search document, by id. */
  public Optional<Page> searchDocument(String id, Language lang) {
    return page(id, lang)
        .or(
            () ->
                requirements
                    .get(id, lang)
                    .flatMap(r -> page(r.pageId(), lang).map(p -> requirementDocument(r, p))));
  }

  /** The search document of a requirement: titled {@code 6.5 C-13 …the first words}. */
  public static Page requirementDocument(Requirement r, Page page) {
    String item = r.number().orElse(r.id().substring(r.pageId().length() + 1));
    String text = r.text();
    int limit = page.lang() == Language.JA ? 32 : 60;
    String start = text.length() <= limit ? text : text.substring(0, limit).strip() + "…";
    String title = page.number().map(n -> n + " ").orElse("") + item + " " + start;
    return new Page(
        r.id(),
        page.lang(),
        PageKind.REQUIREMENT,
        page.guideline(),
        page.number(),
        title,
        "",
        "",
        0,
        page.sourceFile(),
        page.url() + "#" + r.id());
  }

  public Optional<Page> parent(Page page) {
    return Optional.ofNullable(parents.get(page.key())).map(pages::get);
  }

  public List<Page> children(Page page) {
    return children.getOrDefault(page.key(), List.of());
  }

  /** The page's ancestors, the home page first. */
  public List<Page> ancestors(Page page) {
    List<Page> chain = new ArrayList<>();
    for (Optional<Page> p = parent(page); p.isPresent(); p = parent(p.get())) {
      chain.add(0, p.get());
    }
    return chain;
  }

  /** The same page in the other languages that are being built. */
  public List<Page> counterparts(Page page) {
    return languages.stream()
        .sorted()
        .filter(l -> l != page.lang())
        .flatMap(l -> page(page.id(), l).stream())
        .toList();
  }

  /**
   * The top page of the tree the page belongs to: its guideline's table of contents, or the home
   * page for pages outside the guidelines.
   */
  public Optional<Page> navigationRoot(Page page) {
    String rootId = page.guideline().orElse("home");
    return page(rootId, page.lang());
  }

  /** The previous page in reading order within the page's guideline (or the top-level pages). */
  public Optional<Page> previous(Page page) {
    return neighbour(page, -1);
  }

  /** The next page in reading order within the page's guideline (or the top-level pages). */
  public Optional<Page> next(Page page) {
    return neighbour(page, 1);
  }

  public Optional<GuidelineInfo> guideline(String id, Language lang) {
    return Optional.ofNullable(guidelines.get(id + "/" + lang.code()));
  }

  private Optional<Page> neighbour(Page page, int step) {
    List<Page> sequence = sequences.getOrDefault(page.key(), List.of());
    Integer at = positions.get(page.key());
    if (at == null || !sequence.get(at).equals(page)) {
      return Optional.empty();
    }
    int i = at + step;
    return i >= 0 && i < sequence.size() ? Optional.of(sequence.get(i)) : Optional.empty();
  }

  private void linkParents() {
    for (Page page : pages.values()) {
      parentKey(page).ifPresent(parent -> parents.put(page.key(), parent));
    }
    Map<PageKey, List<Page>> unsorted = new HashMap<>();
    parents.forEach(
        (child, parent) ->
            unsorted.computeIfAbsent(parent, k -> new ArrayList<>()).add(pages.get(child)));
    unsorted.forEach(
        (parent, list) -> children.put(parent, list.stream().sorted(SIBLING_ORDER).toList()));
  }

  private Optional<PageKey> parentKey(Page page) {
    Language lang = page.lang();
    return switch (page.kind()) {
      case HOME -> Optional.empty();
      case GUIDELINE, PAGE -> existing("home", lang);
      case CHAPTER, ANNEX -> existing(page.guideline().orElseThrow(), lang);
      case SECTION -> sectionParent(page);
      case REQUIREMENT -> Optional.empty(); // a search document, never a page of the model
    };
  }

  private Optional<PageKey> sectionParent(Page page) {
    String guideline = page.guideline().orElseThrow();
    Optional<String> candidate = SectionNumbers.parentCandidate(page.number().orElseThrow());
    while (candidate.isPresent()) {
      Optional<PageKey> found = existing(guideline + "-" + candidate.get(), page.lang());
      if (found.isPresent()) {
        return found;
      }
      candidate = SectionNumbers.parentCandidate(candidate.get());
    }
    return existing(guideline, page.lang());
  }

  private Optional<PageKey> existing(String id, Language lang) {
    PageKey key = new PageKey(id, lang);
    return pages.containsKey(key) ? Optional.of(key) : Optional.empty();
  }

  /** Reading order: depth-first through each guideline, and home plus its direct children. */
  private void buildSequences() {
    for (Page page : pages.values()) {
      if (page.kind() == PageKind.GUIDELINE || page.kind() == PageKind.HOME) {
        List<Page> sequence = new ArrayList<>();
        if (page.kind() == PageKind.HOME) {
          sequence.add(page);
          children(page).stream().filter(c -> c.kind() == PageKind.PAGE).forEach(sequence::add);
        } else {
          collect(page, sequence);
        }
        List<Page> shared = List.copyOf(sequence);
        for (int i = 0; i < shared.size(); i++) {
          sequences.put(shared.get(i).key(), shared);
          positions.put(shared.get(i).key(), i);
        }
      }
    }
  }

  private void collect(Page page, List<Page> into) {
    into.add(page);
    children(page).forEach(c -> collect(c, into));
  }
}
