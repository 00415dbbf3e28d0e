package dev.medguide.publish;

import dev.medguide.BuildException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a published site into one zip for intranet administrators: the site under {@code medguide/}
 * plus {@code README-ja.txt} and {@code README-en.txt} on how to host it. Entries are sorted and
 * carry a fixed time, so the same site always gives the same bytes.
 */
public final class SitePackager {
  /**
   * 1980-01-01T00:00 in the zip's local time: the earliest DOS timestamp, fixed for
   * reproducibility.
   */
  private static final long FIXED_TIME =
      java.time.LocalDateTime.of(1980, 1, 1, 0, 0)
          .atZone(java.time.ZoneId.systemDefault())
          .toInstant()
          .toEpochMilli();

  private static final String ROOT = "medguide/";

  private final Path templatesDir;

  public SitePackager(Path templatesDir) {
    this.templatesDir = templatesDir;
  }

  /** Writes {@code zip} from {@code siteDir}; returns its size in bytes. */
  public long pack(Path siteDir, Path zip) {
    try {
      Files.createDirectories(zip.toAbsolutePath().getParent());
      Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
      try (OutputStream out = Files.newOutputStream(partial);
          ZipOutputStream archive = new ZipOutputStream(out)) {
        for (String readme : List.of("README-ja.txt", "README-en.txt")) {
          add(archive, readme, Files.readAllBytes(templatesDir.resolve("package").resolve(readme)));
        }
        try (Stream<Path> files = Files.walk(siteDir)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            add(
                archive,
                ROOT + siteDir.relativize(file).toString().replace('\\', '/'),
                Files.readAllBytes(file));
          }
        }
      }
      Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return Files.size(zip);
    } catch (IOException e) {
      throw new BuildException("cannot write " + zip + ": " + e.getMessage(), e);
    }
  }

  private static void add(ZipOutputStream archive, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(FIXED_TIME);
    archive.putNextEntry(entry);
    archive.write(bytes);
    archive.closeEntry();
  }
}
