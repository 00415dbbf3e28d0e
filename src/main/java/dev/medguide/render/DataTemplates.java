package dev.medguide.render;

import dev.medguide.BuildException;
import dev.medguide.model.Problems;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the data tables with the macros of {@code templates/data.ftl}, which a site owner may
 * change: the Java side only prepares each table's view. A template error is a problem of that
 * file, at its line, like a page template's.
 */
final class DataTemplates {
  static final String FILE = "data.ftl";

  private final Path templatesDir;
  private final Configuration freemarker;
  private final Problems problems;

  /** The one-line template that calls each macro, parsed once per macro. */
  private final Map<String, Template> calls = new ConcurrentHashMap<>();

  DataTemplates(Path templatesDir, Problems problems) {
    this.templatesDir = templatesDir;
    this.problems = problems;
    this.freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setDefaultEncoding(StandardCharsets.UTF_8.name());
    freemarker.setNumberFormat("computer");
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    try {
      freemarker.setDirectoryForTemplateLoading(templatesDir.toFile());
    } catch (IOException e) {
      throw new BuildException(
          "cannot read templates from " + templatesDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The HTML of macro {@code name} for {@code view}, with the page language's words {@code t}.
   *
   * @param where the page, for a problem's message
   * @return the HTML, or empty after a problem
   */
  String render(String name, Object view, Map<String, String> t, String where) {
    try {
      Template call = calls.get(name);
      if (call == null) {
        call =
            new Template(
                "data-" + name,
                "<#import \"" + FILE + "\" as d><@d." + name + " view=view t=t/>",
                freemarker);
        calls.put(name, call);
      }
      StringWriter out = new StringWriter();
      call.process(Map.of("view", view, "t", t), out);
      return out.toString();
    } catch (TemplateException e) {
      String file = e.getTemplateSourceName() == null ? FILE : e.getTemplateSourceName();
      String message =
          e instanceof freemarker.core.InvalidReferenceException missing
                  && missing.getBlamedExpressionString() != null
              ? missing.getBlamedExpressionString() + " is undefined"
              : "template error: " + e.getMessageWithoutStackTop().lines().findFirst().orElse("");
      problems.addRepeated(
          templatesDir.resolve(file),
          e.getLineNumber() == null ? 0 : e.getLineNumber(),
          message,
          "rendering " + where);
      return "";
    } catch (IOException e) {
      problems.addRepeated(
          templatesDir.resolve(FILE),
          0,
          "cannot read the template: " + e.getMessage(),
          "rendering " + where);
      return "";
    }
  }
}
