package dev.medguide.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real SolrCloud cluster in the test JVM: solr-test-framework's MiniSolrCloudCluster (nodes on
 * loopback and an embedded ZooKeeper), from the class path the main build resolves into
 * target/solr-cluster (src/test/solr-cluster/pom.xml). Solr 9 runs on Jetty 10 and medguide on
 * Jetty 12, so the cluster has a class loader of its own, over the JDK alone, and is driven through
 * JDK types.
 */
public final class SolrTestCluster implements AutoCloseable {
  private final URLClassLoader loader;
  private final Function<String, Object> cluster;

  /** Starts a cluster of some nodes in a folder. */
  @SuppressWarnings("unchecked")
  public SolrTestCluster(Path dir, int nodes) throws Exception {
    Path home = TestSites.projectDir().resolve("target/solr-cluster");
    List<URL> urls = new ArrayList<>();
    urls.add(home.resolve("classes").toUri().toURL());
    try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
      for (Path jar : jars.sorted().toList()) {
        urls.add(jar.toUri().toURL());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no SolrCloud test class path in " + home + " (built by mvn's pre-integration-test)", e);
    }
    loader =
        new URLClassLoader(
            "solr-cluster", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      cluster =
          (Function<String, Object>)
              loader
                  .loadClass("dev.medguide.solrcluster.Cluster")
                  .getConstructor(Path.class, Integer.class)
                  .newInstance(dir, nodes);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** The nodes' base URLs ({@code http://127.0.0.1:port/solr}). */
  @SuppressWarnings("unchecked")
  public List<String> urls() {
    return (List<String>) call("urls");
  }

  /** Stops a node. */
  public void stop(int node) {
    call("stop " + node);
  }

  private Object call(String command) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return cluster.apply(command);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      ((AutoCloseable) cluster).close();
    } finally {
      loader.close();
    }
  }
}
