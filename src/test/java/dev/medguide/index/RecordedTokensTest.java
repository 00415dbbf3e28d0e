package dev.medguide.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.medguide.model.Language;
import dev.medguide.testing.TestSites;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/**
 * The index's analysis runs ahead on other threads: what it records plays back as the analyzer made
 * it, and page spellings joined in order are what one pass over all the pages collects.
 */
class RecordedTokensTest {
  static final SearchAnalysis ANALYSIS = new SearchAnalysis(TestSites.realGlossary());

  // Glossary variants (synonyms at index time), compounds Kuromoji splits, stop words, Latin.
  static final String JA =
      "医療情報システムの安全管理に関するガイドラインでは、外部保存を受託する事業者の" + "真正性・見読性・保存性を取り扱い、ＩＰ－ＶＰＮ と IPsec を比べる。";
  static final String EN =
      "The providers' two-factor authentication and time stamps: external storage of records.";

  @Test
  void playsBackTheTokensAndEndStateOfEveryAnalyzer() throws IOException {
    try (Analyzer jaIndex = ANALYSIS.words(Language.JA, true);
        Analyzer enIndex = ANALYSIS.words(Language.EN, true);
        Analyzer bigrams = ANALYSIS.bigrams()) {
      check(jaIndex, "body_ja", JA);
      check(enIndex, "body_en", EN);
      check(bigrams, "bigram_ja", JA);
      check(jaIndex, "title_ja", "");
    }
  }

  private static void check(Analyzer analyzer, String field, String text) throws IOException {
    List<String> direct;
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      direct = tokens(stream);
    }
    RecordedTokens recorded = RecordedTokens.record(analyzer, field, text);
    assertThat(direct).isNotEmpty();
    assertThat(tokens(recorded)).isEqualTo(direct);
    assertThat(tokens(recorded)).as("played back twice").isEqualTo(direct);
    if (!text.isEmpty()) {
      assertThat(direct).hasSizeGreaterThan(3);
    }
  }

  /** Each token as term/increment/start-end, then the end state. */
  private static List<String> tokens(TokenStream stream) throws IOException {
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
    OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
    List<String> out = new ArrayList<>();
    stream.reset();
    while (stream.incrementToken()) {
      out.add(
          term
              + "/"
              + increment.getPositionIncrement()
              + "/"
              + offset.startOffset()
              + "-"
              + offset.endOffset());
    }
    stream.end();
    out.add(
        "end/"
            + increment.getPositionIncrement()
            + "/"
            + offset.startOffset()
            + "-"
            + offset.endOffset());
    return out;
  }

  @Test
  void pageSpellingsJoinedInOrderEqualOnePassOverThePages() {
    List<PageText> pages =
        List.of(
            new PageText("外部保存", "見出し 取扱い", JA),
            new PageText("保存性", "取り扱い", "見読性と保存性。外部保存の委託。"),
            new PageText("External storage", "Records", EN));
    try (Analyzer analyzer = ANALYSIS.words(Language.JA, false)) {
      Map<String, List<String>> onePass = new TreeMap<>();
      Map<String, List<String>> joined = new TreeMap<>();
      for (PageText page : pages) {
        StaticIndexExporter.addSpellings(analyzer, page, onePass);
        Map<String, List<String>> own = new LinkedHashMap<>();
        StaticIndexExporter.addSpellings(analyzer, page, own);
        StaticIndexExporter.merge(joined, own);
      }
      assertThat(onePass).containsKey("外部保存").hasSizeGreaterThan(20);
      assertThat(joined).isEqualTo(onePass);
    }
  }

  @Test
  void spellingsOfTheIndexTokensEqualThoseOfTheQueryAnalyzer() throws IOException {
    // Every spelling of the real glossary, so that each synonym rule fires, and the sample texts.
    StringBuilder ja = new StringBuilder(JA);
    StringBuilder en = new StringBuilder(EN);
    for (var term : TestSites.realGlossary()) {
      ja.append(term.ja()).append("の");
      en.append(' ').append(term.en()).append(',');
      for (String variant : term.variants()) {
        (SearchAnalysis.script(variant) == Language.JA ? ja.append("と") : en.append(" and "))
            .append(variant);
      }
    }
    for (Language lang : Language.values()) {
      String text = (lang == Language.JA ? ja : en).toString();
      try (Analyzer index = ANALYSIS.words(lang, true);
          Analyzer query = ANALYSIS.words(lang, false)) {
        Map<String, List<String>> recorded = new LinkedHashMap<>();
        RecordedTokens.record(index, "body", text).addSpellings(text, recorded);
        Map<String, List<String>> analysed = new LinkedHashMap<>();
        StaticIndexExporter.addSpellings(query, new PageText("", "", text), analysed);
        assertThat(recorded).hasSizeGreaterThan(50);
        assertThat(List.copyOf(recorded.entrySet()))
            .as(lang.code())
            .isEqualTo(List.copyOf(analysed.entrySet()));
      }
    }
  }
}
