package dev.medguide.config;

import dev.medguide.model.Language;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one build reads and writes. Read once from the command line; never changed afterwards.
 *
 * @param contentDir the AsciiDoc sources and data files
 * @param templatesDir the Freemarker templates, {@code i18n/} messages and {@code static/} assets
 * @param outputDir the site folder that a successful build replaces
 * @param languages the languages to build
 * @param verbose whether to let JBake and Asciidoctor log their progress
 * @param baseUrl where the site will be published, for the sitemap's absolute URLs
 * @param zip where to write the site as one zip, if wanted
 */
public record BuildOptions(
    Path contentDir,
    Path templatesDir,
    Path outputDir,
    Set<Language> languages,
    boolean verbose,
    Optional<String> baseUrl,
    Optional<Path> zip) {

  public BuildOptions {
    languages = Set.copyOf(languages.isEmpty() ? EnumSet.allOf(Language.class) : languages);
  }

  /** Whether every language is built, so that missing translations are errors. */
  public boolean allLanguages() {
    return languages.size() == Language.values().length;
  }

  /**
   * For tests of publishing: a file whose name is a publish step ({@code journal-written}, …); the
   * build creates it on reaching that step and waits to be killed ({@code
   * -Dmedguide.publishPause=FILE}).
   */
  public Optional<Path> publishPause() {
    return Optional.ofNullable(System.getProperty("medguide.publishPause")).map(Path::of);
  }

  /**
   * Whether to publish by swapping folders in one step where the system can ({@code
   * -Dmedguide.renameExchange=false} tests the two-rename fallback of other systems).
   */
  public boolean renameExchange() {
    return !"false".equals(System.getProperty("medguide.renameExchange"));
  }

  /**
   * For {@code serve}: how long after a partial rebuild the search indexes wait before catching up
   * ({@code -Dmedguide.searchDelay=ms}, default 1000).
   */
  public long searchDelayMillis() {
    return Long.getLong("medguide.searchDelay", 1000);
  }

  /**
   * For {@code serve}: how many answers {@code /api/search} keeps until the next rebuild ({@code
   * -Dmedguide.searchCache=N}, default 2000; 0 turns the cache off).
   */
  public int searchCacheAnswers() {
    return Integer.getInteger("medguide.searchCache", 2000);
  }

  /** The defaults of the command line: {@code content/}, {@code templates/}, {@code site/}. */
  public static BuildOptions defaults(Path projectDir) {
    return new BuildOptions(
        projectDir.resolve("content"),
        projectDir.resolve("templates"),
        projectDir.resolve("site"),
        EnumSet.allOf(Language.class),
        false,
        Optional.empty(),
        Optional.empty());
  }
}
