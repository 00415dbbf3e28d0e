package dev.medguide.render;

import dev.medguide.BuildException;
import dev.medguide.model.Language;
import dev.medguide.model.Problems;
import dev.medguide.model.SiteModel;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the site's root {@code index.html} from {@code templates/root.ftl}: it is in no language,
 * sends the reader to the Japanese home page and offers every built language.
 */
final class RootPageWriter {
  static final String TEMPLATE = "root.ftl";

  private final Path templatesDir;
  private final Messages messages;

  RootPageWriter(Path templatesDir, Messages messages) {
    this.templatesDir = templatesDir;
    this.messages = messages;
  }

  void write(SiteModel model, Path outputDir, Problems problems) {
    Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setDefaultEncoding(StandardCharsets.UTF_8.name());
    Map<String, Object> data = new LinkedHashMap<>();
    List<Map<String, String>> languages = new ArrayList<>();
    for (Language lang : Language.values()) {
      if (model.languages().contains(lang) && model.page("home", lang).isPresent()) {
        languages.add(
            Map.of(
                "lang", lang.code(),
                "url", model.page("home", lang).get().url(),
                "language", messages.get(lang, "language.name"),
                "siteTitle", messages.get(lang, "site.title")));
      }
    }
    data.put("languages", languages);
    data.put("primary", languages.isEmpty() ? Map.of() : languages.get(0));
    try {
      freemarker.setDirectoryForTemplateLoading(templatesDir.toFile());
      Template template = freemarker.getTemplate(TEMPLATE);
      try (Writer out =
          Files.newBufferedWriter(outputDir.resolve("index.html"), StandardCharsets.UTF_8)) {
        template.process(data, out);
      }
    } catch (TemplateException e) {
      int line = Optional.ofNullable(e.getLineNumber()).orElse(0);
      problems.add(
          templatesDir.resolve(TEMPLATE),
          line,
          "template error: " + e.getMessageWithoutStackTop().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new BuildException("cannot write the root page: " + e.getMessage(), e);
    }
  }
}
