package dev.medguide.solr;

import dev.medguide.BuildException;
import dev.medguide.index.SearchAnalysis;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.search.SearchIndex;
import dev.medguide.search.SolrConnector;
import dev.medguide.search.SolrTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** medguide's Solr part: exporting, publishing and searching (loaded by {@code SolrPart}). */
public final class SolrJConnector implements SolrConnector {
  @Override
  public Export export(List<GlossaryTerm> glossary, Path siteDir, String site, Path dir) {
    SolrConnector.checkSite(site);
    Path configset = dir.resolve(SolrExport.CONFIGSET);
    Path documents = dir.resolve(SolrExport.DOCUMENTS);
    try {
      Files.createDirectories(configset);
    } catch (IOException e) {
      throw new BuildException("cannot create " + configset + ": " + e.getMessage(), e);
    }
    String name = SolrExport.writeConfigset(new SearchAnalysis(glossary), configset);
    int count = SolrExport.writeDocuments(siteDir, site, documents);
    return new Export(configset, name, documents, count);
  }

  @Override
  public String publish(SolrTarget target, Export export, String site, Optional<Creation> create) {
    try (SolrNodes nodes = new SolrNodes(target)) {
      return new SolrPublisher(nodes, target)
          .publish(
              export.configset(),
              export.configName(),
              export.documents(),
              SolrConnector.checkSite(site),
              create);
    }
  }

  @Override
  public SearchIndex open(SolrTarget target, String site) {
    return new SolrIndex(target, SolrConnector.checkSite(site));
  }
}
