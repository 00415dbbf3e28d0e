package dev.medguide.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * The baseline of the build benchmark: plain JBake baking the same AsciiDoc pages with its own
 * command line and default settings, into pages made by a minimal template (title and body: no
 * navigation, cross-links or search index). It sets up a JBake project around a content folder; the
 * benchmark then runs {@code org.jbake.launcher.Main -b <project> <output>} in a fresh JVM.
 */
public final class PlainJBake {
  /** The one template: what every page needs and nothing more. */
  private static final String PAGE_TEMPLATE =
      """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>${content.title}</title></head>
      <body><h1>${content.title}</h1>${content.body}</body></html>
      """;

  /**
   * JBake's defaults, except that every file is a published page (our pages carry no JBake type or
   * status) and that JBake's blog pages (index, feed, archive, tags, sitemap), which need templates
   * of their own and which medguide does not make, are off.
   */
  private static final List<String> PROPERTIES =
      List.of(
          "default.status=published",
          "default.type=page",
          "template.page.file=page.ftl",
          "render.index=false",
          "render.feed=false",
          "render.archive=false",
          "render.tags=false",
          "render.sitemap=false",
          "render.error404=false");

  private PlainJBake() {}

  public static void main(String[] args) {
    File project = new File(args[0]);
    File output = new File(args[1]);
    Oven oven =
        new Oven(
            new JBakeConfigurationFactory().createDefaultJbakeConfiguration(project, output, true));
    oven.bake();
    if (!oven.getErrors().isEmpty()) {
      oven.getErrors().forEach(e -> System.err.println("error: " + e.getMessage()));
      System.exit(1);
    }
  }

  /** Makes a JBake project in {@code project} whose content is the pages of {@code content}. */
  public static void setUp(Path content, Path project) throws IOException {
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("templates/page.ftl"), PAGE_TEMPLATE, StandardCharsets.UTF_8);
    Files.write(project.resolve("jbake.properties"), PROPERTIES, StandardCharsets.UTF_8);
    for (Path page : AsciidoctorFloor.pages(content)) {
      Path target = project.resolve("content").resolve(content.relativize(page).toString());
      Files.createDirectories(target.getParent());
      Files.copy(page, target);
    }
  }
}
