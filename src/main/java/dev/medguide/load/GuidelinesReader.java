package dev.medguide.load;

import dev.medguide.model.GuidelineInfo;
import dev.medguide.model.Language;
import dev.medguide.model.Problems;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code data/guidelines.csv}: publisher, title and edition of each guideline per language.
 */
final class GuidelinesReader {
  static final String FILE = "data/guidelines.csv";
  private static final String[] COLUMNS = {"id", "lang", "publisher", "title", "edition"};

  private GuidelinesReader() {}

  static List<GuidelineInfo> read(Path contentDir, Problems problems) {
    Path file = contentDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      problems.add(
          file,
          0,
          "missing data file: one row per guideline and language ("
              + String.join(",", COLUMNS)
              + ")");
      return List.of();
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<GuidelineInfo> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (String column : COLUMNS) {
        if (!parser.getHeaderMap().containsKey(column)) {
          problems.add(file, 1, "missing column '" + column + "'");
        }
      }
      if (!problems.files().contains(file)) {
        readRows(parser, file, problems).forEach(rows::add);
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      problems.add(file, 0, "cannot read CSV: " + e.getMessage());
    }
    return rows;
  }

  private static List<GuidelineInfo> readRows(CSVParser parser, Path file, Problems problems) {
    List<GuidelineInfo> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CSVRecord record : parser) {
      int line = (int) parser.getCurrentLineNumber();
      Optional<Language> lang = Language.fromCode(record.get("lang"));
      if (lang.isEmpty()) {
        problems.add(file, line, "unknown language '" + record.get("lang") + "'");
        continue;
      }
      String key = record.get("id") + "/" + record.get("lang");
      if (!seen.add(key)) {
        problems.add(
            file, line, "duplicate row for guideline " + record.get("id") + " in " + lang.get());
        continue;
      }
      rows.add(
          new GuidelineInfo(
              record.get("id"),
              lang.get(),
              record.get("publisher"),
              record.get("title"),
              record.get("edition")));
    }
    return rows;
  }
}
