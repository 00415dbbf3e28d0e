package dev.medguide.render;

import dev.medguide.load.SourceFile;
import dev.medguide.model.Page;
import dev.medguide.model.Problems;
import java.io.File;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.MarkupEngine;

/**
 * The AsciiDoc engine JBake's crawler calls for each {@code .adoc} file. Unlike JBake's own engine
 * it takes the page's metadata from our content model (no second header parse), converts with the
 * page language's labels, and turns every warning Asciidoctor logs into a problem located at file
 * and line.
 */
final class AsciidocPageParser extends MarkupEngine implements LogHandler {
  /** Model keys our templates read, besides JBake's own. */
  static final String ID = "medguide_id";

  static final String LANG = "medguide_lang";

  /** The crawler's documents have no meaningful date; a fixed one keeps output reproducible. */
  private static final Date EPOCH = new Date(0);

  private final Asciidoctor asciidoctor;
  private final Map<Path, SourceFile> sources;
  private final Messages messages;
  private final SourceLocator locator;
  private final Problems problems;
  private SourceFile current;

  AsciidocPageParser(
      Asciidoctor asciidoctor,
      Map<Path, SourceFile> sourcesByAbsolutePath,
      Messages messages,
      SourceLocator locator,
      Problems problems) {
    this.asciidoctor = asciidoctor;
    this.sources = sourcesByAbsolutePath;
    this.messages = messages;
    this.locator = locator;
    this.problems = problems;
    asciidoctor.registerLogHandler(this);
  }

  /** Stops receiving Asciidoctor's log; call when the build is over. */
  void close() {
    asciidoctor.unregisterLogHandler(this);
  }

  @Override
  public DocumentModel parse(JBakeConfiguration config, File file) {
    SourceFile source = sources.get(file.toPath().toAbsolutePath().normalize());
    if (source == null) {
      return null; // not a page of this build (other language, or unreadable: already reported)
    }
    Page page = source.page();
    DocumentModel document = new DocumentModel();
    document.setType(PageRenderer.DOCUMENT_TYPE);
    document.setStatus("published");
    document.setTitle(page.title());
    document.setDate(EPOCH);
    document.put(ID, page.id());
    document.put(LANG, page.lang().code());
    current = source;
    try {
      document.setBody(asciidoctor.convertFile(file, options(page, file)));
    } finally {
      current = null;
    }
    return document;
  }

  private Options options(Page page, File file) {
    Map<String, Object> attributes = new TreeMap<>(messages.asciidocAttributes(page.lang()));
    attributes.put("lang", page.lang().code());
    attributes.put("medguide-page-id", page.id());
    attributes.put("attribute-missing", "warn");
    attributes.put("idprefix", "");
    attributes.put("idseparator", "-");
    attributes.put("showtitle!", "");
    attributes.put("icons!", "");
    return Options.builder()
        .toFile(false)
        .standalone(false)
        .safe(SafeMode.SAFE)
        .baseDir(file.getParentFile())
        .attributes(Attributes.builder().attributes(attributes).build())
        .build();
  }

  /** Receives Asciidoctor's log: warnings and worse are content problems. */
  @Override
  public void log(LogRecord record) {
    if (record.getSeverity().ordinal() < Severity.WARN.ordinal() || current == null) {
      return;
    }
    locator
        .locate(current, record.getCursor(), record.getMessage())
        .ifPresentOrElse(
            at -> problems.add(at.file(), at.line(), record.getMessage()),
            () -> problems.add(current.path(), 0, record.getMessage()));
  }
}
