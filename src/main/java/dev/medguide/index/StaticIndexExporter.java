package dev.medguide.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medguide.BuildException;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * Exports the Lucene index as JavaScript files that the static search loads with {@code <script>}
 * (which works from {@code file://}, unlike fetch): per language a {@code meta.js} (documents,
 * field lengths as Lucene's norms encode them, BM25 parameters, glossary expansions), {@code
 * lexicon-N.js} shards (normalised spelling → index terms, for segmenting queries against the
 * index's own vocabulary), {@code postings-N.js} shards (term → documents and frequencies per
 * field) and {@code text-N.js} shards (page text for snippets). A query loads only the shards its
 * characters and terms hash to.
 */
final class StaticIndexExporter {
  static final String DIR = "assets/search";
  static final int LEXICON_SHARDS = 32;
  static final int POSTINGS_SHARDS = 128;
  static final int DOCS_PER_TEXT_SHARD = 1;

  private final SearchAnalysis analysis;
  private final SiteModel model;
  private final ObjectMapper json = new ObjectMapper();

  StaticIndexExporter(SearchAnalysis analysis, SiteModel model) {
    this.analysis = analysis;
    this.model = model;
  }

  /** Writes the static index for every built language; returns its total size in bytes. */
  long export(Directory directory, Map<Page, PageText> texts, Path siteDir) throws IOException {
    long bytes = 0;
    GlossaryExpansion expansion = new GlossaryExpansion(analysis, model.data().glossary());
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      for (Language lang : model.languages()) {
        bytes +=
            exportLanguage(
                reader, lang, texts, expansion, siteDir.resolve(DIR).resolve(lang.code()));
      }
    }
    return bytes;
  }

  private long exportLanguage(
      DirectoryReader reader,
      Language lang,
      Map<Page, PageText> texts,
      GlossaryExpansion expansion,
      Path dir)
      throws IOException {
    Files.createDirectories(dir);
    // Documents of this language, in index order; their position is their number in the export.
    List<Integer> docIds = new ArrayList<>();
    List<Object> docs = new ArrayList<>();
    Map<Integer, Page> pages = new LinkedHashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue; // replaced by a one-page rebuild
        }
        var stored = leaf.reader().storedFields().document(d);
        if (stored.get(SearchFields.LANG).equals(lang.code())) {
          int global = leaf.docBase + d;
          docIds.add(global);
          docs.add(
              List.of(
                  stored.get(SearchFields.ID),
                  stored.get(SearchFields.URL),
                  stored.get(SearchFields.TITLE_STORED),
                  stored.get(SearchFields.GUIDELINE),
                  stored.get(SearchFields.KIND),
                  weight(stored.get(SearchFields.ID), lang)));
          model.page(stored.get(SearchFields.ID), lang).ifPresent(p -> pages.put(global, p));
        }
      }
    }
    Map<String, Float> boosts = SearchFields.boosts(lang);
    Map<String, Object> lengths = new LinkedHashMap<>();
    Map<String, Object> average = new LinkedHashMap<>();
    Map<String, Object> docCounts = new LinkedHashMap<>();
    List<Map<String, Map<String, List<Integer>>>> postingShards = new ArrayList<>();
    for (int i = 0; i < POSTINGS_SHARDS; i++) {
      postingShards.add(new TreeMap<>());
    }
    for (String name : boosts.keySet()) {
      String field = SearchFields.field(name, lang);
      lengths.put(name, lengths(reader, field, docIds));
      long sumTtf = 0;
      int docCount = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(field);
        if (terms != null) {
          sumTtf += terms.getSumTotalTermFreq();
          docCount += terms.getDocCount();
          collectPostings(leaf, terms, name, exportNumbers(docIds), postingShards);
        }
      }
      average.put(name, docCount == 0 ? 0 : (double) sumTtf / docCount);
      docCounts.put(name, docCount);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("version", 1);
    meta.put("lang", lang.code());
    meta.put("k1", SearchFields.K1);
    meta.put("b", SearchFields.B);
    meta.put("boosts", boosts);
    meta.put("docs", docs);
    meta.put("lengths", lengths);
    meta.put("avg", average);
    meta.put("docCount", docCounts);
    // Ordered maps only: Map.of iterates in a different order in every JVM, and the export
    // must be byte-for-byte reproducible.
    Map<String, Integer> shards = new LinkedHashMap<>();
    shards.put("lexicon", LEXICON_SHARDS);
    shards.put("postings", POSTINGS_SHARDS);
    shards.put("text", DOCS_PER_TEXT_SHARD);
    meta.put("shards", shards);
    meta.put("expansions", expansion.map(lang));
    meta.put("variants", expansion.variants());
    long bytes = write(dir.resolve("meta.js"), lang, "meta", meta);
    for (int i = 0; i < POSTINGS_SHARDS; i++) {
      bytes +=
          write(dir.resolve("postings-" + i + ".js"), lang, "postings-" + i, postingShards.get(i));
    }
    List<Map<String, List<String>>> lexicon = lexicon(lang, pages.values(), texts);
    for (int i = 0; i < LEXICON_SHARDS; i++) {
      bytes += write(dir.resolve("lexicon-" + i + ".js"), lang, "lexicon-" + i, lexicon.get(i));
    }
    List<String> bodies = new ArrayList<>();
    for (int global : docIds) {
      Page page = pages.get(global);
      bodies.add(page == null || texts.get(page) == null ? "" : texts.get(page).body());
    }
    for (int from = 0; from < bodies.size(); from += DOCS_PER_TEXT_SHARD) {
      int shard = from / DOCS_PER_TEXT_SHARD;
      bytes +=
          write(
              dir.resolve("text-" + shard + ".js"),
              lang,
              "text-" + shard,
              bodies.subList(from, Math.min(from + DOCS_PER_TEXT_SHARD, bodies.size())));
    }
    return bytes;
  }

  /** The page's prior, as the Lucene index has it. */
  private float weight(String id, Language lang) {
    return model.page(id, lang).map(SearchFields::weight).orElse(1.0f);
  }

  /** Each document's field length as BM25 sees it: the norm, decoded like Lucene does. */
  private static List<Integer> lengths(DirectoryReader reader, String field, List<Integer> docIds)
      throws IOException {
    Map<Integer, Integer> byDoc = new TreeMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues norms = leaf.reader().getNormValues(field);
      if (norms == null) {
        continue;
      }
      for (int d = norms.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = norms.nextDoc()) {
        byDoc.put(leaf.docBase + d, SmallFloat.byte4ToInt((byte) norms.longValue()));
      }
    }
    return docIds.stream().map(d -> byDoc.getOrDefault(d, 0)).toList();
  }

  private static Map<Integer, Integer> exportNumbers(List<Integer> docIds) {
    Map<Integer, Integer> numbers = new java.util.HashMap<>();
    for (int i = 0; i < docIds.size(); i++) {
      numbers.put(docIds.get(i), i);
    }
    return numbers;
  }

  private static void collectPostings(
      LeafReaderContext leaf,
      Terms terms,
      String fieldName,
      Map<Integer, Integer> docIds,
      List<Map<String, Map<String, List<Integer>>>> shards)
      throws IOException {
    LeafReader reader = leaf.reader();
    TermsEnum termsEnum = terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
      String text = term.utf8ToString();
      postings = termsEnum.postings(postings, PostingsEnum.FREQS);
      List<Integer> list = new ArrayList<>();
      for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (reader.getLiveDocs() == null || reader.getLiveDocs().get(d)) {
          Integer exported = docIds.get(leaf.docBase + d);
          if (exported != null) {
            list.add(exported);
            list.add(postings.freq());
          }
        }
      }
      if (!list.isEmpty()) {
        shards
            .get(shard(text, POSTINGS_SHARDS))
            .computeIfAbsent(fieldName, k -> new TreeMap<>())
            // A term in several segments (after a one-page rebuild): leaves come in doc order.
            .merge(
                text,
                list,
                (before, after) -> {
                  List<Integer> all = new ArrayList<>(before);
                  all.addAll(after);
                  return all;
                });
      }
    }
  }

  /** Normalised spellings in the pages (and glossary variants) → the index terms they became. */
  private List<Map<String, List<String>>> lexicon(
      Language lang, Iterable<Page> pages, Map<Page, PageText> texts) {
    List<Map<String, List<String>>> shards = new ArrayList<>();
    for (int i = 0; i < LEXICON_SHARDS; i++) {
      shards.add(new TreeMap<>());
    }
    try (Analyzer analyzer = analysis.words(lang, false)) {
      for (Page page : pages) {
        PageText text = texts.get(page);
        if (text != null) {
          for (String part : List.of(text.title(), text.headings(), text.body())) {
            addSurfaces(analyzer, part, shards);
          }
        }
      }
      for (var term : model.data().glossary()) {
        for (String spelling : term.variants()) {
          String surface = SearchAnalysis.normalize(spelling).strip();
          List<String> terms = SearchAnalysis.terms(analyzer, spelling);
          if (!surface.isEmpty() && !terms.isEmpty()) {
            shards.get(shard(surface.substring(0, 1), LEXICON_SHARDS)).putIfAbsent(surface, terms);
          }
        }
      }
    }
    return shards;
  }

  private static void addSurfaces(
      Analyzer analyzer, String text, List<Map<String, List<String>>> shards) {
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String surface =
            SearchAnalysis.normalize(text.substring(offset.startOffset(), offset.endOffset()))
                .strip();
        if (!surface.isEmpty()) {
          List<String> terms =
              shards
                  .get(shard(surface.substring(0, 1), LEXICON_SHARDS))
                  .computeIfAbsent(surface, k -> new ArrayList<>());
          if (!terms.contains(term.toString())) {
            terms.add(term.toString());
          }
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** FNV-1a over UTF-16 code units; the JavaScript side computes the same. */
  static int shard(String key, int shards) {
    int hash = 0x811c9dc5;
    for (int i = 0; i < key.length(); i++) {
      hash ^= key.charAt(i);
      hash *= 0x01000193;
    }
    return (int) (Integer.toUnsignedLong(hash) % shards);
  }

  private long write(Path file, Language lang, String name, Object data) {
    try {
      String js =
          "MedguideSearch.register("
              + json.writeValueAsString(lang.code())
              + ","
              + json.writeValueAsString(name)
              + ","
              + json.writeValueAsString(data)
              + ");\n";
      byte[] bytes = js.getBytes(StandardCharsets.UTF_8);
      Files.write(file, bytes);
      return bytes.length;
    } catch (JsonProcessingException e) {
      throw new BuildException("cannot export the search index: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BuildException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
