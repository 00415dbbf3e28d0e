package dev.medguide.cli;

import dev.medguide.BuildException;
import dev.medguide.search.SolrConnector;
import dev.medguide.search.SolrPart;
import dev.medguide.search.SolrTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code medguide search-publish --solr URL --collection NAME}: the built site's search documents
 * into a SolrCloud collection, replacing the site's earlier ones at one commit.
 */
@Command(
    name = "search-publish",
    description =
        "Publish the built site's search documents to a SolrCloud collection, replacing this"
            + " site's earlier ones at one commit. Credentials: MEDGUIDE_SOLR_USER and"
            + " MEDGUIDE_SOLR_PASSWORD.",
    mixinStandardHelpOptions = true)
final class SearchPublishCommand implements Callable<Integer> {
  @ParentCommand private Main main;

  @Mixin SiteFolders folders;

  @Option(
      names = "--solr",
      required = true,
      paramLabel = "URL",
      description = "A node's base URL, or several: http://solr1:8983,solr2:8983/solr.")
  String solr;

  @Option(
      names = "--collection",
      required = true,
      paramLabel = "NAME",
      description = "The collection.")
  String collection;

  @Option(
      names = "--site",
      paramLabel = "ID",
      description = "This site's id in the collection (default: ${DEFAULT-VALUE}).")
  String site = "medguide";

  @Option(
      names = "--create",
      description = "Create the collection (and upload the configset) if it is missing.")
  boolean create;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description = "Shards of a created collection (default: ${DEFAULT-VALUE}).")
  int shards = 2;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "Replicas of each shard of a created collection (default: ${DEFAULT-VALUE}).")
  int replicas = 2;

  @Override
  public Integer call() {
    Logging.configure(false);
    SolrTarget target = SolrTarget.of(solr, collection, System.getenv());
    SolrConnector.checkSite(site);
    if (shards < 1 || replicas < 1) {
      throw new BuildException("--shards and --replicas must be at least 1");
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("medguide-solr");
    } catch (IOException e) {
      throw new BuildException("cannot create a temporary folder: " + e.getMessage(), e);
    }
    try {
      SolrConnector connector = SolrPart.connector();
      SolrConnector.Export exported =
          connector.export(folders.glossary(), folders.site(), site, dir);
      String done =
          connector.publish(
              target,
              exported,
              site,
              create
                  ? Optional.of(new SolrConnector.Creation(shards, replicas))
                  : Optional.empty());
      main.out().println(done);
      return ExitCodes.OK;
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
