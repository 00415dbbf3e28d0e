package dev.medguide.link;

import dev.medguide.load.SourceFile;
import java.util.Optional;
import org.jsoup.nodes.Document;

/**
 * One HTML file of the staged site while it is post-processed.
 *
 * @param url the file's path relative to the site root, with {@code /} separators
 * @param document the parsed document, changed in place by the steps
 * @param source the page's AsciiDoc source; empty for files that are not pages (the root page)
 */
public record HtmlPage(String url, Document document, Optional<SourceFile> source) {}
