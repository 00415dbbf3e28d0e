package dev.medguide.search;

import dev.medguide.index.SearchAnalysis;
import dev.medguide.model.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.jsoup.nodes.Entities;

/**
 * Makes a short, HTML-escaped excerpt of a page around the first words that match the query, with
 * each match in {@code <mark>}. Matches are found by analysing the page text the way it was
 * indexed, so サーバー in the query marks サーバ in the text.
 */
final class SnippetMaker {
  static final int WIDTH = 120;

  private final SearchAnalysis analysis;

  SnippetMaker(SearchAnalysis analysis) {
    this.analysis = analysis;
  }

  String snippet(String body, String query, Language lang) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    List<int[]> spans;
    try (Analyzer analyzer = analysis.words(lang, false)) {
      Set<String> terms = new HashSet<>(SearchAnalysis.terms(analyzer, query));
      spans = matches(analyzer, body, terms);
    }
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

  private static List<int[]> matches(Analyzer analyzer, String body, Set<String> terms) {
    List<int[]> spans = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", body)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int lastEnd = -1;
      while (stream.incrementToken()) {
        if (terms.contains(term.toString()) && offset.startOffset() >= lastEnd) {
          spans.add(new int[] {offset.startOffset(), offset.endOffset()});
          lastEnd = offset.endOffset();
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return spans;
  }
}
