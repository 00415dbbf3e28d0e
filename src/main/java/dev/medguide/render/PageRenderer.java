package dev.medguide.render;

import dev.medguide.BuildException;
import dev.medguide.config.BuildOptions;
import dev.medguide.internal.Messages;
import dev.medguide.internal.Workers;
import dev.medguide.load.LoadedContent;
import dev.medguide.load.SourceFile;
import dev.medguide.model.CrosswalkEntry;
import dev.medguide.model.Language;
import dev.medguide.model.PageKey;
import dev.medguide.model.Problems;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.Oven;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.template.RenderingException;

/**
 * Stage 2: renders every page with JBake's Oven — our AsciiDoc engine inside JBake's crawler, then
 * the Freemarker templates on both cores ({@link PageRenderingTool}) — into the staging folder,
 * plus the root page and the theme assets. JBake's process-wide state is touched only through
 * {@link JBakeAdapter}.
 */
public final class PageRenderer {
  private final BuildOptions options;
  private final Toolchain toolchain;

  /**
   * What a partial render leaves for the next: the last conversions (so that a page re-rendered
   * only for its crosswalk partner's sake is not converted again while its text is the same) and
   * the compare views' templates, parsed once. A full render starts afresh.
   */
  public static final class Kept {
    private static final int CONVERSIONS = 64;

    private final Map<Path, AsciidocPageParser.Conversion> conversions;
    private final StandaloneTemplates templates;

    private Kept(
        Map<Path, AsciidocPageParser.Conversion> conversions, StandaloneTemplates templates) {
      this.conversions = conversions;
      this.templates = templates;
    }

    /** Nothing kept: the state after a full render. */
    public static Kept none() {
      return new Kept(Map.of(), null);
    }

    /** A copy to fill, holding the most recently used conversions first to go. */
    private Map<Path, AsciidocPageParser.Conversion> copy() {
      Map<Path, AsciidocPageParser.Conversion> copy =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(
                Map.Entry<Path, AsciidocPageParser.Conversion> eldest) {
              return size() > CONVERSIONS;
            }
          };
      copy.putAll(conversions);
      return copy;
    }
  }

  /**
   * What a render found and left.
   *
   * @param problems the problems found while rendering (markup, templates, empty output)
   * @param kept what the next partial render may reuse
   */
  public record Rendered(Problems problems, Kept kept) {}

  public PageRenderer(BuildOptions options, Toolchain toolchain) {
    this.options = options;
    this.toolchain = toolchain;
  }

  /**
   * Renders into {@code dir} every page, with the root page, the compare views and the site's
   * files; or, given {@code pages} (a partial build after a full one with the same templates,
   * labels and data), only those pages and, so that their compare views can be remade, the pages
   * they are paired with in the crosswalk, plus those compare views.
   *
   * @param pageDone run once per page rendered (progress)
   */
  public Rendered render(
      LoadedContent content,
      Optional<Collection<PageKey>> pages,
      Kept kept,
      Path dir,
      Runnable pageDone) {
    if (pages.isPresent()) {
      return renderSome(content, pages.get(), kept, dir);
    }
    return new Rendered(renderAll(content, dir, pageDone), Kept.none());
  }

  private Problems renderAll(LoadedContent content, Path stagingDir, Runnable pageDone) {
    Problems problems = new Problems();
    Messages messages = new Messages(options.templatesDir());
    messages.check(problems);
    DefaultJBakeConfiguration config = JBakeAdapter.configuration(options, stagingDir);
    toolchain
        .takeStore()
        .ifPresent(name -> config.getCompositeConfiguration().setProperty("db.path", name));
    ContentStore db = JBakeAdapter.store(config);
    AsciidocPageParser parser =
        new AsciidocPageParser(
            toolchain.asciidoctor(),
            sourcesByPath(content),
            messages,
            new SourceLocator(options.contentDir()),
            problems);
    parser.onPage(pageDone);
    parser.keepBodiesAside();
    DataBlocks dataBlocks =
        new DataBlocks(
            content.model(), messages, new DataTemplates(options.templatesDir(), problems));
    dataBlocks.register(toolchain.asciidoctor());
    ExecutorService workers = Workers.perProcessor();
    try {
      parser.convertAhead(workers);
      JBakeAdapter.useEngine(parser);
      Oven oven = new Oven(utensils(config, db, content, messages, problems, workers, parser));
      try {
        RenderingTools.during(oven::bake);
      } finally {
        // The store holds every page; it is not needed after the Oven, so its memory is freed
        // for the stages that follow (and does not pile up over serve's rebuilds).
        JBakeAdapter.dropQuietly(db);
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

  /**
   * No crawl and no store: each page is converted and run through its template directly, as the
   * Oven would (the page template reads nothing from JBake's store).
   */
  private Rendered renderSome(
      LoadedContent content, Collection<PageKey> changed, Kept kept, Path dir) {
    Problems problems = new Problems();
    Messages messages = new Messages(options.templatesDir());
    SiteModel model = content.model();
    Set<String> ids = changed.stream().map(PageKey::id).collect(Collectors.toSet());
    List<CrosswalkEntry> entries =
        model.data().crosswalk().stream()
            .filter(CrosswalkEntry::isPair)
            .filter(e -> ids.contains(e.mhlw().get()) || ids.contains(e.mic().get()))
            .toList();
    Set<Language> languages =
        changed.stream().map(PageKey::lang).collect(Collectors.toCollection(TreeSet::new));
    Map<Path, SourceFile> sources = sourcesOf(content, changed, entries, languages);
    DefaultJBakeConfiguration config = JBakeAdapter.configuration(options, dir);
    ContentStore db = JBakeAdapter.store(config); // never opened
    AsciidocPageParser parser =
        new AsciidocPageParser(
            toolchain.asciidoctor(),
            sources,
            messages,
            new SourceLocator(options.contentDir()),
            problems);
    Map<Path, AsciidocPageParser.Conversion> conversions = kept.copy();
    parser.reuse(conversions);
    DataBlocks dataBlocks =
        new DataBlocks(model, messages, new DataTemplates(options.templatesDir(), problems));
    dataBlocks.register(toolchain.asciidoctor());
    try {
      Renderer renderer =
          new Renderer(
              db,
              config,
              new PageTemplateEngine(
                  db, config, content, messages, options.templatesDir(), problems));
      for (SourceFile source : new TreeMap<>(sources).values()) {
        DocumentModel document = parser.parse(config, source.path().toFile());
        document.setUri(source.page().url());
        try {
          renderer.render(document);
        } catch (Exception e) {
          if (!(e.getCause() instanceof RenderingException)) {
            problems.add(source.path(), 0, "rendering failed: " + e.getMessage());
          }
        }
      }
    } finally {
      parser.close();
      dataBlocks.unregister(toolchain.asciidoctor());
    }
    StandaloneTemplates templates =
        kept.templates != null ? kept.templates : new StandaloneTemplates(options.templatesDir());
    new ComparePageWriter(model, messages, templates).write(dir, entries, languages, problems);
    return new Rendered(problems, new Kept(conversions, templates));
  }

  /** The sources of the changed pages and of their crosswalk partners in the same languages. */
  private static Map<Path, SourceFile> sourcesOf(
      LoadedContent content,
      Collection<PageKey> changed,
      List<CrosswalkEntry> entries,
      Set<Language> languages) {
    Set<PageKey> keys = new TreeSet<>(Comparator.comparing(PageKey::toString));
    keys.addAll(changed);
    for (CrosswalkEntry entry : entries) {
      for (Language lang : languages) {
        keys.add(new PageKey(entry.mhlw().get(), lang));
        keys.add(new PageKey(entry.mic().get(), lang));
      }
    }
    Map<Path, SourceFile> sources = new HashMap<>();
    keys.forEach(
        k ->
            content
                .source(k)
                .ifPresent(s -> sources.put(s.path().toAbsolutePath().normalize(), s)));
    return sources;
  }

  private Utensils utensils(
      DefaultJBakeConfiguration config,
      ContentStore db,
      LoadedContent content,
      Messages messages,
      Problems problems,
      ExecutorService workers,
      AsciidocPageParser parser) {
    Utensils utensils = new Utensils();
    utensils.setConfiguration(config);
    utensils.setContentStore(db);
    utensils.setCrawler(new Crawler(db, config));
    utensils.setRenderer(
        new PageRenderingTool.ConcurrentRenderer(
            db,
            config,
            new PageTemplateEngine(db, config, content, messages, options.templatesDir(), problems),
            workers,
            parser::restoreBody));
    utensils.setAsset(new ThemeAssets(config));
    return utensils;
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
