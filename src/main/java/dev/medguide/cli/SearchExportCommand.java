package dev.medguide.cli;

import dev.medguide.publish.OutputRefusedException;
import dev.medguide.publish.OutputSafety;
import dev.medguide.search.SolrConnector;
import dev.medguide.search.SolrPart;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code medguide search-export --solr DIR}: the built site's search index for SolrCloud, a
 * configset and the documents (see {@code dev.medguide.solr.SolrExport}).
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
    refuseInsideTheProject(dir, folders);
    SolrConnector.Export exported =
        SolrPart.connector()
            .export(folders.glossary(), folders.site(), SolrConnector.checkSite(site), dir);
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

  /** The export is never written into the content, the templates or the published site. */
  static void refuseInsideTheProject(java.nio.file.Path dir, SiteFolders folders) {
    java.nio.file.Path real = OutputSafety.real(dir);
    for (java.nio.file.Path folder :
        java.util.List.of(folders.content, folders.templates, folders.site())) {
      if (real.startsWith(OutputSafety.real(folder))) {
        throw new OutputRefusedException(
            "refusing to write the Solr export into " + dir + ": it is inside " + folder);
      }
    }
  }
}
