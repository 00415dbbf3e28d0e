package dev.medguide.render;

import dev.medguide.config.BuildOptions;
import java.io.File;
import java.nio.file.Path;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.DBUtil;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.model.DocumentTypes;
import org.jbake.parser.Engines;
import org.jbake.parser.ParserEngine;

/**
 * Everything of JBake's that is process-wide, in one place: its configuration factory, its
 * registries of document types and of parser engines, and its content store. The classes that plug
 * into JBake (our parser, template engine, rendering step, assets) extend its types; only this one
 * changes its global state.
 */
final class JBakeAdapter {
  /** The JBake document type of every page; its template is {@code templates/page.ftl}. */
  static final String DOCUMENT_TYPE = "page";

  private static final String TEMPLATE = "page.ftl";
  private static final String STATIC_FOLDER = "static";

  private JBakeAdapter() {}

  /**
   * Starts OrientDB, creates an in-memory store and gives it the schema of JBake's document types,
   * the slowest part of JBake's start-up; the Oven later finds it all in place.
   */
  static String startStore() {
    String name = "medguide-" + Long.toHexString(System.nanoTime());
    DocumentTypes.resetDocumentTypes();
    new JBakeConfigurationFactory()
        .createDefaultJbakeConfiguration(new File("."), new File("."), (File) null, true)
        .getDocumentTypes()
        .forEach(DocumentTypes::addDocumentType);
    DocumentTypes.addDocumentType(DOCUMENT_TYPE);
    ContentStore store = new ContentStore("memory", name);
    store.startup();
    return name;
  }

  /** JBake's configuration for a build of {@code options} into {@code stagingDir}. */
  static DefaultJBakeConfiguration configuration(BuildOptions options, Path stagingDir) {
    File source = options.contentDir().toAbsolutePath().normalize().getParent().toFile();
    DefaultJBakeConfiguration config =
        new JBakeConfigurationFactory()
            .createDefaultJbakeConfiguration(source, stagingDir.toFile(), (File) null, true);
    CompositeConfiguration properties = config.getCompositeConfiguration();
    config.setContentFolder(options.contentDir().toAbsolutePath().toFile());
    config.setTemplateFolder(options.templatesDir().toAbsolutePath().toFile());
    config.setAssetFolder(options.templatesDir().resolve(STATIC_FOLDER).toAbsolutePath().toFile());
    config.setDataFolder(options.contentDir().resolve("data").toAbsolutePath().toFile());
    config.setTemplateFileNameForDocType(DOCUMENT_TYPE, TEMPLATE);
    // Only the page renderer: no blog index, feed, archive, tags, sitemap or 404 of JBake's.
    for (String render :
        new String[] {"index", "feed", "archive", "tags", "tagsindex", "sitemap", "error404"}) {
      properties.setProperty("render." + render, false);
    }
    properties.setProperty("img.path.update", false);
    properties.setProperty("asciidoctor.attributes.export", false);
    properties.setProperty("db.store", "memory");
    properties.setProperty("db.path", "medguide-" + Long.toHexString(System.nanoTime()));
    return config;
  }

  /** Drops and closes a store if it was started, to free its memory. */
  static void dropQuietly(ContentStore db) {
    try {
      if (db.isActive()) {
        db.drop();
        db.close();
      }
    } catch (RuntimeException e) {
      // Already gone (the Oven failed to start it): nothing to free.
    }
  }

  /** A content store for the configuration (opened by the Oven, or never). */
  static ContentStore store(DefaultJBakeConfiguration config) {
    return DBUtil.createDataStore(config);
  }

  /**
   * Makes {@code parser} JBake's engine for every page extension. JBake looks engines up in a
   * static registry: ours handles them all, so only the pages of the content model are crawled.
   */
  static void useEngine(ParserEngine parser) {
    Engines.getRecognizedExtensions().forEach(ext -> Engines.register(ext, parser));
  }
}
