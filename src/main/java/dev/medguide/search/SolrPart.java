package dev.medguide.search;

import dev.medguide.BuildException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads medguide's Solr part on demand. SolrJ is not on the class path of {@code build} (it would
 * only make it bigger and slower to start): the packaged jar keeps it in {@code solr-lib/} beside
 * {@code lib/}, and the commands that talk to Solr load it here, in a class loader that takes SolrJ
 * and the Solr part ({@code dev.medguide.solr}) from there and everything else (Lucene, Jackson,
 * the rest of medguide) from the application, so both sides share {@link SolrConnector}'s types.
 * When SolrJ is already on the class path (the tests), the part is loaded from it.
 */
public final class SolrPart {
  static final String IMPLEMENTATION = "dev.medguide.solr.SolrJConnector";
  private static final String SOLRJ = "org/apache/solr/client/solrj/SolrClient.class";
  private static SolrConnector loaded;

  private SolrPart() {}

  /** The Solr connector, loaded once. */
  public static synchronized SolrConnector connector() {
    if (loaded == null) {
      ClassLoader app = SolrPart.class.getClassLoader();
      ClassLoader loader = app.getResource(SOLRJ) != null ? app : isolated(app);
      try {
        loaded =
            (SolrConnector)
                Class.forName(IMPLEMENTATION, true, loader).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new BuildException("cannot load medguide's Solr part: " + e, e);
      }
    }
    return loaded;
  }

  /** The folder of the Solr part's libraries: {@code solr-lib} beside the jar's {@code lib}. */
  static Path libraries() {
    try {
      Path code =
          Path.of(SolrPart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getParent().resolve("solr-lib");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ClassLoader isolated(ClassLoader app) {
    Path dir = libraries();
    List<URL> urls = new ArrayList<>();
    try (Stream<Path> jars = Files.list(dir)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        urls.add(jar.toUri().toURL());
      }
      urls.add(SolrPart.class.getProtectionDomain().getCodeSource().getLocation());
    } catch (IOException e) {
      throw new BuildException(
          "medguide's Solr part is not installed: no " + dir + " (" + e.getMessage() + ")", e);
    }
    return new PartLoader(urls.toArray(URL[]::new), app);
  }

  /** Child-first for the Solr part and its libraries; the application's classes otherwise. */
  private static final class PartLoader extends URLClassLoader {
    static {
      ClassLoader.registerAsParallelCapable();
    }

    PartLoader(URL[] urls, ClassLoader parent) {
      super("medguide-solr", urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null && name.startsWith("dev.medguide.solr.")) {
          c = findClass(name);
        }
        if (c == null) {
          try {
            c = getParent().loadClass(name);
          } catch (ClassNotFoundException e) {
            c = findClass(name);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
