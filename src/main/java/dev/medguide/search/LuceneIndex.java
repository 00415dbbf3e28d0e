package dev.medguide.search;

import dev.medguide.BuildException;
import dev.medguide.index.SearchFields;
import dev.medguide.index.SearchIndexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/** The Lucene index of a built site, beside it. Thread-safe. */
public final class LuceneIndex implements SearchIndex {
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  public LuceneIndex(Path siteDir) {
    this.reader = openReader(siteDir);
    this.searcher = new IndexSearcher(reader);
  }

  /**
   * Opens the Lucene index of a built site (the caller closes it).
   *
   * @throws BuildException when the site has no index or it cannot be read
   */
  public static DirectoryReader openReader(Path siteDir) {
    Path indexDir = SearchIndexer.indexDirOf(siteDir);
    if (!Files.isDirectory(indexDir)) {
      throw new BuildException("no search index in " + siteDir + ": run 'medguide build' first");
    }
    try {
      return DirectoryReader.open(FSDirectory.open(indexDir));
    } catch (IOException e) {
      throw new BuildException(
          "cannot open the search index " + indexDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<Found> search(
      Query query,
      int limit,
      int candidates,
      Set<String> testFields,
      Predicate<Document> accept,
      Set<String> fields)
      throws IOException {
    Query weighted =
        FunctionScoreQuery.boostByValue(
            query, DoubleValuesSource.fromFloatField(SearchFields.WEIGHT));
    TopDocs top = searcher.search(weighted, accept == null ? limit : candidates);
    StoredFields stored = searcher.storedFields();
    List<Found> found = new ArrayList<>();
    for (ScoreDoc scoreDoc : top.scoreDocs) {
      if (found.size() == limit) {
        break;
      }
      // A candidate is tested on the fields of the test alone; only a hit's fields are all read.
      if (accept == null || accept.test(stored.document(scoreDoc.doc, testFields))) {
        found.add(new Found(stored.document(scoreDoc.doc, fields), scoreDoc.score));
      }
    }
    return found;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new BuildException("cannot close the search index: " + e.getMessage(), e);
    }
  }
}
