package dev.medguide.load;

import java.util.Map;
import java.util.Optional;

/**
 * The document header of one AsciiDoc file: its title and attribute entries, each with the line it
 * was read from.
 *
 * @param title the document title, if the file has one
 * @param titleLine the line of the title, or 0
 * @param attributes attribute name to entry
 * @param endLine the last line of the header
 */
record Header(Optional<String> title, int titleLine, Map<String, Entry> attributes, int endLine) {

  /** One attribute entry. */
  record Entry(String value, int line) {}

  Optional<String> value(String name) {
    return Optional.ofNullable(attributes.get(name)).map(Entry::value);
  }

  int line(String name) {
    Entry entry = attributes.get(name);
    return entry == null ? Math.max(titleLine, 1) : entry.line();
  }
}
