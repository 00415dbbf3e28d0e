package dev.medguide.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes a workbook written by fastexcel byte-for-byte the same for the same content, as every file
 * of the site must be: fastexcel stamps {@code docProps/core.xml} with the time of writing ({@code
 * dcterms:created}, optional in the format), which is dropped here, and every entry gets one fixed
 * time.
 */
public final class ReproducibleXlsx {
  private static final FileTime ENTRY_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01

  /** Something that writes a workbook to a stream. */
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private ReproducibleXlsx() {}

  /** Writes the workbook to {@code file}, through a temporary file beside it. */
  public static void write(Writer writer, Path file) throws IOException {
    Path raw = Files.createTempFile(file.toAbsolutePath().getParent(), ".xlsx-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(raw)) {
        writer.write(out);
      }
      // Read by the central directory: fastexcel's entries carry their sizes after the data.
      try (ZipFile in = new ZipFile(raw.toFile());
          ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
        for (ZipEntry entry : Collections.list(in.entries())) {
          byte[] data;
          try (InputStream stream = in.getInputStream(entry)) {
            data = stream.readAllBytes();
          }
          if (entry.getName().equals("docProps/core.xml")) {
            data =
                new String(data, StandardCharsets.UTF_8)
                    .replaceAll("<dcterms:created[^>]*>[^<]*</dcterms:created>", "")
                    .getBytes(StandardCharsets.UTF_8);
          }
          ZipEntry copy = new ZipEntry(entry.getName());
          copy.setLastModifiedTime(ENTRY_TIME);
          zip.putNextEntry(copy);
          zip.write(data);
          zip.closeEntry();
        }
      }
    } finally {
      Files.deleteIfExists(raw);
    }
  }
}
