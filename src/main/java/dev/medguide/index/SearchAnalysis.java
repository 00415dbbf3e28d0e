package dev.medguide.index;

import com.ibm.icu.text.Normalizer2;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The one definition of how text becomes search terms, used to index, to query, and to export the
 * static index (whose JavaScript side applies the same normalisation, checked by golden vectors).
 *
 * <p>Every chain starts with NFKC normalisation and case folding ({@code nfkc_cf}): full-width ＰＨＲ
 * and half-width ｻｰﾊﾞ fold to phr and サーバ. Japanese: Kuromoji in search mode with a user dictionary
 * of the glossary's terms, base forms, part-of-speech and stop-word filtering, katakana long-vowel
 * stemming (サーバー → サーバ), then the glossary's variants mapped to their canonical term (取り扱い → 取扱い).
 * A CJK bigram field adds recall for words Kuromoji splits differently. English: possessives, stop
 * words, Porter stemming.
 */
public final class SearchAnalysis {
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

  private final List<String> dictionaryLines;
  private final UserDictionary userDictionary;
  private final Map<Language, List<Rule>> rules = new java.util.EnumMap<>(Language.class);
  private final SynonymMap jaSynonyms;
  private final SynonymMap enSynonyms;

  /**
   * A synonym rule: the analysed words of a variant and of its canonical term.
   *
   * @param from the variant's terms
   * @param to the canonical term's terms
   */
  public record Rule(List<String> from, List<String> to) {}

  public SearchAnalysis(List<GlossaryTerm> glossary) {
    this.dictionaryLines = userDictionaryLines(glossary);
    this.userDictionary = userDictionary(dictionaryLines);
    this.jaSynonyms = synonyms(glossary, Language.JA);
    this.enSynonyms = synonyms(glossary, Language.EN);
  }

  /** The user dictionary in Kuromoji's CSV form, one entry per line (the Solr configset's). */
  public List<String> userDictionaryLines() {
    return dictionaryLines;
  }

  /** The synonym rules of a language's word fields, in the order they were added. */
  public List<Rule> synonymRules(Language lang) {
    return rules.getOrDefault(lang, List.of());
  }

  /** Kuromoji's part-of-speech tags dropped from Japanese text. */
  public static java.util.Set<String> japaneseStopTags() {
    return JapaneseAnalyzer.getDefaultStopTags();
  }

  /** The stop words of a language's word fields, sorted. */
  public static List<String> stopWords(Language lang) {
    org.apache.lucene.analysis.CharArraySet set =
        lang == Language.JA
            ? JapaneseAnalyzer.getDefaultStopSet()
            : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    return set.stream().map(o -> new String((char[]) o)).sorted().toList();
  }

  /** The normalisation applied before any analysis: NFKC with case folding. */
  public static String normalize(String text) {
    return NFKC_CF.normalize(text);
  }

  /** The analyzer of the word fields (title, headings, body) of a language. */
  public Analyzer words(Language lang, boolean forIndex) {
    return lang == Language.JA ? japanese(jaSynonyms, forIndex) : english(enSynonyms, forIndex);
  }

  /** The CJK bigram analyzer (Japanese recall field). */
  public Analyzer bigrams() {
    return analyzer(
        () -> {
          Tokenizer tokenizer = new StandardTokenizer();
          return new Chain(tokenizer, new LowerCaseFilter(new CJKBigramFilter(tokenizer)));
        });
  }

  /** The terms an analyzer makes of a text, in order. */
  public static List<String> terms(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  private Analyzer japanese(SynonymMap synonyms, boolean forIndex) {
    return analyzer(
        () -> {
          Tokenizer tokenizer =
              new JapaneseTokenizer(userDictionary, true, JapaneseTokenizer.Mode.SEARCH);
          TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
          stream =
              new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
          stream = new StopFilter(stream, JapaneseAnalyzer.getDefaultStopSet());
          stream = new JapaneseKatakanaStemFilter(stream);
          stream = new LowerCaseFilter(stream);
          return new Chain(tokenizer, synonyms(stream, synonyms, forIndex));
        });
  }

  private static Analyzer english(SynonymMap synonyms, boolean forIndex) {
    return analyzer(
        () -> {
          Tokenizer tokenizer = new StandardTokenizer();
          TokenStream stream = new EnglishPossessiveFilter(tokenizer);
          stream = new LowerCaseFilter(stream);
          stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
          stream = new PorterStemFilter(stream);
          return new Chain(tokenizer, synonyms(stream, synonyms, forIndex));
        });
  }

  /** Variant → term mapping; at index time the token graph is flattened for the index. */
  private static TokenStream synonyms(TokenStream stream, SynonymMap synonyms, boolean forIndex) {
    if (synonyms == null) {
      return stream;
    }
    TokenStream mapped = new SynonymGraphFilter(stream, synonyms, true);
    return forIndex ? new FlattenGraphFilter(mapped) : mapped;
  }

  /** A tokenizer and the end of its filter chain. */
  private record Chain(Tokenizer tokenizer, TokenStream stream) {}

  /** An analyzer over a chain, with NFKC case folding in front of every chain. */
  private static Analyzer analyzer(java.util.function.Supplier<Chain> chain) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Chain c = chain.get();
        return new TokenStreamComponents(c.tokenizer(), c.stream());
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new ICUNormalizer2CharFilter(reader, NFKC_CF);
      }
    };
  }

  /**
   * A Kuromoji user dictionary with every Japanese glossary term (and its Japanese variants) as one
   * word, so 真正性 or 外部保存 is never split.
   */
  private static List<String> userDictionaryLines(List<GlossaryTerm> glossary) {
    Map<String, String> entries = new TreeMap<>();
    for (GlossaryTerm term : glossary) {
      List<String> surfaces = new ArrayList<>(term.variants());
      surfaces.add(term.ja());
      for (String surface : surfaces) {
        String normalized = normalize(surface);
        if (normalized.codePoints().anyMatch(SearchAnalysis::isJapanese)
            && normalized.matches("[^,\\s・／/（）()]+")) {
          String reading = katakana(term.reading()).replaceAll("[^\\p{InKatakana}]", "");
          entries.put(
              normalized,
              normalized
                  + ","
                  + normalized
                  + ","
                  + (reading.isEmpty() ? normalized : reading)
                  + ",カスタム名詞");
        }
      }
    }
    return List.copyOf(entries.values());
  }

  private static UserDictionary userDictionary(List<String> lines) {
    if (lines.isEmpty()) {
      return null;
    }
    try {
      return UserDictionary.open(new StringReader(String.join("\n", lines)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Maps each glossary variant to its canonical term, both analyzed the same way. */
  private SynonymMap synonyms(List<GlossaryTerm> glossary, Language lang) {
    Analyzer base = lang == Language.JA ? japanese(null, false) : english(null, false);
    SynonymMap.Builder builder = new SynonymMap.Builder(true);
    List<Rule> added = new ArrayList<>();
    for (GlossaryTerm term : glossary) {
      String canonical = lang == Language.JA ? term.ja() : term.en();
      List<String> target = terms(base, canonical);
      if (target.isEmpty()) {
        continue;
      }
      for (String variant : term.variants()) {
        List<String> source = terms(base, variant);
        if (!source.isEmpty() && !source.equals(target) && script(variant) == lang) {
          builder.add(join(source), join(target), false);
          added.add(new Rule(source, target));
        }
      }
    }
    base.close();
    rules.put(lang, List.copyOf(added));
    try {
      return added.isEmpty() ? null : builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CharsRef join(List<String> words) {
    CharsRefBuilder out = new CharsRefBuilder();
    return SynonymMap.Builder.join(words.toArray(new String[0]), out);
  }

  /** The language a spelling is written in: any Japanese character makes it Japanese. */
  static Language script(String text) {
    return text.codePoints().anyMatch(SearchAnalysis::isJapanese) ? Language.JA : Language.EN;
  }

  static boolean isJapanese(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || c == 'ー';
  }

  private static String katakana(String hiragana) {
    StringBuilder out = new StringBuilder();
    hiragana
        .codePoints()
        .forEach(c -> out.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c));
    return out.toString().toUpperCase(Locale.ROOT);
  }
}
