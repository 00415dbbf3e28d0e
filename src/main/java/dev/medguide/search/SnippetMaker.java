package dev.medguide.search;

import dev.medguide.index.SearchAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Makes a short, HTML-escaped excerpt of a page around the first place where one of the query's
 * words occurs, with each occurrence in {@code <mark>}. Words are compared after the same NFKC case
 * folding as the index, as the static search's snippets do.
 */
final class SnippetMaker {
  static final int WIDTH = 120;

  /**
   * @param words the query's spellings and index terms (normalised) to look for
   */
  String snippet(String body, Set<String> words) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    String folded = SearchAnalysis.normalize(body);
    // Offsets carry over only when folding kept the length (true for nearly all text).
    String haystack =
        folded.length() == body.length() ? folded : body.toLowerCase(java.util.Locale.ROOT);
    List<int[]> spans = new ArrayList<>();
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      for (int at = haystack.indexOf(word);
          at >= 0;
          at = haystack.indexOf(word, at + word.length())) {
        spans.add(new int[] {at, at + word.length()});
      }
    }
    spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> -s[1]));
    int start = spans.isEmpty() ? 0 : Math.max(0, spans.get(0)[0] - WIDTH / 3);
    int end = Math.min(body.length(), start + WIDTH);
    StringBuilder html = new StringBuilder(start > 0 ? "…" : "");
    int at = start;
    for (int[] span : spans) {
      if (span[0] < at || span[1] > end) {
        continue;
      }
      html.append(Entities.escape(body.substring(at, span[0])))
          .append("<mark>")
          .append(Entities.escape(body.substring(span[0], span[1])))
          .append("</mark>");
      at = span[1];
    }
    html.append(Entities.escape(body.substring(at, end))).append(end < body.length() ? "…" : "");
    return html.toString().replace('\n', ' ');
  }
}
