package dev.medguide.render;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.template.RenderingException;

/**
 * The Oven's document step, in place of JBake's {@code DocumentsRenderer} (see {@link
 * RenderingTools}): takes every document the crawler stored and runs it through the renderer, on
 * the renderer's workers when it has them ({@link ConcurrentRenderer}).
 *
 * <p>JBake's own step queries the store for all documents of the page's type, once per page, to
 * find its previous and next document, which makes rendering quadratic in the number of pages (at
 * 1,040 pages the render stage took 43 s with it and 14 s with this step). Our templates take
 * navigation from the content model and never read previous or next, so this step does not look
 * them up. Nor does it mark each document rendered in the store (one more query per page): the
 * store lives for one build.
 */
public final class PageRenderingTool implements org.jbake.render.RenderingTool {
  @Override
  public int render(Renderer renderer, ContentStore db, JBakeConfiguration config)
      throws RenderingException {
    DocumentList<DocumentModel> documents = db.getUnrenderedContent();
    Executor workers =
        renderer instanceof ConcurrentRenderer concurrent ? concurrent.workers() : Runnable::run;
    Consumer<DocumentModel> prepare =
        renderer instanceof ConcurrentRenderer concurrent ? concurrent.prepare() : d -> {};
    List<CompletableFuture<String>> results = new ArrayList<>();
    for (DocumentModel document : documents) {
      results.add(
          CompletableFuture.supplyAsync(() -> renderOne(renderer, prepare, document), workers));
    }
    List<String> errors = new ArrayList<>();
    for (CompletableFuture<String> result : results) {
      try {
        String error = result.join();
        if (error != null) {
          errors.add(error);
        }
      } catch (CompletionException e) {
        errors.add(String.valueOf(e.getCause()));
      }
    }
    if (!errors.isEmpty()) {
      throw new RenderingException(
          "Failed to render documents. Cause(s):\n" + String.join("\n", errors));
    }
    return documents.size();
  }

  /** JBake's older entry point; the Oven calls the other one. */
  @Override
  public int render(
      Renderer renderer,
      ContentStore db,
      File destination,
      File templatesPath,
      CompositeConfiguration config)
      throws RenderingException {
    throw new UnsupportedOperationException("medguide renders through the JBake configuration");
  }

  /** Renders one document; returns its error, or null. */
  private static String renderOne(
      Renderer renderer, Consumer<DocumentModel> prepare, DocumentModel document) {
    try {
      prepare.accept(document);
      renderer.render(document);
      return null;
    } catch (Exception e) {
      return e.getMessage();
    } finally {
      document.setBody(""); // written: its memory is free for the pages still to render
    }
  }

  /**
   * JBake's renderer, with the threads its pages may be rendered on and what to do to a document
   * before it is rendered (put back its body, see {@link AsciidocPageParser#keepBodiesAside}).
   */
  static final class ConcurrentRenderer extends Renderer {
    private final Executor workers;
    private final Consumer<DocumentModel> prepare;

    ConcurrentRenderer(
        ContentStore db,
        JBakeConfiguration config,
        PageTemplateEngine engine,
        Executor workers,
        Consumer<DocumentModel> prepare) {
      super(db, config, engine);
      this.workers = workers;
      this.prepare = prepare;
    }

    Executor workers() {
      return workers;
    }

    Consumer<DocumentModel> prepare() {
      return prepare;
    }
  }
}
