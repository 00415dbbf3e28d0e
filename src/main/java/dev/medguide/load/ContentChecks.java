package dev.medguide.load;

import dev.medguide.model.CrosswalkEntry;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.InventoryEntry;
import dev.medguide.model.Language;
import dev.medguide.model.PageKey;
import dev.medguide.model.Problems;
import dev.medguide.model.SiteData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that pages and data agree: every inventory page exists in every built language with the
 * inventory's title, no page is outside the inventory, crosswalk and glossary rows name existing
 * pages, and the two languages of a page have the same sections.
 */
final class ContentChecks {
  private final Map<PageKey, SourceFile> sources;
  private final SiteData data;
  private final Set<Language> languages;
  private final DataReader files;
  private final Problems problems;

  ContentChecks(
      Map<PageKey, SourceFile> sources,
      SiteData data,
      Set<Language> languages,
      DataReader files,
      Problems problems) {
    this.sources = sources;
    this.data = data;
    this.languages = languages;
    this.files = files;
    this.problems = problems;
  }

  void run(Path contentDir) {
    inventory(contentDir);
    Set<String> ids = sources.keySet().stream().map(PageKey::id).collect(Collectors.toSet());
    crosswalk(ids);
    glossary(ids);
    sameSections();
  }

  private void inventory(Path contentDir) {
    Map<String, InventoryEntry> byId = new HashMap<>();
    data.inventory().forEach(e -> byId.put(e.id(), e));
    for (InventoryEntry entry : data.inventory()) {
      for (Language lang : languages) {
        SourceFile source = sources.get(new PageKey(entry.id(), lang));
        if (source == null) {
          problems.add(
              files.file(DataReader.INVENTORY),
              entry.line(),
              "inventory page '"
                  + entry.id()
                  + "' is missing in "
                  + lang
                  + " (expected "
                  + contentDir.resolve(lang.code()).resolve(pathOf(entry.id()))
                  + ")");
        } else if (!source.page().title().equals(entry.title(lang))) {
          problems.add(
              source.path(),
              Math.max(source.lineContaining("= " + source.page().title()), 1),
              "title '"
                  + source.page().title()
                  + "' differs from the inventory's '"
                  + entry.title(lang)
                  + "'");
        }
      }
    }
    if (data.inventory().isEmpty()) {
      return;
    }
    for (SourceFile source : sources.values()) {
      if (!source.page().id().equals("home") && !byId.containsKey(source.page().id())) {
        problems.add(
            source.path(),
            source.idLine(),
            "page '" + source.page().id() + "' is not in " + DataReader.INVENTORY);
      }
    }
  }

  /** The content path of a page id; the inverse of the rule in {@link PageReader#idForPath}. */
  private static String pathOf(String id) {
    int dash = id.indexOf('-');
    if (dash < 0) {
      return id.equals("home") ? "index.adoc" : id + "/index.adoc";
    }
    return id.substring(0, dash) + "/" + id.substring(dash + 1) + ".adoc";
  }

  private void crosswalk(Set<String> ids) {
    Path file = files.file(DataReader.CROSSWALK);
    for (CrosswalkEntry row : data.crosswalk()) {
      checkReference(file, row.line(), row.mhlw(), "mhlw", ids);
      checkReference(file, row.line(), row.mic(), "mic", ids);
    }
  }

  private void checkReference(
      Path file, int line, Optional<String> id, String guideline, Set<String> ids) {
    if (id.isEmpty()) {
      return;
    }
    if (!id.get().startsWith(guideline + "-") && !id.get().equals(guideline)) {
      problems.add(
          file,
          line,
          "'"
              + id.get()
              + "' in the "
              + guideline
              + " column is not a "
              + guideline.toUpperCase(Locale.ROOT)
              + " page id");
    } else if (!ids.contains(id.get())) {
      problems.add(file, line, "unknown page id '" + id.get() + "'");
    }
  }

  private void glossary(Set<String> ids) {
    for (GlossaryTerm term : data.glossary()) {
      for (String page : term.pages()) {
        if (!ids.contains(page)) {
          problems.add(
              files.file(DataReader.GLOSSARY),
              term.line(),
              "term '" + term.id() + "' names unknown page id '" + page + "'");
        }
      }
    }
  }

  /** A page's languages must have the same sections: the same number of headings and ids. */
  private void sameSections() {
    for (SourceFile ja : sources.values()) {
      if (ja.page().lang() == Language.JA) {
        sameSections(sources, ja.page().id(), problems);
      }
    }
  }

  /** Checks one page's languages against each other. */
  static void sameSections(Map<PageKey, SourceFile> sources, String id, Problems problems) {
    SourceFile ja = sources.get(new PageKey(id, Language.JA));
    if (ja == null) {
      return;
    }
    Outline jaOutline = Outline.of(ja.lines());
    for (Language lang : Language.values()) {
      SourceFile other = sources.get(new PageKey(id, lang));
      if (other == null || lang == Language.JA) {
        continue;
      }
      Outline outline = Outline.of(other.lines());
      if (jaOutline.headings() != outline.headings()) {
        problems.add(
            other.path(),
            1,
            "has "
                + outline.headings()
                + " headings but the ja page has "
                + jaOutline.headings()
                + " ("
                + ja.path()
                + ")");
      } else if (!jaOutline.ids().equals(outline.ids())) {
        problems.add(
            other.path(),
            1,
            "section ids "
                + outline.ids()
                + " differ from the ja page's "
                + jaOutline.ids()
                + " ("
                + ja.path()
                + ")");
      }
    }
  }
}
