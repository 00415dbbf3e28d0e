package dev.medguide.render;

import dev.medguide.BuildException;
import dev.medguide.config.BuildOptions;
import dev.medguide.load.LoadedContent;
import dev.medguide.load.SourceFile;
import dev.medguide.model.Problems;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.DBUtil;
import org.jbake.app.Oven;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;
import org.jbake.template.RenderingException;

/**
 * Stage 2: renders every page with JBake's Oven — our AsciiDoc engine inside JBake's crawler, then
 * the Freemarker templates — into the staging folder, plus the root page and the theme assets.
 * JBake's process-wide registries are touched only here.
 */
public final class PageRenderer {
  /** The JBake document type of every page; its template is {@code templates/page.ftl}. */
  static final String DOCUMENT_TYPE = "page";

  private static final String TEMPLATE = "page.ftl";
  private static final String STATIC_FOLDER = "static";

  private final BuildOptions options;
  private final Toolchain toolchain;

  public PageRenderer(BuildOptions options, Toolchain toolchain) {
    this.options = options;
    this.toolchain = toolchain;
  }

  /**
   * Renders the pages into {@code stagingDir}.
   *
   * @return the problems found while rendering (markup, templates, empty output)
   */
  public Problems render(LoadedContent content, Path stagingDir) {
    Problems problems = new Problems();
    Messages messages = new Messages(options.templatesDir());
    DefaultJBakeConfiguration config = configuration(stagingDir);
    toolchain
        .takeStore()
        .ifPresent(name -> config.getCompositeConfiguration().setProperty("db.path", name));
    ContentStore db = DBUtil.createDataStore(config);
    AsciidocPageParser parser =
        new AsciidocPageParser(
            toolchain.asciidoctor(),
            sourcesByPath(content),
            messages,
            new SourceLocator(options.contentDir()),
            problems);
    DataBlocks dataBlocks = new DataBlocks(content.model(), messages);
    dataBlocks.register(toolchain.asciidoctor());
    ExecutorService workers = toolchain.workers();
    try {
      parser.convertAhead(workers);
      // JBake looks engines up in a static registry: ours handles every page extension, so
      // only the pages of the content model are crawled.
      Engines.getRecognizedExtensions().forEach(ext -> Engines.register(ext, parser));
      Oven oven = new Oven(utensils(config, db, content, messages, problems));
      try {
        oven.bake();
      } finally {
        toolchain.prepareStore();
      }
      // Template failures were reported with file and line by PageTemplateEngine; anything
      // else the Oven collected (an asset that could not be copied) is reported here.
      oven.getErrors().stream()
          .filter(e -> !(e instanceof RenderingException))
          .forEach(
              e -> problems.add(options.templatesDir(), 0, "rendering failed: " + e.getMessage()));
    } finally {
      parser.close();
      workers.shutdown();
      dataBlocks.unregister(toolchain.asciidoctor());
    }
    checkOutputs(content, stagingDir, problems);
    StandaloneTemplates templates = new StandaloneTemplates(options.templatesDir());
    new RootPageWriter(templates, messages).write(content.model(), stagingDir, problems);
    // Compare views are made from the rendered pages, also after problems, so that the link
    // check of this run still finds them.
    new ComparePageWriter(content.model(), messages, templates).write(stagingDir, problems);
    new SiteFilesWriter(content.model(), messages, options.baseUrl())
        .write(stagingDir, templates, problems);
    return problems;
  }

  private Utensils utensils(
      DefaultJBakeConfiguration config,
      ContentStore db,
      LoadedContent content,
      Messages messages,
      Problems problems) {
    Utensils utensils = new Utensils();
    utensils.setConfiguration(config);
    utensils.setContentStore(db);
    utensils.setCrawler(new Crawler(db, config));
    utensils.setRenderer(
        new Renderer(
            db,
            config,
            new PageTemplateEngine(
                db, config, content, messages, options.templatesDir(), problems)));
    utensils.setAsset(new ThemeAssets(config));
    return utensils;
  }

  private DefaultJBakeConfiguration configuration(Path stagingDir) {
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

  private static Map<Path, SourceFile> sourcesByPath(LoadedContent content) {
    Map<Path, SourceFile> byPath = new HashMap<>();
    content.sources().values().forEach(s -> byPath.put(s.path().toAbsolutePath().normalize(), s));
    return byPath;
  }

  /** JBake leaves empty files behind when a template fails; a page must never be published so. */
  private static void checkOutputs(LoadedContent content, Path stagingDir, Problems problems) {
    for (SourceFile source : content.sources().values()) {
      Path output = stagingDir.resolve(source.page().url());
      try {
        if (!Files.isRegularFile(output) || Files.size(output) == 0) {
          problems.add(
              source.path(),
              0,
              "no output was rendered for this page (" + source.page().url() + ")");
        }
      } catch (IOException e) {
        throw new BuildException("cannot read " + output + ": " + e.getMessage(), e);
      }
    }
  }
}
