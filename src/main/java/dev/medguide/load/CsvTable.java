package dev.medguide.load;

import dev.medguide.model.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A data file of {@code content/data/}: RFC 4180 CSV in UTF-8 (a byte order mark, as Excel writes
 * it, is fine) with a header row; lines starting with {@code #} are comments. Rows keep their line
 * number so every problem can name it.
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
    Optional<String> text = text(file, problems);
    if (text.isEmpty()) {
      return List.of();
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(text.get()), FORMAT)) {
      List<String> missing =
          columns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(
            file, headerLine(text.get()), "missing column(s): " + String.join(", ", missing));
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
      quoting(file, text.get(), e, problems);
      return List.of();
    }
  }

  /** The largest data file read: a CSV of the site's data is far smaller. */
  static final long MAX_BYTES = 32L * 1024 * 1024;

  /**
   * The file's text: UTF-8, with or without the byte order mark Excel writes ("CSV UTF-8"). Any
   * other encoding is a problem at the line of the first byte that is not UTF-8, with how to fix
   * it; a symbolic link that leads out of the data folder is a problem naming the link.
   */
  private static Optional<String> text(Path file, Problems problems) {
    try {
      if (!SafePaths.inside(file, file.getParent())) {
        problems.add(file, 0, "symbolic link to a file outside content/data/: not read");
        return Optional.empty();
      }
      if (Files.size(file) > MAX_BYTES) {
        problems.add(file, 0, "data file larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length >= 2
          && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
              || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
        problems.add(file, 1, "the file is UTF-16: save it as UTF-8 (in Excel: \"CSV UTF-8\")");
        return Optional.empty();
      }
      Utf8Reader.Result decoded = Utf8Reader.decode(bytes);
      if (!decoded.ok()) {
        problems.add(
            file,
            decoded.badLine(),
            "not UTF-8 (Shift_JIS?) from this line on: save the file as UTF-8 (in Excel: \"CSV"
                + " UTF-8\")");
        return Optional.empty();
      }
      return Optional.of(String.join("\n", decoded.lines()) + "\n");
    } catch (IOException e) {
      problems.add(file, 0, "cannot read: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
  private static final Pattern POSITION = Pattern.compile("at line: (\\d+), position: (\\d+)");

  /** A quoting error of the parser, at its line and column where the parser says. */
  private static void quoting(Path file, String text, Exception e, Problems problems) {
    String message = String.valueOf(e.getMessage());
    Matcher start = START_LINE.matcher(message);
    Matcher at = POSITION.matcher(message);
    if (start.find()) {
      problems.add(
          file,
          Integer.parseInt(start.group(1)),
          "a quoted field starts on this line and is never closed (a \" is missing)");
    } else if (at.find()) {
      int line = Integer.parseInt(at.group(1));
      int position = Integer.parseInt(at.group(2));
      int lineStart = 0;
      for (int i = 1; i < line && lineStart >= 0; i++) {
        lineStart = text.indexOf('\n', lineStart) + 1;
      }
      problems.add(
          file,
          line,
          "column "
              + Math.max(1, position - lineStart)
              + ": text after a quoted field (write \"\" for a quote inside a quoted field)");
    } else {
      problems.add(file, 0, "cannot read CSV: " + message);
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

  private static int headerLine(String text) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("#") && !lines.get(i).isBlank()) {
        return i + 1;
      }
    }
    return 0;
  }
}
