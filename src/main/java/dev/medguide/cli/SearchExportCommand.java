package dev.medguide.cli;

import dev.medguide.BuildException;
import dev.medguide.config.BuildOptions;
import dev.medguide.index.SearchAnalysis;
import dev.medguide.index.SolrExport;
import dev.medguide.load.ContentLoader;
import dev.medguide.model.GlossaryTerm;
import dev.medguide.model.Language;
import dev.medguide.search.SolrConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code medguide search-export --solr DIR}: the built site's search index for SolrCloud, a
 * configset and the documents (see {@link SolrExport}).
 */
@Command(
    name = "search-export",
    description =
        "Write a Solr configset (analysis and weights as medguide's) and the built site's search"
            + " documents as JSON (run build first).",
    mixinStandardHelpOptions = true)
final class SearchExportCommand implements Callable<Integer> {
  @ParentCommand private Main main;

  @Mixin SiteFolders folders;

  @Option(
      names = "--solr",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write configset/ and documents.json into (made if missing).")
  Path dir;

  @Option(
      names = "--site",
      paramLabel = "ID",
      description = "The site's id in a shared collection (default: ${DEFAULT-VALUE}).")
  String site = "medguide";

  @Override
  public Integer call() {
    Logging.configure(false);
    Exported exported = export(folders, SolrConnector.checkSite(site), dir);
    main.out()
        .printf(
            "wrote configset %s (%s) and %d documents of site %s (%s)%n",
            exported.configName(),
            exported.configset(),
            exported.count(),
            site,
            exported.documents());
    return ExitCodes.OK;
  }

  /**
   * What an export wrote.
   *
   * @param configName the configset's name
   */
  record Exported(Path configset, String configName, Path documents, int count) {}

  /** Exports the built site of some folders into {@code dir}. */
  static Exported export(SiteFolders folders, String site, Path dir) {
    Path configset = dir.resolve(SolrExport.CONFIGSET);
    Path documents = dir.resolve(SolrExport.DOCUMENTS);
    try {
      Files.createDirectories(configset);
    } catch (IOException e) {
      throw new BuildException("cannot create " + configset + ": " + e.getMessage(), e);
    }
    String name = SolrExport.writeConfigset(new SearchAnalysis(glossary(folders)), configset);
    int count = SolrExport.writeDocuments(folders.site(), site, documents);
    return new Exported(configset, name, documents, count);
  }

  /** The glossary of the content the site was built from (its analysis depends on it). */
  static List<GlossaryTerm> glossary(SiteFolders folders) {
    BuildOptions options =
        new BuildOptions(
            folders.content,
            folders.templates,
            folders.output,
            EnumSet.allOf(Language.class),
            false,
            Optional.empty(),
            Optional.empty());
    return new ContentLoader(options).load().model().data().glossary();
  }
}
