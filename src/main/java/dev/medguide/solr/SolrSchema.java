package dev.medguide.solr;

import dev.medguide.index.SearchFields;
import dev.medguide.model.Language;
import java.util.stream.Collectors;

/**
 * The Solr schema of the configset: one field per index field, with field types whose analysers are
 * {@link SearchAnalysis}'s chains written with Solr's factories (NFKC case folding first, then
 * Kuromoji in search mode with the glossary's dictionary, base forms, part-of-speech and stop
 * filtering, katakana stemming, lower case and the glossary's synonyms; the CJK bigrams; the
 * English chain with Porter stemming).
 */
final class SolrSchema {
  private SolrSchema() {}

  /** The field list of the edismax handler: every analysed field with its weight. */
  static String queryFields() {
    return java.util.Arrays.stream(Language.values())
        .flatMap(
            lang ->
                SearchFields.boosts(lang).entrySet().stream()
                    .map(
                        e ->
                            SolrExport.solrName(SearchFields.field(e.getKey(), lang))
                                + "^"
                                + e.getValue()))
        .collect(Collectors.joining(" "));
  }

  static String xml() {
    StringBuilder fields = new StringBuilder();
    field(fields, "id", "string", "");
    for (String name : SolrExport.stringFields()) {
      field(fields, name, "string", "");
    }
    field(fields, SearchFields.ITEM, "string", " multiValued=\"true\"");
    field(fields, SearchFields.URL, "stored_text", "");
    field(fields, SearchFields.TITLE_STORED, "stored_text", "");
    field(fields, SearchFields.WEIGHT, "pfloat", "");
    fields.append(
        "  <field name=\"_version_\" type=\"plong\" indexed=\"false\" stored=\"false\"/>\n");
    for (Language lang : Language.values()) {
      for (String name : SolrExport.wordFields()) {
        field(fields, solr(name, lang), "text_" + lang.code(), "");
      }
      field(fields, solr(SearchFields.ITEM_TEXT, lang), "stored_text", "");
    }
    field(fields, solr(SearchFields.BIGRAM, Language.JA), "text_bigram", "");
    field(fields, solr(SearchFields.ITEM_BIGRAM, Language.JA), "text_bigram", "");
    field(fields, solr(SearchFields.PHRASE_TEXT, Language.JA), "stored_text", "");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- medguide's search schema (written by `medguide search-export`; do not edit: the
             analysis must stay the one medguide indexes and queries with). -->
        <schema name="medguide" version="1.6">
          <uniqueKey>id</uniqueKey>
        %s
          <fieldType name="string" class="solr.StrField" sortMissingLast="true" docValues="true"/>
          <fieldType name="stored_text" class="solr.StrField" indexed="false" docValues="false"/>
          <fieldType name="pfloat" class="solr.FloatPointField" docValues="true"/>
          <fieldType name="plong" class="solr.LongPointField" docValues="true"/>
        %s%s          <fieldType name="text_bigram" class="solr.TextField">
            <analyzer>
              <charFilter class="solr.ICUNormalizer2CharFilterFactory"/>
              <tokenizer class="solr.StandardTokenizerFactory"/>
              <filter class="solr.CJKBigramFilterFactory"/>
              <filter class="solr.LowerCaseFilterFactory"/>
            </analyzer>
          </fieldType>
        </schema>
        """
        .formatted(fields, textType("text_ja", JA), textType("text_en", EN));
  }

  private static final String NFKC_CF =
      "\n      <charFilter class=\"solr.ICUNormalizer2CharFilterFactory\"/>";

  private static final String JA =
      NFKC_CF
          + """

                <tokenizer class="solr.JapaneseTokenizerFactory" mode="search"
                           userDictionary="userdict_ja.txt" discardPunctuation="true"/>
                <filter class="solr.JapaneseBaseFormFilterFactory"/>
                <filter class="solr.JapanesePartOfSpeechStopFilterFactory" tags="stoptags_ja.txt"/>
                <filter class="solr.StopFilterFactory" words="stopwords_ja.txt"/>
                <filter class="solr.JapaneseKatakanaStemFilterFactory" minimumLength="4"/>
                <filter class="solr.LowerCaseFilterFactory"/>
                <filter class="solr.SynonymGraphFilterFactory" synonyms="synonyms_ja.txt"
                        ignoreCase="true"/>"""
              .stripTrailing();

  private static final String EN =
      NFKC_CF
          + """

                <tokenizer class="solr.StandardTokenizerFactory"/>
                <filter class="solr.EnglishPossessiveFilterFactory"/>
                <filter class="solr.LowerCaseFilterFactory"/>
                <filter class="solr.StopFilterFactory" words="stopwords_en.txt"/>
                <filter class="solr.PorterStemFilterFactory"/>
                <filter class="solr.SynonymGraphFilterFactory" synonyms="synonyms_en.txt"
                        ignoreCase="true"/>"""
              .stripTrailing();

  /** A word field type: the chain, with the synonym graph flattened at index time. */
  private static String textType(String name, String chain) {
    return """
          <fieldType name="%s" class="solr.TextField" autoGeneratePhraseQueries="false">
            <analyzer type="index">%s
              <filter class="solr.FlattenGraphFilterFactory"/>
            </analyzer>
            <analyzer type="query">%s
            </analyzer>
          </fieldType>
        """
        .formatted(name, chain, chain);
  }

  private static String solr(String name, Language lang) {
    return SolrExport.solrName(SearchFields.field(name, lang));
  }

  private static void field(StringBuilder out, String name, String type, String extra) {
    out.append(
        "  <field name=\"%s\" type=\"%s\" indexed=\"%b\" stored=\"true\"%s/>\n"
            .formatted(name, type, !type.equals("stored_text"), extra));
  }
}
