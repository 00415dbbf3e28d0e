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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;

/**
 * Exports the Lucene index as JavaScript files that the static search loads with {@code <script>}
 * (which works from {@code file://}, unlike fetch). A query loads only the files its words hash to,
 * and each file stays small however large the site grows, so what a first query loads hardly grows
 * with the site. Per language:
 *
 * <ul>
 *   <li>{@code meta.js}: BM25 parameters and field statistics, shard counts, per document one
 *       character naming its class (guideline, kind and prior), which ranking and filtering need
 *       for every hit, the glossary's variants, and the lexicon (normalised spellings in the pages
 *       → the index terms they became, for segmenting queries against the index's own vocabulary):
 *       spellings of one character and those that are not their own term as a map, the others as a
 *       {@link SpellingFilter}. Loading a file costs a browser more than its bytes do (measured in
 *       headless Chromium from {@code file://}: 2.5 to 4 ms each, one after another), and one file
 *       per query position was the largest part of a first query's files;
 *   <li>{@code expand-N.js}, by the whole key: glossary expansions of a query or query word;
 *   <li>{@code postings-N.js}, by term: per field, the term's postings as a {@link PostingCodec}
 *       string (see {@link #encode}); very common terms keep only the documents they weigh most in;
 *   <li>{@code docs-N.js}: id, URL and title of {@link #DOCS_PER_SHARD} documents, loaded only for
 *       the hits shown;
 *   <li>{@code text-D-N.js}: piece N of document D's text, for its snippet; a snippet loads the
 *       first piece, and the next ones only while the query's words are not found.
 * </ul>
 *
 * Expansion and postings shard counts are powers of two chosen so that a shard averages about
 * {@link #EXPANSION_SHARD_BYTES} and {@link #POSTINGS_SHARD_BYTES}: a query loads one postings
 * shard per term, so small shards keep what it loads small.
 */
final class StaticIndexExporter {
  static final String DIR = "assets/search";
  static final int FORMAT = 3;
  static final int EXPANSION_SHARD_BYTES = 1024;
  static final int POSTINGS_SHARD_BYTES = 2048;
  static final int MIN_EXPANSION_SHARDS = 8;
  static final int MIN_POSTINGS_SHARDS = 16;
  static final int DOCS_PER_SHARD = 8;
  static final int KEEP_POSTINGS = 256;
  static final int TEXT_CHUNK = 1500;
  static final int FIRST_TEXT_CHUNK = 500;

  private final SearchAnalysis analysis;
  private final SiteModel model;
  private final ObjectMapper json = new ObjectMapper();

  StaticIndexExporter(SearchAnalysis analysis, SiteModel model) {
    this.analysis = analysis;
    this.model = model;
  }

  /**
   * Writes the static index for every built language; returns its total size in bytes.
   *
   * @param spellings per language, the spellings of its pages as {@link #addSpellings} collects
   *     them and {@link #merge} joins them in page order, if the caller has them; else they are
   *     collected here
   */
  long export(
      Directory directory,
      Map<Page, PageText> texts,
      Path siteDir,
      Map<Language, Map<String, List<String>>> spellings)
      throws IOException {
    GlossaryExpansion expansion = new GlossaryExpansion(analysis, model.data().glossary());
    // The languages are independent (each writes thousands of files): one thread each, up to the
    // machine's cores.
    int threads = Math.min(model.languages().size(), Runtime.getRuntime().availableProcessors());
    ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, threads));
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      List<Future<Long>> parts = new ArrayList<>();
      for (Language lang : model.languages()) {
        Path dir = siteDir.resolve(DIR).resolve(lang.code());
        parts.add(
            workers.submit(
                () -> exportLanguage(reader, lang, texts, spellings.get(lang), expansion, dir)));
      }
      long bytes = 0;
      for (Future<Long> part : parts) {
        bytes += part.get();
      }
      return bytes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("interrupted while writing the static search index", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new BuildException("cannot export the search index: " + e.getCause(), e);
    } finally {
      workers.shutdownNow();
    }
  }

  private long exportLanguage(
      DirectoryReader reader,
      Language lang,
      Map<Page, PageText> texts,
      Map<String, List<String>> pageSpellings,
      GlossaryExpansion expansion,
      Path dir)
      throws IOException {
    Files.createDirectories(dir);
    ExportedDocuments docs = ExportedDocuments.collect(reader, lang, model);
    Map<String, Float> boosts = SearchFields.boosts(lang);
    ExportedPostings postings = ExportedPostings.collect(reader, lang, boosts, docs);
    Map<String, List<String>> lexicon = lexicon(lang, docs.pages().values(), texts, pageSpellings);
    Map<String, List<String>> expansions = new TreeMap<>(expansion.map(lang));
    int postingShards = shardCount(postings.encoded(), MIN_POSTINGS_SHARDS, POSTINGS_SHARD_BYTES);
    int expansionShards = shardCount(expansions, MIN_EXPANSION_SHARDS, EXPANSION_SHARD_BYTES);

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("version", FORMAT);
    meta.put("lang", lang.code());
    meta.put("k1", SearchFields.K1);
    meta.put("b", SearchFields.B);
    meta.put("boosts", boosts);
    meta.put("match", SearchFields.matchFields().stream().filter(boosts::containsKey).toList());
    meta.put("avg", postings.average());
    meta.put("docCount", postings.docCounts());
    meta.put("count", docs.docIds().size());
    // Ordered maps only: Map.of iterates in a different order in every JVM, and the export
    // must be byte-for-byte reproducible.
    Map<String, Integer> shards = new LinkedHashMap<>();
    shards.put("expand", expansionShards);
    shards.put("postings", postingShards);
    shards.put("docs", DOCS_PER_SHARD);
    shards.put("text", TEXT_CHUNK);
    meta.put("shards", shards);
    meta.put("classes", docs.classes());
    meta.put("cls", docs.classOfDoc());
    meta.put("items", docs.items());
    meta.put("itemBoost", SearchFields.ITEM_BOOST);
    putLexicon(meta, lexicon);
    // Glossary variants (取り扱い → 取扱い) are replaced anywhere in a query, even inside a word:
    // they are few, and meta.js has them all.
    meta.put("variants", new TreeMap<>(expansion.variants()));
    long bytes = write(dir.resolve("meta.js"), lang, "meta", meta);
    bytes += writeShards(dir, lang, "postings-", postingFiles(postings, postingShards));
    bytes += writeShards(dir, lang, "expand-", expansionFiles(expansions, expansionShards));
    for (int from = 0; from < docs.rows().size(); from += DOCS_PER_SHARD) {
      int shard = from / DOCS_PER_SHARD;
      List<List<String>> rows =
          docs.rows().subList(from, Math.min(from + DOCS_PER_SHARD, docs.rows().size()));
      bytes += write(dir.resolve("docs-" + shard + ".js"), lang, "docs-" + shard, rows);
    }
    return bytes + writeTexts(dir, lang, docs, texts);
  }

  /**
   * Puts the lexicon in meta.js: spellings of one character and those that are not their own index
   * term as they are (1 standing for a spelling that is its own term), and the others (nearly all)
   * as a Bloom filter, so that a query needs no file to be segmented.
   */
  private static void putLexicon(Map<String, Object> meta, Map<String, List<String>> lexicon) {
    Map<String, Object> oneCharacter = new TreeMap<>();
    Map<String, Object> otherTerms = new TreeMap<>();
    List<String> ownTerms = new ArrayList<>();
    lexicon.forEach(
        (spelling, terms) -> {
          boolean own = terms.equals(List.of(spelling));
          if (spelling.length() == 1) {
            oneCharacter.put(spelling, own ? 1 : terms);
          } else if (own) {
            ownTerms.add(spelling);
          } else {
            otherTerms.put(spelling, terms);
          }
        });
    SpellingFilter filter = new SpellingFilter(ownTerms);
    meta.put("one", oneCharacter);
    meta.put("words", otherTerms);
    Map<String, Object> filterData = new LinkedHashMap<>();
    filterData.put("size", filter.size());
    filterData.put("probes", SpellingFilter.PROBES);
    filterData.put("bits", filter.encoded());
    meta.put("filter", filterData);
  }

  /** Per postings shard: field → term → postings. */
  private static List<Map<String, Map<String, String>>> postingFiles(
      ExportedPostings postings, int count) {
    List<Map<String, Map<String, String>>> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(new TreeMap<>());
    }
    postings
        .encoded()
        .forEach(
            (term, byField) ->
                byField.forEach(
                    (field, list) ->
                        files
                            .get(shard(term, count))
                            .computeIfAbsent(field, k -> new TreeMap<>())
                            .put(term, list)));
    return files;
  }

  /** Per expansion shard: query key → the terms it expands to. */
  private static List<Map<String, List<String>>> expansionFiles(
      Map<String, List<String>> expansions, int count) {
    List<Map<String, List<String>>> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(new TreeMap<>());
    }
    expansions.forEach((key, terms) -> files.get(shard(key, count)).put(key, terms));
    return files;
  }

  /** Writes {@code prefix0.js} … from the shards' data; returns the bytes written. */
  private long writeShards(Path dir, Language lang, String prefix, List<?> files) {
    long bytes = 0;
    for (int i = 0; i < files.size(); i++) {
      bytes += write(dir.resolve(prefix + i + ".js"), lang, prefix + i, files.get(i));
    }
    return bytes;
  }

  /** Writes each document's text in pieces, {@code text-D-N.js}; returns the bytes written. */
  private long writeTexts(
      Path dir, Language lang, ExportedDocuments docs, Map<Page, PageText> texts) {
    long bytes = 0;
    for (int doc = 0; doc < docs.docIds().size(); doc++) {
      Page page = docs.pages().get(docs.docIds().get(doc));
      String body = page == null || texts.get(page) == null ? "" : texts.get(page).body();
      List<String> chunks = TextChunks.chunks(body);
      for (int n = 0; n < chunks.size(); n++) {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("n", chunks.size());
        chunk.put("t", chunks.get(n));
        String name = "text-" + doc + "-" + n;
        bytes += write(dir.resolve(name + ".js"), lang, name, chunk);
      }
    }
    return bytes;
  }

  /** A power of two, at least {@code min}, that gives shards of about {@code bytes}. */
  private int shardCount(Map<String, ?> entries, int min, int bytes)
      throws JsonProcessingException {
    long total = json.writeValueAsBytes(entries).length;
    int count = min;
    while ((long) count * bytes < total) {
      count *= 2;
    }
    return count;
  }

  /**
   * The lexicon: normalised spellings in the pages (given, then completed here, or collected here)
   * and the glossary's variants → the index terms they became.
   */
  private Map<String, List<String>> lexicon(
      Language lang,
      Iterable<Page> pages,
      Map<Page, PageText> texts,
      Map<String, List<String>> pageSpellings) {
    Map<String, List<String>> spellings = pageSpellings != null ? pageSpellings : new TreeMap<>();
    try (Analyzer analyzer = analysis.words(lang, false)) {
      if (pageSpellings == null) {
        for (Page page : pages) {
          PageText text = texts.get(page);
          if (text != null) {
            addSpellings(analyzer, text, spellings);
          }
        }
      }
      for (var term : model.data().glossary()) {
        for (String spelling : term.variants()) {
          String surface = SearchAnalysis.normalize(spelling).strip();
          List<String> terms = SearchAnalysis.terms(analyzer, spelling);
          if (!surface.isEmpty() && !terms.isEmpty()) {
            spellings.putIfAbsent(surface, terms);
          }
        }
      }
    }
    return spellings;
  }

  /**
   * Adds a page's spellings to a map: each normalised surface of a word in its title, headings and
   * body, with the index terms the query analyzer (given) makes of it, in the order first met.
   */
  static void addSpellings(Analyzer analyzer, PageText text, Map<String, List<String>> out) {
    for (String part : List.of(text.title(), text.headings(), text.body())) {
      addSurfaces(analyzer, part, out);
    }
  }

  /**
   * Adds one page's spellings (from {@link #addSpellings}) to those of the pages before it: what
   * collecting over all the pages in order would give.
   */
  static void merge(Map<String, List<String>> into, Map<String, List<String>> page) {
    page.forEach(
        (surface, terms) -> {
          List<String> known = into.computeIfAbsent(surface, k -> new ArrayList<>(terms.size()));
          for (String term : terms) {
            if (!known.contains(term)) {
              known.add(term);
            }
          }
        });
  }

  private static void addSurfaces(Analyzer analyzer, String text, Map<String, List<String>> out) {
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String surface =
            SearchAnalysis.normalize(text.substring(offset.startOffset(), offset.endOffset()))
                .strip();
        if (!surface.isEmpty()) {
          List<String> terms = out.computeIfAbsent(surface, k -> new ArrayList<>());
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
