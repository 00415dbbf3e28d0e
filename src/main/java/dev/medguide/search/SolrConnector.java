package dev.medguide.search;

import dev.medguide.BuildException;
import dev.medguide.model.GlossaryTerm;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What medguide does with SolrCloud: export a site's search index for Solr, publish it into a
 * collection, and search a site's documents there. Implemented by the Solr part ({@code
 * dev.medguide.solr}, in {@code solr-lib/} with SolrJ), which {@link SolrPart} loads when a command
 * needs it.
 */
public interface SolrConnector {
  /**
   * How to create a missing collection.
   *
   * @param shards its shards
   * @param replicas its replicas of each shard
   */
  record Creation(int shards, int replicas) {}

  /**
   * What an export wrote.
   *
   * @param configset the configset folder
   * @param configName its name: {@code medguide-} and a hash of its files
   * @param documents the documents' JSON file
   * @param count how many documents it holds
   */
  record Export(Path configset, String configName, Path documents, int count) {}

  /**
   * Writes a built site's search index for Solr into {@code dir}: {@code configset/} and {@code
   * documents.json}.
   *
   * @param glossary the glossary the site was built with (its analysis depends on it)
   * @param siteDir the built site
   * @param site the site's id in a shared collection
   */
  Export export(List<GlossaryTerm> glossary, Path siteDir, String site, Path dir);

  /**
   * Puts a site's exported documents into a collection, replacing the site's earlier ones at one
   * commit: uploads the configset if the cluster lacks it, creates the collection if asked and
   * missing.
   *
   * @param site the site's id
   * @param create how to create the collection if it is missing, or empty to require it
   * @return what was done, one line
   * @throws BuildException when Solr is unreachable or refuses, with Solr's reason
   */
  String publish(SolrTarget target, Export export, String site, Optional<Creation> create);

  /** A site's documents in a collection, as an index to search. */
  SearchIndex open(SolrTarget target, String site);

  /** A site id: letters, digits, dot, dash and underscore. */
  static String checkSite(String site) {
    if (!site.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new BuildException(
          "not a site id: '" + site + "' (letters, digits, '.', '-', '_'; at most 64)");
    }
    return site;
  }
}
