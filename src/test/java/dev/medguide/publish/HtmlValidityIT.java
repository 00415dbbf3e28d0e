package dev.medguide.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medguide.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every built page passes the Nu Html Checker (vnu-jar, installed into src/test/js by {@code npm
 * ci}) with no error. Without the checker this test fails.
 */
class HtmlValidityIT {
  static final Path VNU =
      TestSites.projectDir().resolve("src/test/js/node_modules/vnu-jar/build/dist/vnu.jar");

  @Test
  void everyPageIsValidHtml() throws Exception {
    assertThat(VNU)
        .as("run 'npm ci --prefix src/test/js' to install the Nu Html Checker")
        .isRegularFile();
    Path site = TestSites.realSite();
    TestSites.ProcessResult result =
        TestSites.run(
            Map.of(),
            "java",
            "-jar",
            VNU.toString(),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            site.toString());
    JsonNode report =
        new ObjectMapper().readTree(result.err().isBlank() ? result.out() : result.err());
    List<String> errors = new ArrayList<>();
    report
        .get("messages")
        .forEach(
            m ->
                errors.add(
                    m.path("url").asText().replace(site.toUri().toString(), "")
                        + ":"
                        + m.path("lastLine").asText()
                        + ": "
                        + m.path("message").asText()));
    long pages;
    try (var walk = Files.walk(site)) {
      pages = walk.filter(p -> p.toString().endsWith(".html")).count();
    }
    System.out.println("Nu Html Checker: " + pages + " pages, " + errors.size() + " errors");
    assertThat(pages).isGreaterThan(150);
    assertThat(errors).isEmpty();
  }
}
