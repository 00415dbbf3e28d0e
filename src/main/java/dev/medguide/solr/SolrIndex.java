package dev.medguide.solr;

import dev.medguide.index.SearchFields;
import dev.medguide.search.SearchIndex;
import dev.medguide.search.SolrTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;

/**
 * A site's documents in a Solr collection as a {@link SearchIndex}: the searcher's Lucene query in
 * Solr's JSON DSL, filtered to the site, multiplied by each document's weight; candidates that must
 * pass a test are fetched with the tested fields first and only the accepted ones in full.
 */
final class SolrIndex implements SearchIndex {
  /** Solr's unique key in a found document ({@code id} there is the page's id, as in Lucene). */
  private static final String SOLR_ID = "solr_id";

  private final SolrNodes nodes;
  private final String collection;
  private final Map<String, Object> siteQuery;

  SolrIndex(SolrTarget target, String site) {
    this.nodes = new SolrNodes(target);
    this.collection = target.collection();
    this.siteQuery = Map.of("term", Map.of("f", SolrExport.SITE, "query", site));
  }

  @Override
  public List<Found> search(
      Query query,
      int limit,
      int candidates,
      Set<String> testFields,
      Predicate<Document> accept,
      Set<String> fields) {
    Object dsl =
        Map.of(
            "boost",
            Map.of("b", "field(" + SearchFields.WEIGHT + ")", "query", SolrQueries.of(query)));
    if (accept == null) {
      return run(dsl, limit, fields);
    }
    List<Found> tested = run(dsl, candidates, testFields);
    List<String> ids = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    for (Found found : tested) {
      if (ids.size() == limit) {
        break;
      }
      if (accept.test(found.doc())) {
        ids.add(found.doc().get(SOLR_ID));
        scores.add(found.score());
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Document> full = new java.util.HashMap<>();
    // Separated by line breaks, which no id holds (a page id may hold a comma).
    Object byId =
        Map.of("terms", Map.of("f", "id", "separator", "\n", "query", String.join("\n", ids)));
    for (Found found : run(byId, ids.size(), fields)) {
      full.put(found.doc().get(SOLR_ID), found.doc());
    }
    List<Found> result = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Document doc = full.get(ids.get(i));
      if (doc != null) {
        result.add(new Found(doc, scores.get(i)));
      }
    }
    return result;
  }

  /** The best rows of a query in the site, with some stored fields (index names) and Solr's id. */
  private List<Found> run(Object dsl, int rows, Set<String> fields) {
    Set<String> solrFields = new LinkedHashSet<>(List.of("id", "score"));
    fields.forEach(f -> solrFields.add(SolrExport.solrName(f)));
    JsonQueryRequest request =
        new JsonQueryRequest()
            .setQuery(cast(dsl))
            .withFilter(siteQuery)
            .setLimit(rows)
            .returnFields(solrFields);
    QueryResponse response =
        nodes.call("search " + collection, c -> request.process(c, collection));
    List<Found> found = new ArrayList<>();
    for (SolrDocument solrDoc : response.getResults()) {
      Document doc = new Document();
      for (Map.Entry<String, Object> field : solrDoc) {
        if (!field.getKey().equals("score") && field.getValue() != null) {
          String name =
              field.getKey().equals("id") ? SOLR_ID : SolrExport.luceneName(field.getKey());
          doc.add(new StoredField(name, String.valueOf(field.getValue())));
        }
      }
      found.add(new Found(doc, ((Number) solrDoc.getFieldValue("score")).floatValue()));
    }
    return found;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object dsl) {
    return (Map<String, Object>) dsl;
  }

  @Override
  public void close() {
    nodes.close();
  }
}
