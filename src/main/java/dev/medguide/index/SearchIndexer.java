package dev.medguide.index;

import dev.medguide.BuildException;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.SectionNumbers;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Stage 4: indexes every page's published text with Lucene (one document per page and language)
 * into {@code .search/lucene/} of the staged site, then exports the static search index.
 */
public final class SearchIndexer {
  /**
   * Where the Lucene index of a site folder lives: beside it ({@code .site.search/} for {@code
   * site/}), so the site folder holds only what is published and stays byte-for-byte reproducible.
   */
  public static Path indexDirOf(Path siteDir) {
    Path absolute = siteDir.toAbsolutePath().normalize();
    return absolute.resolveSibling("." + absolute.getFileName() + ".search");
  }

  private final SiteModel model;
  private final SearchAnalysis analysis;

  private Map<String, List<GlossaryTerm>> termsByPage;

  public SearchIndexer(SiteModel model) {
    this.model = model;
    this.analysis = new SearchAnalysis(model.data().glossary());
  }

  /** What was indexed. */
  public record Stats(int documents, long staticBytes) {}

  /**
   * Indexes the pages and writes the static index.
   *
   * @param texts the searchable text of each page, keyed by page
   */
  public Stats index(Map<Page, PageText> texts, Path siteDir) {
    Path indexDir = indexDirOf(siteDir);
    try (Directory directory = FSDirectory.open(indexDir);
        Analyzer analyzer = analyzer()) {
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (Page page : model.pages()) {
          PageText text = texts.get(page);
          if (text != null) {
            writer.addDocument(document(page, text, keywords(page)));
          }
        }
        writer.commit();
      }
      long bytes = new StaticIndexExporter(analysis, model).export(directory, texts, siteDir);
      return new Stats(texts.size(), bytes);
    } catch (IOException e) {
      throw new BuildException("cannot write the search index: " + e.getMessage(), e);
    }
  }

  /**
   * Replaces some pages' documents in the Lucene index of a published site (a one-page rebuild).
   * The static index is not touched: see {@link #exportStatic}.
   */
  public void update(Map<Page, PageText> changed, Path siteDir) {
    try (Directory directory = FSDirectory.open(indexDirOf(siteDir));
        Analyzer analyzer = analyzer()) {
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.APPEND);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (Map.Entry<Page, PageText> entry : changed.entrySet()) {
          Page page = entry.getKey();
          writer.deleteDocuments(
              new BooleanQuery.Builder()
                  .add(new TermQuery(new Term(SearchFields.ID, page.id())), Occur.FILTER)
                  .add(new TermQuery(new Term(SearchFields.LANG, page.lang().code())), Occur.FILTER)
                  .build());
          writer.addDocument(document(page, entry.getValue(), keywords(page)));
        }
        writer.commit();
      }
    } catch (IOException e) {
      throw new BuildException("cannot update the search index: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the static index of a published site again from its Lucene index and the texts, into
   * {@code outDir} (the site, or a folder whose files are moved into it).
   */
  public long exportStatic(Map<Page, PageText> texts, Path siteDir, Path outDir) {
    try (Directory directory = FSDirectory.open(indexDirOf(siteDir))) {
      return new StaticIndexExporter(analysis, model).export(directory, texts, outDir);
    } catch (IOException e) {
      throw new BuildException("cannot write the static search index: " + e.getMessage(), e);
    }
  }

  /** The analyzer of every field, per language, for indexing. */
  Analyzer analyzer() {
    Map<String, Analyzer> fields = new HashMap<>();
    for (Language lang : Language.values()) {
      Analyzer words = analysis.words(lang, true);
      for (String name :
          List.of(
              SearchFields.TITLE,
              SearchFields.KEYWORDS,
              SearchFields.HEADINGS,
              SearchFields.BODY)) {
        fields.put(SearchFields.field(name, lang), words);
      }
    }
    fields.put(SearchFields.field(SearchFields.BIGRAM, Language.JA), analysis.bigrams());
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
  }

  /**
   * The glossary terms in the page's language whose entry lists the page, and every section number
   * a range page stands for (3.3.1-3.3.4 → 3.3.1 3.3.2 3.3.3 3.3.4).
   */
  private String keywords(Page page) {
    List<String> words = new java.util.ArrayList<>(SectionNumbers.expand(page.number().orElse("")));
    for (GlossaryTerm term : termsByPage().getOrDefault(page.id(), List.of())) {
      words.add(page.lang() == Language.JA ? term.ja() : term.en());
    }
    return String.join("\n", words);
  }

  /** The glossary terms each page is listed by, in glossary order (made once: large glossaries). */
  private Map<String, List<GlossaryTerm>> termsByPage() {
    if (termsByPage == null) {
      termsByPage = new HashMap<>();
      for (GlossaryTerm term : model.data().glossary()) {
        for (String id : new java.util.LinkedHashSet<>(term.pages())) {
          termsByPage.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(term);
        }
      }
    }
    return termsByPage;
  }

  private static Document document(Page page, PageText text, String keywords) {
    Language lang = page.lang();
    Document doc = new Document();
    doc.add(new StringField(SearchFields.ID, page.id(), Field.Store.YES));
    doc.add(new StringField(SearchFields.LANG, lang.code(), Field.Store.YES));
    doc.add(new StoredField(SearchFields.URL, page.url()));
    doc.add(new FloatDocValuesField(SearchFields.WEIGHT, SearchFields.weight(page)));
    doc.add(new StoredField(SearchFields.TITLE_STORED, text.title()));
    doc.add(
        new StringField(SearchFields.GUIDELINE, page.guideline().orElse("site"), Field.Store.YES));
    doc.add(
        new StringField(
            SearchFields.KIND,
            page.kind().name().toLowerCase(java.util.Locale.ROOT),
            Field.Store.YES));
    doc.add(
        new TextField(SearchFields.field(SearchFields.TITLE, lang), text.title(), Field.Store.YES));
    doc.add(
        new TextField(SearchFields.field(SearchFields.KEYWORDS, lang), keywords, Field.Store.YES));
    doc.add(
        new TextField(
            SearchFields.field(SearchFields.HEADINGS, lang), text.headings(), Field.Store.YES));
    doc.add(
        new TextField(SearchFields.field(SearchFields.BODY, lang), text.body(), Field.Store.YES));
    if (lang == Language.JA) {
      String all = text.title() + "\n" + text.headings() + "\n" + text.body();
      doc.add(new TextField(SearchFields.field(SearchFields.BIGRAM, lang), all, Field.Store.NO));
    }
    return doc;
  }
}
