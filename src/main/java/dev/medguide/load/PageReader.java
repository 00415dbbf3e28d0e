package dev.medguide.load;

import dev.medguide.model.Language;
import dev.medguide.model.Page;
import dev.medguide.model.PageKind;
import dev.medguide.model.Problems;
import dev.medguide.model.SectionNumbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Reads one page file: strict UTF-8, the header, and the checks that need only this file. */
final class PageReader {
  private static final String PREFIX = "jbake-";
  private static final Set<String> KNOWN = Set.of("id", "lang", "summary", "source-note", "order");

  private final Path contentDir;
  private final Set<String> guidelineIds;
  private final Problems problems;

  PageReader(Path contentDir, Set<String> guidelineIds, Problems problems) {
    this.contentDir = contentDir;
    this.guidelineIds = guidelineIds;
    this.problems = problems;
  }

  /** The page, or empty when the file cannot be decoded (its problems are recorded). */
  Optional<SourceFile> read(Path file, Language folderLang) {
    Utf8Reader.Result text = decode(file);
    if (text == null) {
      return Optional.empty();
    }
    if (!text.ok()) {
      problems.add(file, text.badLine(), "not valid UTF-8: save the file as UTF-8");
      return Optional.empty();
    }
    Header header = HeaderReader.read(text.lines());
    checkAttributes(file, header);
    SourceLimits.check(file, text.lines(), header, problems);
    String path = pathWithoutExtension(folderLang, file);
    String expectedId = idForPath(path);
    String id = header.value(PREFIX + "id").orElse("");
    if (!id.isEmpty() && !id.equals(expectedId)) {
      problems.add(
          file,
          header.line(PREFIX + "id"),
          "page id '" + id + "' does not match the file path (expected '" + expectedId + "')");
    }
    header
        .value(PREFIX + "lang")
        .ifPresent(
            lang -> {
              if (!lang.equals(folderLang.code())) {
                problems.add(
                    file,
                    header.line(PREFIX + "lang"),
                    "language '" + lang + "' does not match the folder " + folderLang.code() + "/");
              }
            });
    int order = order(file, header);
    // Header problems fail the build but do not stop rendering: the id and URL follow from the
    // path, so the page still renders and its markup and links are checked in the same run.
    Page page =
        page(expectedId, folderLang, header, order, file, folderLang.code() + "/" + path + ".html");
    return Optional.of(new SourceFile(page, file, text.lines(), header.line(PREFIX + "id")));
  }

  private Utf8Reader.Result decode(Path file) {
    try {
      if (Files.size(file) > SourceLimits.MAX_BYTES) {
        problems.add(
            file,
            0,
            "page larger than " + SourceLimits.MAX_BYTES / (1024 * 1024) + " MiB: split it");
        return null;
      }
      return Utf8Reader.decode(Files.readAllBytes(file));
    } catch (IOException e) {
      problems.add(file, 0, "cannot read: " + e.getMessage());
      return null;
    }
  }

  private void checkAttributes(Path file, Header header) {
    if (header.title().isEmpty()) {
      problems.add(file, 1, "missing document title: the first line must be '= Title'");
    }
    for (String required : new String[] {"id", "lang"}) {
      if (header.value(PREFIX + required).filter(v -> !v.isEmpty()).isEmpty()) {
        problems.add(
            file,
            Math.max(header.endLine(), 1),
            "missing required attribute :" + PREFIX + required + ":");
      }
    }
    header
        .attributes()
        .forEach(
            (name, entry) -> {
              if (name.startsWith(PREFIX) && !KNOWN.contains(name.substring(PREFIX.length()))) {
                problems.add(
                    file,
                    entry.line(),
                    "unknown attribute :"
                        + name
                        + ": (known: jbake-id, jbake-lang, jbake-summary, jbake-source-note, jbake-order)");
              }
            });
  }

  private int order(Path file, Header header) {
    String value = header.value(PREFIX + "order").orElse("0");
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      problems.add(
          file,
          header.line(PREFIX + "order"),
          ":jbake-order: must be an integer, not '" + value + "'");
      return 0;
    }
  }

  private String pathWithoutExtension(Language lang, Path file) {
    String relative =
        contentDir.resolve(lang.code()).relativize(file).toString().replace('\\', '/');
    return relative.substring(0, relative.length() - ".adoc".length());
  }

  /** The id a page at this path must have: index → home, X/index → X, X/Y → X-Y. */
  static String idForPath(String path) {
    if (path.equals("index")) {
      return "home";
    }
    if (path.endsWith("/index")) {
      path = path.substring(0, path.length() - "/index".length());
    }
    return path.replace('/', '-');
  }

  private Page page(String id, Language lang, Header header, int order, Path file, String url) {
    Optional<String> guideline = guidelineOf(id);
    Optional<String> number =
        guideline.filter(g -> !g.equals(id)).map(g -> id.substring(g.length() + 1));
    return new Page(
        id,
        lang,
        kind(id, guideline, number),
        guideline,
        number,
        header.title().orElse(id),
        header.value(PREFIX + "summary").orElse(""),
        header.value(PREFIX + "source-note").orElse(""),
        order,
        file,
        url);
  }

  private Optional<String> guidelineOf(String id) {
    return guidelineIds.stream().filter(g -> id.equals(g) || id.startsWith(g + "-")).findFirst();
  }

  private static PageKind kind(String id, Optional<String> guideline, Optional<String> number) {
    if (id.equals("home")) {
      return PageKind.HOME;
    }
    if (guideline.isEmpty()) {
      return PageKind.PAGE;
    }
    if (number.isEmpty()) {
      return PageKind.GUIDELINE;
    }
    if (SectionNumbers.isChapter(number.get())) {
      return PageKind.CHAPTER;
    }
    return SectionNumbers.isNumber(number.get()) ? PageKind.SECTION : PageKind.ANNEX;
  }
}
