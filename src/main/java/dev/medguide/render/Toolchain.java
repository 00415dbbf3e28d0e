package dev.medguide.render;

import dev.medguide.BuildException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.asciidoctor.Asciidoctor;

/**
 * The expensive engines a build needs, started once and reused by every build of the process
 * (tests, and later {@code serve}). Asciidoctor starts on a background thread as soon as the
 * toolchain is created, so its JRuby start-up overlaps with loading the content.
 */
public final class Toolchain implements AutoCloseable {
  private final CompletableFuture<Asciidoctor> asciidoctor =
      CompletableFuture.supplyAsync(Asciidoctor.Factory::create);

  /** Asciidoctor, waiting for its start-up to finish if needed. */
  Asciidoctor asciidoctor() {
    try {
      return asciidoctor.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("interrupted while starting Asciidoctor", e);
    } catch (ExecutionException e) {
      throw new BuildException(
          "cannot start Asciidoctor: " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    asciidoctor.thenAccept(Asciidoctor::shutdown);
  }
}
