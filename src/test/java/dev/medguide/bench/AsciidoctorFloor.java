package dev.medguide.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

/**
 * The floor of the build benchmark: AsciidoctorJ alone, in a fresh JVM, converting every page of a
 * content folder to HTML files with its default settings. No site can be built faster with
 * AsciidoctorJ than this.
 *
 * <p>Usage: {@code AsciidoctorFloor <contentDir> <outputDir>}
 */
public final class AsciidoctorFloor {
  private AsciidoctorFloor() {}

  public static void main(String[] args) throws IOException {
    Path content = Path.of(args[0]);
    Path output = Path.of(args[1]);
    List<Path> pages = pages(content);
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
      for (Path page : pages) {
        Path target =
            output.resolve(content.relativize(page).toString().replaceAll("\\.adoc$", ".html"));
        Files.createDirectories(target.getParent());
        String html =
            asciidoctor.convertFile(
                page.toFile(),
                Options.builder().safe(SafeMode.SAFE).standalone(true).toFile(false).build());
        Files.writeString(target, html, StandardCharsets.UTF_8);
      }
    }
    System.out.println("converted " + pages.size() + " pages");
  }

  /** The AsciiDoc pages of both languages, in a fixed order. */
  public static List<Path> pages(Path content) throws IOException {
    try (Stream<Path> files = Files.walk(content)) {
      return files
          .filter(p -> p.toString().endsWith(".adoc"))
          .filter(p -> !content.relativize(p).startsWith("data"))
          .sorted()
          .toList();
    }
  }
}
