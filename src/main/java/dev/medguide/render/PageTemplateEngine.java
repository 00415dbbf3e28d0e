package dev.medguide.render;

import dev.medguide.internal.Messages;
import dev.medguide.load.LoadedContent;
import dev.medguide.load.SourceFile;
import dev.medguide.model.Language;
import dev.medguide.model.PageKey;
import dev.medguide.model.Problems;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.template.DelegatingTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * JBake's template engine with our content model added: before a page's template runs, the model
 * gets {@code page} (navigation, language switch …, see {@link PageViewBuilder}) and {@code t} (the
 * page language's words). A template error becomes a problem at the template's file and line.
 */
final class PageTemplateEngine extends DelegatingTemplateEngine {
  private final LoadedContent content;
  private final PageViewBuilder views;
  private final Messages messages;
  private final Path templatesDir;
  private final Problems problems;

  PageTemplateEngine(
      ContentStore db,
      JBakeConfiguration config,
      LoadedContent content,
      Messages messages,
      Path templatesDir,
      Problems problems) {
    super(db, config);
    this.content = content;
    this.views = new PageViewBuilder(content.model(), messages);
    this.messages = messages;
    this.templatesDir = templatesDir;
    this.problems = problems;
  }

  @Override
  public void renderDocument(TemplateModel model, String templateName, Writer writer)
      throws RenderingException {
    DocumentModel document = model.getContent();
    Optional<SourceFile> source = sourceOf(document);
    if (source.isPresent()) {
      Language lang = source.get().page().lang();
      Map<String, Object> view = views.build(source.get().page());
      content
          .dates()
          .changed(source.get().path())
          .ifPresent(date -> view.put("changed", date.toString()));
      view.put("version", content.dates().version());
      model.put("page", view);
      model.put("t", messages.ui(lang));
    }
    try {
      super.renderDocument(model, templateName, writer);
    } catch (RenderingException e) {
      report(e, templateName, source);
      throw e;
    }
  }

  private Optional<SourceFile> sourceOf(DocumentModel document) {
    Object id = document.get(AsciidocPageParser.ID);
    Object lang = document.get(AsciidocPageParser.LANG);
    if (id == null || lang == null) {
      return Optional.empty();
    }
    return Language.fromCode(lang.toString())
        .flatMap(l -> content.source(new PageKey(id.toString(), l)));
  }

  private void report(RenderingException e, String templateName, Optional<SourceFile> source) {
    String where = "rendering " + source.map(s -> s.path().toString()).orElse(templateName);
    Throwable cause = e.getCause();
    if (cause instanceof InvalidReferenceException missing
        && missing.getBlamedExpressionString() != null) {
      String name = missing.getBlamedExpressionString();
      Matcher key = MESSAGE_KEY.matcher(name);
      String hint =
          key.matches()
              ? ": no key '"
                  + (key.group(1) != null ? key.group(1) : key.group(2))
                  + "' in "
                  + templatesDir
                      .resolve("i18n")
                      .resolve(
                          source.map(s -> s.page().lang().code()).orElse("<lang>") + ".properties")
              : "";
      problems.addRepeated(
          templateFile(missing, templateName), line(missing), name + " is undefined" + hint, where);
    } else if (cause instanceof TemplateException te) {
      problems.addRepeated(
          templateFile(te, templateName),
          line(te),
          "template error: " + firstLine(te.getMessageWithoutStackTop()),
          where);
    } else if (cause instanceof ParseException pe) {
      problems.addRepeated(
          templatesDir.resolve(templateName),
          pe.getLineNumber(),
          "template syntax error: " + firstLine(pe.getEditorMessage()),
          where);
    } else {
      problems.addRepeated(
          templatesDir.resolve(templateName),
          0,
          "template error: " + firstLine(String.valueOf(e.getMessage())),
          where);
    }
  }

  /** A message looked up in a template: {@code t["nav.label"]} or {@code t.title}. */
  private static final Pattern MESSAGE_KEY = Pattern.compile("t\\[\"([^\"]+)\"\\]|t\\.(\\w+)");

  private Path templateFile(TemplateException e, String templateName) {
    return templatesDir.resolve(
        e.getTemplateSourceName() == null ? templateName : e.getTemplateSourceName());
  }

  private static int line(TemplateException e) {
    return e.getLineNumber() == null ? 0 : e.getLineNumber();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
