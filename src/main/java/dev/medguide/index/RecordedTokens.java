package dev.medguide.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A field's tokens as an analyzer made them, played back to the {@code IndexWriter}: the term,
 * position increment and offsets of each token, and the end state. It lets the costly analysis
 * (Kuromoji, bigrams) run on other threads while one thread adds the documents in order.
 */
final class RecordedTokens extends TokenStream {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

  private final String[] terms;

  /** Per token: position increment, start offset, end offset. */
  private final int[] numbers;

  private final int endIncrement;
  private final int endStart;
  private final int endOffset;
  private int next;

  private RecordedTokens(
      String[] terms, int[] numbers, int endIncrement, int endStart, int endOffset) {
    this.terms = terms;
    this.numbers = numbers;
    this.endIncrement = endIncrement;
    this.endStart = endStart;
    this.endOffset = endOffset;
  }

  /** Runs the analyzer over a field's text and keeps what the index needs of its tokens. */
  static RecordedTokens record(Analyzer analyzer, String field, String text) throws IOException {
    try (TokenStream in = analyzer.tokenStream(field, text)) {
      CharTermAttribute inTerm = in.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inIncrement = in.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute inOffset = in.addAttribute(OffsetAttribute.class);
      List<String> terms = new ArrayList<>();
      int[] numbers = new int[48];
      in.reset();
      while (in.incrementToken()) {
        int at = 3 * terms.size();
        if (at + 3 > numbers.length) {
          numbers = Arrays.copyOf(numbers, numbers.length * 2);
        }
        terms.add(inTerm.toString());
        numbers[at] = inIncrement.getPositionIncrement();
        numbers[at + 1] = inOffset.startOffset();
        numbers[at + 2] = inOffset.endOffset();
      }
      in.end();
      return new RecordedTokens(
          terms.toArray(String[]::new),
          numbers,
          inIncrement.getPositionIncrement(),
          inOffset.startOffset(),
          inOffset.endOffset());
    }
  }

  /**
   * Adds the spellings of the recorded words to {@code out}: each word's normalised surface in
   * {@code text} (the text recorded) with the terms it was indexed as, in the order first met. The
   * same as {@link StaticIndexExporter#addSpellings} with the query analyzer, without running the
   * analysis again.
   */
  void addSpellings(String text, Map<String, List<String>> out) {
    for (int i = 0; i < terms.length; i++) {
      String surface =
          SearchAnalysis.normalize(text.substring(numbers[3 * i + 1], numbers[3 * i + 2])).strip();
      if (!surface.isEmpty()) {
        List<String> known = out.computeIfAbsent(surface, k -> new ArrayList<>());
        if (!known.contains(terms[i])) {
          known.add(terms[i]);
        }
      }
    }
  }

  @Override
  public boolean incrementToken() {
    if (next == terms.length) {
      return false;
    }
    clearAttributes();
    term.setEmpty().append(terms[next]);
    increment.setPositionIncrement(numbers[3 * next]);
    offset.setOffset(numbers[3 * next + 1], numbers[3 * next + 2]);
    next++;
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    increment.setPositionIncrement(endIncrement);
    offset.setOffset(endStart, endOffset);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = 0;
  }
}
