package dev.medguide.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One page in one language: what the loader read from the file's header plus what follows from its
 * id. Immutable; relations between pages live in {@link SiteModel}.
 *
 * @param id stable page id, e.g. {@code mhlw-6.5}
 * @param lang the page's language
 * @param kind what the page is
 * @param guideline {@code mhlw} or {@code mic} for guideline pages
 * @param number the section number within the guideline ({@code 6.5}, {@code 3.3.1-3.3.4}, {@code
 *     annex})
 * @param title the title without the section number
 * @param summary one-sentence summary, may be empty
 * @param sourceNote note shown with the source line, may be empty
 * @param order explicit order among unnumbered pages
 * @param sourceFile the AsciiDoc file, as given to the build (for messages)
 * @param url the output path relative to the site root, with {@code /} separators
 */
public record Page(
    String id,
    Language lang,
    PageKind kind,
    Optional<String> guideline,
    Optional<String> number,
    String title,
    String summary,
    String sourceNote,
    int order,
    Path sourceFile,
    String url) {

  /** The key that identifies this page among all languages' pages. */
  public PageKey key() {
    return new PageKey(id, lang);
  }
}
