package dev.medguide.search;

import dev.medguide.index.SearchAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Makes a short, HTML-escaped excerpt of a page around the first place where one of the query's
 * words occurs, with each occurrence in the excerpt in {@code <mark>}. Words are compared after the
 * same NFKC case folding as the index, as the static search's snippets do.
 */
final class SnippetMaker {
  static final int WIDTH = 120;

  /** How much of a page is folded at a time while looking for the first word. */
  static final int PIECE = 2_000;

  /**
   * @param words the query's spellings and index terms (normalised) to look for
   */
  String snippet(String body, Set<String> words) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    List<String> wanted = words.stream().filter(w -> !w.isEmpty()).toList();
    int longest = wanted.stream().mapToInt(String::length).max().orElse(0);
    // Only the page up to the first word is folded (in pieces that overlap by a word's length),
    // not the whole page: a long page costs no more than a short one whose word comes as early.
    int first = -1;
    for (int from = 0; first < 0 && from < body.length() && longest > 0; from += PIECE) {
      String piece = fold(body, from, Math.min(body.length(), from + PIECE + longest - 1));
      for (String word : wanted) {
        int at = piece.indexOf(word);
        if (at >= 0 && (first < 0 || from + at < first)) {
          first = from + at;
        }
      }
    }
    int start = first < 0 ? 0 : Math.max(0, first - WIDTH / 3);
    int end = Math.min(body.length(), start + WIDTH);
    String window = fold(body, start, end);
    List<int[]> spans = new ArrayList<>();
    for (String word : wanted) {
      for (int at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + word.length())) {
        spans.add(new int[] {start + at, start + at + word.length()});
      }
    }
    spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> -s[1]));
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

  /**
   * Part of the body folded as the index folds it, the same length as the part so that offsets
   * carry over: NFKC case folding where that keeps the length (nearly all text), else lower case.
   */
  private static String fold(String body, int from, int to) {
    String part = body.substring(from, to);
    String folded = SearchAnalysis.normalize(part);
    return folded.length() == part.length() ? folded : part.toLowerCase(Locale.ROOT);
  }
}
