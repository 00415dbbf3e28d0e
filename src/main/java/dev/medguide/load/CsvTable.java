package dev.medguide.load;

import dev.medguide.model.Problems;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A data file of {@code content/data/}: RFC 4180 CSV in UTF-8 with a header row; lines starting
 * with {@code #} are comments. Rows keep their line number so every problem can name it.
 */
final class CsvTable {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setCommentMarker('#')
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get();

  /** One row: its values by column name and the line it starts on. */
  record Row(Map<String, String> values, int line) {
    String get(String column) {
      return values.getOrDefault(column, "");
    }
  }

  private CsvTable() {}

  /**
   * Reads {@code file}; on any problem records it and returns the rows that could be read.
   *
   * @param columns the columns the file must have
   */
  static List<Row> read(Path file, List<String> columns, Problems problems) {
    if (!Files.isRegularFile(file)) {
      problems.add(file, 0, "missing data file (columns: " + String.join(",", columns) + ")");
      return List.of();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, FORMAT)) {
      List<String> missing =
          columns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(file, headerLine(file), "missing column(s): " + String.join(", ", missing));
        return List.of();
      }
      List<Row> rows = new ArrayList<>();
      int expected = parser.getHeaderNames().size();
      for (CSVRecord record : parser) {
        // The parser stands just after the record it returned; for the one-line rows of our
        // data files that is the record's own line (comment lines are counted too).
        int line = (int) parser.getCurrentLineNumber();
        if (record.size() != expected) {
          problems.add(file, line, "expected " + expected + " fields, found " + record.size());
          continue;
        }
        rows.add(new Row(record.toMap(), line));
      }
      return rows;
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException e) {
      problems.add(file, 0, "cannot read CSV: " + e.getMessage());
      return List.of();
    }
  }

  /** Values of a multi-valued field: split on {@code |} (or whitespace for id lists). */
  static List<String> split(String value, String separatorRegex) {
    return value.isBlank()
        ? List.of()
        : Arrays.stream(value.split(separatorRegex))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
  }

  private static int headerLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).startsWith("#") && !lines.get(i).isBlank()) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }
}
