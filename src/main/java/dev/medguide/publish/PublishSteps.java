package dev.medguide.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The steps of a publish, named so that a test can stop a build between two of them: given a file
 * {@code …/journal-written}, the publish creates that file when it reaches the step of that name
 * and waits there (up to a minute) for the test to kill it. Without one, steps cost nothing.
 */
final class PublishSteps {
  private static final long WAIT_MILLIS = 60_000;

  private final Optional<Path> pauseFile;

  PublishSteps(Optional<Path> pauseFile) {
    this.pauseFile = pauseFile;
  }

  void reached(String step) {
    if (pauseFile.isEmpty() || !pauseFile.get().getFileName().toString().equals(step)) {
      return;
    }
    try {
      Files.createFile(pauseFile.get());
      Thread.sleep(WAIT_MILLIS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
