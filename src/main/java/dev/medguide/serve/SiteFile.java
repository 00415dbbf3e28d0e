package dev.medguide.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one rule for the files serve reads itself (pages it injects the live-reload script into, the
 * 404 page), as Jetty's resource handler applies it to the others: the path, normalised, must lie
 * inside the site, and so must its real path, so a symbolic link in site/ never serves a file from
 * elsewhere.
 */
final class SiteFile {
  private SiteFile() {}

  /** The regular file at a path relative to the site, if it lies inside the site for real. */
  static Optional<Path> inside(Path siteDir, String relative) {
    Path root = siteDir.toAbsolutePath().normalize();
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return file.toRealPath().startsWith(root.toRealPath()) ? Optional.of(file) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
