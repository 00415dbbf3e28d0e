package dev.medguide.index;

import dev.medguide.model.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * The postings and field statistics of one language for the static index, over live documents only
 * and numbered as {@link ExportedDocuments} numbers them.
 *
 * @param average per field, the average length (BM25's avgdl)
 * @param docCounts per field, how many documents have it
 * @param encoded term → field → the {@link PostingCodec} string of its postings, in term order
 */
record ExportedPostings(
    Map<String, Object> average,
    Map<String, Object> docCounts,
    Map<String, Map<String, String>> encoded) {

  static ExportedPostings collect(
      DirectoryReader reader, Language lang, Map<String, Float> boosts, ExportedDocuments docs)
      throws IOException {
    Map<String, Object> average = new LinkedHashMap<>();
    Map<String, Object> docCounts = new LinkedHashMap<>();
    // term → field → [doc, frequency, norm, …], in term order
    Map<String, Map<String, List<Integer>>> postings = new TreeMap<>();
    Map<Integer, Integer> numbers = exportNumbers(docs.docIds());
    for (String name : boosts.keySet()) {
      String field = SearchFields.field(name, lang);
      Map<Integer, Integer> norms = norms(reader, field);
      // Counted over live documents: Lucene's own field statistics still count the documents
      // a one-page rebuild replaced, and the export must equal a full build's.
      long sumTtf = 0;
      Set<Integer> withField = new HashSet<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(field);
        if (terms != null) {
          sumTtf += collectPostings(leaf, terms, name, numbers, norms, postings, withField);
        }
      }
      int docCount = withField.size();
      average.put(name, docCount == 0 ? 0 : (double) sumTtf / docCount);
      docCounts.put(name, docCount);
    }
    Map<String, Map<String, String>> encoded = new TreeMap<>();
    postings.forEach(
        (term, byField) -> {
          Map<String, String> lists = new TreeMap<>();
          byField.forEach(
              (field, list) ->
                  lists.put(
                      field,
                      encode(
                          list,
                          ((Number) average.get(field)).doubleValue(),
                          docs.priors(),
                          StaticIndexExporter.KEEP_POSTINGS)));
          encoded.put(term, lists);
        });
    return new ExportedPostings(average, docCounts, encoded);
  }

  /**
   * A term's postings in a field as the static search reads them ({@link PostingCodec}): the number
   * of documents with the term, then per document kept the difference to the previous document's
   * number, the term's frequency and the field's norm (Lucene's one-byte length). A list longer
   * than {@code keep} ({@link #StaticIndexExporter.KEEP_POSTINGS}) keeps the documents where the
   * term weighs most in BM25 (frequency against field length, times the document's prior): the
   * term's other documents would be far down any ranking, and its document frequency still counts
   * them all.
   *
   * @param triples document, frequency and norm of each posting, in any document order
   */
  static String encode(List<Integer> triples, double averageLength, float[] priors, int keep) {
    List<int[]> postings = new ArrayList<>();
    for (int i = 0; i < triples.size(); i += 3) {
      postings.add(new int[] {triples.get(i), triples.get(i + 1), triples.get(i + 2)});
    }
    int df = postings.size();
    if (df > keep) {
      postings.sort(
          Comparator.comparingDouble((int[] p) -> -impact(p[1], p[2], averageLength) * priors[p[0]])
              .thenComparingInt(p -> p[0]));
      postings = postings.subList(0, keep);
    }
    postings.sort(Comparator.comparingInt(p -> p[0]));
    StringBuilder out = new StringBuilder(postings.size() * 5 + 2);
    PostingCodec.append(out, df);
    int previous = 0;
    for (int[] p : postings) {
      PostingCodec.append(out, p[0] - previous);
      PostingCodec.append(out, p[1]);
      PostingCodec.append(out, p[2]);
      previous = p[0];
    }
    return out.toString();
  }

  /** The part of a BM25 score that varies between a term's documents, as Lucene computes it. */
  static double impact(int frequency, int norm, double averageLength) {
    double length = SmallFloat.byte4ToInt((byte) norm);
    double k = SearchFields.K1 * (1 - SearchFields.B + SearchFields.B * length / averageLength);
    return frequency / (frequency + k);
  }

  /** Each document's norm of a field (its length as BM25 sees it, in one byte), by document. */
  private static Map<Integer, Integer> norms(DirectoryReader reader, String field)
      throws IOException {
    Map<Integer, Integer> byDoc = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues norms = leaf.reader().getNormValues(field);
      if (norms == null) {
        continue;
      }
      for (int d = norms.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = norms.nextDoc()) {
        byDoc.put(leaf.docBase + d, (int) norms.longValue() & 0xff);
      }
    }
    return byDoc;
  }

  private static Map<Integer, Integer> exportNumbers(List<Integer> docIds) {
    Map<Integer, Integer> numbers = new HashMap<>();
    for (int i = 0; i < docIds.size(); i++) {
      numbers.put(docIds.get(i), i);
    }
    return numbers;
  }

  /**
   * Adds a leaf's postings of a field; adds the documents that have the field to {@code withField}.
   *
   * @return the sum of the term frequencies added
   */
  private static long collectPostings(
      LeafReaderContext leaf,
      Terms terms,
      String fieldName,
      Map<Integer, Integer> docIds,
      Map<Integer, Integer> norms,
      Map<String, Map<String, List<Integer>>> postings,
      Set<Integer> withField)
      throws IOException {
    long sum = 0;
    LeafReader reader = leaf.reader();
    TermsEnum termsEnum = terms.iterator();
    PostingsEnum docs = null;
    for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
      String text = term.utf8ToString();
      docs = termsEnum.postings(docs, PostingsEnum.FREQS);
      List<Integer> list = new ArrayList<>();
      for (int d = docs.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (reader.getLiveDocs() == null || reader.getLiveDocs().get(d)) {
          Integer exported = docIds.get(leaf.docBase + d);
          if (exported != null) {
            list.add(exported);
            list.add(docs.freq());
            sum += docs.freq();
            withField.add(exported);
            list.add(norms.getOrDefault(leaf.docBase + d, 0));
          }
        }
      }
      if (!list.isEmpty()) {
        postings
            .computeIfAbsent(text, k -> new TreeMap<>())
            // A term in several segments (after a one-page rebuild).
            .merge(
                fieldName,
                list,
                (before, after) -> {
                  List<Integer> all = new ArrayList<>(before);
                  all.addAll(after);
                  return all;
                });
      }
    }
    return sum;
  }
}
