package dev.medguide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.medguide.model.Language;
import dev.medguide.search.SearchHit;
import dev.medguide.search.SiteSearcher;
import dev.medguide.search.SolrPart;
import dev.medguide.search.SolrTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code medguide search}: queries the Lucene index of a built site. */
@Command(
    name = "search",
    description = "Search the built site's index (run build first).",
    mixinStandardHelpOptions = true)
final class SearchCommand implements Callable<Integer> {
  @ParentCommand private Main main;

  @Mixin SiteFolders folders;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      converter = SearchLanguages.Converter.class,
      description =
          "ja, en, all, or auto: ja for a query in Japanese script, otherwise all (default: auto).")
  SearchLanguages lang = SearchLanguages.AUTO;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Most results to show (default: ${DEFAULT-VALUE}).")
  int limit = 10;

  @Option(names = "--json", description = "Print a JSON array, best first.")
  boolean json;

  @Option(
      names = "--search-backend",
      paramLabel = "URL",
      description =
          "Search a SolrCloud collection the site was published to instead of its own index:"
              + " solr://host:8983[,host2:8983]/solr/COLLECTION?site=ID.")
  String searchBackend;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The words to search for.")
  List<String> words;

  @Override
  public Integer call() {
    Logging.configure(false);
    Set<Language> languages = languages(String.join(" ", words));
    var glossary = folders.glossary();
    try (SiteSearcher searcher = searcher(glossary)) {
      List<SearchHit> hits = searcher.search(String.join(" ", words), languages, limit);
      if (json) {
        main.out()
            .println(
                new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(hits));
      } else {
        if (!hits.isEmpty() && hits.get(0).approximate()) {
          main.out().println("no page contains these words; these results contain parts of them:");
        }
        for (int i = 0; i < hits.size(); i++) {
          SearchHit hit = hits.get(i);
          main.out()
              .printf(
                  "%2d. %-8s %s  %s%n    %s%n",
                  i + 1,
                  hit.lang(),
                  hit.title(),
                  hit.url(),
                  hit.snippet().replace("<mark>", "[").replace("</mark>", "]"));
        }
        if (hits.isEmpty()) {
          main.out().println("no results");
        }
      }
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SiteSearcher searcher(List<dev.medguide.model.GlossaryTerm> glossary) {
    if (searchBackend == null) {
      return new SiteSearcher(folders.output, glossary);
    }
    var backend = SolrTarget.ofBackend(searchBackend, System.getenv());
    return new SiteSearcher(
        SolrPart.connector().open(backend.getKey(), backend.getValue()), glossary);
  }

  private Set<Language> languages(String query) {
    return lang.fixed()
        .orElseGet(
            () -> Language.ofQuery(query).map(EnumSet::of).orElse(EnumSet.allOf(Language.class)));
  }

  /**
   * What {@code --lang} asks for: given languages, or none given (auto: by the query's script).
   *
   * @param fixed the languages, or empty for auto
   */
  record SearchLanguages(Optional<Set<Language>> fixed) {
    static final SearchLanguages AUTO = new SearchLanguages(Optional.empty());

    /** Reads {@code ja}, {@code en}, {@code all} or {@code auto}; anything else is exit 2. */
    static final class Converter implements CommandLine.ITypeConverter<SearchLanguages> {
      @Override
      public SearchLanguages convert(String value) {
        return switch (value) {
          case "auto" -> AUTO;
          case "all" -> new SearchLanguages(Optional.of(EnumSet.allOf(Language.class)));
          default ->
              Language.fromCode(value)
                  .map(l -> new SearchLanguages(Optional.<Set<Language>>of(EnumSet.of(l))))
                  .orElseThrow(
                      () ->
                          new CommandLine.TypeConversionException(
                              "unknown language '" + value + "' (ja, en, all, auto)"));
        };
      }
    }
  }
}
