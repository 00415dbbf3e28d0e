package dev.medguide.render;

import dev.medguide.BuildException;
import dev.medguide.model.Language;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
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

  public Messages(Path templatesDir) {
    for (Language lang : Language.values()) {
      byLanguage.put(lang, read(templatesDir.resolve("i18n").resolve(lang.code() + ".properties")));
    }
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

  public String get(Language lang, String key) {
    String value = byLanguage.get(lang).get(key);
    if (value == null) {
      throw new BuildException(
          "missing message '" + key + "' in templates/i18n/" + lang.code() + ".properties");
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
