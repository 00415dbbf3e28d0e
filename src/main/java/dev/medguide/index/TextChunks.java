package dev.medguide.index;

import java.util.ArrayList;
import java.util.List;

/** Cuts a page's text into the pieces of the static index's {@code text-D-N.js} files. */
final class TextChunks {
  private TextChunks() {}

  /**
   * A page's text in pieces of at most {@link StaticIndexExporter#TEXT_CHUNK} characters, the first
   * of at most {@link StaticIndexExporter#FIRST_TEXT_CHUNK} (a snippet often comes from the page's
   * start, and then loads only that), cut at line ends if any.
   */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    int from = 0;
    for (int limit = StaticIndexExporter.FIRST_TEXT_CHUNK;
        text.length() - from > limit;
        limit = StaticIndexExporter.TEXT_CHUNK) {
      int end = text.lastIndexOf('\n', from + limit - 1);
      if (end <= from + limit / 2) {
        end = from + limit;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
          end--;
        }
      } else {
        end++; // the line end stays with its line
      }
      chunks.add(text.substring(from, end));
      from = end;
    }
    chunks.add(text.substring(from));
    return chunks;
  }
}
