package dev.medguide.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The section outline of an AsciiDoc source: how many section headings it has and their explicit
 * ids, ignoring anything inside delimited blocks.
 *
 * @param headings the number of section headings (levels 1 to 5)
 * @param ids the explicit ids ({@code [#id]} or {@code [[id]]}) on the lines before headings
 */
record Outline(int headings, List<String> ids) {
  private static final Pattern HEADING = Pattern.compile("^={2,6}\\s+\\S.*");
  private static final Pattern DELIMITER =
      Pattern.compile("^(-{4,}|\\.{4,}|={4,}|\\*{4,}|\\+{4,}|_{4,}|/{4,}|\\|===+)\\s*$");
  private static final Pattern ID =
      Pattern.compile("^\\[(?:#([\\w-]+)[^\\]]*|\\[([\\w-]+)\\])\\]\\s*$");

  static Outline of(List<String> lines) {
    int headings = 0;
    List<String> ids = new ArrayList<>();
    String openDelimiter = null;
    String pendingId = null;
    for (String line : lines) {
      if (openDelimiter != null) {
        if (line.strip().equals(openDelimiter)) {
          openDelimiter = null;
        }
        continue;
      }
      if (DELIMITER.matcher(line).matches()) {
        openDelimiter = line.strip();
        continue;
      }
      Matcher id = ID.matcher(line);
      if (id.matches()) {
        pendingId = id.group(1) != null ? id.group(1) : id.group(2);
        continue;
      }
      if (HEADING.matcher(line).matches()) {
        headings++;
        if (pendingId != null) {
          ids.add(pendingId);
        }
      }
      pendingId = null;
    }
    return new Outline(headings, ids);
  }
}
