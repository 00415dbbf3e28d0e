package dev.medguide.search;

import dev.medguide.index.GlossaryExpansion;
import dev.medguide.index.SearchAnalysis;
import dev.medguide.index.SearchFields;
import dev.medguide.index.SearchIndexer;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Whether a result really contains a query, judged on the result's own stored text (title,
 * headings, the keywords it shows, body), not on the index terms a search matched: the test's side
 * of "every result is a real match". A query's forms are each space-separated part as written
 * (normalised, glossary variants spelled as their term, a katakana long vowel optional) and the
 * spellings of a glossary term the whole query or a part names (its Japanese, English and
 * variants). A Japanese form must occur in the text as it is; a Latin form's words must all occur
 * as words (compared stemmed, so "encryption" is in "encrypted").
 */
final class QueryForms implements AutoCloseable {
  private final Map<String, String> texts = new HashMap<>();
  private final GlossaryExpansion expansion;
  private final List<GlossaryTerm> glossary;
  private final Analyzer english;

  QueryForms(Path site, List<GlossaryTerm> glossary) throws IOException {
    this.glossary = glossary;
    SearchAnalysis analysis = new SearchAnalysis(glossary);
    this.expansion = new GlossaryExpansion(analysis, glossary);
    this.english = analysis.words(Language.EN, false);
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(SearchIndexer.indexDirOf(site)))) {
      for (int i = 0; i < reader.maxDoc(); i++) {
        Document doc = reader.storedFields().document(i);
        String lang = doc.get(SearchFields.LANG);
        StringBuilder text = new StringBuilder(doc.get(SearchFields.TITLE_STORED));
        for (String field :
            List.of(
                SearchFields.HEADINGS,
                SearchFields.KEYWORDS,
                SearchFields.BODY,
                SearchFields.ITEM_TEXT)) {
          String value = doc.get(field + "." + lang);
          if (value != null) {
            text.append('\n').append(value);
          }
        }
        // As written, and with glossary variants spelled as their term.
        texts.put(
            doc.get(SearchFields.ID) + "/" + lang,
            fold(text.toString()) + "\n\u0000" + expansion.fold(text.toString()));
      }
    }
  }

  /** The forms of a query, as the test understands them. */
  Set<String> forms(String query) {
    String normalized = SearchAnalysis.normalize(query).strip();
    Set<String> forms = new LinkedHashSet<>();
    List<String> keys = new java.util.ArrayList<>(List.of(normalized.split("\\s+")));
    keys.add(normalized);
    for (String key : keys) {
      forms.add(fold(key));
      forms.add(expansion.fold(key));
      for (GlossaryTerm term : glossary) {
        Set<String> spellings = new LinkedHashSet<>(term.variants());
        spellings.add(term.ja());
        spellings.add(term.en());
        if (spellings.stream().anyMatch(s -> SearchAnalysis.normalize(s).strip().equals(key))) {
          spellings.forEach(s -> forms.add(fold(s)));
        }
      }
    }
    forms.removeIf(String::isBlank);
    return forms;
  }

  /** Whether the result (page or requirement id) in a language contains a form of the query. */
  boolean contains(String id, Language lang, String query) {
    String text = texts.get(id + "/" + lang.code());
    if (text == null) {
      throw new IllegalArgumentException("no such result in the index: " + id + " " + lang);
    }
    if (SearchFields.itemKey(query).equals(SearchFields.itemKey(id))) {
      return true; // the query cites the item by its id
    }
    Set<String> words = null;
    for (String form : forms(query)) {
      if (form.codePoints()
          .anyMatch(
              c ->
                  Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN
                      && Character.isLetter(c))) {
        if (text.contains(form)) {
          return true;
        }
      } else {
        if (words == null) {
          words = new java.util.HashSet<>(SearchAnalysis.terms(english, text));
        }
        List<String> wanted = SearchAnalysis.terms(english, form);
        if (!wanted.isEmpty() && words.containsAll(wanted) || text.contains(form)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Normalised, with a katakana long vowel dropped (サーバー and サーバ are one word) and no space between
   * Japanese characters (a name is written 茗原 秀幸 and searched as 茗原秀幸).
   */
  private static String fold(String text) {
    return SearchAnalysis.normalize(text)
        .replaceAll("(?<=\\p{InKatakana})ー(?!\\p{InKatakana})", "")
        .replaceAll(
            "(?<=[\\p{IsHan}\\p{InHiragana}\\p{InKatakana}])[ \\u3000]+(?=[\\p{IsHan}\\p{InHiragana}\\p{InKatakana}])",
            "")
        .strip();
  }

  @Override
  public void close() {
    english.close();
  }
}
