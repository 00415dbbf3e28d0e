package dev.medguide.load;

import dev.medguide.model.CommitteeMember;
import dev.medguide.model.Confidence;
import dev.medguide.model.CrosswalkEntry;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.GuidelineInfo;
import dev.medguide.model.InventoryEntry;
import dev.medguide.model.Language;
import dev.medguide.model.MeasureCategory;
import dev.medguide.model.Problems;
import dev.medguide.model.Relation;
import dev.medguide.model.SiteData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the data files of {@code content/data/} and checks each on its own: columns, known codes,
 * duplicates. References to pages are checked later, by {@link ContentChecks}.
 */
final class DataReader {
  static final String GUIDELINES = "data/guidelines.csv";
  static final String INVENTORY = "data/inventory.csv";
  static final String CROSSWALK = "data/crosswalk.csv";
  static final String GLOSSARY = "data/glossary.csv";
  static final String COMMITTEE = "data/committee.csv";

  private final Path contentDir;
  private final Problems problems;

  DataReader(Path contentDir, Problems problems) {
    this.contentDir = contentDir;
    this.problems = problems;
  }

  Path file(String name) {
    return contentDir.resolve(name);
  }

  SiteData read() {
    return new SiteData(guidelines(), inventory(), crosswalk(), glossary(), committee());
  }

  private List<GuidelineInfo> guidelines() {
    Path file = file(GUIDELINES);
    List<GuidelineInfo> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CsvTable.Row row :
        CsvTable.read(file, List.of("id", "lang", "publisher", "title", "edition"), problems)) {
      Optional<Language> lang = language(file, row);
      if (lang.isPresent() && unique(file, row, seen, row.get("id") + "/" + lang.get())) {
        rows.add(
            new GuidelineInfo(
                row.get("id"),
                lang.get(),
                row.get("publisher"),
                row.get("title"),
                row.get("edition")));
      }
    }
    return rows;
  }

  private List<InventoryEntry> inventory() {
    Path file = file(INVENTORY);
    List<InventoryEntry> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CsvTable.Row row : CsvTable.read(file, List.of("id", "title_ja", "title_en"), problems)) {
      if (unique(file, row, seen, row.get("id"))
          && nonEmpty(file, row, "id", "title_ja", "title_en")) {
        rows.add(
            new InventoryEntry(
                row.get("id"), row.get("title_ja"), row.get("title_en"), row.line()));
      }
    }
    return rows;
  }

  private List<CrosswalkEntry> crosswalk() {
    Path file = file(CROSSWALK);
    List<CrosswalkEntry> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> columns =
        List.of("category", "mhlw", "mic", "relation", "confidence", "note_ja", "note_en");
    for (CsvTable.Row row : CsvTable.read(file, columns, problems)) {
      Optional<MeasureCategory> category =
          known(
              file,
              row,
              "category",
              MeasureCategory.fromCode(row.get("category")),
              "general, organizational, physical, technical, human, disposal, maintenance, off-site, emergency, exchange, signature, storage, termination, new-services");
      Optional<Relation> relation =
          known(
              file,
              row,
              "relation",
              Relation.fromCode(row.get("relation")),
              "same, partial, explanation, new, none");
      Optional<Confidence> confidence =
          known(
              file,
              row,
              "confidence",
              Confidence.fromCode(row.get("confidence")),
              "high, medium, low");
      if (row.get("mhlw").isEmpty() && row.get("mic").isEmpty()) {
        problems.add(file, row.line(), "a row needs an MHLW id, a MIC id, or both");
        continue;
      }
      if (category.isPresent()
          && relation.isPresent()
          && confidence.isPresent()
          && unique(file, row, seen, row.get("mhlw") + "|" + row.get("mic"))) {
        rows.add(
            new CrosswalkEntry(
                category.get(),
                optional(row.get("mhlw")),
                optional(row.get("mic")),
                relation.get(),
                confidence.get(),
                row.get("note_ja"),
                row.get("note_en"),
                row.line()));
      }
    }
    return rows;
  }

  private <T> Optional<T> known(
      Path file, CsvTable.Row row, String column, Optional<T> value, String allowed) {
    if (value.isEmpty()) {
      problems.add(
          file, row.line(), "unknown " + column + " '" + row.get(column) + "' (" + allowed + ")");
    }
    return value;
  }

  private List<GlossaryTerm> glossary() {
    Path file = file(GLOSSARY);
    List<GlossaryTerm> rows = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> terms = new HashSet<>();
    List<String> columns =
        List.of(
            "id",
            "ja",
            "reading",
            "en",
            "variants",
            "definition_ja",
            "definition_en",
            "pages",
            "note_ja",
            "note_en");
    for (CsvTable.Row row : CsvTable.read(file, columns, problems)) {
      if (!row.get("id").matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        problems.add(
            file,
            row.line(),
            "glossary id '" + row.get("id") + "' must be lowercase ASCII words joined by hyphens");
        continue;
      }
      if (unique(file, row, ids, row.get("id"))
          && unique(file, row, terms, row.get("ja"))
          && nonEmpty(
              file, row, "ja", "reading", "en", "definition_ja", "definition_en", "pages")) {
        rows.add(
            new GlossaryTerm(
                row.get("id"),
                row.get("ja"),
                row.get("reading"),
                row.get("en"),
                CsvTable.split(row.get("variants"), "\\|"),
                row.get("definition_ja"),
                row.get("definition_en"),
                CsvTable.split(row.get("pages"), "\\s+"),
                row.get("note_ja"),
                row.get("note_en"),
                row.line()));
      }
    }
    return rows;
  }

  private List<CommitteeMember> committee() {
    Path file = file(COMMITTEE);
    List<CommitteeMember> rows = new ArrayList<>();
    List<String> columns =
        List.of(
            "no",
            "name_ja",
            "name_en",
            "reading_confirmed",
            "affiliation_ja",
            "affiliation_en",
            "role");
    int lastLine = 0;
    for (CsvTable.Row row : CsvTable.read(file, columns, problems)) {
      lastLine = row.line();
      int expected = rows.size() + 1;
      if (!row.get("no").equals(String.valueOf(expected))) {
        problems.add(
            file,
            row.line(),
            "members are numbered in the deck's order: expected no "
                + expected
                + ", found '"
                + row.get("no")
                + "'");
      }
      if (!Set.of("chair", "member").contains(row.get("role"))
          || !Set.of("yes", "no").contains(row.get("reading_confirmed"))) {
        problems.add(file, row.line(), "role must be chair or member, reading_confirmed yes or no");
        continue;
      }
      if (nonEmpty(file, row, "name_ja", "name_en", "affiliation_ja", "affiliation_en")) {
        rows.add(
            new CommitteeMember(
                expected,
                row.get("name_ja"),
                row.get("name_en"),
                row.get("reading_confirmed").equals("yes"),
                row.get("affiliation_ja"),
                row.get("affiliation_en"),
                row.get("role").equals("chair")));
      }
    }
    long chairs = rows.stream().filter(CommitteeMember::chair).count();
    if (!rows.isEmpty() && chairs != 1) {
      problems.add(file, lastLine, "the roster must mark exactly one chair (主査), found " + chairs);
    }
    return rows;
  }

  private Optional<Language> language(Path file, CsvTable.Row row) {
    Optional<Language> lang = Language.fromCode(row.get("lang"));
    if (lang.isEmpty()) {
      problems.add(file, row.line(), "unknown language '" + row.get("lang") + "'");
    }
    return lang;
  }

  private boolean unique(Path file, CsvTable.Row row, Set<String> seen, String key) {
    if (!seen.add(key)) {
      problems.add(
          file,
          row.line(),
          "duplicate row: " + key.replace("|", " ↔ ").replaceAll("^ ↔ | ↔ $", ""));
      return false;
    }
    return true;
  }

  private boolean nonEmpty(Path file, CsvTable.Row row, String... columns) {
    boolean ok = true;
    for (String column : columns) {
      if (row.get(column).isEmpty()) {
        problems.add(file, row.line(), "empty " + column);
        ok = false;
      }
    }
    return ok;
  }

  private static Optional<String> optional(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
