package dev.medguide.search;

import dev.medguide.BuildException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What medguide does with SolrCloud: publish a site's exported documents into a collection, and
 * search a site's documents there. Implemented by the Solr part ({@code dev.medguide.solr}), which
 * SolrJ is on the class path of only when a command needs it; {@code SolrPart} loads it.
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
   * Puts a site's documents into a collection, replacing the site's earlier ones at one commit:
   * uploads the configset if the cluster lacks it, creates the collection if asked and missing.
   *
   * @param configset the exported configset folder
   * @param configName its name (see {@code SolrExport.writeConfigset})
   * @param documents the exported documents
   * @param site the site's id
   * @param create how to create the collection if it is missing, or empty to require it
   * @return what was done, one line
   * @throws BuildException when Solr is unreachable or refuses, with Solr's reason
   */
  String publish(
      SolrTarget target,
      Path configset,
      String configName,
      Path documents,
      String site,
      Optional<Creation> create);

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
