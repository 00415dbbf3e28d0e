package dev.medguide.internal;

import dev.medguide.BuildException;
import dev.medguide.model.ContentProblemsException;
import dev.medguide.model.Language;
import dev.medguide.model.Problem;
import dev.medguide.model.Problems;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The user-interface words of the site in each language, from {@code
 * templates/i18n/<lang>.properties} (UTF-8). Keys starting with {@code asciidoc.} are Asciidoctor
 * attributes (admonition and caption labels); the others are handed to the templates.
 */
public final class Messages {
  private static final String ASCIIDOC = "asciidoc.";

  private final Map<Language, Map<String, String>> byLanguage = new EnumMap<>(Language.class);
  private final Path templatesDir;

  public Messages(Path templatesDir) {
    this.templatesDir = templatesDir;
    for (Language lang : Language.values()) {
      byLanguage.put(lang, read(file(lang)));
    }
  }

  private Path file(Language lang) {
    return templatesDir.resolve("i18n").resolve(lang.code() + ".properties");
  }

  /**
   * Reports each key that one language's file has and another's lacks, at the line of the file that
   * has it: a page in the other language would miss that word.
   */
  public void check(Problems problems) {
    for (Language lang : Language.values()) {
      for (Language other : Language.values()) {
        for (String key : byLanguage.get(other).keySet()) {
          if (!byLanguage.get(lang).containsKey(key)) {
            problems.add(
                file(other),
                lineOf(file(other), key),
                "'" + key + "' has no translation in " + file(lang));
          }
        }
      }
    }
  }

  /** The line that sets {@code key} in a properties file (1 if not found as written). */
  private static int lineOf(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).stripLeading();
        if (line.startsWith(key)
            && line.substring(key.length()).stripLeading().matches("^[=:].*")) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      // read once already; a line is only a pointer
    }
    return 1;
  }

  /** Words for templates, keyed without prefix. */
  public Map<String, String> ui(Language lang) {
    Map<String, String> ui = new TreeMap<>();
    byLanguage
        .get(lang)
        .forEach(
            (k, v) -> {
              if (!k.startsWith(ASCIIDOC)) {
                ui.put(k, v);
              }
            });
    return ui;
  }

  /** Asciidoctor attributes that localise generated labels. */
  public Map<String, Object> asciidocAttributes(Language lang) {
    Map<String, Object> attributes = new TreeMap<>();
    byLanguage
        .get(lang)
        .forEach(
            (k, v) -> {
              if (k.startsWith(ASCIIDOC)) {
                attributes.put(k.substring(ASCIIDOC.length()), v);
              }
            });
    return attributes;
  }

  /**
   * A word the site's Java code needs; a key missing from the file is a problem of that file (exit
   * 1), like a template's.
   */
  public String get(Language lang, String key) {
    String value = byLanguage.get(lang).get(key);
    if (value == null) {
      throw new ContentProblemsException(
          List.of(new Problem(file(lang), 1, "no message '" + key + "', which the site needs")));
    }
    return value;
  }

  private static Map<String, String> read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new BuildException("cannot read messages " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> map = new TreeMap<>();
    properties.forEach((k, v) -> map.put((String) k, (String) v));
    return map;
  }
}
