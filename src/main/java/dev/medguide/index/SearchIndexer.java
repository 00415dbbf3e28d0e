package dev.medguide.index;

import dev.medguide.BuildException;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.SectionNumbers;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Stage 4: indexes every page's published text with Lucene (one document per page and language, and
 * one per requirement) into {@code .search/lucene/} of the staged site, then exports the static
 * search index.
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

  /** Folds the text of the bigram fields (see {@link GlossaryExpansion#fold}). */
  private final GlossaryExpansion expansion;

  private Map<String, List<GlossaryTerm>> termsByPage;

  public SearchIndexer(SiteModel model) {
    this.model = model;
    this.analysis = new SearchAnalysis(model.data().glossary());
    this.expansion = new GlossaryExpansion(analysis, model.data().glossary());
  }

  /** What was indexed. */
  public record Stats(int documents, long staticBytes) {}

  /**
   * Indexes the pages: a whole site's into a new Lucene index beside {@code siteDir}, with the
   * static index written into it; or (a partial build) replaces some pages' documents in the Lucene
   * index of the published site {@code siteDir}, leaving the static index to {@link #exportStatic}.
   *
   * @param texts the searchable text of each page, keyed by page
   * @param whole whether {@code texts} are every page of the site
   */
  public Stats index(Map<Page, PageText> texts, Path siteDir, boolean whole) {
    Path indexDir = indexDirOf(siteDir);
    try (Directory directory = FSDirectory.open(indexDir);
        Analyzer analyzer = analyzer()) {
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer)
              .setOpenMode(
                  whole ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
      // The static index's lexicon: each word's spellings in the pages and the terms they give.
      // Taken from the tokens of the title, headings and body as they are analysed for the index,
      // on every core, and joined in page order (what the query analyzer gives: the index chain
      // only flattens the synonym graph, which leaves terms and offsets as they are).
      Map<Language, Map<String, List<String>>> spellings = new EnumMap<>(Language.class);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (Language lang : model.languages()) {
          spellings.put(lang, new TreeMap<>());
        }
        termsByPage();
        List<Page> pages = model.searchDocuments().stream().filter(texts::containsKey).toList();
        addInOrder(
            pages,
            page -> {
              Map<String, List<String>> pageSpellings = new LinkedHashMap<>();
              Document document =
                  document(
                      page,
                      texts.get(page),
                      keywords(page),
                      references(page),
                      analyzer,
                      pageSpellings);
              return new Analyzed(page, document, pageSpellings);
            },
            analyzed -> {
              if (!whole) {
                writer.deleteDocuments(documentOf(analyzed.page()));
              }
              writer.addDocument(analyzed.document());
              StaticIndexExporter.merge(
                  spellings.get(analyzed.page().lang()), analyzed.spellings());
            });
        writer.commit();
      }
      long bytes =
          whole
              ? new StaticIndexExporter(analysis, model)
                  .export(directory, texts, siteDir, spellings)
              : 0;
      return new Stats(texts.size(), bytes);
    } catch (IOException e) {
      throw new BuildException("cannot write the search index: " + e.getMessage(), e);
    }
  }

  /** The query for a page's document: its id and language. */
  private static Query documentOf(Page page) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SearchFields.ID, page.id())), Occur.FILTER)
        .add(new TermQuery(new Term(SearchFields.LANG, page.lang().code())), Occur.FILTER)
        .build();
  }

  /**
   * Writes the static index of a published site again from its Lucene index and the texts, into
   * {@code outDir} (the site, or a folder whose files are moved into it).
   */
  public long exportStatic(Map<Page, PageText> texts, Path siteDir, Path outDir) {
    try (Directory directory = FSDirectory.open(indexDirOf(siteDir))) {
      return new StaticIndexExporter(analysis, model).export(directory, texts, outDir, Map.of());
    } catch (IOException e) {
      throw new BuildException("cannot write the static search index: " + e.getMessage(), e);
    }
  }

  /** A page analysed: its Lucene document and its spellings for the lexicon. */
  private record Analyzed(Page page, Document document, Map<String, List<String>> spellings) {}

  /** Something done with each analysed page, in page order. */
  private interface Taker<T> {
    void take(T item) throws IOException;
  }

  /**
   * Analyses the pages on every core, a few pages ahead, and gives the results to {@code take} on
   * this thread in page order, so that documents get the numbers one thread would give them. (The
   * analysis is most of the work; one IndexWriter thread alone would leave a core idle.)
   */
  private static <T> void addInOrder(List<Page> pages, Function<Page, T> analyse, Taker<T> take)
      throws IOException {
    int threads = Runtime.getRuntime().availableProcessors();
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "medguide-analyse-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      Deque<Future<T>> ahead = new ArrayDeque<>();
      int next = 0;
      for (int taken = 0; taken < pages.size(); taken++) {
        while (next < pages.size() && ahead.size() < 2 * threads) {
          Page page = pages.get(next++);
          ahead.add(pool.submit(() -> analyse.apply(page)));
        }
        take.take(done(ahead.remove()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T done(Future<T> result) throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("indexing was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new BuildException(
          "cannot analyse a page for the index: " + e.getCause(), e.getCause());
    }
  }

  /** The analyzer of every field, per language, for indexing. */
  Analyzer analyzer() {
    Map<String, Analyzer> fields = new HashMap<>();
    for (Language lang : Language.values()) {
      Analyzer words = analysis.words(lang, true);
      for (String name : SearchFields.WORD_FIELDS) {
        fields.put(SearchFields.field(name, lang), words);
      }
    }
    fields.put(SearchFields.field(SearchFields.BIGRAM, Language.JA), analysis.bigrams());
    fields.put(SearchFields.field(SearchFields.ITEM_BIGRAM, Language.JA), analysis.bigrams());
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

  /**
   * How a reader cites a requirement, normalised ({@link SearchFields#itemKey}): its id ({@code
   * mhlw-6.5-c13}), and its section with its number as printed and without the hyphen ({@code 6.5
   * c-13}, {@code 6.5 c13}).
   */
  private List<String> references(Page item) {
    if (item.kind() != dev.medguide.model.PageKind.REQUIREMENT) {
      return List.of();
    }
    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    keys.add(SearchFields.itemKey(item.id()));
    model
        .requirements()
        .get(item.id(), item.lang())
        .flatMap(dev.medguide.model.Requirement::number)
        .ifPresent(
            n ->
                item.number()
                    .ifPresent(
                        section -> {
                          keys.add(SearchFields.itemKey(section + " " + n));
                          keys.add(SearchFields.itemKey(section + " " + n.replace("-", "")));
                        }));
    return List.copyOf(keys);
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

  /**
   * A page's Lucene document. The text fields are analysed here (on the calling thread) and carry
   * their tokens; those also stored get their text in a stored field of the same name. The
   * spellings of the title, headings and body are added to {@code spellings} (see {@link
   * RecordedTokens#addSpellings}).
   */
  private Document document(
      Page page,
      PageText text,
      String keywords,
      List<String> references,
      Analyzer analyzer,
      Map<String, List<String>> spellings) {
    Language lang = page.lang();
    Document doc = new Document();
    doc.add(new StringField(SearchFields.ID, page.id(), Field.Store.YES));
    doc.add(new StringField(SearchFields.LANG, lang.code(), Field.Store.YES));
    doc.add(new StoredField(SearchFields.URL, page.url()));
    doc.add(new FloatDocValuesField(SearchFields.WEIGHT, SearchFields.weight(page)));
    doc.add(new StoredField(SearchFields.WEIGHT, SearchFields.weight(page)));
    SearchFields.facts(model, page).forEach((name, value) -> doc.add(new StoredField(name, value)));
    doc.add(new StoredField(SearchFields.TITLE_STORED, text.title()));
    doc.add(
        new StringField(SearchFields.GUIDELINE, page.guideline().orElse("site"), Field.Store.YES));
    for (String reference : references) {
      doc.add(new StringField(SearchFields.ITEM, reference, Field.Store.YES));
    }
    doc.add(
        new StringField(
            SearchFields.KIND,
            page.kind().name().toLowerCase(java.util.Locale.ROOT),
            Field.Store.YES));
    if (page.kind() == dev.medguide.model.PageKind.REQUIREMENT) {
      addItemText(doc, lang, text, analyzer, spellings);
      return doc;
    }
    addText(doc, analyzer, SearchFields.field(SearchFields.TITLE, lang), text.title(), true)
        .addSpellings(text.title(), spellings);
    addText(doc, analyzer, SearchFields.field(SearchFields.KEYWORDS, lang), keywords, true);
    addText(doc, analyzer, SearchFields.field(SearchFields.HEADINGS, lang), text.headings(), true)
        .addSpellings(text.headings(), spellings);
    addText(doc, analyzer, SearchFields.field(SearchFields.BODY, lang), text.body(), true)
        .addSpellings(text.body(), spellings);
    if (lang == Language.JA) {
      String all = text.title() + "\n" + text.headings() + "\n" + text.body();
      addText(
          doc, analyzer, SearchFields.field(SearchFields.BIGRAM, lang), expansion.fold(all), true);
      String shown = text.title() + "\n" + text.headings() + "\n" + keywords + "\n" + text.body();
      doc.add(
          new StoredField(
              SearchFields.field(SearchFields.PHRASE_TEXT, lang), expansion.fold(shown)));
    }
    return doc;
  }

  /** A requirement's text, in the fields of its own; its body is also stored for snippets. */
  private void addItemText(
      Document doc,
      Language lang,
      PageText text,
      Analyzer analyzer,
      Map<String, List<String>> spellings) {
    String body = (text.headings() + "\n" + text.body()).strip();
    addText(doc, analyzer, SearchFields.field(SearchFields.ITEM_TITLE, lang), text.title(), true)
        .addSpellings(text.title(), spellings);
    addText(doc, analyzer, SearchFields.field(SearchFields.ITEM_BODY, lang), body, true)
        .addSpellings(body, spellings);
    doc.add(new StoredField(SearchFields.field(SearchFields.ITEM_TEXT, lang), text.body()));
    if (lang == Language.JA) {
      String all = text.title() + "\n" + body;
      addText(
          doc,
          analyzer,
          SearchFields.field(SearchFields.ITEM_BIGRAM, lang),
          expansion.fold(all),
          true);
      doc.add(
          new StoredField(
              SearchFields.field(SearchFields.PHRASE_TEXT, lang),
              expansion.fold(text.title() + "\n" + text.body())));
    }
  }

  private static RecordedTokens addText(
      Document doc, Analyzer analyzer, String field, String text, boolean stored) {
    RecordedTokens tokens;
    try {
      tokens = RecordedTokens.record(analyzer, field, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String's reader does not fail
    }
    doc.add(new TextField(field, tokens));
    if (stored) {
      doc.add(new StoredField(field, text));
    }
    return tokens;
  }
}
