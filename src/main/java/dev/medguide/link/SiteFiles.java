package dev.medguide.link;

import dev.medguide.BuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files and folders of a staged site, listed once, so that checking a link is a set lookup
 * rather than a file-system call (a large site has millions of links).
 */
final class SiteFiles {
  private final Set<String> files = new HashSet<>();
  private final Set<String> folders = new HashSet<>();
  private final List<Path> html = new ArrayList<>();

  private SiteFiles() {}

  /** Lists {@code root}; paths are relative to it, with {@code /} separators. */
  static SiteFiles of(Path root) {
    SiteFiles site = new SiteFiles();
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted()
          .forEach(
              path -> {
                String relative = root.relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                  site.folders.add(relative);
                } else {
                  site.files.add(relative);
                  if (relative.endsWith(".html")) {
                    site.html.add(path);
                  }
                }
              });
    } catch (IOException e) {
      throw new BuildException("cannot read the rendered site: " + e.getMessage(), e);
    }
    return site;
  }

  boolean isFile(String path) {
    return files.contains(path);
  }

  boolean isDirectory(String path) {
    return folders.contains(path);
  }

  /** The HTML files, in a fixed order. */
  List<Path> html() {
    return html;
  }
}
