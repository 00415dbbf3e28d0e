package dev.medguide.solr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medguide.BuildException;
import dev.medguide.search.SolrConnector;
import dev.medguide.search.SolrTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;

/**
 * Publishes a site's exported documents into a collection: the configset uploaded if the cluster
 * lacks it, the collection created if asked, then one update request that deletes the site's
 * documents, adds the new ones and commits, so readers see the old set until the commit and the new
 * one after it, and the other sites' documents are never touched.
 */
final class SolrPublisher {
  private final SolrNodes nodes;
  private final SolrTarget target;

  SolrPublisher(SolrNodes nodes, SolrTarget target) {
    this.nodes = nodes;
    this.target = target;
  }

  String publish(
      Path configset,
      String configName,
      Path documents,
      String site,
      Optional<SolrConnector.Creation> create) {
    List<SolrInputDocument> docs = read(documents, site);
    String done = ensureCollection(configset, configName, create);
    replace(site, docs);
    return "%s; published %d documents of site %s".formatted(done, docs.size(), site);
  }

  /** Makes sure the collection exists (creating it if asked); says what it found or did. */
  private String ensureCollection(
      Path configset, String configName, Optional<SolrConnector.Creation> create) {
    String collection = target.collection();
    List<String> collections =
        nodes.call("list collections", c -> CollectionAdminRequest.listCollections(c));
    if (collections.contains(collection)) {
      String used = configName(collection);
      return used == null || used.equals(configName)
          ? "collection " + collection + " exists"
          : "collection %s exists (warning: it uses configset %s, this site's analysis is %s;"
                  .formatted(collection, used, configName)
              + " its documents are analysed as %s's are)".formatted(used);
    }
    if (create.isEmpty()) {
      throw new BuildException(
          "Solr has no collection '"
              + collection
              + "' (collections: "
              + (collections.isEmpty() ? "none" : String.join(", ", collections))
              + "); add --create to create it");
    }
    boolean uploaded = uploadIfMissing(configset, configName);
    SolrConnector.Creation how = create.get();
    nodes.call(
        "create collection " + collection,
        c ->
            CollectionAdminRequest.createCollection(
                    collection, configName, how.shards(), how.replicas())
                .process(c));
    return "created collection %s (%d shards × %d replicas, configset %s%s)"
        .formatted(
            collection, how.shards(), how.replicas(), configName, uploaded ? ", uploaded" : "");
  }

  /** The configset a collection uses, from the cluster's status (null if not told). */
  private String configName(String collection) {
    Object name =
        nodes.call(
            "read the status of " + collection,
            c ->
                CollectionAdminRequest.getClusterStatus()
                    .setCollectionName(collection)
                    .process(c)
                    .getResponse());
    for (String key : List.of("cluster", "collections", collection, "configName")) {
      name = child(name, key);
    }
    return name == null ? null : name.toString();
  }

  /** A member of a response's part: Solr answers with named lists and maps. */
  private static Object child(Object parent, String key) {
    if (parent instanceof org.apache.solr.common.util.NamedList<?> list) {
      return list.get(key);
    }
    return parent instanceof Map<?, ?> map ? map.get(key) : null;
  }

  /**
   * Replaces the site's documents. Two requests (SolrJ sends an update's deletes after its
   * documents) and one commit: no searcher opens between them (hard auto-commits do not open one),
   * so readers see the old documents until the commit and the new ones after it.
   */
  private void replace(String site, List<SolrInputDocument> docs) {
    String collection = target.collection();
    String ofSite = "{!term f=" + SolrExport.SITE + "}" + site;
    UpdateRequest delete = new UpdateRequest();
    delete.deleteByQuery(ofSite);
    nodes.call("remove site " + site + " from " + collection, c -> delete.process(c, collection));
    UpdateRequest add = new UpdateRequest();
    add.add(docs);
    add.setAction(UpdateRequest.ACTION.COMMIT, true, true);
    nodes.call("publish site " + site + " to " + collection, c -> add.process(c, collection));
    long count =
        nodes.call(
            "count the published documents",
            c ->
                c.query(collection, new SolrQuery("*:*").addFilterQuery(ofSite).setRows(0))
                    .getResults()
                    .getNumFound());
    if (count != docs.size()) {
      throw new BuildException(
          "Solr holds "
              + count
              + " documents of site "
              + site
              + " after publishing "
              + docs.size());
    }
  }

  /** Uploads the configset unless the cluster has it (its name is its content's hash). */
  private boolean uploadIfMissing(Path dir, String name) {
    List<String> present =
        nodes.call(
            "list configsets", c -> new ConfigSetAdminRequest.List().process(c).getConfigSets());
    if (present.contains(name)) {
      return false;
    }
    Path zip;
    try {
      zip = Files.createTempFile("medguide-configset", ".zip");
      try (OutputStream out = Files.newOutputStream(zip);
          ZipOutputStream z = new ZipOutputStream(out);
          Stream<Path> files = Files.list(dir)) {
        for (Path file : files.sorted().toList()) {
          z.putNextEntry(new ZipEntry(file.getFileName().toString()));
          Files.copy(file, z);
          z.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new BuildException("cannot pack the configset " + dir + ": " + e, e);
    }
    try {
      nodes.call(
          "upload configset " + name,
          c ->
              new ConfigSetAdminRequest.Upload()
                  .setConfigSetName(name)
                  .setUploadFile(zip.toFile(), "application/zip")
                  .process(c));
    } finally {
      zip.toFile().delete();
    }
    return true;
  }

  /** The exported documents, checked to be the site's. */
  private static List<SolrInputDocument> read(Path file, String site) {
    List<SolrInputDocument> docs = new ArrayList<>();
    try (JsonParser json = new ObjectMapper().createParser(file.toFile())) {
      if (json.nextToken() != JsonToken.START_ARRAY) {
        throw new BuildException(file + ": not an array of documents");
      }
      while (json.nextToken() == JsonToken.START_OBJECT) {
        JsonNode node = json.readValueAsTree();
        SolrInputDocument doc = new SolrInputDocument();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          JsonNode value = field.getValue();
          if (value.isArray()) {
            value.forEach(v -> doc.addField(field.getKey(), v.asText()));
          } else if (value.isNumber()) {
            doc.addField(field.getKey(), value.floatValue());
          } else {
            doc.addField(field.getKey(), value.asText());
          }
        }
        if (!site.equals(doc.getFieldValue(SolrExport.SITE))) {
          throw new BuildException(
              file
                  + ": a document of site "
                  + doc.getFieldValue(SolrExport.SITE)
                  + ", not "
                  + site);
        }
        docs.add(doc);
      }
    } catch (IOException e) {
      throw new BuildException("cannot read the exported documents " + file + ": " + e, e);
    }
    return docs;
  }
}
