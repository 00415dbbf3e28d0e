package dev.medguide.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every requirement of the site, per language in page order, with each page's coverage and the
 * links between MHLW and provider items. Collected from the pages by the loader.
 */
public final class Requirements {
  /** Whether a page lists every item of its section or only those that could be read. */
  public enum Coverage implements Coded {
    PARTIAL("partial"),
    COMPLETE("complete");

    private final String code;

    Coverage(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }

    public static Optional<Coverage> fromCode(String code) {
      return Coded.find(values(), code);
    }
  }

  private final Map<Language, List<Requirement>> byLang = new EnumMap<>(Language.class);
  private final Map<String, Requirement> byKey = new HashMap<>();
  private final Map<String, Coverage> coverage;
  private final List<RequirementLink> links;
  private final Map<String, List<RequirementLink>> linksById = new HashMap<>();

  /**
   * @param requirements the requirements of all languages, each language's in page order
   * @param coverage each page's coverage, by page id
   * @param links the links between MHLW and provider items
   */
  public Requirements(
      List<Requirement> requirements, Map<String, Coverage> coverage, List<RequirementLink> links) {
    for (Requirement r : requirements) {
      byLang.computeIfAbsent(r.lang(), l -> new ArrayList<>()).add(r);
      byKey.put(key(r.id(), r.lang()), r);
    }
    this.coverage = Map.copyOf(coverage);
    this.links = List.copyOf(links);
    for (RequirementLink link : links) {
      linksById.computeIfAbsent(link.mhlw(), k -> new ArrayList<>()).add(link);
      linksById.computeIfAbsent(link.provider(), k -> new ArrayList<>()).add(link);
    }
  }

  public static Requirements empty() {
    return new Requirements(List.of(), Map.of(), List.of());
  }

  private static String key(String id, Language lang) {
    return id + "/" + lang.code();
  }

  /** The requirements of one language, in page order. */
  public List<Requirement> all(Language lang) {
    return List.copyOf(byLang.getOrDefault(lang, List.of()));
  }

  /** The requirements written in one page, in the page's order. */
  public List<Requirement> onPage(String pageId, Language lang) {
    return all(lang).stream().filter(r -> r.pageId().equals(pageId)).toList();
  }

  public Optional<Requirement> get(String id, Language lang) {
    return Optional.ofNullable(byKey.get(key(id, lang)));
  }

  /** The page's coverage line, if it has requirements. */
  public Optional<Coverage> coverage(String pageId) {
    return Optional.ofNullable(coverage.get(pageId));
  }

  /** Every link row. */
  public List<RequirementLink> links() {
    return links;
  }

  /** The link rows naming this requirement, on either side, in file order. */
  public List<RequirementLink> links(String id) {
    return List.copyOf(linksById.getOrDefault(id, List.of()));
  }

  /** The ids on the other side of this requirement's links. */
  public List<String> counterparts(String id) {
    return links(id).stream().map(l -> l.mhlw().equals(id) ? l.provider() : l.mhlw()).toList();
  }
}
