package dev.medguide.solrcluster;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A MiniSolrCloudCluster of two nodes with its ZooKeeper, for the tests. The tests load it in a
 * class loader of its own and talk to it through JDK types only: {@code apply("urls")} gives the
 * nodes' base URLs, {@code apply("stop 1")} stops node 1, {@code apply("start 1")} starts it again.
 */
public final class Cluster implements Function<String, Object>, AutoCloseable {
  private final MiniSolrCloudCluster cluster;

  public Cluster(Path dir, Integer nodes) throws Exception {
    System.setProperty("solr.log.dir", dir.resolve("logs").toString());
    cluster = new MiniSolrCloudCluster.Builder(nodes, dir).configure();
  }

  @Override
  public Object apply(String command) {
    String[] words = command.split(" ");
    try {
      switch (words[0]) {
        case "urls":
          return cluster.getJettySolrRunners().stream()
              .map(j -> j.getBaseUrl().toString())
              .toList();
        case "zk":
          return cluster.getZkServer().getZkAddress();
        case "stop":
          JettySolrRunner node = cluster.getJettySolrRunner(Integer.parseInt(words[1]));
          node.stop();
          return node.getBaseUrl() == null ? "" : node.getBaseUrl().toString();
        case "start":
          cluster.getJettySolrRunner(Integer.parseInt(words[1])).start();
          return List.of();
        default:
          throw new IllegalArgumentException("unknown cluster command: " + command);
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(command + ": " + e, e);
    }
  }

  @Override
  public void close() throws Exception {
    cluster.shutdown();
  }
}
