package dev.medguide.render;

import dev.medguide.BuildException;
import dev.medguide.model.Problems;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Freemarker for the pages that have no AsciiDoc source — the root page, compare views, the 404
 * pages — rendered from the same {@code templates/} folder as JBake's pages.
 */
final class StandaloneTemplates {
  private final Path templatesDir;
  private final Configuration freemarker;

  StandaloneTemplates(Path templatesDir) {
    this.templatesDir = templatesDir;
    this.freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setDefaultEncoding(StandardCharsets.UTF_8.name());
    try {
      freemarker.setDirectoryForTemplateLoading(templatesDir.toFile());
    } catch (IOException e) {
      throw new BuildException(
          "cannot read templates from " + templatesDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Renders {@code template} with {@code data} into {@code output}; a template error is a problem.
   */
  void render(String template, Map<String, Object> data, Path output, Problems problems) {
    try {
      Files.createDirectories(output.getParent());
      try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        freemarker.getTemplate(template).process(data, out);
      }
    } catch (TemplateException e) {
      String file = Optional.ofNullable(e.getTemplateSourceName()).orElse(template);
      int line = Optional.ofNullable(e.getLineNumber()).orElse(0);
      problems.add(
          templatesDir.resolve(file),
          line,
          "template error: " + e.getMessageWithoutStackTop().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new BuildException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }
}
