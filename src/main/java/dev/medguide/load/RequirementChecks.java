package dev.medguide.load;

import dev.medguide.load.RequirementReader.PageRequirements;
import dev.medguide.model.Language;
import dev.medguide.model.PageKey;
import dev.medguide.model.Problems;
import dev.medguide.model.Requirement;
import dev.medguide.model.RequirementLink;
import dev.medguide.model.Requirements;
import dev.medguide.model.Requirements.Coverage;
import dev.medguide.model.SectionNumbers;
import dev.medguide.model.V6Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collects the requirements of all pages into {@link Requirements} and checks them across pages and
 * languages: unique ids, the same items in both languages, and link rows that name known items of
 * the right guideline.
 */
final class RequirementChecks {
  static final String LINKS = "data/requirement-links.csv";

  /** Pages by language, guideline and section number (6.2 before 6.10). */
  private static final Comparator<SourceFile> PAGE_ORDER =
      Comparator.comparing((SourceFile s) -> s.page().lang())
          .thenComparing(s -> s.page().guideline().orElse(""))
          .thenComparing(s -> s.page().number().orElse(""), SectionNumbers.ORDER)
          .thenComparing(s -> s.page().url());

  private final Problems problems;

  RequirementChecks(Problems problems) {
    this.problems = problems;
  }

  /** Reads every page's requirements and the links file, checks them, and returns the catalogue. */
  Requirements collect(Map<PageKey, SourceFile> sources, Path contentDir, Set<Language> languages) {
    RequirementReader reader = new RequirementReader(problems);
    Map<PageKey, PageRequirements> pages = new LinkedHashMap<>();
    sources.values().stream()
        .sorted(PAGE_ORDER)
        .forEach(s -> pages.put(s.page().key(), reader.read(s)));
    List<Requirement> all = new ArrayList<>();
    Map<String, Coverage> coverage = new HashMap<>();
    pages.forEach(
        (key, page) -> {
          all.addAll(page.requirements());
          page.coverage().ifPresent(c -> coverage.putIfAbsent(key.id(), c));
        });
    unique(all);
    if (languages.size() > 1) {
      pages.forEach((key, page) -> sameInOtherLanguage(key, page, pages, sources));
    }
    Requirements withoutLinks = new Requirements(all, coverage, List.of());
    List<RequirementLink> links = links(contentDir.resolve(LINKS), withoutLinks, languages);
    return new Requirements(all, coverage, links);
  }

  /** Rereads one changed page: its requirements must be what the last load found. */
  static boolean unchanged(SourceFile source, Requirements previous) {
    Problems local = new Problems();
    PageRequirements now = new RequirementReader(local).read(source);
    List<String> before =
        previous.onPage(source.page().id(), source.page().lang()).stream()
            .map(r -> r.signature() + "|" + r.body())
            .toList();
    List<String> after =
        now.requirements().stream().map(r -> r.signature() + "|" + r.body()).toList();
    return local.isEmpty()
        && before.equals(after)
        && now.coverage()
            .equals(previous.coverage(source.page().id()).filter(c -> !after.isEmpty()));
  }

  private void unique(List<Requirement> all) {
    Map<String, Requirement> seen = new HashMap<>();
    for (Requirement r : all) {
      Requirement earlier = seen.putIfAbsent(r.id() + "/" + r.lang().code(), r);
      if (earlier != null) {
        problems.add(
            r.file(),
            r.line(),
            "duplicate requirement id '"
                + r.id()
                + "': also on "
                + earlier.file()
                + ":"
                + earlier.line());
        problems.add(
            earlier.file(),
            earlier.line(),
            "duplicate requirement id '" + r.id() + "': also on " + r.file() + ":" + r.line());
      }
    }
  }

  /**
   * Checks that the other language's page has the same requirements in the same order with the same
   * attributes. Reported from the Japanese side only, at the line where the English page differs,
   * so each difference is listed once.
   */
  private void sameInOtherLanguage(
      PageKey key,
      PageRequirements page,
      Map<PageKey, PageRequirements> pages,
      Map<PageKey, SourceFile> sources) {
    if (key.lang() != Language.JA) {
      return;
    }
    PageKey otherKey = new PageKey(key.id(), Language.EN);
    PageRequirements other = pages.get(otherKey);
    if (other == null) {
      return; // a missing page is reported by the loader
    }
    Path otherFile = sources.get(otherKey).path();
    Path file = sources.get(key).path();
    Map<String, Requirement> otherById = new LinkedHashMap<>();
    other.requirements().forEach(r -> otherById.putIfAbsent(r.id(), r));
    Set<String> ids = page.requirements().stream().map(Requirement::id).collect(Collectors.toSet());
    int lastLine = Math.max(other.coverageLine(), 1);
    for (Requirement r : page.requirements()) {
      Requirement en = otherById.get(r.id());
      if (en == null) {
        problems.add(
            otherFile,
            lastLine,
            "requirement '" + r.id() + "' of " + file + ":" + r.line() + " is missing in English");
        continue;
      }
      lastLine = en.line();
      if (!en.signature().equals(r.signature())) {
        problems.add(
            otherFile,
            en.line(),
            "requirement '"
                + r.id()
                + "' differs from "
                + file
                + ":"
                + r.line()
                + ": '"
                + en.signature()
                + "' vs '"
                + r.signature()
                + "'");
      }
    }
    extraOrMoved(page, other, file, otherFile, otherById.keySet(), ids);
  }

  /** English items that are not in Japanese, the order of the shared ones, and the coverage. */
  private void extraOrMoved(
      PageRequirements page,
      PageRequirements other,
      Path file,
      Path otherFile,
      Set<String> otherIds,
      Set<String> ids) {
    for (Requirement en : other.requirements()) {
      if (!ids.contains(en.id())) {
        problems.add(
            otherFile,
            en.line(),
            "requirement '" + en.id() + "' is not in the Japanese page " + file);
      }
    }
    List<String> order =
        page.requirements().stream().map(Requirement::id).filter(otherIds::contains).toList();
    List<String> otherOrder =
        other.requirements().stream()
            .map(Requirement::id)
            .filter(ids::contains)
            .distinct()
            .toList();
    if (!order.equals(otherOrder)) {
      problems.add(
          otherFile,
          Math.max(other.coverageLine(), 1),
          "requirements are in another order than in " + file);
    }
    if (!page.coverage().equals(other.coverage())
        && page.coverageLine() != 0
        && other.coverageLine() != 0) {
      problems.add(
          otherFile,
          other.coverageLine(),
          "requirements-coverage differs from " + file + ":" + page.coverageLine());
    }
  }

  private List<RequirementLink> links(
      Path file, Requirements requirements, Set<Language> languages) {
    List<RequirementLink> links = new ArrayList<>();
    if (!Files.exists(file)) {
      return links;
    }
    Language lang = languages.contains(Language.JA) ? Language.JA : languages.iterator().next();
    Set<String> seen = new HashSet<>();
    List<String> columns = List.of("mhlw", "provider", "basis", "note_ja", "note_en");
    for (CsvTable.Row row : CsvTable.read(file, columns, problems)) {
      Optional<Requirement> mhlw = side(file, row, "mhlw", "mhlw", requirements, lang);
      Optional<Requirement> provider = side(file, row, "provider", "mic", requirements, lang);
      Optional<RequirementLink.Basis> basis = RequirementLink.Basis.fromCode(row.get("basis"));
      if (basis.isEmpty()) {
        problems.add(
            file, row.line(), "unknown basis '" + row.get("basis") + "' (known: 6.0, named)");
      }
      if (mhlw.isEmpty() || provider.isEmpty() || basis.isEmpty()) {
        continue;
      }
      if (basis.get() == RequirementLink.Basis.SAME_V6
          && !shareLocation(mhlw.get(), provider.get())) {
        problems.add(
            file,
            row.line(),
            "basis 6.0, but "
                + row.get("mhlw")
                + " and "
                + row.get("provider")
                + " share no 第6.0版 chapter");
        continue;
      }
      if (!seen.add(row.get("mhlw") + "|" + row.get("provider"))) {
        problems.add(
            file, row.line(), "duplicate link " + row.get("mhlw") + " → " + row.get("provider"));
        continue;
      }
      links.add(
          new RequirementLink(
              row.get("mhlw"),
              row.get("provider"),
              basis.get(),
              row.get("note_ja"),
              row.get("note_en"),
              row.line()));
    }
    return links;
  }

  private Optional<Requirement> side(
      Path file,
      CsvTable.Row row,
      String column,
      String guideline,
      Requirements requirements,
      Language lang) {
    String id = row.get(column);
    Optional<Requirement> found = requirements.get(id, lang);
    if (found.isEmpty()) {
      problems.add(file, row.line(), "unknown requirement id '" + id + "' in column " + column);
    } else if (!found.get().level().guideline().equals(guideline)) {
      problems.add(
          file,
          row.line(),
          "'" + id + "' in column " + column + " is not a " + guideline + " requirement");
      return Optional.empty();
    }
    return found;
  }

  private static boolean shareLocation(Requirement a, Requirement b) {
    Set<String> chapters = a.v6().stream().map(V6Location::chapterKey).collect(Collectors.toSet());
    return b.v6().stream().map(V6Location::chapterKey).anyMatch(chapters::contains);
  }
}
