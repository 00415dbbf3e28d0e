package dev.medguide.solr;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.medguide.BuildException;
import dev.medguide.index.SearchAnalysis;
import dev.medguide.index.SearchFields;
import dev.medguide.model.Language;
import dev.medguide.search.LuceneIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * A built site's search index for SolrCloud: a configset whose field types analyse text as {@link
 * SearchAnalysis} does (the same tokenizer, dictionary, filters, stop lists and glossary synonyms,
 * as Solr's own factories and files), and the site's documents as JSON, read back from the site's
 * Lucene index so they hold exactly what was indexed. Field {@code body.ja} is {@code body_ja} in
 * Solr; every document carries its {@code site}.
 */
public final class SolrExport {
  /** The file the documents are written to, beside the configset folder. */
  public static final String DOCUMENTS = "documents.json";

  /** The configset folder. */
  public static final String CONFIGSET = "configset";

  public static final String SITE = "site";

  /** The Lucene {@code id} (the page's id); Solr's {@code id} is site, language and page. */
  public static final String PAGE_ID = "page_id";

  private static final List<String> STRING_FIELDS =
      List.of(
          SITE,
          PAGE_ID,
          SearchFields.LANG,
          SearchFields.GUIDELINE,
          SearchFields.KIND,
          SearchFields.SECTION,
          SearchFields.EDITION);

  private SolrExport() {}

  /** Solr's name of an index field: {@code body.ja} is {@code body_ja}. */
  public static String solrName(String luceneName) {
    return luceneName.equals(SearchFields.ID) ? PAGE_ID : luceneName.replace('.', '_');
  }

  /** The index field of a Solr field (the inverse of {@link #solrName}). */
  public static String luceneName(String solrName) {
    if (solrName.equals(PAGE_ID)) {
      return SearchFields.ID;
    }
    for (Language lang : Language.values()) {
      String suffix = "_" + lang.code();
      if (solrName.endsWith(suffix)) {
        return solrName.substring(0, solrName.length() - suffix.length()) + "." + lang.code();
      }
    }
    return solrName;
  }

  /** Solr's unique key of a site's document. */
  public static String solrId(String site, String lang, String pageId) {
    return site + "/" + lang + "/" + pageId;
  }

  /**
   * Writes the configset into {@code dir}: solrconfig.xml, managed-schema.xml and the word lists.
   *
   * @return the configset's name, {@code medguide-} and a hash of its files, so a changed analysis
   *     is a new configset and never overwrites one a collection uses
   */
  public static String writeConfigset(SearchAnalysis analysis, Path dir) {
    Map<String, String> files = new TreeMap<>();
    files.put("solrconfig.xml", solrconfig());
    files.put("managed-schema.xml", SolrSchema.xml());
    files.put("userdict_ja.txt", lines(analysis.userDictionaryLines()));
    files.put(
        "stoptags_ja.txt", lines(SearchAnalysis.japaneseStopTags().stream().sorted().toList()));
    files.put("stopwords_ja.txt", lines(SearchAnalysis.stopWords(Language.JA)));
    files.put("stopwords_en.txt", lines(SearchAnalysis.stopWords(Language.EN)));
    for (Language lang : Language.values()) {
      files.put("synonyms_" + lang.code() + ".txt", synonyms(analysis.synonymRules(lang)));
    }
    try {
      Files.createDirectories(dir);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
        // A file already there is replaced, a symbolic link itself and not what it points to.
        Path target = dir.resolve(file.getKey());
        Files.deleteIfExists(target);
        Files.write(target, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
        digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
      }
      return "medguide-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new BuildException("cannot write the Solr configset in " + dir + ": " + e, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String lines(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  /** Solr's synonym format, one explicit mapping per line; the terms are already analysed. */
  static String synonyms(List<SearchAnalysis.Rule> rules) {
    StringBuilder out = new StringBuilder("# variant => canonical term, analysed (medguide)\n");
    for (SearchAnalysis.Rule rule : rules) {
      out.append(join(rule.from())).append(" => ").append(join(rule.to())).append('\n');
    }
    return out.toString();
  }

  private static String join(List<String> terms) {
    return String.join(" ", terms.stream().map(SolrExport::escape).toList());
  }

  private static String escape(String term) {
    return term.replace("\\", "\\\\").replace(",", "\\,").replace("=>", "\\=>");
  }

  private static String solrconfig() {
    try (InputStream in =
        SolrExport.class.getResourceAsStream("/dev/medguide/solr/solrconfig.xml")) {
      String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return template.replace("@QF@", SolrSchema.queryFields());
    } catch (IOException e) {
      throw new IllegalStateException("the Solr configset template is missing", e);
    }
  }

  /** The string (not analysed) fields of the schema. */
  static List<String> stringFields() {
    return STRING_FIELDS;
  }

  /** The analysed word fields (per language). */
  static List<String> wordFields() {
    return SearchFields.WORD_FIELDS;
  }

  /**
   * Writes every document of a built site's index as a JSON array into {@code file}.
   *
   * @return how many documents were written
   */
  public static int writeDocuments(Path siteDir, String site, Path file) {
    int count = 0;
    try {
      Files.deleteIfExists(file); // a link is replaced, never written through
    } catch (IOException e) {
      throw new BuildException("cannot replace " + file + ": " + e.getMessage(), e);
    }
    try (DirectoryReader reader = LuceneIndex.openReader(siteDir);
        JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      json.writeStartArray();
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            Document document = stored.document(doc);
            if (document.getField(SearchFields.WEIGHT) == null) {
              // An index written before the export existed lacks stored fields it needs.
              throw new BuildException(
                  "the search index of "
                      + siteDir
                      + " was written by an earlier medguide and lacks fields the export needs:"
                      + " build the site again ('medguide build')");
            }
            write(json, document, site);
            count++;
          }
        }
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new BuildException("cannot export the search index of " + siteDir + ": " + e, e);
    }
    return count;
  }

  private static void write(JsonGenerator json, Document doc, String site) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", solrId(site, doc.get(SearchFields.LANG), doc.get(SearchFields.ID)));
    json.writeStringField(SITE, site);
    Map<String, List<IndexableField>> fields = new LinkedHashMap<>();
    for (IndexableField field : doc.getFields()) {
      fields.computeIfAbsent(field.name(), k -> new ArrayList<>()).add(field);
    }
    for (Map.Entry<String, List<IndexableField>> field : fields.entrySet()) {
      String name = solrName(field.getKey());
      if (field.getKey().equals(SearchFields.WEIGHT)) {
        json.writeNumberField(name, field.getValue().get(0).numericValue().floatValue());
      } else if (field.getKey().equals(SearchFields.ITEM)) {
        json.writeArrayFieldStart(name);
        for (IndexableField value : field.getValue()) {
          json.writeString(value.stringValue());
        }
        json.writeEndArray();
      } else {
        json.writeStringField(name, field.getValue().get(0).stringValue());
      }
    }
    json.writeEndObject();
  }
}
