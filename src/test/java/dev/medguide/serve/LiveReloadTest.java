package dev.medguide.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveReloadTest {
  @TempDir Path work;

  @Test
  void injectsOnlyIntoHtmlFilesInsideTheSite() throws Exception {
    Path site = Files.createDirectories(work.resolve("site/ja"));
    Files.writeString(site.resolve("index.html"), "<html><head></head></html>");
    Files.writeString(work.resolve("secret.html"), "outside");
    Path root = work.resolve("site");
    assertThat(LiveReload.page(root, "/ja/"))
        .isEqualTo(site.resolve("index.html").toAbsolutePath());
    assertThat(LiveReload.page(root, "/ja/index.html")).isNotNull();
    assertThat(LiveReload.page(root, "/../secret.html")).isNull();
    assertThat(LiveReload.page(root, "/ja/../../secret.html")).isNull();
    assertThat(LiveReload.page(root, "/assets/medguide.css")).isNull();
    assertThat(LiveReload.page(root, "/missing.html")).isNull();
  }
}
