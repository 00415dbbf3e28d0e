package dev.medguide.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.medguide.BuildException;
import dev.medguide.index.SearchAnalysis;
import dev.medguide.index.SearchFields;
import dev.medguide.index.SearchIndexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolrExportTest {
  @Test
  void namesMapBetweenTheIndexAndSolr() {
    assertThat(SolrExport.solrName("body.ja")).isEqualTo("body_ja");
    assertThat(SolrExport.solrName("id")).isEqualTo("page_id");
    assertThat(SolrExport.luceneName("item_bigram_ja")).isEqualTo("item_bigram.ja");
    assertThat(SolrExport.luceneName("page_id")).isEqualTo("id");
    assertThat(SolrExport.luceneName("title_stored")).isEqualTo("title_stored");
  }

  @Test
  void synonymRulesAreEscapedForSolrsParser() {
    String rules =
        SolrExport.synonyms(
            List.of(
                new SearchAnalysis.Rule(List.of("取り", "扱い"), List.of("取扱い")),
                new SearchAnalysis.Rule(List.of("a,b", "c=>d", "e\\f"), List.of("g"))));
    assertThat(rules.lines().skip(1)).containsExactly("取り 扱い => 取扱い", "a\\,b c\\=>d e\\\\f => g");
  }

  @Test
  void anIndexWithoutTheExportsStoredFieldsIsAClearError(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    Files.createDirectories(site);
    try (IndexWriter writer =
        new IndexWriter(
            FSDirectory.open(SearchIndexer.indexDirOf(site)), new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField(SearchFields.ID, "mhlw-6.5", Field.Store.YES));
      doc.add(new StringField(SearchFields.LANG, "ja", Field.Store.YES));
      writer.addDocument(doc);
    }
    assertThatThrownBy(() -> SolrExport.writeDocuments(site, "s", dir.resolve("d.json")))
        .isInstanceOf(BuildException.class)
        .hasMessageContaining("was written by an earlier medguide")
        .hasMessageContaining("build the site again");
  }
}
