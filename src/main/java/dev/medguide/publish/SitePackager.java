package dev.medguide.publish;

import dev.medguide.BuildException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Packs a published site into one zip for intranet administrators: the site under {@code medguide/}
 * plus {@code README-ja.txt} and {@code README-en.txt} on how to host it. Entries are sorted and
 * carry a fixed time, so the same site always gives the same bytes; each carries a Unix mode, 0644
 * for files and 0755 for folders (with an entry of its own), so that unzip gives a web server
 * running as another user a readable site whatever the packer's umask.
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
          ZipArchiveOutputStream archive = new ZipArchiveOutputStream(out)) {
        for (String readme : List.of("README-ja.txt", "README-en.txt")) {
          add(archive, readme, Files.readAllBytes(templatesDir.resolve("package").resolve(readme)));
        }
        try (Stream<Path> files = Files.walk(siteDir)) {
          for (Path file : files.sorted().toList()) {
            String name = ROOT + siteDir.relativize(file).toString().replace('\\', '/');
            if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              add(archive, name.endsWith("/") ? name : name + "/", null);
            } else if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              add(archive, name, Files.readAllBytes(file));
            }
          }
        }
      }
      Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return Files.size(zip);
    } catch (IOException e) {
      throw new BuildException("cannot write " + zip + ": " + e.getMessage(), e);
    }
  }

  /** Mode bits of a regular file and a folder, as unzip reads them. */
  static final int FILE_MODE = 0100644;

  static final int FOLDER_MODE = 040755;

  /** Adds a file, or a folder when bytes is null. */
  private static void add(ZipArchiveOutputStream archive, String name, byte[] bytes)
      throws IOException {
    ZipArchiveEntry entry = new ZipArchiveEntry(name);
    entry.setTime(FIXED_TIME);
    entry.setUnixMode(bytes == null ? FOLDER_MODE : FILE_MODE);
    archive.putArchiveEntry(entry);
    if (bytes != null) {
      archive.write(bytes);
    }
    archive.closeArchiveEntry();
  }
}
