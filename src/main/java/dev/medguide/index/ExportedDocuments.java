package dev.medguide.index;

import dev.medguide.BuildException;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;

/**
 * The documents of one language as the static index numbers them: in the order of the site's pages,
 * whatever order a one-page rebuild left them in the Lucene index.
 *
 * @param docIds each exported document's Lucene document number, by export number
 * @param rows id, URL, title, headings and keywords (one per line) of each document, for {@code
 *     docs-N.js}
 * @param classes the distinct (guideline, kind, prior) of the documents
 * @param classOfDoc per document, the character of its class ({@link #CLASS_CODES})
 * @param priors per document, its prior weight
 * @param pages the page of each Lucene document number that has one
 * @param items each requirement's exact references ({@link SearchFields#ITEM}: its id, its section
 *     and number) → its document, in document order: the static search puts an item first when the
 *     query is one of them, as the Lucene search does
 */
record ExportedDocuments(
    List<Integer> docIds,
    List<List<String>> rows,
    List<List<Object>> classes,
    String classOfDoc,
    float[] priors,
    Map<Integer, Page> pages,
    Map<String, Integer> items) {

  /** The characters that name a document's class in {@code meta.cls}, in order. */
  static final String CLASS_CODES = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private record Doc(int global, Page page, Document stored) {}

  static ExportedDocuments collect(DirectoryReader reader, Language lang, SiteModel model)
      throws IOException {
    List<Doc> found = live(reader, lang, model);
    List<Integer> docIds = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    List<List<Object>> classes = new ArrayList<>();
    StringBuilder classOfDoc = new StringBuilder();
    float[] priors = new float[found.size()];
    Map<Integer, Page> pages = new LinkedHashMap<>();
    Map<String, Integer> items = new LinkedHashMap<>();
    for (Doc doc : found) {
      Document stored = doc.stored();
      for (String key : stored.getValues(SearchFields.ITEM)) {
        items.putIfAbsent(key, docIds.size());
      }
      float prior =
          model
              .searchDocument(stored.get(SearchFields.ID), lang)
              .map(SearchFields::weight)
              .orElse(1.0f);
      priors[docIds.size()] = prior;
      docIds.add(doc.global());
      rows.add(
          List.of(
              stored.get(SearchFields.ID),
              stored.get(SearchFields.URL),
              stored.get(SearchFields.TITLE_STORED),
              java.util.Objects.requireNonNullElse(
                  stored.get(SearchFields.field(SearchFields.HEADINGS, lang)), ""),
              java.util.Objects.requireNonNullElse(
                  stored.get(SearchFields.field(SearchFields.KEYWORDS, lang)), "")));
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
    return new ExportedDocuments(
        docIds, rows, classes, classOfDoc.toString(), priors, pages, items);
  }

  /** The live documents of the language, in page order. */
  private static List<Doc> live(DirectoryReader reader, Language lang, SiteModel model)
      throws IOException {
    // Documents of this language in the order of the site's pages, whatever order a one-page
    // rebuild left them in the Lucene index; their position is their number in the export.
    Map<Page, Integer> order = new HashMap<>();
    for (Page page : model.searchDocuments()) {
      order.put(page, order.size());
    }
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
                  model.searchDocument(stored.get(SearchFields.ID), lang).orElse(null),
                  stored));
        }
      }
    }
    found.sort(
        Comparator.comparingInt(
                (Doc doc) -> doc.page() == null ? Integer.MAX_VALUE : order.get(doc.page()))
            .thenComparingInt(Doc::global));
    return found;
  }
}
