package dev.medguide.search;

import dev.medguide.index.GlossaryExpansion;
import dev.medguide.index.SearchAnalysis;
import dev.medguide.index.SearchFields;
import dev.medguide.model.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a result must contain to be listed: one of the query's forms. A form is the words of one
 * space-separated part of the query as analysed (all of them), or the glossary's terms for the
 * whole query or a part (its variants, its translation). In Japanese a part of several words is a
 * phrase: the result's text must contain the part itself (folded, see {@link
 * GlossaryExpansion#fold}), so 施錠管理 does not find a page that says 施錠 here and 管理 there; its
 * candidates are the documents with all its bigrams, whatever the segmentation. Bigrams are never a
 * form: they rank, and find something only when nothing has a form. The static search (engine.js)
 * applies the same rules.
 */
final class QueryMatch {
  /**
   * One form.
   *
   * @param terms the index terms that must all be in the result's own text fields
   * @param phrase the folded text the result must contain instead, or null
   * @param grams the bigram-field terms of the phrase: a result containing it has them all
   */
  record Form(List<String> terms, String phrase, List<String> grams) {}

  private final List<Form> forms;
  private final Language lang;
  private final Query item;

  private QueryMatch(List<Form> forms, Language lang, Query item) {
    this.forms = forms;
    this.lang = lang;
    this.item = item;
  }

  /**
   * The forms of a query in one language.
   *
   * @param words the word analyzer of the language
   * @param item the query finding the item whose id the query is (a match of its own)
   */
  static QueryMatch of(
      String text,
      Language lang,
      Analyzer words,
      Analyzer bigrams,
      GlossaryExpansion expansion,
      Query item) {
    List<Form> forms = new ArrayList<>();
    for (String part : text.strip().split("\\s+")) {
      List<String> terms = SearchAnalysis.terms(words, part).stream().distinct().toList();
      if (lang == Language.JA && terms.size() > 1) {
        String phrase = expansion.fold(part);
        List<String> grams = SearchAnalysis.terms(bigrams, phrase).stream().distinct().toList();
        add(forms, new Form(terms, phrase, grams));
      } else {
        add(forms, new Form(terms, null, List.of()));
      }
    }
    for (List<String> terms : expansion.expansions(text, lang)) {
      add(forms, new Form(terms, null, List.of()));
    }
    return new QueryMatch(List.copyOf(forms), lang, item);
  }

  private static void add(List<Form> forms, Form form) {
    if (!form.terms().isEmpty() && !forms.contains(form)) {
      forms.add(form);
    }
  }

  List<Form> forms() {
    return forms;
  }

  /** The documents that match without a phrase to check: a form without one, or the item. */
  Query direct() {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    any.add(item, BooleanClause.Occur.SHOULD);
    forms.stream()
        .filter(f -> f.phrase() == null)
        .forEach(
            f -> any.add(allOf(f.terms(), SearchFields.matchFields()), BooleanClause.Occur.SHOULD));
    return any.build();
  }

  /**
   * The other documents with all bigrams of a phrase (a superset of those whose text contains it,
   * however the words are segmented) or all its words (the keywords have no bigrams): listed if
   * their text contains a phrase.
   */
  Optional<Query> phraseCandidates() {
    List<Form> phrases = forms.stream().filter(f -> f.phrase() != null).toList();
    if (phrases.isEmpty()) {
      return Optional.empty();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Form f : phrases) {
      any.add(allOf(f.grams(), GRAM_FIELDS), BooleanClause.Occur.SHOULD);
      any.add(allOf(f.terms(), SearchFields.matchFields()), BooleanClause.Occur.SHOULD);
    }
    return Optional.of(
        new BooleanQuery.Builder()
            .add(any.build(), BooleanClause.Occur.FILTER)
            .add(direct(), BooleanClause.Occur.MUST_NOT)
            .build());
  }

  /**
   * Whether a document's own text (title, headings, keywords, body) contains a phrase: its {@link
   * SearchFields#PHRASE_TEXT}, folded when indexed (every Japanese document has one).
   */
  boolean hasPhrase(Document doc) {
    String stored = doc.get(SearchFields.field(SearchFields.PHRASE_TEXT, lang));
    return stored != null
        && forms.stream().anyMatch(f -> f.phrase() != null && stored.contains(f.phrase()));
  }

  private static final List<String> GRAM_FIELDS =
      List.of(SearchFields.BIGRAM, SearchFields.ITEM_BIGRAM);

  /** Documents with every term in one of some fields (any field per term). */
  private Query allOf(List<String> terms, List<String> fields) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String term : terms) {
      BooleanQuery.Builder inAnyField = new BooleanQuery.Builder();
      for (String field : fields) {
        inAnyField.add(
            new TermQuery(new Term(SearchFields.field(field, lang), term)),
            BooleanClause.Occur.SHOULD);
      }
      all.add(inAnyField.build(), BooleanClause.Occur.MUST);
    }
    return all.build();
  }
}
