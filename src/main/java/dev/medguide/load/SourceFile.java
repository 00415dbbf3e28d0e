package dev.medguide.load;

import dev.medguide.model.Page;
import java.nio.file.Path;
import java.util.List;

/**
 * A page's AsciiDoc source as read by the loader: the page record, the file and its lines.
 *
 * @param page the page the file defines
 * @param path the file as named in messages
 * @param lines the decoded lines, without line terminators
 * @param idLine the line of the {@code :jbake-id:} entry
 */
public record SourceFile(Page page, Path path, List<String> lines, int idLine) {

  /** The whole text, lines joined with LF. */
  public String text() {
    return String.join("\n", lines) + "\n";
  }

  /**
   * The first line (1-based) that contains {@code needle}, preferring lines with a link macro
   * ({@code xref:}, {@code <<}, {@code link:}); 0 when no line contains it.
   */
  public int lineContaining(String needle) {
    int fallback = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains(needle)) {
        if (line.contains("xref:") || line.contains("<<") || line.contains("link:")) {
          return i + 1;
        }
        if (fallback == 0) {
          fallback = i + 1;
        }
      }
    }
    return fallback;
  }
}
