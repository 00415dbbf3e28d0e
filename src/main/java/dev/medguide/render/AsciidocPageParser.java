package dev.medguide.render;

import dev.medguide.BuildException;
import dev.medguide.internal.Messages;
import dev.medguide.load.SourceFile;
import dev.medguide.model.Page;
import dev.medguide.model.Problems;
import java.io.File;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
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
 *
 * <p>JBake's crawler asks for one file at a time, but the conversions are independent: {@link
 * #convertAhead} starts them all on worker threads as soon as the build knows its pages, while
 * JBake is still starting its database. When the crawler asks for a page whose conversion has not
 * started yet, its own thread does it. Each conversion collects its problems separately, so they
 * are reported in the same order whatever thread ran them.
 */
final class AsciidocPageParser extends MarkupEngine implements LogHandler {
  /** Model keys our templates read, besides JBake's own. */
  static final String ID = "medguide_id";

  static final String LANG = "medguide_lang";

  /** Where a document's body waits while it is kept out of JBake's store (see keepBodiesAside). */
  static final String BODY_ASIDE = "medguide_body_aside";

  /** The crawler's documents have no meaningful date; a fixed one keeps output reproducible. */
  private static final Date EPOCH = new Date(0);

  private final Asciidoctor asciidoctor;
  private final Map<Path, SourceFile> sources;
  private final Messages messages;
  private final SourceLocator locator;
  private final Problems problems;

  /** The page being converted on this thread, and where its problems go. */
  private final ThreadLocal<Conversion> current = new ThreadLocal<>();

  private final Map<Path, FutureTask<Conversion>> conversions = new ConcurrentHashMap<>();

  private Runnable pageDone = () -> {};

  /** Bodies of parsed pages kept out of the store, by file; null while bodies go in documents. */
  private Map<String, String> bodiesAside;

  /** A converted page body and the problems Asciidoctor logged while converting it. */
  record Conversion(SourceFile source, String html, Problems problems) {}

  /** Conversions kept from earlier runs, by file, reused while the file's text is the same. */
  private Map<Path, Conversion> kept;

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

  /**
   * Starts converting every page on {@code workers}; {@link #parse} then takes the results. Pages
   * not started when the crawler reaches them are converted on the crawler's thread.
   */
  void convertAhead(ExecutorService workers) {
    boolean first = true;
    for (SourceFile source : new TreeMap<>(sources).values()) {
      FutureTask<Conversion> task = new FutureTask<>(() -> convert(source));
      conversions.put(source.path().toAbsolutePath().normalize(), task);
      if (first) {
        // AsciidoctorJ defines its extension classes during the first conversion; two threads
        // doing that at once redefine them, so the first one runs alone.
        task.run();
        first = false;
      } else {
        workers.execute(task);
      }
    }
  }

  /**
   * Reuses and keeps conversions in {@code kept} (one-page rebuilds): a page whose text has not
   * changed is not converted again. Only for runs whose site data and labels are those the kept
   * conversions were made with.
   */
  void reuse(Map<Path, Conversion> kept) {
    this.kept = kept;
  }

  /**
   * Keeps the bodies of the pages parsed from now on out of their documents, until {@link
   * #restoreBody} puts each back just before its page is rendered. JBake's store would otherwise
   * hold every body twice over a whole build (its records, and the list of documents to render),
   * the bulk of a large site's memory.
   */
  void keepBodiesAside() {
    bodiesAside = new ConcurrentHashMap<>();
  }

  /** Puts back the body {@link #keepBodiesAside} kept out of a document, once. */
  void restoreBody(DocumentModel document) {
    Object key = document.get(BODY_ASIDE);
    String body = key == null || bodiesAside == null ? null : bodiesAside.remove(key.toString());
    if (body != null) {
      document.setBody(body);
    }
  }

  /** Runs {@code pageDone} each time the crawler has taken a converted page (progress). */
  void onPage(Runnable pageDone) {
    this.pageDone = pageDone;
  }

  /** Stops receiving Asciidoctor's log; call when the build is over. */
  void close() {
    conversions.values().forEach(task -> task.cancel(false));
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
    document.setType(JBakeAdapter.DOCUMENT_TYPE);
    document.setStatus("published");
    document.setTitle(page.title());
    document.setDate(EPOCH);
    document.put(ID, page.id());
    document.put(LANG, page.lang().code());
    Conversion conversion = conversion(source);
    problems.addAll(conversion.problems());
    if (bodiesAside == null) {
      document.setBody(conversion.html());
    } else {
      String key = file.toPath().toAbsolutePath().normalize().toString();
      bodiesAside.put(key, conversion.html());
      document.setBody("");
      document.put(BODY_ASIDE, key);
    }
    pageDone.run();
    return document;
  }

  private Conversion conversion(SourceFile source) {
    // Taken once: the crawler asks for each page once, and the body then lives in its document.
    Path file = source.path().toAbsolutePath().normalize();
    FutureTask<Conversion> task = conversions.remove(file);
    if (task == null && kept != null) {
      Conversion earlier = kept.get(file);
      if (earlier != null && earlier.source().lines().equals(source.lines())) {
        return earlier;
      }
      Conversion conversion = convert(source);
      kept.put(file, conversion);
      return conversion;
    }
    if (task == null) {
      return convert(source);
    }
    task.run(); // does nothing if a worker has started it
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("interrupted while converting " + source.path(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new BuildException("cannot convert " + source.path() + ": " + e.getCause(), e);
    }
  }

  private Conversion convert(SourceFile source) {
    Conversion conversion = new Conversion(source, null, new Problems());
    File file = source.path().toAbsolutePath().normalize().toFile();
    current.set(conversion);
    try {
      String html = asciidoctor.convertFile(file, options(source.page(), file));
      RawHtmlPolicy.check(source, html, allowsHtml(source), conversion.problems());
      return new Conversion(source, html, conversion.problems());
    } catch (StackOverflowError e) {
      // Nesting far too deep for the parser; the load stage names the line (SourceLimits).
      conversion.problems().add(source.path(), 0, "nested too deeply to convert");
      return new Conversion(source, "", conversion.problems());
    } catch (OutOfMemoryError e) {
      // This page alone took the memory (the others are small): named, and the build fails.
      conversion.problems().add(source.path(), 0, "ran out of memory converting this page");
      return new Conversion(source, "", conversion.problems());
    } finally {
      current.remove();
    }
  }

  /** Whether the page's header sets {@link RawHtmlPolicy#ALLOW}. */
  private static boolean allowsHtml(SourceFile source) {
    for (String line : source.lines()) {
      if (line.isBlank()) {
        return false; // the header ends at the first blank line
      }
      if (line.strip().startsWith(":" + RawHtmlPolicy.ALLOW + ":")) {
        return true;
      }
    }
    return false;
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
        .sourcemap(true)
        .baseDir(file.getParentFile())
        .attributes(Attributes.builder().attributes(attributes).build())
        .build();
  }

  /** Receives Asciidoctor's log: warnings and worse are content problems. */
  @Override
  public void log(LogRecord record) {
    Conversion conversion = current.get();
    if (record.getSeverity().ordinal() < Severity.WARN.ordinal() || conversion == null) {
      return;
    }
    Problems found = conversion.problems();
    locator
        .locate(conversion.source(), record.getCursor(), record.getMessage())
        .ifPresentOrElse(
            at -> found.add(at.file(), at.line(), record.getMessage()),
            () -> found.add(conversion.source().path(), 0, record.getMessage()));
  }
}
