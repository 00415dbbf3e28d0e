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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
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

  /** The characters that name a document's class in {@code meta.cls}, in order. */
  private static final String CLASS_CODES = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

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
    // Documents of this language in the order of the site's pages, whatever order a one-page
    // rebuild left them in the Lucene index; their position is their number in the export.
    Map<Page, Integer> order = new HashMap<>();
    for (Page page : model.pages()) {
      order.put(page, order.size());
    }
    record Doc(int global, Page page, Document stored) {}
    List<Doc> found = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue; // replaced by a one-page rebuild
        }
        Document stored = leaf.reader().storedFields().document(d);
        if (stored.get(SearchFields.LANG).equals(lang.code())) {
          found.add(
              new Doc(
                  leaf.docBase + d,
                  model.page(stored.get(SearchFields.ID), lang).orElse(null),
                  stored));
        }
      }
    }
    found.sort(
        Comparator.comparingInt(
                (Doc doc) -> doc.page() == null ? Integer.MAX_VALUE : order.get(doc.page()))
            .thenComparingInt(Doc::global));
    List<Integer> docIds = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    List<List<Object>> classes = new ArrayList<>();
    StringBuilder classOfDoc = new StringBuilder();
    float[] priors = new float[found.size()];
    Map<Integer, Page> pages = new LinkedHashMap<>();
    for (Doc doc : found) {
      Document stored = doc.stored();
      float prior = weight(stored.get(SearchFields.ID), lang);
      priors[docIds.size()] = prior;
      docIds.add(doc.global());
      rows.add(
          List.of(
              stored.get(SearchFields.ID),
              stored.get(SearchFields.URL),
              stored.get(SearchFields.TITLE_STORED)));
      List<Object> docClass =
          List.of(stored.get(SearchFields.GUIDELINE), stored.get(SearchFields.KIND), prior);
      if (!classes.contains(docClass)) {
        if (classes.size() == CLASS_CODES.length()) {
          throw new BuildException("too many kinds of search documents: " + classes);
        }
        classes.add(docClass);
      }
      classOfDoc.append(CLASS_CODES.charAt(classes.indexOf(docClass)));
      if (doc.page() != null) {
        pages.put(doc.global(), doc.page());
      }
    }
    Map<String, Float> boosts = SearchFields.boosts(lang);
    Map<String, Object> average = new LinkedHashMap<>();
    Map<String, Object> docCounts = new LinkedHashMap<>();
    // term → field → [doc, frequency, norm, …], in term order
    Map<String, Map<String, List<Integer>>> postings = new TreeMap<>();
    Map<Integer, Integer> numbers = exportNumbers(docIds);
    for (String name : boosts.keySet()) {
      String field = SearchFields.field(name, lang);
      Map<Integer, Integer> norms = norms(reader, field);
      // Counted over live documents: Lucene's own field statistics still count the documents
      // a one-page rebuild replaced, and the export must equal a full build's.
      long sumTtf = 0;
      Set<Integer> withField = new HashSet<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(field);
        if (terms != null) {
          sumTtf += collectPostings(leaf, terms, name, numbers, norms, postings, withField);
        }
      }
      int docCount = withField.size();
      average.put(name, docCount == 0 ? 0 : (double) sumTtf / docCount);
      docCounts.put(name, docCount);
    }
    Map<String, Map<String, String>> encoded = new TreeMap<>();
    postings.forEach(
        (term, byField) -> {
          Map<String, String> lists = new TreeMap<>();
          byField.forEach(
              (field, list) ->
                  lists.put(
                      field,
                      encode(
                          list,
                          ((Number) average.get(field)).doubleValue(),
                          priors,
                          KEEP_POSTINGS)));
          encoded.put(term, lists);
        });
    postings.clear();
    Map<String, List<String>> lexicon = lexicon(lang, pages.values(), texts, pageSpellings);
    // The lexicon goes in meta.js: spellings of one character and those that are not their own
    // index term as they are (1 standing for a spelling that is its own term), and the others
    // (nearly all) as a Bloom filter, so that a query needs no file to be segmented.
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
    Map<String, List<String>> expansions = new TreeMap<>(expansion.map(lang));
    int postingShards = shardCount(encoded, MIN_POSTINGS_SHARDS, POSTINGS_SHARD_BYTES);
    int expansionShards = shardCount(expansions, MIN_EXPANSION_SHARDS, EXPANSION_SHARD_BYTES);

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("version", FORMAT);
    meta.put("lang", lang.code());
    meta.put("k1", SearchFields.K1);
    meta.put("b", SearchFields.B);
    meta.put("boosts", boosts);
    meta.put("avg", average);
    meta.put("docCount", docCounts);
    meta.put("count", docIds.size());
    // Ordered maps only: Map.of iterates in a different order in every JVM, and the export
    // must be byte-for-byte reproducible.
    Map<String, Integer> shards = new LinkedHashMap<>();
    shards.put("expand", expansionShards);
    shards.put("postings", postingShards);
    shards.put("docs", DOCS_PER_SHARD);
    shards.put("text", TEXT_CHUNK);
    meta.put("shards", shards);
    meta.put("classes", classes);
    meta.put("cls", classOfDoc.toString());
    meta.put("one", oneCharacter);
    meta.put("words", otherTerms);
    Map<String, Object> filterData = new LinkedHashMap<>();
    filterData.put("size", filter.size());
    filterData.put("probes", SpellingFilter.PROBES);
    filterData.put("bits", filter.encoded());
    meta.put("filter", filterData);
    // Glossary variants (取り扱い → 取扱い) are replaced anywhere in a query, even inside a word:
    // they are few, and meta.js has them all.
    meta.put("variants", new TreeMap<>(expansion.variants()));
    long bytes = write(dir.resolve("meta.js"), lang, "meta", meta);

    List<Map<String, Map<String, String>>> postingFiles = new ArrayList<>();
    for (int i = 0; i < postingShards; i++) {
      postingFiles.add(new TreeMap<>());
    }
    encoded.forEach(
        (term, byField) ->
            byField.forEach(
                (field, list) ->
                    postingFiles
                        .get(shard(term, postingShards))
                        .computeIfAbsent(field, k -> new TreeMap<>())
                        .put(term, list)));
    for (int i = 0; i < postingShards; i++) {
      bytes +=
          write(dir.resolve("postings-" + i + ".js"), lang, "postings-" + i, postingFiles.get(i));
    }
    List<Map<String, List<String>>> expansionFiles = new ArrayList<>();
    for (int i = 0; i < expansionShards; i++) {
      expansionFiles.add(new TreeMap<>());
    }
    expansions.forEach(
        (key, terms) -> expansionFiles.get(shard(key, expansionShards)).put(key, terms));
    for (int i = 0; i < expansionShards; i++) {
      bytes +=
          write(dir.resolve("expand-" + i + ".js"), lang, "expand-" + i, expansionFiles.get(i));
    }
    for (int from = 0; from < rows.size(); from += DOCS_PER_SHARD) {
      int shard = from / DOCS_PER_SHARD;
      bytes +=
          write(
              dir.resolve("docs-" + shard + ".js"),
              lang,
              "docs-" + shard,
              rows.subList(from, Math.min(from + DOCS_PER_SHARD, rows.size())));
    }
    for (int doc = 0; doc < docIds.size(); doc++) {
      Page page = pages.get(docIds.get(doc));
      String body = page == null || texts.get(page) == null ? "" : texts.get(page).body();
      List<String> chunks = chunks(body);
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
   * A page's text in pieces of at most {@link #TEXT_CHUNK} characters, the first of at most {@link
   * #FIRST_TEXT_CHUNK} (a snippet often comes from the page's start, and then loads only that), cut
   * at line ends if any.
   */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    int from = 0;
    for (int limit = FIRST_TEXT_CHUNK; text.length() - from > limit; limit = TEXT_CHUNK) {
      int end = text.lastIndexOf('\n', from + limit - 1);
      if (end <= from + limit / 2) {
        end = from + limit;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
          end--;
        }
      } else {
        end++; // the line end stays with its line
      }
      chunks.add(text.substring(from, end));
      from = end;
    }
    chunks.add(text.substring(from));
    return chunks;
  }

  /**
   * A term's postings in a field as the static search reads them ({@link PostingCodec}): the number
   * of documents with the term, then per document kept the difference to the previous document's
   * number, the term's frequency and the field's norm (Lucene's one-byte length). A list longer
   * than {@code keep} ({@link #KEEP_POSTINGS}) keeps the documents where the term weighs most in
   * BM25 (frequency against field length, times the document's prior): the term's other documents
   * would be far down any ranking, and its document frequency still counts them all.
   *
   * @param triples document, frequency and norm of each posting, in any document order
   */
  static String encode(List<Integer> triples, double averageLength, float[] priors, int keep) {
    List<int[]> postings = new ArrayList<>();
    for (int i = 0; i < triples.size(); i += 3) {
      postings.add(new int[] {triples.get(i), triples.get(i + 1), triples.get(i + 2)});
    }
    int df = postings.size();
    if (df > keep) {
      postings.sort(
          Comparator.comparingDouble((int[] p) -> -impact(p[1], p[2], averageLength) * priors[p[0]])
              .thenComparingInt(p -> p[0]));
      postings = postings.subList(0, keep);
    }
    postings.sort(Comparator.comparingInt(p -> p[0]));
    StringBuilder out = new StringBuilder(postings.size() * 5 + 2);
    PostingCodec.append(out, df);
    int previous = 0;
    for (int[] p : postings) {
      PostingCodec.append(out, p[0] - previous);
      PostingCodec.append(out, p[1]);
      PostingCodec.append(out, p[2]);
      previous = p[0];
    }
    return out.toString();
  }

  /** The part of a BM25 score that varies between a term's documents, as Lucene computes it. */
  static double impact(int frequency, int norm, double averageLength) {
    double length = SmallFloat.byte4ToInt((byte) norm);
    double k = SearchFields.K1 * (1 - SearchFields.B + SearchFields.B * length / averageLength);
    return frequency / (frequency + k);
  }

  /** The page's prior, as the Lucene index has it. */
  private float weight(String id, Language lang) {
    return model.page(id, lang).map(SearchFields::weight).orElse(1.0f);
  }

  /** Each document's norm of a field (its length as BM25 sees it, in one byte), by document. */
  private static Map<Integer, Integer> norms(DirectoryReader reader, String field)
      throws IOException {
    Map<Integer, Integer> byDoc = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues norms = leaf.reader().getNormValues(field);
      if (norms == null) {
        continue;
      }
      for (int d = norms.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = norms.nextDoc()) {
        byDoc.put(leaf.docBase + d, (int) norms.longValue() & 0xff);
      }
    }
    return byDoc;
  }

  private static Map<Integer, Integer> exportNumbers(List<Integer> docIds) {
    Map<Integer, Integer> numbers = new HashMap<>();
    for (int i = 0; i < docIds.size(); i++) {
      numbers.put(docIds.get(i), i);
    }
    return numbers;
  }

  /**
   * Adds a leaf's postings of a field; adds the documents that have the field to {@code withField}.
   *
   * @return the sum of the term frequencies added
   */
  private static long collectPostings(
      LeafReaderContext leaf,
      Terms terms,
      String fieldName,
      Map<Integer, Integer> docIds,
      Map<Integer, Integer> norms,
      Map<String, Map<String, List<Integer>>> postings,
      Set<Integer> withField)
      throws IOException {
    long sum = 0;
    LeafReader reader = leaf.reader();
    TermsEnum termsEnum = terms.iterator();
    PostingsEnum docs = null;
    for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
      String text = term.utf8ToString();
      docs = termsEnum.postings(docs, PostingsEnum.FREQS);
      List<Integer> list = new ArrayList<>();
      for (int d = docs.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (reader.getLiveDocs() == null || reader.getLiveDocs().get(d)) {
          Integer exported = docIds.get(leaf.docBase + d);
          if (exported != null) {
            list.add(exported);
            list.add(docs.freq());
            sum += docs.freq();
            withField.add(exported);
            list.add(norms.getOrDefault(leaf.docBase + d, 0));
          }
        }
      }
      if (!list.isEmpty()) {
        postings
            .computeIfAbsent(text, k -> new TreeMap<>())
            // A term in several segments (after a one-page rebuild).
            .merge(
                fieldName,
                list,
                (before, after) -> {
                  List<Integer> all = new ArrayList<>(before);
                  all.addAll(after);
                  return all;
                });
      }
    }
    return sum;
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
