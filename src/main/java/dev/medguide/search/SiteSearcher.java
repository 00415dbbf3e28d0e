package dev.medguide.search;

import dev.medguide.BuildException;
import dev.medguide.index.GlossaryExpansion;
import dev.medguide.index.SearchAnalysis;
import dev.medguide.index.SearchFields;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Searches the Lucene index of a built site. A query's words are analysed exactly as the pages were
 * (see {@link SearchAnalysis}), expanded with the glossary's translations and variants, and scored
 * with BM25 over the title, headings, body and (Japanese) bigram fields with the weights of {@link
 * SearchFields}. Thread-safe; open one per site and share it.
 */
public final class SiteSearcher implements AutoCloseable {
  /** The longest query accepted; longer input is cut, not rejected. */
  public static final int MAX_QUERY_LENGTH = 200;

  private final SearchIndex index;
  private final SearchAnalysis analysis;
  private final GlossaryExpansion expansion;
  private final SnippetMaker snippets;
  // Analyzers are thread-safe and reuse their token streams per thread: made once.
  private final Map<Language, Analyzer> words = new java.util.EnumMap<>(Language.class);
  private final Analyzer bigrams;

  /** Searches the Lucene index of a built site. */
  public SiteSearcher(Path siteDir, List<GlossaryTerm> glossary) {
    this(new LuceneIndex(siteDir), glossary);
  }

  /**
   * Searches an index holding a site's documents (its own, or a Solr collection's).
   *
   * @param index the index; closed with this searcher
   * @param glossary the site's glossary, which its documents were analysed with
   */
  public SiteSearcher(SearchIndex index, List<GlossaryTerm> glossary) {
    this.index = index;
    this.analysis = new SearchAnalysis(glossary);
    this.expansion = new GlossaryExpansion(analysis, glossary);
    this.snippets = new SnippetMaker();
    for (Language lang : Language.values()) {
      words.put(lang, analysis.words(lang, false));
    }
    this.bigrams = analysis.bigrams();
  }

  /**
   * Searches one or all languages. A result must contain one of the query's forms ({@link
   * QueryMatch}); only when nothing does are results found through the bigram field alone returned,
   * each marked {@link SearchHit#approximate()}.
   *
   * @param query the user's words; blank or punctuation-only queries find nothing
   * @param languages the languages to search
   * @param limit the most hits to return
   */
  public List<SearchHit> search(String query, Set<Language> languages, int limit) {
    String text = clean(query);
    if (text.isBlank() || limit <= 0) {
      return new ArrayList<>();
    }
    List<SearchHit> hits = search(text, languages, limit, false);
    return hits.isEmpty() ? search(text, languages, limit, true) : hits;
  }

  /** The most documents a phrase is looked for in, per query and language. */
  static final int PHRASE_CANDIDATES = 1000;

  private List<SearchHit> search(
      String text, Set<Language> languages, int limit, boolean approximate) {
    List<SearchHit> hits = new ArrayList<>();
    try {
      for (Language lang : languages) {
        Set<String> marks = highlights(text, lang);
        Query item = itemQuery(text);
        if (approximate) {
          add(hits, query(text, lang, item, null), limit, null, lang, marks, true);
          continue;
        }
        QueryMatch match = QueryMatch.of(text, lang, words.get(lang), bigrams, expansion, item);
        List<SearchHit> found = new ArrayList<>();
        add(found, query(text, lang, item, match.direct()), limit, null, lang, marks, false);
        Optional<Query> candidates = match.phraseCandidates();
        if (candidates.isPresent()) {
          add(
              found,
              query(text, lang, item, candidates.get()),
              limit,
              match::hasPhrase,
              lang,
              marks,
              false);
        }
        found.sort((a, b) -> Double.compare(b.score(), a.score()));
        hits.addAll(found.subList(0, Math.min(limit, found.size())));
      }
    } catch (IOException e) {
      throw new BuildException("search failed: " + e.getMessage(), e);
    }
    hits.sort((a, b) -> Double.compare(b.score(), a.score()));
    return hits.size() > limit ? new ArrayList<>(hits.subList(0, limit)) : hits;
  }

  /** Adds up to limit hits of a query that pass a test (null: all), best first. */
  private void add(
      List<SearchHit> hits,
      Query q,
      int limit,
      Predicate<Document> accept,
      Language lang,
      Set<String> marks,
      boolean approximate)
      throws IOException {
    if (q == null) {
      return;
    }
    Set<String> phraseField = Set.of(SearchFields.field(SearchFields.PHRASE_TEXT, lang));
    for (SearchIndex.Found found :
        index.search(q, limit, PHRASE_CANDIDATES, phraseField, accept, shown(lang))) {
      Document doc = found.doc();
      hits.add(
          new SearchHit(
              doc.get(SearchFields.ID),
              lang.code(),
              doc.get(SearchFields.TITLE_STORED),
              doc.get(SearchFields.URL),
              doc.get(SearchFields.GUIDELINE),
              found.score(),
              snippets.snippet(body(doc, lang), marks),
              approximate));
    }
  }

  /** The stored fields a hit shows. */
  private static Set<String> shown(Language lang) {
    return Set.of(
        SearchFields.ID,
        SearchFields.TITLE_STORED,
        SearchFields.URL,
        SearchFields.GUIDELINE,
        SearchFields.field(SearchFields.BODY, lang),
        SearchFields.field(SearchFields.ITEM_TEXT, lang));
  }

  /** The stored text a snippet is cut from: a page's body, or a requirement's text. */
  private static String body(Document doc, Language lang) {
    String body = doc.get(SearchFields.field(SearchFields.BODY, lang));
    return body != null ? body : doc.get(SearchFields.field(SearchFields.ITEM_TEXT, lang));
  }

  /**
   * The query of one language: every analysed term in every field, weighted by field, over the
   * documents of a filter (all if null); the index multiplies its scores by the documents' weights.
   */
  Query query(String text, Language lang, Query item, Query filter) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    int clauses = 0;
    Set<String> terms = queryTerms(text, lang);
    for (Map.Entry<String, Float> field : SearchFields.boosts(lang).entrySet()) {
      Set<String> fieldTerms =
          SearchFields.isBigram(field.getKey())
              ? new LinkedHashSet<>(SearchAnalysis.terms(bigrams, expansion.fold(text)))
              : terms;
      for (String term : fieldTerms) {
        Query termQuery = new TermQuery(new Term(SearchFields.field(field.getKey(), lang), term));
        builder.add(new BoostQuery(termQuery, field.getValue()), BooleanClause.Occur.SHOULD);
        clauses++;
      }
    }
    // A query that is an item's id (mhlw-6.5-C13) puts that item first.
    builder.add(
        new BoostQuery(new ConstantScoreQuery(item), SearchFields.ITEM_BOOST),
        BooleanClause.Occur.SHOULD);
    builder.add(
        new TermQuery(new Term(SearchFields.LANG, lang.code())), BooleanClause.Occur.FILTER);
    if (filter != null) {
      builder.add(filter, BooleanClause.Occur.FILTER);
    }
    return clauses == 0 ? null : builder.build();
  }

  /** The documents whose item id is the query. */
  private static Query itemQuery(String text) {
    return new TermQuery(new Term(SearchFields.ITEM, SearchFields.itemKey(text)));
  }

  /** The word-field terms of a query: its analysed words and their glossary expansions. */
  private Set<String> queryTerms(String text, Language lang) {
    Set<String> terms = new LinkedHashSet<>(SearchAnalysis.terms(words.get(lang), text));
    terms.addAll(expansion.expand(text, lang));
    return terms;
  }

  /** What snippets mark: the query's own words (normalised) and the terms they became. */
  private Set<String> highlights(String text, Language lang) {
    Set<String> marks = new LinkedHashSet<>(queryTerms(text, lang));
    for (String part : expansion.canonicalize(text).split("[\\s\\p{Punct}、。・「」（）]+")) {
      marks.add(part);
    }
    return marks;
  }

  /** Drops control characters and cuts overlong input; quotes and operators are plain text. */
  static String clean(String query) {
    String text =
        query == null
            ? ""
            : query.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\t\\n]]", " ").replaceAll("\\s+", " ").strip();
    return text.length() > MAX_QUERY_LENGTH ? text.substring(0, MAX_QUERY_LENGTH) : text;
  }

  @Override
  public void close() {
    words.values().forEach(Analyzer::close);
    bigrams.close();
    index.close();
  }
}
