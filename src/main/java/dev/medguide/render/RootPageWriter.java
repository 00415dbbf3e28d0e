package dev.medguide.render;

import dev.medguide.internal.Messages;
import dev.medguide.model.Language;
import dev.medguide.model.Problems;
import dev.medguide.model.SiteModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the site's root {@code index.html} from {@code templates/root.ftl}: it is in no language,
 * sends the reader to the Japanese home page and offers every built language.
 */
final class RootPageWriter {
  private final StandaloneTemplates templates;
  private final Messages messages;

  RootPageWriter(StandaloneTemplates templates, Messages messages) {
    this.templates = templates;
    this.messages = messages;
  }

  void write(SiteModel model, Path outputDir, Problems problems) {
    List<Map<String, String>> languages = new ArrayList<>();
    for (Language lang : Language.values()) {
      model
          .page("home", lang)
          .filter(home -> model.languages().contains(lang))
          .ifPresent(
              home ->
                  languages.add(
                      Map.of(
                          "lang", lang.code(),
                          "url", home.url(),
                          "language", messages.get(lang, "language.name"),
                          "siteTitle", messages.get(lang, "site.title"))));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("languages", languages);
    data.put("primary", languages.isEmpty() ? Map.of() : languages.get(0));
    templates.render("root.ftl", data, outputDir.resolve("index.html"), problems);
  }
}
