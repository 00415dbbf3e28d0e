package dev.medguide.solr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Writes the queries {@link dev.medguide.search.SiteSearcher} builds in Solr's JSON query DSL, so
 * Solr runs the same query: term queries on the analysed terms (no analysis again), boolean clauses
 * with the same occurrence, boosts as multiplications. Only the query types the searcher builds are
 * supported; any other is a programming error.
 */
final class SolrQueries {
  private SolrQueries() {}

  /** The JSON DSL of a query (a map of maps and lists). */
  static Object of(Query query) {
    if (query instanceof TermQuery term) {
      return Map.of(
          "term",
          Map.of(
              "f", SolrExport.solrName(term.getTerm().field()),
              "query", term.getTerm().text()));
    }
    if (query instanceof BoostQuery boost) {
      if (boost.getQuery() instanceof ConstantScoreQuery constant) {
        // A constant score: a function query of the boost, over the documents of the query.
        return bool(
            Map.of(
                "must", List.of(Map.of("func", Map.of("query", number(boost.getBoost())))),
                "filter", List.of(of(constant.getQuery()))));
      }
      return Map.of("boost", Map.of("b", number(boost.getBoost()), "query", of(boost.getQuery())));
    }
    if (query instanceof BooleanQuery bool) {
      Map<String, List<Object>> clauses = new LinkedHashMap<>();
      for (BooleanClause clause : bool.clauses()) {
        clauses
            .computeIfAbsent(occur(clause.getOccur()), k -> new ArrayList<>())
            .add(of(clause.getQuery()));
      }
      if (bool.getMinimumNumberShouldMatch() != 0) {
        throw new IllegalArgumentException("minimum should match is not supported: " + query);
      }
      return bool(clauses);
    }
    throw new IllegalArgumentException("no Solr form for " + query.getClass() + ": " + query);
  }

  private static Map<String, Object> bool(Map<String, ? extends Object> clauses) {
    return Map.of("bool", clauses);
  }

  private static String occur(BooleanClause.Occur occur) {
    return switch (occur) {
      case MUST -> "must";
      case SHOULD -> "should";
      case FILTER -> "filter";
      case MUST_NOT -> "must_not";
    };
  }

  private static String number(float value) {
    return Float.toString(value);
  }
}
