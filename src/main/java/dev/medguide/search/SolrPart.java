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
 * Loads medguide's Solr part on demand. Neither the part ({@code dev.medguide.solr}, its own jar
 * {@code medguide-solr.jar}) nor SolrJ is on the class path of {@code build}, which they would only
 * make bigger and slower to start: both are in {@code solr-lib/} beside {@code lib/}, and the
 * commands that use Solr load them here, in a class loader whose parent is the application's, so
 * Lucene, Jackson and the rest of medguide are shared and so are {@link SolrConnector}'s types.
 * When the part is already on the class path (the tests), it is loaded from there.
 */
public final class SolrPart {
  static final String IMPLEMENTATION = "dev.medguide.solr.SolrJConnector";
  private static final String PART = IMPLEMENTATION.replace('.', '/') + ".class";
  private static SolrConnector loaded;

  private SolrPart() {}

  /** The Solr connector, loaded once. */
  public static synchronized SolrConnector connector() {
    if (loaded == null) {
      ClassLoader app = SolrPart.class.getClassLoader();
      ClassLoader loader = app.getResource(PART) != null ? app : isolated(app);
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
    } catch (IOException e) {
      throw new BuildException(
          "medguide's Solr part is not installed: no " + dir + " (" + e.getMessage() + ")", e);
    }
    return new URLClassLoader("medguide-solr", urls.toArray(URL[]::new), app);
  }
}
