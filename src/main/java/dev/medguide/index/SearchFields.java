package dev.medguide.index;

import dev.medguide.model.Language;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of the search index and their weights, shared by the Lucene search and the static
 * (JavaScript) search so both rank the same way. Word fields are per language ({@code title.ja});
 * the bigram field exists for Japanese only.
 */
public final class SearchFields {
  public static final String ID = "id";
  public static final String LANG = "lang";
  public static final String URL = "url";
  public static final String TITLE_STORED = "title_stored";
  public static final String GUIDELINE = "guideline";
  public static final String KIND = "kind";

  /**
   * A requirement's id, normalised ({@link SearchAnalysis#normalize}, so lower case): a query that
   * is exactly an item's id finds that item first, in both searches.
   */
  public static final String ITEM = "item";

  /** The boost of an exact item-id match: above any sum of word scores. */
  public static final float ITEM_BOOST = 1000f;

  /** The form of an id or a query compared with {@link #ITEM}. */
  public static String itemKey(String text) {
    return SearchAnalysis.normalize(text).strip();
  }

  public static final String TITLE = "title";
  public static final String HEADINGS = "headings";

  /** The glossary terms whose entry names the page as using them. */
  public static final String KEYWORDS = "keywords";

  public static final String BODY = "body";
  public static final String BIGRAM = "bigram";

  /**
   * A requirement's document has fields of its own (title, text, bigrams), weighted like a page's:
   * the short items then leave the statistics that rank pages against each other (average length,
   * document frequencies) as they were.
   */
  public static final String ITEM_TITLE = "item_title";

  public static final String ITEM_BODY = "item_body";
  public static final String ITEM_BIGRAM = "item_bigram";

  /**
   * The text a Japanese phrase is looked for in (title, headings, keywords, body), folded at index
   * time ({@link GlossaryExpansion#fold}): stored only, so a query does not fold every candidate.
   */
  public static final String PHRASE_TEXT = "phrase_text";

  /** A requirement's text, stored for snippets (not indexed: {@link #BODY} is a page's). */
  public static final String ITEM_TEXT = "item_text";

  /** The fields analysed by a language's word analyzer. */
  public static final java.util.List<String> WORD_FIELDS =
      java.util.List.of(TITLE, KEYWORDS, HEADINGS, BODY, ITEM_TITLE, ITEM_BODY);

  /** Whether the field holds bigrams (it gets the query's bigrams, not its words). */
  public static boolean isBigram(String name) {
    return name.equals(BIGRAM) || name.equals(ITEM_BIGRAM);
  }

  /**
   * The fields a result must contain the query's words in (see QueryMatch): the page's own text,
   * and its keywords, which the page shows (its glossary terms, the section numbers it covers).
   * Bigrams only rank.
   */
  public static java.util.List<String> matchFields() {
    return WORD_FIELDS;
  }

  /** The section number a document is about ({@code 6.5}), stored when it has one. */
  public static final String SECTION = "section";

  /**
   * The edition a document follows, stored: its guideline's (第5版) for a page, the edition its
   * wording was seen in (the code, {@code 5.2}) for a requirement.
   */
  public static final String EDITION = "edition";

  /** The stored facts of a page that only exports read (the Solr documents). */
  static Map<String, String> facts(
      dev.medguide.model.SiteModel model, dev.medguide.model.Page page) {
    Map<String, String> facts = new LinkedHashMap<>();
    page.number().ifPresent(n -> facts.put(SECTION, n));
    java.util.Optional<String> edition =
        page.kind() == dev.medguide.model.PageKind.REQUIREMENT
            ? model.requirements().get(page.id(), page.lang()).map(r -> r.edition().code())
            : page.guideline()
                .flatMap(g -> model.guideline(g, page.lang()))
                .map(dev.medguide.model.GuidelineInfo::edition);
    edition.ifPresent(e -> facts.put(EDITION, e));
    return facts;
  }

  /** A document's prior weight, multiplied into its score (a doc-values field, also stored). */
  public static final String WEIGHT = "weight";

  /**
   * The prior of a page: guideline sections and chapters rank a little above the site's own pages
   * when the evidence is otherwise equal, and the pages that list every topic (glossary,
   * correspondence matrix) below the pages that explain one. A requirement ranks below the page it
   * is written in when both match the same words, so a topic finds the explanation first and the
   * item next to it; a query that cites the item exactly ({@link #ITEM}) still puts it first.
   */
  public static float weight(dev.medguide.model.Page page) {
    return switch (page.kind()) {
      case SECTION, CHAPTER, ANNEX -> 1.0f;
      case REQUIREMENT -> 0.7f;
      case GUIDELINE -> 0.9f;
      case HOME, PAGE ->
          page.id().equals("glossary") || page.id().equals("crosswalk") ? 0.6f : 0.8f;
    };
  }

  /** BM25 parameters (Lucene's defaults), also exported to the static search. */
  public static final float K1 = 1.2f;

  public static final float B = 0.75f;

  private SearchFields() {}

  /** The analysed field of a language: {@code body.ja}. */
  public static String field(String name, Language lang) {
    return name + "." + lang.code();
  }

  /** Weight of each analysed field in a query. */
  public static Map<String, Float> boosts(Language lang) {
    Map<String, Float> boosts = new LinkedHashMap<>();
    boosts.put(TITLE, 3.0f);
    boosts.put(KEYWORDS, 4.0f);
    boosts.put(HEADINGS, 2.0f);
    boosts.put(BODY, 1.0f);
    if (lang == Language.JA) {
      boosts.put(BIGRAM, 0.5f);
    }
    boosts.put(ITEM_TITLE, 3.0f);
    boosts.put(ITEM_BODY, 1.0f);
    if (lang == Language.JA) {
      boosts.put(ITEM_BIGRAM, 0.5f);
    }
    return boosts;
  }
}
