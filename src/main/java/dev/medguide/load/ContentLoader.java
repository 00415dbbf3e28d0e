package dev.medguide.load;

import dev.medguide.BuildException;
import dev.medguide.config.BuildOptions;
import dev.medguide.model.GuidelineInfo;
import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.PageKey;
import dev.medguide.model.Problems;
import dev.medguide.model.Requirements;
import dev.medguide.model.SiteData;
import dev.medguide.model.SiteModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stage 1: reads every page's header and the data files, checks them, and builds the {@link
 * SiteModel}. Collects all problems instead of stopping at the first.
 */
public final class ContentLoader {
  private static final Set<String> UNSUPPORTED_EXTENSIONS =
      Set.of("md", "markdown", "html", "htm", "yml", "yaml", "json", "ad", "asciidoc");

  private final BuildOptions options;

  public ContentLoader(BuildOptions options) {
    this.options = options;
  }

  /**
   * What a load gave.
   *
   * @param content the model and sources of every page that could be read, with all problems found
   * @param partial whether only changed pages were read again into the previous content
   */
  public record Loaded(LoadedContent content, boolean partial) {}

  /** Loads all the content (see {@link #load(Collection, Optional)}). */
  public LoadedContent load() {
    return load(List.of(), Optional.empty()).content();
  }

  /**
   * Loads the content: after {@code previous}, only the {@code changed} files when that is all that
   * changed (see {@link #reload}); else all of it.
   *
   * @throws BuildException (unchecked) if the content folder cannot be read at all
   */
  public Loaded load(Collection<Path> changed, Optional<LoadedContent> previous) {
    if (!changed.isEmpty() && previous.isPresent()) {
      Optional<LoadedContent> reloaded = reload(previous.get(), changed);
      if (reloaded.isPresent()) {
        return new Loaded(reloaded.get(), true);
      }
    }
    return new Loaded(loadAll(), false);
  }

  private LoadedContent loadAll() {
    Path contentDir = options.contentDir();
    if (!Files.isDirectory(contentDir)) {
      throw new BuildException("content folder not found: " + contentDir);
    }
    Problems problems = new Problems();
    checkTopLevel(contentDir, problems);
    SafePaths.checkLinks(contentDir, "content/", problems);
    SafePaths.checkLinks(options.templatesDir(), "templates/", problems);
    DataReader dataReader = new DataReader(contentDir, problems);
    SiteData data = dataReader.read();
    List<GuidelineInfo> guidelines = data.guidelines();
    Set<String> guidelineIds =
        guidelines.stream().map(GuidelineInfo::id).collect(Collectors.toSet());
    PageReader reader = new PageReader(contentDir, guidelineIds, problems);

    Map<PageKey, SourceFile> sources = new LinkedHashMap<>();
    for (Language lang : new TreeSet<>(options.languages())) {
      for (Path file : files(contentDir.resolve(lang.code()), problems)) {
        reader.read(file, lang).ifPresent(source -> addUnique(sources, source, problems));
      }
    }
    if (options.allLanguages()) {
      checkCounterparts(sources, contentDir, problems);
    }
    checkGuidelineRows(sources, guidelines, dataReader.file(DataReader.GUIDELINES), problems);
    new ContentChecks(sources, data, options.languages(), dataReader, problems).run(contentDir);
    Requirements requirements =
        new RequirementChecks(problems).collect(sources, contentDir, options.languages());
    SiteModel model =
        new SiteModel(
            options.languages(),
            sources.values().stream().map(SourceFile::page).toList(),
            data,
            requirements);
    return new LoadedContent(model, sources, problems, SourceDates.of(contentDir));
  }

  /**
   * Reloads a few changed pages into the content of the last build, when that is all that changed:
   * each path is an existing page's file, its header (and so its title, id, summary, place in the
   * site) and its requirements are unchanged, its sections still match its other language, and the
   * content version is the same (see {@link SourceDates}). Anything else (a new or deleted page, a
   * changed title, a data file, a problem, a first edit after a commit) needs a full load, which
   * finds and reports it.
   *
   * @return the content with the new page sources, or empty if a full load is needed
   */
  private Optional<LoadedContent> reload(LoadedContent previous, Collection<Path> changed) {
    Map<Path, SourceFile> byPath = new HashMap<>();
    previous.sources().values().forEach(s -> byPath.put(absolute(s.path()), s));
    Problems problems = new Problems();
    Set<String> guidelineIds =
        previous.model().data().guidelines().stream()
            .map(GuidelineInfo::id)
            .collect(Collectors.toSet());
    PageReader reader = new PageReader(options.contentDir(), guidelineIds, problems);
    Map<PageKey, SourceFile> sources = new LinkedHashMap<>(previous.sources());
    for (Path file : changed) {
      SourceFile old = byPath.get(absolute(file));
      if (old == null || !Files.isRegularFile(file) || Files.isSymbolicLink(file)) {
        return Optional.empty();
      }
      Optional<SourceFile> read = reader.read(old.path(), old.page().lang());
      if (read.isEmpty()
          || !read.get().page().equals(old.page())
          || !RequirementChecks.unchanged(read.get(), previous.model().requirements())) {
        return Optional.empty();
      }
      sources.put(old.page().key(), read.get());
    }
    changed.stream()
        .map(f -> byPath.get(absolute(f)).page().id())
        .distinct()
        .forEach(id -> ContentChecks.sameSections(sources, id, problems));
    SourceDates dates = SourceDates.of(options.contentDir());
    // Every page shows the content version: when it changes, every page changes.
    if (!problems.isEmpty() || !dates.version().equals(previous.dates().version())) {
      return Optional.empty();
    }
    return Optional.of(new LoadedContent(previous.model(), sources, previous.problems(), dates));
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private void checkTopLevel(Path contentDir, Problems problems) {
    try (Stream<Path> entries = Files.list(contentDir)) {
      entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          // .git and other dot-folders (content kept in a repository of its own) are not content.
          .filter(name -> !name.startsWith("."))
          .filter(name -> !name.equals("data") && Language.fromCode(name).isEmpty())
          .sorted()
          .forEach(
              name ->
                  problems.add(
                      contentDir.resolve(name),
                      0,
                      "unknown folder: content/ holds one folder per language (ja, en) and data/"));
    } catch (IOException e) {
      throw new BuildException("cannot list " + contentDir + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> files(Path langDir, Problems problems) {
    if (!Files.isDirectory(langDir)) {
      problems.add(langDir, 0, "missing language folder");
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(langDir)) {
      List<Path> files = new ArrayList<>();
      // A link out of the folder is reported by SafePaths and never read.
      walk.filter(Files::isRegularFile)
          .filter(file -> !Files.isSymbolicLink(file) || SafePaths.inside(file, langDir))
          .sorted()
          .forEach(
              file -> {
                String ext = extension(file);
                if (ext.equals("adoc")) {
                  files.add(file);
                } else if (UNSUPPORTED_EXTENSIONS.contains(ext)) {
                  problems.add(
                      file,
                      0,
                      "unsupported content file: pages are AsciiDoc files ending in .adoc");
                }
              });
      return files;
    } catch (IOException e) {
      throw new BuildException("cannot list " + langDir + ": " + e.getMessage(), e);
    }
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static void addUnique(
      Map<PageKey, SourceFile> sources, SourceFile source, Problems problems) {
    SourceFile earlier = sources.putIfAbsent(source.page().key(), source);
    if (earlier != null) {
      String id = source.page().id();
      problems.add(
          source.path(),
          source.idLine(),
          "duplicate page id '" + id + "': also defined in " + earlier.path());
      problems.add(
          earlier.path(),
          earlier.idLine(),
          "duplicate page id '" + id + "': also defined in " + source.path());
    }
  }

  private static void checkCounterparts(
      Map<PageKey, SourceFile> sources, Path contentDir, Problems problems) {
    Map<String, Set<Language>> languagesById = new HashMap<>();
    sources
        .keySet()
        .forEach(k -> languagesById.computeIfAbsent(k.id(), x -> new HashSet<>()).add(k.lang()));
    for (SourceFile source : sources.values()) {
      Page page = source.page();
      for (Language other : Language.values()) {
        if (!languagesById.get(page.id()).contains(other)) {
          String rest =
              page.url().substring(page.lang().code().length() + 1).replaceAll("\\.html$", ".adoc");
          Path expected = contentDir.resolve(other.code()).resolve(rest);
          problems.add(
              source.path(),
              source.idLine(),
              "page '"
                  + page.id()
                  + "' has no "
                  + other
                  + " counterpart (expected "
                  + expected
                  + ")");
        }
      }
    }
  }

  private static void checkGuidelineRows(
      Map<PageKey, SourceFile> sources,
      List<GuidelineInfo> guidelines,
      Path guidelinesFile,
      Problems problems) {
    Set<String> rows =
        guidelines.stream().map(g -> g.id() + "/" + g.lang().code()).collect(Collectors.toSet());
    Set<String> reported = new HashSet<>();
    for (SourceFile source : sources.values()) {
      Optional<String> guideline = source.page().guideline();
      String key = guideline.map(g -> g + "/" + source.page().lang().code()).orElse(null);
      if (key != null && !rows.contains(key) && reported.add(key)) {
        problems.add(
            guidelinesFile,
            0,
            "no row for guideline " + guideline.get() + " in " + source.page().lang());
      }
    }
  }
}
