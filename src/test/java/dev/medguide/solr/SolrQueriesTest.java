package dev.medguide.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class SolrQueriesTest {
  @Test
  void writesTheSearchersQueriesInSolrsJsonDsl() {
    BooleanQuery query =
        new BooleanQuery.Builder()
            .add(new BoostQuery(new TermQuery(new Term("body.ja", "真正性")), 2f), Occur.SHOULD)
            .add(
                new BoostQuery(
                    new ConstantScoreQuery(new TermQuery(new Term("item", "mhlw-6.5-c13"))), 1000f),
                Occur.SHOULD)
            .add(new TermQuery(new Term("lang", "ja")), Occur.FILTER)
            .add(new TermQuery(new Term("id", "glossary")), Occur.MUST_NOT)
            .build();
    Object dsl = SolrQueries.of(query);
    assertThat(dsl)
        .isEqualTo(
            Map.of(
                "bool",
                Map.of(
                    "should",
                    List.of(
                        Map.of(
                            "boost",
                            Map.of(
                                "b",
                                "2.0",
                                "query",
                                Map.of("term", Map.of("f", "body_ja", "query", "真正性")))),
                        Map.of(
                            "bool",
                            Map.of(
                                "must",
                                List.of(Map.of("func", Map.of("query", "1000.0"))),
                                "filter",
                                List.of(
                                    Map.of(
                                        "term", Map.of("f", "item", "query", "mhlw-6.5-c13")))))),
                    "filter",
                    List.of(Map.of("term", Map.of("f", "lang", "query", "ja"))),
                    "must_not",
                    List.of(Map.of("term", Map.of("f", "page_id", "query", "glossary"))))));
  }

  @Test
  void aQueryTypeTheSearcherDoesNotBuildIsAnError() {
    assertThatThrownBy(() -> SolrQueries.of(new PhraseQuery("body.ja", "a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Solr form");
  }
}
