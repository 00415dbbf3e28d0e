package dev.medguide.search;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;

/**
 * Where {@link SiteSearcher} runs its queries: the site's own Lucene index, or a SolrCloud
 * collection holding the same documents (medguide's Solr part). Either scores a query with BM25 and
 * multiplies each document's score by its prior weight ({@link
 * dev.medguide.index.SearchFields#WEIGHT}); documents come back with the stored fields of the
 * index, under the index's field names.
 */
public interface SearchIndex extends AutoCloseable {
  /**
   * One document found.
   *
   * @param doc its stored fields (those asked for)
   * @param score its score
   */
  record Found(Document doc, float score) {}

  /**
   * The best documents of a query that pass a test, best first.
   *
   * @param limit the most documents to return
   * @param candidates how many of the best are tested (at least limit)
   * @param testFields the fields the test reads
   * @param accept the test, or null to accept every document (then candidates is limit)
   * @param fields the fields to load of a returned document
   */
  List<Found> search(
      Query query,
      int limit,
      int candidates,
      Set<String> testFields,
      Predicate<Document> accept,
      Set<String> fields)
      throws IOException;

  @Override
  void close();
}
