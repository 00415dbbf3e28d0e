package dev.medguide.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AsciiDoc document header (title line and attribute entries up to the first blank line)
 * without starting Asciidoctor, so the content model is known before rendering begins.
 */
final class HeaderReader {
  private static final Pattern TITLE = Pattern.compile("^=\\s+(\\S.*)$");
  private static final Pattern ATTRIBUTE = Pattern.compile("^:([\\w][\\w-]*!?):(?:\\s+(.*))?$");

  private HeaderReader() {}

  static Header read(List<String> lines) {
    int i = skipCommentsAndBlanks(lines, 0);
    Optional<String> title = Optional.empty();
    int titleLine = 0;
    if (i < lines.size()) {
      Matcher m = TITLE.matcher(lines.get(i));
      if (m.matches()) {
        title = Optional.of(m.group(1).strip());
        titleLine = i + 1;
        i++;
      }
    }
    Map<String, Header.Entry> attributes = new LinkedHashMap<>();
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        break;
      }
      if (line.startsWith("//")) {
        continue;
      }
      Matcher m = ATTRIBUTE.matcher(line);
      if (!m.matches()) {
        break;
      }
      String value = m.group(2) == null ? "" : m.group(2).strip();
      attributes.put(m.group(1), new Header.Entry(value, i + 1));
    }
    return new Header(title, titleLine, attributes, i);
  }

  private static int skipCommentsAndBlanks(List<String> lines, int from) {
    int i = from;
    while (i < lines.size() && (lines.get(i).isBlank() || lines.get(i).startsWith("//"))) {
      i++;
    }
    return i;
  }
}
