package dev.medguide.solr;

import dev.medguide.search.SearchIndex;
import dev.medguide.search.SolrConnector;
import dev.medguide.search.SolrTarget;
import java.nio.file.Path;
import java.util.Optional;

/** medguide's Solr part: publishing and searching through SolrJ (loaded by {@code SolrPart}). */
public final class SolrJConnector implements SolrConnector {
  @Override
  public String publish(
      SolrTarget target,
      Path configset,
      String configName,
      Path documents,
      String site,
      Optional<Creation> create) {
    try (SolrNodes nodes = new SolrNodes(target)) {
      return new SolrPublisher(nodes, target)
          .publish(configset, configName, documents, SolrConnector.checkSite(site), create);
    }
  }

  @Override
  public SearchIndex open(SolrTarget target, String site) {
    return new SolrIndex(target, SolrConnector.checkSite(site));
  }
}
